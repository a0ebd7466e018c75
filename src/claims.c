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

#include "bigarray.h"
#include "candidates.h"
#include "claims.h"
#include "clause.h"
#include "discrepancy.h"
#include "document.h"
#include "drift.h"
#include "linker.h"
#include "sentvec.h"
#include "stem.h"
#include "unit.h"
#include "words.h"
#include "xalloc.h"

/* Boilerplate and headings are never linked: each is a claim of its own. */
static bool
claims_linkable(const struct sentence *s)
{
	return !s->boilerplate && !s->heading;
}

/*
 * A sentence cut into units (unit.h), as claims_group read it: where its
 * first unit stands among the linker's sentences, how many it has, its
 * main unit and each one's bytes in its text.  Only cut sentences are listed, in story
 * order, so a story whose sentences are all whole keeps no table.
 */
struct claims_cut {
	uint32_t first;
	uint32_t n;
	uint32_t main;		/* the unit whose claim the sentence carries */
	uint32_t start[UNIT_MAX];
	uint32_t end[UNIT_MAX];
};

struct claims_cuts {
	struct claims_cut *items;
	size_t n;
	size_t cap;
};

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
claims_add_ref(struct claim *cl, const struct claim_ref *ref)
{
	cl->refs[cl->nrefs++] = *ref;
	if (cl->ndocs == 0 || cl->docs[cl->ndocs - 1] != ref->doc)
		cl->docs[cl->ndocs++] = ref->doc;
}

/* How many linker sentences (units) the linkable sentence at linker index
 * NEXT is read as, taking it from CUTS at *CURSOR when it is cut. */
static uint32_t
claims_unit_count(const struct claims_cuts *cuts, size_t *cursor,
    uint32_t next)
{
	if (*cursor < cuts->n && cuts->items[*cursor].first == next)
		return cuts->items[(*cursor)++].n;
	return 1;
}

/*
 * Sets each cut sentence's main unit, whose claim the sentence carries:
 * the first whose cluster holds another unit, else the first.  COUNT
 * (room for every cluster) is scratch, left all NONE for claims_number.
 */
static void
claims_main_units(const struct linker *l, struct claims_cuts *cuts,
    uint32_t *count)
{
	struct claims_cut *cut;
	size_t i;
	uint32_t k;

	memset(count, 0, (l->nclusters + 1) * sizeof *count);
	for (i = 0; i < l->nsents; i++)
		count[l->cluster[i]]++;
	for (i = 0; i < cuts->n; i++) {
		cut = &cuts->items[i];
		for (k = 0; k < cut->n && count[l->cluster[cut->first + k]] < 2;
		    k++)
			continue;
		cut->main = k < cut->n ? k : 0;
	}
	memset(count, 0xff, (l->nclusters + 1) * sizeof *count);
}

/*
 * Numbers claims in story order, setting each sentence's claim (its main
 * unit's) and filling UNITS (one per unit of the cut sentences), and
 * counts the refs and topics of each claim so that one pool of each holds
 * them all.  Returns the number of claims.
 */
static size_t
claims_number(struct linker *l, struct document *const *docs, size_t ndocs,
    struct claims_cuts *cuts, struct claim_unit *units,
    size_t **nrefs, size_t **ntopics)
{
	const struct claims_cut *cut;
	struct sentence *sentence;
	uint32_t *map, next = 0, nu, k, main;
	size_t d, i, n = 0, cap = 0, id, cursor = 0;

	/* The clusters' counts and the ids they are numbered with share
	 * one table, a claim's room each at --json's peak. */
	map = xreallocarray(NULL, l->nclusters + 1, sizeof *map);
	claims_main_units(l, cuts, map);
	*nrefs = *ntopics = NULL;
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			sentence = &docs[d]->sentences[i];
			nu = claims_linkable(sentence) ?
			    claims_unit_count(cuts, &cursor, next) : 0;
			main = nu > 1 ? cuts->items[cursor - 1].main : 0;
			for (k = 0; k < (nu > 0 ? nu : 1); k++) {
				if (nu > 0 && map[l->cluster[next + k]] !=
				    NONE)
					id = map[l->cluster[next + k]];
				else {
					if (n == cap) {
						cap = cap == 0 ? 256 : cap * 2;
						*nrefs = xreallocarray(*nrefs,
						    cap, sizeof **nrefs);
						*ntopics = xreallocarray(
						    *ntopics, cap,
						    sizeof **ntopics);
					}
					id = n++;
					(*nrefs)[id] = (*ntopics)[id] = 0;
					if (nu > 0)
						map[l->cluster[next + k]] =
						    (uint32_t)id;
				}
				if (k == main)
					sentence->claim = id;
				if (nu > 1) {
					cut = &cuts->items[cursor - 1];
					units->ref.doc = d;
					units->ref.sentence = i;
					units->ref.start = cut->start[k];
					units->ref.end = cut->end[k];
					units++->claim = id;
				}
				(*nrefs)[id]++;
				(*ntopics)[id] += sentence->ntopics;
			}
			next += nu;
		}
	}
	free(map);
	return n;
}

