#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "blockmask.h"
#include "prefilter.h"
#include "fold.h"
#include "matcher.h"
#include "scan.h"
#include "token.h"
#include "trie.h"
#include "xalloc.h"

struct matcher {
	struct trie trie;
	size_t nphrases;
	/*
	 * First-token filters, one bit per hash bucket, keyed on a token's
	 * folded form.  leadbits, on its first eight bytes (or all of a
	 * shorter one; the first GATE of a `*` word; 0 for punctuation), rules
	 * out most text tokens for both roots at once with one load.  Then
	 * tokinfo, four bits (TINFO_*) for each rootbits bit of a token's
	 * length and first eight bytes: which roots' exact edges it may
	 * start, and whether a phrase may start with it whatever follows;
	 * and gatebits, on its first GATE bytes, for the `*` words of that
	 * many folded bytes or more, and anygates, a word for those first
	 * GATE bytes with a bit for the first eight (or all) of each `*` word
	 * of either root that starts with them.  A shorter `*` word sets
	 * filt.short_lead instead: any word may start it.
	 */
	uint64_t leadbits[(1 << ROOT_BITS) / 64];
	uint8_t tokinfo[(1 << ROOT_BITS) / 2];
	uint64_t gatebits[2][(1 << ROOT_BITS) / 64];
	uint64_t anygates[(1 << ROOT_BITS) / 64];
	/*
	 * The words a short `*` word may start, by their first two folded
	 * bytes (the second 0 for a word of one): with one in the taxonomy
	 * ("tax*", "war*"), any word may start a phrase, and without this
	 * every word of the text would be walked.
	 */
	uint64_t shortbits[65536 / 64];
	uint64_t pairbits[(1 << ROOT_BITS) / 64];	/* filt.pairs */
	struct filt filt;	/* these, and which kinds start phrases */
	size_t lead_words;	/* leadbits words that are not 0 */
	struct matcher_scratch *adding;	/* matcher_add's */
};

/*
 * The steps of a walk (expand, report, follow) are inlined into one loop
 * even where the compiler would not: most walks take one or two steps, and
 * the calls' register saves and arguments cost more than the steps' work
 * (a tenth of matcher_find's instructions at 10,000 gazetteer keywords).
 */
#if defined(__GNUC__)
#define WALK_INLINE static inline __attribute__((always_inline))
#else
#define WALK_INLINE static inline
#endif

/*
 * When this many leadbits words are set (one in sixteen), a branch on a
 * token's word is a guess: the lead test lists every token and keeps
 * those that pass, with no branch (prefilter_block_with); below, it rules
 * most out by the word, a branch seldom taken.
 */
#ifndef LEAD_DENSE
#define LEAD_DENSE ((1 << (ROOT_BITS - 6)) / 16)
#endif


struct matcher_scratch *
matcher_scratch_new(void)
{
	return xcalloc(1, sizeof(struct matcher_scratch));
}

void
matcher_scratch_free(struct matcher_scratch *s)
{
	if (s == NULL)
		return;
	free(s->toks);
	free(s->fold);
	free(s->exact);
	free(s->cands);
	free(s->clens);
	free(s->masks);
	free(s->words);
	free(s->tpos);
	free(s->tways);
	free(s->islands);
	free(s->itoks);
	free(s->icands);
	free(s->cpcache);
	free(s->cps);
	free(s->stack);
	free(s);
}

struct matcher *
matcher_new(void)
{
	struct matcher *m = xcalloc(1, sizeof *m);
	int i;

	trie_init(&m->trie);
	for (i = ROOT_FOLD; i <= ROOT_EXACT; i++) {
		m->filt.gates[i] = m->gatebits[i];
	}
	m->filt.leads = m->leadbits;
	m->filt.info = m->tokinfo;
	m->filt.anygate = m->anygates;
	m->filt.shorts = m->shortbits;
	m->filt.pairs = m->pairbits;
	trie_new_node(&m->trie, false);
	trie_new_node(&m->trie, true);
	return m;
}

void
matcher_free(struct matcher *m)
{
	if (m == NULL)
		return;
	matcher_scratch_free(m->adding);
	trie_free(&m->trie);
	free(m);
}

void
matcher_reserve(struct matcher *m, size_t n)
{
	trie_reserve(&m->trie, n);
}

size_t
matcher_count(const struct matcher *m)
{
	return m->nphrases;
}

size_t
matcher_memory(const struct matcher *m)
{
	return sizeof *m + trie_memory(&m->trie);
}

