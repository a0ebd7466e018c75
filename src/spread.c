#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "outlets.h"
#include "spread.h"
#include "xalloc.h"

/* A document and the key of its outlet, for numbering distinct outlets. */
struct spread_doc {
	size_t doc;
	const char *name;
};

static int
spread_name_cmp(const void *a, const void *b)
{
	const struct spread_doc *da = a, *db = b;

	return strcmp(da->name, db->name);
}

/*
 * Numbers every document's outlet: rated outlets by profile (0 ..
 * noutlets-1), unrated ones by name after them.  Returns how many numbers
 * there are.
 */
static size_t
spread_number(const struct spread *sp, struct document *const *docs,
    size_t ndocs, size_t *ids)
{
	struct spread_doc *unrated = xreallocarray(NULL, ndocs + 1,
	    sizeof *unrated);
	size_t base = sp->outlets != NULL ? sp->outlets->n : 0;
	size_t n = 0, i, next = base;

	for (i = 0; i < ndocs; i++) {
		if (sp->profiles[i] != NULL) {
			ids[i] = (size_t)(sp->profiles[i] -
			    sp->outlets->items);
			continue;
		}
		unrated[n].doc = i;
		unrated[n].name = docs[i]->outlet != NULL ?
		    docs[i]->outlet : docs[i]->path;
		n++;
	}
	qsort(unrated, n, sizeof *unrated, spread_name_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(unrated[i - 1].name, unrated[i].name) != 0)
			next++;
		ids[unrated[i].doc] = next;
	}
	free(unrated);
	return n > 0 ? next + 1 : base;
}

int
spread_blindspot(const struct outlets *outlets,
    const struct spread_counts *counts)
{
	size_t side[2] = { 0, 0 }, i;
	int s;

	if (outlets == NULL || counts->rated == 0 ||
	    counts->rated < outlets->blindspot_min_rated)
		return 0;
	for (i = 0; i < outlets->nleanings; i++) {
		s = outlets_side(outlets, i);
		if (s != 0)
			side[s > 0] += counts->by_leaning[i];
	}
	for (i = 0; i < 2; i++)
		if (side[i] * 100 >= outlets->blindspot_percent *
		    counts->rated)
			return i == 0 ? -1 : 1;
	return 0;
}

/*
 * Counts the outlets of documents DOCS (N of them) into C.  SEEN[id] ==
 * STAMP marks an outlet counted already for this set.
 */
static void
spread_count(const struct spread *sp, const size_t *ids, const size_t *docs,
    size_t n, size_t *seen, size_t stamp, struct spread_counts *c)
{
	const struct outlet *p;
	size_t i, d;

	for (i = 0; i < n; i++) {
		d = docs != NULL ? docs[i] : i;
		if (seen[ids[d]] == stamp)
			continue;
		seen[ids[d]] = stamp;
		p = sp->profiles[d];
		if (p != NULL && p->leaning != OUTLET_UNRATED) {
			c->by_leaning[p->leaning]++;
			c->rated++;
		} else
			c->unrated++;
	}
	c->blindspot = spread_blindspot(sp->outlets, c);
}

struct spread *
spread_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims, const struct outlets *outlets)
{
	struct spread *sp = xcalloc(1, sizeof *sp);
	size_t *ids, *seen, nids, i, k;

	sp->outlets = outlets;
	sp->nleanings = outlets != NULL ? outlets->nleanings : 0;
	sp->profiles = xcalloc(ndocs + 1, sizeof *sp->profiles);
	for (i = 0; i < ndocs; i++)
		sp->profiles[i] = outlets_match(outlets, docs[i]->outlet,
		    docs[i]->url);
	sp->nclaims = claims != NULL ? claims->n : 0;
	if (claims != NULL)
		sp->claims = xcalloc(sp->nclaims + 1, sizeof *sp->claims);
	sp->pool = xcalloc((sp->nclaims + 1) * sp->nleanings + 1,
	    sizeof *sp->pool);
	ids = xreallocarray(NULL, ndocs + 1, sizeof *ids);
	nids = spread_number(sp, docs, ndocs, ids);
	seen = xcalloc(nids + 1, sizeof *seen);
	sp->story.by_leaning = sp->pool;
	spread_count(sp, ids, NULL, ndocs, seen, 1, &sp->story);
	for (k = 0; k < sp->nclaims; k++) {
		sp->claims[k].by_leaning = sp->pool + (k + 1) * sp->nleanings;
		spread_count(sp, ids, claims->items[k].docs,
		    claims->items[k].ndocs, seen, k + 2, &sp->claims[k]);
	}
	free(seen);
	free(ids);
	return sp;
}

void
spread_free(struct spread *sp)
{
	if (sp == NULL)
		return;
	free(sp->profiles);
	free(sp->claims);
	free(sp->pool);
	free(sp);
}
