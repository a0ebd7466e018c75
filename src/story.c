#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "coverage.h"
#include "document.h"
#include "input.h"
#include "outlets.h"
#include "spread.h"
#include "pool.h"
#include "repeated.h"
#include "story.h"
#include "tagger.h"
#include "taxonomy.h"
#include "xalloc.h"

/* What one item gave, in order: each entry a stage's result or a warning. */
struct story_entry {
	void *result;
	char *warning;	/* NULL for a result */
};

struct story_yield {
	struct story_entry *entries;
	size_t n, cap;
	const struct story_stage *stage;
	void *worker;	/* the stage's state on this worker */
};

struct story_reading {
	const struct input_list *list;
	const struct story_options *opts;
	const struct story_stage *stage;
	story_result_fn on_result;
	story_warning_fn on_warning;
	void *ctx;
	size_t nread;
	atomic_bool stopped;	/* the progress callback asked to stop */
};

static void
story_yield_add(struct story_yield *y, void *result, char *warning)
{
	if (y->n == y->cap) {
		y->cap = y->cap * 2 + 1;
		y->entries = xreallocarray(y->entries, y->cap,
		    sizeof *y->entries);
	}
	y->entries[y->n].result = result;
	y->entries[y->n].warning = warning;
	y->n++;
}

/* On a worker: each document an item gives goes through the stage there
 * and then. */
static void
story_yield_document(void *ctx, struct document *doc)
{
	struct story_yield *y = ctx;

	story_yield_add(y, y->stage->apply(y->stage->ctx, y->worker, doc),
	    NULL);
}

static void
story_yield_warning(void *ctx, char *message)
{
	story_yield_add(ctx, NULL, message);
}

static void *
story_worker_new(void *ctx)
{
	const struct story_stage *stage = ((struct story_reading *)ctx)->stage;

	return stage->worker_new != NULL ? stage->worker_new(stage->ctx) :
	    NULL;
}

static void
story_worker_free(void *ctx, void *worker)
{
	const struct story_stage *stage = ((struct story_reading *)ctx)->stage;

	if (stage->worker_free != NULL)
		stage->worker_free(stage->ctx, worker);
}

/* On a worker: loads one item's documents through the stage. */
static void *
story_read_item(void *ctx, void *worker, size_t i)
{
	struct story_reading *rd = ctx;
	struct story_yield *y = xcalloc(1, sizeof *y);

	y->stage = rd->stage;
	y->worker = worker;
	/* Asked to stop: the items left give nothing, so the pool ends. */
	if (!atomic_load(&rd->stopped))
			input_load_item(&rd->list->items[i], story_yield_document,
		    story_yield_warning, y);
	return y;
}

/* On the caller, in item order. */
static void
story_deliver(void *ctx, size_t i, void *result)
{
	struct story_reading *rd = ctx;
	struct story_yield *y = result;
	size_t k;

	for (k = 0; k < y->n; k++) {
		if (y->entries[k].warning == NULL) {
			rd->on_result(rd->ctx, y->entries[k].result);
			rd->nread++;
		} else
			rd->on_warning(rd->ctx, y->entries[k].warning);
	}
	if (rd->opts != NULL && rd->opts->on_progress != NULL &&
	    !atomic_load(&rd->stopped) &&
	    !rd->opts->on_progress(rd->opts->progress_ctx, STORY_READING,
	    i + 1, rd->list->n))
		atomic_store(&rd->stopped, true);
}

/* On the worker that made Y, once it is delivered: so that no thread frees
 * what another allocated. */
static void
story_release(void *ctx, void *worker, void *result)
{
	const struct story_stage *stage = ((struct story_reading *)ctx)->stage;
	struct story_yield *y = result;
	size_t k;

	for (k = 0; k < y->n && stage->release != NULL; k++) {
		if (y->entries[k].warning == NULL)
			stage->release(stage->ctx, worker, y->entries[k].result);
	}
	free(y->entries);
	free(y);
}

/* input_expand's fetching, told as a step of the reading. */
static bool
story_fetch_progress(void *ctx, size_t done, size_t total)
{
	const struct story_options *opts = ctx;

	return opts->on_progress(opts->progress_ctx, STORY_FETCHING, done,
	    total);
}

unsigned
story_jobs(const struct story_options *opts)
{
	return opts == NULL || opts->jobs == 0 ? pool_cpus() : opts->jobs;
}

