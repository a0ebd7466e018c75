#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "charset.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Declarations are looked for in this many first bytes (HTML's prescan
 * reads 1024; pages with long heads put the meta later). */
#define CHARSET_PRESCAN 4096


/* Case-insensitive search for the ASCII string NEEDLE in S[0, LEN). */
static const char *
charset_find(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i, j;

	for (i = 0; i + n <= len; i++) {
		for (j = 0; j < n && ascii_lower(s[i + j]) == needle[j]; j++)
			;
		if (j == n)
			return s + i;
	}
	return NULL;
}

/* Copies the encoding name after "charset" or "encoding" at S (up to END)
 * into NAME: an optional '=', quotes, then [A-Za-z0-9._:-]+. */
static const char *
charset_name_after(const char *s, const char *end, char *name)
{
	size_t n = 0;

	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	if (s == end || *s != '=')
		return NULL;
	s++;
	while (s < end && (*s == ' ' || *s == '"' || *s == '\''))
		s++;
	while (s < end && n < CHARSET_NAME_MAX && *s != '\0' &&
	    (strchr("._:-", *s) != NULL || ascii_is_alnum(*s)))
		name[n++] = (char)ascii_lower(*s++);
	name[n] = '\0';
	return n > 0 ? name : NULL;
}

const char *
charset_declared(const char *buf, size_t len, char *name)
{
	const char *p, *end, *close, *at;

	if (len > CHARSET_PRESCAN)
		len = CHARSET_PRESCAN;
	end = buf + len;
	if (len >= 5 && memcmp(buf, "<?xml", 5) == 0 &&
	    (close = memchr(buf, '>', len)) != NULL &&
	    (at = charset_find(buf, (size_t)(close - buf), "encoding")) != NULL &&
	    charset_name_after(at + 8, close, name) != NULL)
		return name;
	for (p = buf; (p = charset_find(p, (size_t)(end - p), "<meta")) != NULL;
	    p = close) {
		if ((close = memchr(p, '>', (size_t)(end - p))) == NULL)
			break;
		at = charset_find(p, (size_t)(close - p), "charset");
		if (at != NULL && charset_name_after(at + 7, close, name) != NULL)
			return name;
	}
	return NULL;
}

/* The iconv name for a declared one; NULL for UTF-8, "" for unknown. */
static const char *
charset_canonical(const char *name)
{
	static const struct {
		const char *label;
		const char *iconv;
	} names[] = {
		/* The labels browsers read as windows-1252. */
		{ "ascii", "WINDOWS-1252" },
		{ "cp1252", "WINDOWS-1252" },
		{ "iso-8859-1", "WINDOWS-1252" },
		{ "iso8859-1", "WINDOWS-1252" },
		{ "iso_8859-1", "WINDOWS-1252" },
		{ "latin1", "WINDOWS-1252" },
		{ "us-ascii", "WINDOWS-1252" },
		{ "windows-1252", "WINDOWS-1252" },
		{ "x-cp1252", "WINDOWS-1252" },
	};
	size_t i;

	if (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0)
		return NULL;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].label) == 0)
			return names[i].iconv;
	}
	return name;
}

/* Whether S holds a byte outside ASCII. */
static bool
charset_has_8bit(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return true;
	}
	return false;
}

/*
 * Converts with iconv from FROM; a sequence it cannot decode becomes
 * U+FFFD and decoding goes on UNIT bytes later.  Returns false when iconv
 * does not know FROM.
 */
static bool
charset_iconv(const char *from, const char *buf, size_t len, size_t unit,
    struct strbuf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)(uintptr_t)buf, *op;
	size_t inleft = len, outleft;

	if (cd == (iconv_t)-1)
		return false;
	strbuf_add(out, "", 0);		/* allocated even when LEN is 0 */
	while (inleft > 0) {
		strbuf_grow(out, inleft * 2 + 16);
		op = out->data + out->len;
		outleft = out->cap - out->len - 1;
		if (iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1) {
			out->len = (size_t)(op - out->data);
			break;
		}
		out->len = (size_t)(op - out->data);
		if (errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL for a sequence cut at the end. */
		strbuf_add(out, "\xef\xbf\xbd", 3);
		unit = unit < inleft ? unit : inleft;
		in += unit;
		inleft -= unit;
	}
	iconv_close(cd);
	out->data[out->len] = '\0';
	return true;
}

char *
charset_decode(const char *buf, size_t len, const char *declared,
    size_t *outlen, const char **used)
{
	struct strbuf out = STRBUF_INIT;
	char name[CHARSET_NAME_MAX + 1];
	const char *from = NULL, *dummy;
	size_t unit = 1;

	if (used == NULL)
		used = &dummy;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	} else if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0)) {
		/* iconv's UTF-16 reads the mark and drops it. */
		from = "UTF-16";
		unit = 2;
	} else {
		if (declared != NULL && strlen(declared) <= CHARSET_NAME_MAX) {
			size_t i;

			for (i = 0; declared[i] != '\0'; i++)
				name[i] = (char)ascii_lower(declared[i]);
			name[i] = '\0';
			declared = name;
		} else
			declared = charset_declared(buf, len, name);
		if (declared != NULL)
			from = charset_canonical(declared);
		if (strncmp(declared != NULL ? declared : "", "utf-16", 6) == 0)
			unit = 2;
		else if (from == NULL && !text_is_valid_utf8(buf, len))
			from = "WINDOWS-1252";	/* declared UTF-8, but not */
		else if (from != NULL && text_is_valid_utf8(buf, len) &&
		    charset_has_8bit(buf, len))
			from = NULL;		/* an 8-bit label on UTF-8 */
		else if (declared == NULL && !text_is_valid_utf8(buf, len))
			from = "WINDOWS-1252";
	}
	if (from != NULL && charset_iconv(from, buf, len, unit, &out)) {
		*used = from;
	} else {
		/* UTF-8, or a name iconv does not know: the bytes as they
		 * are, for the sanitiser to mend. */
		strbuf_add(&out, buf, len);
		*used = "UTF-8";
	}
	*outlen = out.len;
	return strbuf_detach(&out);
}
