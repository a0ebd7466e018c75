/*
 * browser: opens a source's URL in $BROWSER, else xdg-open, with curses
 * suspended while it runs (a text browser takes the terminal) and given
 * back after.  Only http, https and file URLs are opened, and the URL is
 * one argument of the browser's own: no shell ever sees it.
 */
#ifndef PARALLAX_UI_BROWSER_H
#define PARALLAX_UI_BROWSER_H

/*
 * Opens URL.  Returns 0, or -1 with *WHY set to an allocated one-line
 * reason (a scheme not opened, a browser that cannot run or fails).
 */
int browser_open(const char *url, char **why);

#endif
