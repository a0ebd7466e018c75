/*
 * scan: the first byte of a small set in a buffer, for the loops that
 * act on a few kinds of byte and skip the rest (sentence stops, quotation
 * marks).  A cursor keeps the members of 64 bytes at a time as bits,
 * found 32 bytes at a time with AVX2 where the CPU has it (a nibble
 * table look-up, src/scan.c), else sixteen at a time with SSE2, else
 * eight at a time in a uint64_t.  Every level the build has is chosen at
 * run time by scan_level, so the tests can hold each against the
 * portable loop.  Each caller passes a constant set and gets its own
 * unrolled loop.  Nothing is allocated.
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
#if defined(__x86_64__) && defined(__GNUC__)
#define SCAN_AVX2 1
#endif

/* The block routines in use: the best the CPU runs, set before main;
 * the tests lower it to check each level the build has. */
enum scan_levels {
	SCAN_LEVEL_PORTABLE,
	SCAN_LEVEL_SSE2,
	SCAN_LEVEL_AVX2
};
extern int scan_level;

/* The best level this build and CPU can run. */
int scan_level_max(void);

#define SCAN_MAX 6

/* Inlined even where the compiler would not, so the set's bytes become
 * constants of the loop rather than work at every call. */
#if defined(__GNUC__)
#define SCAN_INLINE static inline __attribute__((always_inline))
#else
#define SCAN_INLINE static inline
#endif

/* N bytes, up to SCAN_MAX, and the ASCII capitals when `upper`; for
 * the nibble look-up, bit k of lo[x & 15] & hi[x >> 4] says byte x is
 * byte k (k < 6), a capital from 'A' to 'O' (6) or from 'P' to 'Z' (7).
 * Written with SCAN_SET, which fills the tables at compile time. */
struct scan_set {
	unsigned char byte[SCAN_MAX];
	int n;
	bool upper;
	unsigned char lo[16];
	unsigned char hi[16];
};

#define SCAN_NIB(b, k, n, j, sh) \
	((k) < (n) && (((b) >> (sh)) & 15) == (j) ? 1u << (k) : 0u)
#define SCAN_CAPS(j, sh, up) ((up) ? ((sh) == 0 ? \
	((j) >= 1 ? 1u << 6 : 0u) | ((j) <= 10 ? 1u << 7 : 0u) : \
	((j) == 4 ? 1u << 6 : 0u) | ((j) == 5 ? 1u << 7 : 0u)) : 0u)
#define SCAN_ROW(j, sh, n, up, b0, b1, b2, b3, b4, b5) \
	(unsigned char)(SCAN_NIB(b0, 0, n, j, sh) | \
	SCAN_NIB(b1, 1, n, j, sh) | SCAN_NIB(b2, 2, n, j, sh) | \
	SCAN_NIB(b3, 3, n, j, sh) | SCAN_NIB(b4, 4, n, j, sh) | \
	SCAN_NIB(b5, 5, n, j, sh) | SCAN_CAPS(j, sh, up))
#define SCAN_TABLE(sh, ...) { \
	SCAN_ROW(0, sh, __VA_ARGS__), SCAN_ROW(1, sh, __VA_ARGS__), \
	SCAN_ROW(2, sh, __VA_ARGS__), SCAN_ROW(3, sh, __VA_ARGS__), \
	SCAN_ROW(4, sh, __VA_ARGS__), SCAN_ROW(5, sh, __VA_ARGS__), \
	SCAN_ROW(6, sh, __VA_ARGS__), SCAN_ROW(7, sh, __VA_ARGS__), \
	SCAN_ROW(8, sh, __VA_ARGS__), SCAN_ROW(9, sh, __VA_ARGS__), \
	SCAN_ROW(10, sh, __VA_ARGS__), SCAN_ROW(11, sh, __VA_ARGS__), \
	SCAN_ROW(12, sh, __VA_ARGS__), SCAN_ROW(13, sh, __VA_ARGS__), \
	SCAN_ROW(14, sh, __VA_ARGS__), SCAN_ROW(15, sh, __VA_ARGS__) }

/* A set of the first N of the six bytes B0..B5 (the rest are ignored),
 * and the capitals when UP. */
#define SCAN_SET(n, up, b0, b1, b2, b3, b4, b5) { \
	{ b0, b1, b2, b3, b4, b5 }, n, up, \
	SCAN_TABLE(0, n, up, b0, b1, b2, b3, b4, b5), \
	SCAN_TABLE(4, n, up, b0, b1, b2, b3, b4, b5) }

#ifdef SCAN_AVX2
/* Bit k set when S[k] is in SET, for 64 bytes, with AVX2. */
uint64_t scan_mask64_avx2(const char *s, const struct scan_set *set);
#endif

#define SCAN_ONES ((uint64_t)0x0101010101010101)
#define SCAN_HIGHS ((uint64_t)0x8080808080808080)

