/*
 * fuzz_document: any bytes as a source, front matter included.  A load
 * either fails with one line naming the source, or gives a document whose
 * every string is terminal-safe and whose sentences, paragraphs and quote
 * spans are consistent.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fuzz.h"

#define FUZZ_NAME "fuzz.md"

static void
fuzz_check_field(const char *s)
{
	if (s != NULL)
		FUZZ_CHECK(inv_terminal_safe(s, strlen(s)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct sentence *s;
	char *cause = NULL;
	size_t i, j;

	if (document_load_buffer(FUZZ_NAME, (const char *)data, size, &doc,
	    &cause) != 0) {
		FUZZ_ASSERT(cause != NULL);
		FUZZ_ASSERT(strncmp(cause, FUZZ_NAME ":", strlen(FUZZ_NAME) + 1) == 0);
		FUZZ_ASSERT(strchr(cause, '\n') == NULL);
		FUZZ_CHECK(inv_terminal_safe(cause, strlen(cause)));
		free(cause);
		return 0;
	}
	FUZZ_ASSERT(doc != NULL);
	fuzz_check_field(doc->path);
	FUZZ_ASSERT(doc->outlet != NULL);
	fuzz_check_field(doc->outlet);
	fuzz_check_field(doc->title);
	fuzz_check_field(doc->url);
	fuzz_check_field(doc->date);
	fuzz_check_field(doc->author);
	fuzz_check_field(doc->dateline);
	for (i = 0; i < doc->nextra; i++) {
		FUZZ_ASSERT(doc->extra[i].key != NULL);
		fuzz_check_field(doc->extra[i].key);
		fuzz_check_field(doc->extra[i].value);
	}
	for (i = 0; i < doc->nsentences; i++) {
		s = &doc->sentences[i];
		FUZZ_ASSERT(s->text != NULL && strlen(s->text) == s->len);
		FUZZ_ASSERT(s->len > 0);
		FUZZ_CHECK(inv_terminal_safe(s->text, s->len));
		FUZZ_ASSERT(s->paragraph < doc->nparagraphs);
		FUZZ_ASSERT(i == 0 ||
		    s->paragraph >= doc->sentences[i - 1].paragraph);
		for (j = 0; j < s->nquotes; j++) {
			FUZZ_ASSERT(s->quotes[j].start <= s->quotes[j].end);
			FUZZ_ASSERT(s->quotes[j].end <= s->len);
			FUZZ_ASSERT(inv_on_boundary(s->text, s->len,
			    s->quotes[j].start));
			FUZZ_ASSERT(inv_on_boundary(s->text, s->len,
			    s->quotes[j].end));
			FUZZ_ASSERT(j == 0 ||
			    s->quotes[j].start >= s->quotes[j - 1].end);
		}
		FUZZ_ASSERT(s->nmatches == 0 && s->ntopics == 0);
		FUZZ_ASSERT(s->claim == SENTENCE_NO_CLAIM);
	}
	document_free(doc);
	return 0;
}