void
story_expand(char *const *paths, size_t npaths,
    const struct story_options *opts, struct input_list *list,
    story_warning_fn on_warning, void *ctx)
{
	bool progress = opts != NULL && opts->on_progress != NULL;
	struct input_options in = { opts != NULL && opts->offline,
	    progress ? story_fetch_progress : NULL, (void *)(uintptr_t)opts };

	input_expand(paths, npaths, &in, list, on_warning, ctx);
}

size_t
story_read_list(const struct input_list *list,
    const struct story_options *opts, const struct story_stage *stage,
    story_result_fn on_result, story_warning_fn on_warning, void *ctx)
{
	struct story_reading rd = { list, opts, stage, on_result,
	    on_warning, ctx, 0, false };
	struct pool_work work = { 0 };

	if (opts != NULL && opts->on_progress != NULL &&
	    !opts->on_progress(opts->progress_ctx, STORY_READING, 0, list->n))
		atomic_store(&rd.stopped, true);
	work.nitems = list->n;
	work.jobs = story_jobs(opts);
	work.ctx = &rd;
	work.worker_new = story_worker_new;
	work.worker_free = story_worker_free;
	work.run = story_read_item;
	work.deliver = story_deliver;
	work.release = story_release;
	pool_run(&work);
	return rd.nread;
}

/* story_read's stage: marking the lines REPEATED counted, then tagging
 * by a fork of TAGGER on each worker. */
struct story_tagging {
	const struct tagger *tagger;	/* NULL: documents left untagged */
	const struct repeated *repeated;	/* may be NULL */
};

static void *
story_tagger_fork(void *ctx)
{
	const struct story_tagging *tg = ctx;

	return tg->tagger != NULL ? tagger_fork(tg->tagger) : NULL;
}

static void
story_tagger_free(void *ctx, void *worker)
{
	tagger_free(worker);
}

static void *
story_tag_stage(void *ctx, void *worker, struct document *doc)
{
	const struct story_tagging *tg = ctx;

	if (tg->repeated != NULL)
		repeated_mark(tg->repeated, doc);
	if (worker != NULL)
		story_tag_document(worker, doc);
	return doc;
}

/* story_read's caller takes documents, not results. */
struct story_documents {
	story_document_fn on_document;
	story_warning_fn on_warning;
	void *ctx;
};

static void
story_document_result(void *ctx, void *result)
{
	struct story_documents *sd = ctx;

	sd->on_document(sd->ctx, result);
}

static void
story_document_warning(void *ctx, char *message)
{
	struct story_documents *sd = ctx;

	sd->on_warning(sd->ctx, message);
}

/* story_read's documents, which its caller only borrows. */
static void
story_document_release(void *ctx, void *worker, void *doc)
{
	document_free(doc);
}

/* story_read on arguments already expanded; ON_DOCUMENT keeps each
 * document unless RELEASE frees it after. */
static size_t
story_read_tagged(const struct input_list *list,
    const struct story_options *opts, const struct tagger *tagger,
    void (*release)(void *ctx, void *worker, void *doc),
    story_document_fn on_document, story_warning_fn on_warning, void *ctx)
{
	struct story_tagging tg = { tagger, opts != NULL ? opts->repeated :
	    NULL };
	struct story_stage stage = { story_tagger_fork, story_tagger_free,
	    story_tag_stage, &tg, release };
	struct story_documents sd = { on_document, on_warning, ctx };

	return story_read_list(list, opts, &stage, story_document_result,
	    story_document_warning, &sd);
}

size_t
story_read(char *const *paths, size_t npaths,
    const struct story_options *opts, const struct tagger *tagger,
    story_document_fn on_document, story_warning_fn on_warning, void *ctx)
{
	struct input_list list;
	size_t n;

	story_expand(paths, npaths, opts, &list, on_warning, ctx);
	n = story_read_tagged(&list, opts, tagger, story_document_release,
	    on_document, on_warning, ctx);
	input_list_free(&list);
	return n;
}

/* What story_load grows while it reads. */
struct story_loading {
	struct story *story;
	size_t capdocs;
	size_t capwarnings;
};

static void
story_add_document(void *ctx, struct document *doc)
{
	struct story_loading *ld = ctx;
	struct story *story = ld->story;

	if (story->ndocs == ld->capdocs) {
		ld->capdocs = ld->capdocs == 0 ? 16 : ld->capdocs * 2;
		story->docs = xreallocarray(story->docs, ld->capdocs,
		    sizeof *story->docs);
	}
	story->docs[story->ndocs++] = doc;
}

