/*
 * Where this reads like libxml2 2.9.14 (so that extraction keeps its
 * output): tag and attribute names are [A-Za-z_:.][A-Za-z0-9:._-]* in
 * lower case, an attribute's first value wins, an unquoted value ends at
 * white space or '>', "<x/>" is an empty element, a reference needs its
 * ';' (a number does not), a number that is no XML character is dropped,
 * and a raw body ends at "</" and its element's name (any case).
 * Where it reads like browsers instead: "<!x>" and "<?x>" are skipped
 * (libxml2 shows "<!x>" as text), the bodies of <noscript>, <title> and
 * <textarea> hold no tags (libxml2 reads tags in them), a number in
 * 128-159 is the windows-1252 character it means (libxml2 gives a C1
 * control), a '&#' without digits stays as written (libxml2 drops it),
 * and a NUL byte is a space.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "entity.h"
#include "htmltok.h"
#include "text.h"
#include "xalloc.h"

/* The raw-text elements: their bodies are never shown (and keep their
 * references), or are text without tags. */
static const struct {
	const char *name;
	bool decoded;
} htmltok_raw[] = {
	{ "script", false }, { "style", false }, { "noscript", false },
	{ "title", true }, { "textarea", true },
};

/* windows-1252's characters for the numbers 128-159 that pages mean. */
static const uint16_t htmltok_cp1252[32] = {
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
};


/* Whether the '<' at P starts markup: a tag, an end tag, a comment,
 * a declaration or a processing instruction. */
static bool
htmltok_starts_markup(const char *p, const char *end)
{
	return end - p >= 2 && (ascii_is_alpha(p[1]) || p[1] == '!' ||
	    p[1] == '?' || p[1] == '/');
}


static bool
htmltok_is_name_char(char c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c) || c == ':' ||
	    c == '-' || c == '_' || c == '.';
}

/* libxml2's blanks: no form feed. */
static bool
htmltok_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
htmltok_init(struct htmltok *z, const char *utf8, size_t len)
{
	memset(z, 0, sizeof *z);
	z->p = utf8;
	z->end = utf8 + len;
}

void
htmltok_free(struct htmltok *z)
{
	strbuf_free(&z->buf);
	free(z->offsets);
	free(z->ptrs);
	memset(z, 0, sizeof *z);
}

/*
 * The reference at S ('&') appended to OUT as its character (or as
 * written when it names none); returns where it ends.
 */
static const char *
htmltok_reference(const char *s, const char *end, struct strbuf *out)
{
	const char *p = s + 1;
	uint32_t cp = 0;
	int base = 10, v;

	if (p < end && *p == '#') {
		p++;
		if (p < end && (*p == 'x' || *p == 'X')) {
			base = 16;
			p++;
		}
		if (p == end || (v = text_hex_digit(*p)) < 0 || v >= base) {
			strbuf_addch(out, '&');
			return s + 1;
		}
		for (; p < end && (v = text_hex_digit(*p)) >= 0 && v < base;
		    p++) {
			if (cp < 0x110000)
				cp = cp * (uint32_t)base + (uint32_t)v;
		}
		if (p < end && *p == ';')
			p++;
		if (cp >= 0x80 && cp < 0xa0)
			cp = htmltok_cp1252[cp - 0x80];
		/* XML's characters only, as libxml2. */
		if (cp == 0x9 || cp == 0xa || cp == 0xd ||
		    (cp >= 0x20 && cp <= 0xd7ff) ||
		    (cp >= 0xe000 && cp <= 0xfffd) ||
		    (cp >= 0x10000 && cp <= 0x10ffff))
			text_add_cp(out, (int32_t)cp);
		return p;
	}
	while (p < end && (ascii_is_alpha(*p) || ascii_is_digit(*p)))
		p++;
	if (p < end && *p == ';' && p > s + 1 &&
	    (cp = entity_named(s + 1, (size_t)(p - s - 1))) != 0) {
		text_add_cp(out, (int32_t)cp);
		return p + 1;
	}
	strbuf_add(out, s, (size_t)(p - s));
	return p;
}

/* S[0, LEN) with its references decoded, appended to OUT. */
static void
htmltok_decode(const char *s, size_t len, struct strbuf *out)
{
	const char *end = s + len, *amp;

	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		strbuf_add(out, s, (size_t)(amp - s));
		s = htmltok_reference(amp, end, out);
	}
	strbuf_add(out, s, (size_t)(end - s));
}

