#include "testlib.h"

#include <stdlib.h>

#include "intersection.h"
#include "lcg.h"

/* N distinct keys, ascending once shifted by SHIFT, from a range of
 * SPREAD, with random bits below the shift. */
static void
keys(struct lcg *r, uint32_t *out, uint32_t n, uint32_t spread,
    unsigned shift)
{
	uint32_t k = 0, i;

	for (i = 0; i < n; i++) {
		k += 1 + lcg_next(r) % spread;
		out[i] = k << shift | (lcg_next(r) & ((1u << shift) - 1));
	}
}

/*
 * Every pair of positions a one-at-a-time merge finds, in its order, for
 * arrays of every length up to 40 (blocks and tails), keys sparse and
 * dense, shifts 0 and 2, and rooms from the least to more than any
 * answer: the callers sum floating-point weights in this order.
 */
static void
test_as_a_merge(void **state)
{
	struct lcg r = { 7 };
	uint32_t a[40], b[40], ia[64], ib[64], want_a[40], want_b[40];
	uint32_t na, nb, spread, i, j, x, y, n, got, round;
	unsigned shift;
	size_t room, k;

	(void)state;
	for (round = 0; round < 4000; round++) {
		na = lcg_next(&r) % 41;
		nb = lcg_next(&r) % 41;
		spread = 1 + lcg_next(&r) % 6;
		shift = round % 2 == 0 ? 0 : 2;
		keys(&r, a, na, spread, shift);
		keys(&r, b, nb, spread, shift);
		for (i = j = n = 0; i < na && j < nb;) {
			x = a[i] >> shift;
			y = b[j] >> shift;
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
		while ((k = intersection_next(a, na, &i, b, nb, &j, shift, ia,
		    ib, room)) > 0) {
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

/* Keys equal above the shift meet whatever their low bits; equal below
 * it only, they do not. */
static void
test_shift(void **state)
{
	const uint32_t a[] = { 1u << 2 | 1, 2u << 2 | 3, 3u << 2, 9u << 2 | 2,
		10u << 2 };
	const uint32_t b[] = { 1u << 2 | 2, 3u << 2 | 3, 4u << 2, 5u << 2 | 2,
		10u << 2 | 1 };
	uint32_t ia[8], ib[8], i = 0, j = 0;

	(void)state;
	assert_int_equal(intersection_next(a, 5, &i, b, 5, &j, 2, ia, ib, 8),
	    3);
	assert_int_equal(ia[0], 0);
	assert_int_equal(ib[0], 0);
	assert_int_equal(ia[1], 2);
	assert_int_equal(ib[1], 1);
	assert_int_equal(ia[2], 4);
	assert_int_equal(ib[2], 4);
	assert_int_equal(intersection_next(a, 5, &i, b, 5, &j, 2, ia, ib, 8),
	    0);
	i = j = 0;
	assert_int_equal(intersection_next(a, 5, &i, b, 5, &j, 0, ia, ib, 8),
	    0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_a_merge),
		cmocka_unit_test(test_shift),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
