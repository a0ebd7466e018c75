#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "matcher.h"
#include "text.h"
#include "xalloc.h"

/*
 * White space makes no token of its own: the token after it is `spaced`
 * (rule 4: any run of it is one space).  Trie edges past the first token
 * carry that as TOK_SPACED in their kind.
 */
enum tok_kind {
	TOK_WORD = 1,
	TOK_SPACE,		/* a class of characters, never a token */
	TOK_PUNCT,
	TOK_PREFIX,		/* a phrase word ending in `*`: trie edges only */
	TOK_GATE,		/* the first GATE bytes of long TOK_PREFIX edges */
	TOK_SPACED = 8
};

/* One token of normalised text: folded and exact bytes, original span. */
struct tok {
	uint8_t kind;
	uint8_t spaced;		/* white space comes before it */
	uint8_t xh_done;	/* xh is computed on demand */
	size_t foff, flen;	/* into scratch->fold */
	size_t xoff, xlen;	/* into scratch->exact (filled for match-case) */
	uint64_t fh, xh;	/* hashes of the folded and exact bytes */
	size_t start, end;	/* bytes of the original text */
};

struct matcher_scratch {
	struct tok *toks;
	size_t ntoks, captoks;
	char *fold;
	size_t nfold, capfold;
	char *exact;
	size_t nexact, capexact;
	const char *xbase;	/* where tok.xoff points */
	bool gap;		/* white space since the last token */
	int32_t *cps;
	size_t capcps;
	struct walk {
		uint32_t node;
		size_t next;
	} *stack;
	size_t capstack;
};

#define NONE UINT32_MAX

struct node {
	uint32_t terms;		/* first phrase ending here, or NONE */
	uint32_t nkids;
	uint64_t prefix_lens;	/* bit L-1: a `*` edge of L bytes; bit 63: 64+ */
	uint8_t mode;		/* enum matcher_case of the phrases through it */
};

struct term {
	uint32_t phrase;
	uint32_t next;
};

/*
 * A `*` word of GATE bytes or more: the edge (node, its first GATE bytes)
 * leads to a bucket of these, one per length and spelling.
 */
struct pref {
	uint32_t len;
	uint32_t soff;		/* in matcher->strs */
	uint32_t child;
	uint32_t next;		/* in the same bucket, or NONE */
};

struct edge {
	uint64_t h;		/* 0: empty slot */
	uint32_t parent;
	uint32_t child;
	uint32_t soff;		/* token bytes, in matcher->strs */
	uint32_t slen;
};

#define ROOT_FOLD 0
#define ROOT_EXACT 1
#define ROOT_BITS 19
#define PREFIX_BITS 17
#define GATE 4			/* `*` edges are gated on this many bytes */

struct matcher {
	struct node *nodes;
	size_t nnodes, capnodes;
	struct term *terms;
	size_t nterms, capterms;
	struct edge *edges;
	size_t nedges, capedges;	/* capedges: a power of two */
	char *strs;
	size_t nstrs, capstrs;
	struct pref *prefs;
	size_t nprefs, capprefs;
	uint32_t *buckets;	/* first pref of each bucket */
	size_t nbuckets, capbuckets;
	size_t nphrases;
	/* First-token filter for each root: one bit per hash bucket. */
	uint64_t rootbits[2][(1 << ROOT_BITS) / 64];
	/* The same for the first GATE bytes of the roots' long `*` words. */
	uint64_t rootgates[2][(1 << ROOT_BITS) / 64];
	/*
	 * A filter over `*` edges: each sets the bit of its first GATE bytes
	 * (or all, if shorter) and the bit of itself, so most words are ruled
	 * out with one or two bit tests and no probe.
	 */
	uint64_t prefixbits[(1 << PREFIX_BITS) / 64];
};

#define HASH_MUL 0x9fb21c651e98df25ULL

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

