/*
 * prefilter: the candidates of a text.  See prefilter.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blockmask.h"
#include "prefilter.h"
#include "scan.h"
#include "token.h"
#include "xalloc.h"


/*
 * The hot loop of prefilter_block keeps its registers to itself, and has
 * a copy for each set of filters, whose tests are then constants.
 */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define NOINLINE
#define ALWAYS_INLINE static inline
#endif

/* Exchanges two buffers that grow grew, with their capacities. */
static void
prefilter_swap_bufs(void **a, size_t *capa, void **b, size_t *capb)
{
	void *p = *a;
	size_t cap = *capa;

	*a = *b;
	*capa = *capb;
	*b = p;
	*capb = cap;
}

/* The white space bytes of block K that are no tails (see tmask). */
static inline uint64_t
prefilter_spaces(const struct matcher_scratch *s, size_t k)
{
	return s->smask[k] & ~(s->tails ? s->tmask[k] : 0);
}

/* The last white space byte before POS, or the start of the text. */
static size_t
prefilter_space_before(const struct matcher_scratch *s, size_t pos)
{
	size_t k = pos / 64;
	uint64_t x = prefilter_spaces(s, k) & ((1ULL << (pos % 64)) - 1);

	while (x == 0) {
		if (k == 0)
			return 0;
		x = prefilter_spaces(s, --k);
	}
	return k * 64 + blockmask_highest(x);
}

/* The first white space byte from POS on, or the end of the text. */
static size_t
prefilter_space_after(const struct matcher_scratch *s, size_t pos)
{
	size_t k = pos / 64;
	uint64_t x = prefilter_spaces(s, k) & (~0ULL << (pos % 64));

	while (x == 0) {
		if (++k >= s->nblocks)
			return s->len;
		x = prefilter_spaces(s, k);
	}
	pos = k * 64 + blockmask_lowest(x);
	return pos < s->len ? pos : s->len;
}

/*
 * The mark of CI at POS, W bytes, which the mappings make one ASCII byte,
 * in place (see tmask): its tails stand where an island would have.
 */
static void
prefilter_mark_in_place(struct matcher_scratch *s, const struct cpinfo *ci,
    size_t pos, size_t w)
{
	size_t i;

	if (!s->tails) {
		/* token_scan_text left room for it after starts. */
		s->tmask = s->masks + 4 * (s->nblocks + 1);
		memset(s->tmask, 0, (s->nblocks + 1) * sizeof *s->tmask);
		s->tails = true;
	}
	s->fold[pos] = ci->fold[0];
	if (s->want_exact)
		s->exact[pos] = ci->exact[0];
	for (i = pos + 1; i < pos + w; i++) {
		s->fold[i] = ' ';
		s->smask[i / 64] |= 1ULL << (i % 64);
		s->tmask[i / 64] |= 1ULL << (i % 64);
	}
}

/*
 * The islands of the text and their tokens: the spans around bytes of
 * 0x80 and up, from the white space before them to the white space after,
 * where tokens are not simply runs of bytes.  Their candidates go to
 * icands.
 */
