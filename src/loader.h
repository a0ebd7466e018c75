/*
 * loader: what the command line names, opened on a thread of its own, so
 * a reader can draw at once and show how far the opening has got.  The
 * thread reads the sources (fetching URLs first) on the story_options'
 * worker pool and, when asked to group, groups them into stories; an
 * archive of more than one story ends there (the story list opens its
 * stories one by one), anything else is loaded and tagged as one story.
 * Claims are not linked: the reader links them once the story is drawn
 * (story_link_start).
 *
 * The loader owns copies of the paths, the taxonomy and the outlets it is
 * given, and what it makes, until the caller takes the story
 * (loader_take_story); loader_free asks the thread to stop, waits for it
 * and frees the rest.  The status may be read from any thread; the
 * results only once loader_done has said true.
 */
#ifndef PARALLAX_LOADER_H
#define PARALLAX_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "story.h"

struct group_set;
struct outlets;
struct repeated;
struct taxonomy;
struct loader;

/* How far the loading has got: DONE of TOTAL in STEP (no count: 0, 0). */
struct loader_status {
	enum story_step step;
	size_t done, total;
};

/*
 * Starts opening PATHS with HOW (its progress callback is not used: the
 * status is read with loader_status), tagging with TAX; GROUP asks for the
 * stories first.  Takes ownership of TAX and OUTLETS (may be NULL).
 */
struct loader *loader_start(char *const *paths, size_t npaths,
    struct taxonomy *tax, struct outlets *outlets,
    const struct story_options *how, bool group);

void loader_status(const struct loader *ld, struct loader_status *st);

/* Whether the loading is over (never blocks). */
bool loader_done(struct loader *ld);

/* Once done: the stories when there are several (borrowed), else NULL. */
const struct group_set *loader_groups(const struct loader *ld);

/* Once done, when grouped: the lines the archive's outlets repeat
 * (repeated.h), for reading one of its stories (borrowed), else NULL. */
const struct repeated *loader_repeated(const struct loader *ld);

/* Once done: the outlets given to loader_start (borrowed; NULL once a
 * story has taken them). */
const struct outlets *loader_outlets(const struct loader *ld);

/* Once done and not grouped into several stories: the story (now the
 * caller's, with the taxonomy and outlets), or NULL with *cause set (the
 * caller's) when no source could be read. */
struct story *loader_take_story(struct loader *ld, char **cause);

/* Once done, with several stories: the arguments that gave nothing (a
 * failed fetch, a missing file); a story's unreadable sources are in its
 * warnings when it is opened.  With one story, they are in its warnings. */
char *const *loader_warnings(const struct loader *ld, size_t *n);

/* Whether the files and directories among the paths changed on disk
 * since the loading began (watch.h). */
bool loader_changed(const struct loader *ld);

/* Once done with several stories: opens the same paths again (the
 * stories, their warnings and loader_groups' set are dropped). */
void loader_restart(struct loader *ld);

/* Stops the loading if it still runs (at the next source), waits for the
 * thread and frees everything not taken. */
void loader_free(struct loader *ld);

#endif