static bool
is_space_cp(int32_t cp)
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
matcher_is_word_char(int cp)
{
	if (cp < 0x80)
		return cp >= 0 && ascii_class[cp] == TOK_WORD;
	return text_is_letter(cp) ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Rule 1: the quote and dash variants read as their ASCII forms. */
static int32_t
map_punct(int32_t cp)
{
	switch (cp) {
	case 0x2019: case 0x2018: case 0x02bc: case 0x2032:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return '-';
	}
	return cp;
}

/*
 * Unicode simple case folding.  utf8proc gives the full folding; where that
 * is one code point it is also the simple one, and where it is longer the
 * simple folding (status S) is the lowercase form when that folds the same
 * way (U+1E9E -> U+00DF), else there is none (U+0130 stays).
 */
static int32_t
fold_cp(int32_t cp)
{
	utf8proc_int32_t full[8], low[8];
	utf8proc_ssize_t n, nl;
	int32_t lower;
	int bc = 0;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (utf8proc_get_property(cp)->casefold_seqindex == UINT16_MAX)
		return cp;
	n = utf8proc_decompose_char(cp, full, 8, UTF8PROC_CASEFOLD, &bc);
	if (n == 1)
		return full[0];
	lower = utf8proc_tolower(cp);
	if (lower == cp || n < 0 || n > 8)
		return cp;
	bc = 0;
	nl = utf8proc_decompose_char(lower, low, 8, UTF8PROC_CASEFOLD, &bc);
	if (nl == n && memcmp(low, full, (size_t)n * sizeof full[0]) == 0)
		return lower;
	return cp;
}

/* Where NFC cannot join a code point to what precedes it. */
static bool
nfc_boundary(int32_t cp)
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

static void
grow(void **buf, size_t *cap, size_t need, size_t size)
{
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap < 64 ? 64 : *cap;
	while (ncap < need)
		ncap *= 2;
	*buf = xreallocarray(*buf, ncap, size);
	*cap = ncap;
}

static struct tok *
new_tok(struct matcher_scratch *s, uint8_t kind, size_t start, size_t end)
{
	struct tok *t;

	if (s->ntoks == s->captoks)
		grow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof *t);
	t = &s->toks[s->ntoks++];
	t->kind = kind;
	t->foff = s->nfold;
	t->flen = 0;
	t->xoff = s->nexact;
	t->xlen = 0;
	t->xh_done = 0;
	t->spaced = s->gap;
	s->gap = false;
	t->start = start;
	t->end = end;
	return t;
}

static size_t
put_utf8(char *dst, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
}

/*
 * Token bytes, eight at a time; tokens and phrases hash the same way.  P
 * lies in a scratch buffer with SLACK bytes after its end, so the last
 * load may read past the token and mask what it does not own.
 */
#define SLACK 8

/* The first N (1-7) bytes in memory order of a loaded word, the rest 0. */
static uint64_t
first_bytes(uint64_t w, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return w & ~(~0ULL >> (8 * n));
#else
	return w & (~0ULL >> (64 - 8 * n));
#endif
}

static uint64_t
hash_str(const char *p, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ULL ^ n, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * HASH_MUL;
		h ^= h >> 31;
	}
	if (n > 0) {
		memcpy(&w, p, 8);
		w = first_bytes(w, n);
		h = (h ^ w) * HASH_MUL;
		h ^= h >> 31;
	}
	return h;
}

/* Appends one normalised code point from original bytes [os, oe). */
static void
emit_cp(struct matcher_scratch *s, int32_t cp, size_t os, size_t oe,
    bool exact)
{
	struct tok *t;
	uint8_t kind;
	size_t n;

	cp = map_punct(cp);
	if (is_space_cp(cp)) {
		s->gap = true;
		return;
	}
	kind = matcher_is_word_char(cp) ? TOK_WORD : TOK_PUNCT;
	t = s->ntoks == 0 ? NULL : &s->toks[s->ntoks - 1];
	if (t != NULL && kind == TOK_WORD && t->kind == kind && !s->gap)
		t->end = oe;
	else
		t = new_tok(s, kind, os, oe);
	grow((void **)&s->fold, &s->capfold, s->nfold + 4 + SLACK, 1);
	if (cp < 0x80) {
		s->fold[s->nfold] = (char)((cp >= 'A' && cp <= 'Z') ?
		    cp + 32 : cp);
		n = 1;
	} else
		n = put_utf8(s->fold + s->nfold, fold_cp(cp));
	t->flen += n;
	s->nfold += n;
	if (!exact)
		return;
	grow((void **)&s->exact, &s->capexact, s->nexact + 4 + SLACK, 1);
	n = put_utf8(s->exact + s->nexact, cp);
	t->xlen += n;
	s->nexact += n;
}