static void
prefilter_find_islands(struct matcher_scratch *s, const char *text)
{
	struct cpinfo ci, none = { 0 };
	struct island *isl;
	size_t pos, start, end, w, i;

	s->nislands = 0;
	pos = blockmask_next(s->hmask, 0, 0, s->len);
	while (pos < s->len) {
		/* Copied: token_starts_chunk may fill the same cache slot. */
		ci = *token_cached_info(s, token_next_cp(text, s->len, pos,
		    &w));
		if ((ci.flags & (CP_ALONE | CP_BOUNDARY | CP_IN_PLACE)) ==
		    (CP_ALONE | CP_BOUNDARY | CP_IN_PLACE) &&
		    ci.kind == TOK_WORD && ci.xlen == w &&
		    token_starts_chunk(s, text, s->len, pos + w, &end)) {
			/*
			 * A letter that NFC and the mappings leave alone and
			 * folding keeps as long ("Ä", "ü"): its folded bytes
			 * take its place in fold (the islands read the text
			 * there), so it is cut as ASCII ones are.
			 */
			for (end = pos + w, i = 0; pos < end; pos++, i++) {
				s->wmask[pos / 64] |= 1ULL << (pos % 64);
				s->fold[pos] = s->words[pos] = ci.fold[i];
			}
			pos = blockmask_next(s->hmask, 0, end, s->len);
			continue;
		}
		if ((ci.flags & (CP_ALONE | CP_BOUNDARY)) ==
		    (CP_ALONE | CP_BOUNDARY) && ci.kind == TOK_PUNCT &&
		    token_starts_chunk(s, text, s->len, pos + w, &end)) {
			if (ci.flen == 1 && ci.xlen == 1) {
				/* Curly quotes, dashes: an ASCII mark. */
				prefilter_mark_in_place(s, &ci, pos, w);
				pos = blockmask_next(s->hmask, 0, pos + w,
				    s->len);
				continue;
			}
			/* Punctuation by itself: its own island. */
			start = pos;
			end = pos + w;
		} else {
			start = prefilter_space_before(s, pos);
			end = prefilter_space_after(s, pos);
			ci = none;
		}
		/* Islands that touch are one. */
		while (s->nislands > 0 &&
		    start <= s->islands[s->nislands - 1].end) {
			isl = &s->islands[--s->nislands];
			if (isl->start < start)
				start = isl->start;
			if (isl->end > end)
				end = isl->end;
			ci = none;
		}
		xgrow((void **)&s->islands, &s->capislands, s->nislands + 1,
		    sizeof *s->islands);
		isl = &s->islands[s->nislands++];
		isl->start = start;
		isl->end = end;
		isl->alone = ci;
		pos = blockmask_next(s->hmask, 0, end, s->len);
	}
	s->ntoks = s->ncands = 0;
	for (isl = s->islands; s->nislands != 0 &&
	    isl < s->islands + s->nislands; isl++) {
		/* Before it: ASCII, or the start of the text. */
		isl->first = s->first_tok = s->ntoks;
		s->gap = prefilter_spaced_at(s, isl->start);
		s->word_before = isl->start > 0 &&
		    blockmask_test(s->wmask, isl->start - 1);
		s->open = false;
		if (isl->alone.flags != 0)
			token_emit_info(s, &isl->alone, isl->start, isl->end);
		else
			token_cut_utf8(s, text, isl->start, isl->end);
		if (s->open)
			token_close_last(s);
		isl->last = s->ntoks;
	}
	s->first_tok = 0;
	s->word_before = false;
	prefilter_swap_bufs((void **)&s->itoks, &s->capitoks, (void **)&s->toks,
	    &s->captoks);
	prefilter_swap_bufs((void **)&s->icands, &s->capicands,
	    (void **)&s->cands, &s->capcands);
	s->nicands = s->ncands;
	s->ncands = 0;
}

/*
 * The key of the token after the one ending at END for the pair filter
 * (see struct filt): its first PAIR_BYTES bytes lowered, or all of a
 * shorter word, or its one byte if it is not a word; 0 at the end of the
 * text.  TOKEN_NEXT_ANY where a byte of 0x80 or more may change what the
 * token is (NFC may join an ASCII byte to a mark after it).  Read from
 * the lowered copy, where bytes of 0x80 and up are the text's and the end
 * is followed by zero bytes.
 */
static uint64_t
prefilter_next_key(const struct matcher_scratch *s, size_t end)
{
	size_t q = end + 1;
	uint64_t key, word;

	/*
	 * Most often one space comes before it, and a word byte after that
	 * starts it (words holds zero bytes past the end of the text): no
	 * scan of the masks.
	 */
	if (s->fold[end] != ' ' || s->words[q] == 0) {
		q = blockmask_next(s->smask, ~0ULL, end, s->len);
		if (q >= s->len)
			return 0;
	}
	memcpy(&key, s->fold + q, 8);
	key = token_first_bytes(key, PAIR_BYTES);
	if ((key & 0x8080808080808080ULL) != 0)
		return TOKEN_NEXT_ANY;
	/* ASCII word bytes are those left in words, the others 0 there. */
	memcpy(&word, s->words + q, 8);
	if (token_first_bytes(word, 1) == 0)
		return token_first_bytes(key, 1);
	return token_first_bytes(prefilter_lead_key(word), PAIR_BYTES);
}

