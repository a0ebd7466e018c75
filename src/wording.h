/*
 * wording: the words a sentence is written with, for finding sentences
 * that share them word for word.  Each sentence gives two sorted sets of
 * hashes into one pool: every run of WORDING_SHINGLE words inside one
 * quotation (two sentences that share one quote the same words, whatever
 * they say around them), and every pair of adjacent words that are not
 * both minor words (stopwords): "added 155,000", "jobs in", "in December"
 * are how two outlets write the same fact; "of the" says nothing.
 *
 * The pool owns its hashes (wording_free); a span names one set in it.
 * Once every set is in, the hashes no two sets share can go (they count
 * in no comparison): wording_prune_begin, wording_prune on each span in
 * the order they were added, wording_prune_end; again, as what a round
 * keeps is fewer.
 */
#ifndef PARALLAX_WORDING_H
#define PARALLAX_WORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sentence;
struct words;

#define WORDING_SHINGLE 5

struct wording_span {
	uint32_t first;		/* index into wording.hashes */
	uint32_t n;
};

struct wording {
	uint32_t *hashes;
	size_t n;
	size_t cap;
	/* While pruning: which buckets of hashes were seen once, and twice
	 * or more (bigarray.h: freeing them gives their room back, which
	 * the next round takes); their words; where the kept hashes end;
	 * the buckets' shift. */
	uint64_t *seen;
	uint64_t *again;
	size_t words;
	size_t kept;
	unsigned shift;
};

/* Adds the quoted shingles of S, split into W, and returns their span. */
struct wording_span wording_quoted(struct wording *p,
    const struct sentence *s, const struct words *w);
/* Adds the pairs of adjacent words of W, but those where MINOR[i] and
 * MINOR[i + 1] both hold, and returns their span. */
struct wording_span wording_pairs(struct wording *p, const struct words *w,
    const bool *minor);
/* S, the span added last, with its first MOST hashes only (the pool ends
 * there). */
struct wording_span wording_cut(struct wording *p, struct wording_span s,
    size_t most);
/* How many hashes spans A and B share, counted up to MOST. */
size_t wording_shared(const struct wording *p, struct wording_span a,
    struct wording_span b, size_t most);
/* Prepares to drop from P every hash that only one span holds, with
 * BUCKETS buckets a hash (a power of two): more keep fewer unshared
 * hashes and take more room while pruning (two bits a bucket). */
void wording_prune_begin(struct wording *p, size_t buckets);
/* Span S without the hashes no other span holds (some such may stay when
 * they share a bucket with another hash, never one that is shared): the
 * spans must come in the order they were added, each once. */
struct wording_span wording_prune(struct wording *p, struct wording_span s);
/* Ends pruning; the pool keeps only the kept hashes' room. */
void wording_prune_end(struct wording *p);
/* Sorts N ids ascending, as each span's hashes are kept. */
void wording_sort(uint32_t *ids, size_t n);
void wording_free(struct wording *p);

#endif
