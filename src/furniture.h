/*
 * furniture: the shapes of the site furniture lines that newspaper
 * extraction leaves in a body, one sentence at a time: a video's length
 * or title, a separator, a credit, an embedded post's line, another
 * story's headline in capitals, a name's pop-up card, a shop widget's
 * line, a byline; and the word counts and sentence ends they are told
 * by.  boilerplate.c holds the phrases and decides per paragraph.
 * Nothing is allocated or freed.
 */
#ifndef PARALLAX_FURNITURE_H
#define PARALLAX_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>

struct sentence;

/* The words of S, counted no further than MOST + 1. */
size_t furniture_words(const char *s, size_t len, size_t most);

/* LEN less the closing quotes and brackets that end S (the stop of
 * "...said.\u201d" stands before them). */
size_t furniture_unclosed(const char *s, size_t len);

/* Does S end as a sentence does: a stop, or a closing quote or bracket? */
bool furniture_stopped(const char *s, size_t len);

/* A line that is furniture by its shape alone: a clock or a video's
 * length, a separator, a bare "ET" or "AD", a line to follow a social
 * handle, a note that the story was updated or a sign-up, a video's
 * title with its length, a credit ("Jordain Carney contributed."), an
 * embedded post's line of under MOST bytes. */
bool furniture_shape(const char *s, size_t len, size_t most);

/* Another story's headline in capitals. */
bool furniture_related_caps(const struct sentence *s);

/* A name's pop-up card left in the text, as a short line of its own. */
bool furniture_name_card(const struct sentence *s);

/* A shop widget's line: a product and its price. */
bool furniture_shop(const struct sentence *s);

/* A byline: "By Jane Doe and John Roe, Reuters". */
bool furniture_byline(const struct sentence *s);

/* A name alone, the byline without its "By" ("William Cummings"). */
bool furniture_name(const struct sentence *s);

/* A photo's credit line ("REUTERS/Jim Young", "(Carlos Barria/Reuters)",
 * "| Andy Wong/AP Photo"). */
bool furniture_credit(const char *s, size_t len);

/* The first line of a video player's box ("CLOSE Hillary Clinton said..."):
 * its paragraph is the box. */
bool furniture_video_box(const struct sentence *s);

/* The last line of a columnist's bio ("The opinions expressed in this
 * commentary are his own."): its paragraph is the bio. */
bool furniture_bio_end(const struct sentence *s);

/* A short line ending in a web address other than an embedded post's. */
bool furniture_link_line(const char *s, size_t len);

/* The outlet's own name alone ("USA TODAY"); OUTLET may be NULL. */
bool furniture_outlet(const struct sentence *s, const char *outlet);

#endif
