/*
 * gen_corpus: a deterministic generator of news-like corpora for the
 * benchmarks (see tests/bench/README.md).
 *
 * It writes OUTDIR/corpus/NNNNN.md (N sources with front matter, paragraphs
 * of 1-6 sentences of 10-40 words, curly quotes and dashes unless -A), and
 * for every keyword count K of -k a taxonomy OUTDIR/taxonomy-K.yaml and the
 * same keywords one a line in OUTDIR/keywords-K.txt for grep and rg.  The
 * keyword sets are nested (the first 100 are the 100-keyword set, and so
 * on) and their words never occur in the filler text (common English words
 * and a Zipf-distributed vocabulary of made-up ones), so the only matches
 * are the ones planted: a chosen fraction of paragraphs carries exactly one
 * keyword, drawn from one of the sets with equal odds.  OUTDIR/expected.txt
 * says how many paragraphs each tool should count for each K.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define MAX_LEVELS 8
#define TOPIC_KEYWORDS 50
#define VOCABULARY 8000

struct rng {
	uint64_t state;
};

struct keyword {
	char *text;		/* lower case, without the '*' */
	int prefix;		/* written with a trailing '*' in the taxonomy */
};

struct gen {
	struct rng rng;
	int ascii;
	double density;
	double prefixes;
	size_t levels[MAX_LEVELS];	/* cumulative keyword counts */
	size_t nlevels;
	struct keyword *keywords;
	size_t nkeywords;
	/* Made-up content words and their cumulative Zipf weights. */
	char *vocab[VOCABULARY];
	double cumulative[VOCABULARY];
	/* Per level: paragraphs carrying an exact form, an inflected form. */
	uint64_t exact[MAX_LEVELS];
	uint64_t inflected[MAX_LEVELS];
	uint64_t paragraphs;
	uint64_t sentences;
	uint64_t words;
	uint64_t bytes;
};

/* Common news words: the filler text.  None is a keyword word. */
static const char *filler[] = {
	"the", "the", "the", "of", "of", "to", "to", "and", "and", "a", "a",
	"in", "in", "that", "is", "was", "for", "on", "it", "with", "as",
	"he", "she", "they", "at", "by", "this", "had", "from", "but", "not",
	"are", "have", "be", "were", "said", "says", "would", "will", "which",
	"their", "has", "its", "an", "been", "there", "or", "who", "more",
	"after", "about", "when", "over", "new", "year", "years", "two",
	"three", "first", "last", "week", "government", "minister", "officials",
	"talks", "country", "city", "region", "people", "report", "statement",
	"meeting", "plan", "agreement", "decision", "support", "public",
	"local", "national", "foreign", "president", "spokesperson", "press",
	"agency", "council", "committee", "parliament", "party", "leader",
	"leaders", "team", "group", "company", "market", "prices", "budget",
	"court", "police", "rights", "record", "share", "growth", "system",
	"service", "water", "power", "health", "school", "schools", "workers",
	"families", "residents", "visit", "visited", "announced", "confirmed",
	"declined", "expected", "agreed", "described", "warned", "added",
	"told", "asked", "called", "made", "took", "gave", "found", "left",
	"morning", "evening", "night", "today", "yesterday", "later",
	"earlier", "since", "until", "during", "before", "under", "between",
	"against", "across", "around", "without", "while", "where", "because",
	"however", "although", "also", "still", "only", "already", "again",
	"largest", "major", "senior", "former", "several", "many", "most",
	"some", "other", "another", "each", "every", "both", "few", "long",
	"short", "early", "late", "high", "low", "strong", "clear", "open",
	"closed", "hard", "difficult", "important", "possible", "likely",
	"question", "questions", "answer", "issue", "issues", "matter",
	"change", "changes", "number", "part", "side", "sides", "case",
	"point", "points", "way", "ways", "time", "times", "day", "days",
	"month", "months", "street", "office", "house", "building", "road",
	"bridge", "station", "harbour", "border", "coast", "valley", "river",
	"weather", "storm", "season", "harvest", "festival", "museum",
	"library", "hospital", "university", "students", "teachers", "voters",
	"council's", "mayor", "judge", "lawyers", "reporters", "editor",
	"analysts", "economists", "residents'", "well-known", "long-term",
};