/* Sets the token's text to S[0, LEN), decoded when DECODE, its NUL
 * bytes made spaces. */
static void
htmltok_set_text(struct htmltok *z, const char *s, size_t len, bool decode)
{
	size_t i;

	z->text = s;
	z->len = len;
	if (decode && memchr(s, '&', len) != NULL) {
		strbuf_reset(&z->buf);
		htmltok_decode(s, len, &z->buf);
	} else if (memchr(s, '\0', len) != NULL) {
		strbuf_reset(&z->buf);
		strbuf_add(&z->buf, s, len);
	} else
		return;
	for (i = 0; i < z->buf.len; i++) {
		if (z->buf.data[i] == '\0')
			z->buf.data[i] = ' ';
	}
	z->text = z->buf.data;
	z->len = z->buf.len;
}

/* The tag's next string: at offset FROM in the scratch buffer, or NULL
 * when FROM is SIZE_MAX. */
static void
htmltok_push(struct htmltok *z, size_t from)
{
	if (z->nptrs + 2 >= z->cap) {
		z->cap = z->cap == 0 ? 32 : 2 * z->cap;
		z->offsets = xreallocarray(z->offsets, z->cap,
		    sizeof *z->offsets);
		z->ptrs = xreallocarray(z->ptrs, z->cap, sizeof *z->ptrs);
	}
	z->offsets[z->nptrs++] = from;
}

/* Ends the string that starts at FROM in the scratch buffer and pushes
 * it. */
static void
htmltok_keep(struct htmltok *z, size_t from)
{
	strbuf_addch(&z->buf, '\0');
	htmltok_push(z, from);
}

/* A name at P into the scratch buffer, in lower case; returns its end. */
static const char *
htmltok_name(struct htmltok *z, const char *p)
{
	const char *q;
	size_t from = z->buf.len, i;

	for (q = p; q < z->end && htmltok_is_name_char(*q); q++)
		;
	strbuf_add(&z->buf, p, (size_t)(q - p));
	for (i = from; i < z->buf.len; i++) {
		if (z->buf.data[i] >= 'A' && z->buf.data[i] <= 'Z')
			z->buf.data[i] = (char)(z->buf.data[i] - 'A' + 'a');
	}
	return q;
}

/* Whether the tag's attribute names so far include the last one. */
static bool
htmltok_repeated(const struct htmltok *z)
{
	const char *last = z->buf.data + z->offsets[z->nptrs - 1];
	size_t i;

	for (i = 1; i < z->nptrs - 1; i += 2) {
		if (strcmp(z->buf.data + z->offsets[i], last) == 0)
			return true;
	}
	return false;
}

static const char *
htmltok_skip_blanks(const char *p, const char *end)
{
	while (p < end && htmltok_is_blank(*p))
		p++;
	return p;
}

/* An attribute's value at P (past the '='): appended, ended and kept;
 * returns its end. */
static const char *
htmltok_value(struct htmltok *z, const char *p)
{
	const char *end = z->end, *q;
	size_t from = z->buf.len;

	if (p < end && (*p == '"' || *p == '\'')) {
		q = memchr(p + 1, *p, (size_t)(end - p - 1));
		htmltok_decode(p + 1, (size_t)((q != NULL ? q : end) - p - 1),
		    &z->buf);
		p = q != NULL ? q + 1 : end;
	} else {
		for (q = p; q < end && *q != '>' && !htmltok_is_blank(*q); q++)
			;
		htmltok_decode(p, (size_t)(q - p), &z->buf);
		p = q;
	}
	htmltok_keep(z, from);
	return p;
}