/*
 * Whether a `*` word of GATE bytes or more may start a word of LEN bytes
 * whose first eight (or all) are W, ANY the anygates word of its first
 * GATE bytes: the bits of its prefixes of GATE to eight bytes, all in ANY.
 */
static inline bool
prefilter_starts_prefix(uint64_t any, uint64_t w, size_t len)
{
	uint64_t bits = 0;
	size_t k;

	if (any == 0)
		return false;
	for (k = GATE; k <= len && k <= 8; k++)
		bits |= 1ULL << token_prefix_pos(token_first_bytes(w, k));
	return (any & bits) != 0;
}

/*
 * Which bits of the lead filter (and the short words' filter) a token
 * passed: each filter of prefilter_add_mask passes only tokens that pass
 * its bit (matcher_add_lead sets both), so one a token did not pass
 * would fail or pass it falsely, and is not asked.
 */
#define PREFILTER_PASSED_EXACT 1	/* its exact bit: tokinfo, pairs */
#define PREFILTER_PASSED_GATE 2		/* its gate bit: anygates */
#define PREFILTER_PASSED_SHORT 4	/* the short words' filter */
#define PREFILTER_PASSED_ALL 7

/*
 * The token at P in block K, which passed the lead filter (the filters of
 * PASSED), is a candidate for the roots a phrase may start from there
 * (prefilter_find left out those rule 3 forbids): through its exact edge
 * where the root's filter and the pair filter let it through, through a
 * `*` edge where the short-word or gate filter of the root does.
 */
static void NOINLINE
prefilter_add_mask(struct matcher_scratch *s, size_t k, size_t p,
    unsigned passed)
{
	const struct filt *f = s->filt;
	uint64_t rest = ~s->wmask[k] >> p, w, tbit, gbit = 0;
	unsigned info;
	size_t pos = k * 64 + p, len;
	bool word = (rest & 1) == 0, pair, shorts = false, gates = false;
	uint64_t next;
	unsigned roots = 0;
	int r;

	memcpy(&w, s->fold + pos, 8);
	/* Bit 0: a non-word byte starts the token, which is one byte. */
	if (rest != 0)
		len = blockmask_lowest(rest) + (rest & 1);
	else
		len = blockmask_next(s->wmask, ~0ULL, pos, s->len) - pos;
	w = token_first_bytes(w, len < 8 ? len : 8);
	/* The roots' exact edges together first, then the token after. */
	tbit = token_bit(w, len);
	info = (passed & PREFILTER_PASSED_EXACT) != 0 ? token_info(f->info,
	    tbit) : 0;
	pair = (info & TINFO_ROOTS) != 0;
	if (pair && (info & TINFO_SOLO) == 0) {
		next = prefilter_next_key(s, pos + len);
		pair = next == TOKEN_NEXT_ANY ||
		    blockmask_test(f->pairs, token_pair_bit(tbit, next));
	}
	if (word) {
		shorts = s->every && (passed & PREFILTER_PASSED_SHORT) != 0 &&
		    blockmask_test(f->shorts, token_first_two(w));
		if (f->lead_gates && (passed & PREFILTER_PASSED_GATE) != 0 &&
		    len >= GATE) {
			gbit = token_gate_bit(token_first_bytes(w, GATE));
			gates = prefilter_starts_prefix(f->anygate[gbit / 64], w,
			    len);
		}
	}
	if (!pair && !shorts && !gates)
		return;
	/* With no case-sensitive phrase, any is the fold root's own filter. */
	if (!f->exact && !shorts && !gates)
		roots = 1U << ROOT_FOLD;
	else
		for (r = ROOT_FOLD; r <= (f->exact ? ROOT_EXACT : ROOT_FOLD);
		    r++)
			if ((pair && ((info >> r) & 1) != 0) ||
			    (shorts && f->short_lead[r]) ||
			    (gates && blockmask_test(f->gates[r], gbit)))
				roots |= 1U << r;
	if (roots == 0)
		return;
	if (s->ncands == s->capcands)
		xgrow((void **)&s->cands, &s->capcands, s->ncands + 1,
		    sizeof *s->cands);
	if (s->ncands == s->capclens)
		xgrow((void **)&s->clens, &s->capclens, s->ncands + 1,
		    sizeof *s->clens);
	/* 0: too long to say, cut again. */
	s->clens[s->ncands] = len <= UINT32_MAX ? (uint32_t)len : 0;
	s->cands[s->ncands++] = pos << CAND_SHIFT | (pair ? CAND_EXACT : 0) |
	    (shorts ? CAND_SHORT : 0) | (gates ? CAND_GATE : 0) | roots;
}

