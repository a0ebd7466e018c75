/*
 * session: the terminal reader's entry point.  It opens the screen, shows
 * what a loader opens as it opens it, and gives the terminal back as it
 * found it.
 */
#ifndef PARALLAX_UI_SESSION_H
#define PARALLAX_UI_SESSION_H

#include <stddef.h>

struct loader;
struct story;
struct tui_config;

/* Loads story INDEX of the archive as a story of its own (NULL: it could
 * not be read; *CAUSE says why). */
typedef struct story *(*session_open_fn)(void *ctx, size_t index,
    char **cause);

/*
 * The reader on what LD is opening, drawn at once with the loading's
 * progress (loadscreen.h).  Several stories: the story list first, Enter
 * opens the story under the cursor (through OPEN) in the reader, whose
 * story-list key comes back to the list at the same place.  One story: the
 * reader on it, and *STORY is that story, the caller's to free (its claims
 * may still be linking: story.h).  Returns the exit status; a quit during
 * the loading returns at once (0, or 128 + SIGHUP).
 */
int session_run(struct loader *ld, session_open_fn open, void *ctx,
    const struct tui_config *cfg, struct story **story);

#endif
