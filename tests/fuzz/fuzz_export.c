/*
 * fuzz_export: one or two sources (split at the first NUL byte) tagged
 * with a small taxonomy, linked into claims and written by every JSON
 * exporter.  The output must be strict JSON (one value for --json, one a
 * line for --jsonl) and safe to print raw on a terminal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "claims.h"
#include "export.h"
#include "fuzz.h"
#include "story.h"
#include "tagger.h"
#include "taxonomy.h"

/* Small, so each run is fast, but with every feature the exporters show. */
static const char taxonomy_text[] =
    "version: 1\n"
    "topics:\n"
    "  - id: nato\n"
    "    label: NATO membership\n"
    "    color: blue\n"
    "    keywords: [NATO membership, join* NATO]\n"
    "    match-case: [NATO]\n"
    "    exclude: [NATO summit]\n"
    "    topics:\n"
    "      - id: nato-art5\n"
    "        label: Article 5\n"
    "        keywords: [Article 5, collective defen*]\n"
    "  - id: troops\n"
    "    label: Troops\n"
    "    keywords: [troop*, deploy* troop*, soldier*, \"boots on the ground\"]\n"
    "  - id: talks\n"
    "    label: \"Talks \u201cpeace\u201d\"\n"
    "    keywords: [talks, ceasefire, negotiat*, Mr., U.S.]\n";

/* The output is safe to print and is JSON, whole or line by line. */
static void
fuzz_check_output(char *buf, size_t size, int per_line)
{
	char *line, *end;

	FUZZ_CHECK(inv_terminal_safe(buf, size));
	if (!per_line) {
		FUZZ_CHECK(inv_json(buf, size));
		return;
	}
	for (line = buf; line < buf + size; line = end + 1) {
		end = memchr(line, '\n', (size_t)(buf + size - line));
		FUZZ_ASSERT(end != NULL);
		FUZZ_CHECK(inv_json(line, (size_t)(end - line)));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nul;
	struct story story;
	struct taxonomy *tax;
	struct document *docs[2], *doc;
	char *errors, *cause, *buf;
	size_t n = 0, bufsize, i;
	FILE *fp;

	nul = memchr(in, '\0', size);
	if (document_load_buffer("one.md", in, nul != NULL ?
	    (size_t)(nul - in) : size, &doc, &cause) == 0)
		docs[n++] = doc;
	else
		free(cause);
	if (nul != NULL && document_load_buffer("two.txt", nul + 1,
	    size - (size_t)(nul - in) - 1, &doc, &cause) == 0)
		docs[n++] = doc;
	else if (nul != NULL)
		free(cause);
	if (n == 0)
		return 0;

	FUZZ_ASSERT(taxonomy_load_buffer("taxonomy.yaml", taxonomy_text,
	    sizeof taxonomy_text - 1, &tax, &errors) == 0);
	memset(&story, 0, sizeof story);
	story.docs = docs;
	story.ndocs = n;
	story_retag(&story, tax);

	FUZZ_ASSERT((fp = open_memstream(&buf, &bufsize)) != NULL);
	export_json(fp, &story, "taxonomy.yaml");
	FUZZ_ASSERT(fclose(fp) == 0);
	fuzz_check_output(buf, bufsize, 0);
	free(buf);

	FUZZ_ASSERT((fp = open_memstream(&buf, &bufsize)) != NULL);
	for (i = 0; i < n; i++)
		export_jsonl_document(fp, docs[i], story.taxonomy, NULL);
	FUZZ_ASSERT(fclose(fp) == 0);
	fuzz_check_output(buf, bufsize, 1);
	free(buf);

	for (i = 0; i < n; i++)
		document_free(docs[i]);
	claims_free(story.claims);
	tagger_free(story.tagger);
	taxonomy_free(story.taxonomy);
	return 0;
}
