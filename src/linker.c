/*
 * linker: linking sentences of different sources that state the same thing.
 *
 * Each content sentence becomes a sparse vector of features (sentvec.h
 * reads them: stems of its content words, numbers and the stems it
 * quotes, its negation as a flag), each weighted by how rare it is in the
 * story (a dampened IDF) and by kind (numbers count more, quoted words
 * less).  The taxonomy's topics are not features: the user edits the
 * taxonomy, and whether two outlets state the same fact must not change
 * with it (with topics as features, the general-news taxonomy moved the
 * seeds' precision from 0.982 to 0.924).
 *
 * Words WordNet gives a synset in common, among their first senses and
 * derivations (lexicon.h), share one feature: "fired" and "dismissed",
 * "resign" and "resignation".  Each figure is kept with what it counts
 * ("155,000 jobs", "7.8 percent", "7.7 per cent"): two sentences that give
 * different figures for the same quantity are not the same claim.  Two
 * that quote the same WORDING_SHINGLE words or more are, whatever the
 * framing around the quote.
 *
 * The words of a sentence's framing (clause.h: who said it, side
 * clauses, asides) weigh LINKER_SIDE of its main clause's.  The
 * similarity of two sentences lies between the cosine and the share
 * of the shorter one's weight they have in common, plus a little for each
 * pair of adjacent words they share (wording.h: how a fact is written,
 * not only what it is about), with penalties for opposite polarity,
 * disagreeing figures, very short sentences and a quotation from another
 * speaker; it counts LINKER_THEME of itself unless they share
 * LINKER_CORE words or figures beyond names (or a quotation), and is
 * none for names alone.  One event of one participant (event.h,
 * predicate.h) counts as a word in common.
 * candidates.h finds the
 * pairs worth measuring and groups them into claims (cluster.h).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bigarray.h"
#include "clause.h"
#include "cluster.h"
#include "lexicon.h"
#include "linker.h"
#include "sentvec.h"
#include "stem.h"
#include "xalloc.h"

#if (CLAUSE_SIDE | CLAUSE_NAME) != LINKER_ROLES
#error "a feature's clause roles must fit its LINKER_ROLE_BITS"
#endif

/*
 * LINKER_CONTAIN weighs the shorter sentence's norm in the similarity's
 * denominator: 0.5 is the cosine, 1 containment.
 */
#ifndef LINKER_CONTAIN
#define LINKER_CONTAIN 0.6
#endif
/*
 * Factor on the cosine when polarity differs, or numbers disagree.  Of two
 * sentences of opposite polarity, the closer the wording the surer it is a
 * contradiction rather than a paraphrase with a stray "not": from
 * CONTRADICTION_FROM to CONTRADICTION_FULL the factor falls to
 * CONTRADICTION_PENALTY.
 */
#define LINKER_NEGATION_PENALTY 0.55
#define LINKER_CONTRADICTION_FROM 0.7
#define LINKER_CONTRADICTION_FULL 0.9
#define LINKER_CONTRADICTION_PENALTY 0.1
#ifndef LINKER_NUMBER_PENALTY
#define LINKER_NUMBER_PENALTY 0.35
#endif
/*
 * A feature from a side clause, an aside or an attribution weighs
 * LINKER_SIDE of one in the main clause (clause.h): two sentences are
 * one fact when their cores agree, not when one recalls the other's fact
 * in passing.  Recall and wrong links at 1 (off) against 0.5, the rest as
 * it is: seed gold 0.833 (precision 0.929) against 0.913 (0.983); claim
 * gold set, tuning stories 0.667 / 0.28% against 0.689 / 0.30% (0.4:
 * 0.674 / 0.30%; 0.6: 0.667 / 0.30%); held out 0.623 / 0.35%, 0.571 /
 * 0.33%, 0.520 / 0.30%, 0.267 / 0.74% against 0.639 / 0.32%, 0.571 /
 * 0.38%, 0.520 / 0.34%, 0.250 / 0.56%.
 * linker_scale is the factor on a squared weight by whether
 * the feature is framing, linker_both the factor on a shared feature's by
 * whether it is in each of the two sentences.
 */
