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

#endif
