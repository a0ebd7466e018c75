/* parallax: the program's entry point: options, taxonomy, then one mode. */
#include "config.h"

#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "document.h"
#include "export.h"
#include "group.h"
#include "loader.h"
#include "options.h"
#include "outlets.h"
#include "paths.h"
#include "progress.h"
#include "repeated.h"
#include "report.h"
#include "signature.h"
#include "state.h"
#include "stories.h"
#include "story.h"
#include "strbuf.h"
#include "tagger.h"
#include "taxonomy.h"
#include "session.h"
#include "tui.h"
#include "xalloc.h"

/*
 * The story whose claims were still being linked when the reader quit (see
 * main_run_reader): held here so that memory the link thread still reads is
 * reachable, not a leak, to the end of the process.  volatile, because a
 * static that is only ever written is dead to the compiler: without it the
 * store was dropped, and LeakSanitizer reported the story whenever a quit
 * (or a SIGHUP) came before linking ended.
 */
static struct story *volatile main_story_left_linking;

/* Prints each line of a multi-line message to stderr. */
static void
main_print_lines(const char *prefix, const char *lines)
{
	const char *end;

	while (*lines != '\0') {
		end = strchr(lines, '\n');
		if (end == NULL)
			end = lines + strlen(lines);
		fprintf(stderr, "%s%.*s\n", prefix, (int)(end - lines), lines);
		lines = *end == '\n' ? end + 1 : end;
	}
}

static int
main_check_taxonomy(const char *path)
{
	struct taxonomy *tax;
	char *errors;
	size_t i, nkeywords = 0;

	if (taxonomy_load_file(path, &tax, &errors) != 0) {
		main_print_lines("", errors);
		free(errors);
		return 1;
	}
	for (i = 0; i < tax->ntopics; i++)
		nkeywords += tax->topics[i].nkeywords + tax->topics[i].nmatch_case +
		    tax->topics[i].nambiguous;
	printf("%s: ok, %zu topics, %zu keywords\n", path, tax->ntopics,
	    nkeywords);
	taxonomy_free(tax);
	return 0;
}

static int
main_check_outlets(const char *path)
{
	struct outlets *outlets;
	char *errors;
	size_t i, rated = 0;

	if (outlets_load_file(path, &outlets, &errors) != 0) {
		main_print_lines("", errors);
		free(errors);
		return 1;
	}
	for (i = 0; i < outlets->n; i++)
		rated += outlets->items[i].leaning != OUTLET_UNRATED;
	printf("%s: ok, %zu outlets (%zu rated), %zu leanings\n", path,
	    outlets->n, rated, outlets->nleanings);
	outlets_free(outlets);
	return 0;
}

/* Reads source paths, one per line, for --jsonl with no PATH. */
static char **
main_read_path_lines(FILE *fp, size_t *n)
{
	char **paths = NULL, *line = NULL;
	size_t cap = 0, linecap = 0;
	ssize_t len;

	*n = 0;
	while ((len = getline(&line, &linecap, fp)) > 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			paths = xreallocarray(paths, cap, sizeof *paths);
		}
		paths[(*n)++] = xstrdup(line);
	}
	free(line);
	return paths;
}

/* What --jsonl and --stats do with each document as it streams by. */
struct stream {
	const struct taxonomy *tax;
	struct export_stats *stats;	/* --stats; NULL for --jsonl */
	struct progress *progress;	/* wiped before a warning */
	struct group_terms_ctx *signatures;	/* --jsonl --signatures */
	const struct group_set *groups;	/* the stories, in read order */
	size_t next;			/* the next document's index in them */
	const char *only;		/* --story's id, or NULL */
};

/* Each document comes tagged (untagged for --signatures), in input order,
 * lent by story_read. */
static void
main_stream_document(void *ctx, struct document *doc)
{
	struct stream *st = ctx;
	struct group_article art;
	const char *story = NULL;

	if (st->groups != NULL)
		story = group_set_story_of(st->groups, st->next++)->id;
	if (st->signatures != NULL) {
		group_article_from_document(st->signatures, doc, &art);
		signature_write(stdout, &art);
		group_article_clear(&art);
	} else if (st->only == NULL || strcmp(st->only, story) == 0) {
		if (st->stats != NULL)
			export_stats_add(st->stats, doc);
		else
			export_jsonl_document(stdout, doc, st->tax, story);
	}
}

