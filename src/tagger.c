#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "blockmask.h"
#include "document.h"
#include "matcher.h"
#include "owner.h"
#include "phrasebook.h"
#include "tagger.h"
#include "taxonomy.h"
#include "xalloc.h"

/*
 * The keywords that hit a topic (or a range of topics) in one run, as far
 * as backing needs them: the first one, and whether another one did.
 */
struct tagger_seen {
	const char *first;
	uint32_t stamp;		/* == the run's stamp when valid */
	bool two;
};

/* Per-call state, kept between calls to avoid allocating per sentence. */
struct tagger_state {
	struct matcher_scratch *scratch;
	const struct phrase *phrases;	/* the book's, for tagger_collect */
	struct hit *hits;
	size_t nhits, caphits;
	uint32_t *hit_stamp;	/* per topic: == stamp when a keyword hit */
	uint32_t *amb_stamp;	/* per topic: == stamp when an ambiguous one did */
	uint32_t *veto_stamp;	/* per topic: == stamp when an exclude hit */
	uint32_t stamp;
	struct tagger_seen *phrase;	/* per topic: its firm phrases' hits */
	struct tagger_seen *sub;	/* per topic: its and its subtopics' */
	uint32_t *firm_stamp;	/* per topic: == source_stamp when a sentence
				 * of the source carries it through a firm
				 * phrase (phrasebook.h: firm) */
	uint32_t source_stamp;
	size_t *echo;		/* per root topic: the source's sentences that
				 * carry it or a subtopic (tagger_echo) */
	bool ambiguous;		/* whether an ambiguous keyword hit */
	size_t *found;		/* tagger_matches' topics */
	size_t capfound;
	uint64_t *found_bits;	/* a bit a topic, while tagger_matches runs */
	/* A document's matches and topics, sentence after sentence, while
	 * tagger_tag_document tags it: they go to the document in one
	 * block at the end (tagger_keep). */
	struct match *docmatches;
	size_t ndocmatches, capdocmatches;
	size_t *doctopics;
	size_t ndoctopics, capdoctopics;
};

struct tagger {
	const struct taxonomy *tax;
	struct phrasebook *book;
	size_t *subtree_end;	/* per topic: one past its last subtopic */
	size_t *root;		/* per topic: the top of its tree, its family */
	struct owner owner;	/* the above, for rules 9 to 13 (owner.h) */
	struct tagger_state *state;
	const struct tagger *parent;	/* tagger_fork's: owns the above */
};

static struct tagger_state *
tagger_state_new(const struct taxonomy *tax)
{
	struct tagger_state *st = xcalloc(1, sizeof *st);

	st->scratch = matcher_scratch_new();
	st->hit_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	st->amb_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	st->veto_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	st->phrase = xcalloc(tax->ntopics + 1, sizeof *st->phrase);
	st->sub = xcalloc(tax->ntopics + 1, sizeof *st->sub);
	st->firm_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	st->echo = xcalloc(tax->ntopics + 1, sizeof(size_t));
	st->found_bits = xcalloc(tax->ntopics / 64 + 1, sizeof(uint64_t));
	return st;
}

struct tagger *
tagger_new(const struct taxonomy *tax)
{
	struct tagger *tg = xcalloc(1, sizeof *tg);
	const struct topic *t;
	size_t i, up;

	tg->tax = tax;
	tg->book = phrasebook_new(tax);
	tg->subtree_end = xreallocarray(NULL, tax->ntopics + 1,
	    sizeof *tg->subtree_end);
	tg->root = xreallocarray(NULL, tax->ntopics + 1, sizeof *tg->root);
	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		/* Subtopics follow their parent: each one ends its
		 * ancestors' ranges so far. */
		tg->subtree_end[i] = i + 1;
		tg->root[i] = t->parent == TOPIC_NO_PARENT ? i :
		    tg->root[t->parent];
		for (up = t->parent; up != TOPIC_NO_PARENT;
		    up = tax->topics[up].parent)
			tg->subtree_end[up] = i + 1;
	}
	tg->owner.book = tg->book;
	tg->owner.tax = tax;
	tg->owner.subtree_end = tg->subtree_end;
	tg->state = tagger_state_new(tax);
	return tg;
}