/* The short `*` word FOLD of LEN bytes (1 to GATE - 1) in shortbits: its
 * first two bytes, or every second byte after its first when it has one
 * byte or the second is not an ASCII word byte (a text key never holds
 * one: it ends there). */
static void
matcher_add_short(struct matcher *m, const char *fold, size_t len)
{
	unsigned char b0 = (unsigned char)fold[0], b1;
	unsigned k;

	b1 = len >= 2 ? (unsigned char)fold[1] : 0;
	if (len >= 2 && b1 < 0x80) {
		m->shortbits[(b0 | (unsigned)b1 << 8) / 64] |=
		    1ULL << (b0 | (unsigned)b1 << 8) % 64;
		return;
	}
	for (k = 0; k < 256; k++)
		m->shortbits[(b0 | k << 8) / 64] |= 1ULL << (b0 | k << 8) % 64;
}

/* Sets FLAGS (TINFO_*) in the tokinfo of rootbits bit TBIT. */
static void
matcher_set_info(struct matcher *m, uint64_t tbit, unsigned flags)
{
	m->tokinfo[tbit / 2] |= (uint8_t)(flags << (tbit % 2 * 4));
}

/*
 * A phrase from ROOT starts with a token of KIND (TOK_PREFIX for a `*`
 * word) whose folded form is the LEN bytes at FOLD: its filter bit.
 */
static void
matcher_add_lead(struct matcher *m, uint32_t root, uint8_t kind, const char *fold,
    size_t len)
{
	uint64_t bit, key;

	if (kind == TOK_PREFIX && len < GATE) {
		m->filt.short_lead[root] = true;
		matcher_add_short(m, fold, len);
		return;
	}
	key = kind == TOK_PUNCT ? 0 : prefilter_lead_key(token_load_first(fold,
	    kind == TOK_PREFIX ? GATE : len));
	if (m->leadbits[prefilter_lead_word(key)] == 0 &&
	    ++m->lead_words >= LEAD_DENSE)
		m->filt.dense = true;
	m->leadbits[prefilter_lead_word(key)] |= 1ULL << (kind == TOK_PREFIX ?
	    prefilter_lead_gate(key) : prefilter_lead_pos(key));
	if (kind == TOK_PUNCT)
		m->filt.punct_lead = true;
	if (kind == TOK_PREFIX) {
		m->filt.lead_gates = true;
		bit = token_gate_bit(token_load_first(fold, GATE));
		m->gatebits[root][bit / 64] |= 1ULL << (bit % 64);
		m->anygates[bit / 64] |= 1ULL <<
		    token_prefix_pos(token_load_first(fold, len));
	} else {
		bit = token_bit(token_load_first(fold, len), len);
		matcher_set_info(m, bit, 1U << root);
	}
}

/* Whether token I of the phrase in S is a `*` word. */
static bool
matcher_is_prefix(const struct matcher_scratch *s, size_t i)
{
	return s->toks[i].kind == TOK_WORD && i + 1 < s->ntoks &&
	    s->toks[i + 1].kind == TOK_PUNCT && !s->toks[i + 1].spaced &&
	    s->toks[i + 1].flen == 1 && s->fold[s->toks[i + 1].foff] == '*';
}

/*
 * The phrase just cut into S starts with an exact edge: its pair (the
 * first token, the first PAIR_BYTES folded bytes of the second or all of
 * a shorter one) in pairbits, or its first token as TINFO_SOLO when it
 * has no second token or one that prefilter_next_key cannot name: not
 * plain ASCII there, or a `*` word shorter than the key, which longer
 * words start.
 */
static void
matcher_add_pair(struct matcher *m, const struct matcher_scratch *s)
{
	const struct tok *t = &s->toks[0], *t2 = &s->toks[1];
	uint64_t tbit, bit, next;

	if (matcher_is_prefix(s, 0))
		return;
	tbit = token_bit(token_load_first(s->fold + t->foff, t->flen), t->flen);
	if (s->ntoks < 2 || (t2->flen < PAIR_BYTES && matcher_is_prefix(s, 1))) {
		matcher_set_info(m, tbit, TINFO_SOLO);
		return;
	}
	next = token_load_first(s->fold + t2->foff, t2->flen < PAIR_BYTES ?
	    t2->flen : PAIR_BYTES);
	if ((next & 0x8080808080808080ULL) != 0) {
		matcher_set_info(m, tbit, TINFO_SOLO);
		return;
	}
	bit = token_pair_bit(tbit, next);
	m->pairbits[bit / 64] |= 1ULL << (bit % 64);
}