static void
main_stream_warning(void *ctx, char *message)
{
	struct stream *st = ctx;

	progress_end(st->progress);
	fprintf(stderr, "parallax: %s\n", message);
	free(message);
}

/*
 * --jsonl and --stats: one document in memory at a time, so an archive of
 * any size streams through.  Returns the number of documents read.
 */
static size_t
main_stream_documents(char *const *paths, size_t npaths, struct taxonomy *tax,
    const struct options *opts, const struct story_options *how,
    const struct group_set *groups)
{
	/* --story: --jsonl skips the other stories' sources here; --stats
	 * was given only the story's. */
	struct stream st = { tax, NULL, how->progress_ctx, NULL, groups, 0,
	    groups != NULL ? opts->story : NULL };
	struct tagger *tagger = NULL;
	size_t nread;

	if (opts->mode == OPTIONS_MODE_STATS)
		st.stats = export_stats_new(tax);
	if (opts->signatures)
		st.signatures = group_terms_new();
	else
		tagger = tagger_new(tax);
	nread = story_read(paths, npaths, how, tagger, main_stream_document,
	    main_stream_warning, &st);
	if (st.stats != NULL)
		export_stats_write(stdout, st.stats);
	export_stats_free(st.stats);
	group_terms_free(st.signatures);
	tagger_free(tagger);
	return nread;
}

/* A source that cannot be read, met while grouping. */
static void
main_group_warning(void *ctx, char *message)
{
	progress_end(ctx);
	fprintf(stderr, "parallax: %s\n", message);
	free(message);
}

/* A source that cannot be read is reported by the pass that reads it for
 * output, not also by the grouping pass before it. */
static void
main_ignore_warning(void *ctx, char *message)
{
	(void)ctx;
	free(message);
}

/* --group-signatures: the reduce side, from standard input. */
static int
main_group_signatures(const struct options *opts)
{
	struct group_set *groups;
	char *cause;

	if (signature_read(stdin, &groups, &cause) != 0) {
		fprintf(stderr, "parallax: stdin:%s\n", cause);
		free(cause);
		return 1;
	}
	if (opts->mode == OPTIONS_MODE_JSON)
		stories_write_json(stdout, groups);
	else
		stories_write_table(stdout, groups);
	group_set_free(groups);
	return 0;
}

/* The reader: on the terminal, or with --tui. */
static void
main_tui_configure(struct tui_config *cfg, const struct options *opts,
    const char *taxpath, bool is_default, bool sample, struct state *state)
{
	cfg->taxonomy_path = taxpath;
	cfg->taxonomy_is_default = is_default;
	cfg->no_color = opts->no_color;
	cfg->hint = sample ? "sample story" : NULL;
	cfg->state = state;
	cfg->story_list = false;
	cfg->outlets_path = NULL;
	cfg->outlets_is_default = false;
	cfg->outlets = NULL;
}

/* The reading state, unless --no-state; a broken one is a warning. */
static struct state *
main_open_state(const struct options *opts)
{
	struct state *st = NULL;
	char *path, *warning;

	if (opts->no_state || (path = state_default_path()) == NULL)
		return NULL;
	st = state_open(path, &warning);
	if (st == NULL) {
		fprintf(stderr, "parallax: %s\n", warning);
		free(warning);
	}
	free(path);
	return st;
}

/* What the story list needs to open one of its stories. */
struct archive_open {
	const struct loader *loader;	/* its groups */
	const char *taxpath;
	const char *outpath;
	const struct story_options *how;
};

static struct story *
main_archive_open_story(void *ctx, size_t index, char **cause)
{
	const struct archive_open *ao = ctx;
	struct story_options how = *ao->how;
	struct story *story = NULL;
	struct taxonomy *tax;
	struct outlets *outlets;
	char **paths, *errors;
	size_t n;

	if (taxonomy_load_file(ao->taxpath, &tax, &errors) != 0) {
		*cause = errors;
		return NULL;
	}
	if (outlets_load_file(ao->outpath, &outlets, &errors) != 0) {
		taxonomy_free(tax);
		*cause = errors;
		return NULL;
	}
	paths = archive_story_paths(loader_groups(ao->loader),
	    group_set_story(loader_groups(ao->loader), index), &n);
	/* Its outlets' furniture is what they repeat across the archive. */
	how.repeated = loader_repeated(ao->loader);
	if (story_load(&story, paths, n, tax, &how, cause) != 0) {
		story = NULL;
		outlets_free(outlets);
	} else
		story_set_outlets(story, outlets);
	archive_paths_free(paths, n);
	return story;
}

