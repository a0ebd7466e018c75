#include "testlib.h"

#include "claims.h"
#include "fixture.h"
#include "unit.h"
#include "words.h"

/*
 * Cuts TEXT (no quotations) into units and checks them against WANT, the
 * units' words joined by " | ".
 */
static void
assert_units(const char *text, const char *want)
{
	struct words w = WORDS_INIT;
	struct strbuf got = STRBUF_INIT;
	struct unit unit[UNIT_MAX];
	unsigned char role[96];
	size_t i, k, n;

	words_split(&w, text, strlen(text));
	assert_true(w.n <= sizeof role);
	n = unit_cut(text, &w, NULL, 0, role, unit);
	for (k = 0; k < n; k++) {
		if (k != 0)
			strbuf_addstr(&got, " |");
		for (i = unit[k].from; i < unit[k].to; i++) {
			if (k != 0 || i != unit[k].from)
				strbuf_addch(&got, ' ');
			strbuf_addstr(&got, words_fold(&w, i));
		}
	}
	assert_string_equal(got.data, want);
	strbuf_free(&got);
	words_free(&w);
}

static void
test_two_facts_are_cut(void **state)
{
	(void)state;
	/* A second clause with its own subject, after a comma. */
	assert_units("The harbour reopened to barges in March, and the ferry "
	    "union won a raise for its crews.",
	    "the harbour reopened to barges in march | the ferry union won "
	    "a raise for its crews");
	/* A semicolon between two clauses. */
	assert_units("The minister resigned on Monday; her deputy was sworn "
	    "in the next day.",
	    "the minister resigned on monday | her deputy was sworn in the "
	    "next day");
	/* A second predicate of the same subject. */
	assert_units("The envoy has denied the report, and at first refused "
	    "to meet the prosecutors.",
	    "the envoy has denied the report | at first refused to meet the "
	    "prosecutors");
	assert_units("The council approved the harbour budget and rejected "
	    "the tunnel plan after a long debate.",
	    "the council approved the harbour budget | rejected the tunnel "
	    "plan after a long debate");
	/* A second thing said, with its own "that", comma or not. */
	assert_units("The envoy said that the harbour would reopen in March, "
	    "and that the ferry union had won a raise.",
	    "the envoy said that the harbour would reopen in march | that "
	    "the ferry union had won a raise");
	assert_units("The minister says that the report is nearly 400 pages "
	    "long and that everyone will soon be able to read it.",
	    "the minister says that the report is nearly 400 pages long | "
	    "that everyone will soon be able to read it");
	/* The first thing said as a clause of its own, with no "that". */
	assert_units("The governor said she would choose from six or seven "
	    "people and that the vetting will be getting started soon.",
	    "the governor said she would choose from six or seven people | "
	    "that the vetting will be getting started soon");
}

static void
test_one_fact_is_not_cut(void **state)
{
	(void)state;
	/* A list, not two clauses. */
	assert_units("The storm closed schools in Velmar, Ostra, and Dunmore "
	    "on Friday.",
	    "the storm closed schools in velmar ostra and dunmore on friday");
	assert_units("Tariffs on steel, aluminum, and Chinese goods would "
	    "cut growth by a point.",
	    "tariffs on steel aluminum and chinese goods would cut growth by "
	    "a point");
	/* Two nouns, no second verb. */
	assert_units("The mayor thanked the firefighters and the volunteers "
	    "who came from the north.",
	    "the mayor thanked the firefighters and the volunteers who came "
	    "from the north");
	/* A second verb of a clause inside another is that clause's. */
	assert_units("The minister said it was unwise to aim for the old "
	    "border, when Velmar annexed the coast and armed the rebels who "
	    "took the north.",
	    "the minister said it was unwise to aim for the old border when "
	    "velmar annexed the coast and armed the rebels who took the "
	    "north");
	/* So is one of a subordinate clause opened without a comma after
	 * the verb (clause.h). */
	assert_units("The envoy visited the harbour after he greeted the "
	    "crowd at the memorial and met the survivors of the fire.",
	    "the envoy visited the harbour after he greeted the crowd at the "
	    "memorial and met the survivors of the fire");
	/* A side clause stays in its unit. */
	assert_units("The harbour, which reopened in March and handled more "
	    "barges, is busy again.",
	    "the harbour which reopened in march and handled more barges is "
	    "busy again");
	/* "and that" of no second thing said: a noun's "that". */
	assert_units("The mayor thanked the volunteers and that fire brigade "
	    "which came from the north.",
	    "the mayor thanked the volunteers and that fire brigade which "
	    "came from the north");
	/* A list of things said is a list. */
	assert_units("The minister said that the port was closed, that the "
	    "ferry was late and that the crews were paid.",
	    "the minister said that the port was closed that the ferry was "
	    "late and that the crews were paid");
	/* Too short a clause to stand alone. */
	assert_units("The talks failed, and we left at once.",
	    "the talks failed and we left at once");
}

/* A sentence of two facts: each of its units joins the claim its fact
 * makes in another source, and the sentence carries the first shared. */
static void
test_units_link_apart(void **state)
{
	static const char *const a[] = {
		"The dam on the Irsa river will reopen to barges in March, and "
		    "the ferry union won 4.5 percent for its crews.",
		"Officials spent the morning on procedure and seating.",
		NULL,
	};
	static const char *const b[] = {
		"Barges will use the Irsa river dam again when it reopens in "
		    "March after a long closure.",
		"Customs checks at the northern crossing were suspended.",
		NULL,
	};
	static const char *const c[] = {
		"The ferry union won a 4.5 percent raise for its crews.",
		"Delegations from six countries arrived in Velmar.",
		NULL,
	};
	struct document *docs[3];
	struct claims *claims;
	const struct claim_unit *unit;
	const struct claim *cl;
	size_t n, i;

	(void)state;
	docs[0] = fixture_doc("a", NULL, a);
	docs[1] = fixture_doc("b", NULL, b);
	docs[2] = fixture_doc("c", NULL, c);
	claims = claims_link(docs, 3, NULL);
	unit = claims_units(claims, 0, 0, &n);
	assert_int_equal(n, 2);
	assert_int_equal(unit[0].claim, fixture_claim(docs[1], "dam"));
	assert_int_equal(unit[1].claim, fixture_claim(docs[2], "ferry"));
	assert_int_equal(fixture_claim(docs[0], "dam"), unit[0].claim);
	/* Each claim holds the unit, not the whole sentence. */
	cl = &claims->items[unit[1].claim];
	assert_int_equal(cl->ndocs, 2);
	for (i = 0; i < cl->nrefs && cl->refs[i].doc != 0; i++)
		continue;
	assert_true(i < cl->nrefs);
	assert_int_equal(cl->refs[i].start, unit[1].ref.start);
	assert_int_equal(cl->refs[i].end, docs[0]->sentences[0].len);
	assert_memory_equal(docs[0]->sentences[0].text + cl->refs[i].start,
	    "the ferry union", 15);
	claims_units(claims, 1, 0, &n);
	assert_int_equal(n, 0);
	claims_free(claims);
	for (i = 0; i < 3; i++)
		fixture_free(docs[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_facts_are_cut),
		cmocka_unit_test(test_one_fact_is_not_cut),
		cmocka_unit_test(test_units_link_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
