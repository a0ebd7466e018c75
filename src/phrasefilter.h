/*
 * phrasefilter: which of up to 64 phrases occur anywhere in a text,
 * ignoring ASCII case, found 32 bytes at a time with AVX2 (a "Teddy"
 * nibble filter, as Hyperscan names it).  Each phrase is known by an
 * anchor of four of its bytes, chosen as unlikely in English; the anchors
 * share eight buckets, and two nibble look-ups a byte of the anchor tell,
 * for 32 places at once, the buckets whose anchors may stand there.  Only
 * those places are compared with the phrases, so a sentence of prose
 * costs about a byte's worth of instructions a byte.
 *
 * Built only where scan.h has AVX2 (the caller keeps a portable search
 * for the other levels and CPUs).  The filter is a plain struct filled by
 * phrasefilter_build and read-only after; it points at the caller's
 * phrases, which must outlive it.  Nothing is allocated.
 */
#ifndef PARALLAX_PHRASEFILTER_H
#define PARALLAX_PHRASEFILTER_H

#include <stddef.h>
#include <stdint.h>

#include "scan.h"

#ifdef SCAN_AVX2

#define PHRASEFILTER_MAX 64
#define PHRASEFILTER_ANCHOR 4
#define PHRASEFILTER_BUCKETS 8
#define PHRASEFILTER_HASH_BITS 8
#define PHRASEFILTER_HASH (1u << PHRASEFILTER_HASH_BITS)

struct phrasefilter {
	/* Bit b of lo[k][x & 15] & hi[k][x >> 4]: byte k of an anchor of
	 * bucket b may be x, a letter in either case; each table twice, for
	 * both 16-byte lanes of an AVX2 register. */
	unsigned char lo[PHRASEFILTER_ANCHOR][32];
	unsigned char hi[PHRASEFILTER_ANCHOR][32];
	/* The phrases whose anchor hashes to h (phrasefilter_hash), for
	 * the places the buckets let through. */
	uint64_t by_hash[PHRASEFILTER_HASH];
	const char *text[PHRASEFILTER_MAX];	/* in lowercase */
	size_t len[PHRASEFILTER_MAX];
	uint32_t anchor[PHRASEFILTER_MAX];	/* its bytes | 0x20, first lowest */
	size_t offset[PHRASEFILTER_MAX];	/* where the anchor lies */
};

/* F for the N phrases TEXT (N at most PHRASEFILTER_MAX, each in
 * lowercase and at least PHRASEFILTER_ANCHOR bytes long). */
void phrasefilter_build(struct phrasefilter *f, const char *const *text,
    size_t n);

/* The phrases of F found in the texts that S, of LEN bytes, holds one
 * after another, each but the last ended by a NUL byte (and holding
 * none), ignoring ASCII case: bit i of FOUND[k] for phrase i in the k-th
 * text (or'ed in: the caller clears FOUND).  So a document's sentences
 * kept back to back are read in one pass.  Needs a CPU with AVX2
 * (scan_level). */
void phrasefilter_find_each(const struct phrasefilter *f, const char *s,
    size_t len, uint64_t *found);

#endif
#endif
