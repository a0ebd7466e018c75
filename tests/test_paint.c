/*
 * paint: wrapping and clipping by display width.  CJK and emoji take two
 * columns, combining marks none, and a run of white space shows as one.
 */
#include "config.h"

#include "testlib.h"

#include "../ui/paint.h"

/* The lines of S wrapped to WIDTH, joined with '|'. */
static char *
wrap(const char *s, int width)
{
	static char out[1024];
	size_t pos = 0, start, end, n = 0, len = strlen(s);

	out[0] = '\0';
	while (paint_wrap_line(s, len, &pos, width, &start, &end)) {
		if (n != 0)
			strcat(out, "|");
		strncat(out, s + start, end - start);
		n++;
	}
	return out;
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(paint_width("abc", 3), 3);
	assert_int_equal(paint_width("東京都", strlen("東京都")), 6);
	assert_int_equal(paint_width("🎉", strlen("🎉")), 2);
	/* e + COMBINING ACUTE ACCENT is one column. */
	assert_int_equal(paint_width("cafe\xcc\x81", 6), 4);
	/* White space runs count once, as they are drawn. */
	assert_int_equal(paint_width("a  \t b", 6), 3);
}

static void
test_fit(void **state)
{
	(void)state;
	/* Two CJK characters fit in five columns, not three. */
	assert_int_equal(paint_fit("東京都", strlen("東京都"), 5), 6);
	assert_int_equal(paint_fit("東京都", strlen("東京都"), 6), 9);
	/* A combining mark stays with its letter. */
	assert_int_equal(paint_fit("e\xcc\x81x", 4, 1), 3);
	assert_int_equal(paint_fit("abc", 3, 0), 0);
}

static void
test_wrap(void **state)
{
	(void)state;
	assert_string_equal(wrap("aaa bbb ccc", 7), "aaa bbb|ccc");
	assert_string_equal(wrap("aaa bbb ccc", 11), "aaa bbb ccc");
	assert_string_equal(wrap("  aaa   bbb  ", 3), "aaa|bbb");
	/* A word wider than the line is cut, never lost. */
	assert_string_equal(wrap("abcdefghij", 4), "abcd|efgh|ij");
	/* Text without spaces wraps by columns: two CJK characters per 5. */
	assert_string_equal(wrap("日本語の文章", 5), "日本|語の|文章");
	assert_string_equal(wrap("the 協定書 was", 8), "the|協定書|was");
	assert_string_equal(wrap("", 8), "");
	/* A width below one still advances. */
	assert_string_equal(wrap("ab", 0), "a|b");
}

static void
test_next_word(void **state)
{
	const char *s = " one\ttwo  ";
	size_t pos = 0, start, end;

	(void)state;
	assert_int_equal(paint_next_word(s, strlen(s), &pos, &start, &end), 3);
	assert_int_equal(start, 1);
	assert_int_equal(end, 4);
	assert_int_equal(paint_next_word(s, strlen(s), &pos, &start, &end), 3);
	assert_int_equal(start, 5);
	assert_int_equal(paint_next_word(s, strlen(s), &pos, &start, &end), -1);
}

/* Outlet names abbreviated by words for the matrix's columns. */
static void
test_abbrev(void **state)
{
	static const struct {
		const char *name;
		int maxw;
		const char *want;
	} cases[] = {
		{ "Washington Post", 20, "Washington Post" },
		{ "Washington Post", 9, "Wash Post" },
		{ "The Harbour Ledger", 18, "The Harbour Ledger" },
		{ "The Harbour Ledger", 14, "Harbour Ledger" },
		{ "The Harbour Ledger", 9, "Harb Ledg" },
		{ "Norvalia Press Agency", 5, "N P A" },
		{ "Norvalia Press Agency", 3, "NPA" },
		{ "Norvalia Press Agency", 2, "NP" },
		{ "Zürich Zeitung", 7, "Zür Zei" },
		{ "NewsHeap", 5, "NewsH" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(paint_abbrev(cases[i].name, cases[i].maxw, buf,
		    sizeof buf), cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_abbrev),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_next_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
