#include "testlib.h"

#include <stdalign.h>

#include "arena.h"

/* Pieces from one block and from blocks added after it keep what was
 * written to them, each aligned, none overlapping another. */
static void
test_pieces_keep_their_bytes(void **state)
{
	struct arena a;
	unsigned char *piece[200];
	size_t i, k, size;

	(void)state;
	arena_init(&a, 100);
	for (i = 0; i < 200; i++) {
		size = 1 + i * 7 % 61;
		piece[i] = arena_alloc(&a, size, 1);
		assert_int_equal((uintptr_t)piece[i] % alignof(max_align_t), 0);
		memset(piece[i], (int)i, size);
	}
	for (i = 0; i < 200; i++) {
		for (k = 0; k < 1 + i * 7 % 61; k++)
			assert_int_equal(piece[i][k], (unsigned char)i);
	}
	arena_free(&a);
	assert_null(a.block);
}

/* The last piece grows where it stands while its block has room; an
 * earlier one, or one past the block's room, moves with its items. */
static void
test_resize(void **state)
{
	struct arena a;
	uint64_t *first, *second, *grown;
	size_t i;

	(void)state;
	arena_init(&a, 1024);
	first = arena_resize(&a, NULL, 0, 4, sizeof *first);
	for (i = 0; i < 4; i++)
		first[i] = i * 3;
	grown = arena_resize(&a, first, 4, 8, sizeof *first);
	assert_ptr_equal(grown, first);
	second = arena_alloc(&a, 2, sizeof *second);
	grown = arena_resize(&a, first, 8, 16, sizeof *first);
	assert_ptr_not_equal(grown, first);
	assert_true(grown > second);
	for (i = 0; i < 4; i++)
		assert_int_equal(grown[i], i * 3);
	/* Past the first block's room: a new block, items kept. */
	first = arena_resize(&a, grown, 16, 1000, sizeof *first);
	for (i = 0; i < 4; i++)
		assert_int_equal(first[i], i * 3);
	first[999] = 7;
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_keep_their_bytes),
		cmocka_unit_test(test_resize),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