size_t
matcher_add(struct matcher *m, const char *phrase, size_t len,
    enum matcher_case mode)
{
	struct matcher_scratch *s;
	const struct tok *t;
	size_t first, last, i;
	uint32_t node;
	uint8_t kind;
	const char *str;
	size_t slen;
	uint64_t th;
	bool fold = mode == MATCHER_FOLD;

	if (m->adding == NULL)
		m->adding = matcher_scratch_new();
	s = m->adding;
	/* A phrase's tokens are no candidates to walk from. */
	s->filt = NULL;
	s->want_exact = true;
	token_cut(s, phrase, len);
	/* White space at the ends of a phrase makes no token. */
	first = 0;
	last = s->ntoks;
	node = fold ? ROOT_FOLD : ROOT_EXACT;
	for (i = first; i < last; i++) {
		t = &s->toks[i];
		kind = t->kind;
		if (matcher_is_prefix(s, i))
			kind = TOK_PREFIX;
		if (i > first && t->spaced)
			kind |= TOK_SPACED;
		str = fold ? s->fold + t->foff : s->exact + t->xoff;
		slen = fold ? t->flen : t->xlen;
		if (i == first)
			matcher_add_lead(m, node, kind, s->fold + t->foff, t->flen);
		th = token_hash(str, slen);
		node = trie_add_edge(&m->trie, node, kind, th, str, slen);
		if ((kind & ~TOK_SPACED) == TOK_PREFIX)
			i++;
	}
	if (first < last)
		matcher_add_pair(m, s);
	m->filt.exact = m->trie.nodes[ROOT_EXACT].hot.firsts != 0;
	if (first < last)
		trie_add_term(&m->trie, node, (uint32_t)m->nphrases);
	return m->nphrases++;
}

/* While walking: cuts the token after the cursor; false at the end. */
static bool
matcher_next_tok(struct matcher_scratch *s)
{
	const struct island *isl;
	struct tok *t;
	size_t q, e;

	xgrow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof *s->toks);
	t = &s->toks[s->ntoks];
	for (;;) {
		if (s->in_island) {
			isl = &s->islands[s->island];
			if (s->itok < isl->last) {
				*t = s->itoks[s->itok];
				t->id = s->itok++ * 2 + 1;
				t->hashed = 0;
				s->ntoks++;
				return true;
			}
			s->in_island = false;
			s->cursor = isl->end;
			s->island++;
		}
		q = blockmask_next(s->smask, ~0ULL, s->cursor, s->len);
		if (s->island == s->nislands || q < s->islands[s->island].start)
			break;
		s->in_island = true;
		s->itok = s->islands[s->island].first;
	}
	if (q >= s->len)
		return false;
	if (blockmask_test(s->wmask, q)) {
		t->kind = TOK_WORD;
		e = blockmask_next(s->wmask, ~0ULL, q, s->len);
		t->flen = t->xlen = e - q;
	} else {
		t->kind = TOK_PUNCT;
		e = prefilter_token_end(s, q, 1);
		t->flen = t->xlen = 1;
	}
	t->spaced = prefilter_spaced_at(s, q);
	t->start = t->foff = t->xoff = q;
	t->end = e;
	t->id = q * 2;
	t->hashed = 0;
	s->cursor = e;
	s->ntoks++;
	return true;
}

/*
 * Starts a walk at the token of LEN bytes at Q, outside the islands, as
 * the filters found it: written as matcher_next_tok would cut it.
 */
static void
matcher_first_tok(struct matcher_scratch *s, size_t q, size_t len)
{
	struct tok *t;

	xgrow((void **)&s->toks, &s->captoks, 1, sizeof *s->toks);
	t = &s->toks[0];
	t->kind = blockmask_test(s->wmask, q) ? TOK_WORD : TOK_PUNCT;
	t->spaced = prefilter_spaced_at(s, q);
	t->start = t->foff = t->xoff = q;
	t->end = prefilter_token_end(s, q, len);
	t->flen = t->xlen = len;
	t->id = q * 2;
	t->hashed = 0;
	s->cursor = t->end;
	s->ntoks = 1;
}

/* While walking: whether there is a token J, cutting it if need be. */
static bool
matcher_has_tok(struct matcher_scratch *s, size_t j)
{
	while (j >= s->ntoks)
		if (!matcher_next_tok(s))
			return false;
	return true;
}

