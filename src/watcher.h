/*
 * watcher: the sources' fingerprint (watch.h) taken on a thread of its
 * own, once a period, so that the reader's loop, which must answer a key
 * within milliseconds, never stats a directory itself: a directory of
 * 10,000 sources takes about 20 ms.  The loop takes a fingerprint as the
 * sources are read (watcher_rebase) and asks cheaply whether one taken by
 * the thread since then differs (watcher_changed).
 *
 * The thread starts at the first watcher_changed, and takes a fingerprint
 * only in a period after one: a watcher nobody asks (the story list's,
 * while a story is read) leaves the disk alone.  A watcher copies the
 * paths it is given; watcher_stop ends the thread and frees it all.  When
 * no thread can be had, watcher_changed takes the fingerprint itself, as
 * the loop did before.  Rebase and ask from one thread.
 */
#ifndef PARALLAX_WATCHER_H
#define PARALLAX_WATCHER_H

#include <stdbool.h>
#include <stddef.h>

struct watcher;

/* The period the reader watches its sources at: a change shows within a
 * second (the man page says so). */
#define WATCHER_PERIOD_MS 1000

/* Starts watching PATHS as they are now, every PERIOD_MS milliseconds. */
struct watcher *watcher_start(char *const *paths, size_t npaths,
    unsigned period_ms);

/* Takes the fingerprint now, on the caller's thread, as that of the
 * sources just read: changes count from here. */
void watcher_rebase(struct watcher *w);

/* Whether a fingerprint the thread took after the last rebase differs from
 * the rebase's.  Never waits for a stat. */
bool watcher_changed(struct watcher *w);

/* Ends the thread (at once: it is woken) and frees W; NULL is ignored. */
void watcher_stop(struct watcher *w);

#endif