/* The start tag at P ('<' and a letter); returns where it ends. */
static const char *
htmltok_start(struct htmltok *z, const char *p)
{
	const char *end = z->end;
	size_t i, from;
	bool value, repeated;

	strbuf_reset(&z->buf);
	z->nptrs = 0;
	z->self_closing = false;
	p = htmltok_name(z, p + 1);
	htmltok_keep(z, 0);
	for (;;) {
		p = htmltok_skip_blanks(p, end);
		if (p == end)
			break;
		if (*p == '>') {
			p++;
			break;
		}
		if (*p == '/' && p + 1 < end && p[1] == '>') {
			z->self_closing = true;
			p += 2;
			break;
		}
		if (!ascii_is_alpha(*p) && *p != '_' && *p != ':' &&
		    *p != '.') {
			/* Not a name: skipped to the next blank. */
			while (p < end && !htmltok_is_blank(*p) && *p != '>' &&
			    !(*p == '/' && p + 1 < end && p[1] == '>'))
				p++;
			continue;
		}
		from = z->buf.len;
		p = htmltok_name(z, p);
		htmltok_keep(z, from);
		repeated = htmltok_repeated(z);
		p = htmltok_skip_blanks(p, end);
		value = p < end && *p == '=';
		if (value)
			p = htmltok_value(z, htmltok_skip_blanks(p + 1, end));
		else
			htmltok_push(z, SIZE_MAX);
		if (repeated)
			z->nptrs -= 2;	/* the first value wins */
	}
	for (i = 0; i < z->nptrs; i++)
		z->ptrs[i] = z->offsets[i] == SIZE_MAX ? NULL :
		    z->buf.data + z->offsets[i];
	z->ptrs[z->nptrs] = NULL;
	z->name = z->ptrs[0];
	z->atts = z->ptrs + 1;
	z->kind = HTMLTOK_START;
	z->raw_name = NULL;
	/* (Their names start with 's', 'n' or 't'.) */
	for (i = 0; !z->self_closing && strchr("snt", z->name[0]) != NULL &&
	    i < sizeof htmltok_raw / sizeof *htmltok_raw; i++) {
		if (strcmp(z->name, htmltok_raw[i].name) == 0) {
			z->raw_name = htmltok_raw[i].name;
			z->raw_decoded = htmltok_raw[i].decoded;
		}
	}
	return p;
}

/* The end tag at P ("</" and a letter); returns where it ends. */
static const char *
htmltok_end(struct htmltok *z, const char *p)
{
	const char *gt;

	strbuf_reset(&z->buf);
	p = htmltok_name(z, p + 2);
	strbuf_addch(&z->buf, '\0');
	z->name = z->buf.data;
	z->kind = HTMLTOK_END;
	/* Anything after the name is skipped. */
	gt = memchr(p, '>', (size_t)(z->end - p));
	return gt != NULL ? gt + 1 : z->end;
}

/* Where markup that is skipped whole ("<!--", "<!", "<?", "</" and no
 * name) at P ends. */
static const char *
htmltok_skip(const char *p, const char *end)
{
	const char *q;

	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
		q = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
		return q != NULL ? q + 3 : end;
	}
	q = memchr(p + 1, '>', (size_t)(end - p - 1));
	return q != NULL ? q + 1 : end;
}

/* The body of the raw-text element z->raw_name, from z->p to its end
 * tag ("</NAME", any case) or the end of the input. */
static void
htmltok_raw_body(struct htmltok *z)
{
	const char *p = z->p, *end = z->end;
	size_t n = strlen(z->raw_name);

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= n + 2 && p[1] == '/' &&
		    strncasecmp(p + 2, z->raw_name, n) == 0)
			break;
		p++;
	}
	if (p == NULL)
		p = end;
	z->kind = z->raw_decoded ? HTMLTOK_TEXT : HTMLTOK_RAW;
	htmltok_set_text(z, z->p, (size_t)(p - z->p), z->raw_decoded);
	z->raw_name = NULL;
	z->p = p;
}

enum htmltok_kind
htmltok_next(struct htmltok *z)
{
	const char *p = z->p, *end = z->end, *lt;

	if (z->raw_name != NULL) {
		htmltok_raw_body(z);
		if (z->len > 0)
			return z->kind;
		p = z->p;
	}
	/* A '<' that starts no markup is text. */
	while (p < end && *p == '<' && htmltok_starts_markup(p, end)) {
		if (ascii_is_alpha(p[1])) {
			z->p = htmltok_start(z, p);
			return z->kind;
		}
		if (end - p >= 3 && p[1] == '/' && ascii_is_alpha(p[2])) {
			z->p = htmltok_end(z, p);
			return z->kind;
		}
		p = htmltok_skip(p, end);
	}
	if (p == end) {
		z->p = end;
		z->kind = HTMLTOK_EOF;
		return z->kind;
	}
	/* Text, to the next '<' that starts markup. */
	for (lt = p + 1; (lt = memchr(lt, '<', (size_t)(end - lt))) != NULL;
	    lt++) {
		if (htmltok_starts_markup(lt, end))
			break;
	}
	if (lt == NULL)
		lt = end;
	z->kind = HTMLTOK_TEXT;
	htmltok_set_text(z, p, (size_t)(lt - p), true);
	z->p = lt;
	return z->kind;
}
