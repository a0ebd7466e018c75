/* coverage: the topics x sources matrix, unique claims and omissions. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "claims.h"
#include "coverage.h"
#include "document.h"
#include "taxonomy.h"
#include "xalloc.h"

size_t
coverage_omission_min(size_t ndocs)
{
	size_t others = ndocs > 0 ? ndocs - 1 : 0;

	return others < 2 ? 1 : (others + 1) / 2;
}

/* Counts sentence S for each of its topics and their ancestors, once each. */
static void
coverage_sentence(struct coverage *cov, const struct taxonomy *tax,
    const struct sentence *s, size_t doc, size_t *seen, size_t stamp)
{
	size_t i, t;

	for (i = 0; i < s->ntopics; i++) {
		for (t = s->topics[i]; t != TOPIC_NO_PARENT && t < cov->ntopics;
		    t = tax->topics[t].parent) {
			if (seen[t] == stamp)
				break;
			seen[t] = stamp;
			cov->counts[t * cov->ndocs + doc]++;
		}
	}
}

static void
coverage_omissions(struct coverage *cov, const struct taxonomy *tax,
    size_t doc)
{
	struct coverage_source *src = &cov->sources[doc];
	size_t t, p, others, min = coverage_omission_min(cov->ndocs);
	bool parent_omitted;

	for (t = 0; t < cov->ntopics; t++) {
		if (coverage_count(cov, t, doc) != 0)
			continue;
		others = cov->nsources[t];
		if (others < min)
			continue;
		parent_omitted = false;
		for (p = tax->topics[t].parent; p != TOPIC_NO_PARENT;
		    p = tax->topics[p].parent) {
			if (coverage_count(cov, p, doc) == 0 &&
			    cov->nsources[p] >= min)
				parent_omitted = true;
		}
		if (parent_omitted)
			continue;
		src->omitted = xreallocarray(src->omitted, src->nomitted + 1,
		    sizeof *src->omitted);
		src->omitted[src->nomitted++] = t;
	}
}

struct coverage *
coverage_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims, const struct taxonomy *tax)
{
	struct coverage *cov = xcalloc(1, sizeof *cov);
	const struct claim *cl;
	struct coverage_source *src;
	size_t d, i, t, *seen, stamp = 0;

	cov->ndocs = ndocs;
	cov->ntopics = tax != NULL ? tax->ntopics : 0;
	cov->counts = xcalloc(cov->ntopics * ndocs + 1, sizeof *cov->counts);
	cov->nsources = xcalloc(cov->ntopics + 1, sizeof *cov->nsources);
	cov->sources = xcalloc(ndocs + 1, sizeof *cov->sources);
	seen = xcalloc(cov->ntopics + 1, sizeof *seen);
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			if (!docs[d]->sentences[i].boilerplate)
				coverage_sentence(cov, tax,
				    &docs[d]->sentences[i], d, seen, ++stamp);
		}
	}
	free(seen);
	for (t = 0; t < cov->ntopics; t++) {
		for (d = 0; d < ndocs; d++)
			cov->nsources[t] += cov->counts[t * ndocs + d] != 0;
	}
	for (i = 0; claims != NULL && i < claims->n; i++) {
		cl = &claims->items[i];
		if (cl->boilerplate)
			continue;
		for (d = 0; d < cl->ndocs; d++) {
			src = &cov->sources[cl->docs[d]];
			src->nclaims++;
			src->nshared += cl->ndocs > 1;
		}
		if (cl->ndocs != 1)
			continue;
		src = &cov->sources[cl->docs[0]];
		src->unique = xreallocarray(src->unique, src->nunique + 1,
		    sizeof *src->unique);
		src->unique[src->nunique++] = cl->id;
	}
	/* An omission is a gap where the others have something. */
	for (d = 0; d < ndocs; d++) {
		for (t = 0; t < cov->ntopics; t++)
			cov->nsources[t] -= cov->counts[t * ndocs + d] != 0;
		coverage_omissions(cov, tax, d);
		for (t = 0; t < cov->ntopics; t++)
			cov->nsources[t] += cov->counts[t * ndocs + d] != 0;
	}
	return cov;
}

size_t
coverage_count(const struct coverage *cov, size_t topic, size_t doc)
{
	return cov->counts[topic * cov->ndocs + doc];
}

void
coverage_free(struct coverage *cov)
{
	size_t d;

	if (cov == NULL)
		return;
	for (d = 0; d < cov->ndocs; d++) {
		free(cov->sources[d].unique);
		free(cov->sources[d].omitted);
	}
	free(cov->sources);
	free(cov->nsources);
	free(cov->counts);
	free(cov);
}