static void
story_add_warning(void *ctx, char *message)
{
	struct story_loading *ld = ctx;
	struct story *story = ld->story;

	if (story->nwarnings == ld->capwarnings) {
		ld->capwarnings = ld->capwarnings == 0 ? 8 : ld->capwarnings * 2;
		story->warnings = xreallocarray(story->warnings,
		    ld->capwarnings, sizeof *story->warnings);
	}
	story->warnings[story->nwarnings++] = message;
}

void
story_tag_document(const struct tagger *tagger, struct document *doc)
{
	tagger_tag_document(tagger, doc);
}

static void
story_tag(struct story *story)
{
	size_t i;

	tagger_free(story->tagger);
	story->tagger = tagger_new(story->taxonomy);
	for (i = 0; i < story->ndocs; i++)
		story_tag_document(story->tagger, story->docs[i]);
	coverage_free(story->coverage);
	story->coverage = NULL;
}

/* Replaces the claims (NULL: none yet) and drops the coverage of the old. */
static void
story_set_claims(struct story *story, struct claims *claims)
{
	claims_free(story->claims);
	story->claims = claims;
	coverage_free(story->coverage);
	story->coverage = NULL;
	spread_free(story->spread);
	story->spread = NULL;
}

void
story_link(struct story *story)
{
	story_set_claims(story, claims_link(story->docs, story->ndocs,
	    story->taxonomy));
}

struct story_link_job {
	pthread_t thread;
	struct story *story;	/* read only while the thread runs */
	struct claims *claims;
	atomic_bool done;
};

static void *
story_link_thread(void *arg)
{
	struct story_link_job *job = arg;

	job->claims = claims_link(job->story->docs, job->story->ndocs,
	    job->story->taxonomy);
	atomic_store(&job->done, true);
	return NULL;
}

void
story_link_start(struct story *story)
{
	struct story_link_job *job;
	sigset_t all, old;
	int failed;

	if (story->linking != NULL || story->claims != NULL)
		return;
	job = xcalloc(1, sizeof *job);
	job->story = story;
	atomic_init(&job->done, false);
	/* Signals (a terminal's SIGTSTP, SIGWINCH) go to the reader's own
	 * thread: the linking thread starts with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	failed = pthread_create(&job->thread, NULL, story_link_thread, job);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (failed != 0) {
		/* No thread to be had: link here and now. */
		free(job);
		story_link(story);
		return;
	}
	story->linking = job;
}

void
story_link_abandon(struct story *story)
{
	if (story->linking != NULL &&
	    pthread_detach(story->linking->thread) != 0)
		fatal("story: cannot detach the linking thread");
}

bool
story_link_finish(struct story *story, bool wait)
{
	struct story_link_job *job = story->linking;

	if (job == NULL)
		return story->claims != NULL;
	if (!wait && !atomic_load(&job->done))
		return false;
	if (pthread_join(job->thread, NULL) != 0)
		fatal("story: cannot join the linking thread");
	story_set_claims(story, job->claims);
	story->linking = NULL;
	free(job);
	return true;
}

const struct coverage *
story_coverage(struct story *story)
{
	if (story->coverage == NULL)
		story->coverage = coverage_build(story->docs, story->ndocs,
		    story->claims, story->taxonomy);
	return story->coverage;
}

void
story_set_outlets(struct story *story, struct outlets *outlets)
{
	outlets_free(story->outlets);
	story->outlets = outlets;
	spread_free(story->spread);
	story->spread = NULL;
}

const struct spread *
story_spread(struct story *story)
{
	if (story->spread == NULL)
		story->spread = spread_build(story->docs, story->ndocs,
		    story->claims, story->outlets);
	return story->spread;
}

/* Frees the documents and warnings of STORY (the arrays too). */
static void
story_free_documents(struct story *story)
{
	size_t i;

	for (i = 0; i < story->ndocs; i++)
		document_free(story->docs[i]);
	free(story->docs);
	for (i = 0; i < story->nwarnings; i++)
		free(story->warnings[i]);
	free(story->warnings);
	story->docs = NULL;
	story->warnings = NULL;
	story->ndocs = story->nwarnings = 0;
}

/* The lines the story's outlets repeat across its sources, marked as
 * boilerplate once all are read (with no wider count to go by); a
 * document that got a mark is tagged again, as clutter is left untagged. */
static void
story_mark_repeated(struct story *story)
{
	bool *changed = xcalloc(story->ndocs, sizeof *changed);
	size_t i;

	repeated_mark_all(story->docs, story->ndocs, changed);
	for (i = 0; i < story->ndocs; i++) {
		if (changed[i])
			story_tag_document(story->tagger, story->docs[i]);
	}
	free(changed);
}

