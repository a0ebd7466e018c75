/*
 * layout: where everything goes for the terminal's size.  One function
 * computes the pane, status and overlay rectangles and (re)creates their
 * windows; narrow terminals drop the claim sidebar, then the source list;
 * below 20x6 the frame goes too.  The frame (borders and titles) is drawn
 * on stdscr.
 */
#ifndef PARALLAX_UI_LAYOUT_H
#define PARALLAX_UI_LAYOUT_H

struct reader;

/* Lays out for COLS x LINES, replacing the windows. */
void layout_apply(struct reader *r);

/* Deletes the windows (before endwin). */
void layout_free(struct reader *r);

/* Draws borders and pane titles on stdscr. */
void layout_draw_frame(struct reader *r);

/* The pane at screen position (Y, X), or PANE_COUNT. */
int layout_pane_at(const struct reader *r, int y, int x);

#endif
