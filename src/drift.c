/* drift: word-level alignment of quotes of the same words. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "drift.h"
#include "words.h"
#include "xalloc.h"

/* Longest quote aligned, in words: beyond it the table gets too big. */
#define DRIFT_MAX_WORDS 400
/* Earlier quotes a quote is tried against, at most. */
#define DRIFT_MAX_TRIES 64

/* Contracted endings and the words they stand for: "don't" is "do not". */
static const char *const drift_endings[][2] = {
	{ "n't", "not" }, { "'re", "are" }, { "'ve", "have" },
	{ "'ll", "will" }, { "'m", "am" }, { "'d", "would" },
};

/* Contractions whose first word is not the word before the ending. */
static const char *const drift_irregular[][3] = {
	{ "can't", "can", "not" }, { "cannot", "can", "not" },
	{ "won't", "will", "not" },
	{ "shan't", "shall", "not" }, { "ain't", "is", "not" },
};

/* Words whose "'s" is a word of its own (words.h drops it as a
 * possessive): "it's" is "it is", "let's" is "let us". */
static const char *const drift_s[][2] = {
	{ "everyone", "is" }, { "everything", "is" }, { "he", "is" },
	{ "here", "is" }, { "how", "is" }, { "it", "is" }, { "let", "us" },
	{ "nobody", "is" }, { "nothing", "is" }, { "she", "is" },
	{ "someone", "is" }, { "something", "is" }, { "that", "is" },
	{ "there", "is" }, { "this", "is" }, { "what", "is" },
	{ "where", "is" }, { "who", "is" },
};

static void
drift_push(struct words *w, size_t start, size_t end, const char *fold,
    size_t len)
{
	if (w->n == w->cap) {
		w->cap = w->cap * 2 + 16;
		w->items = xreallocarray(w->items, w->cap, sizeof *w->items);
	}
	w->items[w->n].start = start;
	w->items[w->n].end = end;
	w->items[w->n].fold = w->folds.len;
	w->items[w->n].foldlen = len;
	w->items[w->n].flags = 0;
	w->n++;
	strbuf_add(&w->folds, fold, len);
	strbuf_addch(&w->folds, '\0');
}

/* Whether the token at START..END of TEXT ends in "'s" or "’s". */
static bool
drift_ends_in_s(const char *text, size_t start, size_t end)
{
	return (end - start > 2 && text[end - 1] == 's' &&
	    text[end - 2] == '\'') || (end - start > 4 &&
	    text[end - 1] == 's' && memcmp(text + end - 4, "\xe2\x80\x99", 3) == 0);
}

/*
 * Token I of IN (a word of TEXT) in OUT, a contraction as its two words,
 * both spanning it: "it's" and "it is", "don't" and "do not" are the same
 * words quoted.
 */
static void
drift_expand(struct words *out, const struct words *in, size_t i,
    const char *text)
{
	const char *f = words_fold(in, i);
	size_t len = in->items[i].foldlen, start = in->items[i].start,
	    end = in->items[i].end, k, n;

	for (k = 0; k < sizeof drift_irregular / sizeof *drift_irregular;
	    k++) {
		if (strcmp(f, drift_irregular[k][0]) == 0) {
			drift_push(out, start, end, drift_irregular[k][1],
			    strlen(drift_irregular[k][1]));
			drift_push(out, start, end, drift_irregular[k][2],
			    strlen(drift_irregular[k][2]));
			return;
		}
	}
	for (k = 0; k < sizeof drift_endings / sizeof *drift_endings; k++) {
		n = strlen(drift_endings[k][0]);
		if (len > n && memcmp(f + len - n, drift_endings[k][0], n) == 0) {
			drift_push(out, start, end, f, len - n);
			drift_push(out, start, end, drift_endings[k][1],
			    strlen(drift_endings[k][1]));
			return;
		}
	}
	drift_push(out, start, end, f, len);
	if (!drift_ends_in_s(text, start, end))
		return;
	for (k = 0; k < sizeof drift_s / sizeof *drift_s; k++) {
		if (strcmp(f, drift_s[k][0]) == 0) {
			drift_push(out, start, end, drift_s[k][1],
			    strlen(drift_s[k][1]));
			return;
		}
	}
}

