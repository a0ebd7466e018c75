#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "matcher.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

#ifdef SCAN_AVX2
#include <immintrin.h>
#endif

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
	size_t start, end;	/* bytes of the original text */
	size_t foff, flen;	/* into scratch->fold */
	size_t xoff, xlen;	/* into scratch->exact (filled for match-case) */
	uint8_t kind;
	uint8_t spaced;		/* white space comes before it */
	/* Walked tokens: which one (next_tok), the folded hash once known. */
	uint8_t hashed;
	size_t id;
	uint64_t fh;
};

/* What emit_info needs of a code point; cached. */
struct cpinfo {
	int32_t cp;
	uint8_t kind;		/* TOK_WORD, TOK_SPACE, TOK_PUNCT: mapped */
	uint8_t flags;
#define CP_KNOWN 1		/* the cache entry is filled */
#define CP_BOUNDARY 2		/* NFC cannot join it to what precedes */
#define CP_ALONE 4		/* NFC leaves it as it is when alone */
#define CP_SELF 8		/* the mappings and folding leave it too */
	uint8_t flen, xlen;
	char fold[4], exact[4];	/* UTF-8, folded and as mapped */
};

/*
 * The cache: code points below U+0800 and General Punctuation (U+2000-
 * U+206F) in entries of their own, others in slots by a hash.
 */
#define CPCACHE_LOW 0x800
#define CPCACHE_PUNCT 0x2000
#define CPCACHE_HASHED 1024
#define CPCACHE_SIZE (CPCACHE_LOW + 0x70 + CPCACHE_HASHED)

/* The filters that pick the candidates, in the matcher. */
struct filt {
	const uint64_t *bits[2];	/* the matcher's rootbits */
	const uint64_t *gates[2];	/* the matcher's gatebits */
	const uint64_t *leads;		/* leadbits */
	const uint64_t *any, *anygate;	/* anybits, anygates */
	bool short_lead[2];		/* a short `*` word starts a phrase */
	bool lead_gates;		/* a long `*` word starts a phrase */
	bool punct_lead;		/* punctuation starts a phrase */
	bool exact;			/* ROOT_EXACT has phrases */
	bool dense;			/* many leadbits words are set */
};

struct matcher_scratch {
	struct tok *toks;
	size_t ntoks, captoks;
	char *fold;
	size_t nfold, capfold;
	char *exact;
	size_t nexact, capexact;
	bool gap;		/* white space since the last token */
	bool open;		/* the last token may grow: not tested yet */
	bool want_exact;	/* fill the exact bytes */
	const struct filt *filt;	/* the matcher's */
	size_t *cands;		/* token index * 4 + a bit per root */
	size_t ncands, capcands;
	/*
	 * Text is kept as its masks, 64 bytes a word (ASCII word bytes, ASCII
	 * white space, bytes of 0x80 and up), and as its lowered copy at the
	 * start of fold (and its copy at the start of exact).  While finding,
	 * islands lie around the bytes of 0x80 and up that NFC, the mappings
	 * or folding may change: a punctuation mark by itself, others from
	 * the white space before to the white space after (letters they leave
	 * alone are marked word bytes instead).  Island tokens are cut the
	 * general way (itoks); the rest are only tested, and walks cut the
	 * ones they need from cursor on, or take island tokens from itok on.
	 */
	uint64_t *masks, *wmask, *smask, *hmask;	/* within masks */
	uint64_t *starts;	/* the tokens to test, within masks */
	size_t capmasks;
	char *words;		/* the lowered word bytes, 0 for others */
	size_t capwords;
	uint32_t *tpos;		/* block_cands_avx2's token positions */
	size_t captpos;
	size_t len, nblocks, cursor;
	struct island {
		size_t start, end;	/* text bytes */
		size_t first, last;	/* its tokens in itoks */
		const struct cpinfo *alone;	/* its one code point or NULL */
	} *islands;
	size_t nislands, capislands;
	struct tok *itoks;
	size_t capitoks;
	size_t *icands;		/* candidates among itoks */
	size_t nicands, capicands;
	bool in_island;
	size_t island, itok;
	bool every;		/* any word may start a phrase */
	/* While cutting an island: its first token, and what comes before. */
	size_t first_tok;
	bool word_before;
	struct cpinfo *cpcache;	/* CPCACHE_SIZE entries, on first use */
	int32_t *cps;
	size_t capcps;
	struct walk {
		uint32_t node;
		size_t next;
	} *stack;
	size_t capstack;
};

#define NONE UINT32_MAX

/* The hot loop of block_cands keeps its registers to itself. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

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
	/*
	 * First-token filters, one bit per hash bucket, keyed on a token's
	 * folded form.  leadbits, on its first eight bytes (or all of a
	 * shorter one; the first GATE of a `*` word; 0 for punctuation), rules
	 * out most text tokens for both roots at once with one load.  Then each root's rootbits, on its length and first eight
	 * bytes, for the exact edges, and gatebits, on its first GATE bytes,
	 * for the `*` words of that many folded bytes or more.  A shorter `*`
	 * word sets filt.short_lead instead: any word may start it.
	 */
	uint64_t leadbits[(1 << ROOT_BITS) / 64];
	uint64_t rootbits[2][(1 << ROOT_BITS) / 64];
	uint64_t gatebits[2][(1 << ROOT_BITS) / 64];
	uint64_t anybits[(1 << ROOT_BITS) / 64];	/* of both roots */
	uint64_t anygates[(1 << ROOT_BITS) / 64];
	struct filt filt;	/* these, and which kinds start phrases */
	size_t lead_words;	/* leadbits words that are not 0 */
	/*
	 * A filter over `*` edges: each sets the bit of its first GATE bytes
	 * (or all, if shorter) and the bit of itself, so most words are ruled
	 * out with one or two bit tests and no probe.
	 */
	uint64_t prefixbits[(1 << PREFIX_BITS) / 64];
	struct matcher_scratch *adding;	/* matcher_add's */
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

/* Exchanges two buffers that grow grew, with their capacities. */
static void
swap_bufs(void **a, size_t *capa, void **b, size_t *capb)
{
	void *p = *a;
	size_t cap = *capa;

	*a = *b;
	*capa = *capb;
	*b = p;
	*capb = cap;
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

/*
 * Token bytes, eight at a time; tokens and phrases hash the same way.  P
 * lies in a scratch buffer with SLACK bytes after its end, so the last
 * load may read past the token and mask what it does not own.
 */
#define SLACK 8

/* The first N (0-8) bytes in memory order of a loaded word, the rest 0. */
static uint64_t
first_bytes(uint64_t w, size_t n)
{
	static const uint64_t masks[9] = {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		0, 0xffULL << 56, 0xffffULL << 48, 0xffffffULL << 40,
		0xffffffffULL << 32, 0xffffffffffULL << 24,
		0xffffffffffffULL << 16, 0xffffffffffffffULL << 8, ~0ULL
#else
		0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffULL,
		0xffffffffffffULL, 0xffffffffffffffULL, ~0ULL
#endif
	};

	return w & masks[n];
}

static inline uint64_t
hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * HASH_MUL;
	return h ^ (h >> 31);
}

