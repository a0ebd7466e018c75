/*
 * prefilter: the first-token candidates of a text, where the matcher's walks
 * start (see matcher.h).  The text is kept as its masks (token.h); the
 * tokens outside the islands are tested against the filters of struct
 * filt without being written, and those that pass, with the islands'
 * tokens that pass, are the candidates, in s->cands and s->icands
 * (CAND_* of token.h).  The lead filter's keys are here too: the matcher
 * sets its bits as it adds phrases.  Everything lives in the scratch.
 */
#ifndef PARALLAX_PREFILTER_H
#define PARALLAX_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

#include "blockmask.h"
#include "token.h"

/*
 * leadbits is a blocked filter: a token's key (see prefilter_block) picks a
 * word of it by its first GATE bytes and a bit in that word by all of it,
 * and a `*` word sets the bit its first GATE bytes pick.
 */

static inline uint32_t
prefilter_lead_word(uint64_t key)
{
	return ((uint32_t)key * 0x9e3779b1u) >> (32 - ROOT_BITS + 6);
}

/*
 * A token's key: the first eight bytes at W (the bytes after a token are
 * 0) up to the first that is 0 or over 0x80, the others 0.  Only ASCII
 * word bytes lie below a token's first 0, so finding that costs little.
 */
static inline uint64_t
prefilter_lead_key(uint64_t w)
{
	uint64_t z = (w - 0x0101010101010101ULL) & 0x8080808080808080ULL;

	return w & (z ^ (z - 1));
}

static inline unsigned
prefilter_lead_pos(uint64_t key)
{
	return ((uint32_t)(key ^ (key >> 32)) * 0xd6e8feb9u) >> 26;
}

/* The bits of prefilter_lead_word's product below those it uses. */
static inline unsigned
prefilter_lead_gate(uint64_t key)
{
	return (((uint32_t)key * 0x9e3779b1u) >> (32 - ROOT_BITS)) & 63;
}

/*
 * Whether white space comes just before Q outside the islands: the tails
 * of a mark in place (see tmask) are none.
 */
static inline bool
prefilter_spaced_at(const struct matcher_scratch *s, size_t q)
{
	return q > 0 && blockmask_test(s->smask, q - 1) &&
	    !(s->tails && blockmask_test(s->tmask, q - 1));
}

/*
 * Where in the text a token of LEN folded bytes at Q outside the islands
 * ends: after its tails if it is a mark in place.
 */
static inline size_t
prefilter_token_end(const struct matcher_scratch *s, size_t q, size_t len)
{
	if (s->tails && blockmask_test(s->tmask, q + len))
		return blockmask_next(s->tmask, ~0ULL, q + len, s->len);
	return q + len;
}

/*
 * Finds the candidates of TEXT: the masks of every block, the islands and
 * their candidates, then a pass over the tokens the masks give outside
 * the islands that only tests the filters (s->filt).  Most text has few
 * candidates and no token is written; walks cut the ones they need.
 */
void prefilter_find(struct matcher_scratch *s, const char *text, size_t len);

#endif
