/*
 * linker: linking sentences of different sources that state the same thing.
 *
 * Each content sentence becomes a sparse vector of features: stems of its
 * content words (stopwords and reporting verbs out; "U.S.", "US",
 * "American" and "United States" one name; number words as digits),
 * numbers, its topics and the stems it quotes, each weighted by how rare
 * it is in the story (a dampened IDF) and by kind (numbers count more,
 * topics and quoted words less).  Negation ("not", "no", "n't", "un-",
 * "ruled out") is kept as a flag rather than a word, so "is not realistic"
 * meets "unrealistic" but "no U.S. troops" stays apart from "troops must
 * back guarantees".
 *
 * Sentences are clustered against cluster centroids, never chained pair by
 * pair: a sentence joins the most similar cluster when the cosine to its
 * centroid reaches LINKER_MIN, after penalties for opposite polarity
 * or numbers that disagree.  Candidate clusters come from an inverted
 * index over the sentence's rarest features, with bounded posting scans,
 * so cost grows with the number of sentences, not with its square.  A
 * second pass re-seats every sentence against the settled centroids.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "linker.h"
#include "stem.h"
#include "strbuf.h"
#include "words.h"
#include "xalloc.h"

/* Least centroid cosine for a sentence to join a claim. */
#ifndef LINKER_MIN
#define LINKER_MIN 0.29
#endif
/*
 * Factor on the cosine when polarity differs, or numbers disagree.  Of two
 * sentences of opposite polarity, the closer the wording the surer it is a
 * contradiction rather than a paraphrase with a stray "not": from
 * CONTRADICTION_FROM to CONTRADICTION_FULL the factor falls to
 * CONTRADICTION_PENALTY.
 */
#define LINKER_NEGATION_PENALTY 0.55
#define LINKER_CONTRADICTION_FROM 0.7
#define LINKER_CONTRADICTION_FULL 0.9
#define LINKER_CONTRADICTION_PENALTY 0.2
#define LINKER_NUMBER_PENALTY 0.5
/* Candidate clusters measured exactly for each sentence. */
#define LINKER_CANDIDATES 12

/* Feature kinds: the first byte of a vocabulary key. */
#define KIND_WORD 'w'
#define KIND_NUMBER 'n'
#define KIND_TOPIC 't'
#define KIND_QUOTE 'q'

/* Vocabulary entry flags. */
#define VOCAB_STANDALONE 0x1	/* seen as a word of its own */
/* Stems are cut to this many bytes: "diplomacy" meets "diplomatic". */
#define LINKER_STEM_MAX 6

/* Sorted.  Reporting verbs and weekdays too: how and when a claim was
 * relayed, not what it says. */
static const char *const linker_stopwords[] = {
	"a", "about", "above", "according", "add", "added", "adding", "adds",
	"affirmed", "after", "again", "all", "also", "am", "an", "and",
	"announced", "any", "are", "argued", "arguing", "as", "asserted",
	"at", "be", "because", "been", "before", "being", "below", "between",
	"both", "but", "by", "can", "claimed", "clear", "clearly", "comments",
	"confirmed", "could", "declared", "did", "do", "does", "doing",
	"down", "during", "each", "either", "emphasised", "emphasising",
	"emphasized", "emphasizing", "even", "ever", "every", "explained",
	"few", "for", "friday", "from", "further", "had", "has", "have",
	"having", "he", "her", "here", "hers", "herself", "highlighted",
	"highlighting", "him", "himself", "his", "how", "however", "i", "if",
	"in", "indicated", "insisted", "into", "is", "it", "its", "itself",
	"just", "let", "may", "me", "mentioned", "might", "monday", "more",
	"most", "mr", "mrs", "ms", "much", "must", "my", "myself", "noted",
	"noting", "of", "off", "on", "once", "only", "or", "other", "ought",
	"our", "ours", "ourselves", "out", "outlined", "over", "own", "per",
	"pointed", "reiterated", "reiterating", "remarked", "remarks", "said",
	"same", "saturday", "say", "saying", "says", "she", "should", "so",
	"some", "speaking", "speech", "stated", "statement", "stating",
	"stressed", "stressing", "such", "sunday", "tell", "telling", "tells",
	"than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "these", "they", "this", "those", "through",
	"thursday", "to", "told", "too", "tuesday", "under", "underlined",
	"underlining", "underscored", "underscoring", "until", "up", "upon",
	"us", "very", "was", "we", "wednesday", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "whose", "why",
	"will", "with", "would", "yet", "you", "your", "yours", "yourself",
	"yourselves",
};

