/*
 * editor: runs $VISUAL, else $EDITOR, else vi on a file with curses
 * suspended, and gives the terminal back to curses after.  Nothing else:
 * what the edit means for the taxonomy is retag.c's.
 */
#ifndef PARALLAX_UI_EDITOR_H
#define PARALLAX_UI_EDITOR_H

#include <stddef.h>

/*
 * Edits PATH at LINE (0: the top).  Returns the editor's exit status (0:
 * success), or -1 when it could not be run or did not exit.
 */
int editor_run(const char *path, size_t line);

#endif
