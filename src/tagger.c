#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "matcher.h"
#include "tagger.h"
#include "taxonomy.h"
#include "xalloc.h"

/* What a matcher phrase stands for. */
struct phrase {
	size_t topic;
	const char *text;	/* points into the taxonomy */
	int exclude;
};

struct hit {
	size_t phrase;
	size_t start;
	size_t end;
};

/* Per-call state, kept between calls to avoid allocating per sentence. */
struct tagger_state {
	struct matcher_scratch *scratch;
	struct hit *hits;
	size_t nhits, caphits;
	uint32_t *hit_stamp;	/* per topic: == stamp when a keyword hit */
	uint32_t *veto_stamp;	/* per topic: == stamp when an exclude hit */
	uint32_t stamp;
	size_t *found;		/* tagger_carried_topics' */
	size_t capfound;
};

struct tagger {
	const struct taxonomy *tax;
	struct matcher *matcher;
	struct phrase *phrases;
	size_t nphrases, capphrases;
	struct tagger_state *state;
	const struct tagger *parent;	/* tagger_fork's: owns the above */
};

static void
tagger_add_phrases(struct tagger *tg, size_t topic, char **list, size_t n,
    enum matcher_case mode, int exclude)
{
	size_t i, id;

	for (i = 0; i < n; i++) {
		id = matcher_add(tg->matcher, list[i], strlen(list[i]), mode);
		if (id >= tg->capphrases) {
			tg->capphrases = tg->capphrases * 2 + 64;
			tg->phrases = xreallocarray(tg->phrases,
			    tg->capphrases, sizeof *tg->phrases);
		}
		tg->phrases[id].topic = topic;
		tg->phrases[id].text = list[i];
		tg->phrases[id].exclude = exclude;
		tg->nphrases = id + 1;
	}
}

static struct tagger_state *
tagger_state_new(const struct taxonomy *tax)
{
	struct tagger_state *st = xcalloc(1, sizeof *st);

	st->scratch = matcher_scratch_new();
	st->hit_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	st->veto_stamp = xcalloc(tax->ntopics + 1, sizeof(uint32_t));
	return st;
}

struct tagger *
tagger_new(const struct taxonomy *tax)
{
	struct tagger *tg = xcalloc(1, sizeof *tg);
	const struct topic *t;
	size_t i;

	tg->tax = tax;
	tg->matcher = matcher_new();
	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		tagger_add_phrases(tg, i, t->keywords, t->nkeywords, MATCHER_FOLD, 0);
		tagger_add_phrases(tg, i, t->match_case, t->nmatch_case,
		    MATCHER_EXACT, 0);
		tagger_add_phrases(tg, i, t->exclude, t->nexclude, MATCHER_FOLD, 1);
	}
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
		matcher_free(tg->matcher);
		free(tg->phrases);
	}
	matcher_scratch_free(tg->state->scratch);
	free(tg->state->hits);
	free(tg->state->hit_stamp);
	free(tg->state->veto_stamp);
	free(tg->state->found);
	free(tg->state);
	free(tg);
}

