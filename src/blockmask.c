/*
 * blockmask: the block scans at each level, and the choice between them.
 * See blockmask.h.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "blockmask.h"
#include "scan.h"

#ifdef SCAN_AVX2
#include <immintrin.h>
#endif

/*
 * The block scans: each lowers 64 bytes at SRC into DST, puts the word
 * bytes alone (the others 0) into WDST, a bit per word byte (ASCII letter,
 * digit, `_`) into *WM, per white space byte into *SM and per byte of 0x80
 * and up (which stays as it is) into *HM.  Masks are stored as the bytes
 * lie in memory, little-endian.
 * MASK_BLOCKS runs one of them over all of TEXT (see blockmask_scan).
 */
#define MASK_BLOCKS(scan)						\
	char block[64];							\
	size_t k, full = len / 64;					\
	uint64_t high = 0;						\
									\
	for (k = 0; k < full; k++) {					\
		scan(text + 64 * k, dst + 64 * k, wdst + 64 * k, wm + k,	\
		    sm + k, hm + k);					\
		high |= hm[k];						\
	}								\
	if (len % 64 != 0) {						\
		memset(block, 0, sizeof block);				\
		memcpy(block, text + 64 * full, len % 64);		\
		scan(block, dst + 64 * full, wdst + 64 * full, wm + full,	\
		    sm + full, hm + full);				\
		high |= hm[full];					\
	}								\
	return high
#ifdef SCAN_SSE2
/* Where the bytes of V lie in [LO, HI], for LO <= HI < 0x80. */
static inline __m128i
blockmask_in_range16(__m128i v, int lo, int hi)
{
	__m128i y = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));

	return _mm_cmpgt_epi8(_mm_set1_epi8((char)(hi - lo - 0x7f)), y);
}

/* The SSE2 scan of the 16 bytes at SRC + 16 * K, masks to bit 16 * K. */
static inline void
blockmask_mask16(const char *src, char *dst, char *wdst, int k, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	__m128i v, alpha, word, space;
	uint16_t m;

	v = _mm_loadu_si128((const __m128i *)(const void *)(src + 16 * k));
	m = (uint16_t)_mm_movemask_epi8(v);
	memcpy((char *)hm + 2 * k, &m, 2);
	alpha = blockmask_in_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a',
	    'z');
	v = _mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20)));
	_mm_storeu_si128((__m128i *)(void *)(dst + 16 * k), v);
	word = _mm_or_si128(_mm_or_si128(alpha,
	    blockmask_in_range16(v, '0', '9')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	_mm_storeu_si128((__m128i *)(void *)(wdst + 16 * k),
	    _mm_and_si128(v, word));
	space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	    blockmask_in_range16(v, '\t', '\r'));
	m = (uint16_t)_mm_movemask_epi8(word);
	memcpy((char *)wm + 2 * k, &m, 2);
	m = (uint16_t)_mm_movemask_epi8(space);
	memcpy((char *)sm + 2 * k, &m, 2);
}

static inline void
blockmask_block_sse2(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	blockmask_mask16(src, dst, wdst, 0, wm, sm, hm);
	blockmask_mask16(src, dst, wdst, 1, wm, sm, hm);
	blockmask_mask16(src, dst, wdst, 2, wm, sm, hm);
	blockmask_mask16(src, dst, wdst, 3, wm, sm, hm);
}

uint64_t
blockmask_scan_sse2(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(blockmask_block_sse2);
}
#endif

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* High bit of each byte of the 7-bit bytes X that lies in [LO, HI]. */
static uint64_t
blockmask_in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + ONES * (0x80 - lo)) & ~(x + ONES * (0x7f - hi)) & HIGHS;
}

/* Bit I set for each byte I (in memory order) with its high bit set. */
static uint64_t
blockmask_byte_bits(uint64_t h)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	uint64_t r = 0;
	int i;

	for (i = 0; i < 8; i++)
		r |= ((h >> (63 - 8 * i)) & 1) << i;
	return r;
