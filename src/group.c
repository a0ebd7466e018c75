/*
 * group: articles -> stories.  See group.h for the method; the figures
 * below were calibrated on tests/stories/gold.tsv's tuning days (README,
 * "How stories are found").
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "document.h"
#include "fnv.h"
#include "group.h"
#include "state.h"
#include "stem.h"
#include "words.h"
#include "xalloc.h"

/* How much a word counts by where it stands. */
#define GROUP_TITLE_WEIGHT	3
#define GROUP_LEAD_WEIGHT	2
/* The lead: the first content words of the body. */
#define GROUP_LEAD_WORDS	40
/* Words read per article: the rest of a long article adds cost, not
 * evidence of which event it reports. */
#define GROUP_BODY_WORDS	600
/* The heaviest words kept in an article's vector. */
#define GROUP_VECTOR_TERMS	100
/* A key shared by more articles than this is too common to tell events
 * apart (and would cost its square): it is skipped.  How many share it
 * depends on where the calendar's buckets fall, so on a busy day a pair
 * can meet under one alignment and not another (one singleton in 3,840
 * stories of the archive, moved by days that are no multiple of
 * GROUP_BUCKET_DAYS). */
#define GROUP_KEY_CAP		64
/* Days per date bucket of a band key; articles up to two days apart
 * always share a bucket (see group_keys). */
#define GROUP_BUCKET_DAYS	4
/* Similarity (cosine, scaled by date) at which two articles are one story,
 * in millionths. */
#define GROUP_THRESHOLD		120000
/* The longest a story may last, first to last article, in days. */
#define GROUP_SPAN_DAYS		3

/* Term flags, in group_term.key. */
enum { GROUP_BODY = 0, GROUP_LEAD = 1, GROUP_TITLE = 2 };

/* Function words: they say nothing about which event an article reports,
 * and in a small archive IDF cannot tell them from content.  Sorted. */
static const char *const group_stopwords[] = {
	"about", "after", "again", "against", "all", "also", "although",
	"among", "and", "any", "are", "around", "because", "been", "before",
	"being", "between", "both", "but", "can", "could", "did", "does",
	"doing", "down", "during", "each", "even", "ever", "every", "few",
	"for", "from", "further", "had", "has", "have", "having", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "however",
	"into", "its", "itself", "just", "last", "like", "made", "make",
	"many", "may", "might", "more", "most", "much", "must", "new", "nor",
	"not", "now", "off", "once", "one", "only", "other", "our", "ours",
	"out", "over", "own", "said", "same", "say", "says", "she", "should",
	"since", "some", "such", "than", "that", "the", "their", "theirs",
	"them", "then", "there", "these", "they", "this", "those", "though",
	"through", "too", "two", "under", "until", "very", "was", "way",
	"were", "what", "when", "where", "whether", "which", "while", "who",
	"whom", "whose", "why", "will", "with", "would", "year", "years",
	"yet", "you", "your",
};


static uint64_t
group_hash(const char *s, size_t len)
{
	return fnv_bytes(FNV_BASIS, s, len);
}

/* A 64-bit finaliser (splitmix64's), so keys spread over every bit. */
static uint64_t
group_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Days from the civil date (Howard Hinnant's days_from_civil). */
static int32_t
group_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

int32_t
group_day(const char *date)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int y, m, d, n = 0;
	char mon[4];
	const char *p;

	if (date == NULL)
		return GROUP_NO_DAY;
	while (*date == ' ')
		date++;
	if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10)
		goto valid;
	/* RFC 822: an optional weekday, then "24 May 2019". */
	p = strchr(date, ',');
	p = p != NULL ? p + 1 : date;
	if (sscanf(p, "%2d %3s %4d", &d, mon, &y) != 3)
		return GROUP_NO_DAY;
	for (m = 0; m < 12; m++)
		if (strncasecmp(mon, months + 3 * m, 3) == 0)
			break;
	m++;
valid:
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return GROUP_NO_DAY;
	return group_civil(y, m, d);
}

