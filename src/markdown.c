#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "ascii.h"
#include "draft.h"
#include "entity.h"
#include "markdown.h"
#include "scan.h"

#ifdef SCAN_AVX2
#include <immintrin.h>
#endif
#include "strbuf.h"
#include "xalloc.h"

/* Lists nested deeper than this number their items as bullets. */
#define MARKDOWN_MAX_LISTS 16

struct markdown_ctx {
	struct draft *d;
	struct strbuf cur;	/* the paragraph being gathered */
	int images;		/* inside this many images: alt text, dropped */
	int quotes;		/* inside this many block quotes */
	bool heading;
	bool lines;		/* a line break ends a paragraph */
	/* Open lists, innermost last: the next item's number, 0 for a
	 * bulleted list. */
	unsigned next[MARKDOWN_MAX_LISTS];
	size_t nlists;
	const char *input;	/* what md4c parses, for markdown_in_input */
	size_t inlen;
};

/*
 * Whether [TEXT, TEXT + SIZE) lies in the text md4c was given.  md4c 0.4.8
 * (Debian 12's) has been seen to pass a span of over 2 GiB: fuzz_markdown
 * hit it within 10 s in each of three runs, and never alone, since it
 * depends on memory md4c reads that is not its own (the byte past its
 * input, which it now finds a NUL: see markdown_render_md4c).  Such a
 * span is still skipped rather than copied.
 */
static bool
markdown_in_input(const struct markdown_ctx *c, const char *text, size_t size)
{
	uintptr_t t = (uintptr_t)text, in = (uintptr_t)c->input;

	return t >= in && t - in <= c->inlen && size <= c->inlen - (t - in);
}

/* Ends the paragraph being gathered; in a block quote, the words go
 * between quotation marks unless the author put them there. */
static void
markdown_flush(struct markdown_ctx *c)
{
	struct strbuf q = STRBUF_INIT;
	const char *s = c->cur.data;
	size_t i = 0;

	if (c->cur.len == 0)
		return;
	while (i < c->cur.len && (s[i] == ' ' || s[i] == '\n'))
		i++;
	if (c->quotes > 0 && i < c->cur.len && s[i] != '"' &&
	    strncmp(s + i, "\xe2\x80\x9c", 3) != 0) {
		strbuf_addstr(&q, "\xe2\x80\x9c");
		strbuf_add(&q, s + i, c->cur.len - i);
		strbuf_addstr(&q, "\xe2\x80\x9d");
		draft_add(c->d, q.data, q.len, c->heading);
		strbuf_free(&q);
	} else
		draft_add(c->d, s, c->cur.len, c->heading);
	strbuf_reset(&c->cur);
}

static int
markdown_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct markdown_ctx *c = userdata;

	switch (type) {
	case MD_BLOCK_QUOTE:
		markdown_flush(c);
		c->quotes++;
		break;
	case MD_BLOCK_H:
		markdown_flush(c);
		c->heading = true;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		strbuf_addch(&c->cur, ' ');
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		markdown_flush(c);
		if (c->nlists < MARKDOWN_MAX_LISTS)
			c->next[c->nlists] = type == MD_BLOCK_OL ?
			    ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		c->nlists++;
		break;
	case MD_BLOCK_LI:
		/* The item keeps its mark, as one: "- " or "N. ". */
		markdown_flush(c);
		if (c->nlists > 0 && c->nlists <= MARKDOWN_MAX_LISTS &&
		    c->next[c->nlists - 1] > 0)
			strbuf_addf(&c->cur, "%u. ", c->next[c->nlists - 1]++);
		else
			strbuf_addstr(&c->cur, "- ");
		break;
	case MD_BLOCK_DOC:
	case MD_BLOCK_TABLE:
	case MD_BLOCK_THEAD:
	case MD_BLOCK_TBODY:
		break;
	default:
		markdown_flush(c);
		break;
	}
	return 0;
}

static int
markdown_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct markdown_ctx *c = userdata;

	switch (type) {
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		break;
	default:
		markdown_flush(c);
		break;
	}
	if (type == MD_BLOCK_QUOTE)
		c->quotes--;
	else if (type == MD_BLOCK_H)
		c->heading = false;
	else if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
		c->nlists--;
	return 0;
}

