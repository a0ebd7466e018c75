/*
 * spawn: runs a program that takes the terminal ($EDITOR, a text browser)
 * with curses suspended, waits for it, and gives the terminal back to
 * curses after.  The reader ignores Ctrl-C and Ctrl-\ meanwhile (they are
 * the program's); the program gets the signal dispositions the reader had.
 * Owns nothing: ARGV stays the caller's.
 */
#ifndef PARALLAX_UI_SPAWN_H
#define PARALLAX_UI_SPAWN_H

/*
 * Runs ARGV (ARGV[0] searched in $PATH, no shell) and waits.  Returns its
 * wait status, or -1 when it could not be started (127 when it could not
 * be executed).
 */
int spawn_run(char *const argv[]);

#endif
