/*
 * scan: the choice of block routines at run time, and the ones built for
 * a CPU the compiler was not told about (AVX2).  See scan.h.
 */
#include "config.h"

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
	if (__builtin_cpu_supports("avx2"))
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
/* Bit k set when S[k] is in SET, for 32 bytes: each byte's low and high
 * nibbles pick a byte of bits from the set's tables, and a member is a
 * byte whose two picks share a bit. */
__attribute__((target("avx2"))) static inline uint32_t
scan_mask32_avx2(const char *s, __m256i lo, __m256i hi)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i v, l, h;

	v = _mm256_loadu_si256((const __m256i *)(const void *)s);
	l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, nib));
	h = _mm256_shuffle_epi8(hi,
	    _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));
	v = _mm256_cmpeq_epi8(_mm256_and_si256(l, h),
	    _mm256_setzero_si256());
	return ~(uint32_t)_mm256_movemask_epi8(v);
}

__attribute__((target("avx2"))) uint64_t
scan_mask64_avx2(const char *s, const struct scan_set *set)
{
	__m256i lo, hi;

	lo = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->lo));
	hi = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->hi));
	return (uint64_t)scan_mask32_avx2(s, lo, hi) |
	    (uint64_t)scan_mask32_avx2(s + 32, lo, hi) << 32;
}

__attribute__((target("avx2"))) void
scan_bits_avx2(const char *s, size_t len, const struct scan_set *set,
    uint64_t *out)
{
	char pad[64];
	__m256i lo, hi;
	size_t k, n;

	lo = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->lo));
	hi = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)(const void *)set->hi));
	for (k = 0; len - 64 * k >= 64; k++) {
		out[k] = (uint64_t)scan_mask32_avx2(s + 64 * k, lo, hi) |
		    (uint64_t)scan_mask32_avx2(s + 64 * k + 32, lo, hi) << 32;
	}
	if ((n = len - 64 * k) != 0) {
		memset(pad, 0, sizeof pad);
		memcpy(pad, s + 64 * k, n);
		out[k] = ((uint64_t)scan_mask32_avx2(pad, lo, hi) |
		    (uint64_t)scan_mask32_avx2(pad + 32, lo, hi) << 32) &
		    (((uint64_t)1 << n) - 1);
	}
}
#endif
