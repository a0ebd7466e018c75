#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "htmlmeta.h"
#include "htmltree.h"
#include "vocab.h"
#include "xalloc.h"
#include "xmlsetup.h"

static const char *const htmltree_names[] = {
#define HTMLTREE_TAG_NAME(name) #name,
	HTMLTREE_TAGS(HTMLTREE_TAG_NAME)
#undef HTMLTREE_TAG_NAME
};

struct htmltree_build {
	struct htmltree *t;
	struct htmlmeta *meta;
	uint32_t cur;		/* the open element text goes into */
	int depth;		/* of the open element: the root's is 1 */
};

static int
htmltree_cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static uint16_t
htmltree_tag(const char *name)
{
	const char *const *hit = bsearch(name, htmltree_names,
	    sizeof htmltree_names / sizeof *htmltree_names,
	    sizeof *htmltree_names, htmltree_cmp_name);

	return hit == NULL ? HTMLTREE_TAG_OTHER :
	    (uint16_t)(HTMLTREE_TAG_a + (hit - htmltree_names));
}

/* A new last child of PARENT. */
static uint32_t
htmltree_add(struct htmltree *t, uint32_t parent, uint16_t tag)
{
	struct htmltree_node *n;
	uint32_t i;

	if (t->n == t->cap) {
		if (t->cap >= UINT32_MAX / 2)
			fatal("htmltree: too many nodes");
		t->cap = t->cap == 0 ? 256 : t->cap * 2;
		t->nodes = xreallocarray(t->nodes, t->cap, sizeof *t->nodes);
	}
	i = (uint32_t)t->n++;
	n = &t->nodes[i];
	memset(n, 0, sizeof *n);
	n->parent = parent;
	n->tag = tag;
	n->str = (uint32_t)t->strings.len;
	if (i != 0) {
		if (t->nodes[parent].last != 0)
			t->nodes[t->nodes[parent].last].next = i;
		else
			t->nodes[parent].child = i;
		t->nodes[parent].last = i;
	}
	return i;
}

/* Whether an inline STYLE hides its element. */
static bool
htmltree_style_hides(const char *style)
{
	char *s = xstrdup(style), *p;
	bool hidden;

	/* "display: none" and "display:none" alike. */
	for (p = s; *p != '\0'; p++)
		*p = *p == ' ' ? ':' : *p;
	hidden = strstr(s, "display::none") != NULL ||
	    strstr(s, "display:none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL ||
	    strstr(s, "visibility::hidden") != NULL;
	free(s);
	return hidden;
}

/* Doubles T's table of class-and-id strings. */
static void
htmltree_rehash(struct htmltree *t)
{
	uint32_t *old = t->slots, id;
	size_t n = t->nslots, i, j, mask;
	const char *o;

	t->nslots = n == 0 ? 256 : 2 * n;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	mask = t->nslots - 1;
	for (i = 0; i < n; i++) {
		if ((id = old[i]) == 0)
			continue;
		o = t->strings.data + t->names[id - 1];
		for (j = vocab_hash(o, strlen(o)) & mask; t->slots[j] != 0;
		    j = (j + 1) & mask)
			;
		t->slots[j] = id;
	}
	free(old);
}

/* Finds or adds the class-and-id string just appended to T's strings at
 * FROM: its number, the string kept once. */
static uint32_t
htmltree_intern(struct htmltree *t, size_t from)
{
	size_t len = t->strings.len - from, i, mask;
	const char *o;
	uint32_t id;

	if (2 * (t->nnames + 1) > t->nslots)
		htmltree_rehash(t);
	mask = t->nslots - 1;
	for (i = vocab_hash(t->strings.data + from, len) & mask;
	    (id = t->slots[i]) != 0; i = (i + 1) & mask) {
		o = t->strings.data + t->names[id - 1];
		if (strncmp(o, t->strings.data + from, len) == 0 &&
		    o[len] == '\0') {
			/* Kept once already. */
			t->strings.len = from;
			t->strings.data[from] = '\0';
			return id;
		}
	}
	if (t->nnames == t->names_cap) {
		t->names_cap = t->names_cap == 0 ? 64 : 2 * t->names_cap;
		t->names = xreallocarray(t->names, t->names_cap,
		    sizeof *t->names);
	}
	t->names[t->nnames++] = (uint32_t)from;
	strbuf_addch(&t->strings, '\0');
	t->slots[i] = (uint32_t)t->nnames;
	return (uint32_t)t->nnames;
}

static void
htmltree_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct htmltree_build *b = ((htmlParserCtxtPtr)ctx)->_private;
	struct htmltree *t = b->t;
	const char *name = (const char *)xname, *cls = NULL, *id = NULL;
	struct htmltree_node *n;
	uint32_t i;
	size_t k, from;

	b->depth++;
	if (b->meta != NULL)
		htmlmeta_start(b->meta, name, (const char *const *)atts,
		    b->depth - 1);
	if (b->depth > HTMLTREE_MAX_DEPTH)
		return;
	i = htmltree_add(t, b->cur, htmltree_tag(name));
	n = &t->nodes[i];
	for (k = 0; atts != NULL && atts[k] != NULL; k += 2) {
		const char *a = (const char *)atts[k];
		const char *v = atts[k + 1] != NULL ?
		    (const char *)atts[k + 1] : "";

		if (strcmp(a, "class") == 0)
			cls = v;
		else if (strcmp(a, "id") == 0)
			id = v;
		else if (strcmp(a, "style") == 0)
			n->hidden |= htmltree_style_hides(v);
		else if (strcmp(a, "hidden") == 0)
			n->hidden = true;
		else if (strcmp(a, "aria-hidden") == 0)
			n->hidden |= strcasecmp(v, "true") == 0;
	}
	if (cls != NULL || id != NULL) {
		from = t->strings.len;
		strbuf_addstr(&t->strings, cls != NULL ? cls : "");
		strbuf_addch(&t->strings, ' ');
		strbuf_addstr(&t->strings, id != NULL ? id : "");
		for (k = from; k < t->strings.len; k++) {
			char c = t->strings.data[k];

			if (c >= 'A' && c <= 'Z')
				t->strings.data[k] = (char)(c - 'A' + 'a');
		}
		n->len = (uint32_t)(t->strings.len - from);
		n->names = htmltree_intern(t, from);
		n->str = t->names[n->names - 1];
	}
	b->cur = i;
}

