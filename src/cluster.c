/*
 * cluster: sorted and hashed feature counts of a forming claim.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cluster.h"
#include "xalloc.h"

/*
 * The position of the first of the N ids at IDS (every STRIDE uint32_t)
 * not below F, searched from FROM on: galloping, so that a scan of sorted
 * queries costs little against a long list as well as a short one.
 */
size_t
cluster_seek(const uint32_t *ids, size_t stride, size_t n, size_t from,
    uint32_t f)
{
	size_t lo = from, hi, step = 1, mid;

	if (lo >= n || ids[lo * stride] >= f)
		return lo;
	/* ids[lo] < f: find hi with ids[hi] >= f, or n. */
	for (hi = lo + 1; hi < n && ids[hi * stride] < f; step *= 2) {
		lo = hi;
		hi = lo + step;
	}
	if (hi > n)
		hi = n;
	while (lo + 1 < hi) {
		mid = lo + (hi - lo) / 2;
		if (ids[mid * stride] < f)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

uint32_t
cluster_count(const struct cluster *cl, size_t i)
{
	return cl->items != NULL ? cl->items[2 * i + 1] : cl->n;
}

/* The count of F in a CLUSTER_HASHED cluster, or NULL. */
uint32_t *
cluster_find(const struct cluster *cl, uint32_t f)
{
	size_t j, mask = cl->cap - 1;

	for (j = (f * 2654435761u) & mask; cl->items[2 * j] != 0;
	    j = (j + 1) & mask) {
		if (cl->items[2 * j] == f + 1)
			return &cl->items[2 * j + 1];
	}
	return NULL;
}

/* Adds F with COUNT to a CLUSTER_HASHED cluster without it, growing the table. */
void
cluster_insert(struct cluster *cl, uint32_t f, uint32_t count)
{
	uint32_t *old = cl->items, oldcap = cl->cap;
	size_t i, j, mask;

	if ((cl->nitems + 1) * 10 > cl->cap * 7) {
		cl->cap *= 2;
		cl->items = xcalloc(cl->cap, 2 * sizeof *cl->items);
		cl->nitems = 0;
		for (i = 0; i < oldcap; i++) {
			if (old[2 * i] != 0)
				cluster_insert(cl, old[2 * i] - 1,
				    old[2 * i + 1]);
		}
		free(old);
	}
	mask = cl->cap - 1;
	for (j = (f * 2654435761u) & mask; cl->items[2 * j] != 0;
	    j = (j + 1) & mask)
		continue;
	cl->items[2 * j] = f + 1;
	cl->items[2 * j + 1] = count;
	cl->nitems++;
}

/* Moves a cluster's sorted pairs to a hash table. */
void
cluster_hash(struct cluster *cl)
{
	uint32_t *old = cl->items, n = cl->nitems, i;

	for (cl->cap = 64; cl->cap * 7 < n * 10 * 2; cl->cap *= 2)
		continue;
	cl->items = xcalloc(cl->cap, 2 * sizeof *cl->items);
	cl->nitems = 0;
	cl->founder = CLUSTER_HASHED;
	for (i = 0; i < n; i++)
		cluster_insert(cl, old[2 * i], old[2 * i + 1]);
	free(old);
}
