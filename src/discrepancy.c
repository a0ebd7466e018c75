/* discrepancy: sentences of different sources that differ on a figure. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "discrepancy.h"
#include "fnv.h"
#include "linker.h"
#include "xalloc.h"

/* Earlier figures of the same quantity a figure is compared with. */
#define DISCREPANCY_TRIES 32

/*
 * A figure: the sentence giving it, its quantity (what it counts is
 * l->quants[quant].unit), and that sentence's squared norm bar its
 * figures (discrepancy_rest).  16 bytes, with no copy made to sort them:
 * the table stands at --json's peak, beside the linker's.
 */
struct discrepancy_figure {
	uint32_t sent;
	uint32_t quant;
	double rest;
};

/* Whether any figure of UNIT in QA is among the N figures of QB, whatever
 * they count there. */
static bool
discrepancy_shares(const struct quantity *qa, uint32_t na,
    const struct quantity *qb, uint32_t nb, uint32_t unit)
{
	uint32_t i, j;

	for (i = 0; i < na; i++) {
		if (qa[i].unit != unit)
			continue;
		for (j = 0; j < nb; j++) {
			if (qb[j].value == qa[i].value)
				return true;
		}
	}
	return false;
}

/*
 * Whether X and Y give other figures for UNIT: neither gives a figure of
 * UNIT that the other gives at all ("845 delegates of the 1,237 he needs"
 * and "needs 1,237 delegates" agree on 1,237, whatever it is read to
 * count).
 */
static bool
discrepancy_differ(const struct linker *l, const struct sent *x,
    const struct sent *y, uint32_t unit)
{
	const struct quantity *qa = l->quants + x->quant;
	const struct quantity *qb = l->quants + y->quant;

	return !discrepancy_shares(qa, x->nquant, qb, y->nquant, unit) &&
	    !discrepancy_shares(qb, y->nquant, qa, x->nquant, unit);
}

/* The squared norm of X's features bar its figures, summed in feature
 * order as a merge of two sentences would. */
static double
discrepancy_rest(const struct linker *l, const struct sent *x)
{
	uint32_t i, id;
	double sum = 0;

	for (i = 0; i < x->nfeat; i++) {
		id = linker_id(l, x, i);
		if (!l->vocab.number[id])
			sum += l->vocab.w2[id];
	}
	return sum;
}

/*
 * Whether X and Y say the same once their figures are set aside: enough
 * features in common and a cosine of the rest that reaches
 * DISCREPANCY_MIN_SIM.  Figures are set aside on both sides, so a
 * sentence that gives another figure elsewhere still counts as the rest.
 * NX and NY are their discrepancy_rest: only the features they share are
 * left to find.  Y is compared with up to DISCREPANCY_TRIES sentences:
 * its features are marked in M (featlist.h) once, and each of X's looked
 * up, in X's order, so that the sum is a merge's.
 */
static bool
discrepancy_rest_agrees(const struct linker *l, struct featlist_marks *m,
    const struct sent *x, double nx, const struct sent *y, double ny)
{
	const double *w2 = l->vocab.w2;
	const bool *number = l->vocab.number;
	uint32_t f, k;
	size_t shared = 0;
	double dot = 0, least = DISCREPANCY_MIN_SIM * sqrt(nx * ny);

	if (!(nx > 0 && ny > 0))
		return false;
	/* What they share weighs no more than either's rest, summed in the
	 * same order, and counts no more features than either has: a pair
	 * that falls short of either needs no look at its features. */
	if ((nx < ny ? nx : ny) < least ||
	    x->nfeat < DISCREPANCY_MIN_SHARED || y->nfeat < DISCREPANCY_MIN_SHARED)
		return false;
	featlist_mark(m, &l->feats, y->feat, y->nfeat, l->vocab.n);
	for (k = 0; k < x->nfeat; k++) {
		f = linker_id(l, x, k);
		if (featlist_marked(m, f) != 0 && !number[f]) {
			dot += w2[f];
			shared++;
		}
	}
	return shared >= DISCREPANCY_MIN_SHARED && dot >= least;
}

static int
discrepancy_cmp(const void *x, const void *y)
{
	const struct discrepancy *a = x, *b = y;

	/* Linker order is story order; claim_a/b hold it until sorted. */
	if (a->claim_b != b->claim_b)
		return a->claim_b < b->claim_b ? -1 : 1;
	if (a->claim_a != b->claim_a)
		return a->claim_a < b->claim_a ? -1 : 1;
	if (a->figure_b.start != b->figure_b.start)
		return a->figure_b.start < b->figure_b.start ? -1 : 1;
	return (a->figure_a.start > b->figure_a.start) -
	    (a->figure_a.start < b->figure_a.start);
}

/* Two sources of one outlet (an update, a wire copy) differ from each
 * other, not from another outlet. */
static bool
discrepancy_same_outlet(struct document *const *docs, size_t a, size_t b)
{
	return docs[a]->outlet != NULL && docs[b]->outlet != NULL &&
	    strcmp(docs[a]->outlet, docs[b]->outlet) == 0;
}

/*
 * Each of the first NDOCS documents' outlet hashed (0 for none), the
 * caller's to free.  A figure is tried against up to DISCREPANCY_TRIES
 * others, and comparing their outlets' names, reached through the
 * documents, each time was a strcmp and two pointers followed a try:
 * only two documents whose hashes agree are compared by name.
 */
