/* archive: the sources of an archive read once, for their stories. */
#include "config.h"

#include <stdlib.h>

#include "archive.h"
#include "document.h"
#include "group.h"
#include "input.h"
#include "xalloc.h"

struct archive_read {
	struct group_set *set;
	story_warning_fn on_warning;
	void *ctx;
};

/* A worker's terms scratch. */
static void *
archive_terms_new(void *ctx)
{
	return group_terms_new();
}

static void
archive_terms_free(void *ctx, void *terms)
{
	group_terms_free(terms);
}

/* On the worker that loaded DOC: its terms, the bulk of grouping's work. */
static void *
archive_article(void *ctx, void *terms, struct document *doc)
{
	struct group_article *art = xcalloc(1, sizeof *art);

	group_article_from_document(terms, doc, art);
	document_free(doc);
	return art;
}

/* On the caller, in input order, so article I is the I-th read. */
static void
archive_add(void *ctx, void *result)
{
	struct archive_read *ar = ctx;

	group_set_add_keyed(ar->set, result);
	free(result);
}

static void
archive_warning(void *ctx, char *message)
{
	struct archive_read *ar = ctx;

	ar->on_warning(ar->ctx, message);
}

struct group_set *
archive_group_list(const struct input_list *list,
    const struct story_options *how, story_warning_fn on_warning, void *ctx)
{
	struct story_stage stage = { archive_terms_new, archive_terms_free,
	    archive_article, NULL };
	struct archive_read ar;

	ar.set = group_set_new();
	ar.on_warning = on_warning;
	ar.ctx = ctx;
	story_read_list(list, how, &stage, archive_add, archive_warning, &ar);
	/* Asked to stop: the set is only freed, so clustering is skipped. */
	if (how == NULL || how->on_progress == NULL ||
	    how->on_progress(how->progress_ctx, STORY_GROUPING, 0, 0))
		group_set_cluster(ar.set);
	return ar.set;
}

struct group_set *
archive_group(char *const *paths, size_t npaths,
    const struct story_options *how, story_warning_fn on_warning, void *ctx)
{
	struct input_list list;
	struct group_set *set;

	story_expand(paths, npaths, how, &list, on_warning, ctx);
	set = archive_group_list(&list, how, on_warning, ctx);
	input_list_free(&list);
	return set;
}

static int
archive_index_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

char **
archive_story_paths(const struct group_set *set, const struct group_story *st,
    size_t *n)
{
	size_t *order = xreallocarray(NULL, st->nmembers + 1, sizeof *order);
	char **paths = xcalloc(st->nmembers + 1, sizeof *paths);
	size_t i;

	for (i = 0; i < st->nmembers; i++)
		order[i] = st->members[i];
	qsort(order, st->nmembers, sizeof *order, archive_index_cmp);
	for (i = 0; i < st->nmembers; i++)
		paths[i] = xstrdup(group_set_article(set, order[i])->path);
	*n = st->nmembers;
	free(order);
	return paths;
}

void
archive_paths_free(char **paths, size_t n)
{
	size_t i;

	for (i = 0; paths != NULL && i < n; i++)
		free(paths[i]);
	free(paths);
}
