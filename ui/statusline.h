/*
 * statusline: the bottom line: position, topic filter, taxonomy path and
 * help hint, or the last message, or the search prompt being typed.
 */
#ifndef PARALLAX_UI_STATUSLINE_H
#define PARALLAX_UI_STATUSLINE_H

#include "curses.h"

struct prompt;
struct reader;

/* Draws the status line, or PROMPT while it reads a line. */
void statusline_draw(const struct reader *r, const struct prompt *prompt,
    WINDOW *win);

#endif