static int
markdown_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct markdown_ctx *c = userdata;

	if (type == MD_SPAN_IMG)
		c->images++;
	return 0;
}

static int
markdown_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct markdown_ctx *c = userdata;

	if (type == MD_SPAN_IMG)
		c->images--;
	return 0;
}

static int
markdown_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
    void *userdata)
{
	struct markdown_ctx *c = userdata;

	if (c->images > 0)
		return 0;
	switch (type) {
	case MD_TEXT_NULLCHAR:
		strbuf_add(&c->cur, "\xef\xbf\xbd", 3);
		break;
	case MD_TEXT_SOFTBR:
		if (c->lines) {
			markdown_flush(c);
			break;
		}
		strbuf_addch(&c->cur, ' ');
		break;
	case MD_TEXT_BR:
		strbuf_addch(&c->cur, ' ');
		break;
	case MD_TEXT_HTML:
		break;
	case MD_TEXT_ENTITY:
		if (markdown_in_input(c, text, size))
			entity_append(&c->cur, text, size);
		break;
	default:
		if (markdown_in_input(c, text, size))
			strbuf_add(&c->cur, text, size);
		break;
	}
	return 0;
}

/*
 * Bytes a plain body is checked at: those that may be Markdown wherever
 * they stand (emphasis, code, HTML, escapes, strikethrough), '&' and ']'
 * (an entity, a link), and control bytes: line ends, and white space
 * md4c reads otherwise than a space.
 */
static bool
markdown_stop(unsigned char c)
{
	return c < 0x20 || c == '*' || c == '_' || c == '`' || c == '<' ||
	    c == '\\' || c == '~' || c == '&' || c == ']';
}

#ifdef SCAN_SSE2
/* The stops among 16 bytes at P, as bits. */
static unsigned
markdown_stops16(const char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p), m;

	m = _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xe0)),
	    _mm_setzero_si128());
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('*')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('`')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('~')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(']')));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

#ifdef SCAN_AVX2
/* The stops among 32 bytes at P, as bits: half the instructions a byte
 * of markdown_stops16, which took 2 to 3 of loading's a byte. */
__attribute__((target("avx2"))) static uint32_t
markdown_stops32(const char *p)
{
	__m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p), m;

	m = _mm256_cmpeq_epi8(_mm256_and_si256(x, _mm256_set1_epi8((char)0xe0)),
	    _mm256_setzero_si256());
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('*')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('_')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('`')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('<')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\\')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('~')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8('&')));
	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(x, _mm256_set1_epi8(']')));
	return (uint32_t)_mm256_movemask_epi8(m);
}
#endif

