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
 * enough that no worker waits on a slow item's neighbours, or while the
 * other thread is off its core for a time slice (4 made the worker wait
 * for room about 500 times on the 7,754 AllSides articles at load 8; 16,
 * about 150, for 1 MB more), few enough that a stream holds a few dozen
 * documents. */
#define POOL_AHEAD 16

struct pool;

/* One thread's part: its state, and the results it made that have been
 * delivered and wait to be released on it. */
struct pool_hand {
	struct pool *pool;
	void *state;
	void **returned;	/* [window], under the pool's lock */
	size_t nreturned;
};

/*
 * The shared state, under LOCK.  Item I's result waits in slot I %
 * WINDOW: a worker takes item I only once item I - WINDOW has been
 * delivered, so a slot is never wanted by two items at once.
 *
 * A thread woken while its waker still holds LOCK wakes only to sleep on
 * the lock (two more switches, and a futex call in the waker's unlock),
 * so every signal goes out after unlocking, and only to a thread that
 * said it waits.
 */
struct pool {
	const struct pool_work *work;
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* the awaited item is done */
	pthread_cond_t room;	/* items were delivered (and returned) */
	size_t next_take;	/* the next item a worker takes */
	size_t next_deliver;	/* the item the caller waits for */
	size_t window;
	void **results;		/* [window] */
	struct pool_hand **owner;	/* [window]: whose thread ran it */
	bool *done;		/* [window] */
	bool caller_waits;	/* on READY */
	unsigned workers_wait;	/* on ROOM */
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

/* Wakes C's waiters with P's lock released (held before and after). */
static void
pool_wake(struct pool *p, pthread_cond_t *c)
{
	pool_unlock(&p->lock);
	pthread_cond_broadcast(c);
	pool_lock(&p->lock);
}

/* Whether the next item may be taken now. */
static bool
pool_can_take(const struct pool *p)
{
	return p->next_take < p->work->nitems &&
	    p->next_take < p->next_deliver + p->window;
}

/* Takes the next item and runs it on HAND with P's lock released (held
 * before and after); tells the caller when it waits for this item. */
static void
pool_take(struct pool *p, struct pool_hand *hand)
{
	const struct pool_work *w = p->work;
	size_t item = p->next_take++, slot = item % p->window;
	void *result;

	pool_unlock(&p->lock);
	result = w->run(w->ctx, hand->state, item);
	pool_lock(&p->lock);
	p->results[slot] = result;
	p->owner[slot] = hand;
	p->done[slot] = true;
	if (item == p->next_deliver && p->caller_waits)
		pool_wake(p, &p->ready);
}

/* Releases the results delivered from HAND's items, with P's lock
 * released (held before and after): on HAND's thread, which made them, so
 * that no thread frees what another allocated (glibc would lock the
 * maker's arena, which its thread is using). */
static void
pool_release_returned(struct pool *p, struct pool_hand *hand, void **spare)
{
	const struct pool_work *w = p->work;
	size_t n = hand->nreturned, i;

	for (i = 0; i < n; i++)
		spare[i] = hand->returned[i];
	hand->nreturned = 0;
	pool_unlock(&p->lock);
	for (i = 0; i < n; i++)
		w->release(w->ctx, hand->state, spare[i]);
	pool_lock(&p->lock);
}

/* A worker thread: it releases what was returned to it, takes items while
 * the window allows, and ends once every item has been delivered (so all
 * of its results have come back to it). */
static void *
pool_worker(void *arg)
{
	struct pool_hand *hand = arg;
	struct pool *p = hand->pool;
	const struct pool_work *w = p->work;
	void **spare = xcalloc(p->window, sizeof *spare);

	hand->state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;
	pool_lock(&p->lock);
	for (;;) {
		if (hand->nreturned > 0)
			pool_release_returned(p, hand, spare);
		else if (pool_can_take(p))
			pool_take(p, hand);
		else if (p->next_deliver == w->nitems)
			break;
		else {
			p->workers_wait++;
			pool_wait(&p->room, &p->lock);
			p->workers_wait--;
		}
	}
	pool_unlock(&p->lock);
	free(spare);
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, hand->state);
	return NULL;
}

/* Every item on the calling thread, in order. */
static void
pool_run_here(const struct pool_work *w)
{
	void *state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;
	void *result;
	size_t i;

	for (i = 0; i < w->nitems; i++) {
		result = w->run(w->ctx, state, i);
		w->deliver(w->ctx, i, result);
		if (w->release != NULL)
			w->release(w->ctx, state, result);
	}
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, state);
}

