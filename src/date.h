/*
 * date: dates as feeds, caches and pages write them, normalised to ISO
 * 8601.  A date with a time and a zone becomes UTC ("2026-12-06T05:31:00Z"),
 * one with a time but no zone keeps its local time ("2026-12-06T05:31:00"),
 * a bare day stays a day ("2026-12-06").  Functions return allocations the
 * caller frees, or NULL when the text is not a date they know.
 */
#ifndef PARALLAX_DATE_H
#define PARALLAX_DATE_H

#include <stdint.h>

/*
 * RFC 822/2822 as in RSS's pubDate ("Sun, 06 Dec 2026 05:31:00 +0000",
 * two-digit years, GMT/UT/EST..PDT/military zones, the weekday and seconds
 * optional), or ISO 8601/RFC 3339 as in Atom and dc:date
 * ("2026-12-06T05:31:00.5+01:00", "2026-12-06").
 */
char *date_normalize(const char *s);

/* Seconds since the epoch (newsboat's cache), as UTC. */
char *date_from_epoch(int64_t seconds);

#endif
