/*
 * lcg: the pseudo-random numbers of the tests and benchmarks that draw
 * their own data (test_intersection, test_story, bench_claims): a 64-bit
 * linear congruential generator (Knuth's MMIX constants) that gives the
 * top 31 bits of its state, so that a seed draws the same sequence on
 * every machine and a failure replays.  The caller owns the state; there
 * is nothing to free.
 */
#ifndef PARALLAX_LCG_H
#define PARALLAX_LCG_H

#include <stdint.h>

struct lcg {
	uint64_t s;
};

static inline uint32_t
lcg_next(struct lcg *r)
{
	r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(r->s >> 33);
}

#endif
