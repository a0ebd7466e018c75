/*
 * blockmask: text 64 bytes at a time as bit masks (ASCII word bytes, ASCII
 * white space, bytes of 0x80 and up) with its ASCII lowered copy, by SSE2
 * or AVX2 where the build and CPU have them (chosen by scan_level), else
 * eight bytes at a time in a uint64_t; and the bit look-ups over such
 * masks that the matcher's tokenizer and walks share.  Nothing is
 * allocated: the caller owns every buffer.
 */
#ifndef PARALLAX_BLOCKMASK_H
#define PARALLAX_BLOCKMASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"

/* blockmask_scan at each level. */
uint64_t blockmask_scan_portable(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm);
#ifdef SCAN_SSE2
uint64_t blockmask_scan_sse2(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm);
#endif
#ifdef SCAN_AVX2
uint64_t blockmask_scan_avx2(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm);
#endif

/*
 * Lowers TEXT into DST, puts its word bytes alone (the others 0) into
 * WDST, a bit per word byte (ASCII letter, digit, `_`) into WM, per white
 * space byte into SM and per byte of 0x80 and up (left as it is) into HM,
 * 64 bytes a word, a last part block as if zero bytes followed.  DST and
 * WDST hold whole blocks; masks are stored as the bytes lie in memory,
 * little-endian.  Returns the HM words or'ed.
 */
static inline uint64_t
blockmask_scan(const char *text, size_t len, char *dst, char *wdst,
    uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2)
		return blockmask_scan_avx2(text, len, dst, wdst, wm, sm, hm);
#endif
#ifdef SCAN_SSE2
	if (scan_level >= SCAN_LEVEL_SSE2)
		return blockmask_scan_sse2(text, len, dst, wdst, wm, sm, hm);
#endif
	return blockmask_scan_portable(text, len, dst, wdst, wm, sm, hm);
}

/* The index of the lowest set bit of X, which is not 0. */
static inline size_t
blockmask_lowest(uint64_t x)
{
#if defined(__GNUC__)
	return (size_t)(unsigned)__builtin_ctzll(x);
#else
	size_t n = 0;

	for (; (x & 1) == 0; x >>= 1)
		n++;
	return n;
#endif
}

/* The index of the highest set bit of X, which is not 0. */
static inline size_t
blockmask_highest(uint64_t x)
{
#if defined(__GNUC__)
	return 63 - (size_t)(unsigned)__builtin_clzll(x);
#else
	size_t n = 0;

	while (x >>= 1)
		n++;
	return n;
#endif
}

/* Bit BIT of the words at BITS. */
static inline bool
blockmask_test(const uint64_t *bits, uint64_t bit)
{
	return (bits[bit / 64] >> (bit % 64)) & 1;
}

/*
 * The first position from POS on, before LIMIT, whose bit in MASK (flipped
 * by FLIP) is 1, or LIMIT.
 */
static inline size_t
blockmask_next(const uint64_t *mask, uint64_t flip, size_t pos, size_t limit)
{
	size_t k = pos / 64, end = (limit + 63) / 64;
	uint64_t x;

	if (pos >= limit)
		return limit;
	x = (mask[k] ^ flip) >> (pos % 64);
	if (x != 0)
		pos += blockmask_lowest(x);
	else {
		while (++k < end && (x = mask[k] ^ flip) == 0)
			;
		pos = k < end ? k * 64 + blockmask_lowest(x) : limit;
	}
	return pos < limit ? pos : limit;
}

#endif