static inline bool
scan_is_member(unsigned char c, const struct scan_set *set)
{
	int k;

	for (k = 0; k < set->n; k++) {
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

	for (k = 0; k < set->n; k++) {
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

/* The top bit of each zero byte of X, exactly: no borrow from one byte
 * flags the next, unlike scan_word's trick. */
static inline uint64_t
scan_zero_bytes(uint64_t x)
{
	const uint64_t low = ~SCAN_HIGHS;

	return ~(((x & low) + low) | x | low);
}

/* The index of the lowest set bit of M, which is not 0. */
static inline unsigned
scan_ctz64(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned k = 0;

	while ((m & 1) == 0) {
		m >>= 1;
		k++;
	}
	return k;
#endif
}

/* Bit k set when S[BASE + k] is in SET, for the 64 bytes from BASE or
 * as many as are left; eight bytes at a time, words without a member
 * skipped whole. */
static inline uint64_t
scan_block_portable(const char *s, size_t len, size_t base,
    const struct scan_set *set)
{
	uint64_t bits = 0, w;
	size_t n = len - base < 64 ? len - base : 64, k = 0, end;

	while (k < n) {
		if (n - k >= 8) {
			memcpy(&w, s + base + k, 8);
			if (scan_word(w, set) == 0) {
				k += 8;
				continue;
			}
		}
		for (end = n - k >= 8 ? k + 8 : n; k < end; k++) {
			if (scan_is_member((unsigned char)s[base + k], set))
				bits |= (uint64_t)1 << k;
		}
	}
	return bits;
}

#ifdef SCAN_SSE2
/* Bit k set when S[k] is in SET, for sixteen bytes. */
SCAN_INLINE uint64_t
scan_mask16(const char *s, const struct scan_set *set)
{
	__m128i v, m;

	/* The set is a constant here: the tests fold away. */
	v = _mm_loadu_si128((const __m128i *)(const void *)s);
	m = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[0]));
	if (set->n > 1)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[1])));
	if (set->n > 2)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[2])));
	if (set->n > 3)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[3])));
	if (set->n > 4)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[4])));
	if (set->n > 5)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)set->byte[5])));
	/* Signed: the bytes from 0x80 on are below 'A'. */
	if (set->upper)
		m = _mm_or_si128(m, _mm_and_si128(
		    _mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
		    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))));
	return (uint64_t)(unsigned)_mm_movemask_epi8(m);
}

/* Bit k set when S[k] is in SET, for 64 bytes. */
SCAN_INLINE uint64_t
scan_mask64(const char *s, const struct scan_set *set)
{
	return scan_mask16(s, set) | scan_mask16(s + 16, set) << 16 |
	    scan_mask16(s + 32, set) << 32 | scan_mask16(s + 48, set) << 48;
}
#endif

/* Bit k set when S[k] is in SET, for 64 bytes, at the level in use. */
SCAN_INLINE uint64_t
scan_mask64_any(const char *s, const struct scan_set *set)
{
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2)
		return scan_mask64_avx2(s, set);
#endif
#ifdef SCAN_SSE2
	if (scan_level >= SCAN_LEVEL_SSE2)
		return scan_mask64(s, set);
#endif
	return scan_block_portable(s, 64, 0, set);
}

/* scan_block_portable at the level in use; the last block of a buffer
 * is copied to one of 64 bytes first. */
SCAN_INLINE uint64_t
scan_block(const char *s, size_t len, size_t base, const struct scan_set *set)
{
	char pad[64];
	size_t n = len - base;

	if (n >= 64)
		return scan_mask64_any(s + base, set);
	memset(pad, 0, sizeof pad);
	memcpy(pad, s + base, n);
	return scan_mask64_any(pad, set) & (((uint64_t)1 << n) - 1);
}

/* A capital right after a small letter, both ASCII, is a camel join
 * ("ConcernsUS", "McCain"): bit k of *CAMEL set when S[k] is one, for the
 * 64 bytes at S, the byte before S being a small letter when PREV_LOW.
 * Sets *LAST_LOW to whether S[63] is one.  A byte at a time. */
static inline uint64_t
scan_camel64_portable(const char *s, bool prev_low, bool *last_low)
{
	uint64_t bits = 0;
	bool low = prev_low, up;
	size_t k;

	for (k = 0; k < 64; k++) {
		up = s[k] >= 'A' && s[k] <= 'Z';
		if (up && low)
			bits |= (uint64_t)1 << k;
		low = s[k] >= 'a' && s[k] <= 'z';
	}
	*last_low = low;
	return bits;
}

#ifdef SCAN_SSE2
/* Bit k set when S[k] lies in [FROM, TO] (ASCII), for sixteen bytes. */
SCAN_INLINE unsigned
scan_range16(const char *s, char from, char to)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);

	/* Signed: the bytes from 0x80 on are below every ASCII letter. */
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8((char)(from - 1))),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)(to + 1)))));
}

