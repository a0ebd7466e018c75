#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "scan.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#ifdef SCAN_AVX2
#include <immintrin.h>
#endif

/*
 * Placeholders.  C0 controls become their Unicode Control Pictures
 * (U+2400 + byte, so ESC shows as U+241B), DEL becomes U+2421.  C1 controls
 * and the bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069) have no control picture: they become U+FFFD, like
 * invalid bytes.
 */
#define TEXT_REPLACEMENT 0xfffd
#define TEXT_PICTURE_BASE 0x2400
#define TEXT_PICTURE_DEL 0x2421

void
text_add_cp(struct strbuf *sb, int32_t cp)
{
	char buf[4];
	size_t n;

	if (cp < 0x80) {
		buf[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xc0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		buf[0] = (char)(0xf0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	strbuf_add(sb, buf, n);
}

/*
 * Decodes one sequence strictly (no overlongs, surrogates or values above
 * U+10FFFF).  Returns the code point, or -1 after consuming the maximal
 * invalid subpart (at least one byte), as Unicode recommends for U+FFFD
 * substitution.
 */
static int32_t
text_decode_strict(const unsigned char *s, size_t len, size_t *pos)
{
	unsigned char c = s[*pos];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;
	int32_t cp;

	if (c < 0x80) {
		(*pos)++;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		(*pos)++;
		return -1;
	}
	(*pos)++;
	for (i = 0; i < need; i++) {
		if (*pos >= len || s[*pos] < lo || s[*pos] > hi)
			return -1;
		cp = (cp << 6) | (s[*pos] & 0x3f);
		(*pos)++;
		lo = 0x80;
		hi = 0xbf;
	}
	return cp;
}

/* U+FEFF: a byte-order mark, or the deprecated zero-width no-break space;
 * dropped wherever it is, so a sentence never starts with one and
 * sanitising a piece of sanitised text changes nothing. */
#define TEXT_BOM 0xfeff

static int
text_is_bidi_control(int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Bytes of plain ASCII (printable, tab, newline): they pass unchanged. */
static int
text_is_plain(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n';
}

/* Length of the plain ASCII that S starts with from I on: bytes that
 * decode and sanitise to themselves.  Sixteen bytes at a time with
 * SSE2, then eight at a time, then bytes, by scan_level. */
SCAN_INLINE size_t
text_ascii_tail(const unsigned char *s, size_t len, size_t i)
{
	size_t end;
	uint64_t w;
#ifdef SCAN_SSE2
	const __m128i one = _mm_set1_epi8(1), space = _mm_set1_epi8(0x20);
	__m128i v, ok;
	unsigned mask;

	/* Adding one takes printable ASCII, 0x20-0x7e, to the bytes above
	 * 0x20 taken as signed, and every other byte below; tabs and line
	 * breaks are let through only when something was found. */
	for (; scan_level >= SCAN_LEVEL_SSE2 && len - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		ok = _mm_cmpgt_epi8(_mm_add_epi8(v, one), space);
		if (_mm_movemask_epi8(ok) == 0xffff)
			continue;
		ok = _mm_or_si128(ok, _mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
		if ((mask = ~(unsigned)_mm_movemask_epi8(ok) & 0xffff) != 0)
			return i + (size_t)__builtin_ctz(mask);
	}
#endif
	for (;;) {
		/* Eight bytes at a time while none is 0x80 or above, below
		 * 0x20 or DEL; a word with a tab or a newline is left to the
		 * byte loop, which then hands back. */
		while (len - i >= 8) {
			memcpy(&w, s + i, 8);
			if (((w | ((w - SCAN_ONES * 0x20) & ~w) |
			    ((w ^ (SCAN_ONES * 0x7f)) - SCAN_ONES)) &
			    SCAN_HIGHS) != 0)
				break;
			i += 8;
		}
		end = len - i > 8 ? i + 8 : len;
		while (i < end && text_is_plain(s[i]))
			i++;
		if (i < end || i == len)
			return i;
	}
}

static size_t
text_ascii_run(const unsigned char *s, size_t len)
{
	return text_ascii_tail(s, len, 0);
}

#ifdef SCAN_AVX2
/* text_ascii_run, 32 bytes at a time while 32 are left. */
__attribute__((target("avx2"))) static inline size_t
text_ascii_run_avx2(const unsigned char *s, size_t len)
{
	const __m256i one = _mm256_set1_epi8(1), space = _mm256_set1_epi8(0x20);
	__m256i v, ok;
	uint32_t mask;
	size_t i;

	/* As in text_ascii_tail, with twice the bytes. */
	for (i = 0; len - i >= 32; i += 32) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		ok = _mm256_cmpgt_epi8(_mm256_add_epi8(v, one), space);
		if ((uint32_t)_mm256_movemask_epi8(ok) == UINT32_MAX)
			continue;
		ok = _mm256_or_si256(ok, _mm256_or_si256(
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'))));
		if ((mask = ~(uint32_t)_mm256_movemask_epi8(ok)) != 0)
			return i + (size_t)__builtin_ctz(mask);
	}
	return text_ascii_tail(s, len, i);
}
#endif

#ifdef SCAN_AVX2
/*
 * text_ascii_run_avx2, which also takes in its stride the general
 * punctuation news is full of, curly quotes, dashes and the ellipsis:
 * U+2000 to U+203F, E2 80 xx, but the bidi controls U+202A to U+202E,
 * all of which text_clean_char takes as they are.  Left to it, each one
 * cost a return to text_clean_loop and a look of its own, 0.8
 * instructions a byte of real news.  A block whose only other bytes are
 * such characters is clean; a character may run 2 bytes past it (S[I +
 * 32] and S[I + 33] are read), and the next block starts after it.
 */
__attribute__((target("avx2"))) static inline size_t
text_punct_run_avx2(const unsigned char *s, size_t len)
{
	const __m256i one = _mm256_set1_epi8(1), space = _mm256_set1_epi8(0x20);
	/* Signed bytes: a continuation byte 0x80-0xbf is below -64, the
	 * bidi controls' last bytes 0xaa-0xae lie from -86 to -82. */
	const __m256i cont = _mm256_set1_epi8(-64), bidi_lo = _mm256_set1_epi8(-87),
	    bidi_hi = _mm256_set1_epi8(-81);
	__m256i v, ok, v1, v2, lead, bidi;
	uint32_t bad, extra;
	uint64_t cover;
	size_t i = 0;

	while (len - i >= 34) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		/* A line's end is in a quarter of the blocks of news: taken
		 * here, it costs two instructions a block, not the rest. */
		ok = _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_add_epi8(v, one),
		    space), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')));
		if ((uint32_t)_mm256_movemask_epi8(ok) == UINT32_MAX) {
			i += 32;
			continue;
		}
		ok = _mm256_or_si256(ok,
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')));
		v1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (s + i + 1));
		v2 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (s + i + 2));
		bidi = _mm256_and_si256(_mm256_cmpgt_epi8(v2, bidi_lo),
		    _mm256_cmpgt_epi8(bidi_hi, v2));
		lead = _mm256_and_si256(_mm256_and_si256(
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xe2)),
		    _mm256_cmpeq_epi8(v1, _mm256_set1_epi8((char)0x80))),
		    _mm256_andnot_si256(bidi, _mm256_cmpgt_epi8(cont, v2)));
		cover = (uint32_t)_mm256_movemask_epi8(lead);
		cover |= cover << 1 | cover << 2;
		bad = ~(uint32_t)_mm256_movemask_epi8(ok) & ~(uint32_t)cover;
		if (bad != 0)
			return i + (size_t)__builtin_ctz(bad);
		/* A character's last bytes past the block. */
		extra = (uint32_t)(cover >> 32);
		i += 32 + (extra == 0 ? 0 : 32 - (size_t)__builtin_clz(extra));
	}
	return i + text_ascii_run_avx2(s + i, len - i);
}
#endif

/*
 * Where the character at POS, which is not plain ASCII, ends if it
 * sanitises to itself (a character from U+00A0 on but the bidi controls
 * and U+FEFF, which the strict decoder takes as it is encoded), else
 * POS.  Two and three bytes, the usual non-ASCII, are checked in line:
 * no overlong, surrogate, bidi control or BOM.
 */
SCAN_INLINE size_t
text_clean_char(const unsigned char *s, size_t len, size_t pos)
{
	unsigned char c = s[pos];
	size_t next = pos;
	int32_t cp;

	if (c >= 0xc2 && c <= 0xdf && len - pos >= 2 &&
	    (s[pos + 1] & 0xc0) == 0x80 && (c > 0xc2 || s[pos + 1] >= 0xa0))
		return pos + 2;
	if (c >= 0xe0 && c <= 0xef && len - pos >= 3 &&
	    (s[pos + 1] & 0xc0) == 0x80 && (s[pos + 2] & 0xc0) == 0x80 &&
	    !(c == 0xe0 && s[pos + 1] < 0xa0) &&
	    !(c == 0xed && s[pos + 1] > 0x9f) &&
	    !(c == 0xe2 && text_is_bidi_control(0x2000 |
	    (s[pos + 1] & 0x3f) << 6 | (s[pos + 2] & 0x3f))) &&
	    !(c == 0xef && s[pos + 1] == 0xbb && s[pos + 2] == 0xbf))
		return pos + 3;
	if (c < 0x80 || (cp = text_decode_strict(s, len, &next)) < 0xa0 ||
	    text_is_bidi_control(cp) || cp == TEXT_BOM)
		return pos;
	return next;
}

/* The end of the text from POS on that sanitises to itself: runs of
 * plain ASCII, found by RUN, and of other characters, which come in
 * runs in the scripts that are not Latin.  Inlined into one function
 * per level, so RUN is inlined too. */
SCAN_INLINE size_t
text_clean_loop(const char *in, size_t len, size_t pos,
    size_t (*run)(const unsigned char *, size_t))
{
	const unsigned char *s = (const unsigned char *)in;
	size_t next;

	while ((pos += run(s + pos, len - pos)) < len) {
		do {
			if ((next = text_clean_char(s, len, pos)) == pos)
				return pos;
		} while ((pos = next) < len && s[pos] >= 0x80);
	}
	return pos;
}

#ifdef SCAN_AVX2
__attribute__((target("avx2"))) static size_t
text_clean_run_avx2(const char *in, size_t len, size_t pos)
{
	return text_clean_loop(in, len, pos, text_punct_run_avx2);
}
#endif

static size_t
text_clean_run(const char *in, size_t len, size_t pos)
{
#ifdef SCAN_AVX2
	if (scan_level >= SCAN_LEVEL_AVX2)
		return text_clean_run_avx2(in, len, pos);
#endif
	return text_clean_loop(in, len, pos, text_ascii_run);
}

bool
text_is_clean(const char *s, size_t len)
{
	return text_clean_run(s, len, 0) == len;
}

bool
text_is_valid_utf8(const char *s, size_t len)
{
	size_t pos = 0;
	uint64_t word;

	while (pos < len) {
		/* Eight ASCII bytes at a time: most of a page is markup. */
		if (len - pos >= 8) {
			memcpy(&word, s + pos, 8);
			if ((word & 0x8080808080808080ULL) == 0) {
				pos += 8;
				continue;
			}
		}
		if ((unsigned char)s[pos] < 0x80)
			pos++;
		else if (text_decode_strict((const unsigned char *)s, len,
		    &pos) < 0)
			return false;
	}
	return true;
}

char *
text_sanitize(const char *in, size_t len, size_t *outlen)
{
	struct text_counts counts;

	return text_sanitize_counted(in, len, outlen, &counts);
}

char *
text_sanitize_counted(const char *in, size_t len, size_t *outlen,
    struct text_counts *counts)
{
	const unsigned char *s = (const unsigned char *)in;
	struct strbuf sb = STRBUF_INIT;
	size_t pos = 0, run, start;
	int32_t cp;

	counts->nul = counts->bad = 0;

	strbuf_grow(&sb, len);
	strbuf_reset(&sb);
	while (pos < len) {
		run = pos;
		pos = text_clean_run(in, len, pos);
		strbuf_add(&sb, in + run, pos - run);
		if (pos == len)
			break;
		if (s[pos] == '\r') {
			strbuf_addch(&sb, '\n');
			pos++;
			if (pos < len && s[pos] == '\n')
				pos++;
			continue;
		}
		start = pos;
		cp = text_decode_strict(s, len, &pos);
		if (cp == TEXT_BOM)
			continue;	/* a BOM glued in mid-file is no text */
		if (cp == 0)
			counts->nul++;
		else if (cp == -1)
			counts->bad += pos - start;
		else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f' &&
		    cp != 0x1b)
			counts->bad++;
		if (cp == -1)
			cp = TEXT_REPLACEMENT;
		else if (cp < 0x20 && cp != '\t' && cp != '\n')
			cp = TEXT_PICTURE_BASE + cp;
		else if (cp == 0x7f)
			cp = TEXT_PICTURE_DEL;
		else if ((cp >= 0x80 && cp <= 0x9f) || text_is_bidi_control(cp))
			cp = TEXT_REPLACEMENT;
		text_add_cp(&sb, cp);
	}
	if (outlen != NULL)
		*outlen = sb.len;
	return strbuf_detach(&sb);
}