/* Sorted. */
static const char *const linker_negations[] = {
	"cannot", "neither", "never", "no", "nobody", "none", "nor", "not",
	"nothing", "nowhere", "without",
};

/* Number words read as their digits; not "one", mostly a pronoun. */
static const struct {
	const char *word;
	const char *digits;
} linker_numbers[] = {
	{ "two", "2" }, { "three", "3" }, { "four", "4" }, { "five", "5" },
	{ "six", "6" }, { "seven", "7" }, { "eight", "8" }, { "nine", "9" },
	{ "ten", "10" }, { "eleven", "11" }, { "twelve", "12" },
	{ "twenty", "20" }, { "hundred", "100" }, { "thousand", "1000" },
};

/*
 * Stem -> the stem of a word news copy uses for the same thing, so that
 * paraphrases meet ("send" troops / "deploy" troops, a "viable" /
 * "realistic" outcome, "restoring" / "returning to" borders).
 */
static const char *const linker_thesaurus[][2] = {
	{ "chase", "pursu" }, { "control", "oversight" }, { "dispatch", "deploy" },
	{ "endur", "durabl" }, { "feasibl", "realist" }, { "illusionari", "illus" },
	{ "illusori", "illus" }, { "monitor", "oversight" }, { "object", "goal" },
	{ "reclaim", "return" }, { "regain", "return" }, { "restor", "return" },
	{ "send", "deploy" }, { "sent", "deploy" }, { "underpin", "back" },
	{ "viabl", "realist" },
};

/* Word -> the name the linker gives the same country. */
static const char *const linker_synonyms[][2] = {
	{ "america", "usa" }, { "american", "usa" }, { "americans", "usa" },
};

static int
linker_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
linker_in(const char *word, const char *const *list, size_t n)
{
	return bsearch(&word, list, n, sizeof *list, linker_strcmp) != NULL;
}

static void
linker_raw(struct linker *l, uint32_t id, uint32_t alt)
{
	if (l->nfeats == UINT32_MAX)
		fatal("claims: too many words to link");
	if (l->nfeats == l->featcap) {
		l->featcap = l->featcap == 0 ? 4096 : l->featcap * 2;
		l->feats = xreallocarray(l->feats, l->featcap,
		    sizeof *l->feats);
	}
	if (alt != NONE) {
		if (l->nalts == l->altcap) {
			l->altcap = l->altcap == 0 ? 256 : l->altcap * 2;
			l->alts = xreallocarray(l->alts, l->altcap,
			    sizeof *l->alts);
		}
		l->alts[l->nalts].pos = l->nfeats;
		l->alts[l->nalts].alt = alt;
		l->nalts++;
	}
	l->feats[l->nfeats++] = id;
}

/* Gives names of one thing one form: "American", "America" -> "usa". */
static void
linker_synonym(char *w, size_t *len)
{
	size_t i;

	for (i = 0; i < sizeof linker_synonyms / sizeof *linker_synonyms; i++) {
		if (strcmp(w, linker_synonyms[i][0]) == 0) {
			*len = strlen(linker_synonyms[i][1]);
			memcpy(w, linker_synonyms[i][1], *len + 1);
			return;
		}
	}
	words_american(w, len);
}

static bool
linker_inside(const struct sentence *s, size_t start)
{
	size_t i;

	for (i = 0; i < s->nquotes; i++) {
		if (start >= s->quotes[i].start && start < s->quotes[i].end)
			return true;
	}
	return false;
}

/* The comparison key of a word: its stem, through the thesaurus, cut. */
static const char *
linker_stem(struct linker *l, const char *w, size_t len, size_t *outlen)
{
	const char *st = stem_word(l->stem, w, len, outlen);
	size_t i;

	for (i = 0; i < sizeof linker_thesaurus / sizeof *linker_thesaurus;
	    i++) {
		if (strlen(linker_thesaurus[i][0]) == *outlen &&
		    memcmp(linker_thesaurus[i][0], st, *outlen) == 0) {
			st = linker_thesaurus[i][1];
			*outlen = strlen(st);
			break;
		}
	}
	if (*outlen > LINKER_STEM_MAX)
		*outlen = LINKER_STEM_MAX;
	return st;
}