/* One slot of the per-article word table. */
struct group_slot {
	uint64_t hash;
	uint32_t count;
	uint32_t stamp;		/* the article this slot was last used by */
	uint8_t key;
};

#define GROUP_SLOTS 4096	/* > 2 * (title + GROUP_BODY_WORDS) words */

struct group_terms_ctx {
	struct stem *stem;
	struct words words;
	struct group_slot slots[GROUP_SLOTS];
	uint32_t stamp;
	size_t used[GROUP_SLOTS];
	size_t nused;
	size_t nwords;		/* body words read so far */
};

struct group_terms_ctx *
group_terms_new(void)
{
	struct group_terms_ctx *ctx = xcalloc(1, sizeof *ctx);
	struct words w = WORDS_INIT;

	ctx->stem = stem_new();
	ctx->words = w;
	return ctx;
}

void
group_terms_free(struct group_terms_ctx *ctx)
{
	if (ctx == NULL)
		return;
	stem_free(ctx->stem);
	words_free(&ctx->words);
	free(ctx);
}

static void
group_count(struct group_terms_ctx *ctx, uint64_t hash, uint32_t weight,
    uint8_t key)
{
	size_t i = (size_t)group_mix(hash) & (GROUP_SLOTS - 1);
	struct group_slot *s;

	for (;; i = (i + 1) & (GROUP_SLOTS - 1)) {
		s = &ctx->slots[i];
		if (s->stamp != ctx->stamp) {
			if (ctx->nused >= GROUP_SLOTS / 2)
				return;	/* full: a pathological article */
			s->stamp = ctx->stamp;
			s->hash = hash;
			s->count = 0;
			s->key = GROUP_BODY;
			ctx->used[ctx->nused++] = i;
		}
		if (s->hash == hash)
			break;
	}
	s->count += weight;
	if (key > s->key)
		s->key = key;
}

/*
 * Counts the content words of TEXT: folded, American spelling, stemmed;
 * numbers kept (they name events: "203,000 jobs"), stopwords and one- and
 * two-letter words dropped.  PLACE says whether they are title, lead or
 * body words; a body's words past the lead count once.
 */
static void
group_add_text(struct group_terms_ctx *ctx, const char *text, size_t len,
    int place)
{
	struct words *w = &ctx->words;
	char buf[64];
	const char *stem;
	size_t i, flen, slen;
	int at;

	words_reset(w);
	words_split(w, text, len);
	for (i = 0; i < w->n; i++) {
		flen = w->items[i].foldlen;
		if (flen < 3 || flen >= sizeof buf)
			continue;
		memcpy(buf, words_fold(w, i), flen + 1);
		if (!(w->items[i].flags & WORD_NUMBER)) {
			if (WORDS_LISTED(buf, group_stopwords))
				continue;
			words_american(buf, &flen);
		}
		at = place;
		if (place != GROUP_TITLE) {
			if (ctx->nwords >= GROUP_BODY_WORDS)
				return;
			at = ctx->nwords++ < GROUP_LEAD_WORDS ? GROUP_LEAD :
			    GROUP_BODY;
		}
		stem = stem_word(ctx->stem, buf, flen, &slen);
		group_count(ctx, group_hash(stem, slen),
		    at == GROUP_TITLE ? GROUP_TITLE_WEIGHT :
		    at == GROUP_LEAD ? GROUP_LEAD_WEIGHT : 1, (uint8_t)at);
	}
}

