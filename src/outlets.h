/*
 * outlets: who published a source, from the user's outlets.yaml (see
 * parallax-outlets(5)): each outlet's name, the names and domains it
 * appears under, its leaning on the file's scale, country, kind, owner and
 * tags, and the blindspot rule.
 *
 * A source is matched by its outlet name or an alias (ignoring case and
 * spacing), else by its URL's host or a parent domain of it ("www." and
 * other subdomains reach the outlet's domain).  What matches nothing is
 * unrated: nothing is guessed.
 *
 * The leaning scale runs from one side to the other; with an odd number
 * of leanings the middle one is the centre, which is on neither side.
 * An outlets set owns all of its strings; outlets_free releases them.
 */
#ifndef PARALLAX_OUTLETS_H
#define PARALLAX_OUTLETS_H

#include <stddef.h>

#define OUTLET_UNRATED ((size_t)-1)

struct leaning {
	char *name;		/* "left" */
	char letter;		/* shown without colour: 'L' */
};

struct outlet {
	char *name;
	char **aliases;		/* as written, names and domains alike */
	size_t naliases;
	size_t leaning;		/* index into the scale, or OUTLET_UNRATED */
	char *country;		/* may be NULL */
	char *kind;		/* wire, paper, broadcaster...; may be NULL */
	char *owner;		/* may be NULL */
	char **tags;
	size_t ntags;
	size_t line, column;	/* where its entry starts */
};

struct outlets_key;

struct outlets {
	char *path;
	struct leaning *leanings;
	size_t nleanings;
	unsigned blindspot_percent;	/* share of rated outlets on one side */
	size_t blindspot_min_rated;	/* rated outlets needed to judge */
	struct outlet *items;
	size_t n;
	struct outlets_key *names;	/* folded names and aliases, sorted */
	size_t nnames;
	struct outlets_key *domains;	/* domain aliases, sorted */
	size_t ndomains;
};

/*
 * Loads and validates an outlets file.  Returns 0 and sets *out, or -1 and
 * sets *errors to every problem found, one "FILE:LINE:COL: message" per
 * line (allocated).
 */
int outlets_load_file(const char *path, struct outlets **out, char **errors);
int outlets_load_buffer(const char *name, const char *buf, size_t len,
    struct outlets **out, char **errors);
void outlets_free(struct outlets *outlets);

/* The profile of a source with this outlet name and URL (either may be
 * NULL), or NULL when it is unrated. */
const struct outlet *outlets_match(const struct outlets *outlets,
    const char *name, const char *url);

/* -1 for the first side of the scale, 1 for the other, 0 for the centre
 * (and for OUTLET_UNRATED). */
int outlets_side(const struct outlets *outlets, size_t leaning);

/* The leaning at the end of SIDE's half of the scale, naming the side. */
const char *outlets_side_name(const struct outlets *outlets, int side);

#endif
