#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims.h"
#include "document.h"
#include "timeline.h"
#include "xalloc.h"

/* Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar. */
static int64_t
timeline_days(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static bool
timeline_valid_day(int64_t y, unsigned m, unsigned d)
{
	static const unsigned mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return m != 2 || d < 29 ||
	    (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* N digits at *P as a number; false when they are not all digits. */
static bool
timeline_digits(const char **p, int n, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + (unsigned)((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

/* HH:MM[:SS[.frac]] at *P, as seconds into the day. */
static bool
timeline_clock(const char **p, int64_t *secs)
{
	unsigned h, m, s = 0;

	if (!timeline_digits(p, 2, &h) || **p != ':' || (++*p,
	    !timeline_digits(p, 2, &m)))
		return false;
	if (**p == ':') {
		++*p;
		if (!timeline_digits(p, 2, &s))
			return false;
		if (**p == '.' || **p == ',')
			for (++*p; **p >= '0' && **p <= '9'; ++*p)
				;
	}
	if (h > 23 || m > 59 || s > 60)
		return false;
	*secs = (int64_t)h * 3600 + m * 60 + s;
	return true;
}

/* A numeric zone (+HH:MM, +HHMM, +HH) at *P, as seconds east of UTC. */
static bool
timeline_offset(const char **p, int64_t *off)
{
	int sign = **p == '-' ? -1 : 1;
	unsigned h, m = 0;

	if (**p != '+' && **p != '-')
		return false;
	++*p;
	if (!timeline_digits(p, 2, &h))
		return false;
	if (**p == ':')
		++*p;
	if (**p >= '0' && **p <= '9' && !timeline_digits(p, 2, &m))
		return false;
	if (h > 23 || m > 59)
		return false;
	*off = sign * ((int64_t)h * 3600 + m * 60);
	return true;
}

/* A zone by name (RFC 2822's), as seconds east of UTC. */
static bool
timeline_zone_name(const char **p, int64_t *off)
{
	static const struct {
		const char *name;
		int hours;
	} zones[] = {
		{ "UTC", 0 }, { "GMT", 0 }, { "UT", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	};
	size_t i, n;

	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		n = strlen(zones[i].name);
		if (strncasecmp(*p, zones[i].name, n) == 0 &&
		    !((*p)[n] >= 'A' && (*p)[n] <= 'Z') &&
		    !((*p)[n] >= 'a' && (*p)[n] <= 'z')) {
			*p += n;
			*off = (int64_t)zones[i].hours * 3600;
			return true;
		}
	}
	return false;
}

static const char *
timeline_skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The rest of a date after its day: a time and a zone, or nothing. */
static enum timeline_when
timeline_rest(const char *p, int64_t day, int64_t *at)
{
	int64_t secs, off;

	p = timeline_skip_spaces(p);
	if (*p == '\0')
		return TIMELINE_DAY_ONLY;
	if (!timeline_clock(&p, &secs))
		return TIMELINE_UNREADABLE;
	p = timeline_skip_spaces(p);
	if (*p == '\0')
		return TIMELINE_NO_ZONE;
	if (!timeline_offset(&p, &off) && !timeline_zone_name(&p, &off))
		return TIMELINE_UNREADABLE;
	if (*timeline_skip_spaces(p) != '\0')
		return TIMELINE_UNREADABLE;
	*at = day * 86400 + secs - off;
	return TIMELINE_PLACED;
}

static enum timeline_when
timeline_iso(const char *p, int64_t *at)
{
	unsigned y, m, d;

	if (!timeline_digits(&p, 4, &y) || *p++ != '-' ||
	    !timeline_digits(&p, 2, &m) || *p++ != '-' ||
	    !timeline_digits(&p, 2, &d) || !timeline_valid_day(y, m, d))
		return TIMELINE_UNREADABLE;
	if (*p == 'T' || *p == 't')
		p++;
	else if (*p != '\0' && *p != ' ')
		return TIMELINE_UNREADABLE;
	return timeline_rest(p, timeline_days(y, m, d), at);
}

/* RFC 2822: [Day,] DD Mon YYYY [HH:MM[:SS] zone] */
static enum timeline_when
timeline_rfc2822(const char *p, int64_t *at)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	unsigned d, y, m;
	const char *comma = strchr(p, ',');
	char mon[4];

	if (comma != NULL)
		p = timeline_skip_spaces(comma + 1);
	if (!timeline_digits(&p, 2, &d) && !timeline_digits(&p, 1, &d))
		return TIMELINE_UNREADABLE;
	p = timeline_skip_spaces(p);
	for (m = 0; m < 3 && p[m] != '\0'; m++)
		mon[m] = (char)(p[m] >= 'A' && p[m] <= 'Z' ? p[m] - 'A' + 'a' :
		    p[m]);
	mon[m] = '\0';
	if (m < 3)
		return TIMELINE_UNREADABLE;
	for (m = 0; m < 12; m++)
		if (strncmp(months + m * 3, mon, 3) == 0)
			break;
	if (m == 12 || p[3] != ' ')
		return TIMELINE_UNREADABLE;
	p = timeline_skip_spaces(p + 3);
	if (!timeline_digits(&p, 4, &y) || !timeline_valid_day(y, m + 1, d))
		return TIMELINE_UNREADABLE;
	return timeline_rest(p, timeline_days(y, m + 1, d), at);
}

enum timeline_when
timeline_parse(const char *date, int64_t *at)
{
	const char *p;

	if (date == NULL)
		return TIMELINE_NO_DATE;
	p = timeline_skip_spaces(date);
	if (*p == '\0')
		return TIMELINE_NO_DATE;
	if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
	    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
		return timeline_iso(p, at);
	return timeline_rfc2822(p, at);
}

const char *
timeline_reason(enum timeline_when when)
{
	switch (when) {
	case TIMELINE_PLACED:
		return "placed";
	case TIMELINE_DAY_ONLY:
		return "date only";
	case TIMELINE_NO_ZONE:
		return "no time zone";
	case TIMELINE_NO_DATE:
		return "no date";
	case TIMELINE_UNREADABLE:
		return "unreadable date";
	}
	return "?";
}

void
timeline_format(int64_t at, char *buf, size_t size)
{
	int64_t days = at >= 0 ? at / 86400 : (at - 86399) / 86400;
	int64_t secs = at - days * 86400, z = days + 719468, era, y;
	unsigned doe, yoe, doy, mp, d, m;

	/* The inverse of timeline_days. */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04lld-%02u-%02uT%02u:%02u:%02uZ",
	    (long long)(y + (m <= 2)), m, d, (unsigned)(secs / 3600),
	    (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
}

void
timeline_delay(int64_t s, char *buf, size_t size)
{
	if (s < 60)
		snprintf(buf, size, "+%llds", (long long)s);
	else if (s < 3600)
		snprintf(buf, size, "+%lldm", (long long)(s / 60));
	else if (s < 86400)
		snprintf(buf, size, "+%lldh %02lldm", (long long)(s / 3600),
		    (long long)(s / 60 % 60));
	else
		snprintf(buf, size, "+%lldd %lldh", (long long)(s / 86400),
		    (long long)(s / 3600 % 24));
}

struct timeline *
timeline_build(struct document *const *docs, size_t ndocs,
    const struct claims *claims)
{
	struct timeline *tl = xcalloc(1, sizeof *tl);
	const struct claim *c;
	size_t i, j, total = 0, used = 0;
	int64_t *delays;

	tl->ndocs = ndocs;
	tl->when = xcalloc(ndocs + 1, sizeof *tl->when);
	tl->at = xcalloc(ndocs + 1, sizeof *tl->at);
	for (i = 0; i < ndocs; i++) {
		tl->when[i] = timeline_parse(docs[i]->date, &tl->at[i]);
		if (tl->when[i] != TIMELINE_PLACED)
			continue;
		if (tl->nplaced == 0 || tl->at[i] < tl->start)
			tl->start = tl->at[i];
		if (tl->nplaced == 0 || tl->at[i] > tl->end)
			tl->end = tl->at[i];
		tl->nplaced++;
	}
	if (claims == NULL)
		return tl;
	tl->nclaims = claims->n;
	tl->claims = xcalloc(claims->n + 1, sizeof *tl->claims);
	for (i = 0; i < claims->n; i++)
		total += claims->items[i].ndocs;
	tl->pool = xreallocarray(NULL, total + 1, sizeof *tl->pool);
	for (i = 0; i < claims->n; i++) {
		c = &claims->items[i];
		delays = tl->claims[i].delays = tl->pool + used;
		used += c->ndocs;
		tl->claims[i].first = TIMELINE_NONE;
		for (j = 0; j < c->ndocs; j++)
			if (tl->when[c->docs[j]] == TIMELINE_PLACED &&
			    (tl->claims[i].first == TIMELINE_NONE ||
			    tl->at[c->docs[j]] < tl->at[tl->claims[i].first]))
				tl->claims[i].first = c->docs[j];
		for (j = 0; j < c->ndocs; j++)
			delays[j] = tl->when[c->docs[j]] == TIMELINE_PLACED ?
			    tl->at[c->docs[j]] - tl->at[tl->claims[i].first] :
			    -1;
	}
	return tl;
}

void
timeline_free(struct timeline *tl)
{
	if (tl == NULL)
		return;
	free(tl->when);
	free(tl->at);
	free(tl->claims);
	free(tl->pool);
	free(tl);
}