/*
 * The words of TEXT that lie inside Q, folded: lower case, contractions as
 * their words, American spelling ("recognising" and "recognizing" are the
 * same word quoted).  Quote marks and other punctuation are not words.
 */
static void
drift_words(struct words *w, const char *text, struct span q)
{
	struct words raw = WORDS_INIT;
	size_t i;

	words_reset(w);
	words_split(&raw, text + q.start, q.end - q.start);
	for (i = 0; i < raw.n; i++) {
		raw.items[i].start += q.start;
		raw.items[i].end += q.start;
		drift_expand(w, &raw, i, text);
	}
	for (i = 0; i < w->n; i++)
		words_american(w->folds.data + w->items[i].fold,
		    &w->items[i].foldlen);
	words_free(&raw);
}

static bool
drift_same(const struct words *a, size_t i, const struct words *b, size_t j)
{
	return a->items[i].foldlen == b->items[j].foldlen &&
	    memcmp(words_fold(a, i), words_fold(b, j),
	    a->items[i].foldlen) == 0;
}

static struct span
drift_span(const struct words *w, size_t from, size_t to)
{
	struct span sp;

	if (from == to) {
		sp.start = sp.end = from < w->n ? w->items[from].start :
		    (w->n != 0 ? w->items[w->n - 1].end : 0);
		return sp;
	}
	sp.start = w->items[from].start;
	sp.end = w->items[to - 1].end;
	return sp;
}

/* Token ranges of an edit, kept until moves are found. */
struct drift_run {
	size_t a0, a1;
	size_t b0, b1;
};

static bool
drift_run_equal(const struct words *a, size_t a0, size_t a1,
    const struct words *b, size_t b0, size_t b1)
{
	size_t k;

	if (a1 - a0 != b1 - b0 || a1 == a0)
		return false;
	for (k = 0; k < a1 - a0; k++) {
		if (!drift_same(a, a0 + k, b, b0 + k))
			return false;
	}
	return true;
}

/*
 * Turns the gaps between aligned words into edits; a run dropped in one
 * place and added in another with the same words is a move.  Words quoted
 * by one side only before or after the shared stretch (TRIM_FIRST,
 * TRIM_LAST) mean a shorter quote, not different words, unless they moved.
 */
static void
drift_edits(const struct words *a, const struct words *b,
    struct drift_run *runs, size_t nruns, bool trim_first, bool trim_last,
    struct drift *d)
{
	struct drift_edit *e;
	size_t i, j;
	bool *moved = xcalloc(nruns + 1, sizeof *moved);

	d->edits = xreallocarray(NULL, nruns + 1, sizeof *d->edits);
	d->nedits = 0;
	for (i = 0; i < nruns; i++) {
		if (moved[i])
			continue;
		e = &d->edits[d->nedits++];
		e->a = drift_span(a, runs[i].a0, runs[i].a1);
		e->b = drift_span(b, runs[i].b0, runs[i].b1);
		if (runs[i].b0 == runs[i].b1)
			e->kind = DRIFT_ONLY_A;
		else if (runs[i].a0 == runs[i].a1)
			e->kind = DRIFT_ONLY_B;
		else
			e->kind = DRIFT_CHANGED;
		if (e->kind == DRIFT_CHANGED)
			continue;
		for (j = i + 1; j < nruns; j++) {
			if (moved[j])
				continue;
			if ((e->kind == DRIFT_ONLY_A && runs[j].a0 == runs[j].a1 &&
			    drift_run_equal(a, runs[i].a0, runs[i].a1, b,
			    runs[j].b0, runs[j].b1)) ||
			    (e->kind == DRIFT_ONLY_B && runs[j].b0 == runs[j].b1 &&
			    drift_run_equal(a, runs[j].a0, runs[j].a1, b,
			    runs[i].b0, runs[i].b1))) {
				moved[j] = true;
				e->kind = DRIFT_MOVED;
				if (runs[j].a0 != runs[j].a1)
					e->a = drift_span(a, runs[j].a0,
					    runs[j].a1);
				else
					e->b = drift_span(b, runs[j].b0,
					    runs[j].b1);
				break;
			}
		}
		if (e->kind != DRIFT_MOVED && ((i == 0 && trim_first) ||
		    (i == nruns - 1 && trim_last)))
			d->nedits--;
	}
	free(moved);
}

