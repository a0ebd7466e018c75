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
#include <stdint.h>

struct linker;
struct sent;
struct sentence;
struct words;

/*
 * Reads sentence S, or a unit of it (unit.h), split into W (words_split),
 * into OUT's raw features.  ROLE, when not NULL, holds each word's
 * CLAUSE_* bits and SPEAKER who the sentence names (clause_roles, read
 * on the whole sentence); when NULL they are read from W.
 */
void sentvec_read(struct linker *l, struct sent *out,
    const struct sentence *s, const struct words *w,
    const unsigned char *role, uint32_t speaker);

#endif