/* Decodes one code point; invalid bytes read as U+FFFD, one at a time. */
static int32_t
next_cp(const char *text, size_t len, size_t pos, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t avail = len - pos;

	r = utf8proc_iterate((const utf8proc_uint8_t *)text + pos,
	    avail > 4 ? 4 : (utf8proc_ssize_t)avail, &cp);
	if (r <= 0) {
		*n = 1;
		return 0xfffd;
	}
	*n = (size_t)r;
	return cp;
}

/* Normalises the chunk [cs, ce) of NCPS code points to NFC and emits it. */
static void
emit_chunk(struct matcher_scratch *s, const char *text, size_t cs, size_t ce,
    size_t ncps, bool exact)
{
	const utf8proc_property_t *p;
	utf8proc_ssize_t n;
	size_t pos, w, i;
	int32_t cp;
	bool same;

	if (ncps == 1 && (uint8_t)text[cs] < 0x80) {
		emit_cp(s, (uint8_t)text[cs], cs, ce, exact);
		return;
	}
	if (ncps == 1) {
		cp = next_cp(text, ce, cs, &w);
		p = utf8proc_get_property(cp);
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) {
			emit_cp(s, cp, cs, ce, exact);
			return;
		}
	}
	grow((void **)&s->cps, &s->capcps, ncps + 8, sizeof *s->cps);
	for (;;) {
		n = utf8proc_decompose((const utf8proc_uint8_t *)text + cs,
		    (utf8proc_ssize_t)(ce - cs), s->cps,
		    (utf8proc_ssize_t)s->capcps,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0 || (size_t)n <= s->capcps)
			break;
		grow((void **)&s->cps, &s->capcps, (size_t)n, sizeof *s->cps);
	}
	if (n < 0) {
		/* Invalid bytes (a mark after one): code points as decoded. */
		for (pos = cs; pos < ce; pos += w) {
			cp = next_cp(text, ce, pos, &w);
			emit_cp(s, cp, pos, pos + w, exact);
		}
		return;
	}
	n = utf8proc_normalize_utf32(s->cps, n,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	/* Unchanged by NFC: each code point keeps its own span. */
	same = (size_t)n == ncps;
	for (pos = cs, i = 0; same && i < ncps; pos += w, i++)
		same = next_cp(text, ce, pos, &w) == s->cps[i];
	for (pos = cs, i = 0; i < (size_t)n; i++) {
		if (!same)
			emit_cp(s, s->cps[i], cs, ce, exact);
		else {
			next_cp(text, ce, pos, &w);
			emit_cp(s, s->cps[i], pos, pos + w, exact);
			pos += w;
		}
	}
}

/* Copies ASCII with A-Z lowered, eight bytes at a time. */
static void
lower_copy(char *dst, const char *src, size_t n)
{
	uint64_t w, low7, upper;
	size_t i = 0;
	uint8_t c;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, src + i, 8);
		low7 = w & 0x7f7f7f7f7f7f7f7fULL;
		/* High bit of each byte: 'A' <= byte <= 'Z'. */
		upper = ((low7 + 0x3f3f3f3f3f3f3f3fULL) ^
		    (low7 + 0x2525252525252525ULL)) & ~w & 0x8080808080808080ULL;
		w |= upper >> 2;
		memcpy(dst + i, &w, 8);
	}
	for (; i < n; i++) {
		c = (uint8_t)src[i];
		dst[i] = (char)(c + ((uint8_t)(c - 'A') < 26 ? 32 : 0));
	}
}

/*
 * ASCII bytes [a, b): NFC and the mappings change nothing and folding is
 * tolower, so tokens are runs of one class, copied whole.
 */
