/*
 * sitephrase: the phrases of site and aggregator clutter, and how one
 * sentence is searched for them.
 *
 * Two tables: the clutter phrases ("Read more", "Related News", "This is
 * a developing story", "Subscribe"), each saying what its sentence is,
 * and the site furniture's ("Hide Caption", "Reporting by", "Newsletter"),
 * which mark a short line.  Most are looked for at a sentence's start, the
 * rest anywhere in it, all of those in one pass over a document's
 * sentences (phrasefilter.c on a CPU with AVX2).  boilerplate.c decides
 * per paragraph from what is found here.  The tables are built once, on
 * the first call from any thread; nothing is allocated or freed after.
 */
#ifndef PARALLAX_SITEPHRASE_H
#define PARALLAX_SITEPHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct furniture_line;
struct sentence;

/* What a clutter phrase says about its sentence. */
enum sitephrase_kind {
	SITEPHRASE_NONE,
	SITEPHRASE_LINE,	/* this sentence is clutter */
	SITEPHRASE_MORE,	/* "Read more »": a link after a teaser */
	SITEPHRASE_HEADING	/* "Related News": a list of other stories follows */
};

/* The phrases of both tables found anywhere in each of the N sentences
 * SN, into FOUND[i] (for sitephrase_read): in one pass over a document's
 * sentences where they lie back to back. */
void sitephrase_find_all(const struct sentence *sn, size_t n,
    uint64_t *found);

/* The strongest clutter phrase of the sentence L, short enough for it
 * (SITEPHRASE_NONE if none); *FURNITURE says, when there is none, whether
 * L is site furniture by a phrase or by its shape.  ANYWHERE: what
 * sitephrase_find_all found in L. */
enum sitephrase_kind sitephrase_read(struct furniture_line *l,
    uint64_t anywhere, bool *furniture);

/* The I-th phrase looked for at a sentence's start, clutter's then the
 * furniture's, in lowercase, or NULL past the last (plainline.c's). */
const char *sitephrase_opening(size_t i);

/* The length of the list bullet that opens S ("- ", "• "), or 0. */
size_t sitephrase_bullet(const char *s, size_t len);

/* Does S start with the lowercase WHAT of N bytes, ignoring ASCII case? */
bool sitephrase_prefix(const char *s, const char *what, size_t n);

#endif
