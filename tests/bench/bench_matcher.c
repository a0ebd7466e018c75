/*
 * bench_matcher: matcher throughput at 100, 1,000 and 10,000 keywords on
 * deterministic generated corpora (news-like sentences of 10-40 words), one
 * core (CPU time, best of three).  Prints MB/s, the matches found, the
 * compiled size and the cost ratio of 10,000 to 100 keywords.
 *
 * Two corpora:
 * - "fixed": the text carries phrases of the first 100 keywords at a known
 *   density (one sentence in two), so every keyword count finds the same
 *   matches and the ratio measures the structure alone;
 * - "dense": keywords are drawn from the text's own vocabulary, so more
 *   keywords also mean more matches (10,000 keywords cover half of it).
 * Each comes in pure ASCII and with curly quotes and dashes (UTF-8).
 *
 * Usage: bench_matcher [MEGABYTES]   (default 32)
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "matcher.h"
#include "strbuf.h"
#include "xalloc.h"

#define NWORDS 20000
#define NKEYWORDS 10000

static uint64_t rng;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static char *words[NWORDS];	/* the text's vocabulary */
static char *kwords[NWORDS];	/* "fixed" keywords only: never in the text */
static char *phrases[NKEYWORDS];
static char *samples[NKEYWORDS];	/* text that matches each phrase */
static int exact[NKEYWORDS];

/* Pseudo-words of 2-5 syllables from SYL. */
static void
make_words(char **out, const char **syl, size_t nsyl, const char *lead)
{
	char buf[64];
	size_t i, j, n;

	for (i = 0; i < NWORDS; i++) {
		snprintf(buf, sizeof buf, "%s", lead);
		n = 2 + next() % 4;
		for (j = 0; j < n; j++)
			strcat(buf, syl[next() % nsyl]);
		out[i] = xstrdup(buf);
	}
}

/* A Zipf-like pick: the first words are the most frequent. */
static const char *
pick_word(void)
{
	uint32_t r = next() % 1000;

	if (r < 500)
		return words[next() % 200];
	if (r < 850)
		return words[next() % 2000];
	return words[next() % NWORDS];
}

/*
 * Keyword phrases of 1-3 words, one word in five with a `*`, one phrase in
 * ten match-case, and for each a piece of text it matches.
 */
static void
make_phrases(char **vocab, size_t from)
{
	char kw[256], sample[256];
	const char *w;
	size_t i, k, nw;

	for (i = 0; i < NKEYWORDS; i++) {
		kw[0] = sample[0] = '\0';
		nw = 1 + next() % 3;
		for (k = 0; k < nw; k++) {
			w = vocab[from + next() % (NWORDS - from)];
			if (k > 0) {
				strcat(kw, " ");
				strcat(sample, " ");
			}
			strcat(kw, w);
			strcat(sample, w);
			if (next() % 5 == 0) {
				strcat(kw, "*");
				strcat(sample, "ed");
			}
		}
		free(phrases[i]);
		free(samples[i]);
		phrases[i] = xstrdup(kw);
		samples[i] = xstrdup(sample);
		exact[i] = next() % 10 == 0;
	}
}

