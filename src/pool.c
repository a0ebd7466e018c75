#include "config.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool.h"
#include "xalloc.h"

/* Items a worker may run ahead of the one being waited for, per worker:
 * enough that no worker waits on a slow item's neighbours, few enough
 * that a stream holds a handful of documents. */
#define POOL_AHEAD 4

/*
 * The shared state, under LOCK.  Item I's result waits in slot I %
 * WINDOW: a worker takes item I only once item I - WINDOW has been
 * delivered, so a slot is never wanted by two items at once.
 */
struct pool {
	const struct pool_work *work;
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* the awaited item is done */
	pthread_cond_t room;	/* an item was delivered: a slot is free */
	size_t next_take;	/* the next item a worker takes */
	size_t next_deliver;	/* the item the caller waits for */
	size_t window;
	void **results;		/* [window] */
	bool *done;		/* [window] */
};

static void
pool_lock(pthread_mutex_t *m)
{
	if (pthread_mutex_lock(m) != 0)
		fatal("pool: cannot lock");
}

static void
pool_unlock(pthread_mutex_t *m)
{
	if (pthread_mutex_unlock(m) != 0)
		fatal("pool: cannot unlock");
}

static void
pool_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	if (pthread_cond_wait(c, m) != 0)
		fatal("pool: cannot wait");
}

/* Takes the next item and runs it with P's lock released (held before
 * and after); returns the item. */
static size_t
pool_take(struct pool *p, void *state)
{
	const struct pool_work *w = p->work;
	size_t item = p->next_take++;
	void *result;

	pool_unlock(&p->lock);
	result = w->run(w->ctx, state, item);
	pool_lock(&p->lock);
	p->results[item % p->window] = result;
	p->done[item % p->window] = true;
	return item;
}

static void *
pool_worker(void *arg)
{
	struct pool *p = arg;
	const struct pool_work *w = p->work;
	void *state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;

	pool_lock(&p->lock);
	for (;;) {
		while (p->next_take < w->nitems &&
		    p->next_take >= p->next_deliver + p->window)
			pool_wait(&p->room, &p->lock);
		if (p->next_take == w->nitems)
			break;
		if (pool_take(p, state) == p->next_deliver)
			pthread_cond_signal(&p->ready);
	}
	pool_unlock(&p->lock);
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, state);
	return NULL;
}

/* Every item on the calling thread, in order. */
static void
pool_run_here(const struct pool_work *w)
{
	void *state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;
	size_t i;

	for (i = 0; i < w->nitems; i++)
		w->deliver(w->ctx, i, w->run(w->ctx, state, i));
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, state);
}

/* Starts up to N workers; returns how many started. */
static unsigned
pool_start(struct pool *p, pthread_t *threads, unsigned n)
{
	sigset_t all, old;
	unsigned started = 0;

	/* Signals (a terminal's SIGTSTP, SIGWINCH, SIGINT) go to the
	 * caller's thread: workers start with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	while (started < n &&
	    pthread_create(&threads[started], NULL, pool_worker, p) == 0)
		started++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return started;
}

/*
 * The caller's part: it delivers every result that is ready, in order,
 * and between deliveries runs items itself, sleeping only when the item
 * it must deliver next is still on a worker and the window is full or
 * empty.  A caller that only waited and delivered slept and woke once
 * an item: two context switches and a futex call each, and on 2 cores a
 * third thread taking turns with the workers.
 */
static void
pool_share(struct pool *p, void *state)
{
	const struct pool_work *w = p->work;
	size_t slot;
	void *result;

	pool_lock(&p->lock);
	while (p->next_deliver < w->nitems) {
		slot = p->next_deliver % p->window;
		if (p->done[slot]) {
			result = p->results[slot];
			p->done[slot] = false;
			pool_unlock(&p->lock);
			w->deliver(w->ctx, p->next_deliver, result);
			pool_lock(&p->lock);
			p->next_deliver++;
			pthread_cond_broadcast(&p->room);
		} else if (p->next_take < w->nitems &&
		    p->next_take < p->next_deliver + p->window) {
			pool_take(p, state);
		} else
			pool_wait(&p->ready, &p->lock);
	}
	pool_unlock(&p->lock);
}

void
pool_run(const struct pool_work *w)
{
	struct pool p;
	pthread_t *threads;
	unsigned jobs = w->jobs, started, i;
	void *state;

	if ((size_t)jobs > w->nitems)
		jobs = (unsigned)w->nitems;
	if (jobs <= 1) {
		pool_run_here(w);
		return;
	}
	p.work = w;
	p.next_take = p.next_deliver = 0;
	p.window = (size_t)jobs * POOL_AHEAD;
	p.results = xcalloc(p.window, sizeof *p.results);
	p.done = xcalloc(p.window, sizeof *p.done);
	if (pthread_mutex_init(&p.lock, NULL) != 0 ||
	    pthread_cond_init(&p.ready, NULL) != 0 ||
	    pthread_cond_init(&p.room, NULL) != 0)
		fatal("pool: cannot make a lock");
	/* The caller is one of the JOBS threads. */
	threads = xcalloc(jobs - 1, sizeof *threads);
	started = pool_start(&p, threads, jobs - 1);
	state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;
	pool_share(&p, state);
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, state);
	for (i = 0; i < started; i++) {
		if (pthread_join(threads[i], NULL) != 0)
			fatal("pool: cannot join a worker");
	}
	free(threads);
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.ready);
	pthread_mutex_destroy(&p.lock);
	free(p.done);
	free(p.results);
}

unsigned
pool_cpus(void)
{
	long n;
#ifdef CPU_COUNT
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
#endif
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}
