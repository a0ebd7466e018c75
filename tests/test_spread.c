#include "config.h"

#include "testlib.h"

#include "claims.h"
#include "document.h"
#include "outlets.h"
#include "spread.h"
#include "xalloc.h"

static const char *profiles =
    "version: 1\n"
    "blindspot: {share: 75, min-rated: 3}\n"
    "outlets:\n"
    "  - {name: L1, aliases: [l1.com], leaning: left}\n"
    "  - {name: L2, leaning: left}\n"
    "  - {name: L3, leaning: left}\n"
    "  - {name: C1, leaning: center}\n"
    "  - {name: R1, leaning: right}\n"
    "  - {name: W, kind: wire}\n";

static struct document *
source(const char *outlet, const char *url)
{
	struct document *doc = NULL;
	char *cause = NULL, *text;

	text = xasprintf("---\noutlet: %s\n%s%s%s---\n\nThe council met.\n",
	    outlet, url != NULL ? "url: " : "", url != NULL ? url : "",
	    url != NULL ? "\n" : "");
	assert_int_equal(document_load_buffer(outlet, text, strlen(text),
	    &doc, &cause), 0);
	free(text);
	return doc;
}

static void
test_counts(void **state)
{
	struct outlets *o = NULL;
	char *errors = NULL;
	struct document *docs[7];
	/* Claim 0: L1 by name and by URL, L2 and C1; claim 1: L1, an
	 * unknown outlet and a wire without a leaning; claim 2: L1, C1, R1. */
	size_t c0[] = { 0, 1, 2, 3 }, c1[] = { 0, 5, 6 }, c2[] = { 1, 3, 4 };
	struct claim items[3];
	struct claims claims;
	struct spread *sp;
	size_t i;

	(void)state;
	assert_int_equal(outlets_load_buffer("o.yaml", profiles,
	    strlen(profiles), &o, &errors), 0);
	docs[0] = source("L1", NULL);
	docs[1] = source("Somebody", "https://www.l1.com/x");	/* L1 again */
	docs[2] = source("L2", NULL);
	docs[3] = source("C1", NULL);
	docs[4] = source("R1", NULL);
	docs[5] = source("Unknown", NULL);
	docs[6] = source("W", NULL);		/* a profile, no leaning */
	memset(items, 0, sizeof items);
	items[0].docs = c0;
	items[0].ndocs = 4;
	items[1].docs = c1;
	items[1].ndocs = 3;
	items[2].docs = c2;
	items[2].ndocs = 3;
	claims.items = items;
	claims.n = 3;
	sp = spread_build(docs, 7, &claims, o);
	assert_ptr_equal(sp->profiles[1], &o->items[0]);
	assert_null(sp->profiles[5]);
	assert_string_equal(sp->profiles[6]->name, "W");
	/* The story: L1 (twice), L2, C1, R1 rated; Unknown, W unrated. */
	assert_int_equal(sp->story.by_leaning[0], 2);
	assert_int_equal(sp->story.by_leaning[1], 1);
	assert_int_equal(sp->story.by_leaning[2], 1);
	assert_int_equal(sp->story.rated, 4);
	assert_int_equal(sp->story.unrated, 2);
	assert_int_equal(sp->story.blindspot, 0);
	/* Claim 0: L1 once, L2, C1: two of three rated on the left. */
	assert_int_equal(sp->claims[0].rated, 3);
	assert_int_equal(sp->claims[0].blindspot, 0);
	assert_int_equal(sp->claims[1].rated, 1);
	assert_int_equal(sp->claims[1].unrated, 2);
	assert_int_equal(sp->claims[1].blindspot, 0);
	assert_int_equal(sp->claims[2].blindspot, 0);
	spread_free(sp);
	/* Three left outlets and a centre one: 75% on the left. */
	document_free(docs[1]);
	docs[1] = source("L3", NULL);
	sp = spread_build(docs, 7, &claims, o);
	assert_int_equal(sp->claims[0].by_leaning[0], 3);
	assert_int_equal(sp->claims[0].blindspot, -1);
	assert_string_equal(outlets_side_name(o, sp->claims[0].blindspot),
	    "left");
	spread_free(sp);
	/* No outlets at all: everything unrated, nothing judged. */
	sp = spread_build(docs, 7, &claims, NULL);
	assert_int_equal(sp->nleanings, 0);
	assert_int_equal(sp->story.unrated, 7);
	assert_int_equal(sp->claims[0].blindspot, 0);
	spread_free(sp);
	for (i = 0; i < 7; i++)
		document_free(docs[i]);
	outlets_free(o);
}

static void
test_rule(void **state)
{
	struct outlets *o = NULL;
	char *errors = NULL;
	size_t by[3] = { 0, 1, 3 };
	struct spread_counts c = { by, 4, 0, 0 };

	(void)state;
	assert_int_equal(outlets_load_buffer("o.yaml", profiles,
	    strlen(profiles), &o, &errors), 0);
	assert_int_equal(spread_blindspot(o, &c), 1);
	by[2] = 2;
	c.rated = 3;
	assert_int_equal(spread_blindspot(o, &c), 0);	/* 67% */
	by[1] = 0;
	c.rated = 2;
	assert_int_equal(spread_blindspot(o, &c), 0);	/* too few rated */
	/* The centre is no side: all-centre coverage is no blindspot. */
	by[1] = 5;
	by[2] = 0;
	c.rated = 5;
	assert_int_equal(spread_blindspot(o, &c), 0);
	outlets_free(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