/* How the lead test of prefilter_block_with goes on from a token. */
enum prefilter_test {
	PREFILTER_WORD,		/* a branch on its filter word: few are set */
	PREFILTER_BIT,		/* a branch on its bits: few tokens pass */
	PREFILTER_LIST		/* no branch: many pass, which ones at random */
};

/* Past this many tokens asked, prefilter_block_with halves its counts. */
#define PREFILTER_RECENT (1U << 16)

/*
 * Tests the tokens starting at the bits of s->starts against the lead
 * filter, without writing them: their keys are read from words, where
 * other tokens read as 0 (`*` words are keyed on their first GATE bytes).
 * If EVERY, any word may start a phrase and the short-word filter is
 * tested too.  With PREFILTER_LIST the test sets no branch (a branch on
 * it was a guess, and waited on the filter's line): each token's position
 * is written to tpos and kept if it passed, and the kept ones go on
 * after.  Otherwise few pass, and the branch is taken seldom.  A dense
 * filter but with EVERY counts what it was asked and what passed, for
 * the next choice.
 */
ALWAYS_INLINE void
prefilter_block_with(struct matcher_scratch *s, const uint64_t *leads,
    bool gates, bool every, enum prefilter_test test)
{
	const uint64_t *starts = s->starts, *shorts = s->filt->shorts;
	const char *words = s->words;
	size_t k, nblocks = s->nblocks, p, m = 0, asked = 0, i;
	uint64_t st, x, w, pass;
	uint32_t *pos = NULL, two;
	uint8_t *ways = NULL;

	if (test == PREFILTER_LIST) {
		xgrow((void **)&s->tpos, &s->captpos, nblocks * 64,
		    sizeof *s->tpos);
		pos = s->tpos;
	}
	if (every) {
		xgrow((void **)&s->tways, &s->captways, nblocks * 64,
		    sizeof *s->tways);
		ways = s->tways;
	}
	for (k = 0; k < nblocks; k++, words += 64) {
		if (test != PREFILTER_WORD && !every)
			asked += (size_t)__builtin_popcountll(starts[k]);
		for (st = starts[k]; st != 0; st &= st - 1) {
			p = blockmask_lowest(st);
			memcpy(&x, words + p, 8);
			x = prefilter_lead_key(x);
			w = leads[prefilter_lead_word(x)];
			if (every) {
				/* Which filters passed, for
				 * prefilter_add_mask: here most tokens
				 * pass one.  No short word's bit has a
				 * first byte 0 (a `*` word starts with a
				 * word byte), so a key of 0, not a word,
				 * finds none. */
				two = token_first_two(x);
				pass = ((w >> prefilter_lead_pos(x)) & 1) *
				    PREFILTER_PASSED_EXACT |
				    (gates ? (w >> prefilter_lead_gate(x) &
				    1) * PREFILTER_PASSED_GATE : 0) |
				    (shorts[two / 64] >> two % 64 & 1) *
				    PREFILTER_PASSED_SHORT;
				ways[m] = (uint8_t)pass;
				pass = pass != 0;
			} else
				pass = w >> prefilter_lead_pos(x) |
				    (gates ? w >> prefilter_lead_gate(x) : 0);
			if (test == PREFILTER_LIST) {
				pos[m] = (uint32_t)(k * 64 + p);
				m += pass & 1;
			} else if ((test == PREFILTER_BIT || w != 0) &&
			    (pass & 1) != 0) {
				prefilter_add_mask(s, k, p,
				    PREFILTER_PASSED_ALL);
				m++;
			}
		}
	}
	if (test == PREFILTER_LIST)
		for (i = 0; i < m; i++)
			prefilter_add_mask(s, pos[i] / 64, pos[i] % 64,
			    every ? ways[i] : PREFILTER_PASSED_ALL);
	if (test != PREFILTER_WORD && !every) {
		s->lead_asked += asked;
		s->lead_passed += m;
		if (s->lead_asked >= PREFILTER_RECENT) {
			s->lead_asked /= 2;
			s->lead_passed /= 2;
		}
	}
}