/* What a folded word stands for: decided once per distinct word. */
#define CLASS_WORD 0		/* a content word: stem id and alt */
#define CLASS_STOP 1
#define CLASS_NEGATION 2
#define CLASS_NUMBER 3		/* a number word: id of its digits */

/* Classifies a word seen for the first time and interns what it yields. */
static void
linker_classify(struct linker *l, uint32_t e, char *buf, size_t len)
{
	struct wordcache *wc = &l->cache;
	const char *st;
	size_t j, stlen;

	wc->alt[e] = wc->quote[e] = NONE;
	for (j = 0; j < sizeof linker_numbers / sizeof *linker_numbers; j++) {
		if (strcmp(buf, linker_numbers[j].word) == 0) {
			wc->cls[e] = CLASS_NUMBER;
			wc->id[e] = vocab_intern(&l->vocab, KIND_NUMBER,
			    linker_numbers[j].digits,
			    strlen(linker_numbers[j].digits));
			return;
		}
	}
	if (linker_in(buf, linker_negations, sizeof linker_negations /
	    sizeof *linker_negations) ||
	    (len > 3 && strcmp(buf + len - 3, "n't") == 0)) {
		wc->cls[e] = CLASS_NEGATION;
		return;
	}
	if (linker_in(buf, linker_stopwords, sizeof linker_stopwords /
	    sizeof *linker_stopwords)) {
		wc->cls[e] = CLASS_STOP;
		return;
	}
	wc->cls[e] = CLASS_WORD;
	linker_synonym(buf, &len);
	/* "unrealistic" may be "not realistic": decided once all is read. */
	if (len > 6 && buf[0] == 'u' && buf[1] == 'n') {
		st = linker_stem(l, buf + 2, len - 2, &stlen);
		wc->alt[e] = vocab_intern(&l->vocab, KIND_WORD, st, stlen);
	}
	st = linker_stem(l, buf, len, &stlen);
	wc->id[e] = vocab_intern(&l->vocab, KIND_WORD, st, stlen);
	if (wc->alt[e] == NONE)
		l->vocab.flags[wc->id[e]] |= VOCAB_STANDALONE;
}

/* The cache entry of folded word F (LEN bytes), classified when new. */
static uint32_t
linker_lookup(struct linker *l, const char *f, size_t len)
{
	struct wordcache *wc = &l->cache;
	char buf[128];
	size_t n = wc->words.n;
	uint32_t e;

	e = vocab_intern(&wc->words, KIND_WORD, f, len);
	if (wc->words.n == n)
		return e;
	if (wc->words.n > wc->cap) {
		wc->cap = wc->cap == 0 ? 1024 : wc->cap * 2;
		wc->cls = xreallocarray(wc->cls, wc->cap, sizeof *wc->cls);
		wc->id = xreallocarray(wc->id, wc->cap, sizeof *wc->id);
		wc->alt = xreallocarray(wc->alt, wc->cap, sizeof *wc->alt);
		wc->quote = xreallocarray(wc->quote, wc->cap,
		    sizeof *wc->quote);
	}
	memcpy(buf, f, len);
	buf[len] = '\0';
	linker_classify(l, e, buf, len);
	return e;
}

/* Adds a cached content word as a feature (and a quoted one if quoted). */
static void
linker_word(struct linker *l, uint32_t e, bool quoted)
{
	struct wordcache *wc = &l->cache;
	const struct vocab *v = &l->vocab;
	char st[256];
	size_t stlen;
	uint32_t id = wc->id[e];

	linker_raw(l, id, wc->alt[e]);
	if (!quoted)
		return;
	if (wc->quote[e] == NONE) {
		stlen = v->len[id] - 1;
		memcpy(st, v->pool.data + v->off[id] + 1, stlen);
		wc->quote[e] = vocab_intern(&l->vocab, KIND_QUOTE, st, stlen);
	}
	linker_raw(l, wc->quote[e], NONE);
}

static inline bool
linker_is(const struct words *w, size_t i, const char *word)
{
	size_t len = strlen(word);

	return w->items[i].foldlen == len &&
	    memcmp(words_fold(w, i), word, len) == 0;
}