int32_t
text_decode(const char *s, size_t len, size_t *pos)
{
	if (*pos >= len)
		return -1;
	return text_decode_strict((const unsigned char *)s, len, pos);
}

bool
text_is_letter(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return true;
	default:
		return false;
	}
}

int
text_cp_width(int32_t cp)
{
	int w;

	if (cp < 0 || cp > 0x10ffff)
		return 1;
	w = utf8proc_charwidth(cp);
	if (w > 0)
		return w;
	/* Visible marks have no width of their own, but anything utf8proc
	 * cannot size (controls, unassigned) still takes a cell on screen. */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 0;
	default:
		return 1;
	}
}

size_t
text_width(const char *s, size_t len)
{
	size_t pos = 0, width = 0;
	int32_t cp;

	while (pos < len) {
		cp = text_decode(s, len, &pos);
		width += (size_t)text_cp_width(cp);
	}
	return width;
}

char *
text_field(const char *s, size_t len)
{
	char *out, *p;
	size_t n, start = 0;

	/* Most fields (front matter, metadata) are clean: a copy, without
	 * decoding them. */
	if (text_is_clean(s, len)) {
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		n = len;
	} else
		out = text_sanitize(s, len, &n);
	for (p = out; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	}
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
	while (start < n && out[start] == ' ')
		start++;
	if (start == n) {
		free(out);
		return NULL;
	}
	memmove(out, out + start, n - start + 1);
	return out;
}
