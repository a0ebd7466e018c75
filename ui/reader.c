/* reader: the story as read: sources shown, current source and sentence. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claims.h"
#include "coverage.h"
#include "document.h"
#include "reader.h"
#include "story.h"
#include "taxonomy.h"
#include "tui.h"
#include "xalloc.h"

/*
 * Per document, the distinct claims it states: the coverage's count once
 * the claims are linked, its tagged sentences until then.  So the
 * coverage is built with the claims, and opening the matrix only draws.
 */
static void
reader_count_claims(struct reader *r)
{
	struct story *story = r->story;
	const struct coverage *cov;
	const struct sentence *sent;
	size_t d, s;

	if (story->claims != NULL) {
		cov = story_coverage(story);
		for (d = 0; d < story->ndocs; d++)
			r->claim_counts[d] = cov->sources[d].nclaims;
		return;
	}
	for (d = 0; d < story->ndocs; d++) {
		r->claim_counts[d] = 0;
		for (s = 0; s < story->docs[d]->nsentences; s++) {
			sent = &story->docs[d]->sentences[s];
			r->claim_counts[d] += !sent->boilerplate &&
			    sent->ntopics != 0;
		}
	}
}

void
reader_init(struct reader *r, struct story *story, const struct tui_config *cfg)
{
	size_t i;

	r->story = story;
	r->cfg = cfg;
	taxfile_init(&r->taxfile, cfg->taxonomy_path, cfg->taxonomy_is_default);
	r->claim_counts = xcalloc(story->ndocs + 1, sizeof *r->claim_counts);
	r->last_sentence = xcalloc(story->ndocs + 1, sizeof *r->last_sentence);
	for (i = 0; i < story->ndocs; i++)
		r->last_sentence[i] = NONE;
	r->order = xcalloc(story->ndocs + 1, sizeof *r->order);
	r->filter = NONE;
	r->sentence = NONE;
	r->picked_claim = NONE;
	r->focus = PANE_ARTICLE;
	r->dirty = DIRTY_ALL;
	reader_rebuild(r);
}

void
reader_rebuild(struct reader *r)
{
	free(r->in_filter);
	r->in_filter = xcalloc(r->story->taxonomy->ntopics + 1,
	    sizeof *r->in_filter);
	reader_count_claims(r);
	r->linked = r->story->claims != NULL;
	if (r->filter != NONE && r->filter >= r->story->taxonomy->ntopics)
		r->filter = NONE;
	reader_set_filter(r, r->filter);
	reader_open(r, r->doc, r->sentence);
}

void
reader_reloaded(struct reader *r, size_t doc, size_t s)
{
	size_t i, n = r->story->ndocs;

	r->claim_counts = xreallocarray(r->claim_counts, n + 1,
	    sizeof *r->claim_counts);
	r->last_sentence = xreallocarray(r->last_sentence, n + 1,
	    sizeof *r->last_sentence);
	for (i = 0; i < n; i++)
		r->last_sentence[i] = NONE;
	r->order = xreallocarray(r->order, n + 1, sizeof *r->order);
	r->doc = doc < n ? doc : 0;
	r->sentence = NONE;
	r->picked_claim = NONE;
	reader_rebuild(r);
	reader_open(r, r->doc, s);
}

void
reader_free(struct reader *r)
{
	free(r->order);
	free(r->claim_counts);
	free(r->last_sentence);
	free(r->in_filter);
	free(r->query);
	free(r->message);
	taxfile_free(&r->taxfile);
}

bool
reader_sentence_shown(const struct reader *r, size_t doc, size_t s)
{
	const struct sentence *sent = &r->story->docs[doc]->sentences[s];
	size_t i;

	if (r->filter == NONE)
		return true;
	for (i = 0; i < sent->ntopics; i++) {
		if (sent->topics[i] < r->story->taxonomy->ntopics &&
		    r->in_filter[sent->topics[i]])
			return true;
	}
	return false;
}

/* Whether any sentence of DOC is shown under the filter. */
static bool
reader_doc_shown(const struct reader *r, size_t doc)
{
	size_t s;

	if (r->filter == NONE)
		return true;
	for (s = 0; s < r->story->docs[doc]->nsentences; s++) {
		if (reader_sentence_shown(r, doc, s))
			return true;
	}
	return false;
}

