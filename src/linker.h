/*
 * linker: the claim linker.  Each content sentence of a story, or each
 * unit of one cut into units (unit.h), becomes a sparse vector of weighted
 * features, a "sentence" here; similar pairs of sentences are grouped into
 * claims without chaining (see linker.c, cluster.h).
 * claims.c drives it: sentvec_read (sentvec.h) for every content sentence
 * or unit in story order, then linker_features, candidates_group
 * (candidates.h) and linker_settle, after which cluster[i] and fit[i] are
 * each sentence's cluster and similarity to it.  The caller allocates
 * sents (bigarray.h, sentcap entries) and frees sents, cluster and fit;
 * linker_settle frees the rest.
 */
#ifndef PARALLAX_LINKER_H
#define PARALLAX_LINKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "featlist.h"
#include "vocab.h"
#include "wording.h"

#define NONE UINT32_MAX

/* Feature kinds: the first byte of a vocabulary key. */
#define KIND_WORD 'w'
#define KIND_NUMBER 'n'
#define KIND_QUOTE 'q'
#define KIND_YEAR 'y'		/* a year: when, not how many */

/* Vocabulary entry flags. */
#define VOCAB_STANDALONE 0x1	/* seen as a word of its own */
#define VOCAB_COMMON 0x2	/* seen in lower case: not only a name */
#define VOCAB_FIGURE 0x4	/* a precise figure: counts twice toward the core */

/* What a folded word stands for: decided once per distinct word. */
#define CLASS_WORD 0		/* a content word: stem id and alt */
#define CLASS_STOP 1
#define CLASS_NEGATION 2
#define CLASS_NUMBER 3		/* a number word: id of its digits */

/*
 * A feature as the linker hands it to its feature list (featlist.h) and
 * reads it back: its vocabulary id shifted past its clause roles
 * (clause.h: CLAUSE_SIDE, CLAUSE_NAME), so that sorting a sentence's
 * features orders both.
 */
#define LINKER_ROLE_BITS FEATLIST_ROLE_BITS
#define LINKER_ROLES FEATLIST_ROLES

static inline uint32_t
linker_feat(uint32_t id, unsigned roles)
{
	return id << LINKER_ROLE_BITS | roles;
}

static inline uint32_t
linker_feat_id(uint32_t feat)
{
	return feat >> LINKER_ROLE_BITS;
}

/* A raw "un-" word: the POSth raw feature of the story, the stem
 * without "un". */
struct alt {
	size_t pos;
	uint32_t alt;
};

/*
 * Most features, quoted shingles, pairs and figures a sentence links on,
 * each counted in 16 bits: past them (a "sentence" of 65,536 words is a
 * table or a dump, not prose) the rest are left out.
 */
#define LINKER_MOST UINT16_MAX

/*
 * One per content sentence of the story, in story order, so where a
 * sentence stands is known from its place: 48 bytes, as there are
 * hundreds of thousands of them (343,065 at 10,000 sources, through
 * --json's peak).  Its quoted shingles and its pairs lie one after the
 * other in linker.wording, from WORDS on (linker_quoted, linker_pairs).
 */
struct sent {
	double norm2;
	uint32_t feat;		/* its block in linker.feats */
	uint32_t words;		/* its first hash in linker.wording */
	uint32_t quant;		/* first quantity in linker.quants */
	uint32_t doc;		/* its document: one sentence each per claim */
	uint32_t event;		/* its main event (event.h), or EVENT_NONE */
	uint32_t subject;	/* the features of the event's subject and */
	uint32_t object;	/* object (predicate.h), or NONE */
	uint16_t nfeat;		/* raw ones until linker_features */
	uint16_t nquoted;
	uint16_t npairs;
	uint16_t nquant;
	unsigned neg:1;
	unsigned hasnum:1;
	unsigned quotes:1;	/* it quotes someone */
	unsigned speaker:29;	/* who it says is speaking (clause.h), or 0 */
};