struct tagger *
tagger_fork(const struct tagger *tagger)
{
	struct tagger *tg = xcalloc(1, sizeof *tg);

	*tg = *tagger;
	tg->parent = tagger;
	tg->state = tagger_state_new(tg->tax);
	return tg;
}

void
tagger_free(struct tagger *tg)
{
	if (tg == NULL)
		return;
	if (tg->parent == NULL) {
		phrasebook_free(tg->book);
		free(tg->subtree_end);
		free(tg->root);
	}
	matcher_scratch_free(tg->state->scratch);
	free(tg->state->hits);
	free(tg->state->hit_stamp);
	free(tg->state->amb_stamp);
	free(tg->state->veto_stamp);
	free(tg->state->phrase);
	free(tg->state->sub);
	free(tg->state->firm_stamp);
	free(tg->state->echo);
	free(tg->state->found);
	free(tg->state->found_bits);
	free(tg->state->docmatches);
	free(tg->state->doctopics);
	free(tg->state);
	free(tg);
}

/*
 * Keeps a hit; tagger_mark marks its topic once rules 9 to 13 (owner.h)
 * have settled what the hit counts as.  The hit's phrase is asked for
 * now: a large taxonomy's phrases miss the caches, and the walks go on
 * while it comes, where tagger_mark would wait for it.
 */
static void
tagger_collect(void *arg, size_t phrase, size_t start, size_t end)
{
	struct tagger_state *st = arg;

	__builtin_prefetch(&st->phrases[phrase]);
	if (st->nhits == st->caphits) {
		st->caphits = st->caphits * 2 + 16;
		st->hits = xreallocarray(st->hits, st->caphits,
		    sizeof *st->hits);
	}
	st->hits[st->nhits].phrase = phrase;
	st->hits[st->nhits].start = start;
	st->hits[st->nhits].end = end;
	st->hits[st->nhits].in_name = false;
	st->nhits++;
}

/* Matches in start order, the longest first, then in taxonomy order. */
static int
tagger_hit_cmp(const void *a, const void *b)
{
	const struct hit *ha = a, *hb = b;

	if (ha->start != hb->start)
		return ha->start < hb->start ? -1 : 1;
	if (ha->end != hb->end)
		return ha->end > hb->end ? -1 : 1;
	return ha->phrase < hb->phrase ? -1 : ha->phrase > hb->phrase;
}

/*
 * Whether A comes after B in tagger_hit_cmp's order, in one test rather
 * than a branch a field: hits that share a start (a name and a longer
 * name it begins) are common, and each branch on them was a guess.
 */
static inline bool
tagger_hit_after(const struct hit *a, const struct hit *b)
{
	return (a->start > b->start) | ((a->start == b->start) &
	    ((a->end < b->end) | ((a->end == b->end) &
	    (a->phrase > b->phrase))));
}

/* H in tagger_hit_cmp's order.  A sentence has a few hits, reported
 * nearly in order, for which qsort's set-up costs more than sorting. */
