/*
 * search: `/`, `n` and `N`.  A hit is a sentence holding the query (ASCII
 * letters compared ignoring case); `n` walks the article, then the next
 * sources in list order, wrapping once around the story.
 */
#ifndef PARALLAX_UI_SEARCH_H
#define PARALLAX_UI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct reader;

/* The first occurrence of Q in TEXT at or after FROM, or (size_t)-1. */
size_t search_find(const char *text, size_t len, const char *q, size_t from);

/* Searches for Q (NULL or empty: the last query again) from the selection. */
int search_submit(struct reader *r, const char *q);

/* Goes to the next (FORWARD) or previous hit of the last query. */
int search_step(struct reader *r, bool forward);

#endif