static void
matcher_push(struct matcher_scratch *s, size_t *n, uint32_t node,
    const struct trie_hot *hot, size_t next)
{
	xgrow((void **)&s->stack, &s->capstack, *n + 1, sizeof *s->stack);
	s->stack[*n].node = node;
	s->stack[*n].hot = hot;
	s->stack[*n].next = next;
	(*n)++;
}

/* The text bytes a node of HOT compares: folded, or as written. */
WALK_INLINE const char *
matcher_bytes(const struct matcher_scratch *s, const struct trie_hot *hot)
{
	return (hot->flags & TRIE_HOT_EXACT) != 0 ? s->exact : s->fold;
}

/*
 * Whether the token after token J may start an edge out of the node of
 * HOT.  When it is not cut yet and lies outside the islands, its first
 * byte is read from the text's lowered copy (or the text, for a
 * case-sensitive node) without cutting it: most walks end here, after
 * their first token.
 */
WALK_INLINE bool
matcher_next_may_start(struct matcher_scratch *s, const struct trie_hot *hot,
    size_t j)
{
	size_t q;

	if (j + 1 < s->ntoks || s->in_island)
		return true;
	q = blockmask_next(s->smask, ~0ULL, s->cursor, s->len);
	if (q >= s->len)
		return false;
	if (s->island < s->nislands && q >= s->islands[s->island].start)
		return true;
	return trie_may_start(hot, matcher_bytes(s, hot) + q);
}

/*
 * Goes on from CHILD (its hot part HOT), reached over token J, if a
 * phrase may go on.
 */
WALK_INLINE void
matcher_follow(struct matcher_scratch *s, size_t *depth, uint32_t child,
    const struct trie_hot *hot, size_t j)
{
	if (hot->firsts != 0 && matcher_next_may_start(s, hot, j) &&
	    matcher_has_tok(s, j + 1))
		matcher_push(s, depth, child, hot, j + 1);
}


/*
 * Rule 3 for numbers: a full stop or comma between two ASCII digits is
 * part of one number, so a match may not begin or end inside it (`5
 * percent` is not in `0.5 percent`).  Only the bytes beside the match are
 * read: '.' and ',' are never mapped, and a digit is a token's first or
 * last byte.
 */
WALK_INLINE bool
matcher_splits_number(const char *text, size_t len, size_t start, size_t end)
{
	if (start >= 2 && ascii_is_digit(text[start]) && (text[start - 1] == '.' ||
	    text[start - 1] == ',') && ascii_is_digit(text[start - 2]))
		return true;
	return end + 1 < len && ascii_is_digit(text[end - 1]) && (text[end] == '.' ||
	    text[end] == ',') && ascii_is_digit(text[end + 1]);
}

/*
 * Reports the phrases ending at NODE (its hot part HOT) for tokens
 * [first, last].
 */
WALK_INLINE size_t
matcher_report(const struct matcher *m, struct matcher_scratch *s, uint32_t node,
    const struct trie_hot *hot, size_t first, size_t last, matcher_cb cb,
    void *arg)
{
	size_t start = s->toks[first].start, end = s->toks[last].end, n = 1;
	uint32_t i;

	if (hot->phrase == TRIE_NONE)
		return 0;
	if (s->toks[last].kind == TOK_PUNCT && matcher_has_tok(s, last + 1) &&
	    s->toks[last + 1].kind == TOK_WORD && !s->toks[last + 1].spaced)
		return 0;
	if (matcher_splits_number(s->text, s->len, start, end))
		return 0;
	cb(arg, hot->phrase, start, end);
	if ((hot->flags & TRIE_HOT_TERMS) == 0)
		return n;
	for (i = m->trie.nodes[node].terms; i != TRIE_NONE;
	    i = m->trie.terms[i].next) {
		cb(arg, m->trie.terms[i].phrase, start, end);
		n++;
	}
	return n;
}

/* Follows the `*` edge of one prefix length, if there is one. */
static size_t
matcher_step_prefix(const struct matcher *m, struct matcher_scratch *s,
    size_t *depth, uint32_t node, uint8_t spaced, size_t first, size_t j,
    const char *str, size_t l, matcher_cb cb, void *arg)
{
	uint64_t h = token_hash(str, l);
	const struct edge *e;
	size_t n;

	if (!trie_prefix_bit(&m->trie, trie_edge_hash(node, TOK_PREFIX | spaced,
	    h)))
		return 0;
	e = trie_lookup(&m->trie, node, TOK_PREFIX | spaced, h, str, l);
	if (e == NULL)
		return 0;
	n = matcher_report(m, s, e->child, &e->hot, first, j, cb, arg);
	matcher_follow(s, depth, e->child, &e->hot, j);
	return n;
}

