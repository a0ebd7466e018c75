/*
 * call: a call to act addressed to the reader, pointing at something the
 * page links to: an imperative of the verbs that send a reader to a link
 * (read, watch, see, listen, vote, visit, click, sign up, download, ...)
 * that ends on "here" ("Vote Here!", "Read the full report here.") or
 * names the outlet's own ("Check our Candidate Tracker to find out.",
 * "Visit Business Insider's homepage for more stories.") or a web
 * address, or that ends in a colon over what the page linked ("Watch Kelly
 * attempt to confront Cruz on ...:").  Which of them are furniture by
 * where they stand is boilerplate.c's say.  Nothing is allocated.
 */
#ifndef PARALLAX_CALL_H
#define PARALLAX_CALL_H

#include <stdbool.h>

#include "furniture.h"

/* Where each first byte's verbs start in call.c's table, and how many
 * there are (none for most bytes). */
extern const unsigned char call_first[256][2];

/* Could L be a call, by its first byte: an upper-case letter among the
 * verbs' first?  Asked of every line before the calls below, here, where
 * a call to ask it cost 3.5 M instructions over the archive. */
static inline bool
call_may(const struct furniture_line *l)
{
	return l->len > 0 && call_first[(unsigned char)l->s[0]][1] != 0;
}

/* The I-th verb a call opens with, or NULL past the last (plainline.c's). */
const char *call_opening(size_t i);

/* A call pointing at a link: the verb, at most CALL_WORDS words, ending
 * on "here" or with "our" after the verb. */
bool call_pointer(struct furniture_line *l);

/* A call ending in a colon, over what the page linked. */
bool call_label(struct furniture_line *l);

/* The outlet's name in OUTLET, the source's outlet ("CNN (Web News)",
 * "CNN - Editorial"): its length up to a bracket or a dash after a
 * space, 0 for none. */
size_t call_outlet_name(const char *outlet);

/* The shortest name call_outlet looks for: shorter ones ("AP") are words
 * of prose as often. */
#define CALL_NAME_LEN 3

/* A call sending the reader to the outlet's own pages or to a web
 * address: the verb, at most CALL_WORDS words, naming the outlet (its
 * NAME, of NAME_LEN bytes, in any case: "Visit Business Insider's
 * homepage for more stories.", "View more opinion on CNN.") or holding
 * an address ("Watch the latest video at video.foxnews.com"). */
bool call_outlet(struct furniture_line *l, const char *name,
    size_t name_len);

#endif
