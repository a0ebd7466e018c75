/*
 * cluster: best-first merging of groups under linkage constraints.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "xalloc.h"

/* A group of two items or more, named by its root item's slot. */
struct group {
	uint32_t *members;	/* in joining order: the founders first */
	uint32_t *docs;		/* distinct, ascending */
	uint32_t n;
	uint32_t ndocs;
};

/* A root item's slot when it is alone. */
#define CLUSTER_ALONE UINT32_MAX

/*
 * Each item has a slot, a group's index in groups for a root item with
 * company: at 10,000 sources a group record for each of 343,065 items
 * was 8.2 MB of --json's peak, for some 30,000 groups.
 */
struct clusterer {
	struct group *groups;
	uint32_t ngroups;
	uint32_t cap;
	uint32_t *slot;
	uint32_t *parent;
	const uint32_t *doc;
	const struct cluster_params *params;
	cluster_sim_fn *sim;
	void *ctx;
};

/* Whether pair X goes before pair Y: best first, then by items. */
static bool
cluster_pair_before(const struct cluster_pair *x, const struct cluster_pair *y)
{
	if (x->sim != y->sim)
		return x->sim > y->sim;
	if (x->a != y->a)
		return x->a < y->a;
	return x->b < y->b;
}

/* Moves PAIRS[I] down the heap of N pairs whose root goes last. */
static void
cluster_sift(struct cluster_pair *pairs, size_t i, size_t n)
{
	struct cluster_pair t = pairs[i];
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n && cluster_pair_before(&pairs[child],
		    &pairs[child + 1]))
			child++;
		if (!cluster_pair_before(&t, &pairs[child]))
			break;
		pairs[i] = pairs[child];
		i = child;
	}
	pairs[i] = t;
}

/*
 * Sorts the N pairs best first, in place: glibc's qsort copies the
 * array to merge it (3.4 MB at 10,000 sources, at --json's peak).  The
 * order is total, so the result is the one any sort gives.
 */
static void
cluster_sort(struct cluster_pair *pairs, size_t n)
{
	struct cluster_pair t;
	size_t i;

	for (i = n / 2; i-- > 0;)
		cluster_sift(pairs, i, n);
	for (i = n; i-- > 1;) {
		t = pairs[0];
		pairs[0] = pairs[i];
		pairs[i] = t;
		cluster_sift(pairs, 0, i);
	}
}

static uint32_t
cluster_find(struct clusterer *c, uint32_t i)
{
	uint32_t root = i, next;

	while (c->parent[root] != root)
		root = c->parent[root];
	while (c->parent[i] != root) {
		next = c->parent[i];
		c->parent[i] = root;
		i = next;
	}
	return root;
}

/* Member K of the group rooted at R. */
static uint32_t
cluster_member(const struct clusterer *c, uint32_t r, uint32_t k)
{
	return c->slot[r] != CLUSTER_ALONE ?
	    c->groups[c->slot[r]].members[k] : r;
}

static uint32_t
cluster_size(const struct clusterer *c, uint32_t r)
{
	return c->slot[r] != CLUSTER_ALONE ? c->groups[c->slot[r]].n : 1;
}

/* The documents of the group rooted at R, ascending; *N their count. */
static const uint32_t *
cluster_docs(const struct clusterer *c, uint32_t r, uint32_t *n)
{
	if (c->slot[r] == CLUSTER_ALONE) {
		*n = 1;
		return &c->doc[r];
	}
	*n = c->groups[c->slot[r]].ndocs;
	return c->groups[c->slot[r]].docs;
}

