/*
 * story: the sources of one event, the taxonomy that tags them and the
 * claims that link them.  It is the one object the UI and the exporters
 * read.  A story owns its documents, taxonomy, tagger, claims, coverage,
 * outlets and spread; story_free frees them all.
 */
#ifndef PARALLAX_STORY_H
#define PARALLAX_STORY_H

#include <stdbool.h>
#include <stddef.h>

struct document;
struct input_list;
struct taxonomy;
struct claims;
struct coverage;
struct outlets;
struct repeated;
struct spread;
struct tagger;

struct story {
	struct taxonomy *taxonomy;
	struct tagger *tagger;	/* the taxonomy's, kept for explaining tags */
	struct document **docs;
	size_t ndocs;
	struct claims *claims;
	struct coverage *coverage;	/* see story_coverage; may be NULL */
	struct outlets *outlets;	/* NULL: every source unrated */
	struct spread *spread;		/* see story_spread; may be NULL */
	char **warnings;	/* one line per source that could not be read */
	size_t nwarnings;
	char **paths;		/* the arguments it was loaded from (story_reload) */
	size_t npaths;
	struct story_link_job *linking;	/* story_link_start's, until done */
};

/* Called by story_read: a document is only lent (story_read frees it
 * after, on the thread that made it); a message is the callee's. */
typedef void (*story_document_fn)(void *ctx, struct document *doc);
typedef void (*story_warning_fn)(void *ctx, char *message);
/* The steps of long work, in the order they come. */
enum story_step {
	STORY_FETCHING,	/* URLs fetched */
	STORY_READING,	/* sources read (and tagged) */
	STORY_GROUPING,	/* an archive grouped into stories (no count) */
	STORY_LINKING,	/* claims linked (no count) */
};

/*
 * Long work's progress: DONE of TOTAL in STEP (both 0 for a step that
 * counts nothing, called once as it begins).  Returns false to stop the
 * reading early: what is not fetched or read by then is left out.
 */
typedef bool (*story_progress_fn)(void *ctx, enum story_step step,
    size_t done, size_t total);

/* How sources are read; NULL for the defaults (every CPU, no progress). */
struct story_options {
	unsigned jobs;	/* threads reading and tagging; 0: story_jobs's
			 * default, the CPUs we may run on; 1: none */
	story_progress_fn on_progress;	/* on the caller's thread, or NULL */
	void *progress_ctx;
	bool offline;	/* URLs from the cache only (--offline, fetch.h) */
	/* The lines outlets repeat (repeated.h), counted over a wider read
	 * (an archive's grouping pass): each document read is marked by
	 * them.  NULL: a story counts its own sources.  Only read. */
	const struct repeated *repeated;
};

/* The number of threads OPTS asks for (NULL or 0: every CPU). */
unsigned story_jobs(const struct story_options *opts);

/*
 * Reads every source named by PATHS (files, directories, URLs, "-": see
 * input.h, which also says how an argument may give several documents),
 * loading and tagging them on story_jobs(OPTS) threads, each with a fork
 * of TAGGER (NULL: documents left untagged): each document that loads
 * goes to ON_DOCUMENT, each one-line reason a source could not be read to
 * ON_WARNING, both on the caller's thread and in argument order, whatever
 * the number of threads.  Returns how many documents were read.
 */
size_t story_read(char *const *paths, size_t npaths,
    const struct story_options *opts, const struct tagger *tagger,
    story_document_fn on_document, story_warning_fn on_warning, void *ctx);

/*
 * Work done on each document on the thread that loaded it, before the
 * caller gets what it became: so that work too runs on every core.  A
 * worker's state comes from WORKER_NEW (may be NULL) and goes to
 * WORKER_FREE (may be NULL); APPLY takes DOC and returns what ON_RESULT is
 * given.  All three get CTX, which must not change while reading.
 */
struct story_stage {
	void *(*worker_new)(void *ctx);
	void (*worker_free)(void *ctx, void *worker);
	void *(*apply)(void *ctx, void *worker, struct document *doc);
	void *ctx;
	/* Or NULL (ON_RESULT keeps each result): frees a result ON_RESULT
	 * has seen, on the worker that made it. */
	void (*release)(void *ctx, void *worker, void *result);
};
typedef void (*story_result_fn)(void *ctx, void *result);

