/*
 * trie: every phrase of a matcher as a path of token edges from a root,
 * the edges in one open-addressing hash table keyed on (parent node, token
 * kind, token hash), so a step is one probe whatever the number of
 * phrases.  An entry is 32 bytes, two to a cache line: the token's first
 * eight bytes, its parent and kind, its child, whose node keeps the bytes
 * of a longer token, and a copy of what a walk reads of the child as it
 * steps into it (struct trie_hot), so a step waits on one line, not on
 * the edge's and then the child's.  A `*` word of GATE bytes or more
 * hangs off an edge keyed on its first GATE bytes, in a bucket of the
 * words that share them; a filter (prefixbits) rules out most words that
 * start no `*` edge before any probe.  The trie owns copies of the token
 * bytes; trie_free frees all.
 */
#ifndef PARALLAX_TRIE_H
#define PARALLAX_TRIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "token.h"

#define TRIE_NONE UINT32_MAX
#define PREFIX_BITS 17

/*
 * What a walk reads of a node: in the node, and copied into the exact
 * edge into it (trie_sync keeps the copy).
 */
struct trie_hot {
	/*
	 * Bit B % 64 for the first byte B of each edge out (0: no edge out):
	 * most tokens after a node start no edge of it, and this rules them
	 * out before a hash.
	 */
	uint64_t firsts;
	/*
	 * The last phrase added that ends here, or TRIE_NONE; the others
	 * from the node's terms on (TRIE_HOT_TERMS).  Most nodes end one
	 * phrase, which a walk reports from the line it stepped over.
	 */
	uint32_t phrase;
	uint32_t flags;		/* TRIE_HOT_* */
};

#define TRIE_HOT_TERMS 1	/* more phrases end here: the node's terms */
#define TRIE_HOT_PREFIX 2	/* `*` edges go out: the node's prefix_lens */
#define TRIE_HOT_EXACT 4	/* its phrases match in MATCHER_EXACT */

struct node {
	struct trie_hot hot;
	uint32_t terms;		/* the phrase before hot.phrase, or TRIE_NONE */
	/*
	 * In trie->strs, where the edge into it has a token of over eight
	 * bytes: its length (four bytes) and its bytes.
	 */
	uint32_t soff;
	uint64_t prefix_lens;	/* bit L-1: a `*` edge of L bytes; bit 63: 64+ */
};

struct term {
	uint32_t phrase;
	uint32_t next;
};

/*
 * A `*` word of GATE bytes or more: the edge (node, its first GATE bytes)
 * leads to a bucket of these, one per length and spelling.
 */
struct pref {
	uint64_t first;		/* the first eight bytes (or all), the rest 0:
				 * most are no longer, and need no memcmp */
	uint32_t len;
	uint32_t soff;		/* in trie->strs */
	uint32_t child;
	uint32_t next;		/* in the same bucket, or TRIE_NONE */
};

struct edge {
	uint64_t first;		/* the first eight bytes (or all), the rest 0 */
	uint32_t key;		/* trie_edge_key; 0: an empty slot */
	uint32_t child;
	struct trie_hot hot;	/* the child's (not a gate's bucket's) */
};

/* A node's index fits in an edge's key beside five bits. */
#define TRIE_MAX_NODES (1U << 27)

/*
 * An edge's parent, whether its token is over eight bytes and its kind in
 * one word, never 0 (a kind is not): tokens of up to eight bytes have no
 * byte 0 but the one of U+0000, so their first eight bytes tell them
 * apart, and a longer one is told by its node's bytes.
 */
static inline uint32_t
trie_edge_key(uint32_t parent, uint8_t kind, size_t len)
{
	return parent << 5 | (len > 8 ? 16U : 0U) | kind;
}