/* scan_camel64_portable with SSE2. */
SCAN_INLINE uint64_t
scan_camel64_sse2(const char *s, bool prev_low, bool *last_low)
{
	uint64_t up = 0, low = 0;
	int k;

	for (k = 0; k < 4; k++) {
		up |= (uint64_t)scan_range16(s + 16 * k, 'A', 'Z') << (16 * k);
		low |= (uint64_t)scan_range16(s + 16 * k, 'a', 'z') << (16 * k);
	}
	*last_low = (low >> 63) != 0;
	return up & (low << 1 | (prev_low ? 1 : 0));
}
#endif

/*
 * For each block of 64 bytes of S's LEN, CAMEL[k] gets the camel joins
 * (scan_camel64_portable) of the block at the level in use; the first
 * byte of S is never one.
 */
SCAN_INLINE void
scan_camels(const char *s, size_t len, uint64_t *camel)
{
	char pad[64];
	bool low = false;
	size_t base, n;

	for (base = 0; base < len; base += 64) {
		const char *p = s + base;

		if ((n = len - base) < 64) {
			memset(pad, 0, sizeof pad);
			memcpy(pad, p, n);
			p = pad;
		}
#ifdef SCAN_SSE2
		if (scan_level >= SCAN_LEVEL_SSE2) {
			camel[base / 64] = scan_camel64_sse2(p, low, &low);
			continue;
		}
#endif
		camel[base / 64] = scan_camel64_portable(p, low, &low);
	}
}

#ifdef SCAN_AVX2
/* scan_bits2 with AVX2. */
void scan_bits2_avx2(const char *s, size_t len, const struct scan_set *a,
    uint64_t *outa, const struct scan_set *b, uint64_t *outb,
    uint64_t *camel);
#endif

/* For each block of 64 bytes of S's LEN, OUT[k] gets the bits of
 * scan_block(S, LEN, 64 * k, SET): (LEN + 63) / 64 words, in one pass,
 * for a scan over a whole text whose parts are read one by one. */
SCAN_INLINE void
scan_bits(const char *s, size_t len, const struct scan_set *set,
    uint64_t *out)
{
	size_t base;

	for (base = 0; base < len; base += 64)
		out[base / 64] = scan_block(s, len, base, set);
}

/* scan_bits for two sets, A into OUTA and B into OUTB, and scan_camels
 * into CAMEL, reading S once with AVX2. */
SCAN_INLINE void
scan_bits2(const char *s, size_t len, const struct scan_set *a,
    uint64_t *outa, const struct scan_set *b, uint64_t *outb,
    uint64_t *camel)
{
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2) {
		scan_bits2_avx2(s, len, a, outa, b, outb, camel);
		return;
	}
#endif
	scan_bits(s, len, a, outa);
	scan_bits(s, len, b, outb);
	scan_camels(s, len, camel);
}

/* The first bit at or after I and before END set in either of the bit
 * arrays A and B (scan_bits, scan_camels), or END. */
static inline size_t
scan_bits_next_either(const uint64_t *a, const uint64_t *b, size_t i,
    size_t end)
{
	size_t k = i / 64;
	uint64_t m;

	if (i >= end)
		return end;
	m = (a[k] | b[k]) & (~(uint64_t)0 << (i % 64));
	while (m == 0) {
		if (++k >= (end + 63) / 64)
			return end;
		m = a[k] | b[k];
	}
	i = 64 * k + scan_ctz64(m);
	return i < end ? i : end;
}

/* The first member at or after I and before END in the bits scan_bits
 * wrote, or END. */
static inline size_t
scan_bits_next(const uint64_t *bits, size_t i, size_t end)
{
	return scan_bits_next_either(bits, bits, i, end);
}

/* scan_bits_next for a part of the scanned text that starts at its byte
 * AT, I and END counting from there. */
static inline size_t
scan_bits_next_at(const uint64_t *bits, size_t at, size_t i, size_t end)
{
	return scan_bits_next_either(bits, bits, at + i, at + end) - at;
}

/*
 * A scan over one buffer for one set: the members of the current block
 * of 64 bytes are kept as bits, so the next member in the same block is
 * found in a few instructions and no byte is compared twice.
 */
struct scan_cursor {
	const char *s;
	size_t len;
	size_t base;		/* the block in `bits`; SIZE_MAX for none */
	uint64_t bits;		/* bit k: s[base + k] is in the set */
};

static inline void
scan_start(struct scan_cursor *c, const char *s, size_t len)
{
	c->s = s;
	c->len = len;
	c->base = SIZE_MAX;
	c->bits = 0;
}

/* The first byte of SET at or after I, or the length; every call on C
 * passes the same SET. */
SCAN_INLINE size_t
scan_next(struct scan_cursor *c, size_t i, const struct scan_set *set)
{
	size_t base = i - i % 64;
	uint64_t m;

	if (i >= c->len)
		return c->len;
	if (base != c->base) {
		c->base = base;
		c->bits = scan_block(c->s, c->len, base, set);
	}
	m = c->bits & (~(uint64_t)0 << (i - base));
	while (m == 0) {
		if ((base += 64) >= c->len)
			return c->len;
		c->base = base;
		c->bits = m = scan_block(c->s, c->len, base, set);
	}
	return base + scan_ctz64(m);
}

#endif
