/*
 * phrasefilter: the nibble filter for a few dozen phrases.  See
 * phrasefilter.h.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "phrasefilter.h"
#include "xalloc.h"

#ifdef SCAN_AVX2
#include <immintrin.h>

/*
 * How often a byte turns up in English prose, roughly, in parts of
 * 1,440: the small letters by their frequency per mille less a fifth,
 * capitals a twentieth of that, the space a seventh, every other byte one
 * part.  The filter works with any phrases; this only steers the anchors
 * and buckets towards what prose rarely holds.
 */
static const unsigned short phrasefilter_letters[26] = {
	82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
	67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1
};

static double
phrasefilter_weight(unsigned char c)
{
	if (ascii_is_lower(c))
		return phrasefilter_letters[c - 'a'] / 1440.0;
	if (ascii_is_upper(c))
		return phrasefilter_letters[c - 'A'] / (20 * 1440.0);
	return c == ' ' ? 210 / 1440.0 : 1 / 1440.0;
}

/* How likely prose is to hold the anchor A at a given place. */
static double
phrasefilter_odds(const char *a)
{
	double odds = 1;
	size_t k;

	for (k = 0; k < PHRASEFILTER_ANCHOR; k++)
		odds *= phrasefilter_weight((unsigned char)a[k]);
	return odds;
}

/* The nibbles a bucket lets through at each byte of the anchor, a bit
 * each, while the buckets are filled. */
struct phrasefilter_nibbles {
	uint16_t lo[PHRASEFILTER_ANCHOR];
	uint16_t hi[PHRASEFILTER_ANCHOR];
};

/* Lets the anchor A through NB, its letters in either case: the text is
 * looked at as it stands, as lowering it would cost an instruction a byte
 * of the anchor. */
static void
phrasefilter_nibbles_add(struct phrasefilter_nibbles *nb,
    const unsigned char *a)
{
	size_t k;

	for (k = 0; k < PHRASEFILTER_ANCHOR; k++) {
		nb->lo[k] |= (uint16_t)(1u << (a[k] & 15));
		nb->hi[k] |= (uint16_t)(1u << (a[k] >> 4));
		if (a[k] >= 'a' && a[k] <= 'z')
			nb->hi[k] |= (uint16_t)(1u << ((a[k] - 'a' + 'A') >> 4));
	}
}

/* How likely a place of prose is to pass NB: at each byte of the anchor,
 * the bytes both of whose nibbles it lets through. */
static double
phrasefilter_nibbles_odds(const struct phrasefilter_nibbles *nb)
{
	double odds = 1, at;
	unsigned h, l;
	size_t k;

	for (k = 0; k < PHRASEFILTER_ANCHOR; k++) {
		at = 0;
		for (h = 0; h < 16; h++) {
			for (l = 0; (nb->hi[k] >> h & 1) && l < 16; l++) {
				if (nb->lo[k] >> l & 1)
					at += phrasefilter_weight(
					    (unsigned char)(h << 4 | l));
			}
		}
		odds *= at;
	}
	return odds;
}

/* Where the anchor W (its bytes | 0x20) is listed in by_hash. */
static unsigned
phrasefilter_hash(uint32_t w)
{
	return (w * 0x9e3779b1u) >> (32 - PHRASEFILTER_HASH_BITS);
}

