/*
 * taxonomy: the YAML keyword taxonomy (see parallax-taxonomy(5)).
 *
 * Topics are flattened in document order, parents before their subtopics,
 * so iterating the array gives the order the UI shows.  A taxonomy owns all
 * of its strings; taxonomy_free releases everything.  A list of phrases
 * (keywords, match_case, exclude, ambiguous, offices, states) is one
 * allocation, its strings after its pointers.
 */
#ifndef PARALLAX_TAXONOMY_H
#define PARALLAX_TAXONOMY_H

#include <stddef.h>

#define TOPIC_NO_PARENT ((size_t)-1)

/* What opens a phrase that names an office or body of one of the
 * taxonomy's states (rule 11): "{state} attorney general". */
#define TAXONOMY_STATE "{state}"
#define TAXONOMY_STATE_LEN (sizeof TAXONOMY_STATE - 1)

struct topic {
	char *id;
	char *label;
	char *color;		/* curses colour name, or NULL */
	size_t parent;		/* index of the parent topic, or TOPIC_NO_PARENT */
	size_t depth;		/* 0 for top-level topics */
	char **keywords;	/* matched ignoring case */
	size_t nkeywords;
	char **match_case;	/* matched exactly */
	size_t nmatch_case;
	char **exclude;		/* a sentence containing one is not tagged */
	size_t nexclude;
	char **ambiguous;	/* ignoring case, tag only with support */
	size_t nambiguous;
	int place;		/* 'places' lists it or a parent: its keywords
				 * written with a capital name places and
				 * peoples (rule 10) */
	size_t line;		/* where the topic's mapping starts, 1-based */
	size_t column;
};

struct taxonomy {
	char *path;
	int version;
	size_t echo;		/* 'echo': how many other sentences of a source
				 * must carry a family for one common word to
				 * tag it (parallax-taxonomy(5)); 0: any */
	char **offices;		/* 'offices': words naming an office or a
				 * member of a body (rule 9), one word each */
	size_t noffices;
	char **heads;		/* 'heads': offices that head bodies of every
				 * kind, one word each (rule 13) */
	size_t nheads;
	char **states;		/* 'states': names of the country's states,
				 * which "{state}" opening a phrase stands
				 * for (rule 11) */
	size_t nstates;
	struct topic *topics;
	size_t ntopics;
};

/*
 * Loads and validates a taxonomy.  Returns 0 and sets *out, or -1 and sets
 * *errors to an allocated string of every problem found, one
 * "FILE:LINE:COL: message" per line.
 */
int taxonomy_load_file(const char *path, struct taxonomy **out, char **errors);
int taxonomy_load_buffer(const char *name, const char *buf, size_t len,
    struct taxonomy **out, char **errors);

void taxonomy_free(struct taxonomy *tax);

/* Index of the topic with this id, or TOPIC_NO_PARENT. */
size_t taxonomy_find(const struct taxonomy *tax, const char *id);

/* True when ANCESTOR is TOPIC or one of its parents, grandparents, ... */
int taxonomy_is_ancestor(const struct taxonomy *tax, size_t ancestor,
    size_t topic);

/*
 * Parent roll-up: true when TOPIC or one of its subtopics is among the
 * NTOPICS indices of TOPICS (a sentence's topics), so a parent's total
 * counts its subtopics' hits once per sentence.
 */
int taxonomy_covers(const struct taxonomy *tax, size_t topic,
    const size_t *topics, size_t ntopics);

#endif
