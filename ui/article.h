/*
 * article: the middle pane.  Wraps the current document by display width
 * into runs (reader.lines, rebuilt when the document, filter or width
 * changes) and draws only the lines on screen.
 */
#ifndef PARALLAX_UI_ARTICLE_H
#define PARALLAX_UI_ARTICLE_H

#include <stddef.h>

#include "curses.h"

struct article_lines;
struct reader;

/* Makes reader.lines match the current document, filter and pane width. */
void article_wrap(struct reader *r);

void article_lines_free(struct article_lines *lines);

/* Scrolls so that sentence S is on screen. */
void article_show_sentence(struct reader *r, size_t s);

void article_draw(struct reader *r, WINDOW *win);

/* Moves the selection DELTA shown sentences; returns the dirty flags. */
int article_move(struct reader *r, int delta);

/* Scrolls DELTA lines, keeping the selection; returns the dirty flags. */
int article_scroll(struct reader *r, long delta);

/* Page moves and first/last: scroll and select the first sentence shown. */
int article_page(struct reader *r, int pages);
int article_end(struct reader *r, int which);

/* The sentence drawn at (Y, X) of the pane, or (size_t)-1. */
size_t article_sentence_at(struct reader *r, int y, int x);

#endif
