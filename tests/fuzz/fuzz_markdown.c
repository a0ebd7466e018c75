/*
 * fuzz_markdown: any bytes as a Markdown body (the first byte choosing
 * whether lines are paragraphs), then as a whole .md source (or, by the
 * first byte's second bit, as standard input, whose Markdown is sniffed).
 * The draft's
 * paragraphs lie inside its text, each on one line, trimmed and
 * terminal-safe; the source loads as a consistent document or fails with
 * one line naming it.  A sanitised body that markdown_lines takes as its
 * lines is what md4c renders with lines as paragraphs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "draft.h"
#include "fuzz.h"
#include "markdown.h"
#include "text.h"

#define FUZZ_NAME "fuzz.md"

/* markdown_lines' paragraphs of BODY are md4c's, one for one. */
static void
fuzz_lines(const char *body, size_t len)
{
	struct draft_para *paras;
	struct draft m;
	size_t np, longest, i, n;

	if (!text_is_clean(body, len) ||
	    !markdown_lines(body, len, &paras, &np, &longest))
		return;
	draft_init(&m);
	FUZZ_ASSERT(markdown_render_md4c(body, len, true, &m) == 0);
	FUZZ_ASSERT(m.nparas == np);
	for (i = 0; i < np; i++) {
		n = paras[i].end - paras[i].start;
		FUZZ_ASSERT(m.paras[i].end - m.paras[i].start == n);
		FUZZ_ASSERT(memcmp(m.text.data + m.paras[i].start,
		    body + paras[i].start, n) == 0);
		FUZZ_ASSERT(!m.paras[i].heading);
	}
	draft_free(&m);
	free(paras);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct draft d;
	char *cause = NULL;
	const char *name;
	size_t i;

	if (size == 0)
		return 0;
	draft_init(&d);
	FUZZ_ASSERT(markdown_render((const char *)data + 1, size - 1,
	    data[0] & 1, &d) == 0);
	for (i = 0; i < d.nparas; i++) {
		const char *s = d.text.data + d.paras[i].start;
		size_t n = d.paras[i].end - d.paras[i].start;

		FUZZ_ASSERT(d.paras[i].start < d.paras[i].end);
		FUZZ_ASSERT(d.text.data[d.paras[i].end] == '\n');
		FUZZ_ASSERT(memchr(s, '\n', n) == NULL);
		FUZZ_ASSERT(s[0] != ' ' && s[n - 1] != ' ');
		FUZZ_CHECK(inv_terminal_safe(s, n));
	}
	draft_free(&d);
	fuzz_lines((const char *)data + 1, size - 1);
	name = data[0] & 2 ? "-" : FUZZ_NAME;
	if (document_load_buffer(name, (const char *)data + 1, size - 1,
	    &doc, &cause) == 0) {
		fuzz_check_document(doc);
		document_free(doc);
	} else {
		fuzz_check_cause(cause, name);
		free(cause);
	}
	return 0;
}
