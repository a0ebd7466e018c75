#include "testlib.h"

#include "fold.h"
#include "matcher.h"

#define NONE ((size_t)-1)

/* Where Q is first found in TEXT from FROM, with its end checked. */
static void
assert_found(const char *text, const char *q, size_t from, size_t start,
    size_t end)
{
	size_t got_end = 0, got;

	got = fold_find(text, strlen(text), q, strlen(q), from, &got_end);
	assert_int_equal(got, start);
	if (start != NONE)
		assert_int_equal(got_end, end);
}

static void
test_ascii_case(void **state)
{
	assert_found("the nato summit", "NATO", 0, 4, 8);
	assert_found("The NATO summit", "nato summit", 0, 4, 15);
	assert_found("nato and NATO", "Nato", 1, 9, 13);
	assert_found("nato", "natos", 0, NONE, 0);
	assert_found("nato", "", 0, NONE, 0);
	assert_found("", "a", 0, NONE, 0);
}

/* A query typed with ASCII quotes and dashes finds the typographic ones. */
static void
test_quotes_and_dashes(void **state)
{
	assert_found("we don\xe2\x80\x99t know", "don't", 0, 3, 10);
	assert_found("a \xe2\x80\x9c" "free\xe2\x80\x9d vote", "\"free\"", 0, 2,
	    12);
	assert_found("the cease\xe2\x80\x93" "fire", "cease-fire", 0, 4, 16);
	assert_found("the cease-fire", "cease\xe2\x80\x94" "fire", 0, 4, 14);
}

static void
test_unicode_case(void **state)
{
	/* É and é, Σ and σ, ẞ and ß: simple case folding. */
	assert_found("l'\xc3\xa9t\xc3\xa9 dernier", "\xc3\x89T\xc3\x89", 0, 2,
	    7);
	assert_found("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91", "\xcf\x83",
	    0, 0, 2);
	assert_found("gro\xc3\x9f", "GRO\xe1\xba\x9e", 0, 0, 5);
	/* No simple folding joins İ and i, nor ß and ss. */
	assert_found("\xc4\xb0stanbul", "istanbul", 0, NONE, 0);
	assert_found("stra\xc3\x9f" "e", "strasse", 0, NONE, 0);
}

/* Hits start on a character, never inside one; bad bytes read as U+FFFD. */
static void
test_boundaries(void **state)
{
	assert_found("a\xc3\xa9\xc3\xa9", "\xc3\xa9", 2, 3, 5);
	assert_found("x\xffy", "\xef\xbf\xbdy", 0, 1, 3);
	assert_found("\xe2\x80", "'", 0, NONE, 0);
}

struct hit {
	size_t start, end;
	bool seen;
};

static void
on_match(void *arg, size_t phrase, size_t start, size_t end)
{
	struct hit *h = arg;

	(void)phrase;
	if (!h->seen) {
		h->start = start;
		h->end = end;
		h->seen = true;
	}
}

/* What a keyword finds, a search for the keyword finds at the same place. */
static void
test_agrees_with_matcher(void **state)
{
	static const char *const cases[][2] = {
		{ "Kyiv\xe2\x80\x99s allies", "kyiv's" },
		{ "\xe2\x80\x9cNO TROOPS\xe2\x80\x9d", "\"no troops\"" },
		{ "the \xc3\x89LYS\xc3\x89" "E said", "\xc3\xa9lys\xc3\xa9" "e" },
		{ "a non\xe2\x80\x91NATO force", "non-nato" },
		{ "\xe1\xba\x9e and more", "\xc3\x9f" },
	};
	struct matcher *m;
	struct matcher_scratch *s = matcher_scratch_new();
	struct hit h;
	size_t i, end, start;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		m = matcher_new();
		matcher_add(m, cases[i][1], strlen(cases[i][1]), MATCHER_FOLD);
		memset(&h, 0, sizeof h);
		matcher_find(m, s, cases[i][0], strlen(cases[i][0]), on_match,
		    &h);
		assert_true(h.seen);
		start = fold_find(cases[i][0], strlen(cases[i][0]),
		    cases[i][1], strlen(cases[i][1]), 0, &end);
		assert_int_equal(start, h.start);
		assert_int_equal(end, h.end);
		matcher_free(m);
	}
	matcher_scratch_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_case),
		cmocka_unit_test(test_quotes_and_dashes),
		cmocka_unit_test(test_unicode_case),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_agrees_with_matcher),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
