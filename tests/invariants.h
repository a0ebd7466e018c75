/*
 * invariants: properties every parser's output must keep, shared by the
 * fuzz targets (which abort on a violation) and the hostile-input tests
 * (which assert).  Each check returns NULL when the property holds, or a
 * static string naming what broke.  Nothing here allocates.
 */
#ifndef PARALLAX_INVARIANTS_H
#define PARALLAX_INVARIANTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "yamltree.h"

/*
 * Decodes one strictly valid UTF-8 sequence at S[*pos] (no overlongs,
 * surrogates or values above U+10FFFF); -1 when it is not one.  Written
 * apart from src/text.c's decoder on purpose: the sanitiser's output is
 * judged by a decoder it does not share, so a bug there cannot hide.
 */
static inline int32_t
inv_utf8_next(const char *str, size_t len, size_t *pos)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[*pos], lo = 0x80, hi = 0xbf;
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
		lo = c == 0xe0 ? 0xa0 : 0x80;
		hi = c == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		cp = c & 0x07;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;
	} else
		return -1;
	for (i = 1; i <= need; i++) {
		if (*pos + i >= len || s[*pos + i] < lo || s[*pos + i] > hi)
			return -1;
		cp = (cp << 6) | (s[*pos + i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*pos += need + 1;
	return cp;
}

/* Valid UTF-8 with nothing that can drive a terminal: no C0 control but
 * tab and newline, no DEL, no C1 control, no bidi override or isolate. */
static inline const char *
inv_terminal_safe(const char *s, size_t len)
{
	size_t pos = 0;
	int32_t cp;

	while (pos < len) {
		cp = inv_utf8_next(s, len, &pos);
		if (cp < 0)
			return "invalid UTF-8";
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f)
			return "raw C0 control or DEL";
		if (cp >= 0x80 && cp <= 0x9f)
			return "raw C1 control";
		if ((cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			return "raw bidi control";
	}
	return NULL;
}

/* A byte offset that does not split a UTF-8 sequence. */
static inline bool
inv_on_boundary(const char *s, size_t len, size_t off)
{
	return off == 0 || off == len ||
	    (off < len && ((unsigned char)s[off] & 0xc0) != 0x80);
}

/* A span [start, end) inside S, not empty and on UTF-8 boundaries. */
static inline const char *
inv_span(const char *s, size_t len, size_t start, size_t end)
{
	if (start >= end)
		return "empty or reversed span";
	if (end > len)
		return "span past the end of the text";
	if (!inv_on_boundary(s, len, start) || !inv_on_boundary(s, len, end))
		return "span splits a UTF-8 sequence";
	return NULL;
}

/*
 * Strict JSON (RFC 8259) validation by recursive descent.  Strings must
 * hold valid UTF-8 and no raw control characters; nesting deeper than
 * INV_JSON_DEPTH is refused rather than recursed into.
 */
#define INV_JSON_DEPTH 512

struct inv_json {
	const char *s;
	size_t len;
	size_t pos;
	const char *error;
};

static inline void
inv_json_ws(struct inv_json *j)
{
	while (j->pos < j->len && (j->s[j->pos] == ' ' ||
	    j->s[j->pos] == '\t' || j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
		j->pos++;
}

static inline bool
inv_json_fail(struct inv_json *j, const char *error)
{
	if (j->error == NULL)
		j->error = error;
	return false;
}

static inline bool
inv_json_hex4(struct inv_json *j, unsigned *value)
{
	size_t i;
	char c;

	*value = 0;
	for (i = 0; i < 4; i++) {
		if (j->pos >= j->len)
			return inv_json_fail(j, "truncated \\u escape");
		c = j->s[j->pos++];
		*value <<= 4;
		if (c >= '0' && c <= '9')
			*value |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*value |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*value |= (unsigned)(c - 'A' + 10);
		else
			return inv_json_fail(j, "bad hex digit in \\u escape");
	}
	return true;
}

static inline bool
inv_json_string(struct inv_json *j)
{
	unsigned u, lo;
	size_t at;

	if (j->pos >= j->len || j->s[j->pos] != '"')
		return inv_json_fail(j, "expected a string");
	j->pos++;
	for (;;) {
		if (j->pos >= j->len)
			return inv_json_fail(j, "unterminated string");
		if (j->s[j->pos] == '"') {
			j->pos++;
			return true;
		}
		if ((unsigned char)j->s[j->pos] < 0x20)
			return inv_json_fail(j, "raw control in a string");
		if (j->s[j->pos] != '\\') {
			at = j->pos;
			if (inv_utf8_next(j->s, j->len, &at) < 0)
				return inv_json_fail(j, "invalid UTF-8 in a string");
			j->pos = at;
			continue;
		}
		if (++j->pos >= j->len)
			return inv_json_fail(j, "truncated escape");
		switch (j->s[j->pos++]) {
		case '"': case '\\': case '/': case 'b': case 'f':
		case 'n': case 'r': case 't':
			break;
		case 'u':
			if (!inv_json_hex4(j, &u))
				return false;
			if (u >= 0xdc00 && u <= 0xdfff)
				return inv_json_fail(j, "lone low surrogate");
			if (u >= 0xd800 && u <= 0xdbff) {
				if (j->pos + 2 > j->len || j->s[j->pos] != '\\' ||
				    j->s[j->pos + 1] != 'u')
					return inv_json_fail(j, "lone high surrogate");
				j->pos += 2;
				if (!inv_json_hex4(j, &lo))
					return false;
				if (lo < 0xdc00 || lo > 0xdfff)
					return inv_json_fail(j, "lone high surrogate");
			}
			break;
		default:
			return inv_json_fail(j, "unknown escape");
		}
	}
}

static inline bool
inv_json_digits(struct inv_json *j)
{
	size_t start = j->pos;

	while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
		j->pos++;
	return j->pos > start || inv_json_fail(j, "expected a digit");
}

static inline bool
inv_json_number(struct inv_json *j)
{
	if (j->pos < j->len && j->s[j->pos] == '-')
		j->pos++;
	if (j->pos < j->len && j->s[j->pos] == '0')
		j->pos++;
	else if (!inv_json_digits(j))
		return false;
	if (j->pos < j->len && j->s[j->pos] == '.') {
		j->pos++;
		if (!inv_json_digits(j))
			return false;
	}
	if (j->pos < j->len && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
		j->pos++;
		if (j->pos < j->len && (j->s[j->pos] == '+' || j->s[j->pos] == '-'))
			j->pos++;
		if (!inv_json_digits(j))
			return false;
	}
	return true;
}

static inline bool
inv_json_literal(struct inv_json *j, const char *word, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (j->pos + i >= j->len || j->s[j->pos + i] != word[i])
			return inv_json_fail(j, "bad literal");
	j->pos += n;
	return true;
}

static inline bool
inv_json_value(struct inv_json *j, int depth)
{
	char open, close;

	if (depth > INV_JSON_DEPTH)
		return inv_json_fail(j, "nesting too deep");
	inv_json_ws(j);
	if (j->pos >= j->len)
		return inv_json_fail(j, "expected a value");
	switch (j->s[j->pos]) {
	case '"':
		return inv_json_string(j);
	case 't':
		return inv_json_literal(j, "true", 4);
	case 'f':
		return inv_json_literal(j, "false", 5);
	case 'n':
		return inv_json_literal(j, "null", 4);
	case '{':
	case '[':
		open = j->s[j->pos++];
		close = open == '{' ? '}' : ']';
		inv_json_ws(j);
		if (j->pos < j->len && j->s[j->pos] == close) {
			j->pos++;
			return true;
		}
		for (;;) {
			if (open == '{') {
				inv_json_ws(j);
				if (!inv_json_string(j))
					return false;
				inv_json_ws(j);
				if (j->pos >= j->len || j->s[j->pos] != ':')
					return inv_json_fail(j, "expected ':'");
				j->pos++;
			}
			if (!inv_json_value(j, depth + 1))
				return false;
			inv_json_ws(j);
			if (j->pos < j->len && j->s[j->pos] == ',') {
				j->pos++;
				continue;
			}
			if (j->pos < j->len && j->s[j->pos] == close) {
				j->pos++;
				return true;
			}
			return inv_json_fail(j, "expected ',' or a closing bracket");
		}
	default:
		return inv_json_number(j);
	}
}

/* One JSON text, alone but for white space around it. */
static inline const char *
inv_json(const char *s, size_t len)
{
	struct inv_json j = { s, len, 0, NULL };

	if (!inv_json_value(&j, 0))
		return j.error;
	inv_json_ws(&j);
	if (j.pos != len)
		return "text after the JSON value";
	return NULL;
}

/*
 * Whether two YAML trees are the same node for node: kinds, positions,
 * spans, styles and values (yamltree's own reader against libyaml's).
 */
static inline const char *
inv_yamltree_same(const struct ynode *a, const struct ynode *b)
{
	const char *why;
	size_t i;

	if (a == NULL || b == NULL)
		return a == b ? NULL : "one tree is empty";
	if (a->kind != b->kind)
		return "node kinds differ";
	if (a->line != b->line || a->column != b->column)
		return "node positions differ";
	if (a->start != b->start || a->end != b->end)
		return "node spans differ";
	if (a->plain != b->plain || a->flow != b->flow)
		return "node styles differ";
	if (a->len != b->len || (a->len != 0 &&
	    memcmp(a->value, b->value, a->len) != 0))
		return "scalar values differ";
	if (a->nkids != b->nkids)
		return "collection sizes differ";
	for (i = 0; i < a->nkids; i++)
		if ((why = inv_yamltree_same(a->kids[i], b->kids[i])) != NULL)
			return why;
	return NULL;
}

#endif
