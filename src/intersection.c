/*
 * intersection: merging two sorted arrays of keys, four by four where
 * SSE2 is there (intersection.h).
 */
#include "config.h"

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
#endif

size_t
intersection_next(const uint32_t *a, uint32_t na, uint32_t *i,
    const uint32_t *b, uint32_t nb, uint32_t *j, unsigned shift,
    uint32_t *ia, uint32_t *ib, size_t room)
{
	uint32_t p = *i, q = *j, x, y;
	size_t n = 0;
#ifdef __SSE2__
	const __m128i count = _mm_cvtsi32_si128((int)shift);
	__m128i va, vb;
	unsigned ma, mb;

	/*
	 * A block of each; the one whose last key is smaller (both when
	 * equal) is done: its keys are below every later key of the other.
	 * The keys being distinct, the Kth key of A that matches matches
	 * the Kth of B that does, so the pairs come out in order.
	 */
	while (p + 4 <= na && q + 4 <= nb && n + INTERSECTION_ROOM_MIN <= room) {
		va = _mm_srl_epi32(_mm_loadu_si128((const __m128i *)(a + p)),
		    count);
		vb = _mm_srl_epi32(_mm_loadu_si128((const __m128i *)(b + q)),
		    count);
		ma = intersection_block(va, vb);
		if (ma != 0) {
			mb = intersection_block(vb, va);
			while (ma != 0) {
				ia[n] = p + (uint32_t)__builtin_ctz(ma);
				ib[n++] = q + (uint32_t)__builtin_ctz(mb);
				ma &= ma - 1;
				mb &= mb - 1;
			}
		}
		x = a[p + 3] >> shift;
		y = b[q + 3] >> shift;
		p += x <= y ? 4 : 0;
		q += y <= x ? 4 : 0;
	}
#endif
	/* One key at a time; both step on a match, so the loop takes no
	 * branch on which is smaller. */
	while (p < na && q < nb && n < room) {
		x = a[p] >> shift;
		y = b[q] >> shift;
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
