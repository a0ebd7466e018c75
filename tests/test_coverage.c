#include "testlib.h"

#include "claims.h"
#include "coverage.h"
#include "fixture.h"
#include "taxonomy.h"

/* security > troops; energy; spending. */
static struct topic topics[] = {
	{ .id = "security", .label = "Security", .parent = TOPIC_NO_PARENT },
	{ .id = "troops", .label = "Troops", .parent = 0, .depth = 1 },
	{ .id = "energy", .label = "Energy", .parent = TOPIC_NO_PARENT },
	{ .id = "spending", .label = "Spending", .parent = TOPIC_NO_PARENT },
};
static struct taxonomy tax = { .path = "test.yaml", .version = 1,
    .topics = topics, .ntopics = 4 };

static const char *const a[] = {
	"[t1] Troops will stay in the northern valley until spring.",
	"[t0 t1] The garrison at Ostrin doubles, a security and troops story.",
	"[t2] Gas from the eastern pipeline is flowing again.",
	"[bp] Energy news: read more on our site.",
	NULL,
};
static const char *const b[] = {
	"[t1] Troops will stay in the northern valley until spring.",
	"[t2] Heating bills fell for farmers after the winter deal.",
	NULL,
};
static const char *const c[] = {
	"[t3] The budget sets aside more for the coast guard.",
	"[t2] Refinery workers at Velmar went on strike.",
	NULL,
};
static const char *const d[] = {
	"[t3] Parliament approved the new naval budget on Friday.",
	NULL,
};

struct fx {
	struct document *docs[4];
	struct claims *claims;
	struct coverage *cov;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	struct sentence *bp;

	fx->docs[0] = fixture_doc("a", NULL, a);
	fx->docs[1] = fixture_doc("b", NULL, b);
	fx->docs[2] = fixture_doc("c", NULL, c);
	fx->docs[3] = fixture_doc("d", NULL, d);
	/* Clutter may be tagged; it must still not count. */
	bp = &fx->docs[0]->sentences[3];
	bp->topics = xcalloc(1, sizeof *bp->topics);
	bp->topics[0] = 2;
	bp->ntopics = 1;
	fx->claims = claims_link(fx->docs, 4, &tax);
	fx->cov = coverage_build(fx->docs, 4, fx->claims, &tax);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	size_t i;

	coverage_free(fx->cov);
	claims_free(fx->claims);
	for (i = 0; i < 4; i++)
		fixture_free(fx->docs[i]);
	free(fx);
	return 0;
}

static void
test_matrix_rolls_up(void **state)
{
	struct fx *fx = *state;
	const struct coverage *cov = fx->cov;

	assert_int_equal(cov->ntopics, 4);
	assert_int_equal(cov->ndocs, 4);
	/* A sentence with a topic and its subtopic counts once for the
	 * parent; the subtopic's sentences count for the parent too. */
	assert_int_equal(coverage_count(cov, 0, 0), 2);
	assert_int_equal(coverage_count(cov, 1, 0), 2);
	assert_int_equal(coverage_count(cov, 0, 1), 1);
	/* Boilerplate never counts. */
	assert_int_equal(coverage_count(cov, 2, 0), 1);
	assert_int_equal(coverage_count(cov, 2, 3), 0);
	assert_int_equal(coverage_count(cov, 3, 2), 1);
	assert_int_equal(cov->nsources[0], 2);
	assert_int_equal(cov->nsources[2], 3);
	assert_int_equal(cov->nsources[3], 2);
}

static void
test_unique_claims(void **state)
{
	struct fx *fx = *state;
	const struct coverage *cov = fx->cov;
	size_t shared = fx->docs[0]->sentences[0].claim;

	assert_int_equal(fx->docs[1]->sentences[0].claim, shared);
	assert_int_equal(cov->sources[0].nclaims, 3);
	assert_int_equal(cov->sources[0].nshared, 1);
	assert_int_equal(cov->sources[0].nunique, 2);
	assert_int_equal(cov->sources[0].unique[0],
	    fx->docs[0]->sentences[1].claim);
	assert_int_equal(cov->sources[1].nunique, 1);
	assert_int_equal(cov->sources[3].nunique, 1);
	assert_int_equal(cov->sources[3].unique[0],
	    fx->docs[3]->sentences[0].claim);
}

static void
test_omissions(void **state)
{
	struct fx *fx = *state;
	const struct coverage *cov = fx->cov;

	/* d leaves out security (two others carry it) and energy (three);
	 * troops goes unsaid under its omitted parent. */
	assert_int_equal(cov->sources[3].nomitted, 2);
	assert_int_equal(cov->sources[3].omitted[0], 0);
	assert_int_equal(cov->sources[3].omitted[1], 2);
	assert_int_equal(cov->sources[2].nomitted, 1);
	assert_int_equal(cov->sources[2].omitted[0], 0);
	/* a and b leave out spending, which c and d both cover. */
	assert_int_equal(cov->sources[0].nomitted, 1);
	assert_int_equal(cov->sources[0].omitted[0], 3);
	assert_int_equal(cov->sources[1].nomitted, 1);
}

static void
test_omission_min(void **state)
{
	assert_int_equal(coverage_omission_min(1), 1);
	assert_int_equal(coverage_omission_min(2), 1);
	assert_int_equal(coverage_omission_min(3), 1);
	assert_int_equal(coverage_omission_min(5), 2);
	assert_int_equal(coverage_omission_min(6), 3);
}

static void
test_no_taxonomy(void **state)
{
	struct fx *fx = *state;
	struct coverage *cov = coverage_build(fx->docs, 4, fx->claims, NULL);

	assert_int_equal(cov->ntopics, 0);
	assert_int_equal(cov->sources[0].nunique, 2);
	assert_int_equal(cov->sources[0].nomitted, 0);
	coverage_free(cov);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix_rolls_up),
		cmocka_unit_test(test_unique_claims),
		cmocka_unit_test(test_omissions),
		cmocka_unit_test(test_omission_min),
		cmocka_unit_test(test_no_taxonomy),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
