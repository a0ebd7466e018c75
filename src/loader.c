/* loader: sources opened on a thread of their own, read by the reader. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "group.h"
#include "input.h"
#include "loader.h"
#include "outlets.h"
#include "repeated.h"
#include "story.h"
#include "taxonomy.h"
#include "watcher.h"
#include "xalloc.h"

struct loader {
	pthread_t thread;
	bool threaded;		/* a thread was started (and not yet joined) */
	char **paths;
	size_t npaths;
	struct story_options how;
	bool group;
	struct watcher *watcher;	/* the paths, as the loading began */

	/* Written by the thread, read once it is joined. */
	struct taxonomy *tax;
	struct outlets *outlets;
	struct group_set *groups;	/* several stories, or NULL */
	struct repeated *repeated;	/* the lines counted while grouping */
	struct story *story;
	char *cause;		/* why there is no story */
	char **warnings;	/* the grouping pass's */
	size_t nwarnings;

	/* Shared with the thread while it runs. */
	atomic_int step;
	atomic_size_t done, total;
	atomic_bool stop;	/* loader_free asks the thread to end */
	atomic_bool finished;
};

/* On the thread: each step of the reading, published for the reader. */
static bool
loader_progress(void *ctx, enum story_step step, size_t done, size_t total)
{
	struct loader *ld = ctx;

	atomic_store(&ld->total, total);
	atomic_store(&ld->done, done);
	atomic_store(&ld->step, (int)step);
	return !atomic_load(&ld->stop);
}

static void
loader_warning(void *ctx, char *message)
{
	struct loader *ld = ctx;

	ld->warnings = xreallocarray(ld->warnings, ld->nwarnings + 1,
	    sizeof *ld->warnings);
	ld->warnings[ld->nwarnings++] = message;
}

/* A source that cannot be read, met while grouping: the story list opens
 * it again and says so then. */
static void
loader_ignore(void *ctx, char *message)
{
	(void)ctx;
	free(message);
}

/* The warnings of expanding the arguments go before the story's own. */
static void
loader_give_warnings(struct loader *ld, struct story *story)
{
	size_t n = ld->nwarnings + story->nwarnings;

	if (ld->nwarnings == 0)
		return;
	ld->warnings = xreallocarray(ld->warnings, n + 1,
	    sizeof *ld->warnings);
	if (story->nwarnings != 0)
		memcpy(ld->warnings + ld->nwarnings, story->warnings,
		    story->nwarnings * sizeof *story->warnings);
	free(story->warnings);
	story->warnings = ld->warnings;
	story->nwarnings = n;
	ld->warnings = NULL;
	ld->nwarnings = 0;
}

/*
 * The whole loading, on the thread (or on the caller without one).  The
 * arguments are expanded once, so URLs are fetched and standard input read
 * once, however many passes read them.
 */
static void
loader_run(struct loader *ld)
{
	struct story_options how = ld->how;
	struct input_list list;

	story_expand(ld->paths, ld->npaths, &ld->how, &list, loader_warning,
	    ld);
	if (ld->group) {
		ld->repeated = repeated_new();
		ld->groups = archive_group_list(&list, &ld->how, ld->repeated,
		    loader_ignore, ld);
		if (atomic_load(&ld->stop) ||
		    group_set_nstories(ld->groups) > 1) {
			input_list_free(&list);
			return;
		}
		/* One story: it is read again, tagged, as the story, and
		 * marked by the lines counted meanwhile. */
		group_set_free(ld->groups);
		ld->groups = NULL;
		how.repeated = ld->repeated;
	}
	if (story_load_list(&ld->story, &list, ld->paths, ld->npaths, ld->tax,
	    &how, &ld->cause) != 0) {
		ld->story = NULL;
		/* Nothing to read at all: why, rather than "no sources". */
		if (list.n == 0 && ld->nwarnings != 0) {
			free(ld->cause);
			ld->cause = xstrdup(ld->warnings[ld->nwarnings - 1]);
		}
		input_list_free(&list);
		return;
	}
	input_list_free(&list);
	ld->tax = NULL;
	loader_give_warnings(ld, ld->story);
	story_set_outlets(ld->story, ld->outlets);
	ld->outlets = NULL;
}

static void *
loader_thread(void *arg)
{
	struct loader *ld = arg;

	loader_run(ld);
	atomic_store(&ld->finished, true);
	return NULL;
}