#ifndef LINKER_SIDE
#define LINKER_SIDE 0.5
#endif
static const double linker_scale[2] = { 1, LINKER_SIDE * LINKER_SIDE };
static const double linker_both[2][2] = {
	{ 1, LINKER_SIDE },
	{ LINKER_SIDE, LINKER_SIDE * LINKER_SIDE },
};

/*
 * Factor on the similarity of two sentences, one of them quoting, that
 * name different speakers (clause.h): an aide's "no choice" is not
 * Trump's "no other choice".  Not for reported facts: "the Labor
 * Department said" and "the Bureau of Labor Statistics reported" give one
 * figure, and at 0.5 on all sentences the tuning stories lost such pairs.
 * It changes nothing on the tuning stories; on the held-out ones wrong
 * links fall from 0.34%, 0.39%, 0.34%, 0.59% to 0.32%, 0.38%, 0.34%,
 * 0.56%.
 */
#ifndef LINKER_SPEAKER_PENALTY
#define LINKER_SPEAKER_PENALTY 0.7
#endif

#ifndef LINKER_IDF_POW
#define LINKER_IDF_POW 1.0
#endif
/*
 * Most stems WordNet joins into one; most words looked up in a story.
 * What WordNet adds on the claim gold set (LINKER_LEXICON 0 turns it off),
 * must-link recall and wrong links, with / without: tuning stories 0.682 /
 * 0.42% against 0.621 / 0.34%; old held-out 0.672 / 0.57% against 0.639 /
 * 0.47%; new held-out 0.635 / 0.53% against 0.635 / 0.39%.  It finds pairs
 * on the stories it was tuned on, few elsewhere, and costs wrong links.
 */
#ifndef LINKER_SYNONYMS
#define LINKER_SYNONYMS 3
#endif
#ifndef LINKER_LEXICON
#define LINKER_LEXICON 6000
#endif
/*
 * Added to the similarity for each pair of adjacent words two sentences
 * share, up to LINKER_PAIRS of them: outlets that state one fact tend to
 * write it alike ("added 155,000 jobs in December"), while sentences that
 * are merely about the same thing share words but not their order.
 */
#ifndef LINKER_PAIR_BONUS
#define LINKER_PAIR_BONUS 0.06
#endif
#ifndef LINKER_PAIRS
#define LINKER_PAIRS 3
#endif
/* A quotation of WORDING_SHINGLE words shared links at this similarity. */
#ifndef LINKER_QUOTE_SIM
#define LINKER_QUOTE_SIM 0.6
#endif
#ifndef LINKER_SHORT
#define LINKER_SHORT 4
#endif
/*
 * Least words and figures two sentences must share to be the same fact,
 * unless they share a quotation, counting only words the story also uses
 * in lower case: one word, or names alone ("the governor of the Bank of
 * England, Mark Carney"; "Hurricane Michael"), make a theme, not a fact.
 * Claim gold set, must-link recall and wrong links without / with it:
 * tuning stories 0.682 / 0.41% against 0.674 / 0.36%; held out 0.672 /
 * 0.60%, 0.651 / 0.49%, 0.620 / 0.70% against 0.623 / 0.49%, 0.587 /
 * 0.38%, 0.540 / 0.57%.  Of 20 multi-outlet claims read from stories
 * outside the gold set, 5 went: 4 wrong, 1 mixed.
 */
#ifndef LINKER_CORE
#define LINKER_CORE 2
#endif
/*
 * Factor on the similarity of two sentences that share some word or
 * figure beyond names, but fewer than LINKER_CORE: a theme rarely links
 * on its own, but it no longer scores 0, which vetoed every claim holding both
 * sentences (cluster.h: no pair across two merging groups may fall below
 * a floor), so a fact three outlets word differently stayed split.
 */
#ifndef LINKER_THEME
#define LINKER_THEME 0.5
#endif
/* Features in common taken from intersection_next at a time. */
#define LINKER_MATCHES 64