/* The first stop (markdown_stop) in TEXT from I on, or LEN. */
static size_t
markdown_next_stop(const char *text, size_t len, size_t i)
{
#ifdef SCAN_AVX2
	uint32_t w;
#endif
#ifdef SCAN_SSE2
	unsigned m;
#endif

#ifdef SCAN_AVX2
	for (; scan_level >= SCAN_LEVEL_AVX2 && len - i >= 32; i += 32) {
		if ((w = markdown_stops32(text + i)) != 0)
			return i + (size_t)__builtin_ctz(w);
	}
#endif
#ifdef SCAN_SSE2
	for (; scan_level >= SCAN_LEVEL_SSE2 && len - i >= 16; i += 16) {
		if ((m = markdown_stops16(text + i)) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < len && !markdown_stop((unsigned char)text[i]))
		i++;
	return i;
}

/* Whether TEXT[I, E) holds only bytes of SET, as a rule, a setext
 * underline or a table's delimiter row does. */
static bool
markdown_line_of(const char *text, size_t i, size_t e, const char *set)
{
	for (; i < e; i++) {
		if (text[i] == '\0' || strchr(set, text[i]) == NULL)
			return false;
	}
	return true;
}

/* Whether the line TEXT[I, E), which starts with '[', may open a link
 * reference definition ("[id]: url"): its label, closed on the line by
 * a ']' before any other bracket, must be followed by ':'.  A label left
 * open may close on a later line; a bracket inside it is left to md4c. */
static bool
markdown_may_define(const char *text, size_t i, size_t e)
{
	for (i++; i < e && text[i] != '[' && text[i] != ']'; i++)
		;
	return i == e || text[i] == '[' || (i + 1 < e && text[i + 1] == ':');
}

/* The bytes a line that opens a block may start with (past its
 * indentation), for markdown_opens_block's first look. */
static const bool markdown_block_starts[256] = {
	['#'] = true, ['>'] = true, ['-'] = true, ['+'] = true, ['='] = true,
	['*'] = true, ['['] = true, ['|'] = true, [':'] = true,
	['0'] = true, true, true, true, true, true, true, true, true, true
};

/*
 * Whether the line at TEXT[I] (I past its indentation) may open a block:
 * a heading, a quote, a list item, a rule or a setext underline, a link
 * reference definition, a table's delimiter row.  Lines that only start
 * like one are paragraphs, as CommonMark reads them, and were common
 * enough in real news to send whole sources to md4c: a figure ("13.1
 * percent", "2024. The year": an ordered item's marker is at most nine
 * digits, '.' or ')', then a space or the line's end), a hashtag ("#blm":
 * a heading's one to six '#' are followed by a space), a dash that is no
 * bullet ("-- President Obama", "+1 202"), a bracket that defines nothing
 * ("[pullquote]").  The line's end is looked for only when its first
 * byte may need it.
 */
static bool
markdown_opens_block(const char *text, size_t len, size_t i)
{
	const char *nl;
	size_t k, e;
	char c = text[i];

	if (!markdown_block_starts[(unsigned char)c])
		return false;
	if (c == '>' || c == '*')
		return true;
	nl = memchr(text + i, '\n', len - i);
	e = nl != NULL ? (size_t)(nl - text) : len;
	switch (c) {
	case '#':
		for (k = i; k < e && text[k] == '#'; k++)
			;
		return k - i <= 6 && (k == e || text[k] == ' ');
	case '+':
		return i + 1 == e || text[i + 1] == ' ';
	case '-':
		return i + 1 == e || text[i + 1] == ' ' ||
		    markdown_line_of(text, i, e, " |:-");
	case '=':
		return markdown_line_of(text, i, e, " =");
	case '[':
		return markdown_may_define(text, i, e);
	case '|':
	case ':':
		return markdown_line_of(text, i, e, " |:-");
	default:
		break;
	}
	for (k = i; k < e && text[k] >= '0' && text[k] <= '9'; k++)
		;
	return k - i <= 9 && k < e && (text[k] == '.' || text[k] == ')') &&
	    (k + 1 == e || text[k + 1] == ' ');
}

/* Whether the line starting at I of TEXT is blank or plain at its start:
 * indented less than code and opening no block. */
static bool
markdown_plain_start(const char *text, size_t len, size_t i)
{
	size_t k;

	for (k = i; k < len && text[k] == ' '; k++)
		;
	if (k == len || text[k] == '\n')
		return true;
	if (k - i > 3)
		return false;
	return !markdown_opens_block(text, len, k);
}


/* Whether the '&' or ']' at TEXT[I] is text: an '&' that starts no
 * entity, a ']' that ends no link's text. */
static bool
markdown_inert_at(const char *text, size_t len, size_t i)
{
	size_t j;

	if (text[i] == ']')
		return i + 1 >= len || (text[i + 1] != '(' && text[i + 1] != '[');
	for (j = i + 1; j < len && (ascii_is_alnum(text[j]) || text[j] == '#');
	    j++)
		;
	return !(j > i + 1 && j < len && text[j] == ';');
}

/*
 * Whether TEXT holds no Markdown at all, so that md4c would render it as
 * its lines as they are: each a paragraph with LINES, else each run of
 * lines between blank ones.  Most news bodies are such; a body with any
 * doubt (a markdown_stop byte but a line end, an '&' that starts an
 * entity, a ']' that ends a link's text, a line that opens a block or is
 * indented as code, a line ending in a hard break) is md4c's.
 */
static bool
markdown_is_plain(const char *text, size_t len)
{
	size_t i;

	if (!markdown_plain_start(text, len, 0))
		return false;
	for (i = markdown_next_stop(text, len, 0); i < len;
	    i = markdown_next_stop(text, len, i + 1)) {
		switch (text[i]) {
		case '\n':
			if (i >= 2 && text[i - 1] == ' ' && text[i - 2] == ' ')
				return false;
			if (!markdown_plain_start(text, len, i + 1))
				return false;
			break;
		case '&':
		case ']':
			if (!markdown_inert_at(text, len, i))
				return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* TEXT, plain (markdown_is_plain), into D as md4c would render it. */
static void
markdown_plain(const char *text, size_t len, bool lines, struct draft *d)
{
	size_t i, e, start = SIZE_MAX;

	for (i = 0; i <= len; i = e + 1) {
		const char *nl = i < len ? memchr(text + i, '\n', len - i) : NULL;
		bool blank;
		size_t k;

		e = nl != NULL ? (size_t)(nl - text) : len;
		for (k = i; k < e && text[k] == ' '; k++)
			;
		blank = k == e;
		if (lines) {
			if (!blank)
				draft_add(d, text + i, e - i, false);
		} else if (blank && start != SIZE_MAX) {
			draft_add(d, text + start, i - start, false);
			start = SIZE_MAX;
		} else if (!blank && start == SIZE_MAX)
			start = i;
		if (e == len)
			break;
	}
	if (start != SIZE_MAX)
		draft_add(d, text + start, len - start, false);
}

/* What markdown_lines acts on: markdown_stop's bytes, 0xc2 (the lead
 * byte of NBSP, which would fold) and a space before a space. */
static bool
markdown_lines_stop(const char *text, size_t len, size_t i)
{
	unsigned char c = (unsigned char)text[i];

	return markdown_stop(c) || c == 0xc2 ||
	    (c == ' ' && i + 1 < len && text[i + 1] == ' ');
}

#ifdef SCAN_SSE2
/* markdown_lines' stops among 16 bytes at P, as bits (P[16] is read). */
static unsigned
markdown_lines16(const char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i sp = _mm_set1_epi8(' ');

	return markdown_stops16(p) | (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xc2)),
	    _mm_and_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(y, sp))));
}
#endif

