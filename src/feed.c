#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "document.h"
#include "draft.h"
#include "feed.h"
#include "html.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "xmlapi.h"

static bool
feed_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skips past the first END at or after *I; false when there is none. */
static bool
feed_skip_past(const char *buf, size_t len, size_t *i, const char *end)
{
	size_t n = strlen(end);

	for (; *i + n <= len; (*i)++) {
		if (memcmp(buf + *i, end, n) == 0) {
			*i += n;
			return true;
		}
	}
	return false;
}

bool
feed_sniff(const char *buf, size_t len)
{
	size_t i = 0, start;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && feed_is_space(buf[i]))
			i++;
		if (i + 1 >= len || buf[i] != '<')
			return false;
		if (buf[i + 1] == '?') {
			if (!feed_skip_past(buf, len, &i, "?>"))
				return false;
		} else if (len - i >= 4 && memcmp(buf + i, "<!--", 4) == 0) {
			if (!feed_skip_past(buf, len, &i, "-->"))
				return false;
		} else if (buf[i + 1] == '!') {
			/* A DOCTYPE, past its internal subset's "]" if it
			 * opens one before its end. */
			start = i;
			if (!feed_skip_past(buf, len, &i, ">"))
				return false;
			if (memchr(buf + start, '[', i - start) != NULL &&
			    (!feed_skip_past(buf, len, &start, "]") ||
			    !feed_skip_past(buf, len, &start, ">")))
				return false;
			i = i > start ? i : start;
		} else
			break;
	}
	start = ++i;
	while (i < len && !feed_is_space(buf[i]) && buf[i] != '>' &&
	    buf[i] != '/')
		i++;
	if (i - start == 3 && memcmp(buf + start, "rss", 3) == 0)
		return true;
	if (i - start == 4 && memcmp(buf + start, "feed", 4) == 0)
		return true;
	/* RSS 1.0: rdf:RDF, whatever the prefix. */
	return i - start >= 3 && memcmp(buf + i - 3, "RDF", 3) == 0 &&
	    (i - start == 3 || buf[i - 4] == ':');
}

/* The local name of element NODE, or NULL for other nodes. */
static const char *
feed_name(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE ? (const char *)node->name : NULL;
}

static bool
feed_is(const xmlNode *node, const char *name)
{
	const char *n = feed_name(node);

	return n != NULL && strcmp(n, name) == 0;
}

/* The first child element of PARENT named NAME, or NULL. */
static xmlNode *
feed_child(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent->children; c != NULL; c = c->next) {
		if (feed_is(c, name))
			return c;
	}
	return NULL;
}

/*
 * The text of NODE: its text and CDATA descendants only.  Entity
 * references are left out, so nothing a DTD declares is ever expanded.
 */
static void
feed_text_into(const xmlNode *node, struct strbuf *sb)
{
	const xmlNode *c;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				strbuf_addstr(sb, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE)
			feed_text_into(c, sb);
	}
}

/* The trimmed text of PARENT's child NAME, or NULL when absent or blank. */
static char *
feed_child_text(const xmlNode *parent, const char *name)
{
	const xmlNode *node = feed_child(parent, name);
	struct strbuf sb = STRBUF_INIT;
	size_t start = 0;

	if (node == NULL)
		return NULL;
	feed_text_into(node, &sb);
	while (sb.len > 0 && feed_is_space(sb.data[sb.len - 1]))
		sb.len--;
	while (start < sb.len && feed_is_space(sb.data[start]))
		start++;
	if (start == sb.len) {
		strbuf_free(&sb);
		return NULL;
	}
	memmove(sb.data, sb.data + start, sb.len - start);
	sb.len -= start;
	sb.data[sb.len] = '\0';
	return strbuf_detach(&sb);
}

/* Gives the allocated S (or NULL) to the draft's FIELD, sanitised. */
static void
feed_take(char **field, char *s)
{
	if (s != NULL)
		draft_set(field, s, strlen(s));
	free(s);
}

/* What every item of one feed shares. */
struct feed_ctx {
	const char *name;
	char *outlet;
	bool atom;
	size_t nitems;
	input_document_fn on_document;
	input_warning_fn on_warning;
	void *ctx;
	size_t ndocs;
	const struct xmlapi *xml;
};

