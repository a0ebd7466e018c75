/*
 * caption: a photo's credit and caption as newspaper extraction leaves
 * them in a body, one sentence at a time: the credit line's shapes (an
 * agency and a slash, a label, a bar of capitalised parts) and a caption
 * that says who is pictured.  Which lines over a credit are its caption is
 * boilerplate.c's say.  Nothing is allocated or freed.
 */
#ifndef PARALLAX_CAPTION_H
#define PARALLAX_CAPTION_H

#include <stdbool.h>

#include "furniture.h"

/* A photo's credit line ("REUTERS/Jim Young", "(Carlos Barria/Reuters)",
 * "| Andy Wong/AP Photo"): the line over it is its caption, in its
 * paragraph or the one before. */
bool caption_credit(struct furniture_line *l);

/* May a line of FACTS be a credit, caption_credit's: not ending in a
 * stop, opening with a capital, a bracket or a bar? */
static inline bool
caption_credit_may(unsigned facts)
{
	return (facts & FURNITURE_ENDS_STOP) == 0 &&
	    (facts & (FURNITURE_OPENS_UPPER | FURNITURE_OPENS_MARK)) != 0;
}

/* A credit that only its paragraph shows to be one: a photographer's
 * name and the agency's ("Win McNamee/Getty Images"), a label not in
 * brackets ("Image source: Screenshot from Twitter", "Credit: ..."),
 * "Credit Marco Garcia/Associated Press", "Credit Kevin Liles for The
 * New York Times", "Photographer: Saul Loeb/AFP via Getty Images", or a
 * bar of capitalised parts ("Bill Baptist | National Basketball
 * Association | Getty Images"). */
bool caption_credit_line(struct furniture_line *l);

/* May a line of FACTS be caption_credit_line's: opening with a capital,
 * ending in a name, a number or a bracket (so not as a sentence does,
 * save the bracket)? */
static inline bool
caption_credit_line_may(unsigned facts)
{
	return (facts & FURNITURE_OPENS_UPPER) != 0 && (facts &
	    (FURNITURE_ENDS_ALPHA | FURNITURE_ENDS_DIGIT |
	    FURNITURE_ENDS_BRACKET)) != 0;
}

/* A photo's caption that does not end as a sentence does and says who is
 * pictured ("Karl Racine (left) and Ken Paxton (right) held a ..."). */
bool caption_pictured(struct furniture_line *l);

#endif
