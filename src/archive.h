/*
 * archive: many sources opened at once, read for their stories.  The
 * sources are streamed (story_read): one document in memory at a time,
 * only its grouping terms (group.h) kept, so an archive far larger than
 * memory groups.  The caller owns the group_set returned and the path
 * arrays handed out.
 */
#ifndef PARALLAX_ARCHIVE_H
#define PARALLAX_ARCHIVE_H

#include <stddef.h>

#include "story.h"

struct group_set;
struct input_list;
struct group_story;
struct repeated;

/*
 * Reads every source named by PATHS as story_read does with HOW (article
 * I of the set is the I-th document read), and groups them.  Each source that
 * cannot be read goes to ON_WARNING.  When HOW's progress callback asks to
 * stop, the set returned is not grouped, only fit to be freed.  The lines
 * each source carries are counted into REPEATED (repeated.h; may be NULL),
 * so a story read from the archive later is marked by the whole archive's
 * repeated lines.
 */
struct group_set *archive_group(char *const *paths, size_t npaths,
    const struct story_options *how, struct repeated *repeated,
    story_warning_fn on_warning, void *ctx);

/* archive_group on PATHS already expanded (story_expand), which it leaves
 * as they were. */
struct group_set *archive_group_list(const struct input_list *list,
    const struct story_options *how, struct repeated *repeated,
    story_warning_fn on_warning, void *ctx);

/* The paths of ST's sources, in the order they were read, as an allocated
 * array of allocated strings (*N of them). */
char **archive_story_paths(const struct group_set *set,
    const struct group_story *st, size_t *n);

void archive_paths_free(char **paths, size_t n);

#endif
