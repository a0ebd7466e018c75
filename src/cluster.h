/*
 * cluster: a claim being formed, as the sum of its sentences' features.
 * Its features are (id, count) pairs, sorted by id, or, past
 * CLUSTER_HASH_FROM of them, a hash table.  The linker owns clusters and
 * frees their items.
 */
#ifndef PARALLAX_CLUSTER_H
#define PARALLAX_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

/*
 * A cluster's features are kept sorted by id, so that a sentence (sorted
 * too) is compared with it in one forward scan.  A cluster only its
 * founder ever joined, most of them, stores nothing: its features are the
 * founder's, each counted n times.  Past CLUSTER_HASH_FROM features, where
 * scans and merges would grow with the cluster, they move to a hash table
 * and founder becomes CLUSTER_HASHED.
 */
#define CLUSTER_HASH_FROM 48
#define CLUSTER_HASHED (UINT32_MAX - 1)

struct cluster {
	uint32_t n;		/* members */
	uint32_t nneg;		/* members stating a negation */
	uint32_t nnum;		/* members with a number */
	uint32_t founder;	/* sentence standing for items, or NONE */
	double s2;		/* sum over features of (weight * count)^2 */
	uint32_t *items;	/* (id, count) pairs, once another joined;
				 * (id + 1, count) slots when CLUSTER_HASHED */
	uint32_t nitems;
	uint32_t cap;		/* pairs, or slots */
};

/*
 * The position of the first of the N ids at IDS (every STRIDE uint32_t)
 * not below F, searched from FROM on.
 */
size_t cluster_seek(const uint32_t *ids, size_t stride, size_t n,
    size_t from, uint32_t f);
/* The count of the feature at position I of a cluster's sorted view. */
uint32_t cluster_count(const struct cluster *cl, size_t i);
/* The count of F in a CLUSTER_HASHED cluster, or NULL. */
uint32_t *cluster_find(const struct cluster *cl, uint32_t f);
/* Adds F with COUNT to a CLUSTER_HASHED cluster without it. */
void cluster_insert(struct cluster *cl, uint32_t f, uint32_t count);
/* Moves a cluster's sorted pairs to a hash table. */
void cluster_hash(struct cluster *cl);

#endif
