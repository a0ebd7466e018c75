/*
 * claims: the claims of a story, from the linker's clusters (linker.h):
 * numbered in story order, with their sentences, sources, topics,
 * representative sentence and quote drift.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candidates.h"
#include "claims.h"
#include "discrepancy.h"
#include "document.h"
#include "drift.h"
#include "linker.h"
#include "sentvec.h"
#include "stem.h"
#include "words.h"
#include "xalloc.h"

/* Boilerplate and headings are never linked: each is a claim of its own. */
static bool
claims_linkable(const struct sentence *s)
{
	return !s->boilerplate && !s->heading;
}

/* Merges sentence S's topics (sorted) into claim CL's, in place: CL's
 * slice of the topic pool has room for every member's topics. */
static void
claims_add_topics(struct claim *cl, const struct sentence *s,
    size_t **scratch, size_t *scratchcap)
{
	size_t i, j, k, n = cl->ntopics + s->ntopics;
	size_t *merged;

	if (s->ntopics == 0)
		return;
	if (n > *scratchcap) {
		*scratchcap = n * 2;
		*scratch = xreallocarray(*scratch, *scratchcap,
		    sizeof **scratch);
	}
	merged = *scratch;
	for (i = j = k = 0; i < cl->ntopics || j < s->ntopics;) {
		if (j == s->ntopics ||
		    (i < cl->ntopics && cl->topics[i] < s->topics[j]))
			merged[k++] = cl->topics[i++];
		else if (i == cl->ntopics || s->topics[j] < cl->topics[i])
			merged[k++] = s->topics[j++];
		else {
			merged[k++] = cl->topics[i++];
			j++;
		}
	}
	memcpy(cl->topics, merged, k * sizeof *merged);
	cl->ntopics = k;
}

static void
claims_add_ref(struct claim *cl, size_t doc, size_t sentence)
{
	cl->refs[cl->nrefs].doc = doc;
	cl->refs[cl->nrefs].sentence = sentence;
	cl->nrefs++;
	if (cl->ndocs == 0 || cl->docs[cl->ndocs - 1] != doc)
		cl->docs[cl->ndocs++] = doc;
}

/*
 * Numbers claims in story order, setting each sentence's claim, and counts
 * the refs and topics of each so that one pool of each holds them all.
 * Returns the number of claims.
 */
static size_t
claims_number(struct linker *l, struct document *const *docs, size_t ndocs,
    size_t **nrefs, size_t **ntopics)
{
	struct sentence *sentence;
	uint32_t *map, cluster;
	size_t d, i, next = 0, n = 0, cap = 0, id;
	bool linked;

	map = xreallocarray(NULL, l->nclusters + 1, sizeof *map);
	for (i = 0; i < l->nclusters; i++)
		map[i] = NONE;
	*nrefs = *ntopics = NULL;
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			sentence = &docs[d]->sentences[i];
			linked = claims_linkable(sentence);
			cluster = linked ? l->cluster[next++] : NONE;
			if (linked && map[cluster] != NONE)
				id = map[cluster];
			else {
				if (n == cap) {
					cap = cap == 0 ? 256 : cap * 2;
					*nrefs = xreallocarray(*nrefs, cap,
					    sizeof **nrefs);
					*ntopics = xreallocarray(*ntopics, cap,
					    sizeof **ntopics);
				}
				id = n++;
				(*nrefs)[id] = (*ntopics)[id] = 0;
				if (linked)
					map[cluster] = (uint32_t)id;
			}
			sentence->claim = id;
			(*nrefs)[id]++;
			(*ntopics)[id] += sentence->ntopics;
		}
	}
	free(map);
	return n;
}

/* Fills claims' refs, docs, topics and reps, and finds quote drift; frees
 * the linker's sentences and their clusters once they are numbered. */
