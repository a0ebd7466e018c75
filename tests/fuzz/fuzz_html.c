/*
 * fuzz_html: any bytes as an HTML page and as a feed item's fragment, the
 * first byte choosing the charset a transport would declare.  A page
 * either fails with one line naming it or gives a consistent,
 * terminal-safe document; a fragment's draft keeps its paragraphs inside
 * its text, each on one line.  Nothing crashes, leaks or runs away on
 * deep nesting, entities or lying charsets.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "draft.h"
#include "fuzz.h"
#include "html.h"

#define FUZZ_NAME "fuzz.html"

static const char *const fuzz_charsets[] = {
	NULL, "utf-8", "windows-1252", "ISO-8859-15", "UTF-16", "utf-16le",
	"shift_jis", "no-such-charset",
};

static void
fuzz_check_draft(const struct draft *d)
{
	size_t i;

	FUZZ_ASSERT(d->text.len == 0 || strlen(d->text.data) == d->text.len);
	for (i = 0; i < d->nparas; i++) {
		const char *s = d->text.data + d->paras[i].start;
		size_t n = d->paras[i].end - d->paras[i].start;

		FUZZ_ASSERT(d->paras[i].start < d->paras[i].end);
		FUZZ_ASSERT(d->paras[i].end < d->text.len);
		FUZZ_ASSERT(d->text.data[d->paras[i].end] == '\n');
		FUZZ_ASSERT(memchr(s, '\n', n) == NULL);
		FUZZ_ASSERT(s[0] != ' ' && s[n - 1] != ' ');
		FUZZ_CHECK(inv_terminal_safe(s, n));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *charset;
	struct document *doc = NULL;
	struct draft d;
	char *cause = NULL;

	if (size == 0)
		return 0;
	charset = fuzz_charsets[data[0] % (sizeof fuzz_charsets /
	    sizeof fuzz_charsets[0])];
	data++;
	size--;
	(void)html_sniff((const char *)data, size);
	if (document_load_html(FUZZ_NAME, (const char *)data, size, charset,
	    &doc, &cause) == 0) {
		fuzz_check_document(doc);
		document_free(doc);
	} else {
		fuzz_check_cause(cause, FUZZ_NAME);
		free(cause);
		cause = NULL;
	}
	draft_init(&d);
	if (html_extract(FUZZ_NAME, (const char *)data, size, charset,
	    HTML_FRAGMENT, &d, &cause) == 0)
		fuzz_check_draft(&d);
	else {
		fuzz_check_cause(cause, FUZZ_NAME);
		free(cause);
	}
	draft_free(&d);
	return 0;
}