static uint64_t
hash_str(const char *p, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ULL ^ n, w;

	if (n == 0)
		return h;
	for (; n > 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = hash_mix(h, w);
	}
	memcpy(&w, p, 8);
	return hash_mix(h, first_bytes(w, n));
}

/* The rootbits bit of a token of LEN bytes, the first eight (or all) W. */
static uint64_t
token_bit(uint64_t w, size_t len)
{
	return ((w ^ len) * 0x9e3779b97f4a7c15ULL) >> (64 - ROOT_BITS);
}

/* The gatebits bit of a word whose first GATE bytes are W. */
static uint64_t
gate_bit(uint64_t w)
{
	return (w * 0xbf58476d1ce4e5b9ULL) >> (64 - ROOT_BITS);
}

/*
 * When this many leadbits words are set (one in sixteen), most tokens find
 * theirs set and block_cands_avx2, which tests four at a time without
 * branches, is used; below, block_cands_with rules most out by the word.
 */
#ifndef LEAD_DENSE
#define LEAD_DENSE ((1 << (ROOT_BITS - 6)) / 16)
#endif

/*
 * leadbits is a blocked filter: a token's key (see block_cands) picks a
 * word of it by its first GATE bytes and a bit in that word by all of it,
 * and a `*` word sets the bit its first GATE bytes pick.
 */

static inline uint32_t
lead_word(uint64_t key)
{
	return ((uint32_t)key * 0x9e3779b1u) >> (32 - ROOT_BITS + 6);
}

/*
 * A token's key: the first eight bytes at W (the bytes after a token are
 * 0) up to the first that is 0 or over 0x80, the others 0.  Only ASCII
 * word bytes lie below a token's first 0, so finding that costs little.
 */
static inline uint64_t
lead_key(uint64_t w)
{
	uint64_t z = (w - 0x0101010101010101ULL) & 0x8080808080808080ULL;

	return w & (z ^ (z - 1));
}

static inline unsigned
lead_pos(uint64_t key)
{
	return ((uint32_t)(key ^ (key >> 32)) * 0xd6e8feb9u) >> 26;
}

/* The bits of lead_word's product below those it uses. */
static inline unsigned
lead_gate(uint64_t key)
{
	return (((uint32_t)key * 0x9e3779b1u) >> (32 - ROOT_BITS)) & 63;
}

/* The first eight bytes (or all) at STR, which has eight bytes to read. */
static uint64_t
load_first(const char *str, size_t len)
{
	uint64_t w;

	memcpy(&w, str, 8);
	return first_bytes(w, len < 8 ? len : 8);
}

static inline bool
test_bit(const uint64_t *bits, uint64_t bit)
{
	return (bits[bit / 64] >> (bit % 64)) & 1;
}

/*
 * A bit for each root a phrase may start from at a token of KIND and LEN
 * folded bytes, the first eight (or all) of them W.
 */
static unsigned
roots_at(const struct filt *f, uint8_t kind, uint64_t w, size_t len)
{
	uint64_t tbit = token_bit(w, len), gbit = gate_bit(first_bytes(w,
	    GATE));
	unsigned roots = 0;
	int r;

	for (r = ROOT_FOLD; r <= (f->exact ? ROOT_EXACT : ROOT_FOLD); r++)
		if (test_bit(f->bits[r], tbit) || (kind == TOK_WORD &&
		    (f->short_lead[r] || (len >= GATE &&
		    test_bit(f->gates[r], gbit)))))
			roots |= 1U << r;
	return roots;
}

/* Token I is where phrases from ROOTS may start, unless rule 3 forbids. */
static void
add_cand(struct matcher_scratch *s, size_t i, unsigned roots)
{
	const struct tok *t = &s->toks[i];

	/* Rule 3: nothing may precede a match but a non-word. */
	if (t->kind == TOK_PUNCT && !t->spaced && (i > s->first_tok ?
	    t[-1].kind == TOK_WORD : s->word_before))
		return;
	if (s->ncands == s->capcands)
		grow((void **)&s->cands, &s->capcands, s->ncands + 1,
		    sizeof *s->cands);
	s->cands[s->ncands++] = i * 4 + roots;
}

/* Tests the last token, which can grow no more. */
static void
close_last(struct matcher_scratch *s)
{
	struct tok *t = &s->toks[s->ntoks - 1];
	unsigned roots;

	s->open = false;
	if (t->kind == TOK_PUNCT && !s->filt->punct_lead)
		return;
	roots = roots_at(s->filt, t->kind, load_first(s->fold + t->foff,
	    t->flen), t->flen);
	if (roots != 0)
		add_cand(s, s->ntoks - 1, roots);
}

static struct tok *
new_tok(struct matcher_scratch *s, uint8_t kind, size_t start, size_t end)
{
	struct tok *t;

	if (s->open)
		close_last(s);
	if (s->ntoks == s->captoks)
		grow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof *t);
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
put_utf8(char *dst, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
}

/* Whether NFC leaves CP as it is when it stands alone. */
static bool
nfc_alone(int32_t cp)
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

/* Everything emit_info needs of CP: the mappings, its class and folding. */
static void
cp_info(int32_t cp, struct cpinfo *ci)
{
	int32_t mapped = fold_punct(cp);

	memset(ci, 0, sizeof *ci);
	ci->cp = cp;
	ci->flags = CP_KNOWN;
	if (nfc_boundary(cp))
		ci->flags |= CP_BOUNDARY;
	if (nfc_alone(cp))
		ci->flags |= CP_ALONE;
	if (is_space_cp(mapped)) {
		ci->kind = TOK_SPACE;
		return;
	}
	ci->kind = matcher_is_word_char(mapped) ? TOK_WORD : TOK_PUNCT;
	if (mapped == cp && fold_case(mapped) == cp)
		ci->flags |= CP_SELF;
	ci->flen = (uint8_t)put_utf8(ci->fold, fold_case(mapped));
	ci->xlen = (uint8_t)put_utf8(ci->exact, mapped);
}

