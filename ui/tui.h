/*
 * tui: the terminal reader's entry point.  It borrows the story it reads (it
 * may re-tag it, or read its sources again, in place) and gives the
 * terminal back as it found it.
 */
#ifndef PARALLAX_UI_TUI_H
#define PARALLAX_UI_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct group_set;
struct loader;
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

/* Loads story INDEX of the archive as a story of its own (NULL: it could
 * not be read; *CAUSE says why). */
typedef struct story *(*tui_open_fn)(void *ctx, size_t index, char **cause);

/*
 * The reader on what LD is opening, drawn at once with the loading's
 * progress (loadscreen.h).  Several stories: the story list first, Enter
 * opens the story under the cursor (through OPEN) in the reader, whose
 * story-list key comes back to the list at the same place.  One story: the
 * reader on it, and *STORY is that story, the caller's to free (its claims
 * may still be linking: story.h).  Returns the exit status; a quit during
 * the loading returns at once (0, or 128 + SIGHUP).
 */
int tui_run_loader(struct loader *ld, tui_open_fn open, void *ctx,
    const struct tui_config *cfg, struct story **story);

#endif
