#include "testlib.h"

#include "featlist.h"

#define FEAT(id, roles) ((uint32_t)(id) << FEATLIST_ROLE_BITS | (roles))

/* A block of N features, ids ascending from FIRST by STEP, roles cycling
 * through every value. */
static void
block(uint32_t *out, uint32_t n, uint32_t first, uint32_t step)
{
	uint32_t k;

	for (k = 0; k < n; k++)
		out[k] = FEAT(first + k * step, (k * 7 + first) % 4);
}

static void
assert_block(const struct featlist *fl, uint32_t start, const uint32_t *want,
    uint32_t n)
{
	uint32_t got[40], k;

	featlist_read(fl, start, n, got);
	for (k = 0; k < n; k++) {
		assert_int_equal(got[k], want[k]);
		assert_int_equal(featlist_id(fl, start, k),
		    want[k] >> FEATLIST_ROLE_BITS);
		assert_int_equal(featlist_roles(fl, start, n, k),
		    want[k] & FEATLIST_ROLES);
	}
}

/*
 * Blocks of every length around the roles' words (8 to a 16-bit word, 16
 * to a 32-bit one) read back as written, beside each other, in both
 * widths; a block rewritten shorter in place ends the list after it.
 */
static void
test_blocks(void **state)
{
	uint32_t feats[40][40], start[40], n, w;
	struct featlist fl;

	(void)state;
	for (w = 0; w < 2; w++) {
		fl = (struct featlist)FEATLIST_INIT;
		fl.wide = w == 1;
		for (n = 0; n < 40; n++) {
			block(feats[n], n, w == 1 ? 70000 + n : n, 3);
			start[n] = featlist_add(&fl, feats[n], n);
		}
		for (n = 0; n < 40; n++)
			assert_block(&fl, start[n], feats[n], n);
		featlist_put(&fl, start[39], feats[17], 17);
		assert_int_equal(fl.n, start[39] + featlist_words(&fl, 17));
		assert_block(&fl, start[39], feats[17], 17);
		assert_block(&fl, start[38], feats[38], 38);
		featlist_trim(&fl);
		assert_block(&fl, start[39], feats[17], 17);
		featlist_free(&fl);
	}
}

/* Ids past 16 bits need a wide list; a new id set keeps the roles. */
static void
test_fits_and_set(void **state)
{
	struct featlist fl = FEATLIST_INIT, wide = FEATLIST_WIDE;
	uint32_t feats[3] = { FEAT(5, 1), FEAT(9, 2), FEAT(65535, 3) };
	uint32_t start;

	(void)state;
	assert_true(featlist_fits(&fl, UINT16_MAX));
	assert_false(featlist_fits(&fl, UINT16_MAX + 1));
	assert_true(featlist_fits(&wide, UINT16_MAX + 1));
	start = featlist_add(&fl, feats, 3);
	featlist_set_id(&fl, start, 1, 7);
	assert_int_equal(featlist_id(&fl, start, 1), 7);
	assert_int_equal(featlist_roles(&fl, start, 3, 1), 2);
	feats[1] = FEAT(7, 2);
	assert_block(&fl, start, feats, 3);
	featlist_free(&fl);
	featlist_free(&wide);
}

/* The common ids of two blocks, whatever their roles, in both widths:
 * 32-bit ids that agree in their low 16 bits only are not common. */
static void
test_common(void **state)
{
	const uint32_t a[] = { FEAT(1, 0), FEAT(3, 1), FEAT(4, 0),
		FEAT(0x10002, 2), FEAT(0x30005, 3) };
	const uint32_t b[] = { FEAT(2, 0), FEAT(3, 2), FEAT(0x10001, 1),
		FEAT(0x10004, 0), FEAT(0x30005, 0) };
	uint32_t ia[8], ib[8], i, j, sa, sb;
	struct featlist wide = FEATLIST_WIDE, fl = FEATLIST_INIT;

	(void)state;
	sa = featlist_add(&wide, a, 5);
	sb = featlist_add(&wide, b, 5);
	i = j = 0;
	assert_int_equal(featlist_common(&wide, sa, 5, &i, sb, 5, &j, ia, ib,
	    8), 2);
	assert_int_equal(ia[0], 1);
	assert_int_equal(ib[0], 1);
	assert_int_equal(ia[1], 4);
	assert_int_equal(ib[1], 4);
	sa = featlist_add(&fl, a, 3);
	sb = featlist_add(&fl, b, 2);
	i = j = 0;
	assert_int_equal(featlist_common(&fl, sa, 3, &i, sb, 2, &j, ia, ib,
	    8), 1);
	assert_int_equal(ia[0], 1);
	assert_int_equal(ib[0], 1);
	featlist_free(&wide);
	featlist_free(&fl);
}

/*
 * A marked block gives each of its ids' roles + 1 and 0 for any other id;
 * marking another block clears the first's marks, an empty block among
 * them, even one that starts where the next block does.
 */
static void
test_marks(void **state)
{
	const uint32_t a[] = { FEAT(1, 0), FEAT(3, 1), FEAT(9, 3) };
	const uint32_t b[] = { FEAT(2, 2), FEAT(3, 0) };
	struct featlist_marks m = FEATLIST_MARKS_INIT;
	struct featlist fl = FEATLIST_INIT;
	uint32_t sa, se, sb, id;

	(void)state;
	sa = featlist_add(&fl, a, 3);
	se = featlist_add(&fl, a, 0);
	sb = featlist_add(&fl, b, 2);
	assert_int_equal(se, sb);
	featlist_mark(&m, &fl, sa, 3, 10);
	assert_int_equal(featlist_marked(&m, 1), 1);
	assert_int_equal(featlist_marked(&m, 3), 2);
	assert_int_equal(featlist_marked(&m, 9), 4);
	assert_int_equal(featlist_marked(&m, 2), 0);
	featlist_mark(&m, &fl, se, 0, 10);
	for (id = 0; id < 10; id++)
		assert_int_equal(featlist_marked(&m, id), 0);
	featlist_mark(&m, &fl, sb, 2, 10);
	assert_int_equal(featlist_marked(&m, 2), 3);
	assert_int_equal(featlist_marked(&m, 3), 1);
	assert_int_equal(featlist_marked(&m, 1), 0);
	assert_int_equal(featlist_marked(&m, 9), 0);
	featlist_mark(&m, &fl, sb, 2, 10);
	assert_int_equal(featlist_marked(&m, 2), 3);
	featlist_marks_free(&m);
	featlist_free(&fl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_fits_and_set),
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