/*
 * Follows a `*` edge for every prefix of a word token that has one, of
 * the lengths WAYS lets through (CAND_SHORT, CAND_GATE).  Words whose
 * first GATE bytes start no `*` edge cost one bit test.
 */
static size_t
matcher_step_prefixes(const struct matcher *m, struct matcher_scratch *s,
    size_t *depth, uint32_t node, uint8_t spaced, size_t first, size_t j,
    unsigned ways, matcher_cb cb, void *arg)
{
	const struct tok *t = &s->toks[j];
	const struct node *nd = &m->trie.nodes[node];
	uint64_t lens = nd->prefix_lens;
	bool fold = (nd->hot.flags & TRIE_HOT_EXACT) == 0;
	const char *str = fold ? s->fold + t->foff : s->exact + t->xoff;
	size_t len = fold ? t->flen : t->xlen, l, n = 0;
	const struct edge *e;
	const struct pref *p;
	uint32_t r;
	uint64_t gh, w;

	/* Edges shorter than the gate are looked up one by one. */
	for (l = 1; (ways & CAND_SHORT) != 0 && l < GATE && l <= len; l++)
		if ((lens >> (l - 1)) & 1)
			n += matcher_step_prefix(m, s, depth, node, spaced, first, j,
			    str, l, cb, arg);
	if ((ways & CAND_GATE) == 0 || len < GATE || (lens >> (GATE - 1)) == 0)
		return n;
	gh = token_hash(str, GATE);
	if (!trie_prefix_bit(&m->trie, trie_edge_hash(node, TOK_GATE | spaced,
	    gh)) || (e = trie_lookup(&m->trie, node, TOK_GATE | spaced, gh, str,
	    GATE)) == NULL)
		return n;
	memcpy(&w, str, 8);
	for (r = m->trie.buckets[e->child]; r != TRIE_NONE; r = p->next) {
		p = &m->trie.prefs[r];
		if (p->len > len || token_first_bytes(w, p->len < 8 ? p->len :
		    8) != p->first || (p->len > 8 && memcmp(m->trie.strs +
		    p->soff + 8, str + 8, p->len - 8) != 0))
			continue;
		n += matcher_report(m, s, p->child, &m->trie.nodes[p->child].hot,
		    first, j, cb, arg);
		matcher_follow(s, depth, p->child, &m->trie.nodes[p->child].hot, j);
	}
	return n;
}

/*
 * One step from NODE (its hot part HOT) over token J: the exact edge, then
 * the `*` edges, those of them WAYS lets through (CAND_EXACT, CAND_SHORT,
 * CAND_GATE).
 */
WALK_INLINE size_t
matcher_expand(const struct matcher *m, struct matcher_scratch *s, size_t *depth,
    uint32_t node, const struct trie_hot *hot, size_t first, size_t j,
    unsigned ways, matcher_cb cb, void *arg)
{
	struct tok *t = &s->toks[j];
	bool fold = (hot->flags & TRIE_HOT_EXACT) == 0;
	const char *str = fold ? s->fold + t->foff : s->exact + t->xoff;
	size_t len = fold ? t->flen : t->xlen, n = 0;
	uint8_t kind = t->kind;
	uint8_t spaced = node > ROOT_EXACT && t->spaced ? TOK_SPACED : 0;
	const struct edge *e;
	uint64_t th;

	if (!trie_may_start(hot, str))
		return 0;
	if (!fold)
		th = token_hash(str, len);
	else {
		if (!t->hashed) {
			t->fh = token_hash(str, len);
			t->hashed = 1;
		}
		th = t->fh;
	}
	/* T goes stale here: more tokens may be cut. */
	e = (ways & CAND_EXACT) == 0 ? NULL :
	    trie_lookup(&m->trie, node, kind | spaced, th, str, len);
	if (e != NULL) {
		n += matcher_report(m, s, e->child, &e->hot, first, j, cb, arg);
		matcher_follow(s, depth, e->child, &e->hot, j);
	}
	if (kind == TOK_WORD && (ways & CAND_PREFIX) != 0 &&
	    (hot->flags & TRIE_HOT_PREFIX) != 0)
		n += matcher_step_prefixes(m, s, depth, node, spaced, first, j,
		    ways, cb, arg);
	return n;
}

/*
 * Every path through the trie from ROOT starting at token FIRST, whose
 * first step WAYS lets through (see matcher_expand).
 */
