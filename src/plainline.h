/*
 * plainline: the proof that a sentence is plain prose, which none of the
 * rules boilerplate.c asks of each sentence can mark (the site phrases,
 * furniture's shapes, a credit, a link line, a call, the outlet's name,
 * ...), nor those it asks of a paragraph's first or last line by its
 * opening (a note, a video's box), so that boilerplate_mark asks none of
 * them: four sentences in five of real news are such, and asking every
 * rule of them cost a third of boilerplate_mark.
 *
 * The proof is one table (plainline.c): each rule, by its function's name,
 * with the openings a line it marks may have and the facts of a line (a
 * PLAINLINE_* below) without which it marks none.  A line whose opening
 * is no rule's and which has none of the facts any rule needs is plain.
 * tests/plainline.sh fails when boilerplate_mark (or the rules it calls)
 * asks a rule the table does not name, and test_plainline holds every
 * rule's lines to the gate.  The gate is built once, on the first call
 * from any thread, and read only after; nothing is allocated or freed.
 */
#ifndef PARALLAX_PLAINLINE_H
#define PARALLAX_PLAINLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "furniture.h"

/* A line shorter than this is never plain: the openings are keyed by a
 * line's first eight bytes, and a rule for a bare "ET" or "AD" needs no
 * opening. */
#define PLAINLINE_MIN 8

/* The facts of a line that some rule needs: a line having none of those
 * the table names is marked by no rule (save by its opening). */
enum plainline_fact {
	PLAINLINE_SHORT = 1u << 0,	/* under PLAINLINE_MIN bytes */
	/* Opens with no ASCII letter, nor with a double quote before one
	 * (a bullet, a bracket, a bar, a dash, a digit). */
	PLAINLINE_OPENS_MARK = 1u << 1,
	/* Ends in no stop ('.', '!', '?') and no closing double quote. */
	PLAINLINE_UNSTOPPED = 1u << 2,
	/* Opens with two capitals and ends in no stop: an agency's credit
	 * ("REUTERS/Jim Young") may end in a quote. */
	PLAINLINE_CAPS_UNSTOPPED = 1u << 3,
	/* " contributed." ends a line of at most FURNITURE_CREDIT_LEN
	 * bytes: a credit ("Jordain Carney contributed."). */
	PLAINLINE_CONTRIBUTED = 1u << 4,
	/* An '@' in a line of at most FURNITURE_CONTACT_LEN bytes. */
	PLAINLINE_AT = 1u << 5,
	/* The last word opens as a web address does ("http", "www."), or a
	 * stop or a space stands before the last byte (the address may be
	 * the word before). */
	PLAINLINE_LINK_END = 1u << 6,
	/* As long as the outlet's name. */
	PLAINLINE_OUTLET_LEN = 1u << 7,
	/* A phrase looked for anywhere in a sentence was found in it. */
	PLAINLINE_PHRASE = 1u << 8,
	/* " own." ends it: a bio's note run into its last line ("... in
	 * Ohio The views expressed are her own."). */
	PLAINLINE_OWN_END = 1u << 9
};

/* The openings as two sets of hashed keys, a bit each: those shorter than
 * PLAINLINE_MIN bytes by their first four, the others by their first
 * eight, the 0x20 bit of each byte set (a letter's two cases alike).  A
 * key's bit clear proves no opening is the line's; a bit another key set
 * only sends a line to the rules. */
#define PLAINLINE_KEY_BITS 12

struct plainline_gate {
	uint64_t short_keys[(1u << PLAINLINE_KEY_BITS) / 64];
	uint64_t long_keys[(1u << PLAINLINE_KEY_BITS) / 64];
	unsigned needs;		/* the facts any rule needs */
};

/* The gate, built from the table on the first call from any thread. */
const struct plainline_gate *plainline_gate(void);

/* The name of the table's I-th rule (for tests/plainline.sh and
 * test_plainline), or NULL past the last. */
const char *plainline_rule(size_t i);

/* The key of the first four bytes of S, and of the first eight. */
static inline unsigned
plainline_short_key(const char *s)
{
	uint32_t w;

	memcpy(&w, s, sizeof w);
	return ((w | 0x20202020u) * 0x9e3779b1u) >> (32 - PLAINLINE_KEY_BITS);
}