void
phrasefilter_build(struct phrasefilter *f, const char *const *text,
    size_t n)
{
	struct phrasefilter_nibbles nb[PHRASEFILTER_BUCKETS], trial;
	double odds[PHRASEFILTER_MAX], nbodds[PHRASEFILTER_BUCKETS];
	size_t order[PHRASEFILTER_MAX], i, j, o, best, k;
	double o1, least;
	unsigned b, to, x;

	if (n > PHRASEFILTER_MAX)
		fatal("phrasefilter: %zu phrases, at most %d", n,
		    PHRASEFILTER_MAX);
	memset(f, 0, sizeof *f);
	/* Each phrase's rarest four bytes for its anchor. */
	for (j = 0; j < n; j++) {
		f->text[j] = text[j];
		f->len[j] = strlen(text[j]);
		if (f->len[j] < PHRASEFILTER_ANCHOR)
			fatal("phrasefilter: \"%s\" is too short", text[j]);
		best = 0;
		odds[j] = phrasefilter_odds(text[j]);
		for (o = 1; o + PHRASEFILTER_ANCHOR <= f->len[j]; o++) {
			o1 = phrasefilter_odds(text[j] + o);
			if (o1 < odds[j]) {
				odds[j] = o1;
				best = o;
			}
		}
		f->offset[j] = best;
		memcpy(&f->anchor[j], text[j] + best, sizeof f->anchor[j]);
		f->anchor[j] |= 0x20202020u;
		order[j] = j;
	}
	/* The likeliest anchors first, each into the bucket it makes the
	 * least likelier to pass (an insertion sort: a few dozen). */
	for (i = 1; i < n; i++) {
		for (j = i; j > 0 && odds[order[j]] > odds[order[j - 1]]; j--) {
			o = order[j];
			order[j] = order[j - 1];
			order[j - 1] = o;
		}
	}
	memset(nb, 0, sizeof nb);
	for (b = 0; b < PHRASEFILTER_BUCKETS; b++)
		nbodds[b] = 0;
	for (i = 0; i < n; i++) {
		j = order[i];
		to = 0;
		least = 0;
		for (b = 0; b < PHRASEFILTER_BUCKETS; b++) {
			trial = nb[b];
			phrasefilter_nibbles_add(&trial, (const unsigned char *)
			    text[j] + f->offset[j]);
			o1 = phrasefilter_nibbles_odds(&trial);
			if (b == 0 || o1 - nbodds[b] < least) {
				least = o1 - nbodds[b];
				to = b;
			}
		}
		phrasefilter_nibbles_add(&nb[to], (const unsigned char *)
		    text[j] + f->offset[j]);
		nbodds[to] = phrasefilter_nibbles_odds(&nb[to]);
		f->by_hash[phrasefilter_hash(f->anchor[j])] |= (uint64_t)1 << j;
	}
	/* Each nibble's buckets, in both lanes. */
	for (b = 0; b < PHRASEFILTER_BUCKETS; b++) {
		for (k = 0; k < PHRASEFILTER_ANCHOR; k++) {
			for (x = 0; x < 32; x++) {
				if (nb[b].lo[k] >> (x & 15) & 1)
					f->lo[k][x] |= (unsigned char)(1u << b);
				if (nb[b].hi[k] >> (x & 15) & 1)
					f->hi[k][x] |= (unsigned char)(1u << b);
			}
		}
	}
}

/* Does S start with the lowercase WHAT of N bytes, ignoring ASCII case?
 * (Inlined, as every part of the scan is: a call would move the tables
 * out of registers for the whole loop.) */
__attribute__((always_inline)) static inline bool
phrasefilter_equal(const char *s, const char *what, size_t n)
{
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)ascii_lower((unsigned char)s[i]);
		if (c != (unsigned char)what[i])
			return false;
	}
	return true;
}

/* The phrases whose anchor lies at S[Q] (Q + PHRASEFILTER_ANCHOR <=
 * LEN) and which S holds there. */
__attribute__((always_inline)) static inline uint64_t
phrasefilter_check(const struct phrasefilter *f, const char *s, size_t len,
    size_t q)
{
	uint64_t found = 0, maybe;
	uint32_t w;
	size_t j, at;

	memcpy(&w, s + q, sizeof w);
	w |= 0x20202020u;
	for (maybe = f->by_hash[phrasefilter_hash(w)]; maybe != 0;
	    maybe &= maybe - 1) {
		j = (size_t)__builtin_ctzll(maybe);
		if (f->anchor[j] != w || q < f->offset[j])
			continue;
		at = q - f->offset[j];
		if (f->len[j] <= len - at &&
		    phrasefilter_equal(s + at, f->text[j], f->len[j]))
			found |= (uint64_t)1 << j;
	}
	return found;
}

/* The buckets whose anchor's byte with the tables LO and HI may be
 * each of 32 bytes, given as their low and high nibbles NLO and NHI, a
 * byte a place. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
phrasefilter_byte(__m256i lo, __m256i hi, __m256i nlo, __m256i nhi)
{
	return _mm256_and_si256(_mm256_shuffle_epi8(lo, nlo),
	    _mm256_shuffle_epi8(hi, nhi));
}

/* The 32 bytes of CUR moved up K places, the last K of PREV (the 32
 * bytes before) coming in below: byte x is byte x - K of PREV, CUR. */
#define PHRASEFILTER_SHIFT(prev, cur, k) _mm256_alignr_epi8((cur), \
	_mm256_permute2x128_si256((prev), (cur), 0x21), 16 - (k))

/* The 32 bytes of a table of a struct phrasefilter. */
#define PHRASEFILTER_TABLE(t) \
	_mm256_loadu_si256((const __m256i *)(const void *)(t))

/* The number of the text S[Q] is in, counting on from the text *TEXT
 * that S[*AT] is in (*AT <= Q); a NUL ends each text.  Without a call,
 * so that the tables stay in registers in phrasefilter_find_each. */
__attribute__((target("avx2,popcnt"), always_inline)) static inline size_t
phrasefilter_text_of(const char *s, size_t q, size_t *at, size_t *text)
{
	for (; q - *at >= 32; *at += 32)
		*text += (size_t)__builtin_popcount((uint32_t)
		    _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(
		    (const __m256i *)(const void *)(s + *at)),
		    _mm256_setzero_si256())));
	for (; *at < q; (*at)++)
		*text += s[*at] == '\0';
	return *text;
}