/* Longest common subsequence of folded words, then the runs around it. */
static bool
drift_compare(const struct words *a, const struct words *b, struct drift *d)
{
	size_t n = a->n, m = b->n, i, j, lcs, nruns = 0, pa, pb, run = 0,
	    longest = 0;
	unsigned short *t;
	struct drift_run *runs;

	if (n == 0 || m == 0 || n > DRIFT_MAX_WORDS || m > DRIFT_MAX_WORDS)
		return false;
	/* t[i][j]: LCS of a[i..] and b[j..]. */
	t = xcalloc((n + 1) * (m + 1), sizeof *t);
	for (i = n; i-- > 0;) {
		for (j = m; j-- > 0;) {
			if (drift_same(a, i, b, j))
				t[i * (m + 1) + j] = t[(i + 1) * (m + 1) + j + 1] + 1;
			else if (t[(i + 1) * (m + 1) + j] >=
			    t[i * (m + 1) + j + 1])
				t[i * (m + 1) + j] = t[(i + 1) * (m + 1) + j];
			else
				t[i * (m + 1) + j] = t[i * (m + 1) + j + 1];
		}
	}
	lcs = t[0];
	d->overlap = (double)lcs / (double)(n < m ? n : m);
	if (lcs < DRIFT_MIN_RUN || d->overlap < DRIFT_MIN_OVERLAP) {
		free(t);
		return false;
	}
	runs = xreallocarray(NULL, n + m + 1, sizeof *runs);
	i = j = pa = pb = 0;
	/*
	 * Walk the table, matching a word only when the common subsequence
	 * needs it here: matches land as late as they can, so the words one
	 * side adds in front ("This is not a peace treaty, it is a pause"
	 * against "a pause") stay together as one run.
	 */
	while (i < n || j < m) {
		if (i < n && j < m && drift_same(a, i, b, j) &&
		    t[i * (m + 1) + j] == t[(i + 1) * (m + 1) + j + 1] + 1 &&
		    t[(i + 1) * (m + 1) + j] < t[i * (m + 1) + j] &&
		    t[i * (m + 1) + j + 1] < t[i * (m + 1) + j]) {
			if (pa != i || pb != j) {
				runs[nruns].a0 = pa;
				runs[nruns].a1 = i;
				runs[nruns].b0 = pb;
				runs[nruns].b1 = j;
				nruns++;
				run = 0;
			}
			if (++run > longest)
				longest = run;
			pa = ++i;
			pb = ++j;
		} else if (j == m || (i < n &&
		    t[(i + 1) * (m + 1) + j] == t[i * (m + 1) + j]))
			i++;
		else
			j++;
	}
	if (pa != n || pb != m) {
		runs[nruns].a0 = pa;
		runs[nruns].a1 = n;
		runs[nruns].b0 = pb;
		runs[nruns].b1 = m;
		nruns++;
	}
	free(t);
	/* Without a stretch of words quoted alike, the two are other
	 * quotes that happen to share words, not one quote that drifted. */
	if (longest < DRIFT_MIN_RUN) {
		free(runs);
		return false;
	}
	drift_edits(a, b, runs, nruns,
	    nruns != 0 && runs[0].a0 == 0 && runs[0].b0 == 0,
	    nruns != 0 && runs[nruns - 1].a1 == n && runs[nruns - 1].b1 == m,
	    d);
	free(runs);
	return true;
}

/* drift_align on quotes already cut into their words WA and WB. */
static bool
drift_align_words(const struct words *wa, struct span qa,
    const struct words *wb, struct span qb, struct drift *d)
{
	memset(d, 0, sizeof *d);
	d->quote_a = qa;
	d->quote_b = qb;
	return drift_compare(wa, wb, d);
}

bool
drift_align(const char *a, struct span qa, const char *b, struct span qb,
    struct drift *d)
{
	struct words wa = WORDS_INIT, wb = WORDS_INIT;
	bool ok;

	drift_words(&wa, a, qa);
	drift_words(&wb, b, qb);
	ok = drift_align_words(&wa, qa, &wb, qb, d);
	words_free(&wa);
	words_free(&wb);
	return ok;
}

