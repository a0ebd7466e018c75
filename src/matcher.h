/*
 * matcher: every phrase of a taxonomy compiled into one token-level trie,
 * matched against a sentence in one pass (see parallax-taxonomy(5), the
 * six matching rules).
 *
 * Text and phrases are cut into tokens after Unicode NFC and the quote and
 * dash mappings: a maximal run of word characters (letters, decimal digits,
 * `_`) or any other single character but white space, each token knowing
 * whether white space came before it.  A phrase then matches where its
 * tokens equal consecutive text tokens, which is exactly where a
 * boundary-checked substring search would find it, except inside a
 * number: a match may not begin or end between digits joined by a full
 * stop or comma (rule 3).  Phrases are looked up token by token in one
 * hash table, with filters that rule out most tokens in a bit test, so
 * the cost per sentence barely grows with the number of phrases.  Text is cut 64 bytes at a time and only the bytes around
 * characters that normalisation, the mappings or folding change go through
 * them; most tokens are tested against the filters and never written.
 *
 * The matcher owns copies of what it needs; phrases are identified by the
 * index matcher_add returned.  A scratch holds per-call buffers: one per
 * thread, freed with matcher_scratch_free.
 */
#ifndef PARALLAX_MATCHER_H
#define PARALLAX_MATCHER_H

#include <stdbool.h>
#include <stddef.h>

struct matcher;
struct matcher_scratch;

enum matcher_case {
	MATCHER_FOLD,		/* Unicode simple case folding */
	MATCHER_EXACT		/* case matters */
};

/* Called once per match: phrase index, byte span into the original text. */
typedef void (*matcher_cb)(void *arg, size_t phrase, size_t start,
    size_t end);

struct matcher *matcher_new(void);
void matcher_free(struct matcher *m);

/*
 * Adds a phrase and returns its index (0, 1, 2, ... in the order added).
 * A phrase with no tokens (empty, white space only) never matches.
 */
size_t matcher_add(struct matcher *m, const char *phrase, size_t len,
    enum matcher_case mode);

/*
 * Makes room for N more phrases before they are added: a hint (the
 * phrases match the same either way) that saves growing the tables step
 * by step.
 */
void matcher_reserve(struct matcher *m, size_t n);

/* Number of phrases added. */
size_t matcher_count(const struct matcher *m);

/* Bytes the compiled structure holds (for benchmarks). */
size_t matcher_memory(const struct matcher *m);

struct matcher_scratch *matcher_scratch_new(void);
void matcher_scratch_free(struct matcher_scratch *s);

/*
 * Reports every match in TEXT (any bytes; invalid UTF-8 reads as U+FFFD),
 * in ascending start order.  Returns the number of matches.
 */
size_t matcher_find(const struct matcher *m, struct matcher_scratch *s,
    const char *text, size_t len, matcher_cb cb, void *arg);

/*
 * Why a keyword cannot be used, or NULL when it can: empty or white space
 * only, a NUL byte, a `*` that does not end a word.  The message is static.
 */
const char *matcher_phrase_problem(const char *phrase, size_t len);

/* True for a word character: a Unicode letter, a decimal digit or `_`. */
bool matcher_is_word_char(int cp);

#endif