#ifdef SCAN_AVX2
/*
 * markdown_lines' stops among the 32 bytes at P, as bits (P[32] is read
 * for a space pair).  A nibble table look-up classes every byte at once:
 * bit k of lo[x & 15] & hi[x >> 4] says byte x is a control byte (k = 0),
 * '&' or '*' (1), '<' (2), '\\', ']' or '_' (3), '`' (4), '~' (5) or 0xc2
 * (6); comparing for each took 2.4 instructions a byte.
 */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
markdown_lines32(const char *p)
{
	const __m256i lo = _mm256_setr_epi8(17, 1, 65, 1, 1, 1, 3, 1, 1, 1,
	    3, 1, 13, 9, 33, 9, 17, 1, 65, 1, 1, 1, 3, 1, 1, 1, 3, 1, 13, 9,
	    33, 9);
	const __m256i hi = _mm256_setr_epi8(1, 1, 2, 4, 0, 8, 16, 32, 0, 0,
	    0, 0, 64, 0, 0, 0, 1, 1, 2, 4, 0, 8, 16, 32, 0, 0, 0, 0, 64, 0, 0,
	    0);
	const __m256i nibble = _mm256_set1_epi8(0x0f), sp = _mm256_set1_epi8(' ');
	__m256i x, y, c;

	x = _mm256_loadu_si256((const __m256i *)(const void *)p);
	y = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
	c = _mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(x,
	    nibble)), _mm256_shuffle_epi8(hi, _mm256_and_si256(
	    _mm256_srli_epi16(x, 4), nibble)));
	return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(c,
	    _mm256_setzero_si256())) |
	    (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
	    _mm256_cmpeq_epi8(x, sp), _mm256_cmpeq_epi8(y, sp)));
}

/* markdown_lines_bits with AVX2, the last block from a copy padded with
 * zeros: control bytes, whose bits lie past LEN, where scan_bits_next
 * does not look. */
__attribute__((target("avx2"))) static void
markdown_lines_bits_avx2(const char *text, size_t len, uint64_t *bits)
{
	char pad[65];
	size_t i;

	for (i = 0; len - i > 64; i += 64)
		bits[i / 64] = markdown_lines32(text + i) |
		    (uint64_t)markdown_lines32(text + i + 32) << 32;
	if (i == len)
		return;
	memset(pad, 0, sizeof pad);
	memcpy(pad, text + i, len - i);
	bits[i / 64] = markdown_lines32(pad) |
	    (uint64_t)markdown_lines32(pad + 32) << 32;
}
#endif

