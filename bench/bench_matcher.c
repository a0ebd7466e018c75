/*
 * bench_matcher: matcher throughput at 100, 1,000 and 10,000 keywords on a
 * deterministic generated corpus (news-like sentences of 10-40 words, a
 * share of them with curly quotes and dashes), one core.  Prints MB/s, the
 * matches found, the compiled size and the 10,000/100 cost ratio.
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

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static char *words[NWORDS];

/* Pseudo-words of 2-5 syllables; a Zipf-like pick favours the first ones. */
static void
make_words(void)
{
	static const char *syl[] = { "ka", "to", "ne", "ri", "mo", "sa", "lu",
		"de", "vi", "po", "gra", "ste", "mar", "lin", "tor", "ban",
		"chi", "ell", "qua", "zen", "or", "an", "is", "ur" };
	char buf[32];
	size_t i, j, n;

	for (i = 0; i < NWORDS; i++) {
		buf[0] = '\0';
		n = 2 + next() % 4;
		for (j = 0; j < n; j++)
			strcat(buf, syl[next() % (sizeof syl / sizeof syl[0])]);
		words[i] = xstrdup(buf);
	}
}

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

/* Sentences end at '\n'; UTF8 says whether some carry curly punctuation. */
static char *
make_text(size_t bytes, int utf8, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n, i;
	const char *w;

	while (sb.len < bytes) {
		n = 10 + next() % 31;
		for (i = 0; i < n; i++) {
			w = pick_word();
			if (i > 0)
				strbuf_addch(&sb, ' ');
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
	char buf[128];
	size_t i, k, nw;

	for (i = 0; i < n; i++) {
		buf[0] = '\0';
		nw = 1 + next() % 3;
		for (k = 0; k < nw; k++) {
			if (k > 0)
				strcat(buf, " ");
			/* Rarer words, so matches stay news-like sparse. */
			strcat(buf, words[500 + next() % (NWORDS - 500)]);
			if (next() % 5 == 0)
				strcat(buf, "*");
		}
		matcher_add(m, buf, strlen(buf), next() % 10 == 0 ?
		    MATCHER_EXACT : MATCHER_FOLD);
	}
	return m;
}

static void
count(void *arg, size_t phrase, size_t start, size_t end)
{
	(*(size_t *)arg)++;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
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
	static const size_t counts[] = { 100, 1000, 10000 };
	size_t mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 32, len, i, hits;
	double secs[2][3];
	struct matcher *m;
	char *text;
	int utf8;

	if (mb == 0)
		mb = 32;
	make_words();
	printf("matcher throughput, one core, %zu MB corpus\n", mb);
	printf("%-6s %9s %10s %12s %12s\n", "corpus", "keywords", "MB/s",
	    "matches", "memory");
	for (utf8 = 0; utf8 < 2; utf8++) {
		rng = 0x9e3779b97f4a7c15ULL + (uint64_t)utf8;
		text = make_text(mb << 20, utf8, &len);
		for (i = 0; i < 3; i++) {
			m = make_matcher(counts[i]);
			secs[utf8][i] = run(m, text, len, &hits);
			printf("%-6s %9zu %10.1f %12zu %9.2f MB\n",
			    utf8 ? "utf-8" : "ascii", counts[i],
			    (double)len / 1048576.0 / secs[utf8][i], hits,
			    (double)matcher_memory(m) / 1048576.0);
			matcher_free(m);
		}
		free(text);
	}
	printf("cost ratio 10,000 / 100 keywords: ascii %.2fx, utf-8 %.2fx "
	    "(goal <= 1.5x)\n", secs[0][2] / secs[0][0],
	    secs[1][2] / secs[1][0]);
	for (i = 0; i < NWORDS; i++)
		free(words[i]);
	return 0;
}