/*
 * The reader, drawn at once while the sources load behind it (loader.h);
 * GROUP: an archive of several stories opens on the story list.  Takes
 * TAX and OUTLETS.
 */
static int
main_run_reader(char *const *paths, size_t npaths, struct taxonomy *tax,
    struct outlets *outlets, const struct options *opts, const char *taxpath,
    bool is_default, const char *outpath, bool outlets_default, bool sample,
    bool group, const struct story_options *how)
{
	/* The progress is the status line's: nothing else may write on the
	 * terminal the reader draws on. */
	struct story_options quiet = *how;
	struct archive_open ao = { NULL, taxpath, outpath, &quiet };
	struct state *state = main_open_state(opts);
	struct tui_config cfg;
	struct story *story;
	struct loader *ld;
	int status;

	quiet.on_progress = NULL;
	quiet.progress_ctx = NULL;
	main_tui_configure(&cfg, opts, taxpath, is_default, sample, state);
	cfg.outlets_path = outpath;
	cfg.outlets_is_default = outlets_default;
	cfg.how = &quiet;
	ld = loader_start(paths, npaths, tax, outlets, &quiet, group);
	ao.loader = ld;
	status = session_run(ld, main_archive_open_story, &ao, &cfg, &story);
	/* Quitting while the claims are being linked does not wait for
	 * them: the thread, detached, ends with the process, and the story
	 * it reads stays reachable until then. */
	if (story != NULL && story->linking != NULL) {
		story_link_abandon(story);
		main_story_left_linking = story;
	} else
		story_free(story);
	loader_free(ld);
	state_close(state);
	return status;
}