/*
 * markdown_lines' stops of TEXT as bits, 64 bytes a word (bit k of word
 * w is TEXT[64 w + k]), for (LEN + 63) / 64 words: found in one pass
 * before the lines are walked.  A body of news has a stop every 120
 * bytes or so, nearly all line ends; looking for each from the last cost
 * a call and the look-up's set-up a stop.
 */
static void
markdown_lines_bits(const char *text, size_t len, uint64_t *bits)
{
	size_t i = 0, k;
	uint64_t m;

#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2) {
		markdown_lines_bits_avx2(text, len, bits);
		return;
	}
#endif
#ifdef SCAN_SSE2
	for (; scan_level >= SCAN_LEVEL_SSE2 && len - i > 64; i += 64)
		bits[i / 64] = markdown_lines16(text + i) |
		    (uint64_t)markdown_lines16(text + i + 16) << 16 |
		    (uint64_t)markdown_lines16(text + i + 32) << 32 |
		    (uint64_t)markdown_lines16(text + i + 48) << 48;
#endif
	for (; i < len; i += 64) {
		for (k = 0, m = 0; k < 64 && i + k < len; k++)
			m |= (uint64_t)markdown_lines_stop(text, len, i + k) << k;
		bits[i / 64] = m;
	}
}

/*
 * Whether the run of '_' at TEXT[I] stands between two ASCII letters or
 * digits ("@locs_n_laughs", "dominique_vh"): such a run is both left- and
 * right-flanking, so in CommonMark it neither opens nor closes emphasis,
 * whatever other '_' the paragraph holds.  Sets *END past the run.
 */
static bool
markdown_inert_underscores(const char *text, size_t len, size_t i,
    size_t *end)
{
	size_t j;

	for (j = i; j < len && text[j] == '_'; j++)
		;
	*end = j;
	return i > 0 && j < len && ascii_is_alnum(text[i - 1]) &&
	    ascii_is_alnum(text[j]);
}

/*
 * Whether the line at TEXT[I] is a thematic break of underscores, three
 * or more and nothing else ("___", the rule AP and the Monitor draw above
 * a footer, which sent one source in a hundred to md4c): md4c renders it
 * as no text, and it ends any list.  Sets *END past the run.
 */
static bool
markdown_underscore_rule(const char *text, size_t len, size_t i,
    size_t *end)
{
	size_t j;

	for (j = i; j < len && text[j] == '_'; j++)
		;
	*end = j;
	return j - i >= 3 && (j == len || text[j] == '\n');
}

/* What markdown_lines knows of the list md4c has open, to tell whether
 * an item's number is the one md4c would print. */
struct markdown_list {
	bool open;		/* a list may be open */
	bool ordered;		/* an ordered one */
	unsigned long next;	/* then the number its next item gets */
	bool blank;		/* the line before was blank */
};

/*
 * Whether the line at TEXT[I] is a list item md4c renders as the line
 * stands: "- " or "N. " (N as md4c numbers the item: the list's next, or
 * any for a list that may have ended or not begun, with no leading zero)
 * and then, after one space, words that open no block.  A "* " or "+ "
 * bullet, a ")", a number out of turn, or 0 (a list from 0 is rendered
 * with bullets) is rendered otherwise, and left to md4c.  Sets *NUMBER
 * to N, 0 for a bullet.
 */
static bool
markdown_list_item(const char *text, size_t len, size_t i,
    const struct markdown_list *list, unsigned long *number)
{
	size_t k = i;

	*number = 0;
	if (text[i] == '-')
		k = i + 1;
	else {
		for (; k < len && k - i < 9 && text[k] >= '0' &&
		    text[k] <= '9'; k++)
			*number = *number * 10 + (unsigned long)(text[k] - '0');
		if (k == i || text[i] == '0' || k == len ||
		    text[k] != '.' || (list->ordered && *number != list->next))
			return false;
		k++;
	}
	return len - k >= 2 && text[k] == ' ' && text[k + 1] != ' ' &&
	    text[k + 1] != '\n' && !markdown_opens_block(text, len, k + 1);
}

