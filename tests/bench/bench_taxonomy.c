/*
 * bench_taxonomy: what opening a taxonomy costs before anything is read.
 *
 *   bench_taxonomy TAXONOMY [RUNS]
 *
 * Loads TAXONOMY (read, parse, check) and compiles its matcher, RUNS
 * times (default 20), and prints the CPU milliseconds of the first run,
 * the one a starting reader pays (its heap still cold), and the median of
 * the others.  Issue 17's goal is the bundled taxonomy in under 5 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchtime.h"
#include "tagger.h"
#include "taxonomy.h"

int
main(int argc, char **argv)
{
	struct taxonomy *tax;
	struct tagger *tagger;
	double *ms, t0;
	char *errors;
	int runs = argc > 2 ? atoi(argv[2]) : 20, i;
	size_t keywords = 0, k;

	if (argc < 2 || runs < 2) {
		fprintf(stderr, "usage: bench_taxonomy TAXONOMY [RUNS >= 2]\n");
		return 2;
	}
	if ((ms = calloc((size_t)runs, sizeof *ms)) == NULL)
		return 1;
	for (i = 0; i < runs; i++) {
		t0 = benchtime_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (taxonomy_load_file(argv[1], &tax, &errors) != 0) {
			fputs(errors, stderr);
			return 1;
		}
		tagger = tagger_new(tax);
		ms[i] = benchtime_ms(CLOCK_PROCESS_CPUTIME_ID) - t0;
		for (k = 0, keywords = 0; k < tax->ntopics; k++)
			keywords += tax->topics[k].nkeywords +
			    tax->topics[k].nmatch_case + tax->topics[k].nexclude +
			    tax->topics[k].nambiguous;
		tagger_free(tagger);
		taxonomy_free(tax);
	}
	qsort(ms + 1, (size_t)runs - 1, sizeof *ms, benchtime_cmp);
	printf("%zu phrases: first load %.2f ms, median of the next %d "
	    "%.2f ms (CPU, load and matcher)\n", keywords, ms[0], runs - 1,
	    ms[1 + (runs - 1) / 2]);
	free(ms);
	return 0;
}
