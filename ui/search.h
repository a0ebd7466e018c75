/*
 * search: `/`, `n` and `N`.  A hit is a sentence holding the query,
 * compared as keywords are (fold.h: case and typographic quotes and
 * dashes ignored); `n` walks the article, then the next sources in list
 * order, wrapping once around the story.
 */
#ifndef PARALLAX_UI_SEARCH_H
#define PARALLAX_UI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct reader;

/* Searches for Q (NULL or empty: the last query again) from the selection. */
int search_submit(struct reader *r, const char *q);

/* Goes to the next (FORWARD) or previous hit of the last query. */
int search_step(struct reader *r, bool forward);

#endif
