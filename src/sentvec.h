/*
 * sentvec: reads each content sentence of a story into the linker's raw
 * features (struct linker, linker.h): its stems, numbers, quoted stems,
 * quantities, shingles and pairs, its negation and speaker.  What it
 * reads is appended to the linker's arrays, which linker_settle frees;
 * the word cache (struct wordcache) is filled as new words are seen.
 */
#ifndef PARALLAX_SENTVEC_H
#define PARALLAX_SENTVEC_H

#include <stddef.h>

struct linker;
struct sent;
struct sentence;
struct words;

/* Tokenises sentence S (with W as scratch) into OUT's raw features. */
void sentvec_read(struct linker *l, struct sent *out,
    const struct sentence *s, struct words *w);

#endif