static void
htmltree_end(void *ctx, const xmlChar *name)
{
	struct htmltree_build *b = ((htmlParserCtxtPtr)ctx)->_private;

	if (b->meta != NULL)
		htmlmeta_end(b->meta, (const char *)name);
	if (b->depth <= HTMLTREE_MAX_DEPTH && b->cur != 0)
		b->cur = b->t->nodes[b->cur].parent;
	if (b->depth > 0)
		b->depth--;
}

static void
htmltree_text(void *ctx, const xmlChar *s, int len)
{
	struct htmltree_build *b = ((htmlParserCtxtPtr)ctx)->_private;
	struct htmltree *t = b->t;
	uint32_t last = t->nodes[b->cur].last;

	if (b->meta != NULL)
		htmlmeta_text(b->meta, (const char *)s, (size_t)len);
	if (b->depth > HTMLTREE_MAX_DEPTH || b->cur == 0 || len <= 0)
		return;
	/* Text the parser gives in pieces is one node, as in a DOM. */
	if (last == 0 || t->nodes[last].tag != HTMLTREE_TAG_TEXT ||
	    t->nodes[last].str + t->nodes[last].len != t->strings.len)
		last = htmltree_add(t, b->cur, HTMLTREE_TAG_TEXT);
	strbuf_add(&t->strings, (const char *)s, (size_t)len);
	t->nodes[last].len += (uint32_t)len;
}

/* A script's body (JSON-LD's: the others are cut): htmlmeta's only. */
static void
htmltree_raw(void *ctx, const xmlChar *s, int len)
{
	struct htmltree_build *b = ((htmlParserCtxtPtr)ctx)->_private;

	if (b->meta != NULL && len > 0)
		htmlmeta_text(b->meta, (const char *)s, (size_t)len);
}

static void
htmltree_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static bool
htmltree_is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
	    c == '.';
}

static bool
htmltree_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The end of the start tag whose attributes begin at P (past its '>'),
 * quoted values read as libxml2 reads them. */
