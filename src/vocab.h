/*
 * vocab: interned keys (a kind byte, then up to 254 bytes) with dense ids
 * 0..n-1, for the claim linker's features and its cache of folded words.
 * The vocab owns its keys and the per-id arrays its user fills (df,
 * weight, w2, number, allocated by the linker once all is interned);
 * vocab_free releases them all.  A zeroed struct is an empty vocab.
 */
#ifndef PARALLAX_VOCAB_H
#define PARALLAX_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct vocab {
	uint32_t *slots;	/* entry index + 1; 0 is empty */
	size_t nslots;
	size_t *off;		/* key offset in pool */
	uint32_t *len;
	uint32_t *hash;
	unsigned char *flags;
	uint32_t *df;
	double *weight;
	double *w2;		/* weight squared */
	bool *number;		/* a KIND_NUMBER feature */
	size_t n;
	size_t cap;
	struct strbuf pool;
};


/* FNV-1a of LEN bytes of S. */
uint32_t vocab_hash(const char *s, size_t len);
/* The id of KEY (KIND then LEN bytes of S, cut to 254), added when new. */
uint32_t vocab_intern(struct vocab *v, char kind, const char *s, size_t len);
void vocab_free(struct vocab *v);

#endif