void
linker_sentence(struct linker *l, struct sent *out,
    const struct sentence *s, struct words *w)
{
	char num[32];
	const char *f;
	size_t i, j, len, n;
	unsigned fl;
	uint32_t e;

	words_reset(w);
	words_split(w, s->text, s->len);
	out->feat = (uint32_t)l->nfeats;
	for (i = 0; i < w->n; i++) {
		f = words_fold(w, i);
		len = w->items[i].foldlen;
		fl = w->items[i].flags;
		if (fl & WORD_NUMBER) {
			for (j = n = 0; j < len && n < sizeof num - 1; j++) {
				if (f[j] != ',')
					num[n++] = f[j];
			}
			linker_raw(l, vocab_intern(&l->vocab, KIND_NUMBER, num,
			    n), NONE);
			out->hasnum = 1;
			continue;
		}
		if (len >= 128)
			continue;
		/* "ruled out" is a refusal, not a ruling. */
		if (len >= 3 && memcmp(f, "rul", 3) == 0 && i + 1 < w->n &&
		    linker_is(w, i + 1, "out")) {
			out->neg = 1;
			i++;
			continue;
		}
		if (linker_is(w, i, "united") && i + 1 < w->n &&
		    linker_is(w, i + 1, "states")) {
			e = linker_lookup(l, "usa", 3);
			i++;
		} else if ((fl & WORD_ACRONYM) && linker_is(w, i, "us"))
			e = linker_lookup(l, "usa", 3);
		else if (linker_is(w, i, "cent") && i > 0 &&
		    linker_is(w, i - 1, "per"))
			e = linker_lookup(l, "percent", 7);
		else
			e = linker_lookup(l, f, len);
		switch (l->cache.cls[e]) {
		case CLASS_NUMBER:
			linker_raw(l, l->cache.id[e], NONE);
			out->hasnum = 1;
			break;
		case CLASS_NEGATION:
			out->neg = 1;
			break;
		case CLASS_WORD:
			linker_word(l, e, linker_inside(s, w->items[i].start));
			break;
		}
	}
	for (i = 0; i < s->ntopics; i++) {
		n = (size_t)snprintf(num, sizeof num, "%zu", s->topics[i]);
		linker_raw(l, vocab_intern(&l->vocab, KIND_TOPIC, num, n),
		    NONE);
	}
	out->nfeat = (uint32_t)(l->nfeats - out->feat);
}

static int
linker_u32cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts N ids: most sentences have a few dozen, where an insertion sort
 * beats qsort's calls through a pointer. */
static void
linker_sort(uint32_t *ids, size_t n)
{
	size_t i, j;
	uint32_t v;

	if (n > 32) {
		qsort(ids, n, sizeof *ids, linker_u32cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		v = ids[i];
		for (j = i; j > 0 && ids[j - 1] > v; j--)
			ids[j] = ids[j - 1];
		ids[j] = v;
	}
}

void
linker_features(struct linker *l)
{
	struct vocab *v = &l->vocab;
	struct sent *s;
	size_t i, j, k, n, start, a = 0;
	double mult;
	uint32_t *fs;

	v->df = xcalloc(v->n, sizeof *v->df);
	v->weight = xcalloc(v->n, sizeof *v->weight);
	v->w2 = xcalloc(v->n, sizeof *v->w2);
	v->number = xcalloc(v->n, sizeof *v->number);
	l->nfeats = 0;
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		start = s->feat;
		n = s->nfeat;
		for (; a < l->nalts && l->alts[a].pos < start + n; a++) {
			if (v->flags[l->alts[a].alt] & VOCAB_STANDALONE) {
				l->feats[l->alts[a].pos] = l->alts[a].alt;
				s->neg = 1;
			}
		}
		/* Compacted in place: earlier sentences only shrank. */
		s->feat = (uint32_t)l->nfeats;
		if (n == 0) {
			s->nfeat = 0;
			continue;	/* feats may still be NULL */
		}
		fs = l->feats + start;
		linker_sort(fs, n);
		for (j = k = 0; j < n; j++) {
			if (k == 0 || fs[j] != l->feats[s->feat + k - 1])
				l->feats[s->feat + k++] = fs[j];
		}
		s->nfeat = (uint32_t)k;
		l->nfeats = s->feat + k;
		for (j = 0; j < k; j++)
			v->df[l->feats[s->feat + j]]++;
	}
	l->feats = xreallocarray(l->feats, l->nfeats + 1, sizeof *l->feats);
	free(l->alts);
	l->alts = NULL;
	for (i = 0; i < v->n; i++) {
		if (v->df[i] == 0)
			continue;
		switch (v->pool.data[v->off[i]]) {
		case KIND_NUMBER:
			mult = 1.3;
			break;
		case KIND_TOPIC:
			mult = 0.5;
			break;
		case KIND_QUOTE:
			mult = 0.2;
			break;
		default:
			mult = 1.0;
			break;
		}
		/* A dampened IDF: a word found once must not drown the rest. */
		v->weight[i] = mult *
		    sqrt(log(1.0 + (double)l->nsents / v->df[i]));
		v->w2[i] = v->weight[i] * v->weight[i];
		v->number[i] = v->pool.data[v->off[i]] == KIND_NUMBER;
	}
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		for (j = 0; j < s->nfeat; j++)
			s->norm2 += v->weight[l->feats[s->feat + j]] *
			    v->weight[l->feats[s->feat + j]];
	}
}

