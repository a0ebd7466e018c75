#include "config.h"

#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "fold.h"
#include "text.h"

int32_t
fold_punct(int32_t cp)
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
 * utf8proc gives the full folding; where that is one code point it is also
 * the simple one, and where it is longer the simple folding (status S) is
 * the lowercase form when that folds the same way (U+1E9E -> U+00DF), else
 * there is none (U+0130 stays).
 */
int32_t
fold_case(int32_t cp)
{
	utf8proc_int32_t full[8], low[8];
	utf8proc_ssize_t n, nl;
	int32_t lower;
	int bc = 0;

	if (cp < 0x80)
		return ascii_lower(cp);
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

/* The folded code point at *POS, advancing it; -1 at the end.  A
 * malformed sequence reads as U+FFFD. */
static int32_t
fold_next(const char *s, size_t len, size_t *pos)
{
	int32_t cp;

	if (*pos >= len)
		return -1;
	cp = text_decode(s, len, pos);
	return cp < 0 ? 0xfffd : fold_case(fold_punct(cp));
}

size_t
fold_find(const char *text, size_t len, const char *q, size_t qlen,
    size_t from, size_t *end)
{
	size_t start, t, p;
	int32_t qc;

	if (qlen == 0)
		return (size_t)-1;
	for (start = from; start < len; ) {
		t = start;
		p = 0;
		while ((qc = fold_next(q, qlen, &p)) >= 0 &&
		    fold_next(text, len, &t) == qc)
			;
		if (qc < 0) {
			*end = t;
			return start;
		}
		/* The next start is the next code point's first byte. */
		start++;
		while (start < len && ((unsigned char)text[start] & 0xc0) == 0x80)
			start++;
	}
	return (size_t)-1;
}