/*
 * Reads LIST (PATHS expanded, unless LIST is NULL) tagged by TAX into the
 * documents and warnings LD grows, and keeps the tagger in LD's story for
 * explaining tags (`x`).  Returns 0, or -1 with *cause set and nothing
 * kept when no source could be read.
 */
static int
story_read_into(struct story_loading *ld, const struct input_list *list,
    char *const *paths, size_t npaths, const struct taxonomy *tax,
    const struct story_options *opts, char **cause)
{
	struct story *fresh = ld->story;
	struct input_list own;

	fresh->tagger = tagger_new(tax);
	if (list == NULL) {
		story_expand(paths, npaths, opts, &own, story_add_warning, ld);
		list = &own;
	}
	story_read_tagged(list, opts, fresh->tagger, NULL, story_add_document,
	    story_add_warning, ld);
	if (list == &own)
		input_list_free(&own);
	if (fresh->ndocs != 0) {
		if (opts == NULL || opts->repeated == NULL)
			story_mark_repeated(fresh);
		return 0;
	}
	tagger_free(fresh->tagger);
	fresh->tagger = NULL;
	*cause = xstrdup(fresh->nwarnings != 0 ?
	    fresh->warnings[fresh->nwarnings - 1] : "no sources given");
	story_free_documents(fresh);
	return -1;
}

int
story_load(struct story **out, char *const *paths, size_t npaths,
    struct taxonomy *tax, const struct story_options *opts, char **cause)
{
	return story_load_list(out, NULL, paths, npaths, tax, opts, cause);
}

int
story_load_list(struct story **out, const struct input_list *list,
    char *const *paths, size_t npaths, struct taxonomy *tax,
    const struct story_options *opts, char **cause)
{
	struct story *story = xcalloc(1, sizeof *story);
	struct story_loading ld = { story, 0, 0 };
	size_t i;

	if (story_read_into(&ld, list, paths, npaths, tax, opts, cause) != 0) {
		free(story);	/* TAX is still the caller's on failure */
		return -1;
	}
	story->taxonomy = tax;
	story->paths = xcalloc(npaths + 1, sizeof *story->paths);
	for (i = 0; i < npaths; i++)
		story->paths[i] = xstrdup(paths[i]);
	story->npaths = npaths;
	*out = story;
	return 0;
}

int
story_reload(struct story *story, const struct story_options *opts,
    char **cause)
{
	struct story fresh = { 0 };
	struct story_loading ld = { &fresh, 0, 0 };

	/* The link thread reads the documents about to be replaced. */
	story_link_finish(story, true);
	if (story_read_into(&ld, NULL, story->paths, story->npaths,
	    story->taxonomy, opts, cause) != 0)
		return -1;
	story_free_documents(story);
	tagger_free(story->tagger);
	story->tagger = fresh.tagger;
	story->docs = fresh.docs;
	story->ndocs = fresh.ndocs;
	story->warnings = fresh.warnings;
	story->nwarnings = fresh.nwarnings;
	story_set_claims(story, NULL);
	return 0;
}

int
story_open(struct story **out, char *const *paths, size_t npaths,
    struct taxonomy *tax, const struct story_options *opts, char **cause)
{
	if (story_load(out, paths, npaths, tax, opts, cause) != 0)
		return -1;
	if (opts != NULL && opts->on_progress != NULL)
		opts->on_progress(opts->progress_ctx, STORY_LINKING, 0, 0);
	story_link(*out);
	return 0;
}

/*
 * The linker reads no topics (linker.c says why): a taxonomy edit changes
 * which topics claims carry and what is counted from them, never which
 * sentences state the same thing, so the claims stay and only their topic
 * lists are made anew.
 */
void
story_retag(struct story *story, struct taxonomy *tax)
{
	story_link_finish(story, true);
	taxonomy_free(story->taxonomy);
	story->taxonomy = tax;
	story_tag(story);
	if (story->claims == NULL)
		return;
	claims_restore(story->claims, story->docs);
	claims_retopic(story->claims, story->docs);
}

void
story_source_id(size_t doc, char *buf, size_t size)
{
	snprintf(buf, size, "s%zu", doc + 1);
}

void
story_free(struct story *story)
{
	size_t i;

	if (story == NULL)
		return;
	story_link_finish(story, true);
	story_free_documents(story);
	for (i = 0; i < story->npaths; i++)
		free(story->paths[i]);
	free(story->paths);
	claims_free(story->claims);
	coverage_free(story->coverage);
	spread_free(story->spread);
	outlets_free(story->outlets);
	tagger_free(story->tagger);
	taxonomy_free(story->taxonomy);
	free(story);
}