/*
 * A cluster's features as a sorted list: its items, or its founder's
 * features each counted n times.  *IDS, *STRIDE and the count of the
 * feature at position I through cluster_count.
 */
static size_t
linker_view(const struct linker *l, const struct cluster *cl,
    const uint32_t **ids, size_t *stride)
{
	const struct sent *f;

	if (cl->items != NULL || cl->founder == NONE) {
		*ids = cl->items;
		*stride = 2;
		return cl->nitems;
	}
	f = &l->sents[cl->founder];
	*ids = l->feats + f->feat;
	*stride = 1;
	return f->nfeat;
}

static uint32_t
linker_new_cluster(struct linker *l)
{
	if (l->nclusters == l->clustercap) {
		l->clustercap = l->clustercap == 0 ? 1024 : l->clustercap * 2;
		l->clusters = xreallocarray(l->clusters, l->clustercap,
		    sizeof *l->clusters);
	}
	if (l->nclusters == l->touchcap) {
		l->touchcap = l->clustercap;
		l->touchat = xreallocarray(l->touchat, l->touchcap,
		    sizeof *l->touchat);
		memset(l->touchat + l->nclusters, 0,
		    (l->touchcap - l->nclusters) * sizeof *l->touchat);
	}
	memset(&l->clusters[l->nclusters], 0, sizeof *l->clusters);
	l->clusters[l->nclusters].founder = NONE;
	return (uint32_t)l->nclusters++;
}

static void
linker_post(struct linker *l, uint32_t feat, uint32_t cluster)
{
	struct posting *p = &l->postings[feat];

	if (p->n < p->cap)
		p->items[p->n++] = cluster;
}

/* Gives a founder-only cluster items of its own, for a second sentence. */
static void
linker_materialise(struct linker *l, struct cluster *cl)
{
	const struct sent *f = &l->sents[cl->founder];
	size_t j;

	cl->cap = f->nfeat < 4 ? 4 : (uint32_t)f->nfeat;
	cl->items = xreallocarray(NULL, cl->cap, 2 * sizeof *cl->items);
	for (j = 0; j < f->nfeat; j++) {
		cl->items[2 * j] = l->feats[f->feat + j];
		cl->items[2 * j + 1] = cl->n;
	}
	cl->nitems = (uint32_t)f->nfeat;
}

