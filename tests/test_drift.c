#include "testlib.h"

#include "claims.h"
#include "drift.h"
#include "fixture.h"

/* The whole of TEXT as one quote. */
static struct span
whole(const char *text)
{
	struct span sp = { 0, strlen(text) };

	return sp;
}

static void
assert_span(const char *text, struct span sp, const char *want)
{
	assert_int_equal(sp.end - sp.start, strlen(want));
	assert_memory_equal(text + sp.start, want, strlen(want));
}

static void
test_changed_words(void **state)
{
	const char *a = "Chasing this illusory aim will only prolong the "
	    "siege and cause more hunger";
	const char *b = "Pursuing this illusion will only prolong the siege "
	    "and cause more hunger";
	struct drift d;

	assert_true(drift_align(a, whole(a), b, whole(b), &d));
	assert_int_equal(d.nedits, 2);
	assert_int_equal(d.edits[0].kind, DRIFT_CHANGED);
	assert_span(a, d.edits[0].a, "Chasing");
	assert_span(b, d.edits[0].b, "Pursuing");
	assert_int_equal(d.edits[1].kind, DRIFT_CHANGED);
	assert_span(a, d.edits[1].a, "illusory aim");
	assert_span(b, d.edits[1].b, "illusion");
	assert_true(d.overlap > 0.8);
	free(d.edits);
}

static void
test_moved_words(void **state)
{
	const char *a = "The council does not believe that membership for "
	    "Karsk is a realistic outcome of the talks";
	const char *b = "The council does not believe that membership is a "
	    "realistic outcome of the talks for Karsk";
	struct drift d;

	assert_true(drift_align(a, whole(a), b, whole(b), &d));
	assert_int_equal(d.nedits, 1);
	assert_int_equal(d.edits[0].kind, DRIFT_MOVED);
	assert_span(a, d.edits[0].a, "for Karsk");
	assert_span(b, d.edits[0].b, "for Karsk");
	assert_true(d.edits[0].b.start > d.edits[0].a.start);
	free(d.edits);
}

static void
test_added_and_dropped(void **state)
{
	const char *a = "we will hold the line at the river and not one step "
	    "back";
	const char *b = "we will hold the line at the river, not one single "
	    "step back";
	struct drift d;

	assert_true(drift_align(a, whole(a), b, whole(b), &d));
	assert_int_equal(d.nedits, 2);
	assert_int_equal(d.edits[0].kind, DRIFT_ONLY_A);
	assert_span(a, d.edits[0].a, "and");
	assert_int_equal(d.edits[0].b.start, d.edits[0].b.end);
	assert_int_equal(d.edits[1].kind, DRIFT_ONLY_B);
	assert_span(b, d.edits[1].b, "single");
	free(d.edits);
}

/* A shorter quote of the same words is not drift; case and spelling
 * ("recognising", "recognizing") are not either. */
static void
test_same_words(void **state)
{
	const char *a = "But we must start by recognizing that the old "
	    "frontier is gone for good";
	const char *b = "we must start by recognising that the old frontier "
	    "is gone";
	struct drift d;

	assert_true(drift_align(a, whole(a), b, whole(b), &d));
	assert_int_equal(d.nedits, 0);
	free(d.edits);
}

static void
test_unrelated_quotes(void **state)
{
	const char *a = "the harvest came in early this year";
	const char *b = "no ship will dock at the port before spring";
	struct drift d;

	assert_false(drift_align(a, whole(a), b, whole(b), &d));
	assert_null(d.edits);
	/* Two words in common are not enough to call it the same quote. */
	a = "peace now";
	b = "peace now";
	assert_false(drift_align(a, whole(a), b, whole(b), &d));
}

/* Contractions are their words: none of these is a dropped word. */
static void
test_contractions(void **state)
{
	static const char *const pairs[][2] = {
		{ "It is not a peace treaty and we do not want one",
		    "it\xe2\x80\x99s not a peace treaty and we don't want one" },
		{ "I can't accept it and I won't sign it, they're wrong",
		    "I cannot accept it and I will not sign it, they are wrong" },
		{ "Let's say that it's over and we'll go home",
		    "let us say that it is over and we will go home" },
	};
	struct drift d;
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		assert_true(drift_align(pairs[i][0], whole(pairs[i][0]),
		    pairs[i][1], whole(pairs[i][1]), &d));
		assert_int_equal(d.nedits, 0);
		free(d.edits);
	}
	/* A possessive stays a name: "Obama's" is not "Obama is". */
	{
		const char *a = "we will not forget Obama's words on the day";
		const char *b = "we will not forget Obama is on the day";

		assert_true(drift_align(a, whole(a), b, whole(b), &d));
		assert_int_equal(d.nedits, 1);
		assert_int_equal(d.edits[0].kind, DRIFT_CHANGED);
		free(d.edits);
	}
}

/*
 * Two speakers' sentences that share words here and there are other
 * quotes, not one quote drifted: no run of DRIFT_MIN_RUN words in common.
 */
static void
test_other_speakers(void **state)
{
	const char *a = "He risked his life to stop a tyrant and to bring "
	    "freedom to his people";
	const char *b = "He risked his own life to lend a hand to the people "
	    "of that country";
	struct drift d;

	assert_false(drift_align(a, whole(a), b, whole(b), &d));
	assert_null(d.edits);
}

