#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "draft.h"
#include "entity.h"
#include "markdown.h"
#include "strbuf.h"

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
};

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
		entity_append(&c->cur, text, size);
		break;
	default:
		strbuf_add(&c->cur, text, size);
		break;
	}
	return 0;
}

int
markdown_render(const char *text, size_t len, bool lines, struct draft *d)
{
	MD_PARSER parser;
	struct markdown_ctx c;
	int rc;

	memset(&parser, 0, sizeof parser);
	parser.abi_version = 0;
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
	parser.enter_block = markdown_enter_block;
	parser.leave_block = markdown_leave_block;
	parser.enter_span = markdown_enter_span;
	parser.leave_span = markdown_leave_span;
	parser.text = markdown_text;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.lines = lines;
	rc = md_parse(text, (MD_SIZE)len, &parser, &c);
	markdown_flush(&c);
	strbuf_free(&c.cur);
	return rc == 0 ? 0 : -1;
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