/* Fills claims' refs, docs, topics, reps and units, and finds quote
 * drift; frees the linker's sentences once they are numbered. */
static struct claims *
claims_build(struct linker *l, struct document *const *docs, size_t ndocs,
    struct claims_cuts *cuts)
{
	struct claims *claims = xcalloc(1, sizeof *claims);
	struct sentence *sentence;
	const struct claim_unit *unit;
	struct claim_ref whole = { 0, 0, 0, 0 };
	const struct claim_ref *ref;
	struct claim *cl;
	double *repsim, sim;
	size_t *nrefs, *ntopics, *scratch = NULL, scratchcap = 0;
	size_t d, i, k, nu, next = 0, id, refoff = 0, topicoff = 0;

	for (i = 0; i < cuts->n; i++)
		claims->nunits += cuts->items[i].n;
	claims->units = xreallocarray(NULL, claims->nunits + 1,
	    sizeof *claims->units);
	claims->n = claims_number(l, docs, ndocs, cuts, claims->units,
	    &nrefs, &ntopics);
	/* Their clusters are claims now: the sentences' room goes to them. */
	bigarray_free(l->sents, l->sentcap, sizeof *l->sents);
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
	unit = claims->units;
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++) {
			sentence = &docs[d]->sentences[i];
			whole.doc = d;
			whole.sentence = i;
			for (nu = 0; unit + nu < claims->units + claims->nunits &&
			    unit[nu].ref.doc == d && unit[nu].ref.sentence == i;
			    nu++)
				continue;
			for (k = 0; k < (nu > 0 ? nu : 1); k++) {
				ref = nu > 0 ? &unit[k].ref : &whole;
				id = nu > 0 ? unit[k].claim : sentence->claim;
				cl = &claims->items[id];
				if (cl->nrefs == 0) {
					cl->rep = *ref;
					cl->boilerplate = sentence->boilerplate;
					repsim[id] = -1;
				}
				claims_add_ref(cl, ref);
				claims_add_topics(cl, sentence, &scratch,
				    &scratchcap);
				sim = claims_linkable(sentence) ?
				    l->fit[next++] : 0;
				if (sim > repsim[id]) {
					repsim[id] = sim;
					cl->rep = *ref;
				}
			}
			unit += nu;
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
 * The place of linker sentence S in its document, for a discrepancy: the
 * document's linkable sentences counted up to it, less the later units of
 * those cut into units (CUTS), and its unit's bytes when it is one.  A
 * table of every sentence's place (5.5 MB at 10,000 sources) stood at
 * --json's peak for the few sentences in discrepancies.
 */
static void
claims_place(const struct linker *l, struct document *const *docs,
    const struct claims_cuts *cuts, uint32_t s, struct claim_ref *ref)
{
	const struct document *doc = docs[l->sents[s].doc];
	const struct claims_cut *cut;
	uint32_t first = s, u;
	size_t i, k, lo = 0, hi = cuts->n, mid;

	while (first > 0 && l->sents[first - 1].doc == l->sents[s].doc)
		first--;
	k = s - first;
	ref->doc = l->sents[s].doc;
	ref->start = ref->end = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cuts->items[mid].first < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < cuts->n && cuts->items[lo].first <= s; lo++) {
		cut = &cuts->items[lo];
		if (s < cut->first + cut->n) {
			u = s - cut->first;
			k -= u;
			ref->start = cut->start[u];
			ref->end = cut->end[u];
			break;
		}
		k -= cut->n - 1;
	}
	for (i = 0; i < doc->nsentences; i++) {
		if (claims_linkable(&doc->sentences[i]) && k-- == 0)
			break;
	}
	ref->sentence = i;
}

/*
 * Room in L for one more linker sentence, zeroed.  The units past the
 * sentences counted take an eighth more at a time, in a bigarray
 * (bigarray.h): grown on the heap, the record (22 MB at 10,000 sources)
 * left its old room behind under --json's peak, 20 MB more.
 */
