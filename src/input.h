/*
 * input: what the command line names, turned into documents.
 *
 * An argument is a file, a directory (its sources in name order), an
 * http:// or https:// URL (fetched and cached: fetch.h), a file:// URL,
 * "-" (standard input) or a newsboat cache (a SQLite file; --newsboat
 * names one).  What a file or
 * response holds is found by its content, not its name: a feed (RSS 2.0,
 * RSS 1.0, Atom) or a newsboat cache gives one document per item, anything
 * else one document (document_load_buffer).
 *
 * Loading runs in two steps, so a caller may load items in parallel:
 *  1. input_expand turns the arguments into a list of items in argument
 *     order (a directory: one item per source in it, in name order),
 *     reads standard input and fetches every URL (fetch.h, all at once).
 *     It runs on one thread.
 *  2. input_load_item turns one item into ZERO OR MORE documents (a feed
 *     or a cache holds many), given to ON_DOCUMENT in their order, and
 *     gives each failure to ON_WARNING as one line "SOURCE: why".  It
 *     reads only its own item, so items may load on several threads at
 *     once; a story keeps the items' documents in item order.
 * The list owns its items; input_list_free frees them.
 */
#ifndef PARALLAX_INPUT_H
#define PARALLAX_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct document;

/* Each takes ownership of what it is given. */
typedef void (*input_document_fn)(void *ctx, struct document *doc);
typedef void (*input_warning_fn)(void *ctx, char *message);
/* DONE of TOTAL URLs fetched; false stops fetching (fetch.h). */
typedef bool (*input_progress_fn)(void *ctx, size_t done, size_t total);

/* How input_expand reaches the network; NULL for the defaults. */
struct input_options {
	bool offline;			/* URLs from the cache only (fetch.h) */
	input_progress_fn on_progress;	/* or NULL */
	void *progress_ctx;
};

struct input_item {
	char *name;	/* the path, URL or "-" that messages name */
	char *path;	/* a file to read at load time, or NULL */
	char *data;	/* or the bytes already read (stdin, a fetched URL) */
	size_t len;
	char *url;	/* where the bytes came from (after redirects), or NULL */
	char *charset;	/* the charset a server declared, or NULL */
};

struct input_list {
	struct input_item *items;
	size_t n;
};

/*
 * Expands ARGS into LIST (which the caller frees with input_list_free).
 * Each argument that gives nothing (missing, an empty directory, a failed
 * fetch) goes to ON_WARNING; the others still expand.
 */
void input_expand(char *const *args, size_t nargs,
    const struct input_options *opts, struct input_list *list,
    input_warning_fn on_warning, void *ctx);

/* Loads one item.  Returns how many documents it gave. */
size_t input_load_item(const struct input_item *item,
    input_document_fn on_document, input_warning_fn on_warning, void *ctx);

void input_list_free(struct input_list *list);

/*
 * The sources a directory holds: *.txt, *.md, *.html, *.htm, *.xhtml,
 * *.xml, *.rss, *.atom, and files of any other name whose content is a
 * feed, in name order (hidden files left out).  PATH may also be a file:
 * then it is the one entry.  Returns 0 with an allocated array of
 * allocated paths, or -1 with *cause set ("PATH: why").
 */
int input_list_directory(const char *path, char ***paths, size_t *npaths,
    char **cause);

#endif