static const char *
htmltree_tag_end(const char *p, const char *end)
{
	const char *q;

	while (p < end && *p != '>') {
		if (*p != '=') {
			p++;
			continue;
		}
		for (p++; p < end && htmltree_is_space(*p); p++)
			;
		if (p < end && (*p == '"' || *p == '\'')) {
			q = memchr(p + 1, *p, (size_t)(end - p - 1));
			p = q != NULL ? q + 1 : end;
		}
	}
	return p < end ? p + 1 : end;
}

/* Where the raw text that starts at P ends: at "</NAME" (any case), as
 * libxml2 ends it when recovering; END when it never does. */
static const char *
htmltree_raw_end(const char *p, const char *end, const char *name,
    size_t n)
{
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= n + 2 && p[1] == '/' &&
		    strncasecmp(p + 2, name, n) == 0)
			return p;
		p++;
	}
	return end;
}

size_t
htmltree_cut_raw(char *buf, size_t len)
{
	static const char *const raw[] = { "script", "style" };
	const char *p = buf, *end = buf + len, *lt, *name, *tag_end, *body;
	char *out = buf;
	size_t n, k;

	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		name = lt + 1;
		if (end - name >= 3 && memcmp(name, "!--", 3) == 0) {
			body = memmem(name + 3, (size_t)(end - name - 3), "-->",
			    3);
			tag_end = body != NULL ? body + 3 : end;
		} else {
			for (n = 0; name + n < end &&
			    htmltree_is_name_char(name[n]); n++)
				;
			tag_end = n > 0 ? htmltree_tag_end(name + n, end) :
			    name;
			for (k = 0; n > 0 && k < 2; k++) {
				if (n == strlen(raw[k]) &&
				    strncasecmp(name, raw[k], n) == 0)
					break;
			}
			if (n > 0 && k < 2 && (k == 1 || memmem(name,
			    (size_t)(tag_end - name), "ld+json", 7) == NULL)) {
				body = htmltree_raw_end(tag_end, end, raw[k],
				    n);
				memmove(out, p, (size_t)(tag_end - p));
				out += tag_end - p;
				p = body;
				continue;
			}
		}
		memmove(out, p, (size_t)(tag_end - p));
		out += tag_end - p;
		p = tag_end;
	}
	memmove(out, p, (size_t)(end - p));
	out += end - p;
	return (size_t)(out - buf);
}

int
htmltree_parse(struct htmltree *t, char *utf8, size_t len,
    struct htmlmeta *meta)
{
	struct htmltree_build b = { t, meta, 0, 0 };
	htmlParserCtxtPtr ctxt;
	htmlSAXHandler *sax;

	memset(t, 0, sizeof *t);
	htmltree_add(t, 0, HTMLTREE_TAG_OTHER);	/* the document */
	len = htmltree_cut_raw(utf8, len);
	/* Text and names take less than the markup they come from. */
	strbuf_grow(&t->strings, len);
	strbuf_addch(&t->strings, '\0');
	xmlsetup_once();
	if (len == 0 || len > INT_MAX || (ctxt = htmlNewParserCtxt()) == NULL)
		return -1;
	sax = ctxt->sax;
	memset(sax, 0, sizeof *sax);
	sax->startElement = htmltree_start;
	sax->endElement = htmltree_end;
	sax->characters = htmltree_text;
	sax->ignorableWhitespace = htmltree_text;
	sax->cdataBlock = htmltree_raw;
	sax->warning = htmltree_quiet;
	sax->error = htmltree_quiet;
	sax->fatalError = htmltree_quiet;
	ctxt->_private = &b;
	htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
	htmlFreeParserCtxt(ctxt);
	return t->nodes[0].child != 0 ? 0 : -1;
}

void
htmltree_free(struct htmltree *t)
{
	free(t->nodes);
	free(t->names);
	free(t->slots);
	strbuf_free(&t->strings);
	memset(t, 0, sizeof *t);
}

uint32_t
htmltree_body(const struct htmltree *t)
{
	uint32_t root, i;

	for (root = t->n > 0 ? t->nodes[0].child : 0;
	    root != 0 && t->nodes[root].tag == HTMLTREE_TAG_TEXT;
	    root = t->nodes[root].next)
		;
	for (i = root != 0 ? t->nodes[root].child : 0; i != 0;
	    i = t->nodes[i].next) {
		if (t->nodes[i].tag == HTMLTREE_TAG_body)
			return i;
	}
	return root;
}