/* The cpinfo of CP, from the cache. */
static inline const struct cpinfo *
cached_info(struct matcher_scratch *s, int32_t cp)
{
	struct cpinfo *ci;
	size_t i;

	if (s->cpcache == NULL)
		s->cpcache = xcalloc(CPCACHE_SIZE, sizeof *s->cpcache);
	if (cp < CPCACHE_LOW)
		i = (size_t)cp;
	else if (cp >= CPCACHE_PUNCT && cp < CPCACHE_PUNCT + 0x70)
		i = CPCACHE_LOW + (size_t)(cp - CPCACHE_PUNCT);
	else
		i = CPCACHE_LOW + 0x70 + (((uint32_t)cp * 0x9e3779b1u) >>
		    22) % CPCACHE_HASHED;
	ci = &s->cpcache[i];
	if (ci->flags == 0 || ci->cp != cp)
		cp_info(cp, ci);
	return ci;
}

/*
 * Moves the bytes of token T to the end of fold and exact, where what is
 * appended next joins them.
 */
static void
to_end(struct matcher_scratch *s, struct tok *t)
{
	if (t->foff + t->flen != s->nfold) {
		grow((void **)&s->fold, &s->capfold, s->nfold + t->flen + SLACK,
		    1);
		memcpy(s->fold + s->nfold, s->fold + t->foff, t->flen);
		t->foff = s->nfold;
		s->nfold += t->flen;
	}
	if (s->want_exact && t->xoff + t->xlen != s->nexact) {
		grow((void **)&s->exact, &s->capexact,
		    s->nexact + t->xlen + SLACK, 1);
		memcpy(s->exact + s->nexact, s->exact + t->xoff, t->xlen);
		t->xoff = s->nexact;
		s->nexact += t->xlen;
	}
}

/* Appends one normalised code point from original bytes [os, oe). */
static void
emit_info(struct matcher_scratch *s, const struct cpinfo *ci, size_t os,
    size_t oe)
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
		to_end(s, t);
	} else
		t = new_tok(s, ci->kind, os, oe);
	grow((void **)&s->fold, &s->capfold, s->nfold + 4 + SLACK, 1);
	memcpy(s->fold + s->nfold, ci->fold, 4);
	t->flen += ci->flen;
	s->nfold += ci->flen;
	if (!s->want_exact)
		return;
	grow((void **)&s->exact, &s->capexact, s->nexact + 4 + SLACK, 1);
	memcpy(s->exact + s->nexact, ci->exact, 4);
	t->xlen += ci->xlen;
	s->nexact += ci->xlen;
}

static void
emit_cp(struct matcher_scratch *s, int32_t cp, size_t os, size_t oe)
{
	struct cpinfo ci;

	cp_info(cp, &ci);
	emit_info(s, &ci, os, oe);
}

/*
 * Decodes one code point; invalid bytes read as U+FFFD, one at a time.
 * Two- and three-byte sequences are decoded here, the rest by utf8proc.
 */
static inline int32_t
next_cp(const char *text, size_t len, size_t pos, size_t *n)
{
	const uint8_t *u = (const uint8_t *)text + pos;
	size_t avail = len - pos;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	if (avail >= 2 && u[0] >= 0xc2 && u[0] < 0xe0 &&
	    (u[1] & 0xc0) == 0x80) {
		*n = 2;
		return ((int32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
	}
	if (avail >= 3 && (u[0] & 0xf0) == 0xe0 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80) {
		cp = ((int32_t)(u[0] & 0x0f) << 12) |
		    ((int32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		if (cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff)) {
			*n = 3;
			return cp;
		}
	}
	r = utf8proc_iterate(u, avail > 4 ? 4 : (utf8proc_ssize_t)avail, &cp);
	if (r <= 0) {
		*n = 1;
		return 0xfffd;
	}
	*n = (size_t)r;
	return cp;
}

/*
 * Whether the code point at POS (of *N bytes) starts an NFC chunk: NFC
 * cannot join it to what precedes it.  The end of the text does too.
 */
static inline bool
starts_chunk(struct matcher_scratch *s, const char *text, size_t len,
    size_t pos, size_t *n)
{
	const struct cpinfo *ci;
	int32_t cp;

	*n = 1;
	if (pos >= len || (uint8_t)text[pos] < 0x80)
		return true;
	cp = next_cp(text, len, pos, n);
	if (cp == 0xfffd)
		return true;
	ci = cached_info(s, cp);
	return (ci->flags & CP_BOUNDARY) != 0;
}

/* Normalises the chunk [cs, ce) of NCPS code points to NFC and emits it. */
static void
emit_chunk(struct matcher_scratch *s, const char *text, size_t cs, size_t ce,
    size_t ncps)
{
	const utf8proc_property_t *p;
	utf8proc_ssize_t n;
	size_t pos, w, i;
	int32_t cp;
	bool same;

	if (ncps == 1 && (uint8_t)text[cs] < 0x80) {
		emit_cp(s, (uint8_t)text[cs], cs, ce);
		return;
	}
	if (ncps == 1) {
		cp = next_cp(text, ce, cs, &w);
		p = utf8proc_get_property(cp);
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) {
			emit_cp(s, cp, cs, ce);
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
			emit_cp(s, cp, pos, pos + w);
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
			emit_cp(s, s->cps[i], cs, ce);
		else {
			next_cp(text, ce, pos, &w);
			emit_cp(s, s->cps[i], pos, pos + w);
			pos += w;
		}
	}
}

/* The index of the lowest set bit of X, which is not 0. */
static size_t
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return (size_t)(unsigned)__builtin_ctzll(x);
#else
	size_t n = 0;

	for (; (x & 1) == 0; x >>= 1)
		n++;
	return n;
#endif
}

/*
 * The block scans: each lowers 64 bytes at SRC into DST, puts the word
 * bytes alone (the others 0) into WDST, a bit per word byte (ASCII letter,
 * digit, `_`) into *WM, per white space byte into *SM and per byte of 0x80
 * and up (which stays as it is) into *HM.  Masks are stored as the bytes
 * lie in memory, little-endian.
 *
 * mask_blocks does that for all of TEXT, a last part block as if zero
 * bytes followed, and returns the HM words or'ed.
 */
#define MASK_BLOCKS(scan)						\
	char block[64];							\
	size_t k, full = len / 64;					\
	uint64_t high = 0;						\
									\
	for (k = 0; k < full; k++) {					\
		scan(text + 64 * k, dst + 64 * k, wdst + 64 * k, wm + k,	\
		    sm + k, hm + k);					\
		high |= hm[k];						\
	}								\
	if (len % 64 != 0) {						\
		memset(block, 0, sizeof block);				\
		memcpy(block, text + 64 * full, len % 64);		\
		scan(block, dst + 64 * full, wdst + 64 * full, wm + full,	\
		    sm + full, hm + full);				\
		high |= hm[full];					\
	}								\
	return high
#ifdef SCAN_SSE2
/* Where the bytes of V lie in [LO, HI], for LO <= HI < 0x80. */
static inline __m128i
in_range16(__m128i v, int lo, int hi)
{
	__m128i y = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));

	return _mm_cmpgt_epi8(_mm_set1_epi8((char)(hi - lo - 0x7f)), y);
}

