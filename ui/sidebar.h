/*
 * sidebar: the claim pane.  The current source's claims grouped under the
 * taxonomy's topics (subtopics under their parents), each with a coverage
 * badge; tagged sentences stand in when the story has no claims.  Rows are
 * rebuilt into reader.rows when the source or filter changes.
 */
#ifndef PARALLAX_UI_SIDEBAR_H
#define PARALLAX_UI_SIDEBAR_H

#include "curses.h"

struct reader;

void sidebar_build(struct reader *r);

/* Selects the row of the selected sentence's claim. */
void sidebar_follow(struct reader *r);

void sidebar_draw(struct reader *r, WINDOW *win);

/* Moves the selection DELTA claim rows (headers are skipped). */
int sidebar_move(struct reader *r, long delta);

#endif
