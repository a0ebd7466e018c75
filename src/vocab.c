/*
 * vocab: an open-addressing hash table over one pool of keys.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vocab.h"
#include "xalloc.h"

uint32_t
vocab_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void
vocab_rehash(struct vocab *v)
{
	size_t i, j, mask;

	free(v->slots);
	v->nslots = v->nslots == 0 ? 1024 : v->nslots * 2;
	v->slots = xcalloc(v->nslots, sizeof *v->slots);
	mask = v->nslots - 1;
	for (i = 0; i < v->n; i++) {
		for (j = v->hash[i] & mask; v->slots[j] != 0; j = (j + 1) & mask)
			continue;
		v->slots[j] = (uint32_t)i + 1;
	}
}

uint32_t
vocab_intern(struct vocab *v, char kind, const char *s, size_t len)
{
	char key[256];
	size_t j, mask, klen;
	uint32_t h, e;

	if (len > sizeof key - 1)
		len = sizeof key - 1;
	key[0] = kind;
	memcpy(key + 1, s, len);
	klen = len + 1;
	h = vocab_hash(key, klen);
	if ((v->n + 1) * 2 > v->nslots)
		vocab_rehash(v);
	mask = v->nslots - 1;
	for (j = h & mask; (e = v->slots[j]) != 0; j = (j + 1) & mask) {
		e--;
		if (v->hash[e] == h && v->len[e] == klen &&
		    memcmp(v->pool.data + v->off[e], key, klen) == 0)
			return e;
	}
	if (v->n == v->cap) {
		v->cap = v->cap == 0 ? 1024 : v->cap * 2;
		v->off = xreallocarray(v->off, v->cap, sizeof *v->off);
		v->len = xreallocarray(v->len, v->cap, sizeof *v->len);
		v->hash = xreallocarray(v->hash, v->cap, sizeof *v->hash);
		v->flags = xreallocarray(v->flags, v->cap, sizeof *v->flags);
	}
	e = (uint32_t)v->n++;
	v->off[e] = v->pool.len;
	v->len[e] = (uint32_t)klen;
	v->hash[e] = h;
	v->flags[e] = 0;
	strbuf_add(&v->pool, key, klen);
	v->slots[j] = e + 1;
	return e;
}

void
vocab_free(struct vocab *v)
{
	free(v->slots);
	free(v->off);
	free(v->len);
	free(v->hash);
	free(v->flags);
	free(v->df);
	free(v->weight);
	free(v->w2);
	free(v->number);
	strbuf_free(&v->pool);
}