static void
emit_ascii(struct matcher_scratch *s, const char *text, size_t a, size_t b,
    bool exact)
{
	const uint8_t *u = (const uint8_t *)text;
	struct tok *t;
	size_t i, j, fbase = s->nfold - a, xbase = s->nexact - a;
	uint8_t kind;

	grow((void **)&s->fold, &s->capfold, s->nfold + (b - a) + SLACK, 1);
	lower_copy(s->fold + s->nfold, text + a, b - a);
	s->nfold += b - a;
	if (exact) {
		grow((void **)&s->exact, &s->capexact,
		    s->nexact + (b - a) + SLACK, 1);
		memcpy(s->exact + s->nexact, text + a, b - a);
		s->nexact += b - a;
	}
	grow((void **)&s->toks, &s->captoks, s->ntoks + (b - a) + 1,
	    sizeof *s->toks);
	for (i = a; i < b; i = j) {
		kind = ascii_class[u[i]];
		j = i + 1;
		if (kind == 0)
			kind = TOK_PUNCT;
		else
			while (j < b && ascii_class[u[j]] == kind)
				j++;
		if (kind == TOK_SPACE) {
			s->gap = true;
			continue;
		}
		t = s->ntoks == 0 ? NULL : &s->toks[s->ntoks - 1];
		if (t != NULL && kind == TOK_WORD && t->kind == kind &&
		    !s->gap) {
			/* Joins a word begun by a non-ASCII character. */
			t->end = j;
			t->flen += j - i;
			t->xlen += j - i;
			continue;
		}
		t = &s->toks[s->ntoks++];
		t->kind = kind;
		t->spaced = s->gap;
		s->gap = false;
		t->xh_done = 0;
		t->start = i;
		t->end = j;
		t->foff = fbase + i;
		t->xoff = xbase + i;
		t->flen = t->xlen = j - i;
	}
}

/* The end of the ASCII bytes from POS on. */
static size_t
ascii_run(const char *text, size_t pos, size_t len)
{
	uint64_t w;

	while (pos + 8 <= len) {
		memcpy(&w, text + pos, 8);
		if ((w & 0x8080808080808080ULL) != 0)
			break;
		pos += 8;
	}
	while (pos < len && (uint8_t)text[pos] < 0x80)
		pos++;
	return pos;
}

/* The general path: NFC chunk by chunk, then the mappings and folding. */
static void
tokenize_utf8(struct matcher_scratch *s, const char *text, size_t len,
    bool exact)
{
	size_t pos = 0, end, w, ncps;
	int32_t cp;

	while (pos < len) {
		/* An ASCII run, but for its last byte, which a mark may join. */
		end = ascii_run(text, pos, len);
		if (end == len)
			end++;
		if (end > pos + 1) {
			emit_ascii(s, text, pos, end - 1, exact);
			pos = end - 1;
			if (pos == len)
				break;
		}
		cp = next_cp(text, len, pos, &w);
		end = pos + w;
		ncps = 1;
		while (end < len) {
			if ((uint8_t)text[end] < 0x80)
				break;
			cp = next_cp(text, len, end, &w);
			if (nfc_boundary(cp) || cp == 0xfffd)
				break;
			end += w;
			ncps++;
		}
		emit_chunk(s, text, pos, end, ncps, exact);
		pos = end;
	}
	s->xbase = s->exact;
}

static bool
is_ascii(const char *text, size_t len)
{
	uint64_t acc = 0, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, text + i, 8);
		acc |= w;
	}
	for (; i < len; i++)
		acc |= (uint8_t)text[i];
	return (acc & 0x8080808080808080ULL) == 0;
}

static void
hash_tokens(struct matcher_scratch *s, bool exact)
{
	struct tok *t, *end;

	if (s->ntoks == 0)
		return;		/* toks may be NULL: no pointer arithmetic on it */
	end = s->toks + s->ntoks;
	for (t = s->toks; t < end; t++) {
		t->fh = hash_str(s->fold + t->foff, t->flen);
		if (exact) {
			t->xh = hash_str(s->xbase + t->xoff, t->xlen);
			t->xh_done = 1;
		}
	}
}

/* The exact hash, computed the first time a match-case phrase needs it. */
static uint64_t
tok_xh(struct tok *t, const char *xbase)
{
	if (!t->xh_done) {
		t->xh = hash_str(xbase + t->xoff, t->xlen);
		t->xh_done = 1;
	}
	return t->xh;
}

static void
tokenize(struct matcher_scratch *s, const char *text, size_t len, bool exact)
{
	s->ntoks = s->nfold = s->nexact = 0;
	s->gap = false;
	if (is_ascii(text, len))
		emit_ascii(s, text, 0, len, exact);
	else
		tokenize_utf8(s, text, len, exact);
	s->xbase = s->exact;
	hash_tokens(s, false);
}

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
	free(s->cps);
	free(s->stack);
	free(s);
}

static uint64_t
edge_hash(uint32_t parent, uint8_t kind, uint64_t th)
{
	uint64_t h;

	h = (th ^ ((uint64_t)parent * 0x9e3779b97f4a7c15ULL)) +
	    ((uint64_t)kind << 58);
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h | 1;		/* 0 marks an empty slot */
}

