/*
 * token: text cut into the matcher's tokens (see matcher.h and
 * parallax-taxonomy(5)): after Unicode NFC and the quote and dash
 * mappings, a maximal run of word characters or any other single
 * character but white space, each knowing whether white space came before
 * it.  ASCII runs are cut by blockmask's masks, the bytes around other
 * characters through a cache of what NFC, the mappings and folding do to
 * them.  Tokens and phrases hash the same way (token_hash), and the
 * matcher's first-token filters (struct filt) pick the tokens a phrase may
 * start at as they are cut.
 *
 * The scratch (struct matcher_scratch) holds every per-call buffer of the
 * tokenizer and of the matcher's walks; matcher.c creates and frees it.
 */
#ifndef PARALLAX_TOKEN_H
#define PARALLAX_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "xalloc.h"

struct trie_hot;

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
	/*
	 * Walked tokens: which one (matcher_next_tok), the folded hash once
	 * known.
	 */
	uint8_t hashed;
	size_t id;
	uint64_t fh;
};

/* What token_emit_info needs of a code point; cached. */
struct cpinfo {
	int32_t cp;
	uint8_t kind;		/* TOK_WORD, TOK_SPACE, TOK_PUNCT: mapped */
	uint8_t flags;
#define CP_KNOWN 1		/* the cache entry is filled */
#define CP_BOUNDARY 2		/* NFC cannot join it to what precedes */
#define CP_ALONE 4		/* NFC leaves it as it is when alone */
#define CP_IN_PLACE 8		/* the mappings leave it and folding keeps
				 * its length: its folded bytes can stand
				 * where its bytes are */
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

/*
 * A candidate: which roots a phrase may start from at its token, and
 * whether through the token's exact edge, through a short `*` edge (of
 * fewer than GATE bytes), through a longer one, or several (the filters
 * that let it through tell).
 */
#define CAND_ROOTS 3
#define CAND_EXACT 4
#define CAND_SHORT 8
#define CAND_GATE 16
#define CAND_PREFIX (CAND_SHORT | CAND_GATE)
#define CAND_SHIFT 5

#define ROOT_FOLD 0
#define ROOT_EXACT 1
#define ROOT_BITS 19
#define GATE 4			/* `*` edges are gated on this many bytes */

/*
 * What the matcher's tokinfo says of a token's rootbits bit, four bits to
 * it, so one load answers what three filters did: a phrase of root R may
 * start with its exact edge (bit 1 << R), and one may start with it
 * whatever follows (TINFO_SOLO; see struct filt).
 */
#define TINFO_ROOTS 3
#define TINFO_SOLO 4

/* The filters that pick the candidates, in the matcher. */
struct filt {
	const uint8_t *info;		/* the matcher's tokinfo */
	const uint64_t *gates[2];	/* the matcher's gatebits */
	const uint64_t *leads;		/* leadbits */
	const uint64_t *anygate;	/* anygates (token_prefix_pos) */
	bool short_lead[2];		/* a short `*` word starts a phrase */
	const uint64_t *shorts;		/* shortbits, of both roots */
	bool lead_gates;		/* a long `*` word starts a phrase */
	bool punct_lead;		/* punctuation starts a phrase */
	bool exact;			/* ROOT_EXACT has phrases */
	bool dense;			/* many leadbits words are set */
	/*
	 * The second token of the phrases that start with a token's exact
	 * edge: pairs has the bit of (its rootbits bit, the first PAIR_BYTES
	 * folded bytes of the token after it, or all of a shorter one; see
	 * prefilter_next_key), TINFO_SOLO in info marks a token some phrase
	 * may start with whatever follows (it ends there, or what follows is
	 * not plain ASCII or a `*` word shorter than that).  So "the", which
	 * only starts phrases like "the Fed", is walked only where the next
	 * word may go on.
	 */
	const uint64_t *pairs;
};

/* The tokinfo of rootbits bit TBIT (TINFO_*). */
static inline unsigned
token_info(const uint8_t *info, uint64_t tbit)
{
	return (info[tbit / 2] >> (tbit % 2 * 4)) & 15;
}

/*
 * The pair filter keys the token after a first one on this many bytes:
 * with two, "the" followed by any word in "co", "pr" or "st" went on to a
 * walk for "the Congress", "the press" or "the State Department".
 */
#define PAIR_BYTES 4

/* prefilter_next_key's answer when the next token may be anything. */
#define TOKEN_NEXT_ANY UINT64_MAX

/*
 * The pairs bit of a first token's rootbits bit TBIT and a next key: the
 * first PAIR_BYTES bytes in memory order of a loaded word, the rest 0.
 */
static inline uint64_t
token_pair_bit(uint64_t tbit, uint64_t next)
{
	return (((tbit << 32) ^ next ^ (next >> 32)) *
	    0x9e3779b97f4a7c15ULL) >> (64 - ROOT_BITS);
}

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
	const struct filt *filt;	/* the matcher's; NULL: no candidates
					 * (a phrase being added) */
	/*
	 * Token index << CAND_SHIFT, then CAND_EXACT, CAND_SHORT and
	 * CAND_GATE, a bit per root.
	 */
	size_t *cands;
	size_t ncands, capcands;
	/*
	 * The length of each candidate's token outside the islands, which
	 * the filters found: the walk's first token is written from it, not
	 * cut again.
	 */
	uint32_t *clens;
	size_t capclens;
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
	/*
	 * A punctuation mark by itself that the mappings make one ASCII byte
	 * (a curly quote, a dash) stands in place too: that byte in fold
	 * (and exact) at its first, its other bytes white space in smask and
	 * set in tmask, its tails.  A token ends after its tails and is
	 * spaced only by white space that is no tail.  tmask is read only if
	 * tails, which prefilter_find clears and prefilter_find_islands sets
	 * with tmask, after starts in masks, before the first tail.
	 */
	uint64_t *tmask;	/* within masks */
	bool tails;
	size_t capmasks;
	char *words;		/* the lowered word bytes, 0 for others */
	size_t capwords;
	uint32_t *tpos;		/* prefilter_block's token positions, then
				 * those that passed the lead filter */
	size_t captpos;
	uint8_t *tways;		/* with every, which filters each kept one
				 * passed (see prefilter_add_mask) */
	size_t captways;
	const char *text;	/* matcher_find's, as given */
	size_t len, nblocks, cursor;
	struct island {
		size_t start, end;	/* text bytes */
		size_t first, last;	/* its tokens in itoks */
		/*
		 * Its one code point, or flags 0.  A copy: a pointer into
		 * the cache would go stale when a later code point takes
		 * the slot (U+2404 and U+AC00 share one).
		 */
		struct cpinfo alone;
	} *islands;
	size_t nislands, capislands;
	struct tok *itoks;
	size_t capitoks;
	size_t *icands;		/* candidates among itoks */
	size_t nicands, capicands;
	bool in_island;
	size_t island, itok;
	bool every;		/* any word may start a phrase */
	/*
	 * The tokens a dense lead filter was asked of lately and those that
	 * passed (halved as they grow): which lead test runs (prefilter.c).
	 */
	size_t lead_asked, lead_passed;
	/* While cutting an island: its first token, and what comes before. */
	size_t first_tok;
	bool word_before;
	struct cpinfo *cpcache;	/* CPCACHE_SIZE entries, on first use */
	int32_t *cps;
	size_t capcps;
	struct walk {
		uint32_t node;
		const struct trie_hot *hot;	/* the node's, where the walk
						 * read it (trie.h) */
		size_t next;
	} *stack;
	size_t capstack;
};

