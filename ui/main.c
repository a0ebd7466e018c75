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

#include "document.h"
#include "export.h"
#include "options.h"
#include "outlets.h"
#include "paths.h"
#include "report.h"
#include "story.h"
#include "strbuf.h"
#include "tagger.h"
#include "taxonomy.h"
#include "tui.h"
#include "xalloc.h"

/* Prints each line of a multi-line message to stderr. */
static void
print_lines(const char *prefix, const char *lines)
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
check_taxonomy(const char *path)
{
	struct taxonomy *tax;
	char *errors;
	size_t i, nkeywords = 0;

	if (taxonomy_load_file(path, &tax, &errors) != 0) {
		print_lines("", errors);
		free(errors);
		return 1;
	}
	for (i = 0; i < tax->ntopics; i++)
		nkeywords += tax->topics[i].nkeywords + tax->topics[i].nmatch_case;
	printf("%s: ok, %zu topics, %zu keywords\n", path, tax->ntopics,
	    nkeywords);
	taxonomy_free(tax);
	return 0;
}

static int
check_outlets(const char *path)
{
	struct outlets *outlets;
	char *errors;
	size_t i, rated = 0;

	if (outlets_load_file(path, &outlets, &errors) != 0) {
		print_lines("", errors);
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
read_path_lines(FILE *fp, size_t *n)
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
	struct tagger *tagger;
	struct export_stats *stats;	/* --stats; NULL for --jsonl */
};

static void
stream_document(void *ctx, struct document *doc)
{
	struct stream *st = ctx;

	story_tag_document(st->tagger, doc);
	if (st->stats != NULL)
		export_stats_add(st->stats, doc);
	else
		export_jsonl_document(stdout, doc, st->tax);
	document_free(doc);
}

static void
stream_warning(void *ctx, char *message)
{
	fprintf(stderr, "parallax: %s\n", message);
	free(message);
}

/*
 * --jsonl and --stats: one document in memory at a time, so an archive of
 * any size streams through.  Returns the number of documents read.
 */
static size_t
stream_documents(char *const *paths, size_t npaths, struct taxonomy *tax,
    enum options_mode mode)
{
	struct stream st = { tax, tagger_new(tax), NULL };
	size_t nread;

	if (mode == OPTIONS_MODE_STATS)
		st.stats = export_stats_new(tax);
	nread = story_read(paths, npaths, stream_document, stream_warning, &st);
	if (st.stats != NULL)
		export_stats_write(stdout, st.stats);
	export_stats_free(st.stats);
	tagger_free(st.tagger);
	return nread;
}

/* The reader: on the terminal, or with --tui. */
static int
run_tui(struct story *story, const struct options *opts, const char *taxpath,
    bool is_default, bool sample)
{
	struct tui_config cfg;

	cfg.taxonomy_path = taxpath;
	cfg.taxonomy_is_default = is_default;
	cfg.no_color = opts->no_color;
	cfg.hint = sample ? "sample story" : NULL;
	return tui_run(story, &cfg);
}

static int
run(struct options *opts)
{
	struct taxonomy *tax;
	struct story *story;
	struct outlets *outlets = NULL;
	char *taxpath, *errors, *sample = NULL, **stdin_paths = NULL;
	char *outpath;
	char *const *paths = opts->paths;
	size_t i, npaths = opts->npaths;
	bool is_default, reader;
	int status = 0;

	outpath = paths_outlets(opts->outlets, &is_default);
	if (opts->mode == OPTIONS_MODE_CHECK_OUTLETS) {
		status = check_outlets(opts->check_outlets != NULL ?
		    opts->check_outlets : outpath);
		free(outpath);
		return status;
	}
	taxpath = paths_taxonomy(opts->taxonomy, &is_default);
	if (opts->mode == OPTIONS_MODE_CHECK_TAXONOMY) {
		status = check_taxonomy(opts->check_file != NULL ?
		    opts->check_file : taxpath);
		free(taxpath);
		return status;
	}
	if (taxonomy_load_file(taxpath, &tax, &errors) != 0) {
		print_lines("", errors);
		free(errors);
		free(taxpath);
		free(outpath);
		return 1;
	}
	if (opts->mode != OPTIONS_MODE_JSONL &&
	    opts->mode != OPTIONS_MODE_STATS &&
	    outlets_load_file(outpath, &outlets, &errors) != 0) {
		print_lines("", errors);
		free(errors);
		taxonomy_free(tax);
		free(taxpath);
		free(outpath);
		return 1;
	}
	/* The reader links claims after its first frame (tui_run). */
	reader = opts->mode == OPTIONS_MODE_TUI ||
	    (opts->mode == OPTIONS_MODE_AUTO && isatty(STDOUT_FILENO));
	if (npaths == 0 && opts->mode == OPTIONS_MODE_JSONL) {
		stdin_paths = read_path_lines(stdin, &npaths);
		paths = stdin_paths;
	} else if (npaths == 0) {
		sample = paths_sample_dir();
		paths = &sample;
		npaths = 1;
	}

	if (opts->mode == OPTIONS_MODE_JSONL || opts->mode == OPTIONS_MODE_STATS) {
		if (stream_documents(paths, npaths, tax, opts->mode) == 0 &&
		    npaths != 0)
			status = 1;
		taxonomy_free(tax);
	} else if ((reader ? story_load : story_open)(&story, paths, npaths,
	    tax, &errors) != 0) {
		fprintf(stderr, "parallax: %s\n", errors);
		free(errors);
		taxonomy_free(tax);
		status = 1;
	} else {
		for (i = 0; i < story->nwarnings; i++)
			fprintf(stderr, "parallax: %s\n", story->warnings[i]);
		story_set_outlets(story, outlets);
		outlets = NULL;
		if (opts->mode == OPTIONS_MODE_REPORT)
			report_write(stdout, story);
		else if (reader)
			status = run_tui(story, opts, taxpath, is_default,
			    sample != NULL);
		else
			export_json(stdout, story, taxpath);
		/* Quitting while the claims are being linked does not wait
		 * for them: the thread ends with the process. */
		if (story->linking == NULL)
			story_free(story);
	}

	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "parallax: write error on standard output\n");
		status = 1;
	}
	for (i = 0; stdin_paths != NULL && i < npaths; i++)
		free(stdin_paths[i]);
	free(stdin_paths);
	outlets_free(outlets);
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
		status = run(&opts);
		break;
	}
	options_free(&opts);
	return status;
}