/*
 * story_read in two halves, with STAGE instead of tagging, for a caller
 * that reads the same sources twice (grouping them, then loading the one
 * story) and must fetch URLs and read standard input once: story_expand
 * turns PATHS into LIST (input_expand, its fetching told to OPTS' progress
 * as STORY_FETCHING; the caller frees LIST with input_list_free), and
 * story_read_list reads LIST, which it leaves as it was; ON_RESULT gets, on
 * the caller's thread and in argument order, what STAGE made of each
 * document.
 */
void story_expand(char *const *paths, size_t npaths,
    const struct story_options *opts, struct input_list *list,
    story_warning_fn on_warning, void *ctx);
size_t story_read_list(const struct input_list *list,
    const struct story_options *opts, const struct story_stage *stage,
    story_result_fn on_result, story_warning_fn on_warning, void *ctx);

/*
 * Loads every source named by PATHS (as story_read), tags it with
 * TAX (the story takes ownership) and links claims.  Sources that fail to
 * load become warnings.  Returns 0, or -1 with *cause set when no source at
 * all could be read.  OPTS as for story_read.
 */
int story_open(struct story **out, char *const *paths, size_t npaths,
    struct taxonomy *tax, const struct story_options *opts, char **cause);

/*
 * story_open in two steps, so a reader can draw the tagged story before
 * the claims are linked: story_load leaves claims and coverage NULL (and
 * every sentence's claim SENTENCE_NO_CLAIM) until story_link runs.
 */
int story_load(struct story **out, char *const *paths, size_t npaths,
    struct taxonomy *tax, const struct story_options *opts, char **cause);

/* story_load on LIST, PATHS already expanded (story_expand); PATHS are
 * what story_reload reads again. */
int story_load_list(struct story **out, const struct input_list *list,
    char *const *paths, size_t npaths, struct taxonomy *tax,
    const struct story_options *opts, char **cause);
void story_link(struct story *story);

/*
 * Reads the story's sources again from the arguments it was loaded from
 * (a directory: what it holds now), tags them with the story's taxonomy
 * and replaces its documents and warnings; the claims are dropped, as
 * after story_load.  Returns 0, or -1 with *cause set (the story
 * unchanged) when no source at all could be read.
 */
int story_reload(struct story *story, const struct story_options *opts,
    char **cause);

/*
 * story_link on a thread of its own, so a reader stays responsive: the
 * claims stay NULL until story_link_finish installs them, and nothing may
 * change the documents or the taxonomy meanwhile (story_retag and
 * story_free wait for the thread first).
 */
void story_link_start(struct story *story);

/* Leaves a link still running to end with the process: its thread is
 * detached, so nothing waits for it, and STORY, which it reads, must then
 * stay allocated (never story_free) to the end of the process. */
void story_link_abandon(struct story *story);

/* Installs the claims once linked.  Returns whether the story has claims
 * now; without WAIT it never blocks. */
bool story_link_finish(struct story *story, bool wait);

/*
 * Replaces the taxonomy (taking ownership) and re-tags, waiting for a link
 * still running first.  Claims do not depend on topics: linked claims stay
 * as they are, with each one's topics made anew from its sentences'.
 */
void story_retag(struct story *story, struct taxonomy *tax);

/*
 * The coverage (topics x sources) of the story's current tags and claims:
 * built on the first call, kept until tagging or linking drops it.
 */
const struct coverage *story_coverage(struct story *story);

/* Replaces the outlets' profiles (taking ownership; NULL for none). */
void story_set_outlets(struct story *story, struct outlets *outlets);

/*
 * Coverage by leaning (spread.h) of the current outlets and claims: built
 * on the first call, kept until the claims or the outlets change.
 */
const struct spread *story_spread(struct story *story);

/* Replaces DOC's tags with TAGGER's; boilerplate stays untagged.  Used by
 * the story and by streaming exports that hold one document at a time. */
void story_tag_document(const struct tagger *tagger, struct document *doc);

/* Source id as used in JSON: "s1", "s2", ... written into BUF. */
void story_source_id(size_t doc, char *buf, size_t size);

void story_free(struct story *story);

#endif
