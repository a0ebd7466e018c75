/*
 * bench_tag: tagging alone, repeated, for comparing two builds of the
 * matcher and the tagger on a machine other jobs share.
 *
 *   bench_tag TAXONOMY PASSES FILE...
 *
 * Loads TAXONOMY and every FILE as a document, then tags them all
 * (tagger_tag_document) PASSES times and prints each pass's CPU time of
 * the thread in milliseconds, one a line, then the fewest and the median
 * of the passes after the first (which warms the caches) and the
 * sentence bytes a second of the fewest.  Loading, splitting and
 * boilerplate are not in it, so a change to tagging is not lost in the
 * rest of the path; the fewest is the run other jobs disturbed least.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchtime.h"
#include "document.h"
#include "tagger.h"
#include "taxonomy.h"

int
main(int argc, char **argv)
{
	struct taxonomy *tax;
	struct tagger *tagger;
	struct document **docs;
	char *errors, *cause;
	double *ms, t0;
	int passes = argc > 2 ? atoi(argv[2]) : 0, p, i, n = 0;
	size_t bytes = 0, j;

	if (argc < 4 || passes < 2) {
		fprintf(stderr,
		    "usage: bench_tag TAXONOMY PASSES>=2 FILE...\n");
		return 2;
	}
	if (taxonomy_load_file(argv[1], &tax, &errors) != 0) {
		fputs(errors, stderr);
		return 1;
	}
	tagger = tagger_new(tax);
	docs = calloc((size_t)argc, sizeof *docs);
	ms = calloc((size_t)passes, sizeof *ms);
	if (docs == NULL || ms == NULL)
		return 1;
	for (i = 3; i < argc; i++) {
		if (document_load_file(argv[i], &docs[n], &cause) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], cause);
			free(cause);
			continue;
		}
		for (j = 0; j < docs[n]->nsentences; j++)
			bytes += docs[n]->sentences[j].len;
		n++;
	}
	for (p = 0; p < passes; p++) {
		t0 = benchtime_ms(CLOCK_THREAD_CPUTIME_ID);
		for (i = 0; i < n; i++)
			tagger_tag_document(tagger, docs[i]);
		ms[p] = benchtime_ms(CLOCK_THREAD_CPUTIME_ID) - t0;
		printf("%.3f\n", ms[p]);
	}
	qsort(ms + 1, (size_t)passes - 1, sizeof *ms, benchtime_cmp);
	printf("%d documents, %zu sentence bytes: fewest %.3f ms, median "
	    "%.3f ms of %d passes after the first, %.1f MB/s\n", n, bytes,
	    ms[1], ms[1 + (passes - 1) / 2], passes - 1,
	    (double)bytes / (1 << 20) / (ms[1] / 1e3));
	for (i = 0; i < n; i++)
		document_free(docs[i]);
	free(docs);
	free(ms);
	tagger_free(tagger);
	taxonomy_free(tax);
	return 0;
}