static void
tagger_collect(void *arg, size_t phrase, size_t start, size_t end)
{
	struct tagger_state *st = arg;

	if (st->nhits == st->caphits) {
		st->caphits = st->caphits * 2 + 16;
		st->hits = xreallocarray(st->hits, st->caphits,
		    sizeof *st->hits);
	}
	st->hits[st->nhits].phrase = phrase;
	st->hits[st->nhits].start = start;
	st->hits[st->nhits].end = end;
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
		for (j = i; j > 0 && tagger_hit_cmp(&h[j - 1], &x) > 0; j--)
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

/* Runs the matcher and marks, per topic, keyword hits and vetoes. */
static void
tagger_run(const struct tagger *tg, const char *text, size_t len)
{
	struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i;

	if (++st->stamp == 0) {
		memset(st->hit_stamp, 0, tg->tax->ntopics * sizeof(uint32_t));
		memset(st->veto_stamp, 0, tg->tax->ntopics * sizeof(uint32_t));
		st->stamp = 1;
	}
	st->nhits = 0;
	matcher_find(tg->matcher, st->scratch, text, len, tagger_collect, st);
	for (i = 0; i < st->nhits; i++) {
		p = &tg->phrases[st->hits[i].phrase];
		if (p->exclude)
			st->veto_stamp[p->topic] = st->stamp;
		else
			st->hit_stamp[p->topic] = st->stamp;
	}
}

/* Whether OUT[0..K), sorted by span, holds M's topic on M's span. */
static bool
tagger_seen(const struct match *out, size_t k, const struct match *m)
{
	while (k > 0 && out[k - 1].start == m->start &&
	    out[k - 1].end == m->end)
		if (out[--k].topic == m->topic)
			return true;
	return false;
}

/*
 * Keyword matches, sorted, one per topic and span; only of carried topics
 * unless ALL.
 */
static struct match *
tagger_matches(const struct tagger *tg, int all, size_t *count)
{
	struct tagger_state *st = tg->state;
	const struct phrase *p;
	struct match *out = NULL;
	size_t i, n = 0, k;

	tagger_sort_hits(st->hits, st->nhits);
	for (i = 0; i < st->nhits; i++) {
		p = &tg->phrases[st->hits[i].phrase];
		if (p->exclude ||
		    (!all && st->veto_stamp[p->topic] == st->stamp))
			continue;
		if (n == 0)
			out = xreallocarray(NULL, st->nhits, sizeof *out);
		out[n].topic = p->topic;
		out[n].keyword = p->text;
		out[n].start = st->hits[i].start;
		out[n].end = st->hits[i].end;
		n++;
	}
	/* The same span of one topic, through two keywords, counts once. */
	for (i = k = 0; i < n; i++)
		if (!tagger_seen(out, k, &out[i]))
			out[k++] = out[i];
	*count = k;
	return out;
}

/* Rule 6: a keyword of the topic matched and none of its excludes did. */
static int
tagger_carried(const struct tagger_state *st, size_t topic)
{
	return st->hit_stamp[topic] == st->stamp &&
	    st->veto_stamp[topic] != st->stamp;
}

/*
 * The topics the last run carried, ascending, into found; returns how
 * many.  Taken from the hits rather than from every topic: a large
 * taxonomy has hundreds, a sentence hits a few.
 */
static size_t
tagger_carried_topics(const struct tagger *tg)
{
	struct tagger_state *st = tg->state;
	size_t i, j, n = 0, t;

	for (i = 0; i < st->nhits; i++) {
		t = tg->phrases[st->hits[i].phrase].topic;
		if (!tagger_carried(st, t))
			continue;
		for (j = n; j > 0 && st->found[j - 1] > t; j--)
			;
		if (j > 0 && st->found[j - 1] == t)
			continue;
		xgrow((void **)&st->found, &st->capfound, n + 1,
		    sizeof *st->found);
		memmove(st->found + j + 1, st->found + j,
		    (n - j) * sizeof *st->found);
		st->found[j] = t;
		n++;
	}
	return n;
}

void
tagger_tag(const struct tagger *tg, struct sentence *s)
{
	const struct tagger_state *st = tg->state;
	size_t n;

	free(s->matches);
	free(s->topics);
	s->matches = NULL;
	s->topics = NULL;
	s->nmatches = s->ntopics = 0;
	tagger_run(tg, s->text, s->len);
	if (st->nhits == 0 || (n = tagger_carried_topics(tg)) == 0)
		return;
	s->topics = xreallocarray(NULL, n, sizeof *s->topics);
	memcpy(s->topics, st->found, n * sizeof *s->topics);
	s->ntopics = (uint32_t)n;
	s->matches = tagger_matches(tg, 0, &n);
	s->nmatches = (uint32_t)n;
}

void
tagger_explain(const struct tagger *tg, const char *text, size_t len,
    struct tagger_explanation *out)
{
	const struct tagger_state *st = tg->state;
	const struct phrase *p;
	size_t i;

	memset(out, 0, sizeof *out);
	tagger_run(tg, text, len);
	out->matches = tagger_matches(tg, 1, &out->nmatches);
	for (i = 0; i < st->nhits; i++) {
		p = &tg->phrases[st->hits[i].phrase];
		if (!p->exclude || st->hit_stamp[p->topic] != st->stamp)
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

void
tagger_explanation_free(struct tagger_explanation *e)
{
	free(e->matches);
	free(e->vetoes);
	memset(e, 0, sizeof *e);
}
