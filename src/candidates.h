/*
 * candidates: the pairs of a story's sentences that might state the same
 * thing, found through the linker's features (linker.h), and their
 * grouping into claims (cluster.h).  Owns only scratch it frees itself.
 */
#ifndef PARALLAX_CANDIDATES_H
#define PARALLAX_CANDIDATES_H

#include <stdint.h>

struct linker;

/* Least similarity of two sentences to be paired at all (candidates.c says
 * how it was chosen). */
#ifndef CANDIDATES_PAIR_MIN
#define CANDIDATES_PAIR_MIN 0.28
#endif
/* A bar above any similarity: the pair founds no claim. */
#define CANDIDATES_NEVER 2.0

/* After linker_features: sets l->cluster (the caller's to free) and
 * l->nclusters. */
void candidates_group(struct linker *l);

/*
 * The least similarity (linker_pair) at which sentences A and B, each in
 * no claim yet, found one: CANDIDATES_NEVER when what they share is a
 * theme, not a fact.  After linker_features.
 */
double candidates_bar(const struct linker *l, uint32_t a, uint32_t b);

#endif
