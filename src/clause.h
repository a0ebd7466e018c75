/*
 * clause: which words of a sentence make its core, the fact it states,
 * and which only frame it.  A careful reader of two sentences asks
 * whether their main clauses agree; who said it, when and where, the
 * clause that recalls an earlier event ("after ...", "which ...") and the
 * aside in brackets are what the fact is told with, not the fact.  Words
 * of a multi-word name ("House Ways and Means Committee", "Treasury
 * Secretary Steven Mnuchin") are told apart too: a title inside a name
 * says who, not what happened.
 *
 * clause_roles reads a sentence already cut into words (words.h) and
 * writes one role per word into an array the caller owns.
 */
#ifndef PARALLAX_CLAUSE_H
#define PARALLAX_CLAUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "words.h"

#define CLAUSE_SIDE 0x1	/* in a side clause, an aside or an attribution */
#define CLAUSE_NAME 0x2	/* inside a name of two or more capitalised words */

/* Speakers are told apart by a hash below this (it fits 29 bits). */
#define CLAUSE_SPEAKER_MASK 0x1fffffffu

/*
 * Sets ROLE[i] (W->n entries) to the CLAUSE_* bits of word I of TEXT and
 * returns who the sentence says is speaking: a hash of the speaker's
 * name (its last word) or title, from 1 to CLAUSE_SPEAKER_MASK, or 0 when
 * it names none ("he said", no attribution).
 */
uint32_t clause_roles(const char *text, const struct words *w,
    unsigned char *role);

/* What separates two words (clause_gap). */
#define CLAUSE_GAP_BREAK 0x1	/* , ; : quotation mark ? ! */
#define CLAUSE_GAP_DASH 0x2	/* -- or an em or en dash */
#define CLAUSE_GAP_OPEN 0x4	/* ( [ */
#define CLAUSE_GAP_CLOSE 0x8	/* ) ] */
#define CLAUSE_GAP_COMMA 0x10	/* , (a break too) */
#define CLAUSE_GAP_SEMICOLON 0x20	/* ; (a break too) */

/* What lies in TEXT from byte FROM to TO, between two words: the
 * CLAUSE_GAP_* bits. */
unsigned clause_gap(const char *text, size_t from, size_t to);

/* Whether word I of W is a verb of saying ("said", "told"). */
bool clause_reporting(const struct words *w, size_t i);

#endif
