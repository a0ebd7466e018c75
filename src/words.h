/*
 * words: a sentence cut into word tokens, the unit in which claims are
 * compared and quotes aligned.  Each token keeps its byte span in the text
 * and a folded form: lower case, curly apostrophes read as ', a possessive
 * 's dropped, the dots of an acronym ("U.S.") dropped, and "%" read as
 * "percent".  A words object owns its tokens and their folded strings;
 * words_free releases them.
 */
#ifndef PARALLAX_WORDS_H
#define PARALLAX_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define WORD_CAPITAL	0x1	/* starts with an upper-case letter */
#define WORD_ACRONYM	0x2	/* two or more letters, all upper case */
#define WORD_NUMBER	0x4	/* starts with a digit */

struct word {
	size_t start;		/* byte span in the text */
	size_t end;
	size_t fold;		/* offset of the folded form in words.folds */
	size_t foldlen;
	unsigned flags;
};

struct words {
	struct word *items;
	size_t n;
	size_t cap;
	struct strbuf folds;	/* every folded form, each NUL-terminated */
};

#define WORDS_INIT { NULL, 0, 0, STRBUF_INIT }

/* Appends the tokens of TEXT (LEN bytes of valid UTF-8) to W. */
void words_split(struct words *w, const char *text, size_t len);

/* The folded form of token I: inline, as the claim linker asks for some
 * 200 a sentence (clause.h, predicate.h, unit.h, sentvec.h): 7.3 million
 * calls a link at 1,000 sources. */
static inline const char *
words_fold(const struct words *w, size_t i)
{
	return w->folds.data + w->items[i].fold;
}

/* Whether WORD is one of the N strings of LIST, sorted by strcmp. */
bool words_listed(const char *word, const char *const *list, size_t n);

/* Whether WORD is in LIST, an array of strings sorted by strcmp. */
#define WORDS_LISTED(word, list) \
	words_listed((word), (list), sizeof (list) / sizeof *(list))

/* Whether the folded form of token I of W is in LIST (as WORDS_LISTED). */
#define WORDS_IN(w, i, list) WORDS_LISTED(words_fold((w), (i)), (list))

/*
 * Rewrites a folded word (NUL-terminated, *LEN bytes, in place; it never
 * grows) from British to American spelling, so "recognising" and
 * "recognizing", "defence" and "defense" compare equal.
 */
void words_american(char *w, size_t *len);

void words_reset(struct words *w);
void words_free(struct words *w);

#endif