/* The root of stem E among the stems WordNet joined. */
static uint32_t
linker_root(uint32_t *parent, uint32_t e)
{
	while (parent[e] != e) {
		parent[e] = parent[parent[e]];
		e = parent[e];
	}
	return e;
}

/* Joins stems A and B unless their groups would grow past
 * LINKER_SYNONYMS: a word of many senses must not join a whole field. */
static void
linker_join_stems(uint32_t *parent, uint32_t *size, uint32_t a, uint32_t b)
{
	a = linker_root(parent, a);
	b = linker_root(parent, b);
	if (a == b || size[a] + size[b] > LINKER_SYNONYMS)
		return;
	if (a > b) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	parent[b] = a;
	size[a] += size[b];
}

/*
 * Gives the stems of words that share a WordNet synset one id ("fired"
 * and "dismissed", "resign" and "resignation"), over the story's own
 * words: each content word is looked up once (lexicon.h caches).  Past
 * LINKER_LEXICON words only those used twice or more are, up to that
 * many, so that a huge story costs a bounded number of lookups.
 */
static void
linker_wordnet(struct linker *l)
{
	struct wordcache *wc = &l->cache;
	const struct vocab *words = &wc->words;
	uint64_t syn[LEXICON_MAX], *keys;
	uint32_t *parent, *size, *seen, *owner, e, id, mask, j;
	size_t i, k, n, nkeys = 0, looked = 0, nwords = 0;
	struct sent *s;
	bool few;

	parent = xreallocarray(NULL, l->vocab.n + 1, sizeof *parent);
	size = xreallocarray(NULL, l->vocab.n + 1, sizeof *size);
	seen = xcalloc(l->vocab.n + 1, sizeof *seen);
	for (i = 0; i < l->vocab.n; i++) {
		parent[i] = (uint32_t)i;
		size[i] = 1;
	}
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		for (j = 0; j < s->nfeat; j++)
			seen[linker_id(l, s, j)]++;
	}
	for (e = 0; e < words->n; e++)
		nwords += wc->cls[e] == CLASS_WORD;
	few = nwords <= LINKER_LEXICON;
	for (mask = 1024; mask < 16 * (uint32_t)(words->n < LINKER_LEXICON ?
	    words->n : LINKER_LEXICON); mask *= 2)
		continue;
	keys = xcalloc(mask, sizeof *keys);
	owner = xreallocarray(NULL, mask, sizeof *owner);
	mask--;
	for (e = 0; e < words->n && looked < LINKER_LEXICON; e++) {
		if (wc->cls[e] != CLASS_WORD)
			continue;
		id = wc->id[e];
		if (!few && seen[id] < 2)
			continue;
		looked++;
		n = lexicon_synsets(words->pool.data + words->off[e] + 1,
		    words->len[e] - 1, syn);
		for (k = 0; k < n; k++) {
			/* Synset key -> the first stem seen with it. */
			for (j = (uint32_t)(syn[k] * 0x9e3779b97f4a7c15u >> 40) &
			    mask; keys[j] != 0 && keys[j] != syn[k] + 1;
			    j = (j + 1) & mask)
				continue;
			if (keys[j] == 0) {
				if (nkeys * 2 >= mask)
					continue;
				keys[j] = syn[k] + 1;
				owner[j] = id;
				nkeys++;
			} else
				linker_join_stems(parent, size, owner[j], id);
		}
	}
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		for (j = 0; j < s->nfeat; j++)
			featlist_set_id(&l->feats, s->feat, j, linker_root(
			    parent, linker_id(l, s, j)));
	}
	for (i = 0; i < l->nalts; i++)
		l->alts[i].alt = linker_root(parent, l->alts[i].alt);
	for (i = 0; i < l->nquants; i++)
		l->quants[i].unit = linker_root(parent, l->quants[i].unit);
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		if (s->subject != NONE)
			s->subject = linker_root(parent, s->subject);
		if (s->object != NONE)
			s->object = linker_root(parent, s->object);
	}
	for (i = 0; i < l->vocab.n; i++)
		l->vocab.flags[linker_root(parent, (uint32_t)i)] |=
		    l->vocab.flags[i];
	free(keys);
	free(owner);
	free(parent);
	free(size);
	free(seen);
}

