#include "testlib.h"

#include "words.h"

/* Splits TEXT and checks the folded forms, space-separated, against WANT. */
static void
assert_folds(const char *text, const char *want)
{
	struct words w = WORDS_INIT;
	struct strbuf got = STRBUF_INIT;
	size_t i;

	words_split(&w, text, strlen(text));
	strbuf_addstr(&got, "");
	for (i = 0; i < w.n; i++) {
		if (i != 0)
			strbuf_addch(&got, ' ');
		strbuf_addstr(&got, words_fold(&w, i));
		assert_int_equal(strlen(words_fold(&w, i)), w.items[i].foldlen);
	}
	assert_string_equal(got.data, want);
	strbuf_free(&got);
	words_free(&w);
}

static void
test_folding(void **state)
{
	assert_folds("The U.S. and the US said", "the us and the us said");
	assert_folds("Ukraine's pre-2014 borders", "ukraine pre 2014 borders");
	assert_folds("Ukraine’s non-NATO mission", "ukraine non nato mission");
	assert_folds("doesn't won’t", "doesn't won't");
	assert_folds("2% of GDP, 1,500 troops, 6.30 p.m.",
	    "2 percent of gdp 1,500 troops 6.30 p m");
	assert_folds("ÉLYSÉE Straße", "élysée straße");
	assert_folds("“Quoted,” he said — then: (bracketed)!",
	    "quoted he said then bracketed");
	assert_folds("", "");
	assert_folds(" — … ", "");
}

static void
test_spans_and_flags(void **state)
{
	const char *text = "Mr. Hegseth met NATO officials in U.S. bases.";
	struct words w = WORDS_INIT;

	words_split(&w, text, strlen(text));
	assert_int_equal(w.n, 8);
	assert_int_equal(w.items[1].start, 4);
	assert_int_equal(w.items[1].end, 11);
	assert_true(w.items[1].flags & WORD_CAPITAL);
	assert_false(w.items[1].flags & WORD_ACRONYM);
	assert_true(w.items[3].flags & WORD_ACRONYM);
	assert_false(w.items[4].flags & WORD_CAPITAL);
	/* "U.S." keeps its dots in the span, not in the folded form. */
	assert_string_equal(words_fold(&w, 6), "us");
	assert_int_equal(w.items[6].end - w.items[6].start, 4);
	assert_true(w.items[6].flags & WORD_ACRONYM);
	words_reset(&w);
	words_split(&w, "in 2014", 7);
	assert_int_equal(w.n, 2);
	assert_true(w.items[1].flags & WORD_NUMBER);
	words_free(&w);
}

static void
assert_american(const char *in, const char *want)
{
	char buf[64];
	size_t len = strlen(in);

	memcpy(buf, in, len + 1);
	words_american(buf, &len);
	assert_string_equal(buf, want);
	assert_int_equal(len, strlen(want));
}

static void
test_american(void **state)
{
	assert_american("recognising", "recognizing");
	assert_american("emphasised", "emphasized");
	assert_american("organisation", "organization");
	assert_american("defence", "defense");
	assert_american("favour", "favor");
	assert_american("rise", "rise");
	assert_american("wise", "wise");
	assert_american("nato", "nato");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_spans_and_flags),
		cmocka_unit_test(test_american),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
