#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

void
draft_init(struct draft *d)
{
	memset(d, 0, sizeof *d);
}

/* Length of the white space at S[I]: ASCII blanks and U+00A0, or 0. */
static size_t
draft_space_at(const char *s, size_t len, size_t i)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
	    s[i] == '\f' || s[i] == '\v')
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/* Appends CLEAN (N bytes, sanitised) as a paragraph, unless it is
 * empty. */
static void
draft_push(struct draft *d, const char *clean, size_t n, bool heading)
{
	size_t start;

	/* Sanitising drops byte order marks, which may have stood between
	 * the spaces and the ends. */
	for (start = 0; start < n && clean[start] == ' '; start++)
		;
	while (n > start && clean[n - 1] == ' ')
		n--;
	if (n == start)
		return;
	if (d->nparas == d->cap) {
		d->cap = d->cap == 0 ? 16 : d->cap * 2;
		d->paras = xreallocarray(d->paras, d->cap, sizeof *d->paras);
	}
	d->paras[d->nparas].start = d->text.len;
	strbuf_add(&d->text, clean + start, n - start);
	d->paras[d->nparas].end = d->text.len;
	d->paras[d->nparas].heading = heading;
	d->nparas++;
	strbuf_addch(&d->text, '\n');
}

/* Whether no NBSP (U+00A0, which folds as a space) starts in
 * U[FROM, TO); the other characters 0xc2 leads (the copyright sign of
 * many a news body's last line, the degree sign) are as flat as any. */
static bool
draft_no_nbsp(const unsigned char *u, size_t len, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++) {
		if (u[k] == 0xc2 && k + 1 < len && u[k + 1] == 0xa0)
			return false;
	}
	return true;
}

/*
 * Whether S has nothing to fold: no white space but single spaces between
 * words, none at either end, no NBSP, no control byte.  Most paragraphs
 * of real news are so, and then go to text_sanitize as they are (folding
 * them byte by byte cost a third of loading them).
 */
static bool
draft_is_flat(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull;
	const unsigned char *u = (const unsigned char *)s;
	uint64_t w, sp, carry = 0;
	size_t i = 0, tail;

	if (len == 0 || u[0] == ' ' || u[len - 1] == ' ')
		return false;
#if defined(SCAN_SSE2) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Sixteen at a time where the CPU has SSE2: the same tests, a
	 * space's flag one bit up for the next byte. */
	for (; scan_level >= SCAN_LEVEL_SSE2 && i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
		    (u + i));
		unsigned sp16 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8(' ')));

		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x,
		    _mm_set1_epi8((char)0xe0)), _mm_setzero_si128())) != 0 ||
		    (sp16 & ((sp16 << 1) | (unsigned)(carry >> 7))) != 0)
			return false;
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8((char)0xc2))) != 0 &&
		    !draft_no_nbsp(u, len, i, i + 16))
			return false;
		carry = (uint64_t)(sp16 >> 15) << 7;
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Eight bytes at a time: a control byte, NBSP, or a space after a
	 * space (the next byte's flag is 8 bits up, the last one's carried
	 * into the next word). */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, sizeof w);
		sp = scan_zero_bytes(w ^ (ones * ' '));
		if ((scan_zero_bytes(w & (ones * 0xe0)) |
		    (sp & ((sp << 8) | carry))) != 0)
			return false;
		if (scan_zero_bytes(w ^ (ones * 0xc2)) != 0 &&
		    !draft_no_nbsp(u, len, i, i + 8))
			return false;
		carry = sp >> 56;
	}
	if (carry != 0 && i < len && u[i] == ' ')
		return false;
#endif
	for (tail = i; i < len; i++) {
		/* U[I + 1] exists when U[I] is a space: the last byte is not. */
		if (u[i] <= ' ' && (u[i] != ' ' || u[i + 1] == ' '))
			return false;
	}
	return draft_no_nbsp(u, len, tail, len);
}

void
draft_add(struct draft *d, const char *s, size_t len, bool heading)
{
	char *clean, *flat;
	size_t i, n, k, out = 0;
	bool space = false;

	if (draft_is_flat(s, len)) {
		/* Most are clean already: no copy to sanitise. */
		if (text_is_clean(s, len)) {
			draft_push(d, s, len, heading);
			return;
		}
		clean = text_sanitize(s, len, &n);
		draft_push(d, clean, n, heading);
		free(clean);
		return;
	}
	flat = xmalloc(len + 1);
	for (i = 0; i < len; i += k) {
		if ((k = draft_space_at(s, len, i)) != 0) {
			space = out > 0;
			continue;
		}
		if (space)
			flat[out++] = ' ';
		space = false;
		flat[out++] = s[i];
		k = 1;
	}
	if (out == 0) {
		free(flat);
		return;
	}
	clean = text_sanitize(flat, out, &n);
	free(flat);
	draft_push(d, clean, n, heading);
	free(clean);
}

void
draft_drop_last(struct draft *d)
{
	d->text.len = d->paras[--d->nparas].start;
	d->text.data[d->text.len] = '\0';
}

void
draft_set(char **field, const char *s, size_t len)
{
	if (*field == NULL && s != NULL)
		*field = text_field(s, len);
}

size_t
draft_text_len(const struct draft *d)
{
	return d->text.len - d->nparas;
}

void
draft_free_paras(struct draft *d)
{
	strbuf_free(&d->text);
	free(d->paras);
	d->paras = NULL;
	d->nparas = d->cap = 0;
}

void
draft_free(struct draft *d)
{
	draft_free_paras(d);
	free(d->title);
	free(d->outlet);
	free(d->url);
	free(d->date);
	free(d->author);
	draft_init(d);
}
