/*
 * intersection: the entries two ascending arrays of distinct keys share,
 * the keys of 32 bits (the linker's word pairs, wording.h, and its
 * features in a wide list) or of 16 (its features while their ids fit,
 * featlist.h).  Sentences are compared a few million times in a large
 * story, mostly by such merges: where the machine has SSE2, four entries
 * of each side are compared at once, with no branch on which is smaller.
 *
 * The caller owns the arrays and the buffers; nothing is allocated.
 */
#ifndef PARALLAX_INTERSECTION_H
#define PARALLAX_INTERSECTION_H

#include <stddef.h>
#include <stdint.h>

/* Least room intersection_next takes: one block of matches. */
#define INTERSECTION_ROOM_MIN 4

/*
 * From position *I of A (NA keys) and *J of B (NB keys), finds the pairs
 * of positions whose keys are equal, in ascending order, and writes them
 * to IA and IB; it stops at the end of either array, or once fewer than
 * INTERSECTION_ROOM_MIN of ROOM slots (at least INTERSECTION_ROOM_MIN)
 * are left.  Moves *I and *J past what it compared, so that the next
 * call goes on from there.  Returns how many pairs it wrote: 0 once none
 * is left.  A call on which neither array has ended moves *I or *J
 * forward at least one place, so a caller may loop until either ends
 * (wording_shared does) without another test.
 */
size_t intersection_next(const uint32_t *a, uint32_t na, uint32_t *i,
    const uint32_t *b, uint32_t nb, uint32_t *j, uint32_t *ia, uint32_t *ib,
    size_t room);
/* The same for keys of 16 bits. */
size_t intersection_next16(const uint16_t *a, uint32_t na, uint32_t *i,
    const uint16_t *b, uint32_t nb, uint32_t *j, uint32_t *ia, uint32_t *ib,
    size_t room);

#endif