static int
group_term_cmp(const void *a, const void *b)
{
	const struct group_term *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static char *
group_strdup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
group_article_from_document(struct group_terms_ctx *ctx,
    const struct document *doc, struct group_article *art)
{
	const struct sentence *s;
	struct group_slot *slot;
	size_t i;

	memset(art, 0, sizeof *art);
	art->id = xstrdup(doc->url != NULL ? doc->url : doc->path);
	art->path = xstrdup(doc->path);
	art->outlet = group_strdup(doc->outlet);
	art->title = group_strdup(doc->title);
	art->date = group_strdup(doc->date);
	art->day = group_day(doc->date);
	art->key = state_key(doc);

	ctx->stamp++;
	ctx->nused = 0;
	ctx->nwords = 0;
	if (doc->title != NULL)
		group_add_text(ctx, doc->title, strlen(doc->title),
		    GROUP_TITLE);
	for (i = 0; i < doc->nsentences && ctx->nwords < GROUP_BODY_WORDS;
	    i++) {
		s = &doc->sentences[i];
		if (!s->boilerplate)
			group_add_text(ctx, s->text, s->len, GROUP_LEAD);
	}
	art->terms = xreallocarray(NULL, ctx->nused + 1, sizeof *art->terms);
	for (i = 0; i < ctx->nused; i++) {
		slot = &ctx->slots[ctx->used[i]];
		art->terms[i].hash = slot->hash;
		art->terms[i].count = slot->count;
		art->terms[i].place = slot->key;
	}
	art->nterms = (uint32_t)ctx->nused;
	if (art->nterms > 1)
		qsort(art->terms, art->nterms, sizeof *art->terms,
		    group_term_cmp);
}

void
group_article_clear(struct group_article *art)
{
	free(art->id);
	free(art->path);
	free(art->outlet);
	free(art->title);
	free(art->date);
	free(art->key);
	free(art->terms);
	memset(art, 0, sizeof *art);
}

/* Keys of undated buckets are odd, dated ones even: an undated key's group
 * is only searched for pairs with an undated article. */
static uint64_t
group_key(uint64_t term, int64_t bucket, bool any)
{
	uint64_t k = group_mix(term ^ group_mix((uint64_t)bucket +
	    0x9e3779b97f4a7c15ULL));

	return any ? k | 1 : k & ~(uint64_t)1;
}

static int64_t
group_floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

size_t
group_keys(const struct group_article *art, uint64_t *keys)
{
	size_t i, n = 0;
	int64_t bucket, rest;
	const struct group_term *t;

	for (i = 0; i < art->nterms; i++) {
		t = &art->terms[i];
		if (t->place == GROUP_BODY)
			continue;
		if (art->day == GROUP_NO_DAY) {
			keys[n++] = group_key(t->hash, 0, true);
			continue;
		}
		/* An article in the second half of its bucket is also in the
		 * next one: any two articles at most two days apart meet. */
		bucket = group_floor_div(art->day, GROUP_BUCKET_DAYS);
		rest = art->day - bucket * GROUP_BUCKET_DAYS;
		keys[n++] = group_key(t->hash, bucket, false);
		if (rest >= GROUP_BUCKET_DAYS / 2)
			keys[n++] = group_key(t->hash, bucket + 1, false);
		/* Its title words also meet the undated articles. */
		if (t->place == GROUP_TITLE)
			keys[n++] = group_key(t->hash, 0, true);
	}
	return n;
}

struct group_posting {
	uint64_t key;
	size_t index;
};

/* An article's vector: the heaviest terms, unit length, by hash. */
struct group_vector {
	uint64_t *hash;
	float *weight;
	uint32_t n;
};

struct group_set {
	struct group_article *arts;
	size_t narts, capa;
	struct group_posting *posts;
	size_t nposts, capp;
	struct group_story *stories;
	size_t nstories;
	size_t *story_of;	/* article -> story index */
};

struct group_set *
group_set_new(void)
{
	return xcalloc(1, sizeof(struct group_set));
}

size_t
group_set_add(struct group_set *set, struct group_article *art)
{
	if (set->narts == set->capa) {
		set->capa = set->capa == 0 ? 256 : set->capa * 2;
		set->arts = xreallocarray(set->arts, set->capa,
		    sizeof *set->arts);
	}
	set->arts[set->narts] = *art;
	memset(art, 0, sizeof *art);
	return set->narts++;
}

void
group_set_post(struct group_set *set, uint64_t key, size_t index)
{
	if (set->nposts == set->capp) {
		set->capp = set->capp == 0 ? 4096 : set->capp * 2;
		set->posts = xreallocarray(set->posts, set->capp,
		    sizeof *set->posts);
	}
	set->posts[set->nposts].key = key;
	set->posts[set->nposts].index = index;
	set->nposts++;
}

size_t
group_set_add_keyed(struct group_set *set, struct group_article *art)
{
	uint64_t *keys = xreallocarray(NULL, (size_t)art->nterms * 3 + 1,
	    sizeof *keys);
	size_t i, n = group_keys(art, keys), index = group_set_add(set, art);

	for (i = 0; i < n; i++)
		group_set_post(set, keys[i], index);
	free(keys);
	return index;
}

size_t
group_set_count(const struct group_set *set)
{
	return set->narts;
}

const struct group_article *
group_set_article(const struct group_set *set, size_t index)
{
	return &set->arts[index];
}

/* An open-addressing map from a 64-bit key (never 0) to a count. */
struct group_map {
	uint64_t *keys;
	uint32_t *values;
	size_t mask;
	size_t used;
};

static void
group_map_init(struct group_map *m, size_t n)
{
	size_t size = 64;

	while (size < n * 2)
		size *= 2;
	m->keys = xcalloc(size, sizeof *m->keys);
	m->values = xcalloc(size, sizeof *m->values);
	m->mask = size - 1;
	m->used = 0;
}

static uint32_t *group_map_slot(struct group_map *m, uint64_t key,
    bool *found);

/* Doubles M's table, keeping its entries. */
static void
group_map_grow(struct group_map *m)
{
	struct group_map old = *m;
	size_t i;
	bool found;

	group_map_init(m, (old.mask + 1));
	for (i = 0; i <= old.mask; i++)
		if (old.keys[i] != 0)
			*group_map_slot(m, old.keys[i], &found) =
			    old.values[i];
	free(old.keys);
	free(old.values);
}

/* The slot of KEY (0 is read as 1: a hash of 0 is vanishingly rare, and a
 * pair key is never 0); *FOUND says whether it was there. */
static uint32_t *
group_map_slot(struct group_map *m, uint64_t key, bool *found)
{
	size_t i;

	if (key == 0)
		key = 1;
	if (m->used * 2 >= m->mask)
		group_map_grow(m);
	for (i = (size_t)group_mix(key) & m->mask;; i = (i + 1) & m->mask) {
		if (m->keys[i] == key) {
			*found = true;
			return &m->values[i];
		}
		if (m->keys[i] == 0) {
			m->keys[i] = key;
			m->used++;
			*found = false;
			return &m->values[i];
		}
	}
}

static void
group_map_free(struct group_map *m)
{
	free(m->keys);
	free(m->values);
}

struct group_weighted {
	uint64_t hash;
	float weight;
};

static int
group_weight_cmp(const void *a, const void *b)
{
	const struct group_weighted *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static int
group_weighted_hash_cmp(const void *a, const void *b)
{
	const struct group_weighted *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Every article's vector: (1 + ln count) * ln(1 + N / df), the heaviest
 * GROUP_VECTOR_TERMS, unit length. */
static struct group_vector *
group_vectors(const struct group_set *set)
{
	struct group_vector *vec = xcalloc(set->narts + 1, sizeof *vec);
	struct group_weighted *tmp = NULL;
	struct group_map df;
	size_t i, j, nterms = 0, cap = 0;
	const struct group_article *a;
	double norm, n = (double)set->narts;
	bool found;

	for (i = 0; i < set->narts; i++)
		nterms += set->arts[i].nterms;
	group_map_init(&df, nterms / 4 + 1);
	for (i = 0; i < set->narts; i++)
		for (j = 0; j < set->arts[i].nterms; j++)
			++*group_map_slot(&df, set->arts[i].terms[j].hash,
			    &found);
	for (i = 0; i < set->narts; i++) {
		a = &set->arts[i];
		if (a->nterms > cap) {
			cap = a->nterms;
			tmp = xreallocarray(tmp, cap, sizeof *tmp);
		}
		for (j = 0; j < a->nterms; j++) {
			tmp[j].hash = a->terms[j].hash;
			tmp[j].weight = (float)((1.0 + log(a->terms[j].count)) *
			    log(1.0 + n / *group_map_slot(&df, tmp[j].hash,
			    &found)));
		}
		if (a->nterms > 1)
			qsort(tmp, a->nterms, sizeof *tmp, group_weight_cmp);
		vec[i].n = a->nterms < GROUP_VECTOR_TERMS ? a->nterms :
		    GROUP_VECTOR_TERMS;
		if (vec[i].n > 1)
			qsort(tmp, vec[i].n, sizeof *tmp,
			    group_weighted_hash_cmp);
		norm = 0;
		for (j = 0; j < vec[i].n; j++)
			norm += (double)tmp[j].weight * tmp[j].weight;
		norm = norm > 0 ? sqrt(norm) : 1;
		vec[i].hash = xreallocarray(NULL, vec[i].n + 1,
		    sizeof *vec[i].hash);
		vec[i].weight = xreallocarray(NULL, vec[i].n + 1,
		    sizeof *vec[i].weight);
		for (j = 0; j < vec[i].n; j++) {
			vec[i].hash[j] = tmp[j].hash;
			vec[i].weight[j] = (float)(tmp[j].weight / norm);
		}
	}
	free(tmp);
	group_map_free(&df);
	return vec;
}

/*
 * How much the days between two articles lower their similarity: the same
 * or the next day not at all, two days apart by a fifth, more never one
 * story.  Every pair that can join is thus two days apart at most, so it
 * always shares a band key's date bucket (group_keys): which pairs join
 * does not depend on where the calendar's buckets fall, but for the keys
 * GROUP_KEY_CAP skips.
 */
static double
group_date_factor(int32_t a, int32_t b)
{
	int64_t apart;

	if (a == GROUP_NO_DAY || b == GROUP_NO_DAY)
		return 1.0;
	apart = a > b ? (int64_t)a - b : (int64_t)b - a;
	if (apart <= 1)
		return 1.0;
	return apart > 2 ? 0.0 : 0.8;
}

/* Similarity of articles A and B in millionths: integers, so that every
 * run (and the map/reduce form) decides alike whatever the order. */
static uint32_t
group_similarity(const struct group_set *set, const struct group_vector *vec,
    size_t a, size_t b)
{
	const struct group_vector *x = &vec[a], *y = &vec[b];
	double dot = 0, f;
	uint32_t i = 0, j = 0;

	f = group_date_factor(set->arts[a].day, set->arts[b].day);
	if (f == 0)
		return 0;
	while (i < x->n && j < y->n) {
		if (x->hash[i] < y->hash[j])
			i++;
		else if (x->hash[i] > y->hash[j])
			j++;
		else
			dot += (double)x->weight[i++] * y->weight[j++];
	}
	return (uint32_t)lrint(dot * f * 1e6);
}

static size_t
group_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static int
group_post_cmp(const void *a, const void *b)
{
	const struct group_posting *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

struct group_edge {
	size_t a, b;
	uint32_t sim;
};

/* Scores each candidate pair once.  Returns the pairs at the threshold in
 * *EDGES. */
static size_t
group_pairs(struct group_set *set, const struct group_vector *vec,
    struct group_edge **edges)
{
	struct group_map seen;
	size_t lo, hi, i, j, a, b, nedges = 0, capedges = 0;
	uint32_t sim;
	bool any, found;

	if (set->nposts > 1)
		qsort(set->posts, set->nposts, sizeof *set->posts,
		    group_post_cmp);
	group_map_init(&seen, set->nposts + 1);
	*edges = NULL;
	for (lo = 0; lo < set->nposts; lo = hi) {
		for (hi = lo + 1; hi < set->nposts &&
		    set->posts[hi].key == set->posts[lo].key; hi++)
			;
		if (hi - lo < 2 || hi - lo > GROUP_KEY_CAP)
			continue;
		any = set->posts[lo].key & 1;
		for (i = lo; i < hi; i++) {
			a = set->posts[i].index;
			for (j = i + 1; j < hi; j++) {
				b = set->posts[j].index;
				if (a == b || (any &&
				    set->arts[a].day != GROUP_NO_DAY &&
				    set->arts[b].day != GROUP_NO_DAY))
					continue;
				group_map_slot(&seen, ((uint64_t)a << 32 |
				    (uint64_t)b) + 1, &found);
				if (found)
					continue;
				sim = group_similarity(set, vec, a, b);
				if (sim < GROUP_THRESHOLD)
					continue;
				if (nedges == capedges) {
					capedges = capedges == 0 ? 256 :
					    capedges * 2;
					*edges = xreallocarray(*edges,
					    capedges, sizeof **edges);
				}
				(*edges)[nedges].a = a;
				(*edges)[nedges].b = b;
				(*edges)[nedges].sim = sim;
				nedges++;
			}
		}
	}
	group_map_free(&seen);
	return nedges;
}

static const struct group_set *group_sort_set;	/* for the comparators */

/* Strongest first; ties by the articles' ids, which do not depend on the
 * order the articles came in. */
static int
group_edge_cmp(const void *a, const void *b)
{
	const struct group_edge *x = a, *y = b;
	const struct group_article *arts = group_sort_set->arts;
	int c;

	if (x->sim != y->sim)
		return x->sim > y->sim ? -1 : 1;
	if ((c = strcmp(arts[x->a].id, arts[y->a].id)) != 0)
		return c;
	if ((c = strcmp(arts[x->b].id, arts[y->b].id)) != 0)
		return c;
	if ((c = strcmp(arts[x->a].path, arts[y->a].path)) != 0)
		return c;
	return strcmp(arts[x->b].path, arts[y->b].path);
}

static void
group_span_widen(int32_t *first, int32_t *last, int32_t f, int32_t l)
{
	if (f == GROUP_NO_DAY)
		return;
	if (*first == GROUP_NO_DAY || f < *first)
		*first = f;
	if (*last == GROUP_NO_DAY || l > *last)
		*last = l;
}

/*
 * Joins the pairs, strongest first, into stories, keeping only the edges
 * that joined.  Similar articles chain (a week of one pandemic's coverage
 * is one long chain), so a join that would stretch a story over more than
 * GROUP_SPAN_DAYS is refused: an event is reported within days.
 */
static size_t
group_join(struct group_set *set, size_t *parent, struct group_edge *edges,
    size_t nedges)
{
	int32_t *first = xreallocarray(NULL, set->narts + 1, sizeof *first);
	int32_t *last = xreallocarray(NULL, set->narts + 1, sizeof *last);
	int32_t f, l;
	size_t i, ra, rb, kept = 0;

	for (i = 0; i < set->narts; i++) {
		parent[i] = i;
		first[i] = last[i] = set->arts[i].day;
	}
	if (nedges > 1)
		qsort(edges, nedges, sizeof *edges, group_edge_cmp);
	for (i = 0; i < nedges; i++) {
		ra = group_find(parent, edges[i].a);
		rb = group_find(parent, edges[i].b);
		if (ra != rb) {
			f = first[ra];
			l = last[ra];
			group_span_widen(&f, &l, first[rb], last[rb]);
			if (f != GROUP_NO_DAY &&
			    (int64_t)l - f > GROUP_SPAN_DAYS)
				continue;
			parent[ra] = rb;
			first[rb] = f;
			last[rb] = l;
		}
		edges[kept++] = edges[i];
	}
	free(first);
	free(last);
	return kept;
}

static int
group_member_cmp(const void *a, const void *b)
{
	const struct group_article *x = &group_sort_set->arts[*(const size_t *)a];
	const struct group_article *y = &group_sort_set->arts[*(const size_t *)b];

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int
group_story_cmp(const void *a, const void *b)
{
	const struct group_story *x = a, *y = b;
	int c;

	if (x->nmembers != y->nmembers)
		return x->nmembers > y->nmembers ? -1 : 1;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return strcmp(group_sort_set->arts[x->central].path,
	    group_sort_set->arts[y->central].path);
}

/* Fills each story's span, central article and id. */
static void
group_describe(struct group_set *set, struct group_story *st,
    const uint64_t *centrality)
{
	const struct group_article *a, *c;
	size_t k, m;

	st->first = st->last = GROUP_NO_DAY;
	st->central = st->members[0];
	for (k = 0; k < st->nmembers; k++) {
		m = st->members[k];
		a = &set->arts[m];
		c = &set->arts[st->central];
		if (a->day != GROUP_NO_DAY) {
			if (st->first == GROUP_NO_DAY || a->day < st->first)
				st->first = a->day;
			if (st->last == GROUP_NO_DAY || a->day > st->last)
				st->last = a->day;
		}
		if (centrality[m] > centrality[st->central] ||
		    (centrality[m] == centrality[st->central] &&
		    strcmp(a->id, c->id) < 0))
			st->central = m;
	}
	snprintf(st->id, sizeof st->id, "%012llx", (unsigned long long)
	    (group_hash(set->arts[st->central].id,
	    strlen(set->arts[st->central].id)) >> 16));
}

void
group_set_cluster(struct group_set *set)
{
	struct group_vector *vec = group_vectors(set);
	size_t *parent = xcalloc(set->narts + 1, sizeof *parent);
	size_t *slot = xcalloc(set->narts + 1, sizeof *slot);
	uint64_t *centrality = xcalloc(set->narts + 1, sizeof *centrality);
	struct group_edge *edges;
	struct group_story *st;
	size_t i, r, nedges;

	group_sort_set = set;
	nedges = group_pairs(set, vec, &edges);
	nedges = group_join(set, parent, edges, nedges);
	for (i = 0; i < nedges; i++) {
		centrality[edges[i].a] += edges[i].sim;
		centrality[edges[i].b] += edges[i].sim;
	}
	set->stories = xcalloc(set->narts + 1, sizeof *set->stories);
	set->nstories = 0;
	for (i = 0; i < set->narts; i++)
		if (group_find(parent, i) == i)
			slot[i] = set->nstories++;
	for (i = 0; i < set->narts; i++)
		set->stories[slot[group_find(parent, i)]].nmembers++;
	for (i = 0; i < set->nstories; i++) {
		set->stories[i].members = xreallocarray(NULL,
		    set->stories[i].nmembers, sizeof(size_t));
		set->stories[i].nmembers = 0;
	}
	for (i = 0; i < set->narts; i++) {
		st = &set->stories[slot[group_find(parent, i)]];
		st->members[st->nmembers++] = i;
	}
	for (i = 0; i < set->nstories; i++) {
		st = &set->stories[i];
		qsort(st->members, st->nmembers, sizeof *st->members,
		    group_member_cmp);
		group_describe(set, st, centrality);
	}
	qsort(set->stories, set->nstories, sizeof *set->stories,
	    group_story_cmp);
	group_sort_set = NULL;
	set->story_of = xcalloc(set->narts + 1, sizeof *set->story_of);
	for (i = 0; i < set->nstories; i++)
		for (r = 0; r < set->stories[i].nmembers; r++)
			set->story_of[set->stories[i].members[r]] = i;
	for (i = 0; i < set->narts; i++) {
		free(vec[i].hash);
		free(vec[i].weight);
	}
	free(vec);
	free(edges);
	free(centrality);
	free(slot);
	free(parent);
}

size_t
group_set_nstories(const struct group_set *set)
{
	return set->nstories;
}

const struct group_story *
group_set_story(const struct group_set *set, size_t index)
{
	return &set->stories[index];
}

const struct group_story *
group_set_story_of(const struct group_set *set, size_t index)
{
	return &set->stories[set->story_of[index]];
}

const struct group_story *
group_set_find(const struct group_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->nstories; i++)
		if (strcmp(set->stories[i].id, id) == 0)
			return &set->stories[i];
	return NULL;
}

void
group_set_free(struct group_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->narts; i++)
		group_article_clear(&set->arts[i]);
	for (i = 0; i < set->nstories; i++)
		free(set->stories[i].members);
	free(set->arts);
	free(set->posts);
	free(set->stories);
	free(set->story_of);
	free(set);
}