/*
 * Which lead test: EVERY lists the tokens; a sparse filter (few words
 * set) branches on the word; a dense one lists them where many passed of
 * late and branches on the bits where few did (one in sixteen: a branch
 * on text where a sixth passed, real news at 1,000 keywords, cost a
 * tenth more than the list, and on text where one in sixty did, the
 * generated corpus, the list cost a thirtieth more).
 */
ALWAYS_INLINE void
prefilter_block_any(struct matcher_scratch *s)
{
	const uint64_t *leads = s->filt->leads;
	bool gates = s->filt->lead_gates;
	enum prefilter_test test = !s->filt->dense ? PREFILTER_WORD :
	    s->lead_passed * 16 < s->lead_asked ? PREFILTER_BIT : PREFILTER_LIST;

	if (s->every)
		prefilter_block_with(s, leads, gates, true, PREFILTER_LIST);
	else if (test == PREFILTER_WORD && gates)
		prefilter_block_with(s, leads, true, false, PREFILTER_WORD);
	else if (test == PREFILTER_WORD)
		prefilter_block_with(s, leads, false, false, PREFILTER_WORD);
	else if (test == PREFILTER_BIT && gates)
		prefilter_block_with(s, leads, true, false, PREFILTER_BIT);
	else if (test == PREFILTER_BIT)
		prefilter_block_with(s, leads, false, false, PREFILTER_BIT);
	else if (gates)
		prefilter_block_with(s, leads, true, false, PREFILTER_LIST);
	else
		prefilter_block_with(s, leads, false, false, PREFILTER_LIST);
}

static void NOINLINE
prefilter_block(struct matcher_scratch *s)
{
	prefilter_block_any(s);
}

#ifdef SCAN_AVX2
/*
 * prefilter_block for CPUs with BMI2 (scan_level's AVX2 ones): a shift
 * by a token's bit is one instruction, not three, and the lead test of a
 * dense filter runs a sixth fewer.
 */
static __attribute__((target("bmi,bmi2,popcnt"))) void NOINLINE
prefilter_block_bmi2(struct matcher_scratch *s)
{
	prefilter_block_any(s);
}
#endif

/*
 * Finds the candidates of TEXT: the masks of every block, the islands and
 * their candidates, then a pass over the tokens the masks give outside
 * the islands that only tests the filters.  Most text has few candidates
 * and no token is written; walks cut the ones they need.
 */
void
prefilter_find(struct matcher_scratch *s, const char *text, size_t len)
{
	const struct island *isl, *end;
	size_t k, lo, hi;
	uint64_t wm, st, carry = 0;

	s->nislands = s->nicands = 0;
	s->tails = false;
	if (token_scan_text(s, text, len))
		prefilter_find_islands(s, text);
	s->ncands = 0;
	s->every = s->filt->short_lead[ROOT_FOLD] ||
	    (s->filt->exact && s->filt->short_lead[ROOT_EXACT]);
	/* No islands yet: islands is NULL, and NULL + 0 is undefined. */
	isl = s->islands;
	end = s->nislands != 0 ? s->islands + s->nislands : isl;
	for (k = 0; k < s->nblocks; k++) {
		wm = s->wmask[k];
		/*
		 * Words, and the other bytes if a phrase may start there and
		 * no word byte comes just before (rule 3: nothing may precede
		 * a match but a non-word).
		 */
		st = wm & ~((wm << 1) | carry);
		if (s->filt->punct_lead)
			st |= ~(wm | s->smask[k] | (wm << 1) | carry);
		carry = wm >> 63;
		/* The islands' tokens are theirs. */
		while (isl < end && isl->end <= k * 64)
			isl++;
		for (; isl < end && isl->start < (k + 1) * 64; isl++) {
			lo = isl->start > k * 64 ? isl->start - k * 64 : 0;
			hi = isl->end < (k + 1) * 64 ? isl->end - k * 64 : 64;
			st &= ~((hi == 64 ? 0 : ~0ULL << hi) ^ (~0ULL << lo));
			if (isl->end > (k + 1) * 64)
				break;
		}
		s->starts[k] = st;
	}
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2) {
		prefilter_block_bmi2(s);
		return;
	}
#endif
	prefilter_block(s);
}