static uint32_t
lookup(const struct matcher *m, uint32_t parent, uint8_t kind, uint64_t th,
    const char *str, size_t len)
{
	const struct edge *e;
	uint64_t h = edge_hash(parent, kind, th);
	size_t mask = m->capedges - 1, i;

	for (i = h & mask;; i = (i + 1) & mask) {
		e = &m->edges[i];
		if (e->h == 0)
			return NONE;
		if (e->h == h && e->parent == parent && e->slen == len &&
		    memcmp(m->strs + e->soff, str, len) == 0)
			return e->child;
	}
}

static uint32_t
new_node(struct matcher *m, uint8_t mode)
{
	struct node *n;

	grow((void **)&m->nodes, &m->capnodes, m->nnodes + 1, sizeof *n);
	n = &m->nodes[m->nnodes];
	n->terms = NONE;
	n->nkids = 0;
	n->prefix_lens = 0;
	n->mode = mode;
	return (uint32_t)m->nnodes++;
}

static void
rehash(struct matcher *m, size_t cap)
{
	struct edge *old = m->edges;
	size_t ocap = m->capedges, i, j;

	m->edges = xcalloc(cap, sizeof *m->edges);
	m->capedges = cap;
	for (i = 0; i < ocap; i++) {
		if (old[i].h == 0)
			continue;
		for (j = old[i].h & (cap - 1); m->edges[j].h != 0;
		    j = (j + 1) & (cap - 1))
			;
		m->edges[j] = old[i];
	}
	free(old);
}

static void
set_prefix_bit(struct matcher *m, uint64_t h)
{
	h >>= 64 - PREFIX_BITS;
	m->prefixbits[h / 64] |= 1ULL << (h % 64);
}

static bool
prefix_bit(const struct matcher *m, uint64_t h)
{
	h >>= 64 - PREFIX_BITS;
	return (m->prefixbits[h / 64] >> (h % 64)) & 1;
}

static uint32_t
store_str(struct matcher *m, const char *str, size_t len)
{
	size_t off = m->nstrs;

	grow((void **)&m->strs, &m->capstrs, m->nstrs + len + 1, 1);
	memcpy(m->strs + m->nstrs, str, len);
	m->nstrs += len;
	return (uint32_t)off;
}

static void
insert_edge(struct matcher *m, uint32_t parent, uint8_t kind, uint64_t th,
    const char *str, size_t len, uint32_t child)
{
	struct edge *e;
	uint64_t h;
	size_t i;

	if ((m->nedges + 1) * 2 > m->capedges)
		rehash(m, m->capedges * 2);
	h = edge_hash(parent, kind, th);
	for (i = h & (m->capedges - 1); m->edges[i].h != 0;
	    i = (i + 1) & (m->capedges - 1))
		;
	e = &m->edges[i];
	e->h = h;
	e->parent = parent;
	e->child = child;
	e->soff = store_str(m, str, len);
	e->slen = (uint32_t)len;
	m->nedges++;
}

/* The root gate filter's bit for the GATE bytes at STR. */
static uint64_t
root_gate_bit(const char *str)
{
	uint32_t w;

	memcpy(&w, str, GATE);
	return ((uint64_t)w * 0x9e3779b97f4a7c15ULL) >> (64 - ROOT_BITS);
}

/* A `*` word of GATE bytes or more goes into its gate's bucket. */
static uint32_t
add_long_prefix(struct matcher *m, uint32_t parent, uint8_t spaced,
    const char *str, size_t len)
{
	uint64_t gh = hash_str(str, GATE);
	uint8_t kind = TOK_GATE | spaced;
	uint32_t b, r, child;
	struct pref *p;

	b = lookup(m, parent, kind, gh, str, GATE);
	if (b == NONE) {
		grow((void **)&m->buckets, &m->capbuckets, m->nbuckets + 1,
		    sizeof *m->buckets);
		b = (uint32_t)m->nbuckets++;
		m->buckets[b] = NONE;
		insert_edge(m, parent, kind, gh, str, GATE, b);
		set_prefix_bit(m, edge_hash(parent, kind, gh));
		if (parent == ROOT_FOLD || parent == ROOT_EXACT) {
			uint64_t bit = root_gate_bit(str);

			m->rootgates[parent][bit / 64] |= 1ULL << (bit % 64);
		}
	}
	for (r = m->buckets[b]; r != NONE; r = m->prefs[r].next)
		if (m->prefs[r].len == len &&
		    memcmp(m->strs + m->prefs[r].soff, str, len) == 0)
			return m->prefs[r].child;
	child = new_node(m, m->nodes[parent].mode);
	m->nodes[parent].nkids++;
	m->nodes[parent].prefix_lens |= 1ULL << (len > 64 ? 63 : len - 1);
	grow((void **)&m->prefs, &m->capprefs, m->nprefs + 1,
	    sizeof *m->prefs);
	p = &m->prefs[m->nprefs];
	p->len = (uint32_t)len;
	p->soff = store_str(m, str, len);
	p->child = child;
	p->next = m->buckets[b];
	m->buckets[b] = (uint32_t)m->nprefs++;
	return child;
}