static int
main_run(struct options *opts)
{
	struct taxonomy *tax;
	struct story *story;
	struct outlets *outlets = NULL;
	struct progress progress;
	struct story_options how = { opts->jobs, progress_update, &progress,
	    opts->offline, NULL };
	char *taxpath, *errors, *sample = NULL, **stdin_paths = NULL;
	char **story_paths = NULL;
	char *outpath;
	char *const *paths = opts->paths;
	struct group_set *groups = NULL;
	struct repeated *repeated = NULL;
	const struct group_story *picked;
	size_t i, npaths = opts->npaths, nstdin_paths = 0, nstory_paths = 0;
	bool is_default, outlets_default, reader;
	int status = 0;

	outpath = paths_outlets(opts->outlets, &outlets_default);
	if (opts->mode == OPTIONS_MODE_CHECK_OUTLETS) {
		status = main_check_outlets(opts->check_outlets != NULL ?
		    opts->check_outlets : outpath);
		free(outpath);
		return status;
	}
	taxpath = paths_taxonomy(opts->taxonomy, &is_default);
	if (opts->mode == OPTIONS_MODE_CHECK_TAXONOMY) {
		status = main_check_taxonomy(opts->check_file != NULL ?
		    opts->check_file : taxpath);
		free(taxpath);
		free(outpath);
		return status;
	}
	if (opts->group_signatures) {
		free(taxpath);
		free(outpath);
		return main_group_signatures(opts);
	}
	if (taxonomy_load_file(taxpath, &tax, &errors) != 0) {
		main_print_lines("", errors);
		free(errors);
		free(taxpath);
		free(outpath);
		return 1;
	}
	if (opts->mode != OPTIONS_MODE_JSONL &&
	    opts->mode != OPTIONS_MODE_STATS &&
	    outlets_load_file(outpath, &outlets, &errors) != 0) {
		main_print_lines("", errors);
		free(errors);
		taxonomy_free(tax);
		free(taxpath);
		free(outpath);
		return 1;
	}
	/* The reader draws before the sources are read (main_run_reader). */
	reader = opts->mode == OPTIONS_MODE_TUI ||
	    (opts->mode == OPTIONS_MODE_AUTO && isatty(STDOUT_FILENO));
	if (npaths == 0 && opts->mode == OPTIONS_MODE_JSONL) {
		stdin_paths = main_read_path_lines(stdin, &nstdin_paths);
		paths = stdin_paths;
		npaths = nstdin_paths;
	} else if (npaths == 0) {
		sample = paths_sample_dir();
		paths = &sample;
		npaths = 1;
	}

	progress_start(&progress);
	/*
	 * Grouping reads the sources once before any output.  So --jsonl
	 * names each line's story only with --stories: its two passes hold
	 * memory in proportion to the number of sources (not their text),
	 * and a story id depends on every source opened, so the output of
	 * parts would no longer concatenate to that of the whole.
	 */
	if (opts->stories || opts->story != NULL) {
		repeated = repeated_new();
		groups = archive_group(paths, npaths, &how, repeated,
		    opts->stories && opts->mode != OPTIONS_MODE_JSONL ?
		    main_group_warning : main_ignore_warning, &progress);
		/* What is read next is marked by what the whole archive
		 * repeats, not what the story's few sources do. */
		how.repeated = repeated;
	}
	picked = opts->story != NULL ? group_set_find(groups, opts->story) :
	    NULL;
	/* --story: every output but --jsonl's reads only the story's sources
	 * (--jsonl streams them all to number each one's story). */
	if (picked != NULL && opts->mode != OPTIONS_MODE_JSONL) {
		story_paths = archive_story_paths(groups, picked,
		    &nstory_paths);
		paths = story_paths;
		npaths = nstory_paths;
	}
	if (opts->story != NULL && picked == NULL) {
		progress_end(&progress);
		fprintf(stderr, "parallax: no story '%s' in what was opened "
		    "(see --stories)\n", opts->story);
		taxonomy_free(tax);
		status = 1;
	} else if (reader && !opts->stories) {
		progress_end(&progress);
		status = main_run_reader(paths, npaths, tax, outlets, opts, taxpath,
		    is_default, outpath, outlets_default, sample != NULL,
		    picked == NULL && sample == NULL && !opts->one_story, &how);
		outlets = NULL;
	} else if (opts->stories && opts->mode != OPTIONS_MODE_JSONL) {
		progress_end(&progress);
		if (opts->mode == OPTIONS_MODE_JSON)
			stories_write_json(stdout, groups);
		else
			stories_write_table(stdout, groups);
		taxonomy_free(tax);
	} else if (opts->mode == OPTIONS_MODE_JSONL ||
	    opts->mode == OPTIONS_MODE_STATS) {
		if (main_stream_documents(paths, npaths, tax, opts, &how,
		    opts->mode == OPTIONS_MODE_JSONL ? groups : NULL) == 0 &&
		    npaths != 0)
			status = 1;
		progress_end(&progress);
		taxonomy_free(tax);
	} else if (story_open(&story, paths, npaths, tax, &how,
	    &errors) != 0) {
		progress_end(&progress);
		fprintf(stderr, "parallax: %s\n", errors);
		free(errors);
		taxonomy_free(tax);
		status = 1;
	} else {
		progress_end(&progress);
		for (i = 0; i < story->nwarnings; i++)
			fprintf(stderr, "parallax: %s\n", story->warnings[i]);
		story_set_outlets(story, outlets);
		outlets = NULL;
		if (opts->mode == OPTIONS_MODE_REPORT)
			report_write(stdout, story);
		else
			export_json(stdout, story, taxpath);
		story_free(story);
	}

	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "parallax: write error on standard output\n");
		status = 1;
	}
	for (i = 0; i < nstdin_paths; i++)
		free(stdin_paths[i]);
	free(stdin_paths);
	outlets_free(outlets);
	archive_paths_free(story_paths, nstory_paths);
	group_set_free(groups);
	repeated_free(repeated);
	free(sample);
	free(taxpath);
	free(outpath);
	return status;
}

/*
 * Sources are read, split and freed one after another: glibc would hand
 * each one's large buffers back to the kernel when freed and fault them in
 * again for the next (4,800 page faults on 20 MB, 8% of the time), so the
 * heap keeps what it has.  The peak is unchanged.
 */
static void
main_keep_heap(void)
{
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

int
main(int argc, char **argv)
{
	struct options opts;
	char *cause;
	int status = 0;

	main_keep_heap();
	if (options_parse(argc, argv, &opts, &cause) != 0) {
		fprintf(stderr, "parallax: %s (try 'parallax --help')\n", cause);
		free(cause);
		return 2;
	}
	switch (opts.mode) {
	case OPTIONS_MODE_HELP:
		options_usage(stdout);
		break;
	case OPTIONS_MODE_VERSION:
		printf("parallax %s\n", PACKAGE_VERSION);
		break;
	default:
		status = main_run(&opts);
		break;
	}
	options_free(&opts);
	return status;
}
