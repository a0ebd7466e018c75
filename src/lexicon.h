/*
 * lexicon: what WordNet knows of an English word, for the claim linker:
 * the synsets of the first senses of each of its base forms (WordNet's
 * morphology: "fired" -> "fire", "fell" -> "fall") as a noun, a verb and
 * an adjective, and of their derivations ("resign" - "resignation").  Two
 * words that share a synset can say the same thing ("fired" and
 * "dismissed", "resign" and "resignation").
 *
 * WordNet's C library keeps global state and is not thread-safe, and each
 * query reads its files: every query holds one process-wide lock, and the
 * answers are cached for the life of the process.  The lexicon owns its
 * cache; callers get copies.  Without WordNet's database every word has
 * no synsets and linking goes on by stems alone.
 */
#ifndef PARALLAX_LEXICON_H
#define PARALLAX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Synsets given per word at most. */
#define LEXICON_MAX 24

/*
 * Copies to OUT (room for LEXICON_MAX) the synset keys of WORD (LEN
 * bytes, folded lower case) and returns how many; 0 for a word WordNet
 * does not know.
 */
size_t lexicon_synsets(const char *word, size_t len, uint64_t *out);

/* An event key: a synset (LEXICON_EVENT_KEY) and how many steps above
 * the verb's own senses it is (the bits from LEXICON_EVENT_SHIFT). */
#define LEXICON_EVENT_SHIFT 56
#define LEXICON_EVENT_KEY ((UINT64_C(1) << LEXICON_EVENT_SHIFT) - 1)
/* The level of an antonym's synset: "rise" and "fall" are no one event,
 * though both are "move" one step up. */
#define LEXICON_EVENT_OPPOSITE 7

/*
 * Copies to OUT (room for LEXICON_MAX) the keys of the events VERB (LEN
 * bytes, folded; a phrasal verb's words joined by "_": "forced_out") can
 * name, sorted by synset: the synsets of its first senses as a verb,
 * their verb groups and the nouns derived from them at level 0, and the
 * synsets one and two steps above them at levels 1 and 2, and their
 * antonyms at LEXICON_EVENT_OPPOSITE.  Two verbs
 * whose keys share a synset, at levels adding up to 3 or less, can state
 * one event: "added" (increase at 1) and "rose" (increase at 2).  A word
 * WordNet has as no verb gives its first senses as a noun and their
 * derivations ("resignation"), all at level 0; 0 for one it does not know.
 */
size_t lexicon_event(const char *verb, size_t len, uint64_t *out);

#endif