/*
 * Whether the figure NUM (LEN bytes: digits, perhaps a point) is precise
 * enough that two outlets giving it most likely state one fact, so that
 * it makes the core alone (LINKER_CORE): a decimal ("7.7") or 100 or
 * more with two significant digits ("38,000": "Restaurants and bars
 * added 38,000 jobs" / "food services and drinking places rose by
 * 38,000"), not a round count ("1,000 victims", "1,000 rounds") or a
 * small one ("two months", "five prisoners") that many facts share.
 * Disagreeing figures still keep sentences apart (linker_disagree).
 */
static bool
linker_figure(const char *num, size_t len)
{
	size_t i, first = len, last = 0, point = len;

	for (i = 0; i < len; i++) {
		if (num[i] == '.')
			point = i;
		else if (num[i] != '0') {
			if (first == len)
				first = i;
			last = i;
		}
	}
	if (first == len || last == first)
		return false;
	return point < len || len >= 3;
}

void
linker_features(struct linker *l)
{
	struct vocab *v = &l->vocab;
	struct sent *s;
	size_t i, j, k, n, a = 0, raw = 0, next = 0;
	double mult;
	uint32_t *fs;

	linker_wordnet(l);
	event_resolve(&l->events);
	v->df = xcalloc(v->n, sizeof *v->df);
	v->weight = xcalloc(v->n, sizeof *v->weight);
	v->w2 = xcalloc(v->n, sizeof *v->w2);
	v->number = xcalloc(v->n, sizeof *v->number);
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		n = s->nfeat;
		/* The reading's scratch holds the longest sentence's. */
		fs = l->raw;
		featlist_read(&l->feats, s->feat, (uint32_t)n, fs);
		for (; a < l->nalts && l->alts[a].pos < raw + n; a++) {
			if (v->flags[l->alts[a].alt] & VOCAB_STANDALONE) {
				fs[l->alts[a].pos - raw] = linker_feat(
				    l->alts[a].alt, fs[l->alts[a].pos - raw] &
				    LINKER_ROLES);
				s->neg = 1;
			}
		}
		raw += n;
		/* Sorted with their roles, each feature kept once: framing
		 * (or a name's) only if every one of its words in the
		 * sentence is. */
		wording_sort(fs, n);
		for (j = k = 0; j < n; j++) {
			if (k == 0 || linker_feat_id(fs[j]) !=
			    linker_feat_id(fs[k - 1]))
				fs[k++] = fs[j];
			else
				fs[k - 1] &= fs[j] | ~LINKER_ROLES;
		}
		/* Compacted in place: earlier sentences only shrank. */
		s->feat = (uint32_t)next;
		s->nfeat = (uint32_t)k;
		featlist_put(&l->feats, s->feat, fs, s->nfeat);
		next = l->feats.n;
		for (j = 0; j < k; j++)
			v->df[linker_feat_id(fs[j])]++;
	}
	featlist_trim(&l->feats);
	free(l->alts);
	l->alts = NULL;
	for (i = 0; i < v->n; i++) {
		if (v->df[i] == 0)
			continue;
		switch (v->pool.data[v->off[i]]) {
		case KIND_NUMBER:
			mult = 1.3;
			break;
		case KIND_QUOTE:
			mult = 0.2;
			break;
		default:
			mult = 1.0;
			break;
		}
		/* A dampened IDF: a word found once must not drown the rest. */
		v->weight[i] = mult *
		    pow(log(1.0 + (double)l->nsents / v->df[i]), LINKER_IDF_POW);
		v->w2[i] = v->weight[i] * v->weight[i];
		v->number[i] = v->pool.data[v->off[i]] == KIND_NUMBER;
		if (v->number[i] && linker_figure(v->pool.data + v->off[i] + 1,
		    v->len[i] - 1))
			v->flags[i] |= VOCAB_FIGURE;
	}
	for (i = 0; i < l->nsents; i++) {
		s = &l->sents[i];
		for (j = 0; j < s->nfeat; j++)
			s->norm2 += v->w2[linker_id(l, s, (uint32_t)j)] *
			    linker_scale[linker_roles(l, s, (uint32_t)j) &
			    CLAUSE_SIDE];
	}
}


