/*
 * pairs: every pair of sentences of a story as the claim linker scores it,
 * for tests/claims-gold/gold.py's `pairs` command, which tells from them
 * why the gold's missed pairs were not linked and its wrong ones were.
 *
 *   pairs DIR...   loads DIR's sources as parallax does (the taxonomy from
 *                  where parallax finds it) and prints, tab-separated:
 *     bars    PAIR_MIN NEVER     the least similarity of a pair worth
 *                                grouping; the founding bar of a theme
 *     doc     D PATH             each source, D its index
 *     pair    D I E J SIM BAR G  sentence I of source D and J of E: their
 *                                similarity, the least at which the two
 *                                alone found a claim, 1 if in one claim
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "candidates.h"
#include "claims.h"
#include "document.h"
#include "paths.h"
#include "story.h"
#include "taxonomy.h"

static void
pairs_print(void *ctx, const struct claims_pair *p)
{
	(void)ctx;
	printf("pair\t%zu\t%zu\t%zu\t%zu\t%.4f\t%.2f\t%d\n", p->a.doc,
	    p->a.sentence, p->b.doc, p->b.sentence, p->sim, p->bar,
	    p->grouped);
}

int
main(int argc, char **argv)
{
	struct taxonomy *tax;
	struct story *story;
	char *path, *errors = NULL, *cause = NULL;
	bool is_default;
	size_t d;

	if (argc < 2) {
		fprintf(stderr, "usage: pairs DIR...\n");
		return 2;
	}
	path = paths_taxonomy(NULL, &is_default);
	if (taxonomy_load_file(path, &tax, &errors) != 0) {
		fprintf(stderr, "pairs: %s: %s\n", path, errors);
		return 1;
	}
	free(path);
	if (story_load(&story, argv + 1, (size_t)argc - 1, tax, NULL,
	    &cause) != 0) {
		fprintf(stderr, "pairs: %s\n", cause);
		return 1;
	}
	printf("bars\t%.2f\t%.2f\n", CANDIDATES_PAIR_MIN, CANDIDATES_NEVER);
	for (d = 0; d < story->ndocs; d++)
		printf("doc\t%zu\t%s\n", d, story->docs[d]->path);
	claims_pairs(story->docs, story->ndocs, pairs_print, NULL);
	story_free(story);
	return 0;
}