/* The SSE2 scan of the 16 bytes at SRC + 16 * K, masks to bit 16 * K. */
static inline void
mask16(const char *src, char *dst, char *wdst, int k, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	__m128i v, alpha, word, space;
	uint16_t m;

	v = _mm_loadu_si128((const __m128i *)(const void *)(src + 16 * k));
	m = (uint16_t)_mm_movemask_epi8(v);
	memcpy((char *)hm + 2 * k, &m, 2);
	alpha = in_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
	v = _mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20)));
	_mm_storeu_si128((__m128i *)(void *)(dst + 16 * k), v);
	word = _mm_or_si128(_mm_or_si128(alpha, in_range16(v, '0', '9')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	_mm_storeu_si128((__m128i *)(void *)(wdst + 16 * k),
	    _mm_and_si128(v, word));
	space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	    in_range16(v, '\t', '\r'));
	m = (uint16_t)_mm_movemask_epi8(word);
	memcpy((char *)wm + 2 * k, &m, 2);
	m = (uint16_t)_mm_movemask_epi8(space);
	memcpy((char *)sm + 2 * k, &m, 2);
}

static inline void
mask_block_sse2(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	mask16(src, dst, wdst, 0, wm, sm, hm);
	mask16(src, dst, wdst, 1, wm, sm, hm);
	mask16(src, dst, wdst, 2, wm, sm, hm);
	mask16(src, dst, wdst, 3, wm, sm, hm);
}

static uint64_t
mask_blocks_sse2(const char *text, size_t len, char *dst, char *wdst,
    uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(mask_block_sse2);
}
#endif

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* High bit of each byte of the 7-bit bytes X that lies in [LO, HI]. */
static uint64_t
in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + ONES * (0x80 - lo)) & ~(x + ONES * (0x7f - hi)) & HIGHS;
}

/* Bit I set for each byte I (in memory order) with its high bit set. */
static uint64_t
byte_bits(uint64_t h)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	uint64_t r = 0;
	int i;

	for (i = 0; i < 8; i++)
		r |= ((h >> (63 - 8 * i)) & 1) << i;
	return r;
#else
	return ((h >> 7) * 0x0102040810204080ULL) >> 56;
#endif
}

/* The portable block scan: eight bytes at a time in a uint64_t. */
static inline void
mask_block_portable(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	uint64_t w, x, upper, word, space, w_all = 0, s_all = 0, h_all = 0;
	int k;

	for (k = 0; k < 8; k++) {
		memcpy(&w, src + 8 * k, 8);
		x = w & ~HIGHS;
		upper = in_range(x, 'A', 'Z') & ~w;
		x |= upper >> 2;
		w |= upper >> 2;
		memcpy(dst + 8 * k, &w, 8);
		word = (in_range(x, 'a', 'z') | in_range(x, '0', '9') |
		    in_range(x, '_', '_')) & ~w;
		space = (in_range(x, ' ', ' ') | in_range(x, '\t', '\r')) & ~w;
		x = w & ((word >> 7) * 0xff);
		memcpy(wdst + 8 * k, &x, 8);
		w_all |= byte_bits(word) << (8 * k);
		s_all |= byte_bits(space) << (8 * k);
		h_all |= byte_bits(w & HIGHS) << (8 * k);
	}
	*wm = w_all;
	*sm = s_all;
	*hm = h_all;
}

static uint64_t
mask_blocks_portable(const char *text, size_t len, char *dst, char *wdst,
    uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(mask_block_portable);
}

#ifdef SCAN_AVX2
/* Where the bytes of V lie in [LO, HI], for LO <= HI < 0x80. */
static inline __attribute__((target("avx2"))) __m256i
in_range32(__m256i v, int lo, int hi)
{
	__m256i y = _mm256_add_epi8(v, _mm256_set1_epi8((char)(0x80 - lo)));

	return _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(hi - lo - 0x7f)), y);
}

/*
 * The AVX2 scan of the 32 bytes at SRC: lowered to DST, word bytes to
 * WDST; returns the masks of word, white space and high bytes in *WM, *SM,
 * *HM.
 */
static inline __attribute__((target("avx2"))) void
mask32(const char *src, char *dst, char *wdst, uint32_t *wm, uint32_t *sm,
    uint32_t *hm)
{
	__m256i v, alpha, word, space;

	v = _mm256_loadu_si256((const __m256i *)(const void *)src);
	*hm = (uint32_t)_mm256_movemask_epi8(v);
	alpha = in_range32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a',
	    'z');
	v = _mm256_or_si256(v, _mm256_and_si256(alpha,
	    _mm256_set1_epi8(0x20)));
	_mm256_storeu_si256((__m256i *)(void *)dst, v);
	word = _mm256_or_si256(_mm256_or_si256(alpha, in_range32(v, '0', '9')),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_')));
	_mm256_storeu_si256((__m256i *)(void *)wdst, _mm256_and_si256(v, word));
	space = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')),
	    in_range32(v, '\t', '\r'));
	*wm = (uint32_t)_mm256_movemask_epi8(word);
	*sm = (uint32_t)_mm256_movemask_epi8(space);
}

/* The AVX2 block scan, for CPUs that have it. */
static inline __attribute__((target("avx2"))) void
mask_block_avx2(const char *src, char *dst, char *wdst, uint64_t *wm,
    uint64_t *sm, uint64_t *hm)
{
	uint32_t w0, w1, s0, s1, h0, h1;

	mask32(src, dst, wdst, &w0, &s0, &h0);
	mask32(src + 32, dst + 32, wdst + 32, &w1, &s1, &h1);
	*wm = w0 | (uint64_t)w1 << 32;
	*sm = s0 | (uint64_t)s1 << 32;
	*hm = h0 | (uint64_t)h1 << 32;
}

static __attribute__((target("avx2"))) uint64_t
mask_blocks_avx2(const char *text, size_t len, char *dst, char *wdst,
    uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
	MASK_BLOCKS(mask_block_avx2);
}
#endif

/* The block scan of the level scan.h chose. */
static uint64_t
mask_blocks(const char *text, size_t len, char *dst, char *wdst,
    uint64_t *wm, uint64_t *sm, uint64_t *hm)
{
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2)
		return mask_blocks_avx2(text, len, dst, wdst, wm, sm, hm);
#endif
#ifdef SCAN_SSE2
	if (scan_level >= SCAN_LEVEL_SSE2)
		return mask_blocks_sse2(text, len, dst, wdst, wm, sm, hm);
