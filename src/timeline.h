/*
 * timeline: when each source was published and, per claim, who had it
 * first and how long after the others followed.
 *
 * Only a date with a time of day and a time zone places a source on the
 * time axis ("2020-03-14T10:22:00Z", "+01:00", RFC 2822's "Sat, 14 Mar
 * 2020 10:22:00 +0000").  A date alone, a time without a zone, no date or
 * one that cannot be read leaves the source unplaced, listed apart with
 * the reason: nothing is guessed.  A timeline owns its arrays
 * (timeline_free), never the documents or claims.
 */
#ifndef PARALLAX_TIMELINE_H
#define PARALLAX_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

struct claims;
struct document;

#define TIMELINE_NONE ((size_t)-1)

enum timeline_when {
	TIMELINE_PLACED,	/* date, time and zone */
	TIMELINE_DAY_ONLY,	/* a date without a time of day */
	TIMELINE_NO_ZONE,	/* a time without a zone */
	TIMELINE_NO_DATE,
	TIMELINE_UNREADABLE
};

struct timeline_claim {
	size_t first;		/* the document placed earliest, or NONE */
	int64_t *delays;	/* per claim->docs[j]: seconds after the
				 * first, or -1 when that source is unplaced */
};

struct timeline {
	size_t ndocs;
	enum timeline_when *when;	/* per document */
	int64_t *at;		/* per document: seconds since 1970 UTC */
	size_t nplaced;
	int64_t start, end;	/* the placed sources' earliest and latest */
	struct timeline_claim *claims;	/* NULL without claims */
	size_t nclaims;
	int64_t *pool;
};

struct timeline *timeline_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims);
void timeline_free(struct timeline *tl);

/* Reads a date; sets *at (seconds since 1970 UTC) when it is placed. */
enum timeline_when timeline_parse(const char *date, int64_t *at);

/* Why a source is unplaced, for the list apart ("date only", ...). */
const char *timeline_reason(enum timeline_when when);

/* AT as "2020-03-14T10:22:00Z" into BUF (at least 21 bytes). */
void timeline_format(int64_t at, char *buf, size_t size);

/* A delay in seconds as "+3h 05m", "+2d 4h", "+45s" into BUF. */
void timeline_delay(int64_t seconds, char *buf, size_t size);

#endif