/* Adds sentence S (features FS, sorted) to a cluster with items. */
static void
linker_join(struct linker *l, struct cluster *cl, uint32_t c,
    const uint32_t *fs, size_t nf)
{
	size_t j, pos = 0, nnew = 0, i, w;
	uint32_t f, cnt, *p;
	double w2;

	if (cl->founder == CLUSTER_HASHED) {
		for (j = 0; j < nf; j++) {
			f = fs[j];
			w2 = l->vocab.w2[f];
			if ((p = cluster_find(cl, f)) != NULL) {
				cl->s2 += w2 * (2.0 * *p + 1);
				(*p)++;
			} else {
				cl->s2 += w2 * (2.0 * 0 + 1);
				linker_post(l, f, c);
				cluster_insert(cl, f, 1);
			}
		}
		return;
	}
	for (j = 0; j < nf; j++) {
		f = fs[j];
		pos = cluster_seek(cl->items, 2, cl->nitems, pos, f);
		w2 = l->vocab.w2[f];
		if (pos < cl->nitems && cl->items[2 * pos] == f) {
			cnt = cl->items[2 * pos + 1];
			cl->s2 += w2 * (2.0 * cnt + 1);
			cl->items[2 * pos + 1]++;
		} else {
			cl->s2 += w2 * (2.0 * 0 + 1);
			linker_post(l, f, c);
			nnew++;
		}
	}
	if (nnew == 0)
		return;
	if (cl->nitems + nnew > cl->cap) {
		cl->cap = (uint32_t)(cl->nitems + nnew) * 2;
		cl->items = xreallocarray(cl->items, cl->cap,
		    2 * sizeof *cl->items);
	}
	/* Merge the new features in from the back; the old are counted. */
	i = cl->nitems;
	w = cl->nitems + nnew;
	for (j = nf; j-- > 0;) {
		f = fs[j];
		while (i > 0 && cl->items[2 * (i - 1)] > f) {
			i--;
			w--;
			cl->items[2 * w] = cl->items[2 * i];
			cl->items[2 * w + 1] = cl->items[2 * i + 1];
		}
		if (i > 0 && cl->items[2 * (i - 1)] == f)
			continue;
		w--;
		cl->items[2 * w] = f;
		cl->items[2 * w + 1] = 1;
	}
	cl->nitems += (uint32_t)nnew;
	if (cl->nitems >= CLUSTER_HASH_FROM)
		cluster_hash(cl);
}

/* Adds (DELTA 1) or removes (DELTA -1) sentence S to or from cluster C. */
static void
linker_move(struct linker *l, struct sent *s, uint32_t c, int delta)
{
	struct cluster *cl = &l->clusters[c];
	const uint32_t *fs = l->feats + s->feat;
	uint32_t si = (uint32_t)(s - l->sents), *p;
	size_t j, pos = 0;
	double w2;

	if (delta > 0 && cl->items == NULL &&
	    (cl->founder == NONE || cl->founder == si)) {
		/* The founder (again): its features are the cluster's. */
		for (j = 0; j < s->nfeat; j++) {
			w2 = l->vocab.w2[fs[j]];
			cl->s2 += w2 * (2.0 * cl->n + 1);
			if (cl->founder == NONE)
				linker_post(l, fs[j], c);
		}
		cl->founder = si;
	} else if (delta > 0) {
		if (cl->items == NULL)
			linker_materialise(l, cl);
		linker_join(l, cl, c, fs, s->nfeat);
	} else if (cl->items == NULL) {
		for (j = 0; j < s->nfeat; j++) {
			w2 = l->vocab.w2[fs[j]];
			cl->s2 -= w2 * (2.0 * cl->n - 1);
		}
	} else if (cl->founder == CLUSTER_HASHED) {
		for (j = 0; j < s->nfeat; j++) {
			p = cluster_find(cl, fs[j]);
			w2 = l->vocab.w2[fs[j]];
			cl->s2 -= w2 * (2.0 * *p - 1);
			(*p)--;
		}
	} else {
		for (j = 0; j < s->nfeat; j++) {
			pos = cluster_seek(cl->items, 2, cl->nitems, pos,
			    fs[j]);
			w2 = l->vocab.w2[fs[j]];
			cl->s2 -= w2 * (2.0 * cl->items[2 * pos + 1] - 1);
			cl->items[2 * pos + 1]--;
		}
	}
	cl->n = (uint32_t)((int)cl->n + delta);
	cl->nneg = (uint32_t)((int)cl->nneg + (s->neg ? delta : 0));
	cl->nnum = (uint32_t)((int)cl->nnum + (s->hasnum ? delta : 0));
	s->cluster = delta > 0 ? c : NONE;
}

static double
linker_negation_factor(double sim)
{
	double t;

	if (sim <= LINKER_CONTRADICTION_FROM)
		return LINKER_NEGATION_PENALTY;
	t = (sim - LINKER_CONTRADICTION_FROM) /
	    (LINKER_CONTRADICTION_FULL - LINKER_CONTRADICTION_FROM);
	if (t > 1)
		t = 1;
	return LINKER_NEGATION_PENALTY - t *
	    (LINKER_NEGATION_PENALTY - LINKER_CONTRADICTION_PENALTY);
}

