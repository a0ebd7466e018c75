/* reload: the story's sources read again, on `r` or when they change. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "reader.h"
#include "reload.h"
#include "story.h"
#include "watcher.h"
#include "xalloc.h"

void
reload_init(struct reload *rl, const struct reader *r,
    const struct story_options *how)
{
	rl->how = how;
	rl->watcher = watcher_start(r->story->paths, r->story->npaths,
	    WATCHER_PERIOD_MS);
}

void
reload_free(struct reload *rl)
{
	watcher_stop(rl->watcher);
	rl->watcher = NULL;
}

static bool
reload_same_text(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The document read again that is OLD (by path, then title), or NONE. */
static size_t
reload_find(const struct story *story, const char *path, const char *title)
{
	size_t i, by_path = NONE;

	for (i = 0; i < story->ndocs; i++) {
		if (!reload_same_text(story->docs[i]->path, path))
			continue;
		/* A feed gives many documents of one path. */
		if (reload_same_text(story->docs[i]->title, title))
			return i;
		if (by_path == NONE)
			by_path = i;
	}
	return by_path;
}

int
reload_sources(struct reload *rl, struct reader *r)
{
	struct story *story = r->story;
	const struct document *doc = story->docs[r->doc];
	char *path = doc->path != NULL ? xstrdup(doc->path) : NULL;
	char *title = doc->title != NULL ? xstrdup(doc->title) : NULL;
	char *cause;
	size_t before = story->ndocs, s = r->sentence, at;

	/* Taken before reading: a change made while reading is seen next
	 * time round. */
	watcher_rebase(rl->watcher);
	if (story_reload(story, rl->how, &cause) != 0) {
		reader_message(r, true, "sources not reloaded: %s", cause);
		free(cause);
		free(path);
		free(title);
		return DIRTY_STATUS;
	}
	at = reload_find(story, path, title);
	reader_reloaded(r, at != NONE ? at : 0, at != NONE ? s : NONE);
	free(path);
	free(title);
	/* The loop links the claims again once this is drawn. */
	if (story->nwarnings != 0)
		reader_message(r, true, "reloaded %zu -> %zu sources; %s%s",
		    before, story->ndocs, story->warnings[0],
		    story->nwarnings > 1 ? " (and more)" : "");
	else
		reader_message(r, false, "reloaded %zu -> %zu sources",
		    before, story->ndocs);
	return DIRTY_ALL | REACT_RETAGGED;
}

int
reload_watch(struct reload *rl, struct reader *r)
{
	if (!watcher_changed(rl->watcher))
		return 0;
	return reload_sources(rl, r);
}
