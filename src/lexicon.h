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

#endif
