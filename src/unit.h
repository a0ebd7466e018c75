/*
 * unit: a sentence that states two facts, cut into units that are each
 * linked on their own (claims.h), so that each can join another claim:
 * "X rose 3%, and Y said Z", "X; Y", "X, while Y", "X, but Y".  Side
 * clauses (relative, participial, "after ...": clause.h) stay inside
 * their unit.  Nothing here allocates: the caller owns every array.
 *
 * Measured in the tenth session (readings re-linked with gold.py relink,
 * changed rows judged again; tuned on): multi-outlet claims right ff
 * 22/50 -> 25/50, fe 24/50 -> 29/50, fd 20/50 -> 19/44 (44%, 48%, 40% ->
 * 50%, 58%, 43%).  Claim gold set: must-link pairs 222 -> 223 over every
 * set, cross-outlet wrong links 25 -> 26 (tests/claims-gold.sh says
 * where); seed gold 62 -> 59 of 67 pairs of sources (precision 1.000).
 * 4.8% of the body sentences of one article in twenty of the archive
 * are cut; of 50 cuts read, 3 are wrong ("fair and balanced", "and a
 * preview of", a list of verbs inside a relative clause) and 5 cut a
 * second verb inside a relative or "after" clause opened without a
 * comma, which still states a fact of its own.  Since the eleventh
 * session clause.h reads such a clause after the verb as a side clause,
 * whose words no cut splits: of the 776 cut sentences of that sample, 11
 * are no longer cut, 10 of them two verbs of one "after", "because" or
 * relative clause ("after police shot and killed a man") and one an
 * "and" whose subject is the main clause's.
 * The twelfth session cuts a second thing said ("Bolton says that Trump
 * sought Xi's help, and that Trump said Xi should go ahead"): in its
 * reading before the change (salt 12a) and in session 11's two, 5 mixed
 * claims held one such sentence beside another outlet's first or second
 * half.  The same sample of the archive (17,632 sentences): 765 -> 779
 * cut, 13 of the 14 new cuts right and one debatable (a sarcastic "says
 * that ... and that ..."); a list of things said ("that A, that B and
 * that C") and "said all of that" are left whole, as 3 wrong cuts of a
 * first version were.  Claim gold set and seed gold unchanged.
 * The thirteenth cuts it after a first thing said with no "that" ("Biden
 * said he would choose from six or seven people and that the vetting
 * will start soon"), a verb between: reading 12b's row 18 held one.
 */
#ifndef PARALLAX_UNIT_H
#define PARALLAX_UNIT_H

#include <stddef.h>

#include "words.h"

struct span;

/* The most units of one sentence. */
#define UNIT_MAX 4

/* A unit of a sentence: its words FROM to TO (exclusive). */
struct unit {
	size_t from;
	size_t to;
};

/*
 * Cuts the sentence TEXT, split into W, at a semicolon, and at a comma
 * before "and", "but", "while", "whereas" or "yet" that opens a new
 * clause: a subject (a pronoun, a determiner, a name or a figure) and a
 * verb before the clause's next break, with a verb in the unit before
 * too (predicate_finite), each UNIT_LEAST words or more ("A, B, and C"
 * is a list, not two facts); and at "and that" or "but that" after a
 * unit that reports what was said, with "that" or a clause of its own,
 * the second "that" opening the second unit.  The conjunction is in neither unit.  Never
 * inside a quotation (QUOTES, NQUOTES: byte spans of TEXT) or brackets,
 * so that a quote keeps its shingles, nor inside a side clause or an
 * aside (clause_roles, read into ROLE: room for W->n).  Writes the units
 * in order to UNIT (room for UNIT_MAX) and returns how many: 1 for a
 * sentence not cut.
 */
size_t unit_cut(const char *text, const struct words *w,
    const struct span *quotes, size_t nquotes, unsigned char *role,
    struct unit *unit);

#endif