static bool
cluster_has(const uint32_t *docs, uint32_t n, uint32_t d)
{
	uint32_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (docs[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && docs[lo] == d;
}

/*
 * Whether some document (EVERY false) or every document (EVERY true) of
 * the smaller of the groups rooted at A and B is in the other: whether
 * they share a document, or a merge of the two adds none.
 */
static bool
cluster_docs_in(const struct clusterer *c, uint32_t a, uint32_t b,
    bool every)
{
	const uint32_t *da, *db, *t;
	uint32_t na, nb, tn, i;

	da = cluster_docs(c, a, &na);
	db = cluster_docs(c, b, &nb);
	if (na > nb) {
		t = da, da = db, db = t;
		tn = na, na = nb, nb = tn;
	}
	for (i = 0; i < na; i++) {
		if (cluster_has(db, nb, da[i]) != every)
			return !every;
	}
	return every;
}

/*
 * Whether the members of the groups rooted at A and B agree: each pair
 * across of two documents at least pair_min alike and their mean
 * mean_min.  A source is in a claim twice only when it says the same
 * thing twice: its two sentences at least same_doc_min alike, and some
 * pair across the groups a restatement (same_doc_best), not merely
 * neighbouring facts of one article; at least same_doc_nested alike
 * when the merge adds no source, as when two outlets each report two
 * neighbouring facts.  Past CLUSTER_SAMPLE members only the sampled
 * sentences of a source are compared with each other.
 */
static bool
cluster_agree(struct clusterer *c, uint32_t a, uint32_t b)
{
	uint32_t na = cluster_size(c, a), nb = cluster_size(c, b), i, j, x, y;
	double s, sum = 0, best = 0, same_doc_min = c->params->same_doc_min;
	bool twice = cluster_docs_in(c, a, b, false);

	if (twice && cluster_docs_in(c, a, b, true))
		same_doc_min = c->params->same_doc_nested;

	if (na > CLUSTER_SAMPLE)
		na = CLUSTER_SAMPLE;
	if (nb > CLUSTER_SAMPLE)
		nb = CLUSTER_SAMPLE;
	for (i = 0; i < na; i++) {
		x = cluster_member(c, a, i);
		for (j = 0; j < nb; j++) {
			y = cluster_member(c, b, j);
			s = c->sim(c->ctx, x, y);
			if (c->doc[x] == c->doc[y]) {
				if (s < same_doc_min)
					return false;
			} else if (s < c->params->pair_min)
				return false;
			else if (s > best)
				best = s;
			sum += s;
		}
	}
	if (twice && best < c->params->same_doc_best)
		return false;
	return sum >= c->params->mean_min * na * nb;
}

/* Gives the group rooted at R a slot and arrays of its own. */
static void
cluster_own(struct clusterer *c, uint32_t r)
{
	struct group *g;

	if (c->slot[r] != CLUSTER_ALONE)
		return;
	if (c->ngroups == c->cap) {
		c->cap = c->cap == 0 ? 1024 : c->cap * 2;
		c->groups = xreallocarray(c->groups, c->cap,
		    sizeof *c->groups);
	}
	c->slot[r] = c->ngroups++;
	g = &c->groups[c->slot[r]];
	g->members = xmalloc(sizeof *g->members);
	g->members[0] = r;
	g->docs = xmalloc(sizeof *g->docs);
	g->docs[0] = c->doc[r];
	g->n = g->ndocs = 1;
}

/* Moves the group rooted at FROM into the one rooted at TO; an item
 * alone joins without a slot of its own. */
static void
cluster_merge(struct clusterer *c, uint32_t to, uint32_t from)
{
	struct group *g;
	const uint32_t *fdocs;
	uint32_t *docs, fn, fndocs, i, j, k;

	cluster_own(c, to);
	g = &c->groups[c->slot[to]];
	fn = cluster_size(c, from);
	fdocs = cluster_docs(c, from, &fndocs);
	g->members = xreallocarray(g->members, (size_t)g->n + fn,
	    sizeof *g->members);
	for (k = 0; k < fn; k++)
		g->members[g->n + k] = cluster_member(c, from, k);
	g->n += fn;
	docs = xreallocarray(NULL, (size_t)g->ndocs + fndocs, sizeof *docs);
	for (i = j = k = 0; i < g->ndocs || j < fndocs;) {
		if (j == fndocs || (i < g->ndocs && g->docs[i] < fdocs[j]))
			docs[k++] = g->docs[i++];
		else if (i == g->ndocs || fdocs[j] < g->docs[i])
			docs[k++] = fdocs[j++];
		else {
			docs[k++] = g->docs[i++];
			j++;
		}
	}
	free(g->docs);
	g->docs = docs;
	g->ndocs = k;
	if (c->slot[from] != CLUSTER_ALONE) {
		free(c->groups[c->slot[from]].members);
		free(c->groups[c->slot[from]].docs);
		memset(&c->groups[c->slot[from]], 0, sizeof *c->groups);
		c->slot[from] = CLUSTER_ALONE;
	}
	c->parent[from] = to;
}

void
cluster_run(size_t n, const uint32_t *doc, struct cluster_pair *pairs,
    size_t npairs, const struct cluster_params *params, cluster_sim_fn *sim,
    cluster_found_fn *found, void *ctx, uint32_t *group)
{
	struct clusterer c;
	uint32_t a, b, i;
	size_t p;

	c.groups = NULL;
	c.ngroups = c.cap = 0;
	c.slot = xreallocarray(NULL, n + 1, sizeof *c.slot);
	c.parent = xreallocarray(NULL, n + 1, sizeof *c.parent);
	c.doc = doc;
	c.params = params;
	c.sim = sim;
	c.ctx = ctx;
	for (i = 0; i < n; i++) {
		c.parent[i] = i;
		c.slot[i] = CLUSTER_ALONE;
	}
	cluster_sort(pairs, npairs);
	for (p = 0; p < npairs; p++) {
		a = cluster_find(&c, pairs[p].a);
		b = cluster_find(&c, pairs[p].b);
		if (a == b || (cluster_size(&c, a) == 1 &&
		    cluster_size(&c, b) == 1 && (pairs[p].sim <
		    params->found_min || pairs[p].sim < found(ctx, a, b))) ||
		    !cluster_agree(&c, a, b))
			continue;
		/* The larger keeps its founders first. */
		if (cluster_size(&c, a) < cluster_size(&c, b))
			cluster_merge(&c, b, a);
		else
			cluster_merge(&c, a, b);
	}
	for (i = 0; i < n; i++)
		group[i] = cluster_find(&c, i);
	for (i = 0; i < c.ngroups; i++) {
		free(c.groups[i].members);
		free(c.groups[i].docs);
	}
	free(c.groups);
	free(c.slot);
	free(c.parent);
}
