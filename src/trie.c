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

uint32_t
trie_new_node(struct trie *tr, uint8_t mode)
{
	struct node *n;

	if (tr->nnodes == TRIE_MAX_NODES)
		fatal("a taxonomy of over %u trie nodes", TRIE_MAX_NODES);
	xgrow((void **)&tr->nodes, &tr->capnodes, tr->nnodes + 1, sizeof *n);
	n = &tr->nodes[tr->nnodes];
	n->phrase = TRIE_NONE;
	n->terms = TRIE_NONE;
	n->soff = 0;
	n->prefix_lens = 0;
	n->firsts = 0;
	n->mode = mode;
	return (uint32_t)tr->nnodes++;
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
 * The edge PARENT --STR--> CHILD; CHILD is a node that keeps STR's bytes
 * where they are over eight, or a bucket (of a gate, never over eight).
 */
static void
trie_insert_edge(struct trie *tr, uint32_t parent, uint8_t kind, uint64_t th,
    const char *str, size_t len, uint32_t child)
{
	struct edge *e;
	uint64_t h;
	uint32_t slen = (uint32_t)len;
	size_t i;

	if ((tr->nedges + 1) * 2 > tr->capedges)
		trie_rehash(tr, tr->capedges * 2);
	h = trie_edge_hash(parent, kind, th);
	for (i = h & (tr->capedges - 1); tr->edges[i].key != 0;
	    i = (i + 1) & (tr->capedges - 1))
		;
	e = &tr->edges[i];
	e->first = trie_first(str, len);
	e->key = trie_edge_key(parent, kind, len);
	e->child = child;
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
	uint32_t b, r, child;
	struct pref *p;

	b = trie_lookup(tr, parent, kind, gh, str, GATE);
	if (b == TRIE_NONE) {
		xgrow((void **)&tr->buckets, &tr->capbuckets, tr->nbuckets + 1,
		    sizeof *tr->buckets);
		b = (uint32_t)tr->nbuckets++;
		tr->buckets[b] = TRIE_NONE;
		trie_insert_edge(tr, parent, kind, gh, str, GATE, b);
		trie_set_prefix_bit(tr, trie_edge_hash(parent, kind, gh));
	}
	for (r = tr->buckets[b]; r != TRIE_NONE; r = tr->prefs[r].next)
		if (tr->prefs[r].len == len &&
		    memcmp(tr->strs + tr->prefs[r].soff, str, len) == 0)
			return tr->prefs[r].child;
	child = trie_new_node(tr, tr->nodes[parent].mode);
	tr->nodes[parent].prefix_lens |= 1ULL << (len > 64 ? 63 : len - 1);
	tr->nodes[parent].firsts |= 1ULL << ((uint8_t)str[0] % 64);
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
	uint32_t child;

	if (base == TOK_PREFIX && len >= GATE)
		return trie_add_long_prefix(tr, parent, kind & TOK_SPACED, str, len);
	child = trie_lookup(tr, parent, kind, th, str, len);
	if (child != TRIE_NONE)
		return child;
	child = trie_new_node(tr, tr->nodes[parent].mode);
	tr->nodes[parent].firsts |= 1ULL << ((uint8_t)str[0] % 64);
	if (base == TOK_PREFIX) {
		tr->nodes[parent].prefix_lens |= 1ULL << (len - 1);
		trie_set_prefix_bit(tr, trie_edge_hash(parent, kind, th));
	}
	trie_insert_edge(tr, parent, kind, th, str, len, child);
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
	xgrow((void **)&tr->terms, &tr->capterms, tr->nterms + n,
	    sizeof *tr->terms);
}

void
trie_add_term(struct trie *tr, uint32_t node, uint32_t phrase)
{
	struct node *n = &tr->nodes[node];

	/* The node's phrase so far goes to the list, before the others. */
	if (n->phrase != TRIE_NONE) {
		xgrow((void **)&tr->terms, &tr->capterms, tr->nterms + 1,
		    sizeof *tr->terms);
		tr->terms[tr->nterms].phrase = n->phrase;
		tr->terms[tr->nterms].next = n->terms;
		n->terms = (uint32_t)tr->nterms++;
	}
	n->phrase = phrase;
}
