/*
 * token: the tokenizer.  See token.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "blockmask.h"
#include "fold.h"
#include "text.h"
#include "token.h"
#include "xalloc.h"

/* ASCII classes: word, space, other. */
static const uint8_t ascii_class[128] = {
	['\t'] = TOK_SPACE, ['\n'] = TOK_SPACE, ['\v'] = TOK_SPACE,
	['\f'] = TOK_SPACE, ['\r'] = TOK_SPACE, [' '] = TOK_SPACE,
	['0'] = TOK_WORD, ['1'] = TOK_WORD, ['2'] = TOK_WORD,
	['3'] = TOK_WORD, ['4'] = TOK_WORD, ['5'] = TOK_WORD,
	['6'] = TOK_WORD, ['7'] = TOK_WORD, ['8'] = TOK_WORD,
	['9'] = TOK_WORD, ['_'] = TOK_WORD,
	['A'] = TOK_WORD, ['B'] = TOK_WORD, ['C'] = TOK_WORD,
	['D'] = TOK_WORD, ['E'] = TOK_WORD, ['F'] = TOK_WORD,
	['G'] = TOK_WORD, ['H'] = TOK_WORD, ['I'] = TOK_WORD,
	['J'] = TOK_WORD, ['K'] = TOK_WORD, ['L'] = TOK_WORD,
	['M'] = TOK_WORD, ['N'] = TOK_WORD, ['O'] = TOK_WORD,
	['P'] = TOK_WORD, ['Q'] = TOK_WORD, ['R'] = TOK_WORD,
	['S'] = TOK_WORD, ['T'] = TOK_WORD, ['U'] = TOK_WORD,
	['V'] = TOK_WORD, ['W'] = TOK_WORD, ['X'] = TOK_WORD,
	['Y'] = TOK_WORD, ['Z'] = TOK_WORD,
	['a'] = TOK_WORD, ['b'] = TOK_WORD, ['c'] = TOK_WORD,
	['d'] = TOK_WORD, ['e'] = TOK_WORD, ['f'] = TOK_WORD,
	['g'] = TOK_WORD, ['h'] = TOK_WORD, ['i'] = TOK_WORD,
	['j'] = TOK_WORD, ['k'] = TOK_WORD, ['l'] = TOK_WORD,
	['m'] = TOK_WORD, ['n'] = TOK_WORD, ['o'] = TOK_WORD,
	['p'] = TOK_WORD, ['q'] = TOK_WORD, ['r'] = TOK_WORD,
	['s'] = TOK_WORD, ['t'] = TOK_WORD, ['u'] = TOK_WORD,
	['v'] = TOK_WORD, ['w'] = TOK_WORD, ['x'] = TOK_WORD,
	['y'] = TOK_WORD, ['z'] = TOK_WORD,
};

bool
token_is_space(int32_t cp)
{
	if (cp < 0x80)
		return ascii_class[cp] == TOK_SPACE;
	switch (cp) {
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return true;
	}
	return cp >= 0x2000 && cp <= 0x200a;
}

bool
token_is_word_char(int cp)
{
	if (cp < 0x80)
		return cp >= 0 && ascii_class[cp] == TOK_WORD;
	return text_is_letter(cp) ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Where NFC cannot join a code point to what precedes it. */
static bool
token_nfc_boundary(int32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x300)
		return true;
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11a8 && cp <= 0x11c2))
		return false;
	if (cp == 0x0f73 || cp == 0x0f75 || cp == 0x0f81)
		return false;
	p = utf8proc_get_property(cp);
	if (p->combining_class != 0)
		return false;
	return p->comb_index == UINT16_MAX || (p->comb_index & 0x8000) == 0;
}

/*
 * A bit for each root a phrase may start from at a token of KIND and LEN
 * folded bytes, the first eight (or all) of them W; its exact edges only
 * if PAIR (the pair filter let it through, or was not asked).
 */
unsigned
token_roots_at(const struct filt *f, uint8_t kind, uint64_t w,
    size_t len, bool pair)
{
	uint64_t tbit = token_bit(w, len), gbit = token_gate_bit(token_first_bytes(w,
	    GATE));
	unsigned roots = 0;
	int r;

	for (r = ROOT_FOLD; r <= (f->exact ? ROOT_EXACT : ROOT_FOLD); r++)
		if ((pair && ((token_info(f->info, tbit) >> r) & 1) != 0) ||
		    (kind == TOK_WORD &&
		    ((f->short_lead[r] && blockmask_test(f->shorts,
		    token_first_two(w))) || (len >= GATE &&
		    blockmask_test(f->gates[r], gbit)))))
			roots |= 1U << r;
	return roots;
}

