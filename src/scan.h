/*
 * scan: the first byte of a small set in a buffer, for the loops that
 * act on a few kinds of byte and skip the rest (sentence stops, quotation
 * marks).  Sixteen bytes at a time with SSE2, else eight at a time in a
 * uint64_t; the portable loop is always built, so the tests can hold the
 * two against each other.  Header only: each caller passes a constant set
 * and gets its own unrolled loop.  Nothing is allocated.
 */
#ifndef PARALLAX_SCAN_H
#define PARALLAX_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SCAN_SSE2 1
#endif

#define SCAN_MAX 6

/* Inlined even where the compiler would not, so the set's bytes become
 * constants of the loop rather than work at every call. */
#if defined(__GNUC__)
#define SCAN_INLINE static inline __attribute__((always_inline))
#else
#define SCAN_INLINE static inline
#endif

/* SCAN_MAX bytes (a set of fewer repeats one), and the ASCII capitals
 * when `upper`.  Every byte is always compared: a fixed count keeps the
 * loops free of an inner loop whether or not the call is inlined. */
struct scan_set {
	unsigned char byte[SCAN_MAX];
	bool upper;
};

#define SCAN_ONES ((uint64_t)0x0101010101010101)
#define SCAN_HIGHS ((uint64_t)0x8080808080808080)

static inline bool
scan_is_member(unsigned char c, const struct scan_set *set)
{
	int k;

	for (k = 0; k < SCAN_MAX; k++) {
		if (c == set->byte[k])
			return true;
	}
	return set->upper && c >= 'A' && c <= 'Z';
}

/*
 * Nonzero when the eight bytes of W hold a byte of SET.  A byte equal to
 * B is a zero byte of W ^ B, found with the borrow trick (which may also
 * flag bytes above a true one, harmless here); capitals are the bytes
 * below 0x80 that adding 0x80 - 'A' lifts to 0x80 and adding
 * 0x80 - 'Z' - 1 does not.
 */
static inline uint64_t
scan_word(uint64_t w, const struct scan_set *set)
{
	uint64_t hit = 0, v, t;
	int k;

	for (k = 0; k < SCAN_MAX; k++) {
		v = w ^ (SCAN_ONES * set->byte[k]);
		hit |= (v - SCAN_ONES) & ~v;
	}
	if (set->upper) {
		t = w & ~SCAN_HIGHS;
		hit |= (t + SCAN_ONES * (0x80 - 'A')) &
		    ~(t + SCAN_ONES * (0x80 - 'Z' - 1)) & ~w;
	}
	return hit & SCAN_HIGHS;
}

/* The first byte of SET at or after I in S, or LEN; eight bytes at a
 * time. */
static inline size_t
scan_portable(const char *s, size_t len, size_t i, const struct scan_set *set)
{
	uint64_t w;

	for (; len - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (scan_word(w, set) != 0)
			break;
	}
	for (; i < len; i++) {
		if (scan_is_member((unsigned char)s[i], set))
			return i;
	}
	return len;
}

/* The first byte of SET at or after I in S, or LEN. */
SCAN_INLINE size_t
scan_find(const char *s, size_t len, size_t i, const struct scan_set *set)
{
#ifdef SCAN_SSE2
	__m128i b[SCAN_MAX], v, m;
	unsigned mask;
	int k;

	for (k = 0; k < SCAN_MAX; k++)
		b[k] = _mm_set1_epi8((char)set->byte[k]);
	for (; len - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, b[0]),
		    _mm_cmpeq_epi8(v, b[1])), _mm_or_si128(
		    _mm_cmpeq_epi8(v, b[2]), _mm_cmpeq_epi8(v, b[3])));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, b[4]),
		    _mm_cmpeq_epi8(v, b[5])));
		if (set->upper)
			m = _mm_or_si128(m, _mm_and_si128(
			    _mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
			    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))));
		if ((mask = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz(mask);
	}
#endif
	return scan_portable(s, len, i, set);
}

#endif
