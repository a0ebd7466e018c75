/* watcher: the sources' fingerprint taken on a thread of its own. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "watch.h"
#include "watcher.h"
#include "xalloc.h"

struct watcher {
	char **paths;		/* the watcher's copies, read-only */
	size_t npaths;
	unsigned period_ms;
	pthread_t thread;
	bool asked;		/* watcher_changed was called: a thread was tried */
	bool threaded;		/* and runs */

	/* Shared with the thread, under LOCK. */
	pthread_mutex_t lock;
	pthread_cond_t wake;	/* watcher_stop's call to end now */
	bool stop;
	bool wanted;		/* asked since the thread last looked */
	unsigned long epoch;	/* rebases so far */
	uint64_t base;		/* the last rebase's fingerprint */
	uint64_t seen;		/* the thread's last fingerprint */
	unsigned long seen_epoch;	/* the epoch when it began taking it */
};

/* The time PERIOD_MS from now, on the clock the condition waits on. */
static void
watcher_deadline(struct timespec *until, unsigned period_ms)
{
	clock_gettime(CLOCK_MONOTONIC, until);
	until->tv_sec += period_ms / 1000;
	until->tv_nsec += (long)(period_ms % 1000) * 1000000L;
	if (until->tv_nsec >= 1000000000L) {
		until->tv_sec++;
		until->tv_nsec -= 1000000000L;
	}
}

static void *
watcher_thread(void *arg)
{
	struct watcher *w = arg;
	struct timespec until;
	unsigned long epoch;
	uint64_t fingerprint;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		watcher_deadline(&until, w->period_ms);
		while (!w->stop && pthread_cond_timedwait(&w->wake, &w->lock,
		    &until) != ETIMEDOUT)
			;
		if (w->stop)
			break;
		/* Nobody asked (the story list's watcher while a story is
		 * read): the disk is left alone. */
		if (!w->wanted)
			continue;
		w->wanted = false;
		/* A rebase while the stat runs makes this one stale: the
		 * epoch it began in tells. */
		epoch = w->epoch;
		pthread_mutex_unlock(&w->lock);
		fingerprint = watch_fingerprint(w->paths, w->npaths);
		pthread_mutex_lock(&w->lock);
		w->seen = fingerprint;
		w->seen_epoch = epoch;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct watcher *
watcher_start(char *const *paths, size_t npaths, unsigned period_ms)
{
	struct watcher *w = xcalloc(1, sizeof *w);
	pthread_condattr_t attr;
	size_t i;

	w->paths = xcalloc(npaths + 1, sizeof *w->paths);
	for (i = 0; i < npaths; i++)
		w->paths[i] = xstrdup(paths[i]);
	w->npaths = npaths;
	w->period_ms = period_ms;
	if (pthread_mutex_init(&w->lock, NULL) != 0 ||
	    pthread_condattr_init(&attr) != 0 ||
	    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) != 0 ||
	    pthread_cond_init(&w->wake, &attr) != 0)
		fatal("watcher: cannot make a lock");
	pthread_condattr_destroy(&attr);
	watcher_rebase(w);
	return w;
}

void
watcher_rebase(struct watcher *w)
{
	uint64_t fingerprint;

	/* The epoch goes first: whatever the thread takes from now on is
	 * taken after the sources were read, so it differs only when they
	 * changed since. */
	pthread_mutex_lock(&w->lock);
	w->epoch++;
	pthread_mutex_unlock(&w->lock);
	fingerprint = watch_fingerprint(w->paths, w->npaths);
	pthread_mutex_lock(&w->lock);
	w->base = fingerprint;
	pthread_mutex_unlock(&w->lock);
}

/* The thread starts when first asked: a watcher nobody asks (the loader's,
 * when the reader opens one story and watches it itself) costs no stat. */
static void
watcher_launch(struct watcher *w)
{
	sigset_t all, old;

	w->asked = true;
	/* Signals (the terminal's SIGWINCH, SIGTSTP) stay with the reader's
	 * thread: this one starts with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	w->threaded = pthread_create(&w->thread, NULL, watcher_thread, w) ==
	    0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

bool
watcher_changed(struct watcher *w)
{
	bool changed;

	if (!w->asked)
		watcher_launch(w);
	if (!w->threaded)
		return watch_fingerprint(w->paths, w->npaths) != w->base;
	pthread_mutex_lock(&w->lock);
	w->wanted = true;
	changed = w->seen_epoch == w->epoch && w->seen != w->base;
	pthread_mutex_unlock(&w->lock);
	return changed;
}

void
watcher_stop(struct watcher *w)
{
	size_t i;

	if (w == NULL)
		return;
	if (w->threaded) {
		pthread_mutex_lock(&w->lock);
		w->stop = true;
		pthread_cond_signal(&w->wake);
		pthread_mutex_unlock(&w->lock);
		if (pthread_join(w->thread, NULL) != 0)
			fatal("watcher: cannot join the watching thread");
	}
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	for (i = 0; i < w->npaths; i++)
		free(w->paths[i]);
	free(w->paths);
	free(w);
}