/* Token I is where phrases from ROOTS may start, unless rule 3 forbids. */
static void
token_add_cand(struct matcher_scratch *s, size_t i, unsigned roots)
{
	const struct tok *t = &s->toks[i];

	/* Rule 3: nothing may precede a match but a non-word. */
	if (t->kind == TOK_PUNCT && !t->spaced && (i > s->first_tok ?
	    t[-1].kind == TOK_WORD : s->word_before))
		return;
	if (s->ncands == s->capcands)
		xgrow((void **)&s->cands, &s->capcands, s->ncands + 1,
		    sizeof *s->cands);
	s->cands[s->ncands++] = i << CAND_SHIFT | CAND_EXACT | CAND_PREFIX | roots;
}

/* Tests the last token, which can grow no more. */
void
token_close_last(struct matcher_scratch *s)
{
	struct tok *t = &s->toks[s->ntoks - 1];
	unsigned roots;

	s->open = false;
	if (s->filt == NULL || (t->kind == TOK_PUNCT && !s->filt->punct_lead))
		return;
	roots = token_roots_at(s->filt, t->kind, token_load_first(s->fold + t->foff,
	    t->flen), t->flen, true);
	if (roots != 0)
		token_add_cand(s, s->ntoks - 1, roots);
}

static struct tok *
token_new_tok(struct matcher_scratch *s, uint8_t kind, size_t start, size_t end)
{
	struct tok *t;

	if (s->open)
		token_close_last(s);
	if (s->ntoks == s->captoks)
		xgrow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof *t);
	t = &s->toks[s->ntoks++];
	t->kind = kind;
	t->foff = s->nfold;
	t->flen = 0;
	t->xoff = s->nexact;
	t->xlen = 0;
	t->spaced = s->gap;
	s->gap = false;
	t->start = start;
	t->end = end;
	s->open = true;
	return t;
}

static size_t
token_put_utf8(char *dst, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
}

