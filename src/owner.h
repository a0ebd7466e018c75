/*
 * owner: whose office, place or body a keyword hit names, before the
 * tagger counts it (parallax-taxonomy(5), rules 9 to 13).  A hit may name
 * an office another body holds ("Republican National Committee
 * Chairman", "the president of the agents' union"), a place inside
 * another name ("New Mexico"), or an office or body a U.S. state holds
 * under the nation's name ("the Michigan Supreme Court", "the New York
 * state Senate"): these functions drop such hits, mark them, or stretch
 * them over the state's name, in the tagger's hit array.  They allocate
 * nothing; the owner view borrows the phrasebook, the taxonomy and the
 * tagger's subtree ranges, which must outlive it.
 */
#ifndef PARALLAX_OWNER_H
#define PARALLAX_OWNER_H

#include <stdbool.h>
#include <stddef.h>

struct phrasebook;
struct taxonomy;

/* A keyword's match in a sentence, before the tagger's rules judge it. */
struct hit {
	size_t phrase;		/* the phrasebook's index */
	size_t start;		/* byte span in the text */
	size_t end;
	bool in_name;		/* a place inside another name: counts as
				 * ambiguous (owner_mark_names) */
};

/* What the rules read: the phrases, the states, and per topic one past
 * its last subtopic (SUBTREE_END, the tagger's). */
struct owner {
	const struct phrasebook *book;
	const struct taxonomy *tax;
	const size_t *subtree_end;
};

/*
 * Settles whose each of HITS[0, *NHITS) is, in TEXT[0, LEN), the sentence
 * they were found in: rule 11 keeps a hit of a phrase opened by "{state}"
 * only where a state's name stands right before it, and stretches it over
 * the name; rule 12 drops the hits inside a state's office or body that
 * are the state's ("the New York state Senate"); rule 9 the office hits
 * another body owns ("a soldier of the Islamic State"); rule 10 marks
 * in_name the place hits that are part of another name ("New Mexico").
 * *NHITS becomes the number kept, in their order.
 */
void owner_settle(const struct owner *o, const char *text, size_t len,
    struct hit *hits, size_t *nhits);

#endif
