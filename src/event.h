/*
 * event: the events a story's sentences state (predicate.h finds each
 * sentence's word for it), and which of them can be one event: verbs
 * WordNet relates (lexicon_event: synonyms, the synset one step up, verb
 * groups, derived nouns), so that "added" meets "rose" and "forced out"
 * meets "fired".  Two events are compared by their keys, not joined into
 * groups, so "fired" ~ "dismissed" and "dismissed" ~ "released" never
 * make "fired" ~ "released".
 *
 * The set owns its words and keys (event_free).  A zeroed struct is an
 * empty set.
 */
#ifndef PARALLAX_EVENT_H
#define PARALLAX_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

#define EVENT_NONE UINT32_MAX

struct event_set {
	struct vocab words;	/* "added", "forced_out" */
	uint32_t *first;	/* by word: its first key in keys */
	uint8_t *count;
	uint64_t *keys;		/* each word's, sorted */
	size_t nkeys;
};

/* The id of the event named by WORD (LEN bytes, folded). */
uint32_t event_add(struct event_set *e, const char *word, size_t len);
/* Looks up every event's keys; once all are added. */
void event_resolve(struct event_set *e);
/* Whether events A and B (ids, not EVENT_NONE) can be one event. */
bool event_same(const struct event_set *e, uint32_t a, uint32_t b);
void event_free(struct event_set *e);

#endif