#define HASH_MUL 0x9fb21c651e98df25ULL

/*
 * Token bytes, eight at a time; tokens and phrases hash the same way.  P
 * lies in a scratch buffer with SLACK bytes after its end, so the last
 * load may read past the token and mask what it does not own.
 */
#define SLACK 8

/* The first N (0-8) bytes in memory order of a loaded word, the rest 0. */
static inline uint64_t
token_first_bytes(uint64_t w, size_t n)
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
token_hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * HASH_MUL;
	return h ^ (h >> 31);
}

static inline uint64_t
token_hash(const char *p, size_t n)
{
	uint64_t h = 0x243f6a8885a308d3ULL ^ n, w;

	if (n == 0)
		return h;
	for (; n > 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = token_hash_mix(h, w);
	}
	memcpy(&w, p, 8);
	return token_hash_mix(h, token_first_bytes(w, n));
}

/* The shortbits index of a word whose first eight bytes (or all) are W. */
static inline uint32_t
token_first_two(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (uint32_t)(w >> 56) | (uint32_t)((w >> 48) & 0xff) << 8;
#else
	return (uint32_t)(w & 0xffff);
#endif
}

/* The rootbits bit of a token of LEN bytes, the first eight (or all) W. */
static inline uint64_t
token_bit(uint64_t w, size_t len)
{
	return ((w ^ len) * 0x9e3779b97f4a7c15ULL) >> (64 - ROOT_BITS);
}

/* The gatebits bit of a word whose first GATE bytes are W. */
static inline uint64_t
token_gate_bit(uint64_t w)
{
	return (w * 0xbf58476d1ce4e5b9ULL) >> (64 - ROOT_BITS);
}