/* Cosine of S to cluster C's centroid, with the penalties applied. */
static double
linker_similarity(struct linker *l, const struct sent *s, uint32_t c)
{
	const struct cluster *cl = &l->clusters[c];
	const uint32_t *fs = l->feats + s->feat, *ids = NULL, *p;
	const double *w2 = l->vocab.w2;
	double dot = 0, sim;
	bool numother = false, found, gallop;
	size_t j, pos = 0, n, stride = 0;
	uint32_t cnt, f;

	if (cl->n == 0 || cl->s2 <= 0 || s->norm2 <= 0)
		return 0;
	n = cl->founder == CLUSTER_HASHED ? 0 : linker_view(l, cl, &ids, &stride);
	/* Lists of like length are merged; a long one is galloped over. */
	gallop = n > 4 * (size_t)s->nfeat + 16;
	if (cl->items == NULL && !gallop && !s->hasnum) {
		/* Most clusters: the founder's features, each n times. */
		for (j = 0; j < s->nfeat && pos < n; j++) {
			f = fs[j];
			while (pos < n && ids[pos] < f)
				pos++;
			if (pos < n && ids[pos] == f)
				dot += w2[f] * cl->n;
		}
	} else {
		for (j = 0; j < s->nfeat; j++) {
			f = fs[j];
			if (cl->founder == CLUSTER_HASHED) {
				p = cluster_find(cl, f);
				found = p != NULL;
				cnt = found ? *p : 0;
			} else {
				if (gallop)
					pos = cluster_seek(ids, stride, n, pos,
					    f);
				else {
					while (pos < n && ids[pos * stride] < f)
						pos++;
				}
				found = pos < n && ids[pos * stride] == f;
				cnt = found ? cluster_count(cl, pos) : 0;
			}
			if (l->vocab.number[f] &&
			    (!found || cnt * 2 < cl->nnum))
				numother = true;
			if (cnt == 0)
				continue;
			dot += w2[f] * cnt;
		}
	}
	sim = dot / (sqrt(s->norm2) * sqrt(cl->s2));
	if (s->neg ? cl->nneg * 2 < cl->n : cl->nneg * 2 > cl->n)
		sim *= linker_negation_factor(sim);
	/* A number the claim's sentences mostly lack: another fact. */
	if (numother && cl->nnum * 2 >= cl->n)
		sim *= LINKER_NUMBER_PENALTY;
	return sim;
}

/* Adds W to the scores of the clusters in posting P, in the order
 * clusters are first touched; when CLOSED, to those touched before only. */
static void
linker_touch(struct linker *l, const struct posting *p, double w,
    bool closed)
{
	uint32_t c, e, j, n = (uint32_t)l->ntouched;

	if (closed) {
		for (j = 0; j < p->n; j++) {
			if ((e = l->touchat[p->items[j]]) != 0)
				l->acc[e - 1] += w;
		}
		return;
	}
	for (j = 0; j < p->n; j++) {
		c = p->items[j];
		if ((e = l->touchat[c]) != 0)
			l->acc[e - 1] += w;
		else {
			l->touchat[c] = (uint16_t)++n;
			l->touched[n - 1] = c;
			l->acc[n - 1] = w;
		}
	}
	l->ntouched = n;
}

