/*
 * phrasebook: a taxonomy's phrases compiled for the tagger.  One matcher
 * holds every keyword, match-case keyword, ambiguous keyword and exclude
 * of every topic, and the book says what each of the matcher's phrases
 * stands for: its topic, the list it comes from, and what the tagger's
 * rules need to know of it (firm, an office, a place, a state's, a
 * state's office or body).
 *
 * phrasebook_new borrows the taxonomy, which must outlive the book (a
 * phrase's text points into it).  The book owns its matcher and its
 * phrases; phrasebook_free releases them.
 */
#ifndef PARALLAX_PHRASEBOOK_H
#define PARALLAX_PHRASEBOOK_H

#include <stdbool.h>
#include <stddef.h>

struct matcher;
struct taxonomy;

/* Which list of its topic a matcher phrase comes from. */
enum phrase_kind {
	PHRASE_KEYWORD,		/* keywords and match-case */
	PHRASE_AMBIGUOUS,
	PHRASE_EXCLUDE
};

/* What a matcher phrase stands for. */
struct phrase {
	size_t topic;
	const char *text;	/* points into the taxonomy */
	enum phrase_kind kind;
	bool firm;		/* backs beyond its topic (phrasebook.c) */
	bool office;		/* names an office (rule 9) */
	bool heads;		/* an office that heads bodies of every kind:
				 * a body in lower case after "of the" is its
				 * own (rule 13) */
	bool place;		/* names a place or a people (rule 10) */
	bool stated;		/* opened by "{state}": the matcher holds the
				 * rest, which hits only after a state's name
				 * (rule 11) */
	bool state_body;	/* a keyword naming a state's office or body,
				 * opened by "{state}" or the word "state":
				 * other topics' keywords inside it do not
				 * count (rule 12) */
};

struct phrasebook {
	struct matcher *matcher;
	struct phrase *phrases;	/* by the matcher's phrase index */
	size_t nphrases;
	size_t noffices;	/* phrases that name an office */
	size_t nplaces;		/* phrases that name a place */
	size_t nstated;		/* phrases opened by "{state}" */
	size_t nstate_bodies;	/* phrases naming a state's office or body */
};

/* Every phrase of TAX, topic by topic, in the order of its lists. */
struct phrasebook *phrasebook_new(const struct taxonomy *tax);
void phrasebook_free(struct phrasebook *book);

#endif
