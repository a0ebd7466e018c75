/*
 * statusline: the bottom line: position, topic filter, taxonomy path and
 * help hint, or the last message, or the search prompt being typed.
 */
#ifndef PARALLAX_UI_STATUSLINE_H
#define PARALLAX_UI_STATUSLINE_H

#include "curses.h"

struct reader;

void statusline_draw(struct reader *r, WINDOW *win);

#endif
