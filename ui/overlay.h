/*
 * overlay: the frame of the windows drawn over the panes.  What an overlay
 * shows and does is its kind's (struct overlay_kind, one file per kind:
 * overlay_help.c, overlay_topics.c, overlay_matrix.c, overlay_detail.c,
 * overlay_explain.c, overlay_message.c); the frame scrolls its rows, takes
 * the mouse, draws the box with the kind's title and footer, and frees the
 * kind's state when it closes.  One overlay is open at a time.  Kinds
 * change the reader (a filter, a source opened) but never start anything
 * else: what an overlay offers beyond that (edit, remove, add) is asked of
 * it by the caller (tui.c) through the kind's own queries.
 */
#ifndef PARALLAX_UI_OVERLAY_H
#define PARALLAX_UI_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "curses.h"
#include "listpos.h"
#include "reader.h"

struct overlay;
struct strbuf;

/* Returned with the dirty flags when Enter chose a row of a picker whose
 * caller wants the choice (overlay_choice). */
#define REACT_CHOSEN 0x200

/* A kind's key handler asks the frame to close the overlay. */
#define REACT_CLOSE 0x400

struct overlay_kind {
	const char *name;
	/* Whether the rows have a selection (else they only scroll). */
	bool selects;
	/* Rows of the box the kind keeps for itself above its list. */
	int head;
	/* Whether it stays open through a re-tag (it points into neither
	 * the taxonomy nor the claims). */
	bool keeps_on_retag;
	/* Sets up O->state from ARG; returns dirty flags, or -1 (with a
	 * message set on R) when there is nothing to show. */
	int (*open)(struct overlay *o, struct reader *r, const void *arg);
	size_t (*rows)(const struct overlay *o, const struct reader *r);
	/* A key the frame does not handle itself (moves, close): dirty flags. */
	int (*key)(struct overlay *o, struct reader *r, enum action a);
	/* Draws rows [o->pos.top, ...) in the H x W inside of the box. */
	void (*draw)(const struct overlay *o, const struct reader *r,
	    WINDOW *win, int h, int w);
	void (*title)(const struct overlay *o, const struct reader *r,
	    struct strbuf *sb);
	void (*footer)(const struct overlay *o, const struct reader *r,
	    struct strbuf *sb);
	/* Scrolls to the selection when rows and lines differ (optional). */
	void (*show)(struct overlay *o, const struct reader *r, size_t height);
	void (*release)(void *state);
};

struct overlay {
	const struct overlay_kind *kind;	/* NULL: none open */
	struct listpos pos;
	struct rect rect;	/* where it is drawn, set by the layout */
	void *state;		/* the kind's, freed by its release */
	size_t choice;		/* the row Enter chose (REACT_CHOSEN) */
};

/* Opens KIND with ARG (what the kind's open takes); returns dirty flags. */
int overlay_open(struct overlay *o, struct reader *r,
    const struct overlay_kind *kind, const void *arg);

/* Whether an overlay of KIND (any, when NULL) is open. */
bool overlay_is(const struct overlay *o, const struct overlay_kind *kind);

int overlay_close(struct overlay *o);

/* Handles A while an overlay is open; returns the dirty flags. */
int overlay_action(struct overlay *o, struct reader *r, enum action a);

/* Handles a click at (Y, X) of the screen or a wheel step (WHEEL -1/+1). */
int overlay_mouse(struct overlay *o, struct reader *r, int y, int x,
    int wheel);

/* Rows of content: the box less its border and the kind's head. */
size_t overlay_height(const struct overlay *o);

void overlay_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win);

/* Appends the footer of the kind's HINTS (action.h) to SB. */
#define OVERLAY_HINTS(sb, hints) \
	action_footer(sb, hints, sizeof hints / sizeof hints[0])

#endif
