/*
 * curses: the one place that includes the curses header, so the rest of
 * ui/ compiles the same against ncursesw wherever it is installed.
 */
#ifndef PARALLAX_UI_CURSES_H
#define PARALLAX_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

#endif
