/*
 * spread: coverage by leaning.  For the story and for each claim, how many
 * distinct outlets of each leaning carry it, how many are unrated, and
 * whether it is a blindspot: carried mostly by one side of the scale (the
 * outlets file's rule: at least `share` percent of the rated outlets on
 * one side, with at least `min-rated` rated outlets).
 *
 * Outlets are counted once however many of their sources there are: a
 * rated one by its profile, an unrated one by its name.  A spread owns
 * its arrays (spread_free); it points to the outlets it was built with and
 * never frees them, nor the documents or claims.
 */
#ifndef PARALLAX_SPREAD_H
#define PARALLAX_SPREAD_H

#include <stddef.h>

struct claims;
struct document;
struct outlet;
struct outlets;

struct spread_counts {
	size_t *by_leaning;	/* [nleanings]: distinct rated outlets */
	size_t rated;		/* their sum */
	size_t unrated;		/* distinct outlets without a profile */
	int blindspot;		/* the side carrying it mostly (-1, 1), or 0 */
};

struct spread {
	const struct outlets *outlets;	/* NULL: every source unrated */
	size_t nleanings;
	const struct outlet **profiles;	/* per document, NULL when unrated */
	struct spread_counts story;
	struct spread_counts *claims;	/* per claim; NULL without claims */
	size_t nclaims;
	size_t *pool;		/* every by_leaning array */
};

struct spread *spread_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims, const struct outlets *outlets);
void spread_free(struct spread *spread);

/* The blindspot rule of OUTLETS on counts: the side, or 0. */
int spread_blindspot(const struct outlets *outlets,
    const struct spread_counts *counts);

#endif
