/*
 * intersection: merging two sorted arrays of keys, four by four where
 * SSE2 is there (intersection.h).  One merge serves both widths: a key
 * of 16 bits is read as a 32-bit one.
 */
#include "config.h"

#include <stdbool.h>

#include "intersection.h"

#ifdef __SSE2__
#include <emmintrin.h>

/* Which of the four keys of A are among the four of B: a bit each. */
static unsigned
intersection_block(__m128i a, __m128i b)
{
	__m128i eq;

	/* B turned by one, two and three places meets every key of A. */
	eq = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi32(a, b),
	    _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, 0x39))),
	    _mm_or_si128(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, 0x4e)),
	    _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, 0x93))));
	return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(eq));
}

/* Keys K to K + 3 of KEYS, 32 bits each. */
static inline __m128i
intersection_load(const void *keys, uint32_t k, bool narrow)
{
	if (narrow)
		return _mm_unpacklo_epi16(_mm_loadl_epi64((const __m128i *)(
		    (const uint16_t *)keys + k)), _mm_setzero_si128());
	return _mm_loadu_si128((const __m128i *)((const uint32_t *)keys + k));
}
#endif

static inline uint32_t
intersection_key(const void *keys, uint32_t k, bool narrow)
{
	return narrow ? ((const uint16_t *)keys)[k] :
	    ((const uint32_t *)keys)[k];
}

/* intersection_next for keys of 16 bits (NARROW) or 32: inlined into
 * each, so that neither tests the width. */
static inline size_t
intersection_merge(const void *a, uint32_t na, uint32_t *i, const void *b,
    uint32_t nb, uint32_t *j, uint32_t *ia, uint32_t *ib, size_t room,
    bool narrow)
{
	uint32_t p = *i, q = *j, x, y;
	size_t n = 0;
#ifdef __SSE2__
	unsigned ma, mb;

	/*
	 * A block of each; the one whose last key is smaller (both when
	 * equal) is done: its keys are below every later key of the other.
	 * The keys being distinct, the Kth key of A that matches matches
	 * the Kth of B that does, so the pairs come out in order.
	 */
	while (p + 4 <= na && q + 4 <= nb && n + INTERSECTION_ROOM_MIN <= room) {
		ma = intersection_block(intersection_load(a, p, narrow),
		    intersection_load(b, q, narrow));
		if (ma != 0) {
			mb = intersection_block(intersection_load(b, q, narrow),
			    intersection_load(a, p, narrow));
			while (ma != 0) {
				ia[n] = p + (uint32_t)__builtin_ctz(ma);
				ib[n++] = q + (uint32_t)__builtin_ctz(mb);
				ma &= ma - 1;
				mb &= mb - 1;
			}
		}
		x = intersection_key(a, p + 3, narrow);
		y = intersection_key(b, q + 3, narrow);
		p += x <= y ? 4 : 0;
		q += y <= x ? 4 : 0;
	}
#endif
	/* One key at a time; both step on a match, so the loop takes no
	 * branch on which is smaller. */
	while (p < na && q < nb && n < room) {
		x = intersection_key(a, p, narrow);
		y = intersection_key(b, q, narrow);
		if (x == y) {
			ia[n] = p;
			ib[n++] = q;
		}
		p += x <= y;
		q += y <= x;
	}
	*i = p;
	*j = q;
	return n;
}

size_t
intersection_next(const uint32_t *a, uint32_t na, uint32_t *i,
    const uint32_t *b, uint32_t nb, uint32_t *j, uint32_t *ia, uint32_t *ib,
    size_t room)
{
	return intersection_merge(a, na, i, b, nb, j, ia, ib, room, false);
}

size_t
intersection_next16(const uint16_t *a, uint32_t na, uint32_t *i,
    const uint16_t *b, uint32_t nb, uint32_t *j, uint32_t *ia, uint32_t *ib,
    size_t room)
{
	return intersection_merge(a, na, i, b, nb, j, ia, ib, room, true);
}
