/*
 * fuzz_savedarticle: any bytes after the start of a header newsboat
 * writes when it saves an article ("Feed: "), so the fuzzer spends its
 * time in the header's keys, wrapped values, dates and the closing links
 * list.  The body found lies within the text, and every field the header
 * gives is terminal-safe.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fuzz.h"
#include "savedarticle.h"
#include "text.h"
#include "xalloc.h"

#define FUZZ_PREFIX "Feed: "

static void
fuzz_check_field(const char *s)
{
	if (s != NULL)
		FUZZ_CHECK(inv_terminal_safe(s, strlen(s)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc;
	char *buf, *text, *cause = NULL;
	size_t len = strlen(FUZZ_PREFIX) + size, tlen, body, end, ulen;

	buf = xmalloc(len);
	memcpy(buf, FUZZ_PREFIX, strlen(FUZZ_PREFIX));
	if (size != 0)
		memcpy(buf + strlen(FUZZ_PREFIX), data, size);
	/* savedarticle_read is given sanitised text, as the loader does. */
	text = text_sanitize(buf, len, &tlen);
	doc = xcalloc(1, sizeof *doc);
	body = savedarticle_read(doc, text, tlen, &end);
	FUZZ_ASSERT(body <= end && end <= tlen);
	FUZZ_ASSERT(body != 0 || end == tlen);
	fuzz_check_field(doc->outlet);
	fuzz_check_field(doc->title);
	fuzz_check_field(doc->url);
	fuzz_check_field(doc->date);
	fuzz_check_field(doc->author);
	if (body != 0) {
		char *unmarked = savedarticle_unmark(text, body, end, tlen,
		    &ulen);

		/* Markers and trailing spaces go; nothing is added. */
		FUZZ_ASSERT(ulen <= end - body && strlen(unmarked) == ulen);
		FUZZ_CHECK(inv_terminal_safe(unmarked, ulen));
		free(unmarked);
	}
	document_free(doc);
	free(text);
	/* And the whole loader on the same bytes. */
	if (document_load_buffer("fuzz.txt", buf, len, &doc, &cause) == 0)
		document_free(doc);
	else
		free(cause);
	free(buf);
	return 0;
}