/*
 * markdown_plain_start for the line at TEXT[I] of markdown_lines, not
 * blank (markdown_lines_start), which also takes a list item md4c renders as it stands (markdown_list_item)
 * and follows the list.  A list ends for sure only at a paragraph after a
 * blank line; until then an item's number must be the list's next, and
 * is then right whether md4c's list went on or not.  An item after a
 * blank line in a list that may be open is declined: a blank line
 * between items makes the list loose, and md4c renders each item of a
 * loose list as its mark and its words apart, the first item too.
 */
static bool
markdown_lines_start_any(const char *text, size_t len, size_t i,
    struct markdown_list *list)
{
	unsigned long number;

	if (markdown_plain_start(text, len, i)) {
		if (list->blank)
			list->open = list->ordered = false;
	} else if (!(list->open && list->blank) &&
	    markdown_list_item(text, len, i, list, &number)) {
		list->open = true;
		list->ordered = number != 0;
		list->next = number + 1;
	} else
		return false;
	list->blank = false;
	return true;
}

/* markdown_lines_start_any, in line for the lines most are: blank, or
 * opening with a byte no block opens with (nor a space, which
 * markdown_lines declines); a call a line cost 33 instructions. */
static inline bool
markdown_lines_start(const char *text, size_t len, size_t i,
    struct markdown_list *list)
{
	if (i == len || text[i] == '\n') {
		list->blank = true;
		return true;
	}
	if (text[i] == ' ' || markdown_block_starts[(unsigned char)text[i]])
		return markdown_lines_start_any(text, len, i, list);
	if (list->blank)
		list->open = list->ordered = false;
	list->blank = false;
	return true;
}

/* Appends the paragraph TEXT[START, END) to *P (of *N, room for *CAP). */
static void
markdown_lines_add(struct draft_para **p, size_t *n, size_t *cap,
    size_t start, size_t end)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : 2 * *cap;
		*p = xreallocarray(*p, *cap, sizeof **p);
	}
	(*p)[*n].start = start;
	(*p)[*n].end = end;
	(*p)[*n].heading = false;
	(*n)++;
}

/* The stops' bits of a body of up to 32 KiB (most) lie on the stack. */
#define MARKDOWN_LINES_ROOM 512

/*
 * One pass over the bytes where markdown_is_plain, then draft_add's flat
 * check of each line took two and a look for each line's end: the stops
 * of both are found together, and a line with a space at either end
 * (which would fold, or be a hard break or indentation) is declined.
 */
bool
markdown_lines(const char *text, size_t len, struct draft_para **paras,
    size_t *np, size_t *longest)
{
	struct draft_para *p = NULL;
	struct markdown_list list = { false, false, 0, true };
	uint64_t room[MARKDOWN_LINES_ROOM], *bits = room;
	size_t i, start = 0, n = 0, cap = 0, end;
	bool rule = false;

	*longest = 0;
	if (len != 0 && (text[0] == ' ' || text[len - 1] == ' '))
		return false;
	if (!markdown_lines_start(text, len, 0, &list))
		return false;
	if (len / 64 >= MARKDOWN_LINES_ROOM)
		bits = xreallocarray(NULL, len / 64 + 1, sizeof *bits);
	markdown_lines_bits(text, len, bits);
	for (i = scan_bits_next(bits, 0, len);;
	    i = scan_bits_next(bits, i + 1, len)) {
		if (i == len || text[i] == '\n') {
			if (i > start && !rule) {
				markdown_lines_add(&p, &n, &cap, start, i);
				if (i - start > *longest)
					*longest = i - start;
			}
			rule = false;
			if (i == len)
				break;
			start = i + 1;
			if ((i > 0 && text[i - 1] == ' ') ||
			    (start < len && text[start] == ' ') ||
			    !markdown_lines_start(text, len, start, &list))
				break;
			continue;
		}
		if (text[i] == '&' || text[i] == ']') {
			if (!markdown_inert_at(text, len, i))
				break;
			continue;
		}
		if (text[i] == '_') {
			if (i == start &&
			    markdown_underscore_rule(text, len, i, &end)) {
				list.open = list.ordered = false;
				rule = true;
				i = end - 1;
				continue;
			}
			if (!markdown_inert_underscores(text, len, i, &end))
				break;
			i = end - 1;
			continue;
		}
		if ((unsigned char)text[i] != 0xc2 || (i + 1 < len &&
		    (unsigned char)text[i + 1] == 0xa0))
			break;
	}
	if (bits != room)
		free(bits);
	if (i < len) {
		free(p);
		return false;
	}
	*paras = p;
	*np = n;
	return true;
}