static struct sent *
claims_next_sent(struct linker *l)
{
	size_t more;

	if (l->nsents + 1 >= l->sentcap) {
		more = l->sentcap / 8 + 64;
		l->sents = bigarray_resize(l->sents, l->sentcap,
		    l->sentcap + more, sizeof *l->sents);
		l->sentcap += more;
	}
	/* Zeroed as handed out: the room past it stays untouched. */
	memset(&l->sents[l->nsents], 0, sizeof *l->sents);
	return &l->sents[l->nsents++];
}

/* Records in CUTS that the sentence whose first unit is linker sentence
 * FIRST is cut into the N units UNIT of W (its LEN bytes). */
static void
claims_add_cut(struct claims_cuts *cuts, uint32_t first,
    const struct words *w, size_t len, const struct unit *unit,
    size_t n)
{
	struct claims_cut *cut;
	size_t k;

	if (cuts->n == cuts->cap) {
		cuts->cap = cuts->cap == 0 ? 64 : cuts->cap * 2;
		cuts->items = xreallocarray(cuts->items, cuts->cap,
		    sizeof *cuts->items);
	}
	cut = &cuts->items[cuts->n++];
	cut->first = first;
	cut->n = (uint32_t)n;
	for (k = 0; k < n; k++) {
		cut->start[k] = k == 0 ? 0 :
		    (uint32_t)w->items[unit[k].from].start;
		cut->end[k] = k + 1 == n ? (uint32_t)len :
		    (uint32_t)w->items[unit[k].to - 1].end;
	}
}

/* Whether the N words of ROLE are all framing (clause.h). */
static bool
claims_framing(const unsigned char *role, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(role[i] & CLAUSE_SIDE))
			return false;
	}
	return true;
}

/* Reads every linkable sentence of DOCS into L, each unit of a sentence
 * cut into units (unit.h) as a sentence of its own, recorded in CUTS;
 * weighs the features and groups them: each unit's cluster is set. */
static void
claims_group(struct linker *l, struct document *const *docs, size_t ndocs,
    struct claims_cuts *cuts)
{
	struct words w = WORDS_INIT, part;
	struct unit unit[UNIT_MAX];
	const struct sentence *sentence;
	struct sent *s;
	unsigned char *role = NULL;
	uint32_t speaker;
	size_t d, i, k, nu, cap = 0, rolecap = 0;

	memset(l, 0, sizeof *l);
	memset(cuts, 0, sizeof *cuts);
	l->stem = stem_new();
	for (d = 0; d < ndocs; d++) {
		for (i = 0; i < docs[d]->nsentences; i++)
			cap += claims_linkable(&docs[d]->sentences[i]);
	}
	l->sentcap = cap + 1;
	l->sents = bigarray_resize(NULL, 0, l->sentcap, sizeof *l->sents);
	for (d = 0; d < ndocs; d++) {
		l->year = claims_year(docs[d]->date);
		for (i = 0; i < docs[d]->nsentences; i++) {
			sentence = &docs[d]->sentences[i];
			if (!claims_linkable(sentence))
				continue;
			words_reset(&w);
			words_split(&w, sentence->text, sentence->len);
			if (w.n > rolecap) {
				rolecap = w.n * 2;
				role = xreallocarray(role, rolecap, 1);
			}
			nu = unit_cut(sentence->text, &w, sentence->quotes,
			    sentence->nquotes, role, unit);
			if (nu == 1) {
				s = claims_next_sent(l);
				s->doc = (uint32_t)d;
				sentvec_read(l, s, sentence, &w, NULL, 0);
				continue;
			}
			claims_add_cut(cuts, (uint32_t)l->nsents, &w,
			    sentence->len, unit, nu);
			/* Each unit keeps the roles its words have in the
			 * sentence ("According to Hegseth, the United States
			 * faces ... and is focusing": alone, its first unit
			 * reads as a name and an apposition), but for one
			 * that is all framing ("..., while the rate fell"),
			 * read alone. */
			speaker = clause_roles(sentence->text, &w, role);
			for (k = 0; k < nu; k++) {
				part = w;
				part.items += unit[k].from;
				part.n = unit[k].to - unit[k].from;
				s = claims_next_sent(l);
				s->doc = (uint32_t)d;
				sentvec_read(l, s, sentence, &part,
				    claims_framing(role + unit[k].from, part.n) ?
				    NULL : role + unit[k].from, speaker);
			}
		}
	}
	words_free(&w);
	free(role);
	claims_prune_wording(l);
	linker_features(l);
	candidates_group(l);
}

