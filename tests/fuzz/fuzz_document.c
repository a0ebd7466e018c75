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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	char *cause = NULL;

	if (document_load_buffer(FUZZ_NAME, (const char *)data, size, &doc,
	    &cause) != 0) {
		fuzz_check_cause(cause, FUZZ_NAME);
		free(cause);
		return 0;
	}
	fuzz_check_document(doc);
	document_free(doc);
	return 0;
}