/*
 * A quote found in one of the claim's sentences, with its words once they
 * are cut: a quote is tried against up to DRIFT_MAX_TRIES others, and
 * cutting it anew for each was most of drift_find's cost.
 */
struct drift_quote {
	size_t doc;
	size_t sentence;
	struct span q;
	struct words words;
	bool cut;
};

static const struct words *
drift_quote_words(struct document *const *docs, struct drift_quote *q)
{
	if (!q->cut) {
		drift_words(&q->words, docs[q->doc]->sentences[q->sentence].text,
		    q->q);
		q->cut = true;
	}
	return &q->words;
}

size_t
drift_find(struct document *const *docs, const struct claim_ref *refs,
    size_t nrefs, struct drift **out)
{
	static const struct words uncut = WORDS_INIT;
	struct drift_quote *quotes = NULL;
	struct drift *drifts = NULL, d;
	const struct sentence *s;
	struct span unit;
	size_t nq = 0, n = 0, i, j, k, tries;

	for (i = 0; i < nrefs; i++) {
		s = &docs[refs[i].doc]->sentences[refs[i].sentence];
		unit = claims_ref_span(s, &refs[i]);
		quotes = xreallocarray(quotes, nq + s->nquotes + 1,
		    sizeof *quotes);
		for (k = 0; k < s->nquotes; k++) {
			/* A unit of a cut sentence drifts in its own quotes. */
			if (s->quotes[k].start < unit.start ||
			    s->quotes[k].start >= unit.end)
				continue;
			quotes[nq].doc = refs[i].doc;
			quotes[nq].sentence = refs[i].sentence;
			quotes[nq].q = s->quotes[k];
			quotes[nq].words = uncut;
			quotes[nq].cut = false;
			nq++;
		}
	}
	for (i = 0; i < nq; i++) {
		for (j = 0, tries = 0; j < i && tries < DRIFT_MAX_TRIES; j++) {
			if (quotes[j].doc == quotes[i].doc)
				continue;
			tries++;
			if (!drift_align_words(drift_quote_words(docs, &quotes[j]),
			    quotes[j].q, drift_quote_words(docs, &quotes[i]),
			    quotes[i].q, &d))
				continue;
			d.doc_a = quotes[j].doc;
			d.sentence_a = quotes[j].sentence;
			d.doc_b = quotes[i].doc;
			d.sentence_b = quotes[i].sentence;
			drifts = xreallocarray(drifts, n + 1, sizeof *drifts);
			drifts[n++] = d;
			break;
		}
	}
	for (i = 0; i < nq; i++)
		words_free(&quotes[i].words);
	free(quotes);
	*out = drifts;
	return n;
}

static int
drift_spancmp(const void *x, const void *y)
{
	const struct span *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

size_t
drift_spans(const struct drift *drifts, size_t n, size_t doc,
    size_t sentence, struct span **out)
{
	struct span *spans = NULL, sp;
	size_t i, k, ns = 0, merged;
	bool is_a, is_b;

	for (i = 0; i < n; i++) {
		is_a = drifts[i].doc_a == doc && drifts[i].sentence_a == sentence;
		is_b = drifts[i].doc_b == doc && drifts[i].sentence_b == sentence;
		if (!is_a && !is_b)
			continue;
		spans = xreallocarray(spans, ns + 2 * drifts[i].nedits + 1,
		    sizeof *spans);
		for (k = 0; k < drifts[i].nedits; k++) {
			sp = drifts[i].edits[k].a;
			if (is_a && sp.start != sp.end)
				spans[ns++] = sp;
			sp = drifts[i].edits[k].b;
			if (is_b && sp.start != sp.end)
				spans[ns++] = sp;
		}
	}
	if (ns == 0) {
		free(spans);
		*out = NULL;
		return 0;
	}
	qsort(spans, ns, sizeof *spans, drift_spancmp);
	for (i = 1, merged = 0; i < ns; i++) {
		if (spans[i].start <= spans[merged].end) {
			if (spans[i].end > spans[merged].end)
				spans[merged].end = spans[i].end;
		} else
			spans[++merged] = spans[i];
	}
	*out = spans;
	return merged + 1;
}

void
drift_free(struct drift *drifts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(drifts[i].edits);
	free(drifts);
}
