/*
 * call: a call to act addressed to the reader, pointing at something the
 * page links to: an imperative of the verbs that send a reader to a link
 * (read, watch, see, listen, vote, visit, click, sign up, download, ...)
 * that ends on "here" ("Vote Here!", "Read the full report here.") or
 * names the outlet's own ("Check our Candidate Tracker to find out."),
 * or that ends in a colon over what the page linked ("Watch Kelly
 * attempt to confront Cruz on ...:").  Which of them are furniture by
 * where they stand is boilerplate.c's say.  Nothing is allocated.
 */
#ifndef PARALLAX_CALL_H
#define PARALLAX_CALL_H

#include <stdbool.h>

#include "furniture.h"

/* The verbs' first bytes (call.c). */
extern const bool call_first[256];

/* Could L be a call, by its first byte: an upper-case letter among the
 * verbs' first?  Asked of every line before the calls below, here, where
 * a call to ask it cost 3.5 M instructions over the archive. */
static inline bool
call_may(const struct furniture_line *l)
{
	return l->len > 0 && call_first[(unsigned char)l->s[0]];
}

/* The I-th verb a call opens with, or NULL past the last (plainline.c's). */
const char *call_opening(size_t i);

/* A call pointing at a link: the verb, at most CALL_WORDS words, ending
 * on "here" or with "our" after the verb. */
bool call_pointer(struct furniture_line *l);

/* A call ending in a colon, over what the page linked. */
bool call_label(struct furniture_line *l);

#endif
