/*
 * tui: the terminal reader's entry point.  tui_run borrows the story (it may
 * re-tag it in place when the taxonomy is edited or reloaded) and gives the
 * terminal back as it found it.
 */
#ifndef PARALLAX_UI_TUI_H
#define PARALLAX_UI_TUI_H

#include <stdbool.h>

struct story;

struct tui_config {
	const char *taxonomy_path;	/* the file `e` edits and `r` reloads */
	bool taxonomy_is_default;	/* the shipped default: edits go to a copy */
	bool no_color;			/* --no-color (NO_COLOR is read here too) */
	const char *hint;		/* status-line hint such as "sample story", or NULL */
};

/* Runs the reader until the user quits; returns the exit status. */
int tui_run(struct story *story, const struct tui_config *cfg);

#endif