/*
 * Adds the edge PARENT --token--> child.  FH is the token's folded hash:
 * the first-token filter of both roots is keyed on it, so text pays for
 * exact hashes only where a match-case phrase may start.
 */
static uint32_t
add_edge(struct matcher *m, uint32_t parent, uint8_t kind, uint64_t th,
    uint64_t fh, const char *str, size_t len)
{
	uint8_t base = kind & ~TOK_SPACED;
	uint32_t child;

	if (base == TOK_PREFIX && len >= GATE)
		return add_long_prefix(m, parent, kind & TOK_SPACED, str, len);
	child = lookup(m, parent, kind, th, str, len);
	if (child != NONE)
		return child;
	child = new_node(m, m->nodes[parent].mode);
	m->nodes[parent].nkids++;
	if (base == TOK_PREFIX) {
		m->nodes[parent].prefix_lens |= 1ULL << (len - 1);
		set_prefix_bit(m, edge_hash(parent, kind, th));
	}
	if (parent == ROOT_FOLD || parent == ROOT_EXACT)
		m->rootbits[parent][(fh >> (64 - ROOT_BITS)) / 64] |=
		    1ULL << ((fh >> (64 - ROOT_BITS)) % 64);
	insert_edge(m, parent, kind, th, str, len, child);
	return child;
}

struct matcher *
matcher_new(void)
{
	struct matcher *m = xcalloc(1, sizeof *m);

	m->capedges = 256;
	m->edges = xcalloc(m->capedges, sizeof *m->edges);
	new_node(m, MATCHER_FOLD);
	new_node(m, MATCHER_EXACT);
	return m;
}

void
matcher_free(struct matcher *m)
{
	if (m == NULL)
		return;
	free(m->nodes);
	free(m->terms);
	free(m->edges);
	free(m->strs);
	free(m->prefs);
	free(m->buckets);
	free(m);
}

size_t
matcher_count(const struct matcher *m)
{
	return m->nphrases;
}

size_t
matcher_memory(const struct matcher *m)
{
	return sizeof *m + m->capnodes * sizeof *m->nodes +
	    m->capterms * sizeof *m->terms + m->capedges * sizeof *m->edges +
	    m->capstrs + m->capprefs * sizeof *m->prefs +
	    m->capbuckets * sizeof *m->buckets;
}

size_t
matcher_add(struct matcher *m, const char *phrase, size_t len,
    enum matcher_case mode)
{
	struct matcher_scratch *s = matcher_scratch_new();
	struct tok *t;
	size_t first, last, i;
	uint32_t node;
	uint8_t kind;
	const char *str;
	size_t slen;
	uint64_t th;
	bool fold = mode == MATCHER_FOLD;

	s->ntoks = s->nfold = s->nexact = 0;
	s->gap = false;
	tokenize_utf8(s, phrase, len, true);
	hash_tokens(s, true);
	/* White space at the ends of a phrase makes no token. */
	first = 0;
	last = s->ntoks;
	node = fold ? ROOT_FOLD : ROOT_EXACT;
	for (i = first; i < last; i++) {
		t = &s->toks[i];
		kind = t->kind;
		if (kind == TOK_WORD && i + 1 < last &&
		    s->toks[i + 1].kind == TOK_PUNCT && !s->toks[i + 1].spaced &&
		    s->toks[i + 1].flen == 1 && s->fold[s->toks[i + 1].foff] == '*')
			kind = TOK_PREFIX;
		if (i > first && t->spaced)
			kind |= TOK_SPACED;
		str = fold ? s->fold + t->foff : s->exact + t->xoff;
		slen = fold ? t->flen : t->xlen;
		th = fold ? t->fh : t->xh;
		node = add_edge(m, node, kind, th, t->fh, str, slen);
		if ((kind & ~TOK_SPACED) == TOK_PREFIX)
			i++;
	}
	if (first < last) {
		grow((void **)&m->terms, &m->capterms, m->nterms + 1,
		    sizeof *m->terms);
		m->terms[m->nterms].phrase = (uint32_t)m->nphrases;
		m->terms[m->nterms].next = m->nodes[node].terms;
		m->nodes[node].terms = (uint32_t)m->nterms++;
	}
	matcher_scratch_free(s);
	return m->nphrases++;
}

