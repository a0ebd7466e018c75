/*
 * bench_claims: how claim linking scales with the number of sources.
 *
 *   bench_claims DIR...          link the sources of each DIR/corpus (or
 *                                DIR) as one story, as tests/bench/run.sh does
 *   bench_claims -s N[,N...]     link generated stories of N sources each
 *
 * A generated story is what linking is for: every source words a subset
 * of shared claims in one of several ways (with a quote of the same words
 * now and then) and adds lines of its own.  For each size it prints the
 * sentences, the CPU time claims_link took (best of three), the time per
 * thousand sentences (flat when cost grows linearly) and how well the
 * claims came out: recall, the fraction of each template's sentences in
 * the claim most of them share; purity, the fraction of a source's own
 * lines left unlinked.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claims.h"
#include "document.h"
#include "input.h"
#include "../lcg.h"
#include "strbuf.h"
#include "xalloc.h"

#define CLAIMS 60		/* shared claims in a generated story */
#define CLAIMS_PER_SOURCE 14
#define OWN_PER_SOURCE 6
#define CLAIM_WORDS 7

/* A pronounceable made-up word, different for every N. */
static void
bench_word(struct strbuf *sb, uint32_t n)
{
	static const char *const syl[] = {
		"ka", "lo", "mer", "tin", "sa", "vo", "ral", "pe", "dun", "ish",
		"or", "qua", "bel", "nor", "ti", "gan", "us", "fre", "mol", "zen",
	};

	do {
		strbuf_addstr(sb, syl[n % 20]);
		n /= 20;
	} while (n != 0);
}

static double
bench_now(void)
{
	struct timespec ts;

	/* CPU time: other jobs on a shared machine do not count. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
bench_sentence(struct document *d, struct strbuf *sb)
{
	struct sentence *s;

	d->sentences = xreallocarray(d->sentences, d->nsentences + 1,
	    sizeof *d->sentences);
	s = &d->sentences[d->nsentences];
	memset(s, 0, sizeof *s);
	s->text = xstrdup(sb->data);
	s->len = sb->len;
	s->paragraph = d->nsentences++;
	s->claim = SENTENCE_NO_CLAIM;
	strbuf_reset(sb);
}

/*
 * Claim K in variant V: its words in an order and with fillers that
 * depend on V, one word left out in some variants, and a quote in others.
 */
static void
bench_claim(struct document *d, struct strbuf *sb, uint32_t k, uint32_t v,
    struct lcg *r)
{
	static const char *const fill[] = {
		"the", "said", "that", "officials", "on", "would", "and", "of",
	};
	struct sentence *s;
	size_t qstart = 0;
	uint32_t i, w, skip = v % 3 == 1 ? v % CLAIM_WORDS : CLAIM_WORDS;
	int quoted = v % 4 == 3;

	if (quoted) {
		strbuf_addch(sb, '"');
		qstart = sb->len;
	}
	for (i = 0; i < CLAIM_WORDS; i++) {
		w = (i * (v % 2 == 0 ? 1 : 3)) % CLAIM_WORDS;
		if (w == skip)
			continue;
		if (sb->len > qstart)
			strbuf_addch(sb, ' ');
		bench_word(sb, 1000 + k * CLAIM_WORDS + w);
		if (lcg_next(r) % 3 == 0) {
			strbuf_addch(sb, ' ');
			strbuf_addstr(sb, fill[lcg_next(r) % 8]);
		}
	}
	if (quoted)
		strbuf_addstr(sb, ",\" an envoy said.");
	else
		strbuf_addstr(sb, ".");
	sb->data[0] = quoted ? '"' : (char)(sb->data[0] - 'a' + 'A');
	bench_sentence(d, sb);
	if (quoted) {
		s = &d->sentences[d->nsentences - 1];
		s->quotes = xmalloc(sizeof *s->quotes);
		s->quotes[0].start = 1;
		s->quotes[0].end = strstr(s->text, ",\"") - s->text;
		s->nquotes = 1;
	}
}

/* The template of every sentence (NONE for a line of its own). */
#define NONE UINT32_MAX
#define PER_SOURCE (CLAIMS_PER_SOURCE + OWN_PER_SOURCE)

static struct document **
bench_story(size_t n, struct lcg *r, uint32_t *tmpl)
{
	struct document **docs = xcalloc(n, sizeof *docs);
	uint32_t k0;
	struct strbuf sb = STRBUF_INIT;
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		docs[i] = xcalloc(1, sizeof *docs[i]);
		docs[i]->path = xasprintf("gen-%05zu.md", i);
		docs[i]->outlet = xasprintf("Outlet %zu", i);
		for (j = 0; j < PER_SOURCE; j++) {
			tmpl[i * PER_SOURCE + j] = NONE;
			if (j % 3 == 2 || j >= CLAIMS_PER_SOURCE) {
				/* A line of its own: words no one else uses. */
				for (k = 0; k < 12; k++) {
					if (k != 0)
						strbuf_addch(&sb, ' ');
					bench_word(&sb, 100000 +
					    lcg_next(r) % 4000000);
				}
				strbuf_addch(&sb, '.');
				bench_sentence(docs[i], &sb);
			} else {
				k0 = lcg_next(r) % CLAIMS;
				tmpl[i * PER_SOURCE + j] = k0;
				bench_claim(docs[i], &sb, k0, lcg_next(r) % 8, r);
			}
		}
		docs[i]->nparagraphs = docs[i]->nsentences;
	}
	strbuf_free(&sb);
	return docs;
}

