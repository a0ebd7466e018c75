/*
 * featlist: every sentence's features as the claim linker keeps them
 * (linker.h), one block a sentence in story order: the features' ids,
 * then their clause roles (clause.h: CLAUSE_SIDE, CLAUSE_NAME), two bits
 * each, packed into words of the ids' width.  Ids take 16 bits while
 * every id of the story fits them (a story of 10,000 sources has some
 * 20,000 features, the 7,754 AllSides articles as one story 63,000), 32
 * bits once one does not (the caller then moves every block into a
 * wide list: sentvec.h).  At
 * 10,000 sources the linker holds 6.8 million features through its
 * highest memory (--json's peak), 27 MB in 32 bits with the roles in
 * them, 15 MB this way; the roles lie beside their ids, so a sentence's
 * block is read whole, not in two places.
 *
 * Callers hand features over and read them back as (id <<
 * FEATLIST_ROLE_BITS | roles), the order a block is sorted in, and name
 * a block by its start and its count of features, which they keep.  The
 * list owns its storage (featlist_free).
 */
#ifndef PARALLAX_FEATLIST_H
#define PARALLAX_FEATLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "intersection.h"

#define FEATLIST_ROLE_BITS 2
#define FEATLIST_ROLES ((1u << FEATLIST_ROLE_BITS) - 1)

struct featlist {
	void *data;		/* uint16_t, or uint32_t once wide */
	size_t n;		/* words used */
	size_t cap;		/* words of room (bigarray.h) */
	bool wide;
};

/* An empty list, of 16-bit ids or (FEATLIST_WIDE) 32-bit: a list is
 * widened by reading its blocks into a wide one. */
#define FEATLIST_INIT { NULL, 0, 0, false }
#define FEATLIST_WIDE { NULL, 0, 0, true }

/* Whether the list can hold id ID. */
static inline bool
featlist_fits(const struct featlist *fl, uint32_t id)
{
	return fl->wide || id <= UINT16_MAX;
}

/* The id of feature K of the block at START. */
static inline uint32_t
featlist_id(const struct featlist *fl, uint32_t start, uint32_t k)
{
	if (fl->wide)
		return ((const uint32_t *)fl->data)[start + k];
	return ((const uint16_t *)fl->data)[start + k];
}

/* The roles of feature K of the block of N features at START. */
static inline unsigned
featlist_roles(const struct featlist *fl, uint32_t start, uint32_t n,
    uint32_t k)
{
	if (fl->wide)
		return ((const uint32_t *)fl->data)[start + n + k / 16] >>
		    (k % 16 * FEATLIST_ROLE_BITS) & FEATLIST_ROLES;
	return ((const uint16_t *)fl->data)[start + n + k / 8] >>
	    (k % 8 * FEATLIST_ROLE_BITS) & FEATLIST_ROLES;
}

/* Words a block of N features takes: the ids, then the roles, as many to
 * a word as its bits hold. */
static inline size_t
featlist_words(const struct featlist *fl, uint32_t n)
{
	return fl->wide ? n + (n + 15) / 16 : n + (n + 7) / 8;
}

/* Where word W of the list lies, for a prefetch. */
static inline const void *
featlist_at(const struct featlist *fl, size_t w)
{
	if (fl->wide)
		return (const uint32_t *)fl->data + w;
	return (const uint16_t *)fl->data + w;
}

/* Gives feature K of the block at START the id ID (fitting the list),
 * its roles kept. */
static inline void
featlist_set_id(struct featlist *fl, uint32_t start, uint32_t k, uint32_t id)
{
	if (fl->wide)
		((uint32_t *)fl->data)[start + k] = id;
	else
		((uint16_t *)fl->data)[start + k] = (uint16_t)id;
}

/* The common ids of the blocks at A (NA features) and B (NB), from *I and
 * *J on, as intersection_next (intersection.h) gives them. */
static inline size_t
featlist_common(const struct featlist *fl, uint32_t a, uint32_t na,
    uint32_t *i, uint32_t b, uint32_t nb, uint32_t *j, uint32_t *ia,
    uint32_t *ib, size_t room)
{
	if (fl->wide)
		return intersection_next((const uint32_t *)fl->data + a, na,
		    i, (const uint32_t *)fl->data + b, nb, j, ia, ib, room);
	return intersection_next16((const uint16_t *)fl->data + a, na, i,
	    (const uint16_t *)fl->data + b, nb, j, ia, ib, room);
}
/*
 * One block marked in a table by id, so that comparing it with many
 * others costs each of them a look-up per feature, not a merge of the
 * two: the linker measures one earlier sentence against some 60 later
 * ones at 10,000 sources (candidates.c).  The table is the caller's
 * (FEATLIST_MARKS_INIT, featlist_marks_free), one byte an id.
 */
struct featlist_marks {
	unsigned char *roles;	/* by id: 0, or 1 + its roles in the block */
	uint32_t start;		/* the block marked, if any */
	uint32_t n;
	bool any;
};

#define FEATLIST_MARKS_INIT { NULL, 0, 0, false }

/* Marks the block of N features at START, whose ids are below NIDS (the
 * table is made on the first call), in place of the one marked before:
 * nothing to do when that is the same block. */
void featlist_mark(struct featlist_marks *m, const struct featlist *fl,
    uint32_t start, uint32_t n, size_t nids);
void featlist_marks_free(struct featlist_marks *m);

/* 0 when the marked block has no feature of id ID, else 1 + its roles. */
static inline unsigned
featlist_marked(const struct featlist_marks *m, uint32_t id)
{
	return m->roles[id];
}

/* Appends a block of the N features FEATS (each fitting the list) and
 * returns its start.  Out of memory, or past 2^32 words, is fatal. */
uint32_t featlist_add(struct featlist *fl, const uint32_t *feats,
    uint32_t n);
/* Writes the N features FEATS as the block at START, over what was there
 * (a block as long or longer), and ends the list after it. */
void featlist_put(struct featlist *fl, uint32_t start, const uint32_t *feats,
    uint32_t n);
/* Reads the block of N features at START into OUT. */
void featlist_read(const struct featlist *fl, uint32_t start, uint32_t n,
    uint32_t *out);
/* Gives the list only the room it uses. */
void featlist_trim(struct featlist *fl);
void featlist_free(struct featlist *fl);

#endif
