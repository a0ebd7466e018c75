/*
 * coverage: where each source puts its weight and what it leaves out.
 *
 * The matrix counts, for every topic and source, the content sentences
 * that carry the topic or one of its subtopics (parents roll up their
 * children; boilerplate never counts).  Per source it lists the claims no
 * other source carries and the topics most other sources cover that it
 * leaves out.  A coverage owns its arrays; coverage_free releases them and
 * never the documents, claims or taxonomy it was built from.
 */
#ifndef PARALLAX_COVERAGE_H
#define PARALLAX_COVERAGE_H

#include <stddef.h>

struct claims;
struct document;
struct taxonomy;

struct coverage_source {
	size_t nclaims;		/* distinct content claims it carries */
	size_t nshared;		/* of those, carried by another source too */
	size_t *unique;		/* claims found in this source only */
	size_t nunique;
	size_t *omitted;	/* topics it leaves out that others cover */
	size_t nomitted;	/* (a subtopic is not listed under its omitted parent) */
};

struct coverage {
	size_t ntopics;
	size_t ndocs;
	size_t *counts;		/* [topic * ndocs + doc], rolled up */
	size_t *nsources;	/* per topic: sources with a count */
	struct coverage_source *sources;	/* per document */
};

struct coverage *coverage_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims, const struct taxonomy *tax);

/* Sentences of DOC carrying TOPIC or a subtopic of it. */
size_t coverage_count(const struct coverage *cov, size_t topic, size_t doc);

/*
 * Other sources that must cover a topic for its absence from one source
 * to count as an omission: half of the others, at least one.
 */
size_t coverage_omission_min(size_t ndocs);

void coverage_free(struct coverage *cov);

#endif