static inline unsigned
plainline_long_key(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof w);
	return (unsigned)(((w | 0x2020202020202020ull) *
	    0x9e3779b97f4a7c15ull) >> (64 - PLAINLINE_KEY_BITS));
}

static inline bool
plainline_has(const uint64_t *keys, unsigned k)
{
	return (keys[k / 64] >> (k % 64)) & 1;
}

/* Does S (of at least PLAINLINE_MIN bytes) open with a double quote
 * before a letter? */
static inline bool
plainline_quoted(const char *s)
{
	if (s[0] == '"')
		return ascii_is_alpha(s[1]);
	return memcmp(s, "\xe2\x80\x9c", 3) == 0 && ascii_is_alpha(s[3]);
}

/* The PLAINLINE_* facts of the line L but PLAINLINE_AT, read from its
 * ends, ANYWHERE what sitephrase_find_all found in it, OUTLET_LEN the
 * length of the outlet's name (0 for none). */
static inline unsigned
plainline_end_facts(const struct furniture_line *l, uint64_t anywhere,
    size_t outlet_len)
{
	const char *s = l->s;
	size_t len = l->len;
	unsigned char last;
	unsigned f = anywhere != 0 ? PLAINLINE_PHRASE : 0;

	if (len < PLAINLINE_MIN)
		return f | PLAINLINE_SHORT;
	last = (unsigned char)s[len - 1];
	if ((l->facts & (FURNITURE_OPENS_UPPER | FURNITURE_OPENS_LOWER)) == 0 &&
	    !plainline_quoted(s))
		f |= PLAINLINE_OPENS_MARK;
	if ((l->facts & FURNITURE_ENDS_STOP) == 0) {
		/* A closing quote is one only where furniture_line_read
		 * found it so. */
		if (last != '"' && !(last == 0x9d && l->unclosed < len))
			f |= PLAINLINE_UNSTOPPED;
		if (ascii_is_upper(s[0]) && ascii_is_upper(s[1]))
			f |= PLAINLINE_CAPS_UNSTOPPED;
	}
	/* "said." ends many a short line: its 'd' first. */
	if (last == '.' && s[len - 2] == 'd' && len <= FURNITURE_CREDIT_LEN &&
	    furniture_contributed_end(s, len))
		f |= PLAINLINE_CONTRIBUTED;
	if (s[len - 2] == '.' || s[len - 2] == ' ' || (len - l->last_word >= 4 &&
	    (memcmp(s + l->last_word, "http", 4) == 0 ||
	    memcmp(s + l->last_word, "www.", 4) == 0)))
		f |= PLAINLINE_LINK_END;
	if (len == outlet_len)
		f |= PLAINLINE_OUTLET_LEN;
	if (last == '.' && s[len - 2] == 'n' &&
	    memcmp(s + len - 5, " own.", 5) == 0)
		f |= PLAINLINE_OWN_END;
	return f;
}

/* PLAINLINE_AT of L, or 0: a search of its bytes. */
static inline unsigned
plainline_at(const struct furniture_line *l)
{
	return l->len <= FURNITURE_CONTACT_LEN &&
	    memchr(l->s, '@', l->len) != NULL ? PLAINLINE_AT : 0;
}

/* Is L (ANYWHERE and OUTLET_LEN as above) plain: may no rule of G's table
 * mark it?  In line, as it is asked of every sentence. */
static inline bool
plainline_plain(const struct plainline_gate *g,
    const struct furniture_line *l, uint64_t anywhere, size_t outlet_len)
{
	/* The facts of the line's ends, its opening, then a search of its
	 * bytes: the cheapest first, as most lines of clutter fail one. */
	if ((plainline_end_facts(l, anywhere, outlet_len) & g->needs) != 0)
		return false;
	if (ascii_is_alpha(l->s[0]) && (plainline_has(g->short_keys,
	    plainline_short_key(l->s)) || plainline_has(g->long_keys,
	    plainline_long_key(l->s))))
		return false;
	return (plainline_at(l) & g->needs) == 0;
}

#endif