static void
bench_free(struct document **docs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		document_free(docs[i]);
	free(docs);
}

/* Links DOCS three times, keeps the best time and the last result. */
static double
bench_link(struct document **docs, size_t n, struct claims **out)
{
	double best = 1e9, t;
	int run;

	*out = NULL;
	for (run = 0; run < 3; run++) {
		claims_free(*out);
		t = bench_now();
		*out = claims_link(docs, n, NULL);
		t = bench_now() - t;
		if (t < best)
			best = t;
	}
	return best;
}

static void
bench_report(const char *what, struct document **docs, size_t n,
    const struct claims *claims, double secs)
{
	size_t d, nsent = 0, shared = 0;

	for (d = 0; d < n; d++)
		nsent += docs[d]->nsentences;
	for (d = 0; d < claims->n; d++)
		shared += claims->items[d].ndocs > 1;
	printf("%-22s %8zu %9zu %9.3f %10.3f %9zu %9zu", what, n, nsent, secs,
	    nsent != 0 ? secs * 1000 / (double)nsent * 1000 : 0, claims->n,
	    shared);
}

static void
bench_header(void)
{
	printf("%-22s %8s %9s %9s %10s %9s %9s %7s %7s\n", "story", "sources",
	    "sentences", "cpu-s", "ms/1k-sent", "claims", "shared",
	    "recall", "purity");
}

static int
bench_u64cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Recall: of each template's sentences, the share in the claim most of
 * them are in.  Purity: the share of own lines whose claim is theirs alone.
 */
static void
bench_quality(struct document **docs, size_t n, const uint32_t *tmpl,
    const struct claims *claims, double *recall, double *purity)
{
	uint64_t *pairs = xreallocarray(NULL, n * PER_SOURCE + 1,
	    sizeof *pairs);
	size_t d, i, np = 0, own = 0, alone = 0, run, best, ok = 0;
	uint32_t t;

	for (d = 0; d < n; d++) {
		for (i = 0; i < PER_SOURCE; i++) {
			t = tmpl[d * PER_SOURCE + i];
			if (t == NONE) {
				own++;
				alone += claims->items[
				    docs[d]->sentences[i].claim].nrefs == 1;
			} else
				pairs[np++] = (uint64_t)t << 32 |
				    docs[d]->sentences[i].claim;
		}
	}
	qsort(pairs, np, sizeof *pairs, bench_u64cmp);
	for (i = 0; i < np; i = d) {
		best = 0;
		for (d = i; d < np && pairs[d] >> 32 == pairs[i] >> 32; d += run) {
			for (run = 1; d + run < np && pairs[d + run] == pairs[d];
			    run++)
				continue;
			if (run > best)
				best = run;
		}
		ok += best;
	}
	*recall = np != 0 ? (double)ok / (double)np : 0;
	*purity = own != 0 ? (double)alone / (double)own : 0;
	free(pairs);
}

static int
bench_sizes(const char *arg)
{
	struct lcg r = { 42 };
	struct document **docs;
	struct claims *claims;
	uint32_t *tmpl;
	char *end;
	double secs, recall, purity;
	size_t n;

	bench_header();
	while (*arg != '\0') {
		n = strtoul(arg, &end, 10);
		if (end == arg || n == 0) {
			fprintf(stderr, "bench_claims: bad size list: %s\n",
			    arg);
			return 2;
		}
		tmpl = xreallocarray(NULL, n, PER_SOURCE * sizeof *tmpl);
		docs = bench_story(n, &r, tmpl);
		secs = bench_link(docs, n, &claims);
		bench_report("generated", docs, n, claims, secs);
		bench_quality(docs, n, tmpl, claims, &recall, &purity);
		printf(" %7.3f %7.3f\n", recall, purity);
		claims_free(claims);
		bench_free(docs, n);
		free(tmpl);
		arg = *end == ',' ? end + 1 : end;
	}
	return 0;
}

static int
bench_dir(const char *dir)
{
	struct document **docs;
	struct claims *claims;
	char **paths, *cause, *sub;
	size_t n, i, k = 0;
	double secs;

	sub = xasprintf("%s/corpus", dir);
	if (input_list_directory(sub, &paths, &n, &cause) != 0) {
		free(cause);
		if (input_list_directory(dir, &paths, &n, &cause) != 0) {
			fprintf(stderr, "bench_claims: %s\n", cause);
			free(cause);
			free(sub);
			return 1;
		}
	}
	free(sub);
	docs = xcalloc(n + 1, sizeof *docs);
	for (i = 0; i < n; i++) {
		if (document_load_file(paths[i], &docs[k], &cause) == 0)
			k++;
		else
			free(cause);
		free(paths[i]);
	}
	free(paths);
	secs = bench_link(docs, k, &claims);
	bench_report("corpus", docs, k, claims, secs);
	printf(" %7s %7s\n", "-", "-");
	claims_free(claims);
	bench_free(docs, k);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc == 3 && strcmp(argv[1], "-s") == 0)
		return bench_sizes(argv[2]);
	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: bench_claims -s N[,N...] | DIR...\n");
		return 2;
	}
	bench_header();
	for (i = 1; i < argc && rc == 0; i++)
		rc = bench_dir(argv[i]);
	return rc;
}