/* A figure a sentence gives: a number feature and what it counts. */
struct quantity {
	uint32_t value;
	uint32_t unit;
	uint32_t start;		/* the figure's bytes in the sentence */
	uint32_t end;
};

/* Folded word -> what it yields, so each distinct word is classified,
 * stemmed and interned once. */
struct wordcache {
	struct vocab words;
	unsigned char *cls;	/* CLASS_* */
	uint32_t *id;		/* the feature it yields */
	uint32_t *alt;		/* its stem without "un", or NONE */
	uint32_t *quote;	/* its quoted feature, NONE until seen quoted */
	size_t cap;
};

struct linker {
	struct vocab vocab;
	struct wordcache cache;
	struct stem *stem;
	struct sent *sents;	/* a bigarray (bigarray.h) */
	size_t nsents;
	size_t sentcap;
	uint32_t *cluster;	/* each sentence's, from candidates_group */
	double *fit;		/* each sentence's similarity to its cluster */
	struct featlist feats;	/* every sentence's, sorted in each */
	uint32_t *raw;		/* scratch: the sentence's (linker_feat) */
	size_t nraw;
	size_t rawcap;
	size_t rawseen;		/* raw features of the story so far */
	struct wording wording;	/* every sentence's shingles and pairs */
	bool *minor;		/* scratch: whether each word is a stopword */
	unsigned char *wordroles;	/* scratch: each word's CLAUSE_* bits */
	uint32_t *wordfeats;	/* scratch: each word's feature, or NONE */
	size_t minorcap;
	struct quantity *quants;	/* every sentence's, in story order */
	size_t nquants;
	size_t quantcap;
	struct alt *alts;		/* in story order */
	size_t nalts;
	size_t altcap;
	size_t nclusters;	/* cluster ids are below it */
	struct event_set events;	/* every sentence's main event */
	int year;		/* the year of the document being read, or 0 */
};

/* Sentence S's quoted shingles, and its pairs of adjacent words. */
static inline struct wording_span
linker_quoted(const struct sent *s)
{
	struct wording_span span = { s->words, s->nquoted };

	return span;
}

static inline struct wording_span
linker_pairs(const struct sent *s)
{
	struct wording_span span = { s->words + s->nquoted, s->npairs };

	return span;
}

/* Feature K of sentence S: its id, and its clause roles. */
static inline uint32_t
linker_id(const struct linker *l, const struct sent *s, uint32_t k)
{
	return featlist_id(&l->feats, s->feat, k);
}

static inline unsigned
linker_roles(const struct linker *l, const struct sent *s, uint32_t k)
{
	return featlist_roles(&l->feats, s->feat, s->nfeat, k);
}

/* Resolves "un-" words, dedupes features and counts document frequency. */
void linker_features(struct linker *l);
/* The similarity of sentences A and B (indices into sents), 0 to 1; when
 * it is below FLOOR, some value below FLOOR (0 measures every pair). */
double linker_pair(const struct linker *l, uint32_t a, uint32_t b,
    double floor);
/* linker_pair, with A's features marked in M (featlist_mark): the same
 * value, each of B's features looked up in place of a merge. */
double linker_pair_marked(const struct linker *l,
    const struct featlist_marks *m, uint32_t a, uint32_t b, double floor);
/* DOT, a sum of squared weights of features A and B share, scaled as
 * linker_pair scales their dot product: the similarity those features
 * alone would give. */
double linker_share(const struct linker *l, uint32_t a, uint32_t b,
    double dot);
/* Whether X and Y state one event of one participant (predicate.h). */
bool linker_event(const struct linker *l, const struct sent *x,
    const struct sent *y);
/* Whether A and B give one figure for one quantity. */
bool linker_same_quantity(const struct linker *l, uint32_t a, uint32_t b);
/* Whether A and B give different figures for one quantity. */
bool linker_disagree(const struct linker *l, uint32_t a, uint32_t b);
/* Keeps each sentence's fit and frees all but sents and fit. */
void linker_settle(struct linker *l);

#endif
