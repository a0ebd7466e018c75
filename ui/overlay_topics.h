/*
 * overlay_topics: the topic picker, as the topic filter (`t`: Enter sets
 * the filter) or to choose where a keyword goes (Enter returns
 * REACT_CHOSEN and overlay_topics_chosen says which).  Its state is the
 * keyword shown in the title, a copy it frees.
 */
#ifndef PARALLAX_UI_OVERLAY_TOPICS_H
#define PARALLAX_UI_OVERLAY_TOPICS_H

#include <stddef.h>

#include "overlay.h"

/* overlay_topics_chosen: the row that makes a new topic. */
#define OVERLAY_TOPICS_NEW ((size_t)-2)

/* Opened with NULL: the filter; with a keyword: where to add it. */
extern const struct overlay_kind overlay_topics_kind;

/* The topic chosen: an index, NONE for "All topics" (the filter's first
 * row; the keyword picker has none), or OVERLAY_TOPICS_NEW. */
size_t overlay_topics_chosen(const struct overlay *o, const struct reader *r);

#endif