/* Starts up to N workers, one a hand; returns how many started. */
static unsigned
pool_start(pthread_t *threads, struct pool_hand *hands, unsigned n)
{
	sigset_t all, old;
	unsigned started = 0;

	/* Signals (a terminal's SIGTSTP, SIGWINCH, SIGINT) go to the
	 * caller's thread: workers start with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	while (started < n && pthread_create(&threads[started], NULL,
	    pool_worker, &hands[started]) == 0)
		started++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return started;
}

/*
 * Delivers the K items from the next one on, all done, with P's lock
 * released (held before and after): they stay in their slots, which no
 * worker may take until they are delivered.  The caller's own results
 * are released at once; the others go back to the hand that made them,
 * and waiting workers are woken once, for the whole run.
 */
static void
pool_deliver(struct pool *p, struct pool_hand *me, size_t k)
{
	const struct pool_work *w = p->work;
	size_t first = p->next_deliver, i, slot;
	struct pool_hand *hand;

	pool_unlock(&p->lock);
	for (i = 0; i < k; i++) {
		slot = (first + i) % p->window;
		w->deliver(w->ctx, first + i, p->results[slot]);
		if (w->release != NULL && p->owner[slot] == me)
			w->release(w->ctx, me->state, p->results[slot]);
	}
	pool_lock(&p->lock);
	for (i = 0; i < k; i++) {
		slot = (first + i) % p->window;
		hand = p->owner[slot];
		if (w->release != NULL && hand != me) {
			/* A hand has at most a window of items out. */
			if (hand->nreturned == p->window)
				fatal("pool: a hand has too many results back");
			hand->returned[hand->nreturned++] = p->results[slot];
		}
		p->done[slot] = false;
	}
	p->next_deliver += k;
	if (p->workers_wait > 0)
		pool_wake(p, &p->room);
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
pool_share(struct pool *p, struct pool_hand *me)
{
	const struct pool_work *w = p->work;
	size_t k;

	pool_lock(&p->lock);
	while (p->next_deliver < w->nitems) {
		for (k = 0; k < p->window && p->next_deliver + k < w->nitems &&
		    p->done[(p->next_deliver + k) % p->window]; k++)
			;
		if (k > 0)
			pool_deliver(p, me, k);
		else if (pool_can_take(p))
			pool_take(p, me);
		else {
			p->caller_waits = true;
			pool_wait(&p->ready, &p->lock);
			p->caller_waits = false;
		}
	}
	pool_unlock(&p->lock);
}

void
pool_run(const struct pool_work *w)
{
	struct pool p = { 0 };
	struct pool_hand *hands, *me;
	pthread_t *threads;
	unsigned jobs = w->jobs, started, i;

	if ((size_t)jobs > w->nitems)
		jobs = (unsigned)w->nitems;
	if (jobs <= 1) {
		pool_run_here(w);
		return;
	}
	p.work = w;
	p.window = (size_t)jobs * POOL_AHEAD;
	p.results = xcalloc(p.window, sizeof *p.results);
	p.owner = xcalloc(p.window, sizeof *p.owner);
	p.done = xcalloc(p.window, sizeof *p.done);
	if (pthread_mutex_init(&p.lock, NULL) != 0 ||
	    pthread_cond_init(&p.ready, NULL) != 0 ||
	    pthread_cond_init(&p.room, NULL) != 0)
		fatal("pool: cannot make a lock");
	/* The caller is one of the JOBS threads: the last hand. */
	hands = xcalloc(jobs, sizeof *hands);
	for (i = 0; i < jobs; i++) {
		hands[i].pool = &p;
		hands[i].returned = xcalloc(p.window,
		    sizeof *hands[i].returned);
	}
	threads = xcalloc(jobs - 1, sizeof *threads);
	started = pool_start(threads, hands, jobs - 1);
	me = &hands[jobs - 1];
	me->state = w->worker_new != NULL ? w->worker_new(w->ctx) : NULL;
	pool_share(&p, me);
	if (w->worker_free != NULL)
		w->worker_free(w->ctx, me->state);
	for (i = 0; i < started; i++) {
		if (pthread_join(threads[i], NULL) != 0)
			fatal("pool: cannot join a worker");
	}
	for (i = 0; i < jobs; i++)
		free(hands[i].returned);
	free(hands);
	free(threads);
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.ready);
	pthread_mutex_destroy(&p.lock);
	free(p.done);
	free(p.owner);
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
