/*
 * fuzz_feed: any bytes as a feed.  Each item gives a document whose every
 * string is terminal-safe, or one one-line warning naming the feed; a
 * feed never crashes, hangs or expands an entity.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "feed.h"
#include "fuzz.h"

#define FUZZ_NAME "fuzz.xml"

static void
fuzz_check_field(const char *s)
{
	if (s != NULL)
		FUZZ_CHECK(inv_terminal_safe(s, strlen(s)));
}

static void
fuzz_document(void *ctx, struct document *doc)
{
	size_t i, *n = ctx;

	FUZZ_ASSERT(doc->outlet != NULL);
	FUZZ_ASSERT(strncmp(doc->path, FUZZ_NAME "#", strlen(FUZZ_NAME) + 1) == 0);
	fuzz_check_field(doc->outlet);
	fuzz_check_field(doc->title);
	fuzz_check_field(doc->url);
	fuzz_check_field(doc->date);
	fuzz_check_field(doc->author);
	for (i = 0; i < doc->nsentences; i++) {
		FUZZ_ASSERT(doc->sentences[i].len > 0);
		FUZZ_CHECK(inv_terminal_safe(doc->sentences[i].text,
		    doc->sentences[i].len));
		FUZZ_ASSERT(doc->sentences[i].paragraph < doc->nparagraphs);
	}
	(*n)++;
	document_free(doc);
}

static void
fuzz_warning(void *ctx, char *message)
{
	FUZZ_ASSERT(strncmp(message, FUZZ_NAME, strlen(FUZZ_NAME)) == 0);
	FUZZ_ASSERT(strchr(message, '\n') == NULL);
	FUZZ_CHECK(inv_terminal_safe(message, strlen(message)));
	free(message);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = 0;

	(void)feed_sniff((const char *)data, size);
	FUZZ_ASSERT(feed_read(FUZZ_NAME, (const char *)data, size,
	    fuzz_document, fuzz_warning, &n) == n);
	return 0;
}
