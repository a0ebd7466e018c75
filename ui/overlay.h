/*
 * overlay: the windows drawn over the panes: help (from the key table),
 * the topic picker, the coverage matrix, claim detail and messages such as
 * taxonomy errors.  One is open at a time (reader.overlay); it owns the
 * counts and text it was opened with until it closes.
 */
#ifndef PARALLAX_UI_OVERLAY_H
#define PARALLAX_UI_OVERLAY_H

#include "action.h"
#include "curses.h"
#include "reader.h"

int overlay_open(struct reader *r, enum overlay_kind kind);

/* Opens a message overlay showing TEXT (taken over) under TITLE. */
int overlay_message(struct reader *r, const char *title, char *text);

/* Explains the selected sentence's topics (tagger_explain). */
int overlay_explain(struct reader *r);

/* The topic picker, choosing where KEYWORD is added. */
int overlay_pick_topic_for(struct reader *r, const char *keyword);

/* Explain overlay: the topic of the selected row, or (size_t)-1. */
size_t overlay_explained_topic(const struct reader *r);

/* Explain overlay: the selected row's matched text, or NULL. */
char *overlay_explained_text(const struct reader *r);

/* Explain overlay: removes the selected row's keyword from the taxonomy. */
int overlay_remove_keyword(struct reader *r);

int overlay_close(struct reader *r);

/* Handles A while an overlay is open; returns the dirty flags. */
int overlay_action(struct reader *r, enum action a);

/* Handles a click at (Y, X) of the screen or a wheel step (WHEEL -1/+1). */
int overlay_mouse(struct reader *r, int y, int x, int wheel);

void overlay_draw(struct reader *r, WINDOW *win);

#endif
