/*
 * sourcelist: the left pane, one row per source shown (reader.order) with
 * its claim count and a marker on the current one.  Virtual: only the rows
 * on screen are drawn, whatever the number of sources.
 */
#ifndef PARALLAX_UI_SOURCELIST_H
#define PARALLAX_UI_SOURCELIST_H

#include <stddef.h>

#include "curses.h"

struct reader;

void sourcelist_draw(struct reader *r, WINDOW *win);

/* Moves DELTA rows (clamped) and opens that source. */
int sourcelist_move(struct reader *r, long delta);

/* The name a source is listed under: its outlet, else its path. */
const char *sourcelist_name(const struct reader *r, size_t doc);

#endif