static struct claims *
claims_build(struct linker *l, struct document *const *docs, size_t ndocs)
{
	struct claims *claims = xcalloc(1, sizeof *claims);
	struct sentence *sentence;
	struct claim *cl;
	double *repsim, sim;
	size_t *nrefs, *ntopics, *scratch = NULL, scratchcap = 0;
	size_t d, i, next = 0, id, refoff = 0, topicoff = 0;

	claims->n = claims_number(l, docs, ndocs, &nrefs, &ntopics);
	/* Their clusters are claims now: the sentences' room goes to them. */
	free(l->sents);
	free(l->cluster);
	l->sents = NULL;
	l->cluster = NULL;
	claims->items = xcalloc(claims->n + 1, sizeof *claims->items);
	repsim = xreallocarray(NULL, claims->n + 1, sizeof *repsim);
	for (id = 0; id < claims->n; id++) {
		refoff += nrefs[id];
		topicoff += ntopics[id];
	}
	claims->refpool = xreallocarray(NULL, refoff + 1,
	    sizeof *claims->refpool);
	claims->docpool = xreallocarray(NULL, refoff + 1,
	    sizeof *claims->docpool);
	claims->topicpool = xreallocarray(NULL, topicoff + 1,
	    sizeof *claims->topicpool);
	for (id = refoff = topicoff = 0; id < claims->n; id++) {
		cl = &claims->items[id];
		cl->id = id;
		cl->refs = claims->refpool + refoff;
		cl->docs = claims->docpool + refoff;
		cl->topics = claims->topicpool + topicoff;
		refoff += nrefs[id];
		topicoff += ntopics[id];
	}
	free(nrefs);
	free(ntopics);
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			sentence = &docs[d]->sentences[i];
			id = sentence->claim;
			cl = &claims->items[id];
			if (cl->nrefs == 0) {
				cl->rep.doc = d;
				cl->rep.sentence = i;
				cl->boilerplate = sentence->boilerplate;
				repsim[id] = -1;
			}
			claims_add_ref(cl, d, i);
			claims_add_topics(cl, sentence, &scratch, &scratchcap);
			sim = claims_linkable(sentence) ? l->fit[next++] : 0;
			if (sim > repsim[id]) {
				repsim[id] = sim;
				cl->rep.doc = d;
				cl->rep.sentence = i;
			}
		}
	}
	for (id = 0; id < claims->n; id++) {
		cl = &claims->items[id];
		if (cl->ntopics == 0)
			cl->topics = NULL;
		if (cl->ndocs > 1)
			cl->ndrifts = drift_find(docs, cl->refs, cl->nrefs,
			    &cl->drifts);
	}
	free(scratch);
	free(repsim);
	return claims;
}

void
claims_retopic(struct claims *claims, struct document *const *docs)
{
	const struct claim_ref *ref;
	struct claim *cl;
	size_t i, j, total = 0, off = 0, *scratch = NULL, scratchcap = 0;

	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		for (j = 0; j < cl->nrefs; j++) {
			ref = &cl->refs[j];
			total += docs[ref->doc]->sentences[ref->sentence].ntopics;
		}
	}
	free(claims->topicpool);
	claims->topicpool = xreallocarray(NULL, total + 1,
	    sizeof *claims->topicpool);
	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		cl->topics = claims->topicpool + off;
		cl->ntopics = 0;
		for (j = 0; j < cl->nrefs; j++) {
			ref = &cl->refs[j];
			claims_add_topics(cl, &docs[ref->doc]->sentences[
			    ref->sentence], &scratch, &scratchcap);
		}
		off += cl->ntopics;
		if (cl->ntopics == 0)
			cl->topics = NULL;
	}
	free(scratch);
}

/*
 * Drops the shingles and word pairs that no two sentences share: they
 * count in no comparison, and at 10,000 sources the pool is the linker's
 * largest table (8.3 million hashes, 6.2 million of them shared).  Twice:
 * first with a bucket a hash, whose bitsets (2 MB there) stand beside
 * the whole pool at linking's highest, then with four, in the room the
 * first round freed: 8.27 -> 6.76 -> 6.33 million.  One round of two
 * buckets a hash took 4 MB beside the whole pool and kept 6.48 million.
 */
static void
claims_prune_wording(struct linker *l)
{
	static const size_t buckets[] = { 1, 4 };
	struct wording_span quoted, pairs;
	struct sent *s;
	size_t i, r;

	for (r = 0; r < sizeof buckets / sizeof *buckets; r++) {
		wording_prune_begin(&l->wording, buckets[r]);
		for (i = 0; i < l->nsents; i++) {
			s = &l->sents[i];
			quoted = wording_prune(&l->wording, linker_quoted(s));
			pairs = wording_prune(&l->wording, linker_pairs(s));
			/* Kept one after the other, as they were. */
			s->words = quoted.first;
			s->nquoted = (uint16_t)quoted.n;
			s->npairs = (uint16_t)pairs.n;
		}
		wording_prune_end(&l->wording);
	}
}

/* The year DATE (ISO 8601, "2017-03-30") names, or 0: what "since 1992"
 * counts from (sentvec.h). */
static int
claims_year(const char *date)
{
	int year = 0, k;

	if (date == NULL)
		return 0;
	for (k = 0; k < 4; k++) {
		if (date[k] < '0' || date[k] > '9')
			return 0;
		year = year * 10 + (date[k] - '0');
	}
	return year;
}

