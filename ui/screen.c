/* screen: curses on the terminal, SIGHUP, and the terminal given back. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "paint.h"
#include "screen.h"
#include "xalloc.h"

/* How long a key is waited for until a loop sets its own timeout. */
#define SCREEN_KEY_WAIT_MS 1000

static bool screen_active;
static volatile sig_atomic_t screen_hangup;
static int screen_fd = -1;	/* the terminal drawn on */

/* SIGHUP: leave the loop, so the terminal is restored on the way out. */
static void
screen_on_hangup(int sig)
{
	screen_hangup = sig;
}

/* Out of memory or a broken invariant: give the terminal back first. */
static void
screen_fatal_hook(void)
{
	if (screen_active)
		endwin();
	screen_active = false;
}

int
screen_open(struct screen *sc, bool no_color)
{
	struct sigaction hup;
	FILE *in, *out;

	memset(sc, 0, sizeof *sc);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		sc->tty = fopen("/dev/tty", "r+");
	setlocale(LC_ALL, "");
	/* With --tui and a redirection, the terminal is still /dev/tty. */
	in = isatty(STDIN_FILENO) ? stdin : sc->tty;
	out = isatty(STDOUT_FILENO) ? stdout : sc->tty;
	if (in == NULL || out == NULL ||
	    (sc->screen = newterm(NULL, out, in)) == NULL) {
		fprintf(stderr, "parallax: no terminal to draw on\n");
		if (sc->tty != NULL)
			fclose(sc->tty);
		return -1;
	}
	screen_active = true;
	screen_fd = fileno(out);
	xalloc_set_fatal_hook(screen_fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, SCREEN_KEY_WAIT_MS);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	curs_set(0);
	sc->color = paint_init(no_color);
	memset(&hup, 0, sizeof hup);
	hup.sa_handler = screen_on_hangup;
	sigemptyset(&hup.sa_mask);
	sigaction(SIGHUP, &hup, &sc->old_hup);
	return 0;
}

void
screen_close(struct screen *sc)
{
	sigaction(SIGHUP, &sc->old_hup, NULL);
	endwin();
	screen_active = false;
	delscreen(sc->screen);
	screen_fd = -1;
	if (sc->tty != NULL)
		fclose(sc->tty);
	xalloc_set_fatal_hook(NULL);
}

bool
screen_hung_up(void)
{
	return screen_hangup != 0;
}

void
screen_sync_size(void)
{
	struct winsize ws;

	if (screen_fd >= 0 && ioctl(screen_fd, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_row != 0 && ws.ws_col != 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}
