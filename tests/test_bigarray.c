#include "testlib.h"

#include "bigarray.h"

/* Grown by doubling from the heap past BIGARRAY_MAPPED, shrunk back below
 * it and to nothing: every step keeps the items it has room for. */
static void
test_grow_and_shrink(void **state)
{
	uint32_t *a = NULL;
	size_t cap = 0, n = 0, i, next;

	(void)state;
	while (cap * sizeof *a < 4 * BIGARRAY_MAPPED) {
		next = cap == 0 ? 1000 : cap * 2;
		a = bigarray_resize(a, cap, next, sizeof *a);
		cap = next;
		for (; n < cap; n++)
			a[n] = (uint32_t)(n * 2654435761u);
		for (i = 0; i < n; i++)
			assert_int_equal(a[i], (uint32_t)(i * 2654435761u));
	}
	/* An odd size, still mapped, then one back on the heap. */
	for (next = BIGARRAY_MAPPED / sizeof *a + 17; ; next = 4097) {
		a = bigarray_resize(a, cap, next, sizeof *a);
		cap = next;
		for (i = 0; i < cap; i++)
			assert_int_equal(a[i], (uint32_t)(i * 2654435761u));
		if (next == 4097)
			break;
	}
	a = bigarray_resize(a, cap, 0, sizeof *a);
	bigarray_free(a, 0, sizeof *a);
}

/* Room asked for at once past the threshold is there. */
static void
test_large_at_once(void **state)
{
	size_t n = 3 * BIGARRAY_MAPPED + 5, i;
	unsigned char *a = bigarray_resize(NULL, 0, n, 1);

	(void)state;
	for (i = 0; i < n; i++)
		a[i] = (unsigned char)i;
	assert_int_equal(a[n - 1], (unsigned char)(n - 1));
	bigarray_free(a, n, 1);
	bigarray_free(NULL, 0, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_shrink),
		cmocka_unit_test(test_large_at_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