/*
 * The bit in its anygates word (the one its gate bit picks) of a `*` word
 * whose first eight folded bytes (or all of a shorter one) are W.  A text
 * word tests the bits of its prefixes of GATE to eight bytes in one word:
 * "with" starts no `*` word when only "withdraw*" shares its gate.
 */
static inline unsigned
token_prefix_pos(uint64_t w)
{
	return (unsigned)((w * 0x9e3779b97f4a7c15ULL) >> 58);
}

/* The first eight bytes (or all) at STR, which has eight bytes to read. */
static inline uint64_t
token_load_first(const char *str, size_t len)
{
	uint64_t w;

	memcpy(&w, str, 8);
	return token_first_bytes(w, len < 8 ? len : 8);
}

/*
 * Decodes one code point; invalid bytes read as U+FFFD, one at a time.
 * Two- and three-byte sequences are decoded here, the rest by utf8proc.
 */
static inline int32_t
token_next_cp(const char *text, size_t len, size_t pos, size_t *n)
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

/* Everything token_emit_info needs of CP: mappings, class, folding. */
void token_cp_info(int32_t cp, struct cpinfo *ci);

/*
 * CP's entry in the cache.  Code points of one hashed slot evict each
 * other, so a cpinfo pointer is good only until the next look-up; the
 * matcher's structured fuzzing (tests/fuzz/atoms.c) puts such pairs side
 * by side.
 */
static inline size_t
token_cache_slot(int32_t cp)
{
	if (cp < CPCACHE_LOW)
		return (size_t)cp;
	if (cp >= CPCACHE_PUNCT && cp < CPCACHE_PUNCT + 0x70)
		return CPCACHE_LOW + (size_t)(cp - CPCACHE_PUNCT);
	return CPCACHE_LOW + 0x70 + (((uint32_t)cp * 0x9e3779b1u) >> 22) %
	    CPCACHE_HASHED;
}

/* The cpinfo of CP, from the cache. */
static inline const struct cpinfo *
token_cached_info(struct matcher_scratch *s, int32_t cp)
{
	struct cpinfo *ci;

	if (s->cpcache == NULL)
		s->cpcache = xcalloc(CPCACHE_SIZE, sizeof *s->cpcache);
	ci = &s->cpcache[token_cache_slot(cp)];
	if (ci->flags == 0 || ci->cp != cp)
		token_cp_info(cp, ci);
	return ci;
}


/*
 * Whether the code point at POS (of *N bytes) starts an NFC chunk: NFC
 * cannot join it to what precedes it.  The end of the text does too.
 */
static inline bool
token_starts_chunk(struct matcher_scratch *s, const char *text, size_t len,
    size_t pos, size_t *n)
{
	const struct cpinfo *ci;
	int32_t cp;

	*n = 1;
	if (pos >= len || (uint8_t)text[pos] < 0x80)
		return true;
	cp = token_next_cp(text, len, pos, n);
	if (cp == 0xfffd)
		return true;
	ci = token_cached_info(s, cp);
	return (ci->flags & CP_BOUNDARY) != 0;
}

/* Whether CP is white space (rule 4), after the mappings. */
bool token_is_space(int32_t cp);

/* True for a word character: a Unicode letter, a decimal digit or `_`. */
bool token_is_word_char(int cp);

/*
 * A bit for each root a phrase may start from at a token of KIND and LEN
 * folded bytes, the first eight (or all) of them W; its exact edges only
 * if PAIR (the pair filter of struct filt let it through, or was not
 * asked).
 */
unsigned token_roots_at(const struct filt *f, uint8_t kind, uint64_t w,
    size_t len, bool pair);

/* Appends one normalised code point from original bytes [os, oe). */
void token_emit_info(struct matcher_scratch *s, const struct cpinfo *ci,
    size_t os, size_t oe);

/* Tests the last token, which can grow no more, against the filters. */
void token_close_last(struct matcher_scratch *s);

/*
 * Cuts TEXT from POS to LEN into tokens, all of them written: ASCII runs
 * by the masks, a code point NFC leaves alone straight from the cache,
 * other chunks through NFC.
 */
void token_cut_utf8(struct matcher_scratch *s, const char *text, size_t pos,
    size_t len);

/*
 * The masks of TEXT, its lowered copy at the start of fold (and its copy
 * at the start of exact) and its word bytes alone in words, all of them
 * followed by SLACK zero bytes; what is appended to fold goes after them.
 * Returns whether there is a byte of 0x80 or up.
 */
bool token_scan_text(struct matcher_scratch *s, const char *text,
    size_t len);

/* Cuts TEXT into tokens, all of them written. */
void token_cut(struct matcher_scratch *s, const char *text, size_t len);

#endif
