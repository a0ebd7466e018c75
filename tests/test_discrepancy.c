#include "testlib.h"

#include "claims.h"
#include "discrepancy.h"
#include "fixture.h"

/* Two sources of a few sentences each, linked. */
struct pair_fx {
	struct document *docs[3];
	size_t ndocs;
	struct claims *claims;
};

static void
fx_link(struct pair_fx *fx, const char *const *x, const char *const *y)
{
	memset(fx, 0, sizeof *fx);
	fx->docs[fx->ndocs++] = fixture_doc("x", NULL, x);
	fx->docs[fx->ndocs++] = fixture_doc("y", NULL, y);
	fx->claims = claims_link(fx->docs, fx->ndocs, NULL);
}

static void
fx_free(struct pair_fx *fx)
{
	size_t i;

	claims_free(fx->claims);
	for (i = 0; i < fx->ndocs; i++)
		fixture_free(fx->docs[i]);
}

static void
assert_figure(const struct document *doc, struct claim_ref ref,
    struct span sp, const char *want)
{
	const char *text = doc->sentences[ref.sentence].text;

	assert_int_equal(sp.end - sp.start, strlen(want));
	assert_memory_equal(text + sp.start, want, strlen(want));
}

/* "killed 58" and "killed 59": the same report but for the toll. */
static void
test_toll(void **state)
{
	static const char *const x[] = {
		"Rescue teams searched the rubble through the night.",
		"The earthquake killed 58 people in the coastal city of Velmar "
		    "on Sunday, officials said.",
		NULL,
	};
	static const char *const y[] = {
		"The earthquake in the coastal city of Velmar killed 59 people "
		    "on Sunday.",
		"Aid convoys reached the port on Monday morning.",
		NULL,
	};
	struct pair_fx fx;
	const struct discrepancy *d;

	fx_link(&fx, x, y);
	assert_int_equal(fx.claims->ndiscrepancies, 1);
	d = &fx.claims->discrepancies[0];
	assert_int_equal(d->a.doc, 0);
	assert_int_equal(d->a.sentence, 1);
	assert_int_equal(d->b.doc, 1);
	assert_int_equal(d->b.sentence, 0);
	assert_figure(fx.docs[0], d->a, d->figure_a, "58");
	assert_figure(fx.docs[1], d->b, d->figure_b, "59");
	/* Not the same claim, and both claims know. */
	assert_int_not_equal(d->claim_a, d->claim_b);
	assert_int_equal(d->claim_a, fx.docs[0]->sentences[1].claim);
	assert_int_equal(d->claim_b, fx.docs[1]->sentences[0].claim);
	assert_true(fx.claims->items[d->claim_a].discrepant);
	assert_true(fx.claims->items[d->claim_b].discrepant);
	assert_false(fx.claims->items[fx.docs[0]->sentences[0].claim]
	    .discrepant);
	fx_free(&fx);
}

/* "7.7%" and "7.8 percent" count the same thing; "7.7 per cent" agrees. */
static void
test_percent(void **state)
{
	static const char *const x[] = {
		"The unemployment rate fell to 7.7% in November, the lowest "
		    "level in four years.",
		NULL,
	};
	static const char *const y[] = {
		"The unemployment rate fell to 7.8 percent in November, the "
		    "lowest level in four years.",
		NULL,
	};
	static const char *const z[] = {
		"The unemployment rate fell to 7.7 per cent in November, the "
		    "lowest level in four years.",
		NULL,
	};
	struct pair_fx fx;

	fx_link(&fx, x, y);
	assert_int_equal(fx.claims->ndiscrepancies, 1);
	assert_figure(fx.docs[0], fx.claims->discrepancies[0].a,
	    fx.claims->discrepancies[0].figure_a, "7.7");
	assert_figure(fx.docs[1], fx.claims->discrepancies[0].b,
	    fx.claims->discrepancies[0].figure_b, "7.8");
	fx_free(&fx);
	fx_link(&fx, x, z);
	assert_int_equal(fx.claims->ndiscrepancies, 0);
	assert_null(fx.claims->discrepancies);
	assert_int_equal(fx.docs[0]->sentences[0].claim,
	    fx.docs[1]->sentences[0].claim);
	fx_free(&fx);
}

/* The same unit in sentences that say other things is no discrepancy. */
static void
test_other_facts(void **state)
{
	static const char *const x[] = {
		"The earthquake killed 58 people in the coastal city of Velmar "
		    "on Sunday.",
		NULL,
	};
	static const char *const y[] = {
		"Floods in the northern province killed 300 people last "
		    "spring.",
		"The earthquake did not kill 59 people in the coastal city of "
		    "Velmar on Sunday.",
		NULL,
	};
	struct pair_fx fx;

	fx_link(&fx, x, y);
	assert_int_equal(fx.claims->ndiscrepancies, 0);
	fx_free(&fx);
}

/* Within one source two figures are a correction or another count, not a
 * discrepancy between outlets. */
static void
test_same_source(void **state)
{
	static const char *const x[] = {
		"The earthquake killed 58 people in the coastal city of Velmar "
		    "on Sunday.",
		"The earthquake killed 61 people in the coastal city of Velmar "
		    "on Sunday.",
		NULL,
	};
	static const char *const y[] = {
		"Aid convoys reached the port on Monday morning.",
		NULL,
	};
	struct pair_fx fx;

	fx_link(&fx, x, y);
	assert_int_equal(fx.claims->ndiscrepancies, 0);
	fx_free(&fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_toll),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_other_facts),
		cmocka_unit_test(test_same_source),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
