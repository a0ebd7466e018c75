/* listpos: the scrolling every list of the reader shares, without curses. */
#include "config.h"

#include "testlib.h"

#include "../ui/listpos.h"

static void
test_clamp(void **state)
{
	struct listpos p = { 0, 30 };

	(void)state;
	/* The selection past the end comes back to the last row, in view. */
	listpos_clamp(&p, 20, 5);
	assert_int_equal(p.sel, 19);
	assert_int_equal(p.top, 15);
	/* Above the view: the view comes up to it. */
	p.sel = 3;
	listpos_clamp(&p, 20, 5);
	assert_int_equal(p.top, 3);
	/* A list shorter than the window starts at its top. */
	p = (struct listpos){ 7, 2 };
	listpos_clamp(&p, 4, 10);
	assert_int_equal(p.top, 0);
	assert_int_equal(p.sel, 2);
	/* An empty list. */
	p = (struct listpos){ 7, 9 };
	listpos_clamp(&p, 0, 10);
	assert_int_equal(p.top, 0);
	assert_int_equal(p.sel, 0);
	/* A window of no height still shows the selection. */
	p = (struct listpos){ 0, 6 };
	listpos_clamp(&p, 10, 0);
	assert_int_equal(p.top, 6);
}

static void
test_scroll(void **state)
{
	struct listpos p = { 0, 2 };

	(void)state;
	listpos_scroll(&p, 100, 10, 25);
	assert_int_equal(p.top, 25);
	assert_int_equal(p.sel, 2);	/* scrolling leaves the selection */
	listpos_scroll(&p, 100, 10, 1000);
	assert_int_equal(p.top, 90);
	listpos_scroll(&p, 100, 10, -1000);
	assert_int_equal(p.top, 0);
	listpos_scroll(&p, 5, 10, 3);
	assert_int_equal(p.top, 0);
}

static void
test_move(void **state)
{
	struct listpos p = { 0, 0 };

	(void)state;
	listpos_move(&p, 50, 10, 12);
	assert_int_equal(p.sel, 12);
	assert_int_equal(p.top, 3);
	listpos_move(&p, 50, 10, 100);
	assert_int_equal(p.sel, 49);
	assert_int_equal(p.top, 40);
	listpos_move(&p, 50, 10, -5);
	assert_int_equal(p.sel, 44);
	assert_int_equal(p.top, 40);
	listpos_move(&p, 50, 10, -1000);
	assert_int_equal(p.sel, 0);
	assert_int_equal(p.top, 0);
	listpos_move(&p, 0, 10, 3);
	assert_int_equal(p.sel, 0);
}

static void
test_show(void **state)
{
	struct listpos p = { 0, 0 };

	(void)state;
	/* Rows below the view: the least scroll that shows their end. */
	listpos_show(&p, 100, 10, 20, 22);
	assert_int_equal(p.top, 13);
	/* Already in view: no scroll. */
	listpos_show(&p, 100, 10, 15, 16);
	assert_int_equal(p.top, 13);
	/* Above: their start at the top. */
	listpos_show(&p, 100, 10, 4, 5);
	assert_int_equal(p.top, 4);
	/* Taller than the view: their start. */
	listpos_show(&p, 100, 10, 30, 55);
	assert_int_equal(p.top, 30);
	/* Near the end the view stays full. */
	listpos_show(&p, 100, 10, 98, 99);
	assert_int_equal(p.top, 90);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clamp),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_show),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