/* Only the quoted span is aligned, and spans are offsets into the text. */
static void
test_spans_inside_sentence(void **state)
{
	const char *a = "He said: “the bridge will reopen in May,” to cheers.";
	const char *b = "“The bridge will reopen in June,” the mayor said.";
	const char *qa = strstr(a, "the bridge"), *qb = strstr(b, "The bridge");
	struct span sa = { (size_t)(qa - a), (size_t)(strstr(a, ",”") - a) };
	struct span sb = { (size_t)(qb - b), (size_t)(strstr(b, ",”") - b) };
	struct drift d;

	assert_true(drift_align(a, sa, b, sb, &d));
	assert_int_equal(d.nedits, 1);
	assert_span(a, d.edits[0].a, "May");
	assert_span(b, d.edits[0].b, "June");
	free(d.edits);
}

/* Within a claim: quotes pair across sources, never within one. */
static void
test_find_in_claim(void **state)
{
	static const char *const x[] = {
		"\"The ceasefire along the river must hold,\" the envoy said.",
		"The envoy repeated: \"the ceasefire on the river must hold.\"",
		NULL,
	};
	static const char *const y[] = {
		"\"The ceasefire along the river must hold for good,\" she said.",
		NULL,
	};
	struct document *docs[2];
	struct claim_ref refs[3] = {
	    { 0, 0, 0, 0 }, { 0, 1, 0, 0 }, { 1, 0, 0, 0 } };
	struct drift *drifts;
	size_t n;

	docs[0] = fixture_doc("x", NULL, x);
	docs[1] = fixture_doc("y", NULL, y);
	n = drift_find(docs, refs, 3, &drifts);
	assert_int_equal(n, 1);
	assert_int_equal(drifts[0].doc_a, 0);
	assert_int_equal(drifts[0].sentence_a, 0);
	assert_int_equal(drifts[0].doc_b, 1);
	assert_int_equal(drifts[0].sentence_b, 0);
	assert_int_equal(drifts[0].nedits, 0);
	drift_free(drifts, n);
	fixture_free(docs[0]);
	fixture_free(docs[1]);
}

/* The linker fills each claim's drift for the UI. */
static void
test_claims_carry_drift(void **state)
{
	static const char *const x[] = {
		"The talks opened in Velmar with six delegations.",
		"\"Chasing this illusory aim will only prolong the siege,\" the "
		    "envoy said.",
		NULL,
	};
	static const char *const y[] = {
		"Delegations from several nations met in Velmar.",
		"\"Pursuing this illusion will only prolong the siege,\" the "
		    "envoy warned.",
		NULL,
	};
	struct document *docs[2];
	struct claims *claims;
	const struct claim *cl;

	docs[0] = fixture_doc("x", NULL, x);
	docs[1] = fixture_doc("y", NULL, y);
	claims = claims_link(docs, 2, NULL);
	cl = &claims->items[docs[0]->sentences[1].claim];
	assert_int_equal(cl->ndocs, 2);
	assert_int_equal(cl->ndrifts, 1);
	assert_int_equal(cl->drifts[0].nedits, 2);
	assert_span(docs[1]->sentences[1].text, cl->drifts[0].edits[1].b,
	    "illusion");
	claims_free(claims);
	fixture_free(docs[0]);
	fixture_free(docs[1]);
}

/* What the UI highlights in each sentence of a claim. */
static void
test_spans_per_sentence(void **state)
{
	static const char *const x[] = {
		"\"Chasing this illusory aim will only prolong the siege,\" he "
		    "said.",
		NULL,
	};
	static const char *const y[] = {
		"\"Pursuing this illusion will only prolong the siege,\" he said.",
		NULL,
	};
	static const char *const z[] = {
		"\"Chasing this illusory goal will only prolong the siege,\" he "
		    "said.",
		NULL,
	};
	struct document *docs[3];
	struct claim_ref refs[3] = {
	    { 0, 0, 0, 0 }, { 1, 0, 0, 0 }, { 2, 0, 0, 0 } };
	struct drift *drifts;
	struct span *spans;
	size_t n, ns;

	docs[0] = fixture_doc("x", NULL, x);
	docs[1] = fixture_doc("y", NULL, y);
	docs[2] = fixture_doc("z", NULL, z);
	n = drift_find(docs, refs, 3, &drifts);
	assert_int_equal(n, 2);
	/* x is compared with y and with z: its spans from both, merged. */
	ns = drift_spans(drifts, n, 0, 0, &spans);
	assert_int_equal(ns, 2);
	assert_span(x[0], spans[0], "Chasing");
	assert_span(x[0], spans[1], "illusory aim");
	free(spans);
	ns = drift_spans(drifts, n, 2, 0, &spans);
	assert_int_equal(ns, 1);
	assert_span(z[0], spans[0], "goal");
	free(spans);
	assert_int_equal(drift_spans(drifts, n, 1, 5, &spans), 0);
	assert_null(spans);
	drift_free(drifts, n);
	fixture_free(docs[0]);
	fixture_free(docs[1]);
	fixture_free(docs[2]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changed_words),
		cmocka_unit_test(test_moved_words),
		cmocka_unit_test(test_added_and_dropped),
		cmocka_unit_test(test_same_words),
		cmocka_unit_test(test_unrelated_quotes),
		cmocka_unit_test(test_contractions),
		cmocka_unit_test(test_other_speakers),
		cmocka_unit_test(test_spans_inside_sentence),
		cmocka_unit_test(test_find_in_claim),
		cmocka_unit_test(test_claims_carry_drift),
		cmocka_unit_test(test_spans_per_sentence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
