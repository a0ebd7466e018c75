/*
 * group: finds the stories of an archive, the articles that report the
 * same event.
 *
 * Each article becomes a bag of stemmed content words (group_terms_*),
 * counted with its title weighing GROUP_TITLE_WEIGHT, its lead
 * GROUP_LEAD_WEIGHT and the rest 1; that bag needs no other article, so it
 * is also what the map side of a map/reduce job emits (signature.h).  Its
 * band keys (group_keys) pair each title and lead word with a date bucket:
 * articles that share a key are candidates, and only candidates are ever
 * compared, so the cost grows with the archive, not with its square.
 * group_set_cluster weighs the words by IDF over the whole archive (rare
 * names and numbers count most), scores each candidate pair by cosine
 * similarity scaled down by the days between them, and joins the pairs at
 * or above GROUP_THRESHOLD.
 *
 * A group_set owns its articles (their strings and term arrays) and its
 * postings; group_set_free releases them.
 */
#ifndef PARALLAX_GROUP_H
#define PARALLAX_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct document;
struct group_terms_ctx;

#define GROUP_NO_DAY INT32_MIN	/* an article without a (readable) date */

/* One word of an article: its stem's hash and weighted count. */
struct group_term {
	uint64_t hash;
	uint32_t count;
	uint8_t place;		/* 0 body, 1 lead, 2 title: lead and title
				 * words are band keys */
};

struct group_article {
	char *id;		/* the URL, else the path: stable across runs */
	char *path;
	char *outlet;
	char *title;		/* may be NULL */
	char *date;		/* as the source gave it; may be NULL */
	char *key;		/* its reading-state key (state.h); NULL when
				 * read back from signatures */
	int32_t day;		/* days since 1970-01-01, or GROUP_NO_DAY */
	struct group_term *terms;	/* ascending by hash */
	uint32_t nterms;
};

/* Days since 1970-01-01 of DATE ("2019-05-24...", or RFC 822's "Fri, 24
 * May 2019 ..."), or GROUP_NO_DAY. */
int32_t group_day(const char *date);

/* Word stemming and counting scratch, reused across articles. */
struct group_terms_ctx *group_terms_new(void);
void group_terms_free(struct group_terms_ctx *ctx);

/*
 * Fills ART from DOC: copies of its metadata and its weighted terms
 * (boilerplate left out).  ART's previous contents are not freed.
 */
void group_article_from_document(struct group_terms_ctx *ctx,
    const struct document *doc, struct group_article *art);

void group_article_clear(struct group_article *art);

/*
 * The band keys of ART written to KEYS (room for ART->nterms * 3): one per
 * title or lead word and date bucket.  Returns how many.
 */
size_t group_keys(const struct group_article *art, uint64_t *keys);

/* The archive being grouped. */
struct group_set;

struct group_set *group_set_new(void);

/* Takes ART's contents (ART is left cleared); returns the article's index. */
size_t group_set_add(struct group_set *set, struct group_article *art);

/* Records that article INDEX carries band key KEY (any order, repeats
 * ignored). */
void group_set_post(struct group_set *set, uint64_t key, size_t index);

/* group_set_add then group_set_post for each of group_keys. */
size_t group_set_add_keyed(struct group_set *set, struct group_article *art);

size_t group_set_count(const struct group_set *set);
const struct group_article *group_set_article(const struct group_set *set,
    size_t index);

/* One story: its articles and the most central of them. */
struct group_story {
	char id[13];		/* 12 hex digits from the central article's id */
	size_t *members;	/* article indices, by date then path */
	size_t nmembers;
	size_t central;		/* an article index */
	int32_t first;		/* day span, GROUP_NO_DAY when none is dated */
	int32_t last;
};

/*
 * Groups the articles: every article lands in exactly one story.  The
 * stories are ordered by size, then the latest day, then id; the result
 * depends only on the articles and their keys, never on their order.
 */
void group_set_cluster(struct group_set *set);

size_t group_set_nstories(const struct group_set *set);
const struct group_story *group_set_story(const struct group_set *set,
    size_t index);
/* The story article INDEX belongs to. */
const struct group_story *group_set_story_of(const struct group_set *set,
    size_t index);
/* The story whose id is ID, or NULL. */
const struct group_story *group_set_find(const struct group_set *set,
    const char *id);

void group_set_free(struct group_set *set);

#endif
