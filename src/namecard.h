/*
 * namecard: a name's pop-up card that extraction ran into the sentence
 * where the name stands.  The Hill links a name to a card holding the
 * full name and three headlines, ending "MORE"; newspaper extraction
 * leaves all of it in the text: "from two of President Trump Donald John
 * TrumpGOP senators balk at lengthy impeachment trial ... MORE's 2016
 * campaign aides".  The card is cut out, so the sentence reads as written
 * ("from two of President Trump's 2016 campaign aides") and no headline
 * of another story reaches a claim.  It runs on a paragraph before it is
 * split, so the splitter never cuts inside a card.  The full name may
 * stand apart from the first headline ("Paul Ryan Paul Davis Ryan
 * Retirees should say ... MORE").
 */
#ifndef PARALLAX_NAMECARD_H
#define PARALLAX_NAMECARD_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A copy of S, of LEN bytes, with every card cut out, its length in
 * *OUTLEN; NULL, with nothing allocated, when S holds no card.  The
 * caller frees the copy.
 */
char *namecard_cut(const char *s, size_t len, size_t *outlen);

/*
 * Whether S, of LEN bytes, may hold a card: a "MORE" stands somewhere in
 * it.  A text with none has no card in any of its parts, which then need
 * no namecard_cut.
 */
bool namecard_may_hold(const char *s, size_t len);

#endif