/* Sentences end at '\n'; PLANT puts a phrase of the first 100 in half. */
static char *
make_text(size_t bytes, int utf8, int plant, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n, i, at;
	const char *w;

	while (sb.len < bytes) {
		n = 10 + next() % 31;
		at = plant && next() % 2 == 0 ? next() % n : n;
		for (i = 0; i < n; i++) {
			if (i > 0)
				strbuf_addch(&sb, ' ');
			if (i == at) {
				strbuf_addstr(&sb, samples[next() % 100]);
				continue;
			}
			w = pick_word();
			if (utf8 && next() % 40 == 0)
				strbuf_addstr(&sb, "\xe2\x80\x9c");
			if (i == 0 || next() % 10 == 0)
				strbuf_addf(&sb, "%c%s", w[0] - 32, w + 1);
			else
				strbuf_addstr(&sb, w);
			switch (next() % 60) {
			case 0:
				strbuf_addch(&sb, ',');
				break;
			case 1:
				strbuf_addstr(&sb, utf8 ? "\xe2\x80\x99s" : "'s");
				break;
			case 2:
				strbuf_addstr(&sb, utf8 ? " \xe2\x80\x94" : " -");
				break;
			case 3:
				strbuf_addstr(&sb, utf8 ? "\xe2\x80\x9d" : "\"");
				break;
			}
		}
		strbuf_addstr(&sb, ".\n");
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

static struct matcher *
make_matcher(size_t n)
{
	struct matcher *m = matcher_new();
	size_t i;

	for (i = 0; i < n; i++)
		matcher_add(m, phrases[i], strlen(phrases[i]),
		    exact[i] ? MATCHER_EXACT : MATCHER_FOLD);
	return m;
}

static void
count(void *arg, size_t phrase, size_t start, size_t end)
{
	(*(size_t *)arg)++;
}

/* CPU time of this process: a busy machine's other work does not count. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of three passes over every sentence, in seconds. */
static double
run(const struct matcher *m, const char *text, size_t len, size_t *matches)
{
	struct matcher_scratch *s = matcher_scratch_new();
	const char *p, *nl, *end = text + len;
	double best = 1e9, t0, t;
	int pass;

	for (pass = 0; pass < 3; pass++) {
		*matches = 0;
		t0 = now();
		for (p = text; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL)
				nl = end;
			matcher_find(m, s, p, (size_t)(nl - p), count, matches);
		}
		t = now() - t0;
		if (t < best)
			best = t;
	}
	matcher_scratch_free(s);
	return best;
}

int
main(int argc, char **argv)
{
	static const char *syl[] = { "ka", "to", "ne", "ri", "mo", "sa", "lu",
		"de", "vi", "po", "gra", "ste", "mar", "lin", "tor", "ban",
		"chi", "ell", "qua", "zen", "or", "an", "is", "ur", "pe", "go",
		"tha", "wen", "bi", "fro", "dal", "mu" };
	static const size_t counts[] = { 100, 1000, 10000 };
	static const char *names[] = { "fixed", "dense" };
	size_t mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 32, len, i, hits;
	double secs[3];
	struct matcher *m;
	char *text, label[32];
	int dense, utf8;

	if (mb == 0)
		mb = 32;
	rng = 0x9e3779b97f4a7c15ULL;
	make_words(words, syl, sizeof syl / sizeof syl[0], "");
	make_words(kwords, syl, sizeof syl / sizeof syl[0], "x");
	printf("matcher throughput, one core, %zu MB per corpus\n", mb);
	printf("%-12s %9s %10s %12s %12s\n", "corpus", "keywords", "MB/s",
	    "matches", "memory");
	for (dense = 0; dense < 2; dense++) {
		for (utf8 = 0; utf8 < 2; utf8++) {
			rng = 0x2545f4914f6cdd1dULL;
			if (dense)
				make_phrases(words, 500);
			else
				make_phrases(kwords, 0);
			text = make_text(mb << 20, utf8, !dense, &len);
			snprintf(label, sizeof label, "%s/%s", names[dense],
			    utf8 ? "utf-8" : "ascii");
			for (i = 0; i < 3; i++) {
				m = make_matcher(counts[i]);
				secs[i] = run(m, text, len, &hits);
				printf("%-12s %9zu %10.1f %12zu %9.2f MB\n", label,
				    counts[i], (double)len / 1048576.0 / secs[i],
				    hits, (double)matcher_memory(m) / 1048576.0);
				matcher_free(m);
			}
			printf("%-12s cost ratio 10,000 / 100 keywords: %.2fx%s\n",
			    label, secs[2] / secs[0],
			    dense ? "" : " (goal <= 1.5x)");
			free(text);
		}
	}
	for (i = 0; i < NWORDS; i++) {
		free(words[i]);
		free(kwords[i]);
	}
	for (i = 0; i < NKEYWORDS; i++) {
		free(phrases[i]);
		free(samples[i]);
	}
	return 0;
}
