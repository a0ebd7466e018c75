/*
 * scan: the choice of block routines at run time, and the ones built for
 * a CPU the compiler was not told about (AVX2).  See scan.h.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "scan.h"

#ifdef SCAN_AVX2
#include <immintrin.h>
#endif

int
scan_level_max(void)
{
#ifdef SCAN_AVX2
	__builtin_cpu_init();
	/* The matcher's AVX2 routines use BMI, BMI2 and POPCNT too, which
	 * every AVX2 CPU has. */
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
	    __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt"))
		return SCAN_LEVEL_AVX2;
#endif
#ifdef SCAN_SSE2
	return SCAN_LEVEL_SSE2;
#else
	return SCAN_LEVEL_PORTABLE;
#endif
}

int scan_level = SCAN_LEVEL_PORTABLE;

/* Before main, so no caller ever sees the level change under it. */
static void scan_choose(void) __attribute__((constructor));

static void
scan_choose(void)
{
	scan_level = scan_level_max();
}

#ifdef SCAN_AVX2
/* The low and high nibbles of the 32 bytes from S. */
__attribute__((target("avx2"))) static inline void
scan_nibbles_avx2(const char *s, __m256i *lo, __m256i *hi)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i v;

	v = _mm256_loadu_si256((const __m256i *)(const void *)s);
	*lo = _mm256_and_si256(v, nib);
	*hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nib);
}

/* Bit k set when byte k of the nibbles LO and HI is in the set whose
 * tables are TLO and THI: each nibble picks a byte of bits from its
 * table, and a member is a byte whose two picks share a bit, which
 * adding 0x7f without wrapping carries into the top bit. */
__attribute__((target("avx2"))) static inline uint32_t
scan_member32_avx2(__m256i lo, __m256i hi, __m256i tlo, __m256i thi)
{
	__m256i t;

	t = _mm256_and_si256(_mm256_shuffle_epi8(tlo, lo),
	    _mm256_shuffle_epi8(thi, hi));
	return (uint32_t)_mm256_movemask_epi8(_mm256_adds_epu8(t,
	    _mm256_set1_epi8(0x7f)));
}

/* A set's tables, in both lanes. */
__attribute__((target("avx2"))) static inline void
scan_tables_avx2(const struct scan_set *set, __m256i *tlo, __m256i *thi)
{
	*tlo = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->lo));
	*thi = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->hi));
}

/* Bit k set when S[k] is in the set of TLO and THI, for 64 bytes. */
__attribute__((target("avx2"))) static inline uint64_t
scan_member64_avx2(const char *s, __m256i tlo, __m256i thi)
{
	__m256i lo, hi;
	uint64_t m;

	scan_nibbles_avx2(s, &lo, &hi);
	m = scan_member32_avx2(lo, hi, tlo, thi);
	scan_nibbles_avx2(s + 32, &lo, &hi);
	return m | (uint64_t)scan_member32_avx2(lo, hi, tlo, thi) << 32;
}

__attribute__((target("avx2"))) uint64_t
scan_mask64_avx2(const char *s, const struct scan_set *set)
{
	__m256i tlo, thi;

	scan_tables_avx2(set, &tlo, &thi);
	return scan_member64_avx2(s, tlo, thi);
}

/* Bit k of *UP set when byte k of the 32 at S is an ASCII capital, of
 * *LOW when it is a small letter. */
__attribute__((target("avx2"))) static inline void
scan_case32_avx2(const char *s, uint64_t *up, uint64_t *low)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);

	/* Signed: the bytes from 0x80 on are below every ASCII letter. */
	*up = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
	    _mm256_cmpgt_epi8(v, _mm256_set1_epi8('A' - 1)),
	    _mm256_cmpgt_epi8(_mm256_set1_epi8('Z' + 1), v)));
	*low = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
	    _mm256_cmpgt_epi8(v, _mm256_set1_epi8('a' - 1)),
	    _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), v)));
}

/* The sets' bits and the camel joins of the 64 bytes at S; *LOW says
 * whether the byte before S is a small letter, and is set to whether the
 * last of them is. */
__attribute__((target("avx2"))) static inline void
scan_block2_avx2(const char *s, __m256i alo, __m256i ahi, __m256i blo,
    __m256i bhi, uint64_t *outa, uint64_t *outb, uint64_t *camel, bool *low)
{
	__m256i lo, hi;
	uint64_t ma, mb, up0, low0, up1, low1;

	scan_nibbles_avx2(s, &lo, &hi);
	ma = scan_member32_avx2(lo, hi, alo, ahi);
	mb = scan_member32_avx2(lo, hi, blo, bhi);
	scan_nibbles_avx2(s + 32, &lo, &hi);
	*outa = ma | (uint64_t)scan_member32_avx2(lo, hi, alo, ahi) << 32;
	*outb = mb | (uint64_t)scan_member32_avx2(lo, hi, blo, bhi) << 32;
	scan_case32_avx2(s, &up0, &low0);
	scan_case32_avx2(s + 32, &up1, &low1);
	low0 |= low1 << 32;
	*camel = (up0 | up1 << 32) & (low0 << 1 | (*low ? 1 : 0));
	*low = (low0 >> 63) != 0;
}

__attribute__((target("avx2"))) void
scan_bits2_avx2(const char *s, size_t len, const struct scan_set *a,
    uint64_t *outa, const struct scan_set *b, uint64_t *outb,
    uint64_t *camel)
{
	char pad[64];
	__m256i alo, ahi, blo, bhi;
	uint64_t keep;
	size_t k, n;
	bool low = false;

	scan_tables_avx2(a, &alo, &ahi);
	scan_tables_avx2(b, &blo, &bhi);
	for (k = 0; len - 64 * k >= 64; k++)
		scan_block2_avx2(s + 64 * k, alo, ahi, blo, bhi, &outa[k],
		    &outb[k], &camel[k], &low);
	if ((n = len - 64 * k) != 0) {
		memset(pad, 0, sizeof pad);
		memcpy(pad, s + 64 * k, n);
		keep = ((uint64_t)1 << n) - 1;
		scan_block2_avx2(pad, alo, ahi, blo, bhi, &outa[k], &outb[k],
		    &camel[k], &low);
		outa[k] &= keep;
		outb[k] &= keep;
		camel[k] &= keep;
	}
}
#endif