#else
	return ((h >> 7) * 0x0102040810204080ULL) >> 56;
#endif
}

/* The portable block scan: eight bytes at a time in a uint64_t. */
static inline void
blockmask_block_portable(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	uint64_t w, x, upper, word, space, w_all = 0, s_all = 0, h_all = 0;
	int k;

	for (k = 0; k < 8; k++) {
		memcpy(&w, src + 8 * k, 8);
		x = w & ~HIGHS;
		upper = blockmask_in_range(x, 'A', 'Z') & ~w;
		x |= upper >> 2;
		w |= upper >> 2;
		memcpy(dst + 8 * k, &w, 8);
		word = (blockmask_in_range(x, 'a', 'z') |
		    blockmask_in_range(x, '0', '9') |
		    blockmask_in_range(x, '_', '_')) & ~w;
		space = (blockmask_in_range(x, ' ', ' ') |
		    blockmask_in_range(x, '\t', '\r')) & ~w;
		x = w & ((word >> 7) * 0xff);
		memcpy(wdst + 8 * k, &x, 8);
		w_all |= blockmask_byte_bits(word) << (8 * k);
		s_all |= blockmask_byte_bits(space) << (8 * k);
		h_all |= blockmask_byte_bits(w & HIGHS) << (8 * k);
	}
	*wm = w_all;
	*sm = s_all;
	*hm = h_all;
}

uint64_t
blockmask_scan_portable(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(blockmask_block_portable);
}

#ifdef SCAN_AVX2
/* Where the bytes of V lie in [LO, HI], for LO <= HI < 0x80. */
static inline __attribute__((target("avx2"))) __m256i
blockmask_in_range32(__m256i v, int lo, int hi)
{
	__m256i y = _mm256_add_epi8(v, _mm256_set1_epi8((char)(0x80 - lo)));

	return _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(hi - lo - 0x7f)), y);
}

/*
 * The AVX2 scan of the 32 bytes at SRC: lowered to DST, word bytes to
 * WDST; returns the masks of word, white space and high bytes in *WM, *SM,
 * *HM.
 */
static inline __attribute__((target("avx2"))) void
blockmask_mask32(const char *src, char *dst, char *wdst, uint32_t *wm, uint32_t *sm,
    uint32_t *hm)
{
	__m256i v, alpha, word, space;

	v = _mm256_loadu_si256((const __m256i *)(const void *)src);
	*hm = (uint32_t)_mm256_movemask_epi8(v);
	alpha = blockmask_in_range32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a',
	    'z');
	v = _mm256_or_si256(v, _mm256_and_si256(alpha,
	    _mm256_set1_epi8(0x20)));
	_mm256_storeu_si256((__m256i *)(void *)dst, v);
	word = _mm256_or_si256(_mm256_or_si256(alpha,
	    blockmask_in_range32(v, '0', '9')),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_')));
	_mm256_storeu_si256((__m256i *)(void *)wdst, _mm256_and_si256(v, word));
	space = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')),
	    blockmask_in_range32(v, '\t', '\r'));
	*wm = (uint32_t)_mm256_movemask_epi8(word);
	*sm = (uint32_t)_mm256_movemask_epi8(space);
}

/* The AVX2 block scan, for CPUs that have it. */
static inline __attribute__((target("avx2"))) void
blockmask_block_avx2(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	uint32_t w0, w1, s0, s1, h0, h1;

	blockmask_mask32(src, dst, wdst, &w0, &s0, &h0);
	blockmask_mask32(src + 32, dst + 32, wdst + 32, &w1, &s1, &h1);
	*wm = w0 | (uint64_t)w1 << 32;
	*sm = s0 | (uint64_t)s1 << 32;
	*hm = h0 | (uint64_t)h1 << 32;
}

__attribute__((target("avx2"))) uint64_t
blockmask_scan_avx2(const char *text, size_t len, char *dst,
    char *wdst, uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(blockmask_block_avx2);
}
#endif
