#include "config.h"

#include "testlib.h"

#include "claims.h"
#include "document.h"
#include "timeline.h"
#include "xalloc.h"

static void
expect_time(const char *date, const char *want)
{
	char buf[32];
	int64_t at = 0;

	if (timeline_parse(date, &at) != TIMELINE_PLACED)
		fail_msg("'%s' not placed", date);
	timeline_format(at, buf, sizeof buf);
	if (strcmp(buf, want) != 0)
		fail_msg("'%s' -> %s, want %s", date, buf, want);
}

static void
test_parse(void **state)
{
	int64_t at;

	(void)state;
	expect_time("2020-03-14T10:22:00Z", "2020-03-14T10:22:00Z");
	expect_time("2020-03-14 10:22Z", "2020-03-14T10:22:00Z");
	expect_time("2020-03-14T10:22:05.123+01:00", "2020-03-14T09:22:05Z");
	expect_time("2020-03-14T23:30:00-0500", "2020-03-15T04:30:00Z");
	expect_time("2020-02-29T00:00:00+00", "2020-02-29T00:00:00Z");
	expect_time("Sat, 14 Mar 2020 10:22:00 +0000", "2020-03-14T10:22:00Z");
	expect_time("14 Mar 2020 10:22 GMT", "2020-03-14T10:22:00Z");
	expect_time("Sun, 1 Mar 2020 01:00:00 EST", "2020-03-01T06:00:00Z");
	expect_time("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z");
	/* Never placed by guess. */
	assert_int_equal(timeline_parse("2020-03-14", &at),
	    TIMELINE_DAY_ONLY);
	assert_int_equal(timeline_parse("Sat, 14 Mar 2020", &at),
	    TIMELINE_DAY_ONLY);
	assert_int_equal(timeline_parse("2020-03-14T10:22:00", &at),
	    TIMELINE_NO_ZONE);
	assert_int_equal(timeline_parse(NULL, &at), TIMELINE_NO_DATE);
	assert_int_equal(timeline_parse("  ", &at), TIMELINE_NO_DATE);
	assert_int_equal(timeline_parse("yesterday", &at),
	    TIMELINE_UNREADABLE);
	assert_int_equal(timeline_parse("2019-02-29", &at),
	    TIMELINE_UNREADABLE);
	assert_int_equal(timeline_parse("2020-03-14T25:00Z", &at),
	    TIMELINE_UNREADABLE);
	assert_int_equal(timeline_parse("2020-03-14T10:00Z junk", &at),
	    TIMELINE_UNREADABLE);
	assert_string_equal(timeline_reason(TIMELINE_NO_ZONE), "no time zone");
}

static void
test_delay(void **state)
{
	char buf[32];

	(void)state;
	timeline_delay(0, buf, sizeof buf);
	assert_string_equal(buf, "+0s");
	timeline_delay(45 * 60, buf, sizeof buf);
	assert_string_equal(buf, "+45m");
	timeline_delay(3 * 3600 + 5 * 60, buf, sizeof buf);
	assert_string_equal(buf, "+3h 05m");
	timeline_delay(2 * 86400 + 4 * 3600, buf, sizeof buf);
	assert_string_equal(buf, "+2d 4h");
}

static struct document *
source(const char *date)
{
	struct document *doc = NULL;
	char *cause = NULL, *text;

	text = xasprintf("---\noutlet: X\ndate: %s\n---\n\nThe council met.\n",
	    date);
	assert_int_equal(document_load_buffer("x", text, strlen(text), &doc,
	    &cause), 0);
	free(text);
	return doc;
}

static void
test_claims(void **state)
{
	struct document *docs[4];
	size_t c0[] = { 0, 1, 2, 3 }, c1[] = { 3 };
	struct claim items[2];
	struct claims claims;
	struct timeline *tl;
	size_t i;

	(void)state;
	docs[0] = source("2020-03-14T12:00:00Z");
	docs[1] = source("2020-03-14T10:00:00Z");
	docs[2] = source("2020-03-14T13:30:00+01:00");
	docs[3] = source("2020-03-14");
	memset(items, 0, sizeof items);
	items[0].docs = c0;
	items[0].ndocs = 4;
	items[1].docs = c1;
	items[1].ndocs = 1;
	claims.items = items;
	claims.n = 2;
	tl = timeline_build(docs, 4, &claims);
	assert_int_equal(tl->nplaced, 3);
	assert_int_equal(tl->end - tl->start, 2 * 3600 + 1800);
	assert_int_equal(tl->when[3], TIMELINE_DAY_ONLY);
	assert_int_equal(tl->claims[0].first, 1);
	assert_int_equal(tl->claims[0].delays[0], 2 * 3600);
	assert_int_equal(tl->claims[0].delays[1], 0);
	assert_int_equal(tl->claims[0].delays[2], 2 * 3600 + 1800);
	assert_int_equal(tl->claims[0].delays[3], -1);
	assert_int_equal(tl->claims[1].first, TIMELINE_NONE);
	timeline_free(tl);
	for (i = 0; i < 4; i++)
		document_free(docs[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_delay),
		cmocka_unit_test(test_claims),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