struct trie {
	struct node *nodes;
	size_t nnodes, capnodes;
	uint32_t *inslot;	/* per node: the edge into it, or TRIE_NONE */
	size_t capinslot;
	struct term *terms;
	size_t nterms, capterms;
	struct edge *edges;
	uint64_t *hashes;	/* each edge's trie_edge_hash, for rehashing */
	size_t nedges, capedges;	/* capedges: a power of two */
	char *strs;
	size_t nstrs, capstrs;
	struct pref *prefs;
	size_t nprefs, capprefs;
	uint32_t *buckets;	/* first pref of each bucket */
	size_t nbuckets, capbuckets;
	/*
	 * A filter over `*` edges: each sets the bit of its first GATE bytes
	 * (or all, if shorter) and the bit of itself, so most words are ruled
	 * out with one or two bit tests and no probe.
	 */
	uint64_t prefixbits[(1 << PREFIX_BITS) / 64];
};

static inline uint64_t
trie_edge_hash(uint32_t parent, uint8_t kind, uint64_t th)
{
	uint64_t h;

	h = (th ^ ((uint64_t)parent * 0x9e3779b97f4a7c15ULL)) +
	    ((uint64_t)kind << 58);
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h | 1;		/* 0 marks an empty slot */
}

/* The first eight bytes (or all) of STR, the rest 0. */
static inline uint64_t
trie_first(const char *str, size_t len)
{
	uint64_t w = 0;

	memcpy(&w, str, len < 8 ? len : 8);
	return w;
}

/*
 * The slot of the edge out of PARENT over the LEN bytes at STR (the edge
 * hashed H by trie_edge_hash), which has eight bytes to read, or of the
 * empty slot where it would go: compared eight at once, so only a token
 * of over eight bytes needs a memcmp, of its child's bytes, once its
 * first eight matched.
 */
static inline size_t
trie_probe(const struct trie *tr, uint32_t parent, uint8_t kind, uint64_t h,
    const char *str, size_t len)
{
	const struct edge *e;
	uint64_t first = token_load_first(str, len);
	uint32_t key = trie_edge_key(parent, kind, len), slen;
	size_t mask = tr->capedges - 1, i;
	const char *own;

	for (i = h & mask;; i = (i + 1) & mask) {
		e = &tr->edges[i];
		if (e->key == key && e->first == first) {
			if (len <= 8)
				return i;
			own = tr->strs + tr->nodes[e->child].soff;
			memcpy(&slen, own, sizeof slen);
			if (slen == len && memcmp(own + sizeof slen + 8, str + 8,
			    len - 8) == 0)
				return i;
		} else if (e->key == 0)
			return i;
	}
}

/* The edge out of PARENT over the LEN bytes at STR (hashed TH), or NULL. */
static inline const struct edge *
trie_lookup(const struct trie *tr, uint32_t parent, uint8_t kind,
    uint64_t th, const char *str, size_t len)
{
	const struct edge *e = &tr->edges[trie_probe(tr, parent, kind,
	    trie_edge_hash(parent, kind, th), str, len)];

	return e->key != 0 ? e : NULL;
}

/* Whether an edge out of the node of HOT may start with the byte at STR. */
static inline bool
trie_may_start(const struct trie_hot *hot, const char *str)
{
	return (hot->firsts >> ((uint8_t)str[0] % 64)) & 1;
}

static inline bool
trie_prefix_bit(const struct trie *tr, uint64_t h)
{
	h >>= 64 - PREFIX_BITS;
	return (tr->prefixbits[h / 64] >> (h % 64)) & 1;
}

/* An empty trie. */
void trie_init(struct trie *tr);
void trie_free(struct trie *tr);

/* Bytes the trie holds (for benchmarks). */
size_t trie_memory(const struct trie *tr);

/* A new node, whose phrases match case-sensitively when EXACT. */
uint32_t trie_new_node(struct trie *tr, bool exact);

/*
 * The child of PARENT over a token of KIND (a TOK_* of token.h) whose
 * bytes, in the root's case, are STR (hashed TH); made if need be.
 */
uint32_t trie_add_edge(struct trie *tr, uint32_t parent, uint8_t kind,
    uint64_t th, const char *str, size_t len);

/* Phrase PHRASE ends at NODE. */
void trie_add_term(struct trie *tr, uint32_t node, uint32_t phrase);

/*
 * Room for N more phrases, each with a node, an edge and a term of its
 * own (fewer when phrases share their tokens), so the tables are sized
 * once rather than doubled and rehashed as the phrases come.
 */
void trie_reserve(struct trie *tr, size_t n);

#endif