/* The best cluster for S (other than none), or NONE below the threshold. */
static uint32_t
linker_best(struct linker *l, const struct sent *s)
{
	uint32_t top[LINKER_QUERY_FEATURES], cand[LINKER_CANDIDATES];
	size_t upto[LINKER_QUERY_FEATURES];	/* clusters touched by then */
	uint32_t f, best = NONE;
	size_t nq = 0, ncand = 0, i, j, k;
	double w, sim, rest, low = 0, bestsim = LINKER_MIN;
	const double *wt = l->vocab.weight, *w2 = l->vocab.w2, *acc = l->acc;
	bool closed = false;

	/* The query's rarest features, by a partial selection. */
	for (i = 0; i < s->nfeat; i++) {
		f = l->feats[s->feat + i];
		w = wt[f];
		if (nq < LINKER_QUERY_FEATURES)
			nq++;
		else if (!(w > wt[top[nq - 1]]))
			continue;
		for (j = nq - 1; j > 0 && w > wt[top[j - 1]]; j--)
			top[j] = top[j - 1];
		top[j] = f;
	}
	/*
	 * A cluster first touched by feature I scores at most REST, the
	 * weights from I on summed in the order they are added (rounding is
	 * monotonic).  One first touched by an earlier feature K scores at
	 * least K's weight, and wins ties.  Once LINKER_CANDIDATES clusters
	 * were first touched by features weighing REST or more, a cluster
	 * touched from now on can never be a candidate.
	 */
	for (i = 0; i < nq; i++) {
		if (!closed && l->ntouched >= LINKER_CANDIDATES) {
			rest = w2[top[i]];
			for (j = i + 1; j < nq; j++)
				rest += w2[top[j]];
			for (k = 0; k < i && w2[top[k]] >= rest; k++)
				continue;
			closed = k > 0 && upto[k - 1] >= LINKER_CANDIDATES;
		}
		linker_touch(l, &l->postings[top[i]], w2[top[i]], closed);
		upto[i] = l->ntouched;
	}
	/* Keep the best-scored candidates (by touch index), then measure
	 * them exactly; LOW is the score of the last kept once all are. */
	for (i = 0; i < l->ntouched; i++) {
		l->touchat[l->touched[i]] = 0;
		if (ncand < LINKER_CANDIDATES)
			ncand++;
		else if (!(acc[i] > low))
			continue;
		for (k = ncand - 1; k > 0 && acc[i] > acc[cand[k - 1]]; k--)
			cand[k] = cand[k - 1];
		cand[k] = (uint32_t)i;
		low = acc[cand[ncand - 1]];
	}
	l->ntouched = 0;
	for (i = 0; i < ncand; i++)
		cand[i] = l->touched[cand[i]];
	for (i = 0; i < ncand; i++) {
		sim = linker_similarity(l, s, cand[i]);
		if (sim > bestsim || (sim == bestsim && best != NONE &&
		    cand[i] < best)) {
			bestsim = sim;
			best = cand[i];
		}
	}
	return best;
}

void
linker_cluster(struct linker *l)
{
	struct sent *s;
	uint32_t c, best;
	size_t i, n;

	l->postings = xcalloc(l->vocab.n + 1, sizeof *l->postings);
	for (i = n = 0; i < l->vocab.n; i++) {
		l->postings[i].cap = l->vocab.df[i] < LINKER_POSTING_SCAN / 2 ?
		    2 * l->vocab.df[i] : LINKER_POSTING_SCAN;
		n += l->postings[i].cap;
	}
	l->postpool = xreallocarray(NULL, n + 1, sizeof *l->postpool);
	for (i = n = 0; i < l->vocab.n; i++) {
		l->postings[i].items = l->postpool + n;
		n += l->postings[i].cap;
	}
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		c = s->nfeat == 0 ? NONE : linker_best(l, s);
		linker_move(l, s, c == NONE ? linker_new_cluster(l) : c, 1);
	}
	/* Re-seat each sentence now that the centroids have settled. */
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		if (s->nfeat == 0)
			continue;
		c = s->cluster;
		linker_move(l, s, c, -1);
		best = linker_best(l, s);
		linker_move(l, s, best == NONE ? c : best, 1);
	}
}

/*
 * Once clusters have settled, keeps how well each sentence fits its own
 * and frees everything else but the sentences, before the claims are
 * built: features, clusters and postings are most of the linker's memory.
 * The postings go first, so the fits take their room, not more.
 */
void
linker_settle(struct linker *l)
{
	size_t i;

	free(l->postings);
	free(l->postpool);
	l->fit = xreallocarray(NULL, l->nsents + 1, sizeof *l->fit);
	for (i = 0; i < l->nsents; i++)
		l->fit[i] = linker_similarity(l, &l->sents[i],
		    l->sents[i].cluster);
	for (i = 0; i < l->nclusters; i++)
		free(l->clusters[i].items);
	free(l->clusters);
	free(l->touchat);
	free(l->feats);
	vocab_free(&l->vocab);
	vocab_free(&l->cache.words);
	free(l->cache.cls);
	free(l->cache.id);
	free(l->cache.alt);
	free(l->cache.quote);
	stem_free(l->stem);
}
