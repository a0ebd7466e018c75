/*
 * layout: where everything goes for the terminal's size.  One function
 * computes the pane, status and overlay rectangles and (re)creates their
 * windows; narrow terminals drop the claim sidebar, then the source list;
 * below 20x6 the frame goes too.  The frame (borders and titles) is drawn
 * on stdscr.  The layout owns its windows (layout_free).
 */
#ifndef PARALLAX_UI_LAYOUT_H
#define PARALLAX_UI_LAYOUT_H

#include <stdbool.h>

#include "curses.h"
#include "reader.h"

struct layout {
	int cols, lines;	/* the terminal's size laid out for */
	bool framed;
	bool visible[PANE_COUNT];
	struct rect pane[PANE_COUNT];
	struct rect status;
	struct rect overlay;
	WINDOW *win[PANE_COUNT];
	WINDOW *status_win;
	WINDOW *overlay_win;
};

/* Lays out for COLS x LINES, replacing the windows; moves *FOCUS off a
 * pane that no longer shows. */
void layout_apply(struct layout *lay, enum pane *focus);

/* Deletes the windows (before endwin). */
void layout_free(struct layout *lay);

/* Draws borders and pane titles on stdscr. */
void layout_draw_frame(const struct layout *lay, const struct reader *r);

/* The pane at screen position (Y, X), or PANE_COUNT. */
int layout_pane_at(const struct layout *lay, int y, int x);

#endif