#endif
	return mask_blocks_portable(text, len, dst, wdst, wm, sm, hm);
}

/*
 * The first position from POS on, before LIMIT, whose bit in MASK (flipped
 * by FLIP) is 1, or LIMIT.
 */
static inline size_t
next_bit(const uint64_t *mask, uint64_t flip, size_t pos, size_t limit)
{
	size_t k = pos / 64, end = (limit + 63) / 64;
	uint64_t x;

	if (pos >= limit)
		return limit;
	x = (mask[k] ^ flip) >> (pos % 64);
	if (x != 0)
		pos += lowest_bit(x);
	else {
		while (++k < end && (x = mask[k] ^ flip) == 0)
			;
		pos = k < end ? k * 64 + lowest_bit(x) : limit;
	}
	return pos < limit ? pos : limit;
}

/* The index of the highest set bit of X, which is not 0. */
static size_t
highest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return 63 - (size_t)(unsigned)__builtin_clzll(x);
#else
	size_t n = 0;

	while (x >>= 1)
		n++;
	return n;
#endif
}

/* The last white space byte before POS, or the start of the text. */
static size_t
space_before(const struct matcher_scratch *s, size_t pos)
{
	size_t k = pos / 64;
	uint64_t x = s->smask[k] & ((1ULL << (pos % 64)) - 1);

	while (x == 0) {
		if (k == 0)
			return 0;
		x = s->smask[--k];
	}
	return k * 64 + highest_bit(x);
}

/*
 * ASCII bytes [a, b), cut by the masks: NFC and the mappings change
 * nothing and folding is tolower, so a token's bytes are where the text's
 * are in fold and exact.  A word that reaches B stays open: a non-ASCII
 * letter may follow.
 */
static void
emit_run(struct matcher_scratch *s, size_t a, size_t b)
{
	struct tok *t;
	size_t q, e;

	q = a;
	if (s->open && !s->gap && s->toks[s->ntoks - 1].kind == TOK_WORD &&
	    test_bit(s->wmask, a)) {
		/* A word begun by a non-ASCII letter goes on. */
		t = &s->toks[s->ntoks - 1];
		e = next_bit(s->wmask, ~0ULL, a, b);
		to_end(s, t);
		grow((void **)&s->fold, &s->capfold, s->nfold + (e - a) + SLACK,
		    1);
		memcpy(s->fold + s->nfold, s->fold + a, e - a);
		s->nfold += e - a;
		t->flen += e - a;
		if (s->want_exact) {
			grow((void **)&s->exact, &s->capexact,
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
		close_last(s);
	for (;;) {
		e = next_bit(s->smask, ~0ULL, q, b);
		if (e > q)
			s->gap = true;
		if ((q = e) == b)
			return;
		e = test_bit(s->wmask, q) ? next_bit(s->wmask, ~0ULL, q, b) :
		    q + 1;
		grow((void **)&s->toks, &s->captoks, s->ntoks + 1,
		    sizeof *s->toks);
		t = &s->toks[s->ntoks++];
		t->kind = test_bit(s->wmask, q) ? TOK_WORD : TOK_PUNCT;
		t->spaced = s->gap;
		s->gap = false;
		t->start = t->foff = t->xoff = q;
		t->end = e;
		t->flen = t->xlen = e - q;
		if (e == b) {
			s->open = true;
			return;
		}
		close_last(s);
		q = e;
	}
}

/*
 * Cuts TEXT from POS to LEN into tokens, all of them written: ASCII runs
 * by the masks, a code point NFC leaves alone straight from the cache,
 * other chunks through NFC.
 */
static void
tokenize_utf8(struct matcher_scratch *s, const char *text, size_t pos,
    size_t len)
{
	const struct cpinfo *ci;
	size_t end, w, ncps;
	int32_t cp;

	while (pos < len) {
		end = next_bit(s->hmask, 0, pos, len);
		if (end > pos) {
			if (starts_chunk(s, text, len, end, &w)) {
				emit_run(s, pos, end);
				pos = end;
				continue;
			}
			/* A mark joins the last byte: it starts the chunk. */
			if (end - 1 > pos)
				emit_run(s, pos, end - 1);
			pos = end - 1;
		} else {
			cp = next_cp(text, len, pos, &w);
			ci = cached_info(s, cp);
			if ((ci->flags & CP_ALONE) != 0 &&
			    starts_chunk(s, text, len, pos + w, &end)) {
				emit_info(s, ci, pos, pos + w);
				pos += w;
				continue;
			}
		}
		next_cp(text, len, pos, &w);
		end = pos + w;
		ncps = 1;
		while (!starts_chunk(s, text, len, end, &w)) {
			end += w;
			ncps++;
		}
		emit_chunk(s, text, pos, end, ncps);
		pos = end;
	}
}

/*
 * The masks of TEXT, its lowered copy at the start of fold (and its copy
 * at the start of exact) and its word bytes alone in words, all of them
 * followed by SLACK zero bytes; what is appended to fold goes after them.
 * Returns whether there is a byte of 0x80 or up.
 */
static inline bool
scan_text(struct matcher_scratch *s, const char *text, size_t len)
{
	size_t nblocks = (len + 63) / 64;
	uint64_t high, *wm, *sm, *hm;

	grow((void **)&s->fold, &s->capfold, nblocks * 64 + SLACK, 1);
	grow((void **)&s->words, &s->capwords, nblocks * 64 + SLACK, 1);
	grow((void **)&s->masks, &s->capmasks, 4 * (nblocks + 1),
	    sizeof *s->masks);
	wm = s->wmask = s->masks;
	sm = s->smask = s->masks + nblocks + 1;
	hm = s->hmask = s->masks + 2 * (nblocks + 1);
	s->starts = s->masks + 3 * (nblocks + 1);
	high = mask_blocks(text, len, s->fold, s->words, wm, sm, hm);
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
		grow((void **)&s->exact, &s->capexact, s->nexact, 1);
		memcpy(s->exact, text, len);
	}
	return high != 0;
}

/* Cuts TEXT into tokens, all of them written. */
static void
tokenize(struct matcher_scratch *s, const char *text, size_t len)
{
	s->ntoks = s->ncands = 0;
	s->gap = s->open = false;
	if (len == 0)
		return;
	scan_text(s, text, len);
	tokenize_utf8(s, text, 0, len);
	if (s->open)
		close_last(s);
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
	free(s->cands);
	free(s->masks);
	free(s->words);
	free(s->tpos);
	free(s->islands);
	free(s->itoks);
	free(s->icands);
	free(s->cpcache);
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

/* Adds the edge PARENT --token--> child, of STR in the root's case. */
static uint32_t
add_edge(struct matcher *m, uint32_t parent, uint8_t kind, uint64_t th,
    const char *str, size_t len)
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
	insert_edge(m, parent, kind, th, str, len, child);
	return child;
}

struct matcher *
matcher_new(void)
{
	struct matcher *m = xcalloc(1, sizeof *m);
	int i;

	m->capedges = 256;
	m->edges = xcalloc(m->capedges, sizeof *m->edges);
	for (i = ROOT_FOLD; i <= ROOT_EXACT; i++) {
		m->filt.bits[i] = m->rootbits[i];
		m->filt.gates[i] = m->gatebits[i];
	}
	m->filt.leads = m->leadbits;
	m->filt.any = m->anybits;
	m->filt.anygate = m->anygates;
	new_node(m, MATCHER_FOLD);
	new_node(m, MATCHER_EXACT);
	return m;
}

void
matcher_free(struct matcher *m)
{
	if (m == NULL)
		return;
	matcher_scratch_free(m->adding);
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

/*
 * A phrase from ROOT starts with a token of KIND (TOK_PREFIX for a `*`
 * word) whose folded form is the LEN bytes at FOLD: its filter bit.
 */
static void
add_lead(struct matcher *m, uint32_t root, uint8_t kind, const char *fold,
    size_t len)
{
	uint64_t bit, key;

	if (kind == TOK_PREFIX && len < GATE) {
		m->filt.short_lead[root] = true;
		return;
	}
	key = kind == TOK_PUNCT ? 0 : lead_key(load_first(fold,
	    kind == TOK_PREFIX ? GATE : len));
	if (m->leadbits[lead_word(key)] == 0 &&
	    ++m->lead_words >= LEAD_DENSE)
		m->filt.dense = true;
	m->leadbits[lead_word(key)] |= 1ULL << (kind == TOK_PREFIX ?
	    lead_gate(key) : lead_pos(key));
	if (kind == TOK_PUNCT)
		m->filt.punct_lead = true;
	if (kind == TOK_PREFIX) {
		m->filt.lead_gates = true;
		bit = gate_bit(load_first(fold, GATE));
		m->gatebits[root][bit / 64] |= 1ULL << (bit % 64);
		m->anygates[bit / 64] |= 1ULL << (bit % 64);
	} else {
		bit = token_bit(load_first(fold, len), len);
		m->rootbits[root][bit / 64] |= 1ULL << (bit % 64);
		m->anybits[bit / 64] |= 1ULL << (bit % 64);
	}
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
	/* The candidates the filters pick go unused. */
	s->filt = &m->filt;
	s->want_exact = true;
	tokenize(s, phrase, len);
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
		if (i == first)
			add_lead(m, node, kind, s->fold + t->foff, t->flen);
		th = hash_str(str, slen);
		node = add_edge(m, node, kind, th, str, slen);
		if ((kind & ~TOK_SPACED) == TOK_PREFIX)
			i++;
	}
	m->filt.exact = m->nodes[ROOT_EXACT].nkids != 0;
	if (first < last) {
		grow((void **)&m->terms, &m->capterms, m->nterms + 1,
		    sizeof *m->terms);
		m->terms[m->nterms].phrase = (uint32_t)m->nphrases;
		m->terms[m->nterms].next = m->nodes[node].terms;
		m->nodes[node].terms = (uint32_t)m->nterms++;
	}
	return m->nphrases++;
}

/* While walking: cuts the token after the cursor; false at the end. */
static bool
next_tok(struct matcher_scratch *s)
{
	const struct island *isl;
	struct tok *t;
	size_t q, e;

	grow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof *s->toks);
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
		q = next_bit(s->smask, ~0ULL, s->cursor, s->len);
		if (s->island == s->nislands || q < s->islands[s->island].start)
			break;
		s->in_island = true;
		s->itok = s->islands[s->island].first;
	}
	if (q >= s->len)
		return false;
	if (test_bit(s->wmask, q)) {
		t->kind = TOK_WORD;
		e = next_bit(s->wmask, ~0ULL, q, s->len);
	} else {
		t->kind = TOK_PUNCT;
		e = q + 1;
	}
	t->spaced = q > 0 && test_bit(s->smask, q - 1);
	t->start = t->foff = t->xoff = q;
	t->end = e;
	t->flen = t->xlen = e - q;
	t->id = q * 2;
	t->hashed = 0;
	s->cursor = e;
	s->ntoks++;
	return true;
}

