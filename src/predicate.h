/*
 * predicate: the event a sentence's core states, as a word of it: the
 * main verb of its main clause ("Restaurants and bars added 38,000
 * jobs": "added"), with the particle that makes it a phrasal verb
 * ("Hagel was forced out": "forced out").  Two sentences whose events
 * WordNet relates (lexicon_event) and that share what the events are
 * about state one fact even when they share few words ("added 38,000"
 * and "rose by 38,000"); the same participants in other events do not.
 *
 * No parser: the event is the first word of the core (clause.h: not
 * framing, not inside a name) that reads as a verb by its form: a past
 * form ("-ed" not after an article, or an irregular one such as "rose"
 * or "shed"), or any word after an auxiliary, a modal or "to" ("will
 * raise", "has resigned", "to investigate").  A sentence with none has
 * no event, and is linked by its words alone.  Its participants are the
 * heads nearest the verb on either side in the core: "Restaurants and
 * bars added 38,000 jobs" is "bars" adding "38,000".  The caller owns every
 * array; nothing here allocates.
 */
#ifndef PARALLAX_PREDICATE_H
#define PARALLAX_PREDICATE_H

#include <stdbool.h>
#include <stddef.h>

#include "words.h"

#define PREDICATE_NONE ((size_t)-1)

/* Word indices of a sentence's event and its participants, or
 * PREDICATE_NONE. */
struct predicate {
	size_t verb;
	size_t particle;	/* "out" of "forced out" */
	size_t subject;		/* the nearest content word before the verb */
	size_t object;		/* the nearest content word or figure after */
};

/*
 * Finds the main event of the sentence split into W and its participants:
 * returns whether it has one.  ROLE holds each word's CLAUSE_* bits
 * (clause_roles), MINOR whether each is a stopword (none is an event but
 * "added", and none a participant).
 */
bool predicate_find(const struct words *w, const unsigned char *role,
    const bool *minor, struct predicate *out);

/*
 * Whether words FROM to TO of W hold a finite verb by its form: an
 * auxiliary ("is", "has", "will"; not "to" or "being") or a past form, as
 * predicate_find reads one.
 * Present forms in "-s" are not told from plural nouns, so a clause in
 * the present may have none.
 */
bool predicate_finite(const struct words *w, size_t from, size_t to);

#endif
