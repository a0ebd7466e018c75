/*
 * event: events by the WordNet keys of their verbs (event.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "lexicon.h"
#include "xalloc.h"

/*
 * Most steps from one verb's sense to the other's through a synset above
 * either or both (lexicon.h): 3 joins "added" (increase one step up) and
 * "rose" (two), and siblings under one synset.
 */
#ifndef EVENT_STEPS
#define EVENT_STEPS 3
#endif

uint32_t
event_add(struct event_set *e, const char *word, size_t len)
{
	return vocab_intern(&e->words, 'e', word, len);
}

void
event_resolve(struct event_set *e)
{
	uint64_t keys[LEXICON_MAX];
	size_t i, n, cap = 256;

	e->first = xreallocarray(NULL, e->words.n + 1, sizeof *e->first);
	e->count = xreallocarray(NULL, e->words.n + 1, sizeof *e->count);
	/* Never NULL, even for no keys: event_same offsets into it. */
	e->keys = xreallocarray(NULL, cap, sizeof *e->keys);
	for (i = 0; i < e->words.n; i++) {
		/* The key is the kind byte, then the word. */
		n = lexicon_event(e->words.pool.data + e->words.off[i] + 1,
		    e->words.len[i] - 1, keys);
		if (e->nkeys + n > cap) {
			cap = (e->nkeys + n) * 2 + 256;
			e->keys = xreallocarray(e->keys, cap, sizeof *e->keys);
		}
		/* A word WordNet has no verb for adds nothing. */
		if (n > 0)
			memcpy(e->keys + e->nkeys, keys, n * sizeof *keys);
		e->first[i] = (uint32_t)e->nkeys;
		e->count[i] = (uint8_t)n;
		e->nkeys += n;
	}
}

bool
event_same(const struct event_set *e, uint32_t a, uint32_t b)
{
	const uint64_t *ka, *kb;
	uint64_t ya, yb, la, lb;
	size_t i = 0, j = 0;
	bool same = false;

	if (a == b)
		return true;
	ka = e->keys + e->first[a];
	kb = e->keys + e->first[b];
	while (i < e->count[a] && j < e->count[b]) {
		ya = ka[i] & LEXICON_EVENT_KEY;
		yb = kb[j] & LEXICON_EVENT_KEY;
		if (ya == yb) {
			la = ka[i] >> LEXICON_EVENT_SHIFT;
			lb = kb[j] >> LEXICON_EVENT_SHIFT;
			/* One verb's sense is the other's antonym. */
			if ((la == LEXICON_EVENT_OPPOSITE && lb == 0) ||
			    (lb == LEXICON_EVENT_OPPOSITE && la == 0))
				return false;
			same |= la + lb <= EVENT_STEPS;
		}
		i += ya <= yb;
		j += yb <= ya;
	}
	return same;
}

void
event_free(struct event_set *e)
{
	vocab_free(&e->words);
	free(e->first);
	free(e->count);
	free(e->keys);
	memset(e, 0, sizeof *e);
}
