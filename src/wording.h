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
};

/* Adds the quoted shingles of S, split into W, and returns their span. */
struct wording_span wording_quoted(struct wording *p,
    const struct sentence *s, const struct words *w);
/* Adds the pairs of adjacent words of W, but those where MINOR[i] and
 * MINOR[i + 1] both hold, and returns their span. */
struct wording_span wording_pairs(struct wording *p, const struct words *w,
    const bool *minor);
/* How many hashes spans A and B share, counted up to MOST. */
size_t wording_shared(const struct wording *p, struct wording_span a,
    struct wording_span b, size_t most);
/* Sorts N ids ascending, as each span's hashes are kept. */
void wording_sort(uint32_t *ids, size_t n);
void wording_free(struct wording *p);

#endif