/* Atom's link: rel="alternate" (or no rel), else the first one. */
static char *
feed_atom_link(const struct xmlapi *xml, const xmlNode *entry)
{
	const xmlNode *c;
	xmlChar *rel, *href;
	char *found = NULL, *first = NULL;

	for (c = entry->children; c != NULL && found == NULL; c = c->next) {
		if (!feed_is(c, "link") ||
		    (href = xml->get_prop(c, (const xmlChar *)"href")) == NULL)
			continue;
		rel = xml->get_prop(c, (const xmlChar *)"rel");
		if (rel == NULL || strcmp((const char *)rel, "alternate") == 0)
			found = xstrdup((const char *)href);
		else if (first == NULL)
			first = xstrdup((const char *)href);
		xmlapi_free(xml, rel);
		xmlapi_free(xml, href);
	}
	if (found == NULL)
		return first;
	free(first);
	return found;
}

/* Atom's author/name, RSS's dc:creator or author. */
static char *
feed_author(const xmlNode *item)
{
	const xmlNode *author = feed_child(item, "author");
	char *s;

	if (author != NULL && feed_child(author, "name") != NULL)
		return feed_child_text(author, "name");
	if ((s = feed_child_text(item, "creator")) != NULL)
		return s;
	return feed_child_text(item, "author");
}

/* The first of the item's date elements that normalises. */
static char *
feed_date(const xmlNode *item)
{
	static const char *const names[] = {
		"pubDate", "date", "published", "issued", "updated",
		"modified",
	};
	char *raw, *iso;
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		if ((raw = feed_child_text(item, names[i])) == NULL)
			continue;
		iso = date_normalize(raw);
		free(raw);
		if (iso != NULL)
			return iso;
	}
	return NULL;
}

int
feed_item_document(const char *name, struct draft *d, const char *content,
    bool plain, struct document **out, char **cause)
{
	int rc = 0;

	if (content != NULL && plain)
		draft_add(d, content, strlen(content), false);
	else if (content != NULL)
		rc = html_extract(name, content, strlen(content), "utf-8",
		    HTML_FRAGMENT, d, cause);
	if (rc == 0)
		rc = document_from_draft(name, d, out, cause);
	return rc;
}

/*
 * The item's text: content:encoded, Atom content, else description or
 * summary, or NULL; *PLAIN when Atom says it is not markup.
 */
static char *
feed_body(const struct xmlapi *xml, const xmlNode *item, bool *plain)
{
	static const char *const names[] = {
		"encoded", "content", "description", "summary",
	};
	const xmlNode *node = NULL;
	xmlChar *type;
	xmlBufferPtr xbuf;
	char *raw;
	bool xhtml = false;
	size_t i;

	*plain = false;
	for (i = 0; i < sizeof names / sizeof *names && node == NULL; i++)
		node = feed_child(item, names[i]);
	if (node == NULL)
		return NULL;
	if ((type = xml->get_prop(node, (const xmlChar *)"type")) != NULL) {
		*plain = strcmp((const char *)type, "text") == 0;
		xhtml = strcmp((const char *)type, "xhtml") == 0;
		xmlapi_free(xml, type);
	}
	if (!xhtml)
		return feed_child_text(item, (const char *)node->name);
	/* Atom's XHTML content is markup inside the element. */
	xbuf = xml->buffer_new();
	for (xmlNode *c = node->children; c != NULL; c = c->next)
		xml->node_dump(xbuf, node->doc, c, 0, 0);
	raw = xstrdup((const char *)xml->buffer_content(xbuf));
	xml->buffer_free(xbuf);
	return raw;
}

static void
feed_item(struct feed_ctx *fc, const xmlNode *item)
{
	struct document *doc;
	struct draft d;
	char *name, *s, *body, *why;
	bool plain;

	fc->nitems++;
	name = xasprintf("%s#%zu", fc->name, fc->nitems);
	draft_init(&d);
	if (fc->outlet != NULL)
		draft_set(&d.outlet, fc->outlet, strlen(fc->outlet));
	feed_take(&d.title, feed_child_text(item, "title"));
	s = fc->atom ? feed_atom_link(fc->xml, item) : feed_child_text(item, "link");
	if (s == NULL && !fc->atom)
		s = feed_child_text(item, "guid");
	feed_take(&d.url, s);
	feed_take(&d.date, feed_date(item));
	feed_take(&d.author, feed_author(item));
	body = feed_body(fc->xml, item, &plain);
	if (feed_item_document(name, &d, body, plain, &doc, &why) == 0) {
		fc->on_document(fc->ctx, doc);
		fc->ndocs++;
	} else
		fc->on_warning(fc->ctx, why);
	draft_free(&d);
	free(body);
	free(name);
}

