#include "testlib.h"

#include <stdlib.h>

#include "intersection.h"
#include "lcg.h"

/* N distinct ascending keys from a range of SPREAD, past 16 bits when
 * WIDE. */
static void
keys(struct lcg *r, uint32_t *out, uint32_t n, uint32_t spread, bool wide)
{
	uint32_t k = wide ? 1u << 20 : 0, i;

	for (i = 0; i < n; i++) {
		k += 1 + lcg_next(r) % spread;
		out[i] = k;
	}
}

/*
 * Every pair of positions a one-at-a-time merge finds, in its order, for
 * arrays of every length up to 40 (blocks and tails), keys sparse and
 * dense, of 32 bits and of 16, and rooms from the least to more than any
 * answer: the callers sum floating-point weights in this order.
 */
static void
test_as_a_merge(void **state)
{
	struct lcg r = { 7 };
	uint32_t a[40], b[40], ia[64], ib[64], want_a[40], want_b[40];
	uint16_t a16[40], b16[40];
	uint32_t na, nb, spread, i, j, x, y, n, got, round;
	bool narrow;
	size_t room, k;

	(void)state;
	for (round = 0; round < 4000; round++) {
		na = lcg_next(&r) % 41;
		nb = lcg_next(&r) % 41;
		spread = 1 + lcg_next(&r) % 6;
		narrow = round % 2 == 1;
		keys(&r, a, na, spread, !narrow);
		keys(&r, b, nb, spread, !narrow);
		for (i = 0; i < 40; i++) {
			a16[i] = (uint16_t)a[i];
			b16[i] = (uint16_t)b[i];
		}
		for (i = j = n = 0; i < na && j < nb;) {
			x = a[i];
			y = b[j];
			if (x == y) {
				want_a[n] = i;
				want_b[n++] = j;
			}
			i += x <= y;
			j += y <= x;
		}
		room = INTERSECTION_ROOM_MIN + lcg_next(&r) % 61;
		i = j = 0;
		got = 0;
		while ((k = narrow ? intersection_next16(a16, na, &i, b16, nb,
		    &j, ia, ib, room) : intersection_next(a, na, &i, b, nb, &j,
		    ia, ib, room)) > 0) {
			assert_true(k <= room);
			for (x = 0; x < k; x++) {
				assert_true(got < n);
				assert_int_equal(ia[x], want_a[got]);
				assert_int_equal(ib[x], want_b[got]);
				got++;
			}
		}
		assert_int_equal(got, n);
	}
}

/* Keys of 32 bits equal in their low 16 bits only do not meet. */
static void
test_wide_keys(void **state)
{
	const uint32_t a[] = { 1, 3, 0x10002, 0x20004, 0x30005 };
	const uint32_t b[] = { 2, 0x10001, 0x10003, 0x10004, 0x30005 };
	uint32_t ia[8], ib[8], i = 0, j = 0;

	(void)state;
	assert_int_equal(intersection_next(a, 5, &i, b, 5, &j, ia, ib, 8), 1);
	assert_int_equal(ia[0], 4);
	assert_int_equal(ib[0], 4);
	assert_int_equal(intersection_next(a, 5, &i, b, 5, &j, ia, ib, 8), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_a_merge),
		cmocka_unit_test(test_wide_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
