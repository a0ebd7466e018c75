/*
 * fuzz_segment: any bytes through text_sanitize, then the sentence
 * splitter.  Sanitised text must be terminal-safe UTF-8 and a fixed point;
 * sentences must be trimmed, ordered, disjoint, on UTF-8 boundaries and
 * together keep every non-blank byte.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "segment.h"
#include "text.h"

static int
fuzz_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct span *spans;
	size_t len, again_len, n, i, pos, covered;
	char *text, *again;

	text = text_sanitize((const char *)data, size, &len);
	FUZZ_ASSERT(strlen(text) == len);
	FUZZ_CHECK(inv_terminal_safe(text, len));
	again = text_sanitize(text, len, &again_len);
	FUZZ_ASSERT(again_len == len && memcmp(again, text, len) == 0);
	free(again);

	/* text_decode agrees with a strict decoder on valid input. */
	for (pos = 0; pos < len;) {
		size_t ref = pos;
		int32_t want = inv_utf8_next(text, len, &ref);

		FUZZ_ASSERT(text_decode(text, len, &pos) == want);
		FUZZ_ASSERT(pos == ref);
	}
	(void)text_width(text, len);

	n = segment_split(text, len, &spans);
	FUZZ_ASSERT((n == 0) == (spans == NULL));
	covered = 0;
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(inv_span(text, len, spans[i].start, spans[i].end));
		FUZZ_ASSERT(i == 0 || spans[i].start >= spans[i - 1].end);
		FUZZ_ASSERT(!fuzz_blank(text[spans[i].start]));
		FUZZ_ASSERT(!fuzz_blank(text[spans[i].end - 1]));
		/* Nothing but white space between sentences. */
		for (pos = covered; pos < spans[i].start; pos++)
			FUZZ_ASSERT(fuzz_blank(text[pos]));
		covered = spans[i].end;
	}
	for (pos = covered; pos < len; pos++)
		FUZZ_ASSERT(fuzz_blank(text[pos]));
	free(spans);
	free(text);
	return 0;
}
