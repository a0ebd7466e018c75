#include "testlib.h"

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
	wording_prune_begin(&p);
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
	wording_prune_begin(&p);
	for (i = 0; i < SPANS; i++) {
		struct wording_span kept = wording_prune(&p, span[i]);

		assert_int_equal(kept.n, span[i].n);
	}
	wording_prune_end(&p);
	assert_int_equal(p.n, n);
	wording_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prune_keeps_counts),
		cmocka_unit_test(test_prune_all_shared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
