/*
 * cluster: sentences grouped into claims from scored pairs, without
 * chaining.  Pairs are taken best first; two lone items found a group
 * only on a pair stronger than it takes to join one and that states one
 * fact, not a theme (the caller's bar, by what the pair shares), and two
 * groups merge only when their members agree with each other: the mean
 * similarity of the pairs across them reaches a threshold and none falls
 * below another, and when a document is in both, its own sentences are
 * alike (closely, when the merge adds no document) and some pair across
 * restates the other (a claim is one sentence per source, unless the
 * source says the same thing twice).
 * Every member pair is measured while groups are small; past
 * CLUSTER_SAMPLE members a group is measured through its first
 * CLUSTER_SAMPLE, the ones it was founded on, so that a merge costs a
 * bounded number of comparisons and linking stays near-linear.
 *
 * cluster_run owns nothing it is given; the returned group of each item
 * is written to an array the caller owns.
 */
#ifndef PARALLAX_CLUSTER_H
#define PARALLAX_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Members of a group compared one by one on each merge. */
#define CLUSTER_SAMPLE 8

struct cluster_pair {
	uint32_t a, b;		/* items */
	float sim;
};

/* The similarity of items A and B, from the caller's own measure. */
typedef double cluster_sim_fn(void *ctx, uint32_t a, uint32_t b);
/* The least similarity at which lone items A and B found a group: above
 * 1 when they share a theme, not a fact; at least found_min. */
typedef double cluster_found_fn(void *ctx, uint32_t a, uint32_t b);

struct cluster_params {
	double mean_min;	/* least mean similarity across two groups */
	double pair_min;	/* least similarity of any pair across them */
	double same_doc_min;	/* least similarity of one document's pair */
	double same_doc_best;	/* least best pair across, when a document
				   is in both */
	double same_doc_nested;	/* least similarity of one document's pair
				   when the merge adds no document */
	double found_min;	/* least similarity of two lone items to
				   found a group, the caller's least */
};

/*
 * Groups N items, DOC[i] the document of item I, from the NPAIRS scored
 * PAIRS (sorted here, best first); SIM and FOUND are given CTX.  Sets
 * GROUP[i] to a group id in 0..N-1 (the id of one of its members);
 * returns nothing else.
 */
void cluster_run(size_t n, const uint32_t *doc, struct cluster_pair *pairs,
    size_t npairs, const struct cluster_params *params, cluster_sim_fn *sim,
    cluster_found_fn *found, void *ctx, uint32_t *group);

#endif