int
reader_set_filter(struct reader *r, size_t topic)
{
	const struct taxonomy *tax = r->story->taxonomy;
	size_t i, d, old = r->filter, n = 0;

	r->filter = topic;
	for (i = 0; i < tax->ntopics; i++)
		r->in_filter[i] = topic != NONE &&
		    taxonomy_is_ancestor(tax, topic, i);
	for (d = 0; d < r->story->ndocs; d++) {
		if (reader_doc_shown(r, d))
			r->order[n++] = d;
	}
	if (n == 0 && topic != NONE) {
		reader_set_filter(r, old != topic ? old : NONE);
		return reader_message(r, true, "no source carries %s",
		    tax->topics[topic].label);
	}
	r->norder = n;
	r->generation++;
	for (i = 0; i < n && r->order[i] != r->doc; i++)
		;
	if (i == n && n != 0)
		return reader_open(r, r->order[0], NONE) | DIRTY_ALL;
	r->at = i < n ? i : 0;
	if (r->sentence != NONE && !reader_sentence_shown(r, r->doc, r->sentence))
		r->sentence = NONE;
	return DIRTY_ALL;
}

/* The first shown sentence of the current document, preferring the body. */
static size_t
reader_first_sentence(const struct reader *r)
{
	const struct document *doc = r->story->docs[r->doc];
	size_t s, first = NONE;

	for (s = 0; s < doc->nsentences; s++) {
		if (!reader_sentence_shown(r, r->doc, s))
			continue;
		if (!doc->sentences[s].boilerplate)
			return s;
		if (first == NONE)
			first = s;
	}
	return first;
}

int
reader_open(struct reader *r, size_t doc, size_t s)
{
	size_t i;

	if (doc >= r->story->ndocs)
		return 0;
	if (r->doc < r->story->ndocs)
		r->last_sentence[r->doc] = r->sentence;
	r->doc = doc;
	for (i = 0; i < r->norder && r->order[i] != doc; i++)
		;
	if (i < r->norder)
		r->at = i;
	if (s == NONE)
		s = r->last_sentence[doc];
	if (s == NONE || s >= r->story->docs[doc]->nsentences ||
	    !reader_sentence_shown(r, doc, s))
		s = reader_first_sentence(r);
	return reader_select(r, s) | DIRTY_PANES | DIRTY_FRAME | DIRTY_STATUS;
}

int
reader_switch(struct reader *r, size_t doc)
{
	size_t claim = reader_current_claim(r), i, s = NONE;
	const struct claim *c;

	if (claim != NONE) {
		c = &r->story->claims->items[claim];
		for (i = 0; i < c->nrefs && s == NONE; i++) {
			if (c->refs[i].doc == doc &&
			    reader_sentence_shown(r, doc, c->refs[i].sentence))
				s = c->refs[i].sentence;
		}
	}
	return reader_open(r, doc, s);
}

int
reader_select(struct reader *r, size_t s)
{
	r->sentence = s;
	r->selections++;
	return DIRTY_ARTICLE | DIRTY_SIDEBAR | DIRTY_STATUS;
}

size_t
reader_current_claim(const struct reader *r)
{
	const struct sentence *sent;

	if (r->story->claims == NULL)
		return NONE;
	if (r->focus == PANE_CLAIMS && r->picked_claim != NONE)
		return r->picked_claim;
	if (r->sentence == NONE)
		return NONE;
	sent = &r->story->docs[r->doc]->sentences[r->sentence];
	if (sent->claim == SENTENCE_NO_CLAIM || sent->claim >= r->story->claims->n)
		return NONE;
	return sent->claim;
}

int
reader_message(struct reader *r, bool error, const char *fmt, ...)
{
	struct timespec now;
	va_list ap;

	free(r->message);
	va_start(ap, fmt);
	r->message = xvasprintf(fmt, ap);
	va_end(ap);
	r->message_error = error;
	clock_gettime(CLOCK_MONOTONIC, &now);
	r->message_at = (long long)now.tv_sec;
	return DIRTY_STATUS;
}

int
reader_expire_message(struct reader *r, long long now)
{
	if (r->message == NULL || now - r->message_at < (r->message_error ?
	    READER_ERROR_SECONDS : READER_MESSAGE_SECONDS))
		return 0;
	free(r->message);
	r->message = NULL;
	return DIRTY_STATUS;
}

int
reader_no_claim(struct reader *r)
{
	return reader_message(r, true, r->story->claims == NULL ?
	    "the claims are still being linked" : "no claim selected");
}

const char *
reader_source_name(const struct reader *r, size_t doc)
{
	const struct document *d = r->story->docs[doc];

	if (d->outlet != NULL && *d->outlet != '\0')
		return d->outlet;
	return d->path != NULL ? d->path : "?";
}

size_t
reader_sentence_topic(const struct reader *r, size_t doc, size_t s)
{
	const struct sentence *sent = &r->story->docs[doc]->sentences[s];
	const struct taxonomy *tax = r->story->taxonomy;
	size_t i, t, best = NONE;

	/* The deepest topic wins: it is the most specific colour. */
	for (i = 0; i < sent->ntopics; i++) {
		t = sent->topics[i];
		if (t >= tax->ntopics)
			continue;
		if (r->filter != NONE && !r->in_filter[t])
			continue;
		if (best == NONE || tax->topics[t].depth > tax->topics[best].depth)
			best = t;
	}
	return best;
}
