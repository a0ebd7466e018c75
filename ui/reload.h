/*
 * reload: the reader's side of its sources: `r` and the watch read them
 * again from the arguments the story came from (story_reload: an edited
 * article, a file new in or gone from a directory), keeping the source and
 * sentence read where they still exist.  The watch looks at the sources'
 * fingerprint, taken on a thread of its own (watcher.h), as retag does at
 * the taxonomy file.  Each returns dirty flags, with REACT_RETAGGED when
 * the documents changed: whatever points into the old ones (an open
 * overlay) must go.  A reload owns its watcher: reload_free stops it.
 */
#ifndef PARALLAX_UI_RELOAD_H
#define PARALLAX_UI_RELOAD_H

struct reader;
struct story_options;
struct watcher;

struct reload {
	const struct story_options *how;	/* borrowed: jobs, --offline */
	struct watcher *watcher;	/* the sources as last read */
};

/* Starts watching R's story's sources as they are now. */
void reload_init(struct reload *rl, const struct reader *r,
    const struct story_options *how);

void reload_free(struct reload *rl);

/* Reads the sources again now. */
int reload_sources(struct reload *rl, struct reader *r);

/* Reads them again when they changed on disk since they were last read. */
int reload_watch(struct reload *rl, struct reader *r);

#endif
