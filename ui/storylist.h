/*
 * storylist: the screen a reader starts on when what was opened holds
 * more than one story: one row per story (unread count, title, a bar of
 * its outlets by leaning, number of outlets and their names, date span),
 * stories read dimmed, `/` searching titles, `B` showing only blindspots.
 * It owns its position, search, read counts and leaning counts; it borrows
 * the grouped archive, the outlets and the reading state (which may be
 * NULL: no profiles, no state).
 * Handlers change it and return dirty flags; storylist_draw changes
 * nothing.
 */
#ifndef PARALLAX_UI_STORYLIST_H
#define PARALLAX_UI_STORYLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "curses.h"
#include "listpos.h"
#include "strbuf.h"

struct group_set;
struct outlets;
struct state;

#define STORYLIST_REDRAW	0x1
#define STORYLIST_OPEN		0x2	/* open the selected story */
#define STORYLIST_QUIT		0x4
#define STORYLIST_TIMELINE	0x8	/* with OPEN: on the story's timeline */
#define STORYLIST_RELOAD	0x10	/* read the archive again */

struct storylist {
	const struct group_set *set;
	const struct outlets *outlets;	/* NULL: every outlet unrated */
	struct state *state;	/* NULL: nothing is remembered */
	size_t *leanings;	/* per story: [nleanings] outlets, unrated */
	int *blindspot;		/* per story: the side carrying it, or 0 */
	size_t *shown;		/* the stories listed, in order */
	size_t nshown;
	bool only_blindspots;	/* the list is filtered to blindspots */
	bool *read;		/* per article */
	size_t *unread;		/* per story */
	struct listpos pos;
	size_t height;		/* rows for stories, set by storylist_draw's
				 * caller through storylist_resize */
	char *query;		/* the last title search, or NULL */
	bool searching;		/* reading a search in the bottom line */
	bool help;		/* the key help is shown */
	struct strbuf input;
	char *message;		/* one line at the bottom, or NULL */
};

void storylist_init(struct storylist *sl, const struct group_set *set,
    const struct outlets *outlets, struct state *state);
void storylist_free(struct storylist *sl);

/* Reads the read marks again (after the reader ran). */
void storylist_reload(struct storylist *sl);

void storylist_resize(struct storylist *sl, int lines);

/* The story the cursor is on. */
size_t storylist_selected(const struct storylist *sl);

/* Puts the cursor on the story of id ID, if it is listed. */
void storylist_select_id(struct storylist *sl, const char *id);

/* A key: a search being typed takes it whole, else its action. */
int storylist_key(struct storylist *sl, int key);

void storylist_draw(const struct storylist *sl, WINDOW *win);

#endif