static void
tagger_sort_hits(struct hit *h, size_t n)
{
	struct hit x;
	size_t i, j;

	if (n > 32) {
		qsort(h, n, sizeof *h, tagger_hit_cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		x = h[i];
		for (j = i; j > 0 && tagger_hit_after(&h[j - 1], &x); j--)
			h[j] = h[j - 1];
		h[j] = x;
	}
}

static int
tagger_veto_cmp(const void *a, const void *b)
{
	const struct tagger_veto *va = a, *vb = b;

	if (va->start != vb->start)
		return va->start < vb->start ? -1 : 1;
	if (va->topic != vb->topic)
		return va->topic < vb->topic ? -1 : 1;
	return va->end < vb->end ? -1 : va->end > vb->end;
}

/* Records that keyword TEXT hit, in SEEN, for the run STAMP. */
static void
tagger_note(struct tagger_seen *seen, const char *text, uint32_t stamp)
{
	if (seen->stamp != stamp) {
		seen->first = text;
		seen->stamp = stamp;
		seen->two = false;
	} else if (!seen->two && strcmp(seen->first, text) != 0)
		seen->two = true;
}

/* The kind a hit counts as: its phrase's, or ambiguous for a place
 * inside another name (rule 10). */
static enum phrase_kind
tagger_hit_kind(const struct tagger *tg, const struct hit *h)
{
	return h->in_name ? PHRASE_AMBIGUOUS :
	    tg->book->phrases[h->phrase].kind;
}

/* Marks, per topic, the last run's keyword hits, ambiguous hits and
 * vetoes, each hit as the kind it counts as (tagger_hit_kind). */
static void
tagger_mark(const struct tagger *tg)
{
	struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i;

	for (i = 0; i < st->nhits; i++) {
		p = &tg->book->phrases[st->hits[i].phrase];
		if (p->kind == PHRASE_EXCLUDE)
			st->veto_stamp[p->topic] = st->stamp;
		else if (p->kind == PHRASE_AMBIGUOUS || st->hits[i].in_name) {
			st->amb_stamp[p->topic] = st->stamp;
			st->ambiguous = true;
		} else
			st->hit_stamp[p->topic] = st->stamp;
	}
}

/*
 * Runs the matcher and marks, per topic, keyword hits and vetoes; when an
 * ambiguous keyword hit, also which firm phrases hit each topic and which
 * keywords each range of topics, for tagger_backed.
 */
static void
tagger_run(const struct tagger *tg, const char *text, size_t len)
{
	struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i, t, n = tg->tax->ntopics;

	if (++st->stamp == 0) {
		memset(st->hit_stamp, 0, n * sizeof(uint32_t));
		memset(st->amb_stamp, 0, n * sizeof(uint32_t));
		memset(st->veto_stamp, 0, n * sizeof(uint32_t));
		memset(st->phrase, 0, n * sizeof *st->phrase);
		memset(st->sub, 0, n * sizeof *st->sub);
		st->stamp = 1;
	}
	st->nhits = 0;
	st->ambiguous = false;
	st->phrases = tg->book->phrases;
	matcher_find(tg->book->matcher, st->scratch, text, len, tagger_collect,
	    st);
	owner_settle(&tg->owner, text, len, st->hits, &st->nhits);
	tagger_mark(tg);
	if (!st->ambiguous)
		return;
	for (i = 0; i < st->nhits; i++) {
		p = &tg->book->phrases[st->hits[i].phrase];
		if (p->kind == PHRASE_EXCLUDE ||
		    st->veto_stamp[p->topic] == st->stamp)
			continue;
		if (p->firm)
			tagger_note(&st->phrase[p->topic], p->text, st->stamp);
		for (t = p->topic; t != TOPIC_NO_PARENT;
		    t = tg->tax->topics[t].parent)
			tagger_note(&st->sub[t], p->text, st->stamp);
	}
}

/*
 * Whether the last run backs TOPIC's ambiguous hits within the sentence:
 * two different keywords hit among the topic and its subtopics, or one
 * there and a firm phrase of the parent (not counting vetoed topics).  A
 * parent's single word is too often the broad sense a near sense shares
 * ("vote" in "a protest vote", "military" for a nominee who withdraws).
 */
static bool
tagger_backed(const struct tagger *tg, size_t topic)
{
	const struct tagger_state *st = tg->state;
	const struct tagger_seen *sub = &st->sub[topic], *up = NULL;
	size_t parent = tg->tax->topics[topic].parent;

	if (parent != TOPIC_NO_PARENT && st->phrase[parent].stamp == st->stamp)
		up = &st->phrase[parent];
	if (sub->stamp != st->stamp)
		return up != NULL && up->two;
	if (sub->two || (up != NULL && up->two))
		return true;
	return up != NULL && strcmp(sub->first, up->first) != 0;
}

/* Rule 6: a keyword of the topic matched and none of its excludes did. */
static bool
tagger_hit(const struct tagger_state *st, size_t topic)
{
	return (st->hit_stamp[topic] == st->stamp ||
	    st->amb_stamp[topic] == st->stamp) &&
	    st->veto_stamp[topic] != st->stamp;
}

/* What backs TOPIC's hits in the last run, as far as the sentence goes. */
static enum match_support
tagger_support(const struct tagger *tg, size_t topic)
{
	const struct tagger_state *st = tg->state;

	if (st->hit_stamp[topic] == st->stamp)
		return MATCH_PLAIN;
	return tagger_backed(tg, topic) ? MATCH_BY_SENTENCE : MATCH_UNBACKED;
}

/* Whether the last run carries TOPIC; unbacked when UNBACKED too. */
static bool
tagger_carried(const struct tagger *tg, size_t topic, bool unbacked)
{
	return tagger_hit(tg->state, topic) &&
	    (unbacked || tagger_support(tg, topic) != MATCH_UNBACKED);
}

/*
 * Moves the topics marked in found_bits, words LO to HI, to found in
 * ascending order and clears them; returns how many.  A sentence carries
 * a few topics, hit in no useful order (by span): sorting them as they
 * came guessed a branch on each.
 */
static size_t
tagger_take_found(struct tagger_state *st, size_t lo, size_t hi)
{
	size_t k, n = 0;
	uint64_t x;

	for (k = lo; k <= hi; k++) {
		for (x = st->found_bits[k]; x != 0; x &= x - 1)
			st->found[n++] = k * 64 + blockmask_lowest(x);
		st->found_bits[k] = 0;
	}
	return n;
}

/*
 * Keyword matches, sorted, one per topic and span, into OUT (room for the
 * run's nhits): of every topic when ALL, else of the carried ones
 * (unbacked ones too when UNBACKED); returns how many.  Their topics go
 * to found, ascending, NFOUND of them: taken from the hits rather than
 * from every topic, as a large taxonomy has hundreds and a sentence hits
 * a few (an exclude's hit never carries its topic).
 */
static size_t
tagger_matches(const struct tagger *tg, bool all, bool unbacked,
    struct match *out, size_t *nfound)
{
	struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i, j, n = 0, span = 0, lo = SIZE_MAX, hi = 0, t;
	size_t start = SIZE_MAX, end = 0;	/* no span: none ends first */
	bool seen;

	xgrow((void **)&st->found, &st->capfound, st->nhits,
	    sizeof *st->found);
	tagger_sort_hits(st->hits, st->nhits);
	for (i = 0; i < st->nhits; i++) {
		p = &tg->book->phrases[st->hits[i].phrase];
		if (p->kind == PHRASE_EXCLUDE ||
		    (!all && !tagger_carried(tg, p->topic, unbacked)))
			continue;
		t = p->topic;
		out[n].topic = t;
		out[n].keyword = p->text;
		out[n].start = st->hits[i].start;
		out[n].end = st->hits[i].end;
		out[n].firm = p->firm;
		out[n].support = tagger_hit_kind(tg, &st->hits[i]) ==
		    PHRASE_KEYWORD ? MATCH_PLAIN :
		    tagger_support(tg, t) == MATCH_UNBACKED ?
		    MATCH_UNBACKED : MATCH_BY_SENTENCE;
		/*
		 * The same span of one topic, through two keywords, counts
		 * once.  The matches kept on this span start at SPAN: the
		 * match before often shares the start (a longer name),
		 * seldom the span, and one test tells.
		 */
		if ((out[n].start != start) | (out[n].end != end))
			span = n;
		start = out[n].start;
		end = out[n].end;
		for (j = span, seen = false; j < n; j++)
			seen |= out[j].topic == t;
		if (seen)
			continue;
		st->found_bits[t / 64] |= 1ULL << (t % 64);
		lo = t / 64 < lo ? t / 64 : lo;
		hi = t / 64 > hi ? t / 64 : hi;
		n++;
	}
	*nfound = lo <= hi ? tagger_take_found(st, lo, hi) : 0;
	return n;
}

/* tagger_matches of the last run in an allocation of their own, or NULL
 * when there are none; the count in *COUNT. */
static struct match *
tagger_matches_apart(const struct tagger *tg, bool all, bool unbacked,
    size_t *count, size_t *nfound)
{
	struct match *out;

	*count = *nfound = 0;
	if (tg->state->nhits == 0)
		return NULL;
	/* malloc, not realloc of NULL, which costs more (a sentence's
	 * hits are far fewer than SIZE_MAX / sizeof *out). */
	out = xmalloc(tg->state->nhits * sizeof *out);
	if ((*count = tagger_matches(tg, all, unbacked, out, nfound)) == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Tags S; topics whose ambiguous hits nothing backs too when UNBACKED. */
static void
tagger_tag_sentence(const struct tagger *tg, struct sentence *s,
    bool unbacked)
{
	const struct tagger_state *st = tg->state;
	size_t n, nfound;

	free(s->matches);
	free(s->topics);
	s->matches = NULL;
	s->topics = NULL;
	s->nmatches = s->ntopics = 0;
	tagger_run(tg, s->text, s->len);
	s->matches = tagger_matches_apart(tg, false, unbacked, &n, &nfound);
	s->nmatches = (uint32_t)n;
	if (nfound == 0)
		return;
	s->topics = xmalloc(nfound * sizeof *s->topics);
	memcpy(s->topics, st->found, nfound * sizeof *s->topics);
	s->ntopics = (uint32_t)nfound;
}

void
tagger_tag(const struct tagger *tg, struct sentence *s)
{
	tagger_tag_sentence(tg, s, false);
}

/*
 * Whether another sentence of the source carries TOPIC or one of its
 * subtopics through a firm phrase (tagger_tag_document's first pass
 * marked them).
 */
static bool
tagger_source_backs(const struct tagger *tg, size_t topic)
{
	const struct tagger_state *st = tg->state;
	size_t t;

	for (t = topic; t < tg->subtree_end[topic]; t++)
		if (st->firm_stamp[t] == st->source_stamp)
			return true;
	return false;
}

/*
 * Settles S's unbacked topics: each one the source backs stays, its
 * matches marked so; the others go, with their matches.
 */
static void
tagger_settle(const struct tagger *tg, struct sentence *s)
{
	size_t i, j, k, t;

	for (i = k = 0; i < s->nmatches; i++) {
		if (s->matches[i].support == MATCH_UNBACKED) {
			if (!tagger_source_backs(tg, s->matches[i].topic))
				continue;
			s->matches[i].support = MATCH_BY_SOURCE;
		}
		s->matches[k++] = s->matches[i];
	}
	s->nmatches = (uint32_t)k;
	/* A topic stays when one of its matches did. */
	for (i = k = 0; i < s->ntopics; i++) {
		t = s->topics[i];
		for (j = 0; j < s->nmatches; j++)
			if (s->matches[j].topic == t) {
				s->topics[k++] = t;
				break;
			}
	}
	s->ntopics = (uint32_t)k;
}

/* Whether a common phrase of S (a keyword of two words or more, written
 * without a capital, of any topic) spans S's match M: the phrase tells the
 * word's sense ("our own borders"); a name does not (the "Law" of the
 * Southern Poverty Law Center). */
static bool
tagger_in_phrase(const struct sentence *s, const struct match *m)
{
	const char *k;
	size_t i;

	for (i = 0; i < s->nmatches && s->matches[i].start <= m->start; i++) {
		k = s->matches[i].keyword;
		if (s->matches[i].end >= m->end && &s->matches[i] != m &&
		    strchr(k, ' ') != NULL && !(*k >= 'A' && *k <= 'Z'))
			return true;
	}
	return false;
}

/*
 * Whether S names family ROOT by one common word only: a single keyword of
 * one word, not a name (a keyword written with a capital, "Iran", "ACA")
 * nor part of a phrase, is all its hits of the family.  Such a word is the
 * one a sentence most often uses in another sense ("nut jobs", "historical
 * precedents", a "medical-school yearbook").
 */
static bool
tagger_one_word(const struct tagger *tg, const struct sentence *s,
    size_t root)
{
	const char *word = NULL, *k;
	size_t i;

	for (i = 0; i < s->nmatches; i++) {
		if (tg->root[s->matches[i].topic] != root)
			continue;
		k = s->matches[i].keyword;
		if (strchr(k, ' ') != NULL || (*k >= 'A' && *k <= 'Z') ||
		    (word != NULL && strcmp(word, k) != 0) ||
		    tagger_in_phrase(s, &s->matches[i]))
			return false;
		word = k;
	}
	return word != NULL;
}

/*
 * Drops from S each topic its sentence names by one common word
 * (tagger_one_word) when fewer than the taxonomy's echo other sentences
 * of the source carry its family: a word in the topic's sense comes in a
 * story that returns to the topic, a word in another sense stands alone.
 */
static void
tagger_echo(const struct tagger *tg, const struct tagger_state *st,
    struct sentence *s)
{
	size_t i, j, k, root;
	bool drop;

	for (i = k = 0; i < s->ntopics; i++) {
		root = tg->root[s->topics[i]];
		drop = st->echo[root] < tg->tax->echo + 1 &&
		    tagger_one_word(tg, s, root);
		if (!drop)
			s->topics[k++] = s->topics[i];
	}
	if (k == s->ntopics)
		return;
	s->ntopics = (uint32_t)k;
	/* A match stays when its topic did. */
	for (i = k = 0; i < s->nmatches; i++) {
		for (j = 0; j < s->ntopics; j++)
			if (s->topics[j] == s->matches[i].topic) {
				s->matches[k++] = s->matches[i];
				break;
			}
	}
	s->nmatches = (uint32_t)k;
}

/* Counts, per family, the sentences of DOC that carry it. */
static void
tagger_count_echo(const struct tagger *tg, struct tagger_state *st,
    const struct document *doc)
{
	const struct sentence *s;
	size_t i, j, root, last;

	memset(st->echo, 0, tg->tax->ntopics * sizeof *st->echo);
	for (i = 0; i < doc->nsentences; i++) {
		s = &doc->sentences[i];
		if (s->boilerplate)
			continue;
		/* Topics ascend and a family's are contiguous. */
		for (j = 0, last = TOPIC_NO_PARENT; j < s->ntopics; j++) {
			root = tg->root[s->topics[j]];
			if (root != last)
				st->echo[root]++;
			last = root;
		}
	}
}

/*
 * Tags S of a document into the state's document arrays, its counts in S
 * (its pointers stay NULL until tagger_keep), and stamps the topics it
 * carries through a firm phrase.  Returns whether it has an ambiguous
 * match nothing in it backs.
 */
static bool
tagger_tag_into(const struct tagger *tg, struct sentence *s)
{
	struct tagger_state *st = tg->state;
	struct match *m;
	size_t k, n, nfound;
	bool unsettled = false;

	tagger_run(tg, s->text, s->len);
	if (st->nhits == 0)
		return false;
	xgrow((void **)&st->docmatches, &st->capdocmatches,
	    st->ndocmatches + st->nhits, sizeof *st->docmatches);
	m = st->docmatches + st->ndocmatches;
	n = tagger_matches(tg, false, true, m, &nfound);
	xgrow((void **)&st->doctopics, &st->capdoctopics,
	    st->ndoctopics + nfound, sizeof *st->doctopics);
	/* Hits whose every topic was vetoed leave no topic; no array yet
	 * then, and memcpy takes no null pointer even for no bytes. */
	if (nfound > 0)
		memcpy(st->doctopics + st->ndoctopics, st->found,
		    nfound * sizeof *st->doctopics);
	st->ndocmatches += n;
	st->ndoctopics += nfound;
	s->nmatches = (uint32_t)n;
	s->ntopics = (uint32_t)nfound;
	for (k = 0; k < n; k++) {
		if (m[k].support == MATCH_UNBACKED)
			unsettled = true;
		else if (m[k].support == MATCH_PLAIN && m[k].firm)
			st->firm_stamp[m[k].topic] = st->source_stamp;
	}
	return unsettled;
}

/*
 * The state's document arrays to DOC in one block, the matches first,
 * each sentence pointed at its own (NULL where it has none): one
 * allocation a document rather than two a tagged sentence, and one free.
 */
static void
tagger_keep(const struct tagger_state *st, struct document *doc)
{
	struct match *m;
	size_t *t, i;

	if (st->ndocmatches == 0)
		return;
	doc->tagblock = xmalloc(st->ndocmatches * sizeof *m +
	    st->ndoctopics * sizeof *t);
	m = doc->tagblock;
	memcpy(m, st->docmatches, st->ndocmatches * sizeof *m);
	t = (size_t *)(void *)(m + st->ndocmatches);
	memcpy(t, st->doctopics, st->ndoctopics * sizeof *t);
	for (i = 0; i < doc->nsentences; i++) {
		struct sentence *s = &doc->sentences[i];

		if (s->nmatches != 0) {
			s->matches = m;
			m += s->nmatches;
		}
		if (s->ntopics != 0) {
			s->topics = t;
			t += s->ntopics;
		}
	}
}

void
tagger_tag_document(const struct tagger *tg, struct document *doc)
{
	struct tagger_state *st = tg->state;
	bool unsettled = false;
	size_t i;

	document_clear_tags(doc);
	if (++st->source_stamp == 0) {
		memset(st->firm_stamp, 0,
		    tg->tax->ntopics * sizeof(uint32_t));
		st->source_stamp = 1;
	}
	st->ndocmatches = st->ndoctopics = 0;
	for (i = 0; i < doc->nsentences; i++) {
		/* Clutter is kept out of topics, claims and counts. */
		if (!doc->sentences[i].boilerplate)
			unsettled |= tagger_tag_into(tg, &doc->sentences[i]);
	}
	tagger_keep(st, doc);
	if (unsettled)
		for (i = 0; i < doc->nsentences; i++)
			if (!doc->sentences[i].boilerplate)
				tagger_settle(tg, &doc->sentences[i]);
	if (tg->tax->echo == 0)
		return;
	tagger_count_echo(tg, st, doc);
	for (i = 0; i < doc->nsentences; i++)
		if (!doc->sentences[i].boilerplate)
			tagger_echo(tg, st, &doc->sentences[i]);
}

void
tagger_explain(const struct tagger *tg, const char *text, size_t len,
    struct tagger_explanation *out)
{
	const struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i, nfound;

	memset(out, 0, sizeof *out);
	tagger_run(tg, text, len);
	out->matches = tagger_matches_apart(tg, true, true, &out->nmatches,
	    &nfound);
	for (i = 0; i < st->nhits; i++) {
		p = &tg->book->phrases[st->hits[i].phrase];
		if (p->kind != PHRASE_EXCLUDE ||
		    (st->hit_stamp[p->topic] != st->stamp &&
		    st->amb_stamp[p->topic] != st->stamp))
			continue;
		out->vetoes = xreallocarray(out->vetoes, out->nvetoes + 1,
		    sizeof *out->vetoes);
		out->vetoes[out->nvetoes].topic = p->topic;
		out->vetoes[out->nvetoes].exclude = p->text;
		out->vetoes[out->nvetoes].start = st->hits[i].start;
		out->vetoes[out->nvetoes].end = st->hits[i].end;
		out->nvetoes++;
	}
	if (out->nvetoes > 1)
		qsort(out->vetoes, out->nvetoes, sizeof *out->vetoes, tagger_veto_cmp);
}

/* Whether the explanation E vetoes TOPIC. */
static bool
tagger_vetoed(const struct tagger_explanation *e, size_t topic)
{
	size_t i;

	for (i = 0; i < e->nvetoes; i++)
		if (e->vetoes[i].topic == topic)
			return true;
	return false;
}

/* Whether S carries TOPIC. */
static bool
tagger_carries(const struct sentence *s, size_t topic)
{
	size_t i;

	for (i = 0; i < s->ntopics; i++)
		if (s->topics[i] == topic)
			return true;
	return false;
}

void
tagger_explain_sentence(const struct tagger *tg, const struct sentence *s,
    struct tagger_explanation *out)
{
	struct sentence kept;
	enum tagger_verdict *v;
	const struct match *m;
	size_t i;

	tagger_explain(tg, s->text, s->len, out);
	if (out->nmatches == 0)
		return;
	v = out->verdicts = xreallocarray(NULL, out->nmatches, sizeof *v);
	/* The matches a sentence judged alone keeps, as rule 8 sees them. */
	memset(&kept, 0, sizeof kept);
	kept.matches = xreallocarray(NULL, out->nmatches,
	    sizeof *kept.matches);
	for (i = 0; i < out->nmatches; i++) {
		m = &out->matches[i];
		if (s->boilerplate)
			v[i] = TAGGER_CLUTTER;
		else if (tagger_vetoed(out, m->topic))
			v[i] = TAGGER_VETOED;
		else if (m->support != MATCH_UNBACKED)
			v[i] = TAGGER_CARRIES;
		else
			v[i] = tagger_carries(s, m->topic) ? TAGGER_BY_SOURCE :
			    TAGGER_UNBACKED;
		if (v[i] == TAGGER_CARRIES || v[i] == TAGGER_BY_SOURCE)
			kept.matches[kept.nmatches++] = *m;
	}
	/* A topic the sentence alone carries and its source does not was
	 * kept off by rule 8: its family is named by one common word. */
	for (i = 0; i < out->nmatches; i++) {
		m = &out->matches[i];
		if (v[i] == TAGGER_CARRIES && tg->tax->echo != 0 &&
		    !tagger_carries(s, m->topic) &&
		    tagger_one_word(tg, &kept, tg->root[m->topic]))
			v[i] = TAGGER_ALONE;
	}
	free(kept.matches);
}

void
tagger_explanation_free(struct tagger_explanation *e)
{
	free(e->matches);
	free(e->vetoes);
	free(e->verdicts);
	memset(e, 0, sizeof *e);
}