/* While walking: whether there is a token J, cutting it if need be. */
static bool
has_tok(struct matcher_scratch *s, size_t j)
{
	while (j >= s->ntoks)
		if (!next_tok(s))
			return false;
	return true;
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
report(const struct matcher *m, struct matcher_scratch *s, uint32_t node,
    size_t first, size_t last, matcher_cb cb, void *arg)
{
	size_t start = s->toks[first].start, end = s->toks[last].end, n = 0;
	uint32_t i;

	if (m->nodes[node].terms == NONE)
		return 0;
	if (s->toks[last].kind == TOK_PUNCT && has_tok(s, last + 1) &&
	    s->toks[last + 1].kind == TOK_WORD && !s->toks[last + 1].spaced)
		return 0;
	for (i = m->nodes[node].terms; i != NONE; i = m->terms[i].next) {
		cb(arg, m->terms[i].phrase, start, end);
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
	if (m->nodes[child].nkids != 0 && has_tok(s, j + 1))
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
	const char *str = fold ? s->fold + t->foff : s->exact + t->xoff;
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
		if (m->nodes[p->child].nkids != 0 && has_tok(s, j + 1))
			push(s, depth, p->child, j + 1);
	}
	return n;
}

/* One step from NODE over token J: the exact edge, then the `*` edges. */
static size_t
expand(const struct matcher *m, struct matcher_scratch *s, size_t *depth,
    uint32_t node, size_t first, size_t j, matcher_cb cb, void *arg)
{
	struct tok *t = &s->toks[j];
	bool fold = m->nodes[node].mode == MATCHER_FOLD;
	const char *str = fold ? s->fold + t->foff : s->exact + t->xoff;
	size_t len = fold ? t->flen : t->xlen, n = 0;
	uint8_t kind = t->kind;
	uint8_t spaced = node > ROOT_EXACT && t->spaced ? TOK_SPACED : 0;
	uint32_t child;
	uint64_t th;

	if (!fold)
		th = hash_str(str, len);
	else {
		if (!t->hashed) {
			t->fh = hash_str(str, len);
			t->hashed = 1;
		}
		th = t->fh;
	}
	/* T goes stale here: more tokens may be cut. */
	child = lookup(m, node, kind | spaced, th, str, len);
	if (child != NONE) {
		n += report(m, s, child, first, j, cb, arg);
		if (m->nodes[child].nkids != 0 && has_tok(s, j + 1))
			push(s, depth, child, j + 1);
	}
	if (kind == TOK_WORD && m->nodes[node].prefix_lens != 0)
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

/*
 * The islands of the text and their tokens: the spans around bytes of
 * 0x80 and up, from the white space before them to the white space after,
 * where tokens are not simply runs of bytes.  Their candidates go to
 * icands.
 */
static void
find_islands(struct matcher_scratch *s, const char *text)
{
	const struct cpinfo *ci;
	struct island *isl;
	size_t pos, start, end, w;

	s->nislands = 0;
	pos = next_bit(s->hmask, 0, 0, s->len);
	while (pos < s->len) {
		ci = cached_info(s, next_cp(text, s->len, pos, &w));
		if ((ci->flags & (CP_ALONE | CP_BOUNDARY | CP_SELF)) ==
		    (CP_ALONE | CP_BOUNDARY | CP_SELF) &&
		    ci->kind == TOK_WORD &&
		    starts_chunk(s, text, s->len, pos + w, &end)) {
			/*
			 * A letter that nothing changes: the text's bytes are
			 * its folded ones, so it is cut as ASCII ones are.
			 */
			for (end = pos + w; pos < end; pos++) {
				s->wmask[pos / 64] |= 1ULL << (pos % 64);
				s->words[pos] = s->fold[pos];
			}
			pos = next_bit(s->hmask, 0, end, s->len);
			continue;
		}
		if ((ci->flags & (CP_ALONE | CP_BOUNDARY)) ==
		    (CP_ALONE | CP_BOUNDARY) && ci->kind == TOK_PUNCT &&
		    starts_chunk(s, text, s->len, pos + w, &end)) {
			/* Punctuation by itself: its own island. */
			start = pos;
			end = pos + w;
		} else {
			start = space_before(s, pos);
			end = next_bit(s->smask, 0, pos, s->len);
			ci = NULL;
		}
		/* Islands that touch are one. */
		while (s->nislands > 0 &&
		    start <= s->islands[s->nislands - 1].end) {
			isl = &s->islands[--s->nislands];
			if (isl->start < start)
				start = isl->start;
			if (isl->end > end)
				end = isl->end;
			ci = NULL;
		}
		grow((void **)&s->islands, &s->capislands, s->nislands + 1,
		    sizeof *s->islands);
		isl = &s->islands[s->nislands++];
		isl->start = start;
		isl->end = end;
		isl->alone = ci;
		pos = next_bit(s->hmask, 0, end, s->len);
	}
	s->ntoks = s->ncands = 0;
	for (isl = s->islands; s->nislands != 0 &&
	    isl < s->islands + s->nislands; isl++) {
		/* Before it: ASCII, or the start of the text. */
		isl->first = s->first_tok = s->ntoks;
		s->gap = isl->start > 0 && test_bit(s->smask, isl->start - 1);
		s->word_before = isl->start > 0 &&
		    test_bit(s->wmask, isl->start - 1);
		s->open = false;
		if (isl->alone != NULL)
			emit_info(s, isl->alone, isl->start, isl->end);
		else
			tokenize_utf8(s, text, isl->start, isl->end);
		if (s->open)
			close_last(s);
		isl->last = s->ntoks;
	}
	s->first_tok = 0;
	s->word_before = false;
	swap_bufs((void **)&s->itoks, &s->capitoks, (void **)&s->toks,
	    &s->captoks);
	swap_bufs((void **)&s->icands, &s->capicands, (void **)&s->cands,
	    &s->capcands);
	s->nicands = s->ncands;
	s->ncands = 0;
}

/*
 * The token at P in block K, which passed the lead filter, is a candidate for the roots a phrase may start
 * from there, unless rule 3 forbids.
 */
static void NOINLINE
add_mask_cand(struct matcher_scratch *s, size_t k, size_t p)
{
	uint64_t rest = ~s->wmask[k] >> p, w;
	size_t pos = k * 64 + p, len;
	unsigned roots;

	memcpy(&w, s->fold + pos, 8);
	/* Bit 0: a non-word byte starts the token, which is one byte. */
	if (rest != 0)
		len = lowest_bit(rest) + (rest & 1);
	else
		len = next_bit(s->wmask, ~0ULL, pos, s->len) - pos;
	w = first_bytes(w, len < 8 ? len : 8);
	/* The roots' filters together first: many tokens pass the lead. */
	if (!test_bit(s->filt->any, token_bit(w, len)) && ((rest & 1) != 0 ||
	    (!s->every && (len < GATE || !test_bit(s->filt->anygate,
	    gate_bit(first_bytes(w, GATE)))))))
		return;
	/* Rule 3: nothing may precede a match but a non-word. */
	if ((rest & 1) != 0 && pos > 0 && test_bit(s->wmask, pos - 1))
		return;
	roots = roots_at(s->filt, (rest & 1) == 0 ? TOK_WORD : TOK_PUNCT, w,
	    len);
	if (roots == 0)
		return;
	if (s->ncands == s->capcands)
		grow((void **)&s->cands, &s->capcands, s->ncands + 1,
		    sizeof *s->cands);
	s->cands[s->ncands++] = pos * 4 + roots;
}

/*
 * Tests the tokens starting at the bits of s->starts against the lead
 * filter, without writing them: their keys are read from words, where
 * other tokens read as 0 (`*` words are keyed on their first GATE bytes).
 * If EVERY, any word may start a phrase.
 */
static inline void
block_cands_with(struct matcher_scratch *s, const uint64_t *leads,
    bool gates, bool every)
{
	const uint64_t *starts = s->starts;
	const char *words = s->words;
	size_t k, nblocks = s->nblocks, p;
	uint64_t st, x, w;

	for (k = 0; k < nblocks; k++, words += 64) {
		for (st = starts[k]; st != 0; st &= st - 1) {
			p = lowest_bit(st);
			memcpy(&x, words + p, 8);
			x = lead_key(x);
			w = leads[lead_word(x)];
			if ((w != 0 && (((w >> lead_pos(x)) & 1) != 0 ||
			    (gates && ((w >> lead_gate(x)) & 1) != 0))) ||
			    (every && (x & 0xff) != 0))
				add_mask_cand(s, k, p);
		}
	}
}

#ifdef SCAN_AVX2
/*
 * block_cands_with for CPUs with AVX2: the tokens' positions listed, then
 * tested four at a time.
 */
static __attribute__((target("avx2,bmi,popcnt"))) void
block_cands_avx2(struct matcher_scratch *s, const uint64_t *leads,
    bool gates)
{
	const __m256i ones = _mm256_set1_epi64x(0x0101010101010101LL);
	const __m256i highs = _mm256_set1_epi64x((long long)
	    0x8080808080808080ULL);
	const __m256i one = _mm256_set1_epi64x(1);
	const __m256i mul_word = _mm256_set1_epi64x(0x9e3779b1);
	const __m256i mul_pos = _mm256_set1_epi64x(0xd6e8feb9);
	const __m256i low6 = _mm256_set1_epi64x(63);
	const __m256i low13 = _mm256_set1_epi64x((1 << (ROOT_BITS - 6)) - 1);
	const __m256i gate = _mm256_set1_epi64x(gates ? 1 : 0);
	const long long *words = (const long long *)(const void *)s->words;
	const long long *lbits = (const long long *)(const void *)leads;
	__m256i x, z, prod, w, hit;
	uint32_t *pos;
	size_t k, n = 0, m, i;
	uint32_t base;
	uint64_t st;
	int found;

	grow((void **)&s->tpos, &s->captpos, s->nblocks * 64 + 8,
	    sizeof *s->tpos);
	pos = s->tpos;
	for (k = 0; k < s->nblocks; k++) {
		/* Four at a time, whether there are or not (tzcnt of 0 is 64). */
		st = s->starts[k];
		base = (uint32_t)k * 64;
		m = n + (size_t)_mm_popcnt_u64(st);
		while (n < m) {
			pos[n] = (uint32_t)(base + _tzcnt_u64(st));
			st = _blsr_u64(st);
			pos[n + 1] = (uint32_t)(base + _tzcnt_u64(st));
			st = _blsr_u64(st);
			pos[n + 2] = (uint32_t)(base + _tzcnt_u64(st));
			st = _blsr_u64(st);
			pos[n + 3] = (uint32_t)(base + _tzcnt_u64(st));
			st = _blsr_u64(st);
			n += 4;
		}
		n = m;
	}
	/* The last four test again what is tested already: no harm. */
	for (i = n; i % 4 != 0; i++)
		pos[i] = pos[n - 1];
	for (i = 0; i < n; i += 4) {
		x = _mm256_i32gather_epi64(words, _mm_loadu_si128((const __m128i *)
		    (const void *)(pos + i)), 1);
		z = _mm256_and_si256(_mm256_sub_epi64(x, ones), highs);
		x = _mm256_and_si256(x, _mm256_xor_si256(z,
		    _mm256_sub_epi64(z, one)));
		prod = _mm256_mul_epu32(x, mul_word);
		w = _mm256_i64gather_epi64(lbits, _mm256_and_si256(
		    _mm256_srli_epi64(prod, 32 - ROOT_BITS + 6), low13), 8);
		hit = _mm256_and_si256(_mm256_srlv_epi64(w, _mm256_and_si256(
		    _mm256_srli_epi64(prod, 32 - ROOT_BITS), low6)), gate);
		x = _mm256_mul_epu32(_mm256_xor_si256(x,
		    _mm256_srli_epi64(x, 32)), mul_pos);
		hit = _mm256_or_si256(hit, _mm256_srlv_epi64(w,
		    _mm256_and_si256(_mm256_srli_epi64(x, 26), low6)));
		found = _mm256_movemask_pd(_mm256_castsi256_pd(
		    _mm256_slli_epi64(hit, 63)));
		for (; found != 0; found &= found - 1) {
			k = pos[i + lowest_bit((uint64_t)found)];
			if (i + lowest_bit((uint64_t)found) < n)
				add_mask_cand(s, k / 64, k % 64);
		}
	}
}
#endif

static void NOINLINE
block_cands(struct matcher_scratch *s)
{
	const uint64_t *leads = s->filt->leads;

	if (s->every)
		block_cands_with(s, leads, s->filt->lead_gates, true);
#ifdef SCAN_AVX2
	else if (scan_level >= SCAN_LEVEL_AVX2 && s->filt->dense)
		block_cands_avx2(s, leads, s->filt->lead_gates);
#endif
	else if (s->filt->lead_gates)
		block_cands_with(s, leads, true, false);
	else
		block_cands_with(s, leads, false, false);
}

/*
 * Finds the candidates of TEXT: the masks of every block, the islands and
 * their candidates, then a pass over the tokens the masks give outside
 * the islands that only tests the filters.  Most text has few candidates
 * and no token is written; walks cut the ones they need.
 */
static void
find_lazy(struct matcher_scratch *s, const char *text, size_t len)
{
	const struct island *isl, *end;
	size_t k, lo, hi;
	uint64_t wm, st, carry = 0;

	s->nislands = s->nicands = 0;
	if (scan_text(s, text, len))
		find_islands(s, text);
	s->ncands = 0;
	s->every = s->filt->short_lead[ROOT_FOLD] ||
	    (s->filt->exact && s->filt->short_lead[ROOT_EXACT]);
	/* No islands yet: islands is NULL, and NULL + 0 is undefined. */
	isl = s->islands;
	end = s->nislands != 0 ? s->islands + s->nislands : isl;
	for (k = 0; k < s->nblocks; k++) {
		wm = s->wmask[k];
		/* Words, and the other bytes if a phrase may start there. */
		st = wm & ~((wm << 1) | carry);
		if (s->filt->punct_lead)
			st |= ~(wm | s->smask[k]);
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
	block_cands(s);
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
	find_lazy(s, text, len);
	s->ntoks = 0;
	while (k < s->ncands || j < s->nicands) {
		island = k == s->ncands || (j < s->nicands &&
		    s->itoks[s->icands[j] / 4].start < s->cands[k] / 4);
		c = island ? s->icands[j++] : s->cands[k++];
		id = c / 4 * 2 + island;
		/* Its token, cut for an earlier walk, or the first of more. */
		while (at < s->ntoks && s->toks[at].id != id)
			at++;
		if (at == s->ntoks) {
			s->ntoks = at = 0;
			s->in_island = island;
			if (island) {
				s->itok = c / 4;
				while (s->islands[isl].last <= s->itok)
					isl++;
			} else {
				s->cursor = c / 4;
				while (isl < s->nislands &&
				    s->islands[isl].start <= s->cursor)
					isl++;
			}
			s->island = isl;
			next_tok(s);
		}
		if (c & 1)
			n += walk(m, s, ROOT_FOLD, at, cb, arg);
		if (c & 2)
			n += walk(m, s, ROOT_EXACT, at, cb, arg);
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
		cp = fold_punct(next_cp(phrase, len, pos, &w));
		if (cp == '*') {
			if (prev < 0 || !matcher_is_word_char(prev))
				return "'*' must end a word (as in deploy*)";
			if (pos + w < len) {
				size_t w2;
				int32_t nx = next_cp(phrase, len, pos + w, &w2);

				if (matcher_is_word_char(fold_punct(nx)))
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
