/* archive: the sources of an archive read once, for their stories. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "archive.h"
#include "document.h"
#include "group.h"
#include "input.h"
#include "repeated.h"
#include "xalloc.h"

struct archive_read {
	struct group_set *set;
	struct repeated *repeated;	/* may be NULL */
	story_warning_fn on_warning;
	void *ctx;
};

/* What a worker makes of one document. */
struct archive_item {
	struct group_article art;
	uint64_t *keys;		/* its lines for the repeated counts */
	size_t nkeys;
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

/* On the worker that loaded DOC: its terms, the bulk of grouping's work,
 * and its lines' keys when CTX (a bool) asks for them. */
static void *
archive_article(void *ctx, void *terms, struct document *doc)
{
	struct archive_item *item = xcalloc(1, sizeof *item);

	group_article_from_document(terms, doc, &item->art);
	if (*(const bool *)ctx)
		item->keys = repeated_keys(doc, &item->nkeys);
	document_free(doc);
	return item;
}

/* On the caller, in input order, so article I is the I-th read. */
static void
archive_add(void *ctx, void *result)
{
	struct archive_read *ar = ctx;
	struct archive_item *item = result;

	group_set_add_keyed(ar->set, &item->art);
	if (ar->repeated != NULL)
		repeated_add(ar->repeated, item->keys, item->nkeys);
}

/* On the worker that made ITEM, after archive_add. */
static void
archive_release(void *ctx, void *terms, void *result)
{
	struct archive_item *item = result;

	free(item->keys);
	free(item);
}

static void
archive_warning(void *ctx, char *message)
{
	struct archive_read *ar = ctx;

	ar->on_warning(ar->ctx, message);
}

struct group_set *
archive_group_list(const struct input_list *list,
    const struct story_options *how, struct repeated *repeated,
    story_warning_fn on_warning, void *ctx)
{
	bool counting = repeated != NULL;
	struct story_stage stage = { archive_terms_new, archive_terms_free,
	    archive_article, &counting, archive_release };
	struct archive_read ar;

	ar.set = group_set_new();
	ar.repeated = repeated;
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
    const struct story_options *how, struct repeated *repeated,
    story_warning_fn on_warning, void *ctx)
{
	struct input_list list;
	struct group_set *set;

	story_expand(paths, npaths, how, &list, on_warning, ctx);
	set = archive_group_list(&list, how, repeated, on_warning, ctx);
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