static uint64_t *
discrepancy_outlet_hashes(struct document *const *docs, size_t ndocs)
{
	uint64_t *hash = xreallocarray(NULL, ndocs + 1, sizeof *hash);
	size_t i;

	for (i = 0; i < ndocs; i++)
		hash[i] = docs[i]->outlet != NULL ?
		    fnv_string(FNV_BASIS, docs[i]->outlet) : 0;
	return hash;
}

/*
 * The story's figures by what they count, each unit's in story order: a
 * counting sort on the units (vocabulary ids), placing them as the
 * sentences give them.  Returns how many; *OUT is the caller's.
 */
static size_t
discrepancy_figures_by_unit(const struct linker *l,
    struct discrepancy_figure **out)
{
	struct discrepancy_figure *fig, *f;
	uint32_t *next, u, sum, c;
	const struct sent *s;
	double rest;
	size_t i, k;

	next = xcalloc(l->vocab.n + 1, sizeof *next);
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		for (k = 0; k < s->nquant; k++)
			next[l->quants[s->quant + k].unit]++;
	}
	for (u = sum = 0; u < l->vocab.n; u++) {
		c = next[u];
		next[u] = sum;
		sum += c;
	}
	fig = xreallocarray(NULL, sum + 1, sizeof *fig);
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		rest = s->nquant > 0 ? discrepancy_rest(l, s) : 0;
		for (k = 0; k < s->nquant; k++) {
			f = &fig[next[l->quants[s->quant + k].unit]++];
			f->sent = (uint32_t)i;
			f->quant = s->quant + (uint32_t)k;
			f->rest = rest;
		}
	}
	free(next);
	*out = fig;
	return sum;
}

size_t
discrepancy_find(const struct linker *l, struct document *const *docs,
    struct discrepancy **out)
{
	struct discrepancy_figure *fig;
	struct discrepancy *found = NULL, *d;
	const struct sent *x, *y;
	const struct quantity *qa, *qb;
	size_t i, j, k, nfig, run, n = 0, cap = 0, tries;
	uint64_t *outlet;
	uint32_t unit;
	struct featlist_marks marks = FEATLIST_MARKS_INIT;

	*out = NULL;
	if (l->nquants == 0)
		return 0;
	nfig = discrepancy_figures_by_unit(l, &fig);
	/* Sentences are in story order: the last one's document is the
	 * last with any. */
	outlet = discrepancy_outlet_hashes(docs,
	    l->sents[l->nsents - 1].doc + 1);
	for (i = run = 0; i < nfig; i++) {
		unit = l->quants[fig[i].quant].unit;
		if (i == 0 || unit != l->quants[fig[i - 1].quant].unit)
			run = i;
		y = &l->sents[fig[i].sent];
		for (j = i, tries = 0; j-- > run && tries < DISCREPANCY_TRIES;) {
			x = &l->sents[fig[j].sent];
			if (x->doc == y->doc || (outlet[x->doc] ==
			    outlet[y->doc] && discrepancy_same_outlet(docs,
			    x->doc, y->doc)))
				continue;
			tries++;
			if (x->neg != y->neg ||
			    !discrepancy_differ(l, x, y, unit) ||
			    !discrepancy_rest_agrees(l, &marks, x, fig[j].rest,
			    y, fig[i].rest))
				continue;
			if (n == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				found = xreallocarray(found, cap, sizeof *found);
			}
			d = &found[n++];
			qa = &l->quants[fig[j].quant];
			qb = &l->quants[fig[i].quant];
			d->a.doc = x->doc;
			d->b.doc = y->doc;
			d->claim_a = fig[j].sent;
			d->claim_b = fig[i].sent;
			d->figure_a.start = qa->start;
			d->figure_a.end = qa->end;
			d->figure_b.start = qb->start;
			d->figure_b.end = qb->end;
		}
	}
	free(fig);
	free(outlet);
	featlist_marks_free(&marks);
	if (n == 0)
		return 0;
	/* A pair found through two of its quantities is kept once, with
	 * the figures of the first. */
	qsort(found, n, sizeof *found, discrepancy_cmp);
	for (i = 1, k = 1; i < n; i++) {
		if (found[i].claim_a != found[k - 1].claim_a ||
		    found[i].claim_b != found[k - 1].claim_b)
			found[k++] = found[i];
	}
	*out = found;
	return k;
}

size_t
discrepancy_of_claim(const struct claims *claims, size_t id, size_t **out)
{
	size_t i, n = 0;

	*out = NULL;
	for (i = 0; i < claims->ndiscrepancies; i++) {
		if (claims->discrepancies[i].claim_a != id &&
		    claims->discrepancies[i].claim_b != id)
			continue;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = i;
	}
	return n;
}

size_t
discrepancy_figures(const struct claims *claims, size_t doc,
    size_t sentence, struct span **out)
{
	const struct discrepancy *d;
	size_t i, n = 0;

	*out = NULL;
	for (i = 0; i < claims->ndiscrepancies; i++) {
		d = &claims->discrepancies[i];
		if (d->a.doc == doc && d->a.sentence == sentence) {
			*out = xreallocarray(*out, n + 1, sizeof **out);
			(*out)[n++] = d->figure_a;
		}
		if (d->b.doc == doc && d->b.sentence == sentence) {
			*out = xreallocarray(*out, n + 1, sizeof **out);
			(*out)[n++] = d->figure_b;
		}
	}
	return n;
}
