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

/* A group, kept at its root item; a single item stores nothing. */
struct group {
	uint32_t *members;	/* in joining order: the founders first */
	uint32_t *docs;		/* distinct, ascending */
	uint32_t n;
	uint32_t ndocs;
};

struct clusterer {
	struct group *groups;
	uint32_t *parent;
	const uint32_t *doc;
	const struct cluster_params *params;
	cluster_sim_fn *sim;
	void *ctx;
};

static int
cluster_pair_cmp(const void *x, const void *y)
{
	const struct cluster_pair *a = x, *b = y;

	if (a->sim != b->sim)
		return a->sim > b->sim ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
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
	return c->groups[r].members != NULL ? c->groups[r].members[k] : r;
}

static uint32_t
cluster_size(const struct clusterer *c, uint32_t r)
{
	return c->groups[r].members != NULL ? c->groups[r].n : 1;
}

/* The documents of the group rooted at R, ascending; *N their count. */
static const uint32_t *
cluster_docs(const struct clusterer *c, uint32_t r, uint32_t *n)
{
	if (c->groups[r].members == NULL) {
		*n = 1;
		return &c->doc[r];
	}
	*n = c->groups[r].ndocs;
	return c->groups[r].docs;
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

/* Gives the group rooted at R arrays of its own. */
static void
cluster_own(struct clusterer *c, uint32_t r)
{
	struct group *g = &c->groups[r];

	if (g->members != NULL)
		return;
	g->members = xmalloc(sizeof *g->members);
	g->members[0] = r;
	g->docs = xmalloc(sizeof *g->docs);
	g->docs[0] = c->doc[r];
	g->n = g->ndocs = 1;
}

/* Moves the group rooted at FROM into the one rooted at TO. */
static void
cluster_merge(struct clusterer *c, uint32_t to, uint32_t from)
{
	struct group *g, *f;
	uint32_t *docs, i, j, k;

	cluster_own(c, to);
	cluster_own(c, from);
	g = &c->groups[to];
	f = &c->groups[from];
	g->members = xreallocarray(g->members, (size_t)g->n + f->n,
	    sizeof *g->members);
	memcpy(g->members + g->n, f->members, f->n * sizeof *f->members);
	g->n += f->n;
	docs = xreallocarray(NULL, (size_t)g->ndocs + f->ndocs, sizeof *docs);
	for (i = j = k = 0; i < g->ndocs || j < f->ndocs;) {
		if (j == f->ndocs || (i < g->ndocs && g->docs[i] < f->docs[j]))
			docs[k++] = g->docs[i++];
		else if (i == g->ndocs || f->docs[j] < g->docs[i])
			docs[k++] = f->docs[j++];
		else {
			docs[k++] = g->docs[i++];
			j++;
		}
	}
	free(g->docs);
	g->docs = docs;
	g->ndocs = k;
	free(f->members);
	free(f->docs);
	memset(f, 0, sizeof *f);
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

	c.groups = xcalloc(n + 1, sizeof *c.groups);
	c.parent = xreallocarray(NULL, n + 1, sizeof *c.parent);
	c.doc = doc;
	c.params = params;
	c.sim = sim;
	c.ctx = ctx;
	for (i = 0; i < n; i++)
		c.parent[i] = i;
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, cluster_pair_cmp);
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
	for (i = 0; i < n; i++) {
		group[i] = cluster_find(&c, i);
		free(c.groups[i].members);
		free(c.groups[i].docs);
	}
	free(c.groups);
	free(c.parent);
}
