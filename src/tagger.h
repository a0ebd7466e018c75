/*
 * tagger: sentences -> topics, with the keyword spans that put them there.
 *
 * A tagger compiles a taxonomy once (through the matcher) and borrows it:
 * the taxonomy must outlive the tagger and every match it wrote, since
 * match.keyword points into it.  tagger_tag replaces a sentence's matches
 * and topics with fresh allocations the document owns.
 */
#ifndef PARALLAX_TAGGER_H
#define PARALLAX_TAGGER_H

struct taxonomy;
struct sentence;
struct tagger;

struct tagger *tagger_new(const struct taxonomy *tax);
void tagger_tag(const struct tagger *tagger, struct sentence *sentence);
void tagger_free(struct tagger *tagger);

#endif
