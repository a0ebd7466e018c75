/*
 * namecard: a name's pop-up card that extraction ran into the sentence
 * where the name stands.  The Hill links a name to a card holding the
 * full name and three headlines, ending "MORE"; newspaper extraction
 * leaves all of it in the text: "from two of President Trump Donald John
 * TrumpGOP senators balk at lengthy impeachment trial ... MORE's 2016
 * campaign aides".  The card is cut out, so the sentence reads as written
 * ("from two of President Trump's 2016 campaign aides") and no headline
 * of another story reaches a claim.  Edits in place; allocates nothing.
 */
#ifndef PARALLAX_NAMECARD_H
#define PARALLAX_NAMECARD_H

#include <stddef.h>

struct span;

/*
 * Cuts every card out of S, of LEN bytes, moving the bytes after it
 * down; returns the new length.  The *NQUOTES spans QUOTES, offsets into
 * S, follow the text; one inside a card goes.
 */
size_t namecard_cut(char *s, size_t len, struct span *quotes,
    size_t *nquotes);

#endif
