/*
 * trie: building the trie of phrases.  See trie.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "trie.h"
#include "xalloc.h"

/*
 * Each phrase's tokens probe the table and most make an edge: the steps
 * are inlined, their calls cost more than their work.
 */
#if defined(__GNUC__)
#define STEP_INLINE static inline __attribute__((always_inline))
#else
#define STEP_INLINE static inline
#endif

uint32_t
trie_new_node(struct trie *tr, bool exact)
{
	struct node *n;

	if (tr->nnodes == TRIE_MAX_NODES)
		fatal("a taxonomy of over %u trie nodes", TRIE_MAX_NODES);
	xgrow((void **)&tr->nodes, &tr->capnodes, tr->nnodes + 1, sizeof *n);
	xgrow((void **)&tr->inslot, &tr->capinslot, tr->nnodes + 1,
	    sizeof *tr->inslot);
	n = &tr->nodes[tr->nnodes];
	n->hot.firsts = 0;
	n->hot.phrase = TRIE_NONE;
	n->hot.flags = exact ? TRIE_HOT_EXACT : 0;
	n->terms = TRIE_NONE;
	n->soff = 0;
	n->prefix_lens = 0;
	tr->inslot[tr->nnodes] = TRIE_NONE;
	return (uint32_t)tr->nnodes++;
}

/* A child of PARENT, whose phrases match as PARENT's do. */
static uint32_t
trie_new_child(struct trie *tr, uint32_t parent)
{
	return trie_new_node(tr, (tr->nodes[parent].hot.flags &
	    TRIE_HOT_EXACT) != 0);
}

/* The copy of NODE's hot part in the edge into it, if one leads there. */
static void
trie_sync(struct trie *tr, uint32_t node)
{
	if (tr->inslot[node] != TRIE_NONE)
		tr->edges[tr->inslot[node]].hot = tr->nodes[node].hot;
}

/* Whether the edge with KEY leads to a gate's bucket, not a node. */
static bool
trie_is_gate(uint32_t key)
{
	return (key & 7) == TOK_GATE;
}

static void
trie_rehash(struct trie *tr, size_t cap)
{
	struct edge *old = tr->edges;
	uint64_t *ohashes = tr->hashes;
	size_t ocap = tr->capedges, i, j;

	tr->edges = xcalloc(cap, sizeof *tr->edges);
	/* Read only where an edge is. */
	tr->hashes = xreallocarray(NULL, cap, sizeof *tr->hashes);
	tr->capedges = cap;
	for (i = 0; i < ocap; i++) {
		if (old[i].key == 0)
			continue;
		for (j = ohashes[i] & (cap - 1); tr->edges[j].key != 0;
		    j = (j + 1) & (cap - 1))
			;
		tr->edges[j] = old[i];
		tr->hashes[j] = ohashes[i];
		if (!trie_is_gate(old[i].key))
			tr->inslot[old[i].child] = (uint32_t)j;
	}
	free(old);
	free(ohashes);
}

static void
trie_set_prefix_bit(struct trie *tr, uint64_t h)
{
	h >>= 64 - PREFIX_BITS;
	tr->prefixbits[h / 64] |= 1ULL << (h % 64);
}

static uint32_t
trie_store_str(struct trie *tr, const char *str, size_t len)
{
	size_t off = tr->nstrs;

	xgrow((void **)&tr->strs, &tr->capstrs, tr->nstrs + len + 1, 1);
	memcpy(tr->strs + tr->nstrs, str, len);
	tr->nstrs += len;
	return (uint32_t)off;
}

/*
 * The slot of the edge PARENT --STR--> (STR hashed TH, the edge *H), or of
 * the empty one where trie_insert_edge puts it, with room made first.
 */
STEP_INLINE size_t
trie_slot(struct trie *tr, uint32_t parent, uint8_t kind, uint64_t th,
    const char *str, size_t len, uint64_t *h)
{
	size_t i;

	*h = trie_edge_hash(parent, kind, th);
	i = trie_probe(tr, parent, kind, *h, str, len);
	if (tr->edges[i].key == 0 && (tr->nedges + 1) * 2 > tr->capedges) {
		/* The slots move. */
		trie_rehash(tr, tr->capedges * 2);
		i = trie_probe(tr, parent, kind, *h, str, len);
	}
	return i;
}

/*
 * The edge PARENT --STR--> CHILD in the empty slot I (trie_slot, hashed
 * H); CHILD is a node that keeps STR's bytes where they are over eight,
 * or a bucket (of a gate, never over eight).
 */
STEP_INLINE void
trie_insert_edge(struct trie *tr, size_t i, uint64_t h, uint32_t parent,
    uint8_t kind, const char *str, size_t len, uint32_t child)
{
	struct edge *e = &tr->edges[i];
	uint32_t slen = (uint32_t)len;

	e->first = trie_first(str, len);
	e->key = trie_edge_key(parent, kind, len);
	e->child = child;
	if (trie_is_gate(e->key))
		memset(&e->hot, 0, sizeof e->hot);
	else {
		e->hot = tr->nodes[child].hot;
		tr->inslot[child] = (uint32_t)i;
	}
	tr->hashes[i] = h;
	if (len > 8) {
		tr->nodes[child].soff = trie_store_str(tr, (const char *)&slen,
		    sizeof slen);
		trie_store_str(tr, str, len);
	}
	tr->nedges++;
}