int
markdown_render_md4c(const char *text, size_t len, bool lines,
    struct draft *d)
{
	MD_PARSER parser;
	struct markdown_ctx c;
	char *copy;
	int rc;

	memset(&parser, 0, sizeof parser);
	parser.abi_version = 0;
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
	parser.enter_block = markdown_enter_block;
	parser.leave_block = markdown_leave_block;
	parser.enter_span = markdown_enter_span;
	parser.leave_span = markdown_leave_span;
	parser.text = markdown_text;
	/* md4c 0.4.8 reads the byte after its input: a body ending in
	 * "10" followed in memory by "." became an ordered list, and "[a](b"
	 * followed by ")" a link.  It never reads past a NUL there (checked
	 * on millions of random near-Markdown bodies), so it parses a
	 * terminated copy. */
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	memset(&c, 0, sizeof c);
	c.d = d;
	c.lines = lines;
	c.input = copy;
	c.inlen = len;
	rc = md_parse(copy, (MD_SIZE)len, &parser, &c);
	markdown_flush(&c);
	strbuf_free(&c.cur);
	free(copy);
	return rc == 0 ? 0 : -1;
}

int
markdown_render(const char *text, size_t len, bool lines, struct draft *d)
{
	/* md4c's parse cost most of loading a Markdown source, and most
	 * are plain lines. */
	if (markdown_is_plain(text, len)) {
		markdown_plain(text, len, lines, d);
		return 0;
	}
	return markdown_render_md4c(text, len, lines, d);
}

/* Whether the line [S, E) is an ATX heading: 1 to 6 '#', a space, text. */
static bool
markdown_sniff_heading(const char *s, const char *e)
{
	const char *p = s;

	while (p < e && *p == '#' && p - s < 7)
		p++;
	if (p == s || p - s > 6 || p >= e || *p != ' ')
		return false;
	while (p < e && *p == ' ')
		p++;
	return p < e && *p != '#';
}

/* Whether the line [S, E) holds "[text](target)" (an image's too) with
 * no space in the target, or is a link definition "[id]: target". */
static bool
markdown_sniff_link(const char *s, const char *e)
{
	const char *open, *close, *p;

	for (open = s; (open = memchr(open, '[', (size_t)(e - open))) != NULL;
	    open++) {
		if ((close = memchr(open, ']', (size_t)(e - open))) == NULL ||
		    close == open + 1)
			return false;
		if (open == s && e - close > 3 && close[1] == ':' &&
		    close[2] == ' ' && close[3] != ' ')
			return true;
		if (e - close < 3 || close[1] != '(')
			continue;
		for (p = close + 2; p < e && *p != ')' && *p != ' '; p++)
			;
		if (p < e && *p == ')' && p > close + 2)
			return true;
	}
	return false;
}

/* Whether the line [S, E) holds "**words**" or "__some words__": the
 * marks hug the words, as Markdown wants them ("__init__", a name in
 * plain text, is not taken). */
static bool
markdown_sniff_strong(const char *s, const char *e)
{
	static const char *const marks[] = { "**", "__" };
	const char *p, *q;
	size_t k;

	for (k = 0; k < 2; k++) {
		for (p = s; (p = memmem(p, (size_t)(e - p), marks[k], 2)) !=
		    NULL; p += 2) {
			if (e - p < 5 || p[2] == ' ' || p[2] == marks[k][0])
				continue;
			q = memmem(p + 3, (size_t)(e - p - 3), marks[k], 2);
			if (q != NULL && q[-1] != ' ' && (k == 0 ||
			    memchr(p + 2, ' ', (size_t)(q - p - 2)) != NULL))
				return true;
		}
	}
	return false;
}

bool
markdown_sniff(const char *text, size_t len)
{
	const char *s = text, *end = text + len, *e;

	for (; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (markdown_sniff_heading(s, e) || markdown_sniff_link(s, e) ||
		    markdown_sniff_strong(s, e) ||
		    (e - s >= 3 && (memcmp(s, "```", 3) == 0 ||
		    memcmp(s, "~~~", 3) == 0)))
			return true;
	}
	return false;
}