/*
 * The place of linker sentence S in its document, for a discrepancy:
 * the document's linkable sentences counted up to it.  A table of every
 * sentence's place (5.5 MB at 10,000 sources) stood at --json's peak for
 * the few sentences in discrepancies.
 */
static size_t
claims_sentence_of(const struct linker *l, struct document *const *docs,
    uint32_t s)
{
	const struct document *doc = docs[l->sents[s].doc];
	uint32_t first = s;
	size_t i, k = 0;

	while (first > 0 && l->sents[first - 1].doc == l->sents[s].doc)
		first--;
	for (i = 0; i < doc->nsentences; i++) {
		if (claims_linkable(&doc->sentences[i]) && k++ == s - first)
			break;
	}
	return i;
}

/* Reads every linkable sentence of DOCS into L, weighs the features and
 * groups them: each sentence's cluster is set. */
static void
claims_group(struct linker *l, struct document *const *docs, size_t ndocs)
{
	struct words w = WORDS_INIT;
	struct sent *s;
	size_t d, i, n = 0;

	memset(l, 0, sizeof *l);
	l->stem = stem_new();
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++)
			n += claims_linkable(&docs[d]->sentences[i]);
	}
	l->sents = xcalloc(n + 1, sizeof *l->sents);
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			if (!claims_linkable(&docs[d]->sentences[i]))
				continue;
			s = &l->sents[l->nsents++];
			s->doc = (uint32_t)d;
			l->year = claims_year(docs[d]->date);
			sentvec_read(l, s, &docs[d]->sentences[i], &w);
		}
	}
	words_free(&w);
	claims_prune_wording(l);
	linker_features(l);
	candidates_group(l);
}

struct claims *
claims_link(struct document *const *docs, size_t ndocs,
    const struct taxonomy *tax)
{
	struct linker l;
	struct claims *claims;
	struct discrepancy *disc;
	size_t i, ndisc;

	(void)tax;
	claims_group(&l, docs, ndocs);
	ndisc = discrepancy_find(&l, docs, &disc);
	for (i = 0; i < ndisc; i++) {
		disc[i].a.sentence = claims_sentence_of(&l, docs,
		    (uint32_t)disc[i].claim_a);
		disc[i].b.sentence = claims_sentence_of(&l, docs,
		    (uint32_t)disc[i].claim_b);
	}
	linker_settle(&l);
	claims = claims_build(&l, docs, ndocs);
	free(l.fit);
	for (i = 0; i < ndisc; i++) {
		disc[i].claim_a = docs[disc[i].a.doc]->sentences[
		    disc[i].a.sentence].claim;
		disc[i].claim_b = docs[disc[i].b.doc]->sentences[
		    disc[i].b.sentence].claim;
		claims->items[disc[i].claim_a].discrepant = true;
		claims->items[disc[i].claim_b].discrepant = true;
	}
	claims->discrepancies = disc;
	claims->ndiscrepancies = ndisc;
	return claims;
}

/* Where each of the N linkable sentences of DOCS is, for claims_pairs,
 * which names every pair. */
static struct claim_ref *
claims_where(struct document *const *docs, size_t ndocs, size_t n)
{
	struct claim_ref *where = xreallocarray(NULL, n + 1, sizeof *where);
	size_t d, i, k = 0;

	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			if (!claims_linkable(&docs[d]->sentences[i]))
				continue;
			where[k].doc = d;
			where[k++].sentence = i;
		}
	}
	return where;
}

void
claims_pairs(struct document *const *docs, size_t ndocs,
    claims_pair_fn *fn, void *ctx)
{
	struct linker l;
	struct claim_ref *where;
	struct claims_pair p;
	uint32_t a, b;

	claims_group(&l, docs, ndocs);
	where = claims_where(docs, ndocs, l.nsents);
	for (a = 0; a < l.nsents; a++) {
		for (b = a + 1; b < l.nsents; b++) {
			p.sim = linker_pair(&l, a, b, 0);
			p.bar = candidates_bar(&l, a, b);
			if (p.sim <= 0 && p.bar >= CANDIDATES_NEVER)
				continue;
			p.a = where[a];
			p.b = where[b];
			p.grouped = l.cluster[a] == l.cluster[b];
			fn(ctx, &p);
		}
	}
	free(where);
	linker_settle(&l);
	free(l.sents);
	free(l.cluster);
	free(l.fit);
}

void
claims_free(struct claims *claims)
{
	struct claim *cl;
	size_t i;

	if (claims == NULL)
		return;
	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		drift_free(cl->drifts, cl->ndrifts);
	}
	free(claims->refpool);
	free(claims->docpool);
	free(claims->topicpool);
	free(claims->discrepancies);
	free(claims->items);
	free(claims);
}
