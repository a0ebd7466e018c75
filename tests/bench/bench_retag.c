/*
 * bench_retag: what a taxonomy edit costs in the reader.
 *
 *   bench_retag TAXONOMY DIR...
 *
 * Opens DIR... as one story (load, tag, link), then re-reads TAXONOMY and
 * re-tags and re-links the whole story, as the reader does after `e`, `a`
 * or a change on disk.  Prints the corpus size and the CPU seconds of the
 * open and of the re-tag (best of three).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "document.h"
#include "story.h"
#include "taxonomy.h"

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct taxonomy *
load(const char *path)
{
	struct taxonomy *tax;
	char *errors;

	if (taxonomy_load_file(path, &tax, &errors) != 0) {
		fprintf(stderr, "bench_retag: %s\n", errors);
		exit(1);
	}
	return tax;
}

int
main(int argc, char **argv)
{
	struct story *story;
	char *cause;
	double t, open_s, best = -1;
	size_t d, i, bytes = 0, sentences = 0;
	int round;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_retag TAXONOMY DIR...\n");
		return 2;
	}
	t = cpu_seconds();
	if (story_open(&story, argv + 2, (size_t)(argc - 2), load(argv[1]),
	    &cause) != 0) {
		fprintf(stderr, "bench_retag: %s\n", cause);
		return 1;
	}
	open_s = cpu_seconds() - t;
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++)
			bytes += story->docs[d]->sentences[i].len;
		sentences += story->docs[d]->nsentences;
	}
	for (round = 0; round < 3; round++) {
		struct taxonomy *tax = load(argv[1]);

		t = cpu_seconds();
		story_retag(story, tax);
		t = cpu_seconds() - t;
		if (best < 0 || t < best)
			best = t;
	}
	printf("%zu sources, %zu sentences, %.1f MB of sentence text: "
	    "open %.2f cpu-s, re-tag and re-link %.2f cpu-s (%.1f MB/s)\n",
	    story->ndocs, sentences, (double)bytes / 1e6, open_s, best,
	    (double)bytes / 1e6 / best);
	story_free(story);
	return 0;
}