/* The claim REF states: its unit's, or its sentence's. */
static size_t
claims_ref_claim(const struct claims *claims, struct document *const *docs,
    const struct claim_ref *ref)
{
	const struct claim_unit *unit;
	size_t k, n;

	unit = claims_units(claims, ref->doc, ref->sentence, &n);
	for (k = 0; k < n; k++) {
		if (unit[k].ref.start == ref->start && ref->end != 0)
			return unit[k].claim;
	}
	return docs[ref->doc]->sentences[ref->sentence].claim;
}

struct claims *
claims_link(struct document *const *docs, size_t ndocs,
    const struct taxonomy *tax)
{
	struct linker l;
	struct claims_cuts cuts;
	struct claims *claims;
	struct discrepancy *disc;
	size_t i, ndisc;

	(void)tax;
	claims_group(&l, docs, ndocs, &cuts);
	ndisc = discrepancy_find(&l, docs, &disc);
	for (i = 0; i < ndisc; i++) {
		claims_place(&l, docs, &cuts, (uint32_t)disc[i].claim_a,
		    &disc[i].a);
		claims_place(&l, docs, &cuts, (uint32_t)disc[i].claim_b,
		    &disc[i].b);
	}
	linker_settle(&l);
	claims = claims_build(&l, docs, ndocs, &cuts);
	free(l.fit);
	free(cuts.items);
	for (i = 0; i < ndisc; i++) {
		disc[i].claim_a = claims_ref_claim(claims, docs, &disc[i].a);
		disc[i].claim_b = claims_ref_claim(claims, docs, &disc[i].b);
		claims->items[disc[i].claim_a].discrepant = true;
		claims->items[disc[i].claim_b].discrepant = true;
	}
	claims->discrepancies = disc;
	claims->ndiscrepancies = ndisc;
	return claims;
}

/* Where each of the linker's units of DOCS is, for claims_pairs, which
 * names every pair. */
static struct claim_ref *
claims_where(const struct linker *l, struct document *const *docs,
    const struct claims_cuts *cuts)
{
	struct claim_ref *where = xreallocarray(NULL, l->nsents + 1,
	    sizeof *where);
	uint32_t u;

	for (u = 0; u < l->nsents; u++)
		claims_place(l, docs, cuts, u, &where[u]);
	return where;
}

void
claims_pairs(struct document *const *docs, size_t ndocs,
    claims_pair_fn *fn, void *ctx)
{
	struct linker l;
	struct claims_cuts cuts;
	struct claim_ref *where;
	struct claims_pair p;
	uint32_t a, b;

	claims_group(&l, docs, ndocs, &cuts);
	where = claims_where(&l, docs, &cuts);
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
	free(cuts.items);
	linker_settle(&l);
	bigarray_free(l.sents, l.sentcap, sizeof *l.sents);
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
	free(claims->units);
	free(claims->items);
	free(claims);
}

const struct claim_unit *
claims_units(const struct claims *claims, size_t doc, size_t sentence,
    size_t *n)
{
	const struct claim_unit *u = claims->units;
	size_t lo = 0, hi = claims->nunits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u[mid].ref.doc < doc || (u[mid].ref.doc == doc &&
		    u[mid].ref.sentence < sentence))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*n = 0; lo + *n < claims->nunits && u[lo + *n].ref.doc == doc &&
	    u[lo + *n].ref.sentence == sentence; (*n)++)
		continue;
	return u + lo;
}

void
claims_restore(const struct claims *claims, struct document *const *docs)
{
	const struct claim *cl;
	const struct claim_unit *u;
	size_t i, j, k;

	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		for (j = 0; j < cl->nrefs; j++) {
			if (cl->refs[j].end == 0)
				docs[cl->refs[j].doc]->sentences[
				    cl->refs[j].sentence].claim = cl->id;
		}
	}
	/* A cut sentence's units in a row: the first shared, else the
	 * first, as claims_main_units chose. */
	for (i = 0; i < claims->nunits; i = j) {
		u = &claims->units[i];
		for (j = i + 1; j < claims->nunits && claims->units[j].ref.doc ==
		    u->ref.doc && claims->units[j].ref.sentence ==
		    u->ref.sentence; j++)
			continue;
		for (k = i; k < j && claims->items[claims->units[k].claim].nrefs <
		    2; k++)
			continue;
		docs[u->ref.doc]->sentences[u->ref.sentence].claim =
		    claims->units[k < j ? k : i].claim;
	}
}
