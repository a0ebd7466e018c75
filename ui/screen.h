/*
 * screen: the terminal while the program draws on it.  screen_open starts
 * curses on it (on /dev/tty when standard input or output is redirected),
 * catches SIGHUP so that the loops can leave and the terminal be restored,
 * and has out of memory give the terminal back before it aborts;
 * screen_close gives the terminal back as it found it.  One screen at a
 * time; the struct owns the curses screen and the tty it opened.
 */
#ifndef PARALLAX_UI_SCREEN_H
#define PARALLAX_UI_SCREEN_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "curses.h"

struct screen {
	SCREEN *screen;
	FILE *tty;
	bool color;		/* drawn in colour (paint_init) */
	struct sigaction old_hup;
};

/* Returns 0, or -1 after saying on stderr that there is no terminal. */
int screen_open(struct screen *sc, bool no_color);

void screen_close(struct screen *sc);

/* Whether a SIGHUP came since the screen opened: the loops leave. */
bool screen_hung_up(void);

/*
 * A resize that lands while curses starts up or redraws can lose its
 * SIGWINCH or its KEY_RESIZE: this compares curses' size with the
 * terminal's own and resizes curses when they differ.
 */
void screen_sync_size(void);

#endif