/* The places of the block of 32 bytes V where an anchor may end, as
 * bits; P0, P1 and P2 hold the bytes before's look-ups for bytes 0 to 2
 * of an anchor, and get this block's.  The tables are passed as values,
 * which keeps them in registers. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
phrasefilter_block(__m256i lo0, __m256i hi0, __m256i lo1, __m256i hi1,
    __m256i lo2, __m256i hi2, __m256i lo3, __m256i hi3, __m256i v,
    __m256i *p0, __m256i *p1, __m256i *p2)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i nlo, nhi, r0, r1, r2, m;

	_Static_assert(PHRASEFILTER_ANCHOR == 4, "four bytes written out");
	nlo = _mm256_and_si256(v, nib);
	nhi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nib);
	r0 = phrasefilter_byte(lo0, hi0, nlo, nhi);
	r1 = phrasefilter_byte(lo1, hi1, nlo, nhi);
	r2 = phrasefilter_byte(lo2, hi2, nlo, nhi);
	m = _mm256_and_si256(_mm256_and_si256(
	    phrasefilter_byte(lo3, hi3, nlo, nhi),
	    PHRASEFILTER_SHIFT(*p2, r2, 1)), _mm256_and_si256(
	    PHRASEFILTER_SHIFT(*p1, r1, 2), PHRASEFILTER_SHIFT(*p0, r0, 3)));
	*p0 = r0;
	*p1 = r1;
	*p2 = r2;
	return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(m,
	    _mm256_setzero_si256()));
}

/* The phrases whose anchor ends at one of the places BITS of the block
 * at S[I], into FOUND by their text: a phrase holds no NUL, so none is
 * found across one, and whose text a find is in is told only then. */
__attribute__((target("avx2,popcnt"), always_inline)) static inline void
phrasefilter_found(const struct phrasefilter *f, const char *s, size_t len,
    size_t i, uint32_t bits, uint64_t *found, size_t *at, size_t *text)
{
	uint64_t phrases;
	size_t q;

	for (; bits != 0; bits &= bits - 1) {
		q = i + (size_t)__builtin_ctz(bits) - (PHRASEFILTER_ANCHOR - 1);
		if ((phrases = phrasefilter_check(f, s, len, q)) != 0)
			found[phrasefilter_text_of(s, q, at, text)] |= phrases;
	}
}

/*
 * Each block of 32 bytes is looked up once for each byte of the anchor,
 * and the answers for bytes 0 to 2 moved up to the place where the
 * anchor ends (Hyperscan's Teddy): bit b of the block's byte x says an
 * anchor of bucket b may end at x.  The bytes before S are taken as
 * zeros, and so are those after it, read from a copy; no anchor holds a
 * zero byte.
 */
__attribute__((target("avx2,popcnt"))) void
phrasefilter_find_each(const struct phrasefilter *f, const char *s,
    size_t len, uint64_t *found)
{
	const __m256i lo0 = PHRASEFILTER_TABLE(f->lo[0]);
	const __m256i hi0 = PHRASEFILTER_TABLE(f->hi[0]);
	const __m256i lo1 = PHRASEFILTER_TABLE(f->lo[1]);
	const __m256i hi1 = PHRASEFILTER_TABLE(f->hi[1]);
	const __m256i lo2 = PHRASEFILTER_TABLE(f->lo[2]);
	const __m256i hi2 = PHRASEFILTER_TABLE(f->hi[2]);
	const __m256i lo3 = PHRASEFILTER_TABLE(f->lo[3]);
	const __m256i hi3 = PHRASEFILTER_TABLE(f->hi[3]);
	__m256i p0 = _mm256_setzero_si256(), p1 = p0, p2 = p0;
	char pad[32];
	size_t i, text = 0, at = 0;
	uint32_t bits;

	for (i = 0; len - i >= 32; i += 32) {
		bits = phrasefilter_block(lo0, hi0, lo1, hi1, lo2, hi2, lo3,
		    hi3, _mm256_loadu_si256((const __m256i *)(const void *)
		    (s + i)), &p0, &p1, &p2);
		if (bits != 0)
			phrasefilter_found(f, s, len, i, bits, found, &at,
			    &text);
	}
	if (i == len)
		return;
	memset(pad, 0, sizeof pad);
	memcpy(pad, s + i, len - i);
	bits = phrasefilter_block(lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3,
	    _mm256_loadu_si256((const __m256i *)(const void *)pad), &p0, &p1,
	    &p2);
	phrasefilter_found(f, s, len, i, bits, found, &at, &text);
}
#endif