WALK_INLINE size_t
matcher_walk(const struct matcher *m, struct matcher_scratch *s, uint32_t root,
    size_t first, unsigned ways, matcher_cb cb, void *arg)
{
	size_t depth = 0, n;

	n = matcher_expand(m, s, &depth, root, &m->trie.nodes[root].hot, first,
	    first, ways, cb, arg);
	while (depth > 0) {
		depth--;
		n += matcher_expand(m, s, &depth, s->stack[depth].node,
		    s->stack[depth].hot, first, s->stack[depth].next,
		    CAND_EXACT | CAND_PREFIX, cb, arg);
	}
	return n;
}


/*
 * Walks from every candidate, those outside islands and those in them in
 * the order of their tokens.
 */
size_t
matcher_find(const struct matcher *m, struct matcher_scratch *s,
    const char *text, size_t len, matcher_cb cb, void *arg)
{
	size_t k = 0, j = 0, c, id, isl = 0, at = 0, n = 0;
	bool island;

	if (len == 0)
		return 0;
	s->filt = &m->filt;
	s->want_exact = s->filt->exact;
	s->text = text;
	prefilter_find(s, text, len);
	s->ntoks = 0;
	while (k < s->ncands || j < s->nicands) {
		island = k == s->ncands || (j < s->nicands &&
		    s->itoks[s->icands[j] >> CAND_SHIFT].start <
		    s->cands[k] >> CAND_SHIFT);
		c = island ? s->icands[j++] : s->cands[k++];
		id = (c >> CAND_SHIFT) * 2 + island;
		/* Its token, cut for an earlier walk, or the first of more. */
		while (at < s->ntoks && s->toks[at].id != id)
			at++;
		if (at == s->ntoks) {
			s->ntoks = at = 0;
			s->in_island = island;
			if (island) {
				s->itok = c >> CAND_SHIFT;
				while (s->islands[isl].last <= s->itok)
					isl++;
				s->island = isl;
				matcher_next_tok(s);
			} else {
				s->cursor = c >> CAND_SHIFT;
				while (isl < s->nislands &&
				    s->islands[isl].start <= s->cursor)
					isl++;
				s->island = isl;
				if (s->clens[k - 1] != 0)
					matcher_first_tok(s, s->cursor,
					    s->clens[k - 1]);
				else
					matcher_next_tok(s);
			}
		}
		if (c & (1U << ROOT_FOLD))
			n += matcher_walk(m, s, ROOT_FOLD, at, (unsigned)c, cb, arg);
		if (c & (1U << ROOT_EXACT))
			n += matcher_walk(m, s, ROOT_EXACT, at, (unsigned)c, cb,
			    arg);
	}
	return n;
}

bool
matcher_is_word_char(int cp)
{
	return token_is_word_char(cp);
}

const char *
matcher_phrase_problem(const char *phrase, size_t len)
{
	size_t pos, w;
	int32_t cp, prev = -1;
	bool content = false;

	if (memchr(phrase, '\0', len) != NULL)
		return "keyword contains a NUL character";
	for (pos = 0; pos < len; pos += w) {
		/* Once content came, ASCII other than '*' needs no look but
		 * as the code point before one: a taxonomy asks this of
		 * every keyword. */
		if (content && (unsigned char)phrase[pos] < 0x80 &&
		    phrase[pos] != '*') {
			while (pos + 1 < len &&
			    (unsigned char)phrase[pos + 1] < 0x80 &&
			    phrase[pos + 1] != '*')
				pos++;
			prev = (unsigned char)phrase[pos];
			w = 1;
			continue;
		}
		/* The mappings change no ASCII character: most keywords are. */
		if ((unsigned char)phrase[pos] < 0x80) {
			cp = (unsigned char)phrase[pos];
			w = 1;
		} else
			cp = fold_punct(token_next_cp(phrase, len, pos, &w));
		if (cp == '*') {
			if (prev < 0 || !matcher_is_word_char(prev))
				return "'*' must end a word (as in deploy*)";
			if (pos + w < len) {
				size_t w2;
				int32_t nx = token_next_cp(phrase, len, pos + w, &w2);

				if (matcher_is_word_char(fold_punct(nx)))
					return "'*' must end a word "
					    "(as in deploy*)";
			}
		}
		if (!content && !token_is_space(cp))
			content = true;
		prev = cp;
	}
	if (!content)
		return len == 0 ? "empty keyword" :
		    "keyword is only white space";
	return NULL;
}