/* Items are RSS 2.0's channel/item, RSS 1.0's rdf:RDF/item (beside the
 * channel) or Atom's feed/entry. */
static void
feed_items(struct feed_ctx *fc, const xmlNode *parent, const char *item)
{
	const xmlNode *c;

	for (c = parent->children; c != NULL; c = c->next) {
		if (feed_is(c, item))
			feed_item(fc, c);
	}
}

/* Whether the document's DTD declares an entity of its own. */
static bool
feed_declares_entities(const xmlDoc *doc)
{
	return doc->intSubset != NULL && (doc->intSubset->entities != NULL ||
	    doc->intSubset->pentities != NULL);
}

/*
 * libxml2's message for ERR in words for the person who gave the feed
 * (not the advice to set parser options), on one line and sanitised: it
 * may quote the feed's own bytes.  Allocated.
 */
static char *
feed_error(const xmlError *err)
{
	if (err->code == XML_ERR_ENTITY_LOOP)
		return xstrdup("entities expand too far: refused (an entity "
		    "bomb?)");
	if (strncmp(err->message, "Excessive depth", 15) == 0)
		return xstrdup("elements nested too deeply");
	return text_field(err->message, strcspn(err->message, "\n"));
}

size_t
feed_read(const char *name, const char *buf, size_t len,
    input_document_fn on_document, input_warning_fn on_warning, void *ctx)
{
	struct feed_ctx fc = { name, NULL, false, 0, on_document, on_warning,
	    ctx, 0, NULL };
	xmlParserCtxtPtr parser;
	const struct xmlapi *xml;
	const xmlError *err;
	xmlDocPtr doc;
	xmlNode *root, *channel;
	const char *missing;
	char *why;
	bool is_feed = false;

	if (len > DOCUMENT_MAX_BYTES) {
		on_warning(ctx, xasprintf("%s: too large (%zu bytes; the limit "
		    "is %zu MiB)", name, len, DOCUMENT_MAX_BYTES >> 20));
		return 0;
	}
	if ((xml = fc.xml = xmlapi_get(&missing)) == NULL) {
		on_warning(ctx, xasprintf("%s: %s", name, missing));
		return 0;
	}
	if ((parser = xml->new_parser()) == NULL)
		fatal("feed: out of memory");
	/* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities
	 * stay references, nothing is fetched, libxml2's bounds hold. */
	doc = xml->read_memory(parser, buf, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !parser->wellFormed) {
		err = xml->last_error(parser);
		if (err != NULL && err->message != NULL &&
		    (why = feed_error(err)) != NULL) {
			on_warning(ctx, xasprintf("%s:%d:%d: %s", name,
			    err->line, err->int2, why));
			free(why);
		} else
			on_warning(ctx, xasprintf("%s: not well-formed XML",
			    name));
		xml->free_doc(doc);
		xml->free_parser(parser);
		return 0;
	}
	xml->free_parser(parser);
	root = xml->root(doc);
	if (feed_declares_entities(doc)) {
		on_warning(ctx, xasprintf("%s: the feed declares entities of "
		    "its own, which are not read (an entity bomb?)", name));
	} else if (root != NULL && feed_is(root, "feed")) {
		fc.atom = true;
		fc.outlet = feed_child_text(root, "title");
		feed_items(&fc, root, "entry");
		is_feed = true;
	} else if (root != NULL && (feed_is(root, "rss") ||
	    feed_is(root, "RDF")) &&
	    (channel = feed_child(root, "channel")) != NULL) {
		fc.outlet = feed_child_text(channel, "title");
		/* RSS 2.0 nests its items in the channel, RSS 1.0 not. */
		feed_items(&fc, feed_is(root, "rss") ? channel : root, "item");
		is_feed = true;
	} else
		on_warning(ctx, xasprintf("%s: not a feed (no RSS channel or "
		    "Atom feed in it)", name));
	if (is_feed && fc.nitems == 0)
		on_warning(ctx, xasprintf("%s: the feed has no items", name));
	free(fc.outlet);
	xml->free_doc(doc);
	return fc.ndocs;
}