/* Starts the thread (or loads here without one). */
static void
loader_launch(struct loader *ld)
{
	sigset_t all, old;

	if (ld->watcher == NULL)
		ld->watcher = watcher_start(ld->paths, ld->npaths,
		    WATCHER_PERIOD_MS);
	else
		watcher_rebase(ld->watcher);
	atomic_store(&ld->step, STORY_READING);
	atomic_store(&ld->done, 0);
	atomic_store(&ld->total, 0);
	atomic_store(&ld->finished, false);
	/* Signals (the terminal's SIGWINCH, SIGTSTP) stay with the reader's
	 * thread: the loading thread starts with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	ld->threaded = pthread_create(&ld->thread, NULL, loader_thread,
	    ld) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!ld->threaded)
		loader_thread(ld);	/* no thread to be had: load now */
}

struct loader *
loader_start(char *const *paths, size_t npaths, struct taxonomy *tax,
    struct outlets *outlets, const struct story_options *how, bool group)
{
	struct loader *ld = xcalloc(1, sizeof *ld);
	size_t i;

	ld->paths = xcalloc(npaths + 1, sizeof *ld->paths);
	for (i = 0; i < npaths; i++)
		ld->paths[i] = xstrdup(paths[i]);
	ld->npaths = npaths;
	if (how != NULL)
		ld->how = *how;
	ld->how.on_progress = loader_progress;
	ld->how.progress_ctx = ld;
	ld->group = group;
	ld->tax = tax;
	ld->outlets = outlets;
	atomic_init(&ld->step, STORY_READING);
	atomic_init(&ld->done, 0);
	atomic_init(&ld->total, 0);
	atomic_init(&ld->stop, false);
	atomic_init(&ld->finished, false);
	loader_launch(ld);
	return ld;
}

bool
loader_changed(const struct loader *ld)
{
	return watcher_changed(ld->watcher);
}

void
loader_restart(struct loader *ld)
{
	size_t i;

	if (!loader_done(ld) || ld->groups == NULL)
		fatal("loader: restarted before it is done, or with a story");
	group_set_free(ld->groups);
	ld->groups = NULL;
	repeated_free(ld->repeated);
	ld->repeated = NULL;
	for (i = 0; i < ld->nwarnings; i++)
		free(ld->warnings[i]);
	free(ld->warnings);
	ld->warnings = NULL;
	ld->nwarnings = 0;
	loader_launch(ld);
}

void
loader_status(const struct loader *ld, struct loader_status *st)
{
	/* The three may come from neighbouring updates: it is only shown. */
	st->step = (enum story_step)atomic_load(&ld->step);
	st->done = atomic_load(&ld->done);
	st->total = atomic_load(&ld->total);
}

bool
loader_done(struct loader *ld)
{
	if (!atomic_load(&ld->finished))
		return false;
	if (ld->threaded) {
		if (pthread_join(ld->thread, NULL) != 0)
			fatal("loader: cannot join the loading thread");
		ld->threaded = false;
	}
	return true;
}

const struct group_set *
loader_groups(const struct loader *ld)
{
	return ld->groups;
}

const struct repeated *
loader_repeated(const struct loader *ld)
{
	return ld->repeated;
}

const struct outlets *
loader_outlets(const struct loader *ld)
{
	return ld->outlets;
}

struct story *
loader_take_story(struct loader *ld, char **cause)
{
	struct story *story = ld->story;

	ld->story = NULL;
	if (story == NULL) {
		*cause = ld->cause != NULL ? ld->cause :
		    xstrdup("no sources given");
		ld->cause = NULL;
	}
	return story;
}

char *const *
loader_warnings(const struct loader *ld, size_t *n)
{
	*n = ld->nwarnings;
	return ld->warnings;
}

void
loader_free(struct loader *ld)
{
	size_t i;

	if (ld == NULL)
		return;
	atomic_store(&ld->stop, true);
	if (ld->threaded && pthread_join(ld->thread, NULL) != 0)
		fatal("loader: cannot join the loading thread");
	watcher_stop(ld->watcher);
	for (i = 0; i < ld->npaths; i++)
		free(ld->paths[i]);
	free(ld->paths);
	for (i = 0; i < ld->nwarnings; i++)
		free(ld->warnings[i]);
	free(ld->warnings);
	taxonomy_free(ld->tax);
	outlets_free(ld->outlets);
	group_set_free(ld->groups);
	repeated_free(ld->repeated);
	story_free(ld->story);
	free(ld->cause);
	free(ld);
}