/* UTF-8 filler, left out with -A. */
static const char *filler_utf8[] = {
	"café", "naïve", "Zürich", "Kraków", "Malmö", "São", "façade",
	"résumé", "Ærøskøbing", "Ελλάδα", "Україна", "東京",
};

static const char *names[] = {
	"Halden", "Okafor", "Brill", "Varga", "Lorne", "Matveen", "Aren",
	"Fenwick", "Kestrel", "Solenne", "Iwata", "Moreau", "Lindqvist",
};

static const char *titles[] = { "Mr.", "Ms.", "Dr.", "Gen.", "Sen." };

static const char *inflections[] = { "s", "ed", "ing", "ers" };

#define nitems(a) (sizeof (a) / sizeof (a)[0])

static uint64_t
rng_next(struct rng *rng)
{
	uint64_t z;

	z = (rng->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n). */
static size_t
rng_below(struct rng *rng, size_t n)
{
	return (size_t)(rng_next(rng) % n);
}

static double
rng_unit(struct rng *rng)
{
	return (double)(rng_next(rng) >> 11) / (double)(1ULL << 53);
}

static int
is_filler(const char *word)
{
	size_t i;

	for (i = 0; i < nitems(filler); i++) {
		if (strcmp(filler[i], word) == 0)
			return 1;
	}
	return 0;
}

/*
 * The n-th keyword word: three consonant-vowel syllables picked by a
 * bijection of n (so no two words share their first six letters, and no
 * word is a prefix of another), sometimes a fourth syllable.
 */
static char *
keyword_word(size_t n)
{
	static const char consonants[] = "bdfgklmnprstvz";
	static const size_t space = 70 * 70 * 70;
	char word[16];
	size_t j, i, len = 0, nsyl;

	j = (n * 7919 + 12345) % space;
	nsyl = 3 + (n % 4 == 0);
	for (i = 0; i < nsyl; i++) {
		word[len++] = consonants[(j % 70) / 5];
		word[len++] = "aeiou"[(j % 70) % 5];
		j = i < 2 ? j / 70 : (j * 31 + 7) % space;
	}
	word[len] = '\0';
	return xstrdup(word);
}

static void
make_keywords(struct gen *g)
{
	struct rng rng = { g->rng.state ^ 0x5bd1e995 };
	size_t k, w, n = 0, nwords;
	char *word, *text;
	uint64_t r;

	g->nkeywords = g->levels[g->nlevels - 1];
	g->keywords = xcalloc(g->nkeywords, sizeof *g->keywords);
	for (k = 0; k < g->nkeywords; k++) {
		r = rng_below(&rng, 10);
		nwords = r < 6 ? 1 : r < 9 ? 2 : 3;
		text = NULL;
		for (w = 0; w < nwords; w++) {
			while (is_filler(word = keyword_word(n++)))
				free(word);
			if (text == NULL)
				text = word;
			else {
				char *joined = xasprintf("%s %s", text, word);

				free(text);
				free(word);
				text = joined;
			}
		}
		g->keywords[k].text = text;
		g->keywords[k].prefix = rng_unit(&rng) < g->prefixes;
	}
}

/*
 * Content words: consonant-vowel-consonant-vowel-consonant, five letters,
 * so none equals or starts with a keyword word (six or eight letters, all
 * syllables open).  Word r is drawn with weight 1/(r+20) (Zipf-Mandelbrot).
 */
static void
make_vocabulary(struct gen *g)
{
	static const char consonants[] = "bdfgklmnprstvz";
	static const size_t space = 14 * 5 * 14 * 5 * 14;
	char word[6];
	size_t r, j, i;
	double sum = 0;

	for (r = 0; r < VOCABULARY; r++) {
		j = (r * 7919 + 777) % space;
		for (i = 0; i < 5; i++) {
			if (i % 2 == 0) {
				word[i] = consonants[j % 14];
				j /= 14;
			} else {
				word[i] = "aeiou"[j % 5];
				j /= 5;
			}
		}
		word[5] = '\0';
		g->vocab[r] = xstrdup(word);
		sum += 1.0 / (double)(r + 20);
		g->cumulative[r] = sum;
	}
}

static const char *
content_word(struct gen *g)
{
	double u = rng_unit(&g->rng) * g->cumulative[VOCABULARY - 1];
	size_t lo = 0, hi = VOCABULARY - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (g->cumulative[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return g->vocab[lo];
}

static void
emit(struct gen *g, FILE *f, const char *s)
{
	size_t len = strlen(s);

	fwrite(s, 1, len, f);
	g->bytes += len;
}

/* Writes a keyword occurrence; returns whether it is the exact form. */
static int
emit_keyword(struct gen *g, FILE *f, const struct keyword *kw, int capital)
{
	char *s = xstrdup(kw->text), *p;
	size_t r = rng_below(&g->rng, 10);
	int exact = 1;

	if (r == 0) {
		for (p = s; *p != '\0'; p++)
			*p = (char)toupper((unsigned char)*p);
	} else if (r < 3 || capital) {
		for (p = s; *p != '\0'; p++) {
			if (p == s || p[-1] == ' ')
				*p = (char)toupper((unsigned char)*p);
		}
	}
	emit(g, f, s);
	if (kw->prefix && rng_below(&g->rng, 2) == 0) {
		emit(g, f, inflections[rng_below(&g->rng, nitems(inflections))]);
		exact = 0;
	}
	free(s);
	return exact;
}

static void
emit_filler(struct gen *g, FILE *f, int capital)
{
	char buf[64];
	const char *w;
	double u = rng_unit(&g->rng);

	if (!g->ascii && rng_below(&g->rng, 40) == 0)
		w = filler_utf8[rng_below(&g->rng, nitems(filler_utf8))];
	else if (rng_below(&g->rng, 60) == 0) {
		snprintf(buf, sizeof buf, "%s %s",
		    titles[rng_below(&g->rng, nitems(titles))],
		    names[rng_below(&g->rng, nitems(names))]);
		w = buf;
	} else if (rng_below(&g->rng, 50) == 0) {
		snprintf(buf, sizeof buf, "%zu.%zu percent",
		    rng_below(&g->rng, 20), rng_below(&g->rng, 10));
		w = buf;
	} else if (u < 0.4)
		w = content_word(g);
	else {
		/* Squaring skews the choice towards the frequent words first. */
		u = rng_unit(&g->rng);
		w = filler[(size_t)(u * u * nitems(filler))];
	}
	if (capital && islower((unsigned char)w[0])) {
		snprintf(buf, sizeof buf, "%c%s", toupper((unsigned char)w[0]),
		    w + 1);
		w = buf;
	}
	emit(g, f, w);
}

/*
 * One sentence of 10-40 words, the keyword at word `at` when `kw` is set.
 * Returns 1 if it wrote the keyword in its exact form.
 */
static int
emit_sentence(struct gen *g, FILE *f, const struct keyword *kw)
{
	size_t n = 10 + rng_below(&g->rng, 31), i, at, qopen = n, qclose = n;
	const char *open = g->ascii ? "\"" : "\xe2\x80\x9c";
	const char *close = g->ascii ? "\"" : "\xe2\x80\x9d";
	int exact = 0;

	at = rng_below(&g->rng, n);
	if (rng_below(&g->rng, 4) == 0) {
		qopen = rng_below(&g->rng, n - 3);
		qclose = qopen + 2 + rng_below(&g->rng, n - qopen - 2);
	}
	for (i = 0; i < n; i++) {
		if (i > 0) {
			if (rng_below(&g->rng, 12) == 0)
				emit(g, f, ",");
			else if (rng_below(&g->rng, 40) == 0)
				emit(g, f, g->ascii ? " -" : " \xe2\x80\x94");
			emit(g, f, " ");
		}
		if (i == qopen)
			emit(g, f, open);
		if (kw != NULL && i == at)
			exact = emit_keyword(g, f, kw, i == 0);
		else
			emit_filler(g, f, i == 0);
		if (i == qclose)
			emit(g, f, close);
	}
	emit(g, f, rng_below(&g->rng, 20) == 0 ? "?" : ".");
	g->words += n;
	g->sentences++;
	return exact;
}

static void
emit_paragraph(struct gen *g, FILE *f)
{
	size_t n = 1 + rng_below(&g->rng, 6), i, with = n, level = 0;
	const struct keyword *kw = NULL;
	size_t lo;

	if (rng_unit(&g->rng) < g->density) {
		level = rng_below(&g->rng, g->nlevels);
		lo = level == 0 ? 0 : g->levels[level - 1];
		kw = &g->keywords[lo + rng_below(&g->rng, g->levels[level] - lo)];
		with = rng_below(&g->rng, n);
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			emit(g, f, " ");
		if (i == with) {
			if (emit_sentence(g, f, kw))
				g->exact[level]++;
			else
				g->inflected[level]++;
		} else
			emit_sentence(g, f, NULL);
	}
	emit(g, f, "\n");
	g->paragraphs++;
}

static FILE *
open_out(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f;

	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	free(path);
	return f;
}

static void
close_out(FILE *f, const char *name)
{
	if (ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "gen_corpus: %s: write error\n", name);
		exit(1);
	}
}

static void
write_corpus(struct gen *g, const char *dir, uint64_t size, size_t sources)
{
	char *cdir = xasprintf("%s/corpus", dir), name[32];
	uint64_t target, mean = size / sources, start;
	size_t s;
	FILE *f;

	if (mkdir(cdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_corpus: %s: %s\n", cdir, strerror(errno));
		exit(1);
	}
	for (s = 0; s < sources; s++) {
		snprintf(name, sizeof name, "%05zu.md", s + 1);
		f = open_out(cdir, name);
		start = g->bytes;
		fprintf(f, "---\noutlet: Outlet %zu\ntitle: Report %zu on the "
		    "generated story\n---\n\n", s % 97 + 1, s + 1);
		/* Sources vary in length from half to one and a half times. */
		target = mean / 2 + (mean > 0 ? rng_below(&g->rng, mean + 1) : 0);
		while (g->bytes - start < target)
			emit_paragraph(g, f);
		close_out(f, name);
	}
	free(cdir);
}

static void
write_taxonomies(const struct gen *g, const char *dir)
{
	size_t l, k;
	char name[64];
	FILE *tax, *flat;

	for (l = 0; l < g->nlevels; l++) {
		snprintf(name, sizeof name, "taxonomy-%zu.yaml", g->levels[l]);
		tax = open_out(dir, name);
		fprintf(tax, "# Generated by gen_corpus: %zu keywords, %zu a "
		    "topic.\nversion: 1\ntopics:\n", g->levels[l],
		    (size_t)TOPIC_KEYWORDS);
		snprintf(name, sizeof name, "keywords-%zu.txt", g->levels[l]);
		flat = open_out(dir, name);
		for (k = 0; k < g->levels[l]; k++) {
			if (k % TOPIC_KEYWORDS == 0) {
				fprintf(tax, "  - id: t%05zu\n    label: Topic "
				    "%zu\n    keywords:\n", k / TOPIC_KEYWORDS + 1,
				    k / TOPIC_KEYWORDS + 1);
			}
			fprintf(tax, "      - %s%s\n", g->keywords[k].text,
			    g->keywords[k].prefix ? "*" : "");
			fprintf(flat, "%s\n", g->keywords[k].text);
		}
		close_out(tax, "taxonomy");
		close_out(flat, "keywords");
	}
}

static void
write_expected(const struct gen *g, const char *dir, size_t sources)
{
	uint64_t exact = 0, all = 0;
	FILE *f = open_out(dir, "expected.txt");
	size_t l;

	fprintf(f, "# bytes %llu sources %zu paragraphs %llu sentences %llu "
	    "words %llu\n", (unsigned long long)g->bytes, sources,
	    (unsigned long long)g->paragraphs, (unsigned long long)g->sentences,
	    (unsigned long long)g->words);
	fprintf(f, "# keywords\tparagraphs with an exact form (grep, rg)\t"
	    "with any form (parallax)\n");
	for (l = 0; l < g->nlevels; l++) {
		exact += g->exact[l];
		all += g->exact[l] + g->inflected[l];
		fprintf(f, "%zu\t%llu\t%llu\n", g->levels[l],
		    (unsigned long long)exact, (unsigned long long)all);
	}
	close_out(f, "expected.txt");
}

static uint64_t
parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return 0;
	switch (*end) {
	case 'k': case 'K':
		v <<= 10, end++;
		break;
	case 'm': case 'M':
		v <<= 20, end++;
		break;
	case 'g': case 'G':
		v <<= 30, end++;
		break;
	}
	return *end == '\0' ? v : 0;
}

static int
parse_levels(struct gen *g, const char *s)
{
	char *copy = xstrdup(s), *tok, *last = NULL, *end;
	unsigned long v;

	g->nlevels = 0;
	for (tok = strtok_r(copy, ",", &last); tok != NULL;
	    tok = strtok_r(NULL, ",", &last)) {
		v = strtoul(tok, &end, 10);
		if (*end != '\0' || v == 0 || g->nlevels == MAX_LEVELS ||
		    (g->nlevels > 0 && v <= g->levels[g->nlevels - 1])) {
			free(copy);
			return -1;
		}
		g->levels[g->nlevels++] = v;
	}
	free(copy);
	return g->nlevels > 0 ? 0 : -1;
}

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: gen_corpus [-A] [-d density] [-k n,n,...] "
	    "[-n sources] [-p prefixes] [-r seed] -s size outdir\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct gen g;
	uint64_t size = 0;
	size_t sources = 100, k;
	char *end;
	int ch;

	memset(&g, 0, sizeof g);
	g.rng.state = 1;
	g.density = 0.5;
	g.prefixes = 0.1;
	parse_levels(&g, "100,1000,10000");
	while ((ch = getopt(argc, argv, "Ad:k:n:p:r:s:")) != -1) {
		switch (ch) {
		case 'A':
			g.ascii = 1;
			break;
		case 'd':
			g.density = strtod(optarg, &end);
			if (*end != '\0' || g.density < 0 || g.density > 1)
				usage();
			break;
		case 'k':
			if (parse_levels(&g, optarg) != 0)
				usage();
			break;
		case 'n':
			sources = strtoul(optarg, &end, 10);
			if (*end != '\0' || sources == 0 || sources > 99999)
				usage();
			break;
		case 'p':
			g.prefixes = strtod(optarg, &end);
			if (*end != '\0' || g.prefixes < 0 || g.prefixes > 1)
				usage();
			break;
		case 'r':
			g.rng.state = strtoull(optarg, &end, 10);
			if (*end != '\0')
				usage();
			break;
		case 's':
			if ((size = parse_size(optarg)) == 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (size == 0 || argc - optind != 1)
		usage();
	if (mkdir(argv[optind], 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_corpus: %s: %s\n", argv[optind],
		    strerror(errno));
		return 1;
	}
	make_keywords(&g);
	make_vocabulary(&g);
	write_corpus(&g, argv[optind], size, sources);
	write_taxonomies(&g, argv[optind]);
	write_expected(&g, argv[optind], sources);
	for (k = 0; k < g.nkeywords; k++)
		free(g.keywords[k].text);
	free(g.keywords);
	for (k = 0; k < VOCABULARY; k++)
		free(g.vocab[k]);
	return 0;
}
