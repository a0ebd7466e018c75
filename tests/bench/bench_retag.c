/*
 * bench_retag: what a taxonomy edit costs in the reader.
 *
 *   bench_retag TAXONOMY DIR...
 *
 * Opens DIR... as one story (load, tag, link), then re-tags the whole
 * story as the reader does after `e`, `a` or a change on disk: with
 * TAXONOMY read again unchanged, and with the first keyword of its first
 * topic taken out and put back in turn (an edit that changes the topics
 * of sentences; the claims stay, their topics made anew).  Prints the
 * corpus size and the CPU seconds of the open and of each re-tag (best of
 * three).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "document.h"
#include "story.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "xalloc.h"

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct taxonomy *
load(const char *path, const char *buf, size_t len)
{
	struct taxonomy *tax;
	char *errors;

	if (taxonomy_load_buffer(path, buf, len, &tax, &errors) != 0) {
		fprintf(stderr, "bench_retag: %s\n", errors);
		exit(1);
	}
	return tax;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0;

	if (fp == NULL) {
		perror(path);
		exit(1);
	}
	*len = 0;
	do {
		cap = cap * 2 + 65536;
		buf = xreallocarray(buf, cap + 1, 1);
		*len += fread(buf + *len, 1, cap - *len, fp);
	} while (*len == cap);
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

/* Best of three re-tags, with TEXT[0], TEXT[1], TEXT[0] as the taxonomy. */
static double
retag(struct story *story, const char *path, char *const *text,
    const size_t *len)
{
	double t, best = -1;
	int round;

	for (round = 0; round < 3; round++) {
		struct taxonomy *tax = load(path, text[round % 2],
		    len[round % 2]);

		t = cpu_seconds();
		story_retag(story, tax);
		t = cpu_seconds() - t;
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

int
main(int argc, char **argv)
{
	struct story *story;
	const struct topic *topic;
	char *cause, *text[2], *same[2];
	size_t d, i, len[2], samelen[2], bytes = 0, sentences = 0;
	double t, open_s, same_s, edit_s;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_retag TAXONOMY DIR...\n");
		return 2;
	}
	text[1] = slurp(argv[1], &len[1]);
	t = cpu_seconds();
	if (story_open(&story, argv + 2, (size_t)(argc - 2),
	    load(argv[1], text[1], len[1]), NULL, &cause) != 0) {
		fprintf(stderr, "bench_retag: %s\n", cause);
		return 1;
	}
	open_s = cpu_seconds() - t;
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++)
			bytes += story->docs[d]->sentences[i].len;
		sentences += story->docs[d]->nsentences;
	}
	topic = &story->taxonomy->topics[0];
	if (topic->nkeywords == 0) {
		fprintf(stderr, "bench_retag: %s: no keyword to edit\n",
		    topic->id);
		return 1;
	}
	if (taxedit_remove_keyword(text[1], len[1], topic->id,
	    TAXEDIT_KEYWORDS, topic->keywords[0], &text[0], &len[0],
	    &cause) != 0) {
		fprintf(stderr, "bench_retag: %s\n", cause);
		return 1;
	}
	same[0] = same[1] = text[1];
	samelen[0] = samelen[1] = len[1];
	same_s = retag(story, argv[1], same, samelen);
	edit_s = retag(story, argv[1], text, len);
	printf("%zu sources, %zu sentences, %.1f MB of sentence text: "
	    "open %.2f cpu-s; re-tag with the same taxonomy %.2f cpu-s "
	    "(%.1f MB/s), after an edit that changes topics %.2f cpu-s "
	    "(%.1f MB/s)\n", story->ndocs, sentences, (double)bytes / 1e6,
	    open_s, same_s, (double)bytes / 1e6 / same_s, edit_s,
	    (double)bytes / 1e6 / edit_s);
	story_free(story);
	free(text[0]);
	free(text[1]);
	return 0;
}