/* What the dot product of two sentences of squared norms LO <= HI is
 * divided by: between the cosine's denominator and LO. */
static double
linker_span(double lo, double hi)
{
	return pow(lo, LINKER_CONTAIN) * pow(hi, 1 - LINKER_CONTAIN);
}

double
linker_share(const struct linker *l, uint32_t a, uint32_t b, double dot)
{
	double x = l->sents[a].norm2, y = l->sents[b].norm2;

	return dot / (x < y ? linker_span(x, y) : linker_span(y, x));
}

static double
linker_negation_factor(double sim)
{
	double t;

	if (sim <= LINKER_CONTRADICTION_FROM)
		return LINKER_NEGATION_PENALTY;
	t = (sim - LINKER_CONTRADICTION_FROM) /
	    (LINKER_CONTRADICTION_FULL - LINKER_CONTRADICTION_FROM);
	if (t > 1)
		t = 1;
	return LINKER_NEGATION_PENALTY - t *
	    (LINKER_NEGATION_PENALTY - LINKER_CONTRADICTION_PENALTY);
}

/*
 * Whether A and B give different figures for the same quantity: a unit
 * both count ("jobs", "percent") with no value in common.
 */
bool
linker_disagree(const struct linker *l, uint32_t a, uint32_t b)
{
	const struct sent *x = &l->sents[a], *y = &l->sents[b];
	const struct quantity *qa = l->quants + x->quant;
	const struct quantity *qb = l->quants + y->quant;
	uint32_t i, j, k;
	bool same, agree;

	for (i = 0; i < x->nquant; i++) {
		same = agree = false;
		for (j = 0; j < y->nquant; j++) {
			/* The figure itself, said of another word: "13,000
			 * jobs" and "13,000 positions". */
			agree |= qb[j].value == qa[i].value;
			if (qb[j].unit != qa[i].unit)
				continue;
			same = true;
			for (k = 0; k < x->nquant && !agree; k++)
				agree = qa[k].unit == qa[i].unit &&
				    qa[k].value == qb[j].value;
		}
		if (same && !agree)
			return true;
	}
	return false;
}

/* Whether A and B give one figure for one quantity: "5 percent" and "five
 * percent". */
bool
linker_same_quantity(const struct linker *l, uint32_t a, uint32_t b)
{
	const struct sent *x = &l->sents[a], *y = &l->sents[b];
	const struct quantity *qa = l->quants + x->quant;
	const struct quantity *qb = l->quants + y->quant;
	uint32_t i, j;

	for (i = 0; i < x->nquant; i++) {
		for (j = 0; j < y->nquant; j++) {
			if (qa[i].unit == qb[j].unit &&
			    qa[i].value == qb[j].value)
				return true;
		}
	}
	return false;
}

/*
 * Whether X and Y state one event (event.h) of one participant
 * (predicate.h), either way round ("the Taliban released Bergdahl",
 * "Bergdahl was released").
 */
bool
linker_event(const struct linker *l, const struct sent *x,
    const struct sent *y)
{
	const uint32_t px[2] = { x->subject, x->object };
	const uint32_t py[2] = { y->subject, y->object };
	size_t i, j;

	if (x->event == EVENT_NONE || y->event == EVENT_NONE)
		return false;
	for (i = 0; i < 2; i++) {
		for (j = 0; j < 2; j++) {
			if (px[i] != NONE && px[i] == py[j])
				return event_same(&l->events, x->event,
				    y->event);
		}
	}
	return false;
}

/* Whether X and Y quote the same WORDING_SHINGLE words or more. */
static bool
linker_same_quote(const struct linker *l, const struct sent *x,
    const struct sent *y)
{
	return wording_shared(&l->wording, linker_quoted(x), linker_quoted(y),
	    1) > 0;
}

/*
 * The most linker_pair can make of SIM, a similarity before the pair
 * bonus, with SHARED words in common and no quotation: every factor after
 * the bonus is at most 1, and the bonus is at most LINKER_PAIRS pairs'.
 * The margin covers rounding.
 */
