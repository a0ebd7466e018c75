/*
 * sourcelist: the left pane, one row per source shown (reader.order) with
 * its claim count and a marker on the current one.  Virtual: only the rows
 * on screen are drawn, whatever the number of sources.  The pane owns its
 * scroll position; its selection is always the reader's current source.
 */
#ifndef PARALLAX_UI_SOURCELIST_H
#define PARALLAX_UI_SOURCELIST_H

#include <stdbool.h>
#include <stddef.h>

#include "curses.h"
#include "listpos.h"

struct reader;

struct sourcelist {
	struct listpos pos;
	size_t height;		/* rows on screen, set by the layout */
	size_t doc;		/* the source last brought into view */
	size_t generation;	/* the reader's, when it was */
};

/* A list that shows the current source on the first sync. */
void sourcelist_init(struct sourcelist *sl);

/* Selects the reader's current source, scrolling it into view when it or
 * the list changed (a scroll of the wheel stays otherwise). */
void sourcelist_sync(struct sourcelist *sl, const struct reader *r);

/* READ, when not NULL, says per document whether it was read: those rows
 * are dimmed. */
void sourcelist_draw(const struct sourcelist *sl, const struct reader *r,
    const bool *read, WINDOW *win);

/* Moves DELTA rows (clamped) and opens that source. */
int sourcelist_move(struct sourcelist *sl, struct reader *r, long delta);

/* Scrolls DELTA rows without opening anything (the wheel). */
int sourcelist_scroll(struct sourcelist *sl, const struct reader *r,
    long delta);

/* The source drawn on row Y of the pane, or (size_t)-1. */
size_t sourcelist_doc_at(const struct sourcelist *sl, const struct reader *r,
    int y);

#endif
