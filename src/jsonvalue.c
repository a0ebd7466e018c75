#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonvalue.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

struct jsonvalue_parser {
	const char *s;
	size_t len;
	size_t pos;
};

static void
jsonvalue_skip_space(struct jsonvalue_parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' ||
	    p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
	    p->s[p->pos] == '\r'))
		p->pos++;
}

static void
jsonvalue_clear(struct jsonvalue *v)
{
	size_t i;

	for (i = 0; i < v->nitems; i++)
		jsonvalue_clear(&v->items[i]);
	free(v->items);
	free(v->key);
	free(v->str);
}

void
jsonvalue_free(struct jsonvalue *v)
{
	if (v == NULL)
		return;
	jsonvalue_clear(v);
	free(v);
}

/* Four hex digits at S[POS]; -1 when they are not. */
static int32_t
jsonvalue_hex4(const struct jsonvalue_parser *p, size_t pos)
{
	int32_t cp = 0;
	size_t i;

	if (pos + 4 > p->len)
		return -1;
	for (i = pos; i < pos + 4; i++) {
		char c = p->s[i];

		cp <<= 4;
		if (c >= '0' && c <= '9')
			cp |= c - '0';
		else if (c >= 'a' && c <= 'f')
			cp |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			cp |= c - 'A' + 10;
		else
			return -1;
	}
	return cp;
}


/* A string at the opening quote into SB; false when it is malformed. */
static bool
jsonvalue_string_at(struct jsonvalue_parser *p, struct strbuf *sb)
{
	int32_t cp, lo;
	char c;

	p->pos++;
	strbuf_add(sb, "", 0);	/* "" is a string too: terminated, not NULL */
	while (p->pos < p->len) {
		c = p->s[p->pos++];
		if (c == '"')
			return true;
		if (c != '\\') {
			strbuf_addch(sb, c);
			continue;
		}
		if (p->pos >= p->len)
			return false;
		c = p->s[p->pos++];
		switch (c) {
		case 'b': strbuf_addch(sb, '\b'); break;
		case 'f': strbuf_addch(sb, '\f'); break;
		case 'n': strbuf_addch(sb, '\n'); break;
		case 'r': strbuf_addch(sb, '\r'); break;
		case 't': strbuf_addch(sb, '\t'); break;
		case '"': case '\\': case '/': strbuf_addch(sb, c); break;
		case 'u':
			if ((cp = jsonvalue_hex4(p, p->pos)) < 0)
				return false;
			p->pos += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && p->pos + 1 < p->len &&
			    p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u' &&
			    (lo = jsonvalue_hex4(p, p->pos + 2)) >= 0xdc00 &&
			    lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				p->pos += 6;
			} else if (cp >= 0xd800 && cp <= 0xdfff)
				cp = 0xfffd;
			text_add_cp(sb, cp);
			break;
		default:
			return false;
		}
	}
	return false;
}

static bool jsonvalue_value(struct jsonvalue_parser *p, struct jsonvalue *v,
    int depth);

/* The elements of an array or the members of an object, after its
 * opening bracket. */
static bool
jsonvalue_items(struct jsonvalue_parser *p, struct jsonvalue *v, int depth)
{
	char close = v->kind == JSONVALUE_ARRAY ? ']' : '}';
	size_t cap = 0;
	struct strbuf key = STRBUF_INIT;
	struct jsonvalue *item;

	p->pos++;
	jsonvalue_skip_space(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return true;
	}
	for (;;) {
		if (v->kind == JSONVALUE_OBJECT) {
			jsonvalue_skip_space(p);
			if (p->pos >= p->len || p->s[p->pos] != '"' ||
			    !jsonvalue_string_at(p, &key)) {
				strbuf_free(&key);
				return false;
			}
			jsonvalue_skip_space(p);
			if (p->pos >= p->len || p->s[p->pos++] != ':') {
				strbuf_free(&key);
				return false;
			}
		}
		if (v->nitems == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			v->items = xreallocarray(v->items, cap, sizeof *v->items);
		}
		item = &v->items[v->nitems++];
		memset(item, 0, sizeof *item);
		if (key.data != NULL)
			item->key = strbuf_detach(&key);
		if (!jsonvalue_value(p, item, depth + 1))
			return false;
		jsonvalue_skip_space(p);
		if (p->pos >= p->len)
			return false;
		if (p->s[p->pos] == close) {
			p->pos++;
			return true;
		}
		if (p->s[p->pos++] != ',')
			return false;
	}
}

/* A literal (true, false, null) or a number: its text, checked loosely. */
static bool
jsonvalue_scalar(struct jsonvalue_parser *p, struct jsonvalue *v)
{
	static const struct {
		const char *word;
		enum jsonvalue_kind kind;
	} words[] = {
		{ "null", JSONVALUE_NULL },
		{ "false", JSONVALUE_FALSE },
		{ "true", JSONVALUE_TRUE },
	};
	size_t i, start = p->pos;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].word);

		if (p->len - p->pos >= n &&
		    memcmp(p->s + p->pos, words[i].word, n) == 0) {
			v->kind = words[i].kind;
			p->pos += n;
			return true;
		}
	}
	while (p->pos < p->len && strchr("+-.0123456789eE", p->s[p->pos]) !=
	    NULL && p->s[p->pos] != '\0')
		p->pos++;
	if (p->pos == start)
		return false;
	v->kind = JSONVALUE_NUMBER;
	v->len = p->pos - start;
	v->str = xstrndup(p->s + start, v->len);
	return true;
}

static bool
jsonvalue_value(struct jsonvalue_parser *p, struct jsonvalue *v, int depth)
{
	struct strbuf sb = STRBUF_INIT;

	if (depth > JSONVALUE_MAX_DEPTH)
		return false;
	jsonvalue_skip_space(p);
	if (p->pos >= p->len)
		return false;
	switch (p->s[p->pos]) {
	case '"':
		v->kind = JSONVALUE_STRING;
		if (!jsonvalue_string_at(p, &sb)) {
			strbuf_free(&sb);
			return false;
		}
		v->len = sb.len;
		v->str = strbuf_detach(&sb);
		return true;
	case '[':
		v->kind = JSONVALUE_ARRAY;
		return jsonvalue_items(p, v, depth);
	case '{':
		v->kind = JSONVALUE_OBJECT;
		return jsonvalue_items(p, v, depth);
	default:
		return jsonvalue_scalar(p, v);
	}
}

struct jsonvalue *
jsonvalue_parse(const char *s, size_t len)
{
	struct jsonvalue_parser p = { s, len, 0 };
	struct jsonvalue *v = xcalloc(1, sizeof *v);

	if (!jsonvalue_value(&p, v, 0)) {
		jsonvalue_free(v);
		return NULL;
	}
	jsonvalue_skip_space(&p);
	if (p.pos != len) {
		jsonvalue_free(v);
		return NULL;
	}
	return v;
}

const struct jsonvalue *
jsonvalue_get(const struct jsonvalue *v, const char *key)
{
	size_t i;

	if (v == NULL || v->kind != JSONVALUE_OBJECT)
		return NULL;
	for (i = 0; i < v->nitems; i++) {
		if (strcmp(v->items[i].key, key) == 0)
			return &v->items[i];
	}
	return NULL;
}

const char *
jsonvalue_string(const struct jsonvalue *v)
{
	return v != NULL && v->kind == JSONVALUE_STRING ? v->str : NULL;
}