static double
linker_most(double sim, size_t shared)
{
	double most = (sim + LINKER_PAIR_BONUS * LINKER_PAIRS) * (1 + 1e-9);

	return shared < LINKER_CORE ? most * LINKER_THEME : most;
}

/* Adds feature F, of roles RX in one sentence and RY in the other, to
 * *SUM; returns what it adds to the count linker_common returns. */
static inline size_t
linker_common_add(const struct linker *l, uint32_t f, unsigned rx,
    unsigned ry, double *sum)
{
	*sum += l->vocab.w2[f] *
	    linker_both[rx & CLAUSE_SIDE][ry & CLAUSE_SIDE];
	return (size_t)((l->vocab.flags[f] & VOCAB_COMMON) != 0 ||
	    l->vocab.number[f]) + ((l->vocab.flags[f] & VOCAB_FIGURE) != 0);
}

/*
 * The features X and Y have in common: returns how many are words or
 * figures beyond names (a precise figure counts twice) and sets *DOT to
 * the sum of their squared weights, by whether each is framing in either.
 * With M (featlist.h) marking X's features, each of Y's is looked up in
 * it; without, the two are merged.  Either way the sum is taken in the
 * order of the ids, so that both give the same bits.
 */
static size_t
linker_common(const struct linker *l, const struct featlist_marks *m,
    const struct sent *x, const struct sent *y, double *dot)
{
	uint32_t ia[LINKER_MATCHES], ib[LINKER_MATCHES], i = 0, j = 0, f;
	unsigned r;
	double sum = 0;
	size_t shared = 0, k, n;

	if (m != NULL) {
		for (k = 0; k < y->nfeat; k++) {
			f = linker_id(l, y, (uint32_t)k);
			if ((r = featlist_marked(m, f)) != 0)
				shared += linker_common_add(l, f, r - 1,
				    linker_roles(l, y, (uint32_t)k), &sum);
		}
		*dot = sum;
		return shared;
	}
	/* The features in common, in order, until either array ends. */
	do {
		n = featlist_common(&l->feats, x->feat, x->nfeat, &i, y->feat,
		    y->nfeat, &j, ia, ib, LINKER_MATCHES);
		for (k = 0; k < n; k++) {
			shared += linker_common_add(l, linker_id(l, x, ia[k]),
			    linker_roles(l, x, ia[k]), linker_roles(l, y, ib[k]),
			    &sum);
		}
	} while (i < x->nfeat && j < y->nfeat);
	*dot = sum;
	return shared;
}

