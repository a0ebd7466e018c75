/*
 * tui: the three-pane reader on one story, on a screen opened (session.h).
 * It borrows the story it reads (it may re-tag it, or read its sources
 * again, in place).
 */
#ifndef PARALLAX_UI_TUI_H
#define PARALLAX_UI_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct outlets;
struct state;
struct story;
struct story_options;

struct tui_config {
	const char *taxonomy_path;	/* the file `e` edits and `r` reloads */
	bool taxonomy_is_default;	/* the shipped default: edits go to a copy */
	bool no_color;			/* --no-color (NO_COLOR is read here too) */
	const char *hint;		/* status-line hint such as "sample story", or NULL */
	struct state *state;		/* the reading state, or NULL (borrowed) */
	bool story_list;		/* a story list is behind the reader */
	const char *outlets_path;	/* the outlets file `O` edits */
	bool outlets_is_default;	/* the shipped default: edits a copy */
	const struct outlets *outlets;	/* the story list's (borrowed) */
	const struct story_options *how;	/* how `r` reads sources again */
};

/*
 * The three-pane reader on STORY until the user quits (0, or 128 + SIGHUP)
 * or, when *BACK is set on return, goes back to the story list (CFG's
 * story_list).  TIMELINE: it opens on the story's timeline.
 */
int tui_read(struct story *story, const struct tui_config *cfg, bool color,
    bool timeline, bool *back);

#endif
