/*
 * namepart: whether a capitalised word of a sentence continues a name that
 * a capitalised word before it begins: "Mexico" in "Albuquerque, New
 * Mexico", "Israel" in "Rep. Steve Israel", "Dutch" in "Royal Dutch
 * Shell"; and where a name would begin after an office ("a soldier of
 * the Islamic State").  The tagger reads a place keyword found so as part
 * of another name (parallax-taxonomy(5), rule 10), an office so as the
 * name's (rule 9).  It reads only the words before
 * the span, in bytes of UTF-8 text; nothing here allocates.
 */
#ifndef PARALLAX_NAMEPART_H
#define PARALLAX_NAMEPART_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether the word at TEXT[START] follows, across white space only, a
 * word written with a capital that may begin a name, which it returns in
 * [*WORD_START, *WORD_END).  Not such a word: the sentence's first word
 * or a quotation's (capitalised for its place), one after a colon, a
 * possessive ("Putin's Russia"), an abbreviation with a full stop
 * ("U.S.", "Gov."), a compass point or "Great" ("South China", "Great
 * Britain": the place's own name), a word of grammar ("The", "In",
 * "Will"), a word in capitals only (an acronym, "US", or a headline's,
 * "RALLY IN NEW MEXICO").
 */
bool namepart_after_name(const char *text, size_t len, size_t start,
    size_t *word_start, size_t *word_end);

/*
 * Where one of NAMES[0, N) ends right before TEXT[START], across white
 * space, with or without a possessive ('s or ', straight or curly) and
 * not inside a longer word: "Texas Attorney General", "California's
 * attorney general".  Returns the name's first byte, or START when none
 * does (rule 11).
 */
size_t namepart_listed_before(const char *text, size_t start,
    char *const *names, size_t n);

/* Where a body's name would start after "of" and an optional "the" at
 * END of TEXT[0, LEN) ("a soldier of the Islamic State", "president of
 * American Bridge"), or LEN; *THE says whether "the" stood there (rules
 * 9 and 13). */
size_t namepart_of(const char *text, size_t len, size_t end, bool *the);

#endif
