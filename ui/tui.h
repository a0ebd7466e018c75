/*
 * tui: the terminal reader's entry point.  tui_run borrows the story (it may
 * re-tag it in place when the taxonomy is edited or reloaded) and gives the
 * terminal back as it found it.
 */
#ifndef PARALLAX_UI_TUI_H
#define PARALLAX_UI_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct group_set;
struct outlets;
struct state;
struct story;

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
};

/* Runs the reader until the user quits; returns the exit status. */
int tui_run(struct story *story, const struct tui_config *cfg);

/* Loads story INDEX of the archive as a story of its own (NULL: it could
 * not be read; *CAUSE says why). */
typedef struct story *(*tui_open_fn)(void *ctx, size_t index, char **cause);

/*
 * The story list of SET first: Enter opens the story under the cursor
 * (through OPEN) in the reader, whose story-list key comes back to the
 * list at the same place.  Returns the exit status.
 */
int tui_run_stories(const struct group_set *set, tui_open_fn open, void *ctx,
    const struct tui_config *cfg);

#endif
