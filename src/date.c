#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "xalloc.h"

/* A moment being parsed: the fields as written, then the zone's offset. */
struct date_parts {
	int year, month, day;
	int hour, min, sec;
	bool has_time;
	bool has_zone;
	int offset;		/* minutes east of UTC */
};

/* Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil), so no time zone of the process matters. */
static int64_t
date_days(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of date_days. */
static void
date_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool
date_valid(const struct date_parts *p)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (p->year < 1000 || p->year > 9999 || p->month < 1 ||
	    p->month > 12 || p->day < 1)
		return false;
	if (p->day > mdays[p->month - 1] +
	    (p->month == 2 && date_leap(p->year)))
		return false;
	/* 60: a leap second, as RFC 3339 allows. */
	return p->hour <= 23 && p->min <= 59 && p->sec <= 60 &&
	    p->offset > -24 * 60 && p->offset < 24 * 60;
}

static char *
date_format(const struct date_parts *p)
{
	int64_t t;
	int y, mo, d;

	if (!date_valid(p))
		return NULL;
	if (!p->has_time)
		return xasprintf("%04d-%02d-%02d", p->year, p->month, p->day);
	if (!p->has_zone)
		return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d", p->year,
		    p->month, p->day, p->hour, p->min, p->sec);
	t = (date_days(p->year, p->month, p->day) * 24 + p->hour) * 60 +
	    p->min - p->offset;
	date_civil(t >= 0 ? t / 1440 : -((-t + 1439) / 1440), &y, &mo, &d);
	t -= date_days(y, mo, d) * 1440;
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d,
	    (int)(t / 60), (int)(t % 60), p->sec);
}

/* Reads exactly N digits at *S into *V. */
static bool
date_digits(const char **s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return true;
}

/* Reads one to four digits at *S into *V; returns how many. */
static int
date_number(const char **s, int *v)
{
	int n = 0;

	*v = 0;
	while (n < 4 && isdigit((unsigned char)**s)) {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

static void
date_skip_space(const char **s)
{
	while (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')
		(*s)++;
}

/* "+01:00", "-0500", "Z": the offset in minutes. */
static bool
date_numeric_zone(const char **s, int *offset)
{
	int sign, h, m = 0;

	if (**s == 'Z' || **s == 'z') {
		(*s)++;
		*offset = 0;
		return true;
	}
	if (**s != '+' && **s != '-')
		return false;
	sign = **s == '-' ? -1 : 1;
	(*s)++;
	if (!date_digits(s, 2, &h))
		return false;
	if (**s == ':')
		(*s)++;
	if (isdigit((unsigned char)**s) && !date_digits(s, 2, &m))
		return false;
	*offset = sign * (h * 60 + m);
	return true;
}

/* ISO 8601 / RFC 3339: YYYY-MM-DD[(T| )HH:MM[:SS[.frac]][zone]]. */
static bool
date_iso(const char *s, struct date_parts *p)
{
	if (!date_digits(&s, 4, &p->year) || *s++ != '-' ||
	    !date_digits(&s, 2, &p->month) || *s++ != '-' ||
	    !date_digits(&s, 2, &p->day))
		return false;
	if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		p->has_time = true;
		if (!date_digits(&s, 2, &p->hour) || *s++ != ':' ||
		    !date_digits(&s, 2, &p->min))
			return false;
		if (*s == ':') {
			s++;
			if (!date_digits(&s, 2, &p->sec))
				return false;
			if (*s == '.' || *s == ',') {
				s++;
				while (isdigit((unsigned char)*s))
					s++;
			}
		}
		p->has_zone = date_numeric_zone(&s, &p->offset);
	}
	date_skip_space(&s);
	return *s == '\0';
}

/* RFC 822's named zones, and its military letters (of which RFC 2822
 * says only that they carry no information: read as UTC). */
static bool
date_named_zone(const char *z, size_t n, int *offset)
{
	static const struct {
		const char *name;
		int hours;
	} zones[] = {
		{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	};
	size_t i;

	for (i = 0; i < sizeof zones / sizeof *zones; i++) {
		if (strlen(zones[i].name) == n &&
		    strncasecmp(z, zones[i].name, n) == 0) {
			*offset = zones[i].hours * 60;
			return true;
		}
	}
	if (n == 1 && isalpha((unsigned char)*z)) {
		*offset = 0;
		return true;
	}
	return false;
}

/* [Day,] DD Mon YYYY HH:MM[:SS] zone */
static bool
date_rfc822(const char *s, struct date_parts *p)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	const char *m;
	size_t n;
	int digits;

	date_skip_space(&s);
	if (isalpha((unsigned char)*s)) {
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == ',')
			s++;
		date_skip_space(&s);
	}
	if (date_number(&s, &p->day) == 0 || p->day > 31)
		return false;
	date_skip_space(&s);
	for (n = 0; isalpha((unsigned char)s[n]); n++)
		;
	if (n < 3)
		return false;
	for (m = months; *m != '\0'; m += 3) {
		if (strncasecmp(s, m, 3) == 0)
			break;
	}
	if (*m == '\0')
		return false;
	p->month = (int)((m - months) / 3 + 1);
	s += n;
	date_skip_space(&s);
	digits = date_number(&s, &p->year);
	if (digits == 2)	/* RFC 2822 4.3: 00-49 are 20xx */
		p->year += p->year < 50 ? 2000 : 1900;
	else if (digits != 4)
		return false;
	date_skip_space(&s);
	if (*s == '\0')
		return true;
	p->has_time = true;
	if (!date_digits(&s, 2, &p->hour) || *s++ != ':' ||
	    !date_digits(&s, 2, &p->min))
		return false;
	if (*s == ':') {
		s++;
		if (!date_digits(&s, 2, &p->sec))
			return false;
	}
	date_skip_space(&s);
	if (*s == '+' || *s == '-')
		p->has_zone = date_numeric_zone(&s, &p->offset);
	else {
		for (n = 0; isalpha((unsigned char)s[n]); n++)
			;
		p->has_zone = n > 0 && date_named_zone(s, n, &p->offset);
		if (p->has_zone)
			s += n;
	}
	date_skip_space(&s);
	/* A zone may be followed by a comment naming it: "+0000 (UTC)". */
	return *s == '\0' || (p->has_zone && *s == '(');
}

char *
date_normalize(const char *s)
{
	struct date_parts p;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	memset(&p, 0, sizeof p);
	if (date_iso(s, &p))
		return date_format(&p);
	memset(&p, 0, sizeof p);
	if (date_rfc822(s, &p))
		return date_format(&p);
	return NULL;
}

char *
date_from_epoch(int64_t seconds)
{
	struct date_parts p;
	int64_t days, rest;

	/* Years 1000 to 9999, as date_valid allows. */
	if (seconds < -30610224000 || seconds > 253402300799)
		return NULL;
	days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
	rest = seconds - days * 86400;
	memset(&p, 0, sizeof p);
	date_civil(days, &p.year, &p.month, &p.day);
	p.hour = (int)(rest / 3600);
	p.min = (int)(rest / 60 % 60);
	p.sec = (int)(rest % 60);
	p.has_time = p.has_zone = true;
	return date_format(&p);
}
