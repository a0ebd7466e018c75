/*
 * wording: sentences' shingles and word pairs as sorted hash sets.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bigarray.h"
#include "document.h"
#include "intersection.h"
#include "vocab.h"
#include "wording.h"
#include "words.h"
#include "xalloc.h"

/* Sets of up to this many ids are sorted through a buffer on the stack,
 * longer ones through one from the heap. */
#define WORDING_RADIX_STACK 256

/*
 * Sorts N ids ascending by their four bytes, least first (a stable
 * counting sort each), skipping a byte every id has alike: no compare
 * and no branch on the ids, where glibc's qsort, calling a comparison
 * through a pointer, was most of the sort's cost.
 */
static void
wording_radix(uint32_t *ids, size_t n)
{
	uint32_t count[4][256] = { { 0 } }, stack[WORDING_RADIX_STACK];
	uint32_t *tmp, *from = ids, *to, *t, sum, c;
	size_t i;
	unsigned d, b;

	tmp = n <= WORDING_RADIX_STACK ? stack :
	    xreallocarray(NULL, n, sizeof *tmp);
	to = tmp;
	for (i = 0; i < n; i++) {
		for (d = 0; d < 4; d++)
			count[d][ids[i] >> (8 * d) & 0xff]++;
	}
	for (d = 0; d < 4; d++) {
		if (count[d][ids[0] >> (8 * d) & 0xff] == n)
			continue;
		for (b = sum = 0; b < 256; b++) {
			c = count[d][b];
			count[d][b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			to[count[d][from[i] >> (8 * d) & 0xff]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != ids)
		memcpy(ids, from, n * sizeof *ids);
	if (tmp != stack)
		free(tmp);
}

/* Most sets have a few dozen ids, where an insertion sort beats a radix
 * sort's passes over 256 counts: they take the same time at about 48
 * random ids (a loop sorting each way), the radix sort 3 to 5 times less
 * than qsort from 64 to 200. */
void
wording_sort(uint32_t *ids, size_t n)
{
	size_t i, j;
	uint32_t v;

	if (n > 48) {
		wording_radix(ids, n);
		return;
	}
	for (i = 1; i < n; i++) {
		v = ids[i];
		for (j = i; j > 0 && ids[j - 1] > v; j--)
			ids[j] = ids[j - 1];
		ids[j] = v;
	}
}

#define WORDING_BASIS 2166136261u

/* One step of FNV-1a over words: H with the word hashed as WORD. */
static uint32_t
wording_mix(uint32_t h, uint32_t word)
{
	return (h ^ word) * 16777619u;
}

/* FNV-1a over the folded words FIRST..LAST of W. */
static uint32_t
wording_hash(const struct words *w, size_t first, size_t last)
{
	uint32_t h = WORDING_BASIS;
	size_t k;

	for (k = first; k <= last; k++)
		h = wording_mix(h, vocab_hash(words_fold(w, k),
		    w->items[k].foldlen));
	return h;
}

static void
wording_add(struct wording *p, uint32_t h)
{
	if (p->n == UINT32_MAX)
		fatal("claims: too many words to link");
	if (p->n == p->cap) {
		p->hashes = bigarray_resize(p->hashes, p->cap,
		    p->cap == 0 ? 1024 : p->cap * 2, sizeof *p->hashes);
		p->cap = p->cap == 0 ? 1024 : p->cap * 2;
	}
	p->hashes[p->n++] = h;
}

/* Sorts the hashes added since FIRST, each kept once, as a span. */
static struct wording_span
wording_close(struct wording *p, size_t first)
{
	struct wording_span span;
	uint32_t *h = p->hashes + first;
	size_t i, k;

	wording_sort(h, p->n - first);
	for (i = k = 0; i < p->n - first; i++) {
		if (k == 0 || h[i] != h[k - 1])
			h[k++] = h[i];
	}
	p->n = first + k;
	span.first = (uint32_t)first;
	span.n = (uint32_t)k;
	return span;
}

struct wording_span
wording_quoted(struct wording *p, const struct sentence *s,
    const struct words *w)
{
	size_t i, q, run = 0, first = p->n;

	for (i = 0, q = 0; i < w->n; i++) {
		while (q < s->nquotes && s->quotes[q].end <= w->items[i].start)
			q++;
		if (q == s->nquotes || w->items[i].start < s->quotes[q].start) {
			run = 0;
			continue;
		}
		/* A new quote starts a new run. */
		if (run > 0 && w->items[i - 1].start < s->quotes[q].start)
			run = 0;
		if (++run < WORDING_SHINGLE)
			continue;
		wording_add(p, wording_hash(w, i + 1 - WORDING_SHINGLE, i));
	}
	return wording_close(p, first);
}

struct wording_span
wording_pairs(struct wording *p, const struct words *w, const bool *minor)
{
	size_t i, first = p->n;
	uint32_t prev = 0, h;

	/* Each word hashed once: a pair hashes as wording_hash would. */
	for (i = 0; i < w->n; i++) {
		h = vocab_hash(words_fold(w, i), w->items[i].foldlen);
		if (i > 0 && (!minor[i - 1] || !minor[i]))
			wording_add(p, wording_mix(wording_mix(WORDING_BASIS,
			    prev), h));
		prev = h;
	}
	return wording_close(p, first);
}

struct wording_span
wording_cut(struct wording *p, struct wording_span s, size_t most)
{
	if (s.n > most) {
		s.n = (uint32_t)most;
		p->n = (size_t)s.first + most;
	}
	return s;
}

size_t
wording_shared(const struct wording *p, struct wording_span a,
    struct wording_span b, size_t most)
{
	const uint32_t *ha = p->hashes + a.first, *hb = p->hashes + b.first;
	uint32_t ia[INTERSECTION_ROOM_MIN], ib[INTERSECTION_ROOM_MIN];
	uint32_t i = 0, j = 0;
	size_t n = 0;

	/* The least room: each call stops soon after a match, and MOST is
	 * mostly a few.  A call that ends either set is the last. */
	while (n < most && i < a.n && j < b.n)
		n += intersection_next(ha, a.n, &i, hb, b.n, &j, ia, ib,
		    INTERSECTION_ROOM_MIN);
	return n < most ? n : most;
}

/*
 * A hash's bucket for pruning: its top bits after a multiplication, as the
 * low bits of FNV-1a mix poorly.  An unshared hash whose bucket another
 * hash shares is kept: room, never a different count.
 */
static size_t
wording_bucket(const struct wording *p, uint32_t h)
{
	return (uint32_t)(h * 2654435761u) >> p->shift;
}

void
wording_prune_begin(struct wording *p, size_t per)
{
	size_t i, b, buckets = 64;

	p->shift = 26;
	while (buckets < p->n * per && p->shift > 0) {
		buckets *= 2;
		p->shift--;
	}
	p->words = buckets / 64;
	p->seen = bigarray_resize(NULL, 0, p->words, sizeof *p->seen);
	p->again = bigarray_resize(NULL, 0, p->words, sizeof *p->again);
	memset(p->seen, 0, p->words * sizeof *p->seen);
	memset(p->again, 0, p->words * sizeof *p->again);
	for (i = 0; i < p->n; i++) {
		b = wording_bucket(p, p->hashes[i]);
		if (p->seen[b / 64] >> (b % 64) & 1)
			p->again[b / 64] |= (uint64_t)1 << (b % 64);
		else
			p->seen[b / 64] |= (uint64_t)1 << (b % 64);
	}
	p->kept = 0;
}

struct wording_span
wording_prune(struct wording *p, struct wording_span s)
{
	struct wording_span out;
	size_t i, b;

	out.first = (uint32_t)p->kept;
	for (i = s.first; i < (size_t)s.first + s.n; i++) {
		b = wording_bucket(p, p->hashes[i]);
		if (p->again[b / 64] >> (b % 64) & 1)
			p->hashes[p->kept++] = p->hashes[i];
	}
	out.n = (uint32_t)(p->kept - out.first);
	return out;
}

void
wording_prune_end(struct wording *p)
{
	bigarray_free(p->seen, p->words, sizeof *p->seen);
	bigarray_free(p->again, p->words, sizeof *p->again);
	p->seen = p->again = NULL;
	p->hashes = bigarray_resize(p->hashes, p->cap, p->kept + 1,
	    sizeof *p->hashes);
	p->n = p->kept;
	p->cap = p->kept + 1;
}

void
wording_free(struct wording *p)
{
	bigarray_free(p->hashes, p->cap, sizeof *p->hashes);
	p->hashes = NULL;
	p->n = p->cap = 0;
}
