/*
 * pool: numbered work items run on worker threads, each item's result
 * handed back on the calling thread in item order, whatever order the
 * workers finish in.  So a caller that consumes results in order (a story
 * appending documents, an export writing them) gets the same output for
 * any number of threads.
 *
 * Workers take items in ascending order and run at most a window of items
 * ahead of the one the caller is waiting for, so a stream of any length
 * holds only a few results at a time.  The caller is a worker too: it
 * runs items between deliveries, so N jobs are N threads, not N + 1.
 * Each worker has its own state (scratch space, a tagger) made and freed
 * on its own thread; everything else the items read is shared and must
 * not change while the pool runs.
 * A result belongs to the pool until it is delivered.  Without RELEASE,
 * it is then DELIVER's; with RELEASE, DELIVER only borrows it and the pool
 * hands it to RELEASE afterwards on the thread that made it, so that
 * memory is freed by the thread that allocated it.
 */
#ifndef PARALLAX_POOL_H
#define PARALLAX_POOL_H

#include <stddef.h>

struct pool_work {
	size_t nitems;
	unsigned jobs;	/* threads, the caller's included; 0 or 1: every
			 * item on the caller */
	void *ctx;	/* passed to each function */
	/* A worker's own state, or NULL; both may be NULL. */
	void *(*worker_new)(void *ctx);
	void (*worker_free)(void *ctx, void *worker);
	/* Runs ITEM on a worker (or the caller) and returns its result (may
	 * be NULL). */
	void *(*run)(void *ctx, void *worker, size_t item);
	/* On the calling thread, for item 0, 1, 2, ... in turn. */
	void (*deliver)(void *ctx, size_t item, void *result);
	/* Or NULL: frees a delivered result, on the thread (and with the
	 * worker's state) that ran its item, before that worker ends. */
	void (*release)(void *ctx, void *worker, void *result);
};

/* Runs every item of WORK and returns once each has been delivered.  With
 * no thread to be had it runs them on the caller, the same way. */
void pool_run(const struct pool_work *work);

/* The CPUs this process may run on (its affinity mask, else the online
 * ones): the default number of jobs. */
unsigned pool_cpus(void);

#endif
