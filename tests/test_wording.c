#include "testlib.h"

#include "lcg.h"
#include "wording.h"
#include "xalloc.h"

#define SPANS 400
#define PER_SPAN 24

/* A pool of SPANS sorted sets, each of distinct hashes drawn from
 * UNIVERSE values, so that some are shared by several sets and many by
 * none; SPAN gets each set's span. */
static void
fill(struct wording *p, struct wording_span *span, uint32_t universe,
    uint32_t seed)
{
	size_t i, j, k;
	uint32_t h;

	p->cap = SPANS * PER_SPAN;
	p->hashes = xreallocarray(NULL, p->cap, sizeof *p->hashes);
	for (i = 0; i < SPANS; i++) {
		span[i].first = (uint32_t)p->n;
		for (j = 0; j < PER_SPAN; j++) {
			seed = seed * 1103515245u + 12345u;
			h = (seed >> 8) % universe * 2654435761u;
			for (k = span[i].first; k < p->n && p->hashes[k] != h; k++)
				;
			if (k == p->n)
				p->hashes[p->n++] = h;
		}
		span[i].n = (uint32_t)(p->n - span[i].first);
		wording_sort(p->hashes + span[i].first, span[i].n);
	}
}

/* Pruning keeps every count wording_shared gives of two sets, and drops
 * most of the hashes only one set holds. */
static void
test_prune_keeps_counts(void **state)
{
	static struct wording_span before[SPANS], after[SPANS];
	static size_t shared[SPANS][SPANS];
	struct wording p = { 0 };
	size_t i, j, n, unique = 0;

	(void)state;
	fill(&p, before, 60000, 7);
	n = p.n;
	for (i = 0; i < SPANS; i++) {
		for (j = 0; j < SPANS; j++)
			shared[i][j] = wording_shared(&p, before[i], before[j],
			    SIZE_MAX);
	}
	for (i = 0; i < SPANS; i++) {
		for (j = 0; j < before[i].n; j++) {
			size_t k, held = 0;

			for (k = 0; k < SPANS; k++) {
				struct wording_span one = { before[i].first + j, 1 };

				held += wording_shared(&p, one, before[k], 1);
			}
			unique += held == 1;
		}
	}
	assert_true(unique > n / 2);
	wording_prune_begin(&p, 2);
	for (i = 0; i < SPANS; i++)
		after[i] = wording_prune(&p, before[i]);
	wording_prune_end(&p);
	for (i = 0; i < SPANS; i++) {
		for (j = 0; j < SPANS; j++) {
			if (i != j)
				assert_int_equal(wording_shared(&p, after[i],
				    after[j], SIZE_MAX), shared[i][j]);
		}
	}
	/* Four buckets a hash: about a fifth of the unshared ones stay. */
	assert_true(p.n < n - unique / 2);
	assert_true(p.n >= n - unique);
	wording_free(&p);
}

/* A pool where every hash is shared loses none. */
static void
test_prune_all_shared(void **state)
{
	static struct wording_span span[SPANS];
	struct wording p = { 0 };
	size_t i, n;

	(void)state;
	fill(&p, span, 30, 11);
	n = p.n;
	wording_prune_begin(&p, 2);
	for (i = 0; i < SPANS; i++) {
		struct wording_span kept = wording_prune(&p, span[i]);

		assert_int_equal(kept.n, span[i].n);
	}
	wording_prune_end(&p);
	assert_int_equal(p.n, n);
	wording_free(&p);
}

static int
u32cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * wording_sort orders as qsort does, at every length up to past its
 * stack buffer (insertion sort, radix sort on the stack and on the heap),
 * with ids that are random, repeated, alike in every byte but one, and
 * alike in their low bytes.
 */
static void
test_sort_orders(void **state)
{
	static uint32_t ids[700], want[700];
	struct lcg r = { 3 };
	size_t n, i;
	unsigned kind;

	(void)state;
	for (n = 0; n <= 700; n += n < 80 ? 1 : 37) {
		for (kind = 0; kind < 4; kind++) {
			for (i = 0; i < n; i++) {
				ids[i] = lcg_next(&r) ^ lcg_next(&r) << 16;
				if (kind == 1)
					ids[i] %= 7;
				else if (kind == 2)
					ids[i] = 0x5a5a5a00u | (ids[i] & 0xff);
				else if (kind == 3)
					ids[i] &= 0xff000000u;
			}
			memcpy(want, ids, n * sizeof *ids);
			qsort(want, n, sizeof *want, u32cmp);
			wording_sort(ids, n);
			assert_memory_equal(ids, want, n * sizeof *ids);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prune_keeps_counts),
		cmocka_unit_test(test_prune_all_shared),
		cmocka_unit_test(test_sort_orders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
