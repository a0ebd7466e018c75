/*
 * fuzz_matcher: a random phrase list and a random text.  The input is
 * phrases, one a line, then a NUL byte, then the text; a phrase line
 * starting with '=' is case-sensitive.  Phrases the taxonomy validator
 * would refuse are skipped, as the loader never passes them on.  Every
 * match must name a phrase, lie inside the text on UTF-8 boundaries (of
 * sanitised text), come in ascending start order, and match again when its
 * span is searched alone (a match only needs its own tokens).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "matcher.h"
#include "text.h"

struct fuzz_hits {
	struct fuzz_hit {
		size_t phrase;
		size_t start;
		size_t end;
	} *v;
	size_t n;
	size_t cap;
};

static void
fuzz_collect(void *arg, size_t phrase, size_t start, size_t end)
{
	struct fuzz_hits *h = arg;

	if (h->n == h->cap) {
		h->cap = h->cap == 0 ? 16 : h->cap * 2;
		h->v = realloc(h->v, h->cap * sizeof *h->v);
		FUZZ_ASSERT(h->v != NULL);
	}
	h->v[h->n].phrase = phrase;
	h->v[h->n].start = start;
	h->v[h->n].end = end;
	h->n++;
}

static void
fuzz_find(const struct matcher *m, struct matcher_scratch *s,
    const char *text, size_t len, struct fuzz_hits *h)
{
	h->n = 0;
	FUZZ_ASSERT(matcher_find(m, s, text, len, fuzz_collect, h) == h->n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nul, *line, *end;
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct fuzz_hits all = { NULL, 0, 0 }, alone = { NULL, 0, 0 };
	size_t i, j, len, tlen, found;
	enum matcher_case mode;
	char *text;

	nul = memchr(in, '\0', size);
	end = nul != NULL ? nul : in + size;
	for (line = in; line < end; line = (const char *)memchr(line, '\n',
	    (size_t)(end - line)) + 1) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));

		len = (size_t)((eol != NULL ? eol : end) - line);
		mode = MATCHER_FOLD;
		if (len > 0 && line[0] == '=') {
			mode = MATCHER_EXACT;
			line++;
			len--;
		}
		if (matcher_phrase_problem(line, len) == NULL)
			matcher_add(m, line, len, mode);
		if (eol == NULL)
			break;
	}
	if (nul == NULL)
		nul = in + size - (size > 0);

	/* Raw bytes: no crash, matches in bounds. */
	fuzz_find(m, s, nul, (size_t)(in + size - nul), &all);
	for (i = 0; i < all.n; i++) {
		FUZZ_ASSERT(all.v[i].phrase < matcher_count(m));
		FUZZ_ASSERT(all.v[i].start < all.v[i].end);
		FUZZ_ASSERT(all.v[i].end <= (size_t)(in + size - nul));
	}

	text = text_sanitize(nul, (size_t)(in + size - nul), &tlen);
	fuzz_find(m, s, text, tlen, &all);
	for (i = 0; i < all.n; i++) {
		FUZZ_ASSERT(all.v[i].phrase < matcher_count(m));
		FUZZ_CHECK(inv_span(text, tlen, all.v[i].start, all.v[i].end));
		FUZZ_ASSERT(i == 0 || all.v[i].start >= all.v[i - 1].start);
		fuzz_find(m, s, text + all.v[i].start,
		    all.v[i].end - all.v[i].start, &alone);
		found = 0;
		for (j = 0; j < alone.n; j++)
			found |= alone.v[j].phrase == all.v[i].phrase &&
			    alone.v[j].start == 0 &&
			    alone.v[j].end == all.v[i].end - all.v[i].start;
		FUZZ_ASSERT(found);
	}
	free(text);
	free(all.v);
	free(alone.v);
	matcher_scratch_free(s);
	matcher_free(m);
	return 0;
}
