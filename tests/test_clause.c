#include "testlib.h"

#include "clause.h"
#include "words.h"

/*
 * Reads TEXT and checks its words against WANT, each framing word in
 * braces ("{said}"), and whether it names a speaker and which: SPEAKER is
 * the word whose hash the speaker must be, or NULL for none.
 */
static void
assert_roles(const char *text, const char *want, const char *speaker)
{
	struct words w = WORDS_INIT, s = WORDS_INIT;
	struct strbuf got = STRBUF_INIT;
	unsigned char role[64];
	uint32_t who, alone;
	size_t i;

	words_split(&w, text, strlen(text));
	assert_true(w.n <= sizeof role);
	who = clause_roles(text, &w, role);
	for (i = 0; i < w.n; i++) {
		if (i != 0)
			strbuf_addch(&got, ' ');
		strbuf_addstr(&got, role[i] & CLAUSE_SIDE ? "{" : "");
		strbuf_addstr(&got, words_fold(&w, i));
		strbuf_addstr(&got, role[i] & CLAUSE_SIDE ? "}" : "");
	}
	assert_string_equal(got.data, want);
	if (speaker == NULL)
		assert_int_equal(who, 0);
	else {
		/* The same name said alone gives the same speaker. */
		strbuf_reset(&got);
		strbuf_addf(&got, "%s said.", speaker);
		words_split(&s, got.data, got.len);
		alone = clause_roles(got.data, &s, role);
		assert_int_not_equal(who, 0);
		assert_true(who <= CLAUSE_SPEAKER_MASK);
		assert_int_equal(who, alone);
	}
	strbuf_free(&got);
	words_free(&w);
	words_free(&s);
}

static void
test_attribution(void **state)
{
	(void)state;
	assert_roles("\"The talks are dead,\" Trump said at a rally.",
	    "the talks are dead {trump} {said} {at} {a} {rally}", "Trump");
	assert_roles("Neal said in a statement that he would consult counsel.",
	    "{neal} {said} {in} {a} {statement} {that} he would consult counsel",
	    "Neal");
	assert_roles("Inflation rose, according to the Labor Department.",
	    "inflation rose {according} {to} {the} {labor} {department}",
	    "Department");
	assert_roles("\"It is low,\" said Andrew Light, a senior fellow.",
	    "it is low {said} {andrew} {light} {a} {senior} {fellow}", "Light");
	assert_roles("That gave him no choice, he said.",
	    "that gave him no choice {he} {said}", NULL);
	assert_roles("The unemployment rate fell to 3.9 percent.",
	    "the unemployment rate fell to 3.9 percent", NULL);
	/* Adding a figure is not saying. */
	assert_roles("Restaurants and bars added 38,000 jobs.",
	    "restaurants and bars added 38,000 jobs", NULL);
	assert_roles("The economy added more than 300,000 jobs.",
	    "the economy added more than 300,000 jobs", NULL);
	assert_roles("\"It is over,\" Neal added.",
	    "it is over {neal} {added}", "Neal");
}

static void
test_side_clauses(void **state)
{
	(void)state;
	assert_roles("The House passed the bill, which extends tax cuts.",
	    "the house passed the bill {which} {extends} {tax} {cuts}", NULL);
	assert_roles("After the vote, the House adjourned.",
	    "{after} {the} {vote} the house adjourned", NULL);
	assert_roles("The IRS missed the deadline, setting up a court fight.",
	    "the irs missed the deadline {setting} {up} {a} {court} {fight}",
	    NULL);
	/* A capitalised connective is no name with an apposition. */
	assert_roles("Meanwhile, the jobless rate rose to 3.9 percent.",
	    "meanwhile the jobless rate rose to 3.9 percent", NULL);
	assert_roles("The letter (dated Monday) reached Neal.",
	    "the letter {dated} {monday} reached neal", NULL);
	assert_roles("The bill \xe2\x80\x94 a compromise \xe2\x80\x94 passed.",
	    "the bill {a} {compromise} passed", NULL);
	/* Without a comma: a relative whose verb follows at once, and a
	 * subordinate clause after the chunk's own verb, say which one and
	 * when; a relative before the verb is the subject's, and "since"
	 * before a verb is an adverb. */
	assert_roles("Salman was charged over the massacre that left 49 dead.",
	    "salman was charged over the massacre {that} {left} {49} {dead}",
	    NULL);
	assert_roles("The man who shot them was arrested on Friday.",
	    "the man who shot them was arrested on friday", NULL);
	assert_roles("Aides played the video for a week after assailants killed "
	    "him.", "aides played the video for a week {after} {assailants} "
	    "{killed} {him}", NULL);
	assert_roles("The tweet has since been deleted.",
	    "the tweet has since been deleted", NULL);
	assert_roles("He resigned after the vote.",
	    "he resigned after the vote", NULL);
	/* A relative that ends its chunk goes on after the comma, to the
	 * end of the chunk that holds its verb. */
	assert_roles("His tweet answered lawmakers who, in a secret vote "
	    "Monday, decided to weaken the office.",
	    "his tweet answered lawmakers {who} {in} {a} {secret} {vote} "
	    "{monday} {decided} {to} {weaken} {the} {office}", NULL);
	assert_roles("The bill, which, if passed, would raise taxes.",
	    "the bill {which} {if} {passed} would raise taxes", NULL);
	/* A condition is not framing: it says when the fact holds. */
	assert_roles("If they act, they have two days.",
	    "if they act they have two days", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attribution),
		cmocka_unit_test(test_side_clauses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
