/*
 * candidates: the pairs of a story's sentences that might state the same
 * thing, found through the linker's features (linker.h), and their
 * grouping into claims (cluster.h).  Owns only scratch it frees itself.
 */
#ifndef PARALLAX_CANDIDATES_H
#define PARALLAX_CANDIDATES_H

struct linker;

/* After linker_features: sets every l->sents[].cluster and l->nclusters. */
void candidates_group(struct linker *l);

#endif