static void
push(struct matcher_scratch *s, size_t *n, uint32_t node, size_t next)
{
	grow((void **)&s->stack, &s->capstack, *n + 1, sizeof *s->stack);
	s->stack[*n].node = node;
	s->stack[*n].next = next;
	(*n)++;
}

/* Reports the phrases ending at NODE for tokens [first, last]. */
static size_t
report(const struct matcher *m, const struct matcher_scratch *s,
    uint32_t node, size_t first, size_t last, matcher_cb cb, void *arg)
{
	const struct tok *t = &s->toks[last];
	uint32_t i;
	size_t n = 0;

	if (t->kind == TOK_PUNCT && last + 1 < s->ntoks &&
	    s->toks[last + 1].kind == TOK_WORD && !s->toks[last + 1].spaced)
		return 0;
	for (i = m->nodes[node].terms; i != NONE; i = m->terms[i].next) {
		cb(arg, m->terms[i].phrase, s->toks[first].start, t->end);
		n++;
	}
	return n;
}

/* Follows the `*` edge of one prefix length, if there is one. */
static size_t
step_prefix(const struct matcher *m, struct matcher_scratch *s,
    size_t *depth, uint32_t node, uint8_t spaced, size_t first, size_t j,
    const char *str, size_t l, matcher_cb cb, void *arg)
{
	uint64_t h = hash_str(str, l);
	uint32_t child;
	size_t n;

	if (!prefix_bit(m, edge_hash(node, TOK_PREFIX | spaced, h)))
		return 0;
	child = lookup(m, node, TOK_PREFIX | spaced, h, str, l);
	if (child == NONE)
		return 0;
	n = report(m, s, child, first, j, cb, arg);
	if (m->nodes[child].nkids != 0 && j + 1 < s->ntoks)
		push(s, depth, child, j + 1);
	return n;
}

/*
 * Follows a `*` edge for every prefix of a word token that has one.  Words
 * whose first GATE bytes start no `*` edge cost one bit test.
 */
static size_t
step_prefixes(const struct matcher *m, struct matcher_scratch *s,
    size_t *depth, uint32_t node, uint8_t spaced, size_t first, size_t j,
    matcher_cb cb, void *arg)
{
	const struct tok *t = &s->toks[j];
	uint64_t lens = m->nodes[node].prefix_lens;
	bool fold = m->nodes[node].mode == MATCHER_FOLD;
	const char *str = fold ? s->fold + t->foff : s->xbase + t->xoff;
	size_t len = fold ? t->flen : t->xlen, l, n = 0;
	const struct pref *p;
	uint32_t b, r;
	uint64_t gh;

	/* Edges shorter than the gate are looked up one by one. */
	for (l = 1; l < GATE && l <= len; l++)
		if ((lens >> (l - 1)) & 1)
			n += step_prefix(m, s, depth, node, spaced, first, j,
			    str, l, cb, arg);
	if (len < GATE || (lens >> (GATE - 1)) == 0)
		return n;
	gh = hash_str(str, GATE);
	if (!prefix_bit(m, edge_hash(node, TOK_GATE | spaced, gh)) ||
	    (b = lookup(m, node, TOK_GATE | spaced, gh, str, GATE)) == NONE)
		return n;
	for (r = m->buckets[b]; r != NONE; r = p->next) {
		p = &m->prefs[r];
		if (p->len > len ||
		    memcmp(m->strs + p->soff, str, p->len) != 0)
			continue;
		n += report(m, s, p->child, first, j, cb, arg);
		if (m->nodes[p->child].nkids != 0 && j + 1 < s->ntoks)
			push(s, depth, p->child, j + 1);
	}
	return n;
}

/* Whether the exact edge from a root can exist: its filter bit. */
static bool
root_bit(const struct matcher *m, uint32_t root, uint64_t th)
{
	th >>= 64 - ROOT_BITS;
	return (m->rootbits[root][th / 64] >> (th % 64)) & 1;
}