/* A `*` word of GATE bytes or more goes into its gate's bucket. */
static uint32_t
trie_add_long_prefix(struct trie *tr, uint32_t parent, uint8_t spaced,
    const char *str, size_t len)
{
	uint64_t gh = token_hash(str, GATE);
	uint8_t kind = TOK_GATE | spaced;
	uint64_t h;
	size_t i = trie_slot(tr, parent, kind, gh, str, GATE, &h);
	uint32_t b = tr->edges[i].child, r, child;
	struct pref *p;

	if (tr->edges[i].key == 0) {
		xgrow((void **)&tr->buckets, &tr->capbuckets, tr->nbuckets + 1,
		    sizeof *tr->buckets);
		b = (uint32_t)tr->nbuckets++;
		tr->buckets[b] = TRIE_NONE;
		trie_insert_edge(tr, i, h, parent, kind, str, GATE, b);
		trie_set_prefix_bit(tr, h);
	}
	for (r = tr->buckets[b]; r != TRIE_NONE; r = tr->prefs[r].next)
		if (tr->prefs[r].len == len &&
		    memcmp(tr->strs + tr->prefs[r].soff, str, len) == 0)
			return tr->prefs[r].child;
	child = trie_new_child(tr, parent);
	tr->nodes[parent].prefix_lens |= 1ULL << (len > 64 ? 63 : len - 1);
	tr->nodes[parent].hot.flags |= TRIE_HOT_PREFIX;
	tr->nodes[parent].hot.firsts |= 1ULL << ((uint8_t)str[0] % 64);
	trie_sync(tr, parent);
	xgrow((void **)&tr->prefs, &tr->capprefs, tr->nprefs + 1,
	    sizeof *tr->prefs);
	p = &tr->prefs[tr->nprefs];
	p->first = trie_first(str, len);
	p->len = (uint32_t)len;
	p->soff = trie_store_str(tr, str, len);
	p->child = child;
	p->next = tr->buckets[b];
	tr->buckets[b] = (uint32_t)tr->nprefs++;
	return child;
}

/* Adds the edge PARENT --token--> child, of STR in the root's case. */
uint32_t
trie_add_edge(struct trie *tr, uint32_t parent, uint8_t kind,
    uint64_t th, const char *str, size_t len)
{
	uint8_t base = kind & ~TOK_SPACED;
	struct trie_hot was;
	struct node *n;
	uint32_t child;
	uint64_t h;
	size_t i;

	if (base == TOK_PREFIX && len >= GATE)
		return trie_add_long_prefix(tr, parent, kind & TOK_SPACED, str, len);
	i = trie_slot(tr, parent, kind, th, str, len, &h);
	if (tr->edges[i].key != 0)
		return tr->edges[i].child;
	child = trie_new_child(tr, parent);
	n = &tr->nodes[parent];
	was = n->hot;
	n->hot.firsts |= 1ULL << ((uint8_t)str[0] % 64);
	if (base == TOK_PREFIX) {
		n->prefix_lens |= 1ULL << (len - 1);
		n->hot.flags |= TRIE_HOT_PREFIX;
		trie_set_prefix_bit(tr, h);
	}
	/* Most edges out of a node start with a byte one already did. */
	if (n->hot.firsts != was.firsts || n->hot.flags != was.flags)
		trie_sync(tr, parent);
	trie_insert_edge(tr, i, h, parent, kind, str, len, child);
	return child;
}


void
trie_init(struct trie *tr)
{
	memset(tr, 0, sizeof *tr);
	tr->capedges = 256;
	tr->edges = xcalloc(tr->capedges, sizeof *tr->edges);
	tr->hashes = xreallocarray(NULL, tr->capedges, sizeof *tr->hashes);
}

void
trie_free(struct trie *tr)
{
	free(tr->nodes);
	free(tr->inslot);
	free(tr->terms);
	free(tr->edges);
	free(tr->hashes);
	free(tr->strs);
	free(tr->prefs);
	free(tr->buckets);
}

size_t
trie_memory(const struct trie *tr)
{
	return tr->capnodes * sizeof *tr->nodes +
	    tr->capinslot * sizeof *tr->inslot +
	    tr->capterms * sizeof *tr->terms +
	    tr->capedges * (sizeof *tr->edges + sizeof *tr->hashes) +
	    tr->capstrs + tr->capprefs * sizeof *tr->prefs +
	    tr->capbuckets * sizeof *tr->buckets;
}

void
trie_reserve(struct trie *tr, size_t n)
{
	size_t cap = tr->capedges;

	/* trie_insert_edge's bound, for N edges more. */
	while ((tr->nedges + n + 1) * 2 > cap)
		cap *= 2;
	if (cap != tr->capedges)
		trie_rehash(tr, cap);
	xgrow((void **)&tr->nodes, &tr->capnodes, tr->nnodes + n,
	    sizeof *tr->nodes);
	xgrow((void **)&tr->inslot, &tr->capinslot, tr->nnodes + n,
	    sizeof *tr->inslot);
	xgrow((void **)&tr->terms, &tr->capterms, tr->nterms + n,
	    sizeof *tr->terms);
}

void
trie_add_term(struct trie *tr, uint32_t node, uint32_t phrase)
{
	struct node *n = &tr->nodes[node];

	/* The node's phrase so far goes to the list, before the others. */
	if (n->hot.phrase != TRIE_NONE) {
		xgrow((void **)&tr->terms, &tr->capterms, tr->nterms + 1,
		    sizeof *tr->terms);
		tr->terms[tr->nterms].phrase = n->hot.phrase;
		tr->terms[tr->nterms].next = n->terms;
		n->terms = (uint32_t)tr->nterms++;
		n->hot.flags |= TRIE_HOT_TERMS;
	}
	n->hot.phrase = phrase;
	trie_sync(tr, node);
}