/* Whether NFC leaves CP as it is when it stands alone. */
static bool
token_nfc_alone(int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_int32_t cps[8];
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t n;

	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return true;
	n = utf8proc_decompose(u, utf8proc_encode_char(cp, u), cps, 8,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0 || n > 8)
		return false;
	n = utf8proc_normalize_utf32(cps, n,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return n == 1 && cps[0] == cp;
}

/* Everything token_emit_info needs of CP: mappings, class and folding. */
void
token_cp_info(int32_t cp, struct cpinfo *ci)
{
	int32_t mapped = fold_punct(cp);

	memset(ci, 0, sizeof *ci);
	ci->cp = cp;
	ci->flags = CP_KNOWN;
	if (token_nfc_boundary(cp))
		ci->flags |= CP_BOUNDARY;
	if (token_nfc_alone(cp))
		ci->flags |= CP_ALONE;
	if (token_is_space(mapped)) {
		ci->kind = TOK_SPACE;
		return;
	}
	ci->kind = token_is_word_char(mapped) ? TOK_WORD : TOK_PUNCT;
	ci->flen = (uint8_t)token_put_utf8(ci->fold, fold_case(mapped));
	ci->xlen = (uint8_t)token_put_utf8(ci->exact, mapped);
	if (mapped == cp && ci->flen == ci->xlen)
		ci->flags |= CP_IN_PLACE;
}

/*
 * Moves the bytes of token T to the end of fold and exact, where what is
 * appended next joins them.
 */
static void
token_to_end(struct matcher_scratch *s, struct tok *t)
{
	if (t->foff + t->flen != s->nfold) {
		xgrow((void **)&s->fold, &s->capfold, s->nfold + t->flen + SLACK,
		    1);
		memcpy(s->fold + s->nfold, s->fold + t->foff, t->flen);
		t->foff = s->nfold;
		s->nfold += t->flen;
	}
	if (s->want_exact && t->xoff + t->xlen != s->nexact) {
		xgrow((void **)&s->exact, &s->capexact,
		    s->nexact + t->xlen + SLACK, 1);
		memcpy(s->exact + s->nexact, s->exact + t->xoff, t->xlen);
		t->xoff = s->nexact;
		s->nexact += t->xlen;
	}
}

/* Appends one normalised code point from original bytes [os, oe). */
void
token_emit_info(struct matcher_scratch *s, const struct cpinfo *ci,
    size_t os, size_t oe)
{
	struct tok *t;

	if (ci->kind == TOK_SPACE) {
		s->gap = true;
		return;
	}
	t = s->ntoks == 0 ? NULL : &s->toks[s->ntoks - 1];
	if (t != NULL && ci->kind == TOK_WORD && t->kind == TOK_WORD &&
	    !s->gap) {
		/* Open: a word is closed only by a non-word. */
		t->end = oe;
		token_to_end(s, t);
	} else
		t = token_new_tok(s, ci->kind, os, oe);
	xgrow((void **)&s->fold, &s->capfold, s->nfold + 4 + SLACK, 1);
	memcpy(s->fold + s->nfold, ci->fold, 4);
	t->flen += ci->flen;
	s->nfold += ci->flen;
	if (!s->want_exact)
		return;
	xgrow((void **)&s->exact, &s->capexact, s->nexact + 4 + SLACK, 1);
	memcpy(s->exact + s->nexact, ci->exact, 4);
	t->xlen += ci->xlen;
	s->nexact += ci->xlen;
}

static void
token_emit_cp(struct matcher_scratch *s, int32_t cp, size_t os, size_t oe)
{
	struct cpinfo ci;

	token_cp_info(cp, &ci);
	token_emit_info(s, &ci, os, oe);
}

/* Normalises the chunk [cs, ce) of NCPS code points to NFC and emits it. */
static void
token_emit_chunk(struct matcher_scratch *s, const char *text, size_t cs, size_t ce,
    size_t ncps)
{
	const utf8proc_property_t *p;
	utf8proc_ssize_t n;
	size_t pos, w, i;
	int32_t cp;
	bool same;

	if (ncps == 1 && (uint8_t)text[cs] < 0x80) {
		token_emit_cp(s, (uint8_t)text[cs], cs, ce);
		return;
	}
	if (ncps == 1) {
		cp = token_next_cp(text, ce, cs, &w);
		p = utf8proc_get_property(cp);
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) {
			token_emit_cp(s, cp, cs, ce);
			return;
		}
	}
	xgrow((void **)&s->cps, &s->capcps, ncps + 8, sizeof *s->cps);
	for (;;) {
		n = utf8proc_decompose((const utf8proc_uint8_t *)text + cs,
		    (utf8proc_ssize_t)(ce - cs), s->cps,
		    (utf8proc_ssize_t)s->capcps,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0 || (size_t)n <= s->capcps)
			break;
		xgrow((void **)&s->cps, &s->capcps, (size_t)n, sizeof *s->cps);
	}
	if (n < 0) {
		/* Invalid bytes (a mark after one): code points as decoded. */
		for (pos = cs; pos < ce; pos += w) {
			cp = token_next_cp(text, ce, pos, &w);
			token_emit_cp(s, cp, pos, pos + w);
		}
		return;
	}
	n = utf8proc_normalize_utf32(s->cps, n,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	/* Unchanged by NFC: each code point keeps its own span. */
	same = (size_t)n == ncps;
	for (pos = cs, i = 0; same && i < ncps; pos += w, i++)
		same = token_next_cp(text, ce, pos, &w) == s->cps[i];
	for (pos = cs, i = 0; i < (size_t)n; i++) {
		if (!same)
			token_emit_cp(s, s->cps[i], cs, ce);
		else {
			token_next_cp(text, ce, pos, &w);
			token_emit_cp(s, s->cps[i], pos, pos + w);
			pos += w;
		}
	}
}

/*
 * ASCII bytes [a, b), cut by the masks: NFC and the mappings change
 * nothing and folding is tolower, so a token's bytes are where the text's
 * are in fold and exact.  A word that reaches B stays open: a non-ASCII
 * letter may follow.
 */
static void
token_emit_run(struct matcher_scratch *s, size_t a, size_t b)
{
	struct tok *t;
	size_t q, e;

	q = a;
	if (s->open && !s->gap && s->toks[s->ntoks - 1].kind == TOK_WORD &&
	    blockmask_test(s->wmask, a)) {
		/* A word begun by a non-ASCII letter goes on. */
		t = &s->toks[s->ntoks - 1];
		e = blockmask_next(s->wmask, ~0ULL, a, b);
		token_to_end(s, t);
		xgrow((void **)&s->fold, &s->capfold, s->nfold + (e - a) + SLACK,
		    1);
		memcpy(s->fold + s->nfold, s->fold + a, e - a);
		s->nfold += e - a;
		t->flen += e - a;
		if (s->want_exact) {
			xgrow((void **)&s->exact, &s->capexact,
			    s->nexact + (e - a) + SLACK, 1);
			memcpy(s->exact + s->nexact, s->exact + a, e - a);
			s->nexact += e - a;
			t->xlen += e - a;
		}
		t->end = e;
		if (e == b)
			return;
		q = e;
	}
	if (s->open)
		token_close_last(s);
	for (;;) {
		e = blockmask_next(s->smask, ~0ULL, q, b);
		if (e > q)
			s->gap = true;
		if ((q = e) == b)
			return;
		e = blockmask_test(s->wmask, q) ? blockmask_next(s->wmask, ~0ULL, q, b) :
		    q + 1;
		xgrow((void **)&s->toks, &s->captoks, s->ntoks + 1,
		    sizeof *s->toks);
		t = &s->toks[s->ntoks++];
		t->kind = blockmask_test(s->wmask, q) ? TOK_WORD : TOK_PUNCT;
		t->spaced = s->gap;
		s->gap = false;
		t->start = t->foff = t->xoff = q;
		t->end = e;
		t->flen = t->xlen = e - q;
		if (e == b) {
			s->open = true;
			return;
		}
		token_close_last(s);
		q = e;
	}
}

/*
 * Cuts TEXT from POS to LEN into tokens, all of them written: ASCII runs
 * by the masks, a code point NFC leaves alone straight from the cache,
 * other chunks through NFC.
 */
void
token_cut_utf8(struct matcher_scratch *s, const char *text, size_t pos,
    size_t len)
{
	struct cpinfo ci;
	size_t end, w, ncps;
	int32_t cp;

	while (pos < len) {
		end = blockmask_next(s->hmask, 0, pos, len);
		if (end > pos) {
			if (token_starts_chunk(s, text, len, end, &w)) {
				token_emit_run(s, pos, end);
				pos = end;
				continue;
			}
			/* A mark joins the last byte: it starts the chunk. */
			if (end - 1 > pos)
				token_emit_run(s, pos, end - 1);
			pos = end - 1;
		} else {
			cp = token_next_cp(text, len, pos, &w);
			/* Copied: the next code point may take its slot. */
			ci = *token_cached_info(s, cp);
			if ((ci.flags & CP_ALONE) != 0 &&
			    token_starts_chunk(s, text, len, pos + w, &end)) {
				token_emit_info(s, &ci, pos, pos + w);
				pos += w;
				continue;
			}
		}
		token_next_cp(text, len, pos, &w);
		end = pos + w;
		ncps = 1;
		while (!token_starts_chunk(s, text, len, end, &w)) {
			end += w;
			ncps++;
		}
		token_emit_chunk(s, text, pos, end, ncps);
		pos = end;
	}
}

/*
 * The masks of TEXT, its lowered copy at the start of fold (and its copy
 * at the start of exact) and its word bytes alone in words, all of them
 * followed by SLACK zero bytes; what is appended to fold goes after them.
 * Returns whether there is a byte of 0x80 or up.
 */
bool
token_scan_text(struct matcher_scratch *s, const char *text,
    size_t len)
{
	size_t nblocks = (len + 63) / 64;
	uint64_t high, *wm, *sm, *hm;

	xgrow((void **)&s->fold, &s->capfold, nblocks * 64 + SLACK, 1);
	xgrow((void **)&s->words, &s->capwords, nblocks * 64 + SLACK, 1);
	xgrow((void **)&s->masks, &s->capmasks, 5 * (nblocks + 1),
	    sizeof *s->masks);
	wm = s->wmask = s->masks;
	sm = s->smask = s->masks + nblocks + 1;
	hm = s->hmask = s->masks + 2 * (nblocks + 1);
	s->starts = s->masks + 3 * (nblocks + 1);
	high = blockmask_scan(text, len, s->fold, s->words, wm, sm, hm);
	if (len % 64 != 0) {
		/* Past the end: white space, so no token. */
		wm[nblocks - 1] &= (1ULL << (len % 64)) - 1;
		sm[nblocks - 1] |= ~((1ULL << (len % 64)) - 1);
	}
	memset(s->fold + nblocks * 64, 0, SLACK);
	memset(s->words + nblocks * 64, 0, SLACK);
	wm[nblocks] = 0;
	s->len = len;
	s->nblocks = nblocks;
	s->nfold = nblocks * 64 + SLACK;
	s->nexact = len + SLACK;
	if (s->want_exact) {
		xgrow((void **)&s->exact, &s->capexact, s->nexact, 1);
		memcpy(s->exact, text, len);
	}
	return high != 0;
}

/* Cuts TEXT into tokens, all of them written. */
void
token_cut(struct matcher_scratch *s, const char *text, size_t len)
{
	s->ntoks = s->ncands = 0;
	s->gap = s->open = false;
	if (len == 0)
		return;
	token_scan_text(s, text, len);
	token_cut_utf8(s, text, 0, len);
	if (s->open)
		token_close_last(s);
}