/* One step from NODE over token J: the exact edge, then the `*` edges. */
static size_t
expand(const struct matcher *m, struct matcher_scratch *s, size_t *depth,
    uint32_t node, size_t first, size_t j, matcher_cb cb, void *arg)
{
	struct tok *t = &s->toks[j];
	bool fold = m->nodes[node].mode == MATCHER_FOLD;
	uint64_t th = fold ? t->fh : tok_xh(t, s->xbase);
	uint8_t spaced = node > ROOT_EXACT && t->spaced ? TOK_SPACED : 0;
	uint32_t child = NONE;
	size_t n = 0;

	if (node > ROOT_EXACT || root_bit(m, node, t->fh)) {
		if (fold)
			child = lookup(m, node, t->kind | spaced, th,
			    s->fold + t->foff, t->flen);
		else
			child = lookup(m, node, t->kind | spaced, th,
			    s->xbase + t->xoff, t->xlen);
	}
	if (child != NONE) {
		n += report(m, s, child, first, j, cb, arg);
		if (m->nodes[child].nkids != 0 && j + 1 < s->ntoks)
			push(s, depth, child, j + 1);
	}
	if (t->kind == TOK_WORD && m->nodes[node].prefix_lens != 0)
		n += step_prefixes(m, s, depth, node, spaced, first, j, cb,
		    arg);
	return n;
}

/* Every path through the trie from ROOT starting at token FIRST. */
static size_t
walk(const struct matcher *m, struct matcher_scratch *s, uint32_t root,
    size_t first, matcher_cb cb, void *arg)
{
	size_t depth = 0, n;

	n = expand(m, s, &depth, root, first, first, cb, arg);
	while (depth > 0) {
		depth--;
		n += expand(m, s, &depth, s->stack[depth].node, first,
		    s->stack[depth].next, cb, arg);
	}
	return n;
}

/* The cheap filters: can any phrase from ROOT start at token T? */
static bool
may_start(const struct matcher *m, const struct matcher_scratch *s,
    uint32_t root, const struct tok *t)
{
	uint64_t lens = m->nodes[root].prefix_lens, bit;
	const char *str;

	if (root_bit(m, root, t->fh))
		return true;
	if (t->kind != TOK_WORD || lens == 0)
		return false;
	if ((lens & ((1ULL << (GATE - 1)) - 1)) != 0)
		return true;
	if ((root == ROOT_FOLD ? t->flen : t->xlen) < GATE)
		return false;
	str = root == ROOT_FOLD ? s->fold + t->foff : s->xbase + t->xoff;
	bit = root_gate_bit(str);
	return (m->rootgates[root][bit / 64] >> (bit % 64)) & 1;
}

size_t
matcher_find(const struct matcher *m, struct matcher_scratch *s,
    const char *text, size_t len, matcher_cb cb, void *arg)
{
	const struct tok *t;
	bool exact = m->nodes[ROOT_EXACT].nkids != 0;
	size_t i, n = 0;

	if (len == 0)
		return 0;
	tokenize(s, text, len, exact);
	for (i = 0; i < s->ntoks; i++) {
		t = &s->toks[i];
		/* Rule 3: nothing may precede a match but a non-word. */
		if (t->kind == TOK_PUNCT && i > 0 && !t->spaced &&
		    s->toks[i - 1].kind == TOK_WORD)
			continue;
		if (may_start(m, s, ROOT_FOLD, t))
			n += walk(m, s, ROOT_FOLD, i, cb, arg);
		if (exact && may_start(m, s, ROOT_EXACT, t))
			n += walk(m, s, ROOT_EXACT, i, cb, arg);
	}
	return n;
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
		cp = map_punct(next_cp(phrase, len, pos, &w));
		if (cp == '*') {
			if (prev < 0 || !matcher_is_word_char(prev))
				return "'*' must end a word (as in deploy*)";
			if (pos + w < len) {
				size_t w2;
				int32_t nx = next_cp(phrase, len, pos + w, &w2);

				if (matcher_is_word_char(map_punct(nx)))
					return "'*' must end a word "
					    "(as in deploy*)";
			}
		}
		if (!is_space_cp(cp))
			content = true;
		prev = cp;
	}
	if (!content)
		return len == 0 ? "empty keyword" :
		    "keyword is only white space";
	return NULL;
}