/* linker_pair, and linker_pair_marked when M marks A's features. */
static double
linker_measure(const struct linker *l, const struct featlist_marks *m,
    uint32_t a, uint32_t b, double floor)
{
	const struct sent *x = &l->sents[a], *y = &l->sents[b];
	double dot, lo, hi, sim, bonus;
	size_t shared;
	bool quotable = x->nquoted > 0 && y->nquoted > 0;

	if (x->norm2 <= 0 || y->norm2 <= 0)
		return linker_same_quote(l, x, y) ? LINKER_QUOTE_SIM : 0;
	shared = linker_common(l, m, x, y, &dot);
	/* One event of one participant (predicate.h), a name or not: a
	 * word in common beyond the theme, "Bergdahl was returned" and
	 * "Bergdahl was recovered" however else they are worded. */
	if (linker_event(l, x, y))
		shared++;
	/* Names alone in common: nothing the sentences say. */
	if (shared == 0)
		return linker_same_quote(l, x, y) ? LINKER_QUOTE_SIM : 0;
	lo = x->norm2 < y->norm2 ? x->norm2 : y->norm2;
	hi = x->norm2 < y->norm2 ? y->norm2 : x->norm2;
	/* Short of FLOOR whatever follows: most pairs a query finds are,
	 * and they need not be measured to the end.  The similarity below
	 * is at most dot / lo. */
	if (!quotable && linker_most(dot / lo, shared) < floor)
		return 0;
	/* Between the cosine and the share of the shorter one's weight: a
	 * brief sentence inside a long one is the same fact. */
	sim = dot / linker_span(lo, hi);
	/* A few words in common prove little: "Where jobs were added." */
	if (x->nfeat < LINKER_SHORT || y->nfeat < LINKER_SHORT)
		sim *= (double)(x->nfeat < y->nfeat ? x->nfeat : y->nfeat) /
		    LINKER_SHORT;
	if (!quotable && linker_most(sim, shared) < floor)
		return 0;
	/*
	 * Of opposite polarity, a paraphrase with a stray "not" keeps its
	 * shared wording; a contradiction (the same words but for "not")
	 * does not.
	 */
	bonus = LINKER_PAIR_BONUS * (double)wording_shared(&l->wording,
	    linker_pairs(x), linker_pairs(y), LINKER_PAIRS);
	if (x->neg != y->neg) {
		if (sim > LINKER_CONTRADICTION_FROM)
			bonus *= linker_negation_factor(sim);
		sim *= linker_negation_factor(sim);
	}
	/* Other figures for one quantity: another fact, or a discrepancy,
	 * whose like wording around the figures is no sign of the same. */
	if (x->nquant > 0 && y->nquant > 0 && linker_disagree(l, a, b))
		sim *= LINKER_NUMBER_PENALTY;
	else
		sim += bonus;
	/* One word or figure in common: a theme. */
	if (shared < LINKER_CORE)
		sim *= LINKER_THEME;
	if (sim < LINKER_QUOTE_SIM && linker_same_quote(l, x, y))
		sim = LINKER_QUOTE_SIM;
	/* A quotation from another mouth is another fact. */
	if ((x->quotes || y->quotes) && x->speaker != 0 && y->speaker != 0 &&
	    x->speaker != y->speaker)
		sim *= LINKER_SPEAKER_PENALTY;
	return sim;
}

double
linker_pair(const struct linker *l, uint32_t a, uint32_t b, double floor)
{
	return linker_measure(l, NULL, a, b, floor);
}

double
linker_pair_marked(const struct linker *l, const struct featlist_marks *m,
    uint32_t a, uint32_t b, double floor)
{
	return linker_measure(l, m, a, b, floor);
}

/*
 * How well each sentence fits its claim: its mean similarity to the
 * claim's first few other members (1 alone), so that the claim is shown
 * by its most central sentence.  Then frees all but sents and fit.
 */
void
linker_settle(struct linker *l)
{
	uint32_t *start, *order, c, k, m, n, i, j;
	double sum;

	start = xcalloc(l->nsents + 2, sizeof *start);
	order = xreallocarray(NULL, l->nsents + 1, sizeof *order);
	for (i = 0; i < l->nsents; i++)
		start[l->cluster[i] + 1]++;
	for (i = 0; i < l->nsents; i++)
		start[i + 1] += start[i];
	for (i = 0; i < l->nsents; i++)
		order[start[l->cluster[i]]++] = i;
	/* start[c] is now the end of claim c's run in order. */
	l->fit = xreallocarray(NULL, l->nsents + 1, sizeof *l->fit);
	for (c = i = 0; c < l->nsents; c++) {
		n = start[c] - i;
		for (k = 0; k < n; k++) {
			sum = 0;
			for (j = m = 0; j < n && m < CLUSTER_SAMPLE; j++) {
				if (j == k)
					continue;
				sum += linker_pair(l, order[i + k],
				    order[i + j], 0);
				m++;
			}
			l->fit[order[i + k]] = m == 0 ? 1 : sum / m;
		}
		i = start[c];
	}
	free(start);
	free(order);
	featlist_free(&l->feats);
	free(l->raw);
	bigarray_free(l->quants, l->quantcap, sizeof *l->quants);
	wording_free(&l->wording);
	free(l->minor);
	free(l->wordroles);
	free(l->wordfeats);
	vocab_free(&l->vocab);
	event_free(&l->events);
	vocab_free(&l->cache.words);
	free(l->cache.cls);
	free(l->cache.id);
	free(l->cache.alt);
	free(l->cache.quote);
	stem_free(l->stem);
}
