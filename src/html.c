#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "charset.h"
#include "draft.h"
#include "html.h"
#include "htmlmeta.h"
#include "strbuf.h"
#include "xalloc.h"

/* What the scorer knows of one element, found through its _private
 * (an index + 1 into html_ctx.info). */
struct html_info {
	double score;
	size_t text;		/* bytes of text, white space left out */
	size_t link;		/* of which inside links */
	size_t commas;
	size_t own;		/* of the text, that outside block children */
	size_t own_commas;
	size_t paras;		/* <p> inside */
	size_t imgs;
	size_t items;		/* <li> inside */
	size_t inputs;
	int weight;		/* from its class and id */
	bool scored;		/* a candidate: its score is set up */
	bool drop;		/* left out of the text */
	bool blocks;		/* holds block elements */
};

/* An extraction pass leaves out less at each retry. */
enum {
	HTML_STRIP_UNLIKELY = 1,	/* elements named like clutter */
	HTML_WEIGHT_CLASSES = 2,	/* class and id hints weigh */
	HTML_CLEAN = 4			/* link lists, image boxes... */
};

/* Text shorter than this after a pass makes the next, laxer, pass (not
 * Readability's 500: a short post would then take its comments). */
#define HTML_ENOUGH 300
/* A page whose article is shorter than this has none. */
#define HTML_MIN_ARTICLE 100
/* A paragraph shorter than this does not vote for its container. */
#define HTML_MIN_PARA 25

struct html_ctx {
	enum html_kind kind;
	unsigned flags;
	struct html_info *info;
	size_t ninfo;
	size_t icap;
	struct draft *d;
	struct strbuf cur;	/* the paragraph being gathered */
	bool heading;		/* it is a heading */
};

/* Elements never part of the text. */
static const char *const html_never[] = {
	"applet", "area", "audio", "button", "canvas", "datalist", "embed",
	"head", "iframe", "img", "input", "link", "map", "math", "meta",
	"noscript", "object", "option", "picture", "script", "select",
	"source", "style", "svg", "template", "textarea", "title", "track",
	"video",
};

/* Elements a page's article leaves out. */
static const char *const html_page_never[] = {
	"aside", "dialog", "figcaption", "figure", "footer", "label", "menu",
	"nav",
};

/* Elements that make their own paragraph. */
static const char *const html_blocks[] = {
	"address", "article", "blockquote", "body", "br", "caption", "center",
	"dd", "details", "div", "dl", "dt", "fieldset", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p",
	"pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
	"thead", "tr", "ul",
};

/* Class and id words (Readability's lists, and clutter of news
 * sites): of clutter, of maybe-content, of content, of not content. */
static const char *const html_unlikely[] = {
	"-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx",
	"comment", "community", "cookie", "cover-wrap", "disqus", "extra",
	"footer", "gdpr", "header", "legends", "menu", "newsletter", "pager",
	"pagination", "popup", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"subscribe", "supplemental", "yom-remote",
};
static const char *const html_maybe[] = {
	"and", "article", "body", "column", "content", "main", "shadow",
};
static const char *const html_positive[] = {
	"article", "blog", "body", "content", "entry", "hentry", "h-entry",
	"main", "page", "post", "story", "text",
};
static const char *const html_negative[] = {
	"-ad-", "banner", "byline", "caption", "combx", "comment", "com-",
	"contact", "credit", "foot", "gdpr", "hidden", "masthead", "media",
	"meta", "newsletter", "outbrain", "promo", "recirc", "related",
	"scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "subscribe", "tags", "tool", "trending", "widget",
};

#define HTML_COUNT(a) (sizeof (a) / sizeof (a)[0])

static bool
html_in(const xmlNode *node, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (htmlmeta_is(node, names[i]))
			return true;
	}
	return false;
}

static bool
html_is_heading(const xmlNode *node)
{
	const char *n = (const char *)node->name;

	return node->type == XML_ELEMENT_NODE && n != NULL &&
	    (n[0] == 'h' || n[0] == 'H') && n[1] >= '1' && n[1] <= '6' &&
	    n[2] == '\0';
}

/* Whether the lower-cased S contains one of WORDS. */
static bool
html_mentions(const char *s, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strstr(s, words[i]) != NULL)
			return true;
	}
	return false;
}

/* NODE's class and id, lower case, space-separated; "" when none. */
static char *
html_names(const xmlNode *node)
{
	char *cls = htmlmeta_attr(node, "class"), *id = htmlmeta_attr(node, "id");
	char *s = xasprintf("%s %s", cls != NULL ? cls : "",
	    id != NULL ? id : ""), *p;

	for (p = s; *p != '\0'; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	xmlFree(cls);
	xmlFree(id);
	return s;
}

/* Hidden by an attribute or an inline style. */
static bool
html_hidden(const xmlNode *node)
{
	char *style = htmlmeta_attr(node, "style");
	char *aria = htmlmeta_attr(node, "aria-hidden");
	bool hidden = xmlHasProp(node, (const xmlChar *)"hidden") != NULL ||
	    (aria != NULL && strcasecmp(aria, "true") == 0);
	char *p;

	if (style != NULL) {
		for (p = style; *p != '\0'; p++)
			*p = *p == ' ' ? ':' : *p;
		if (strstr(style, "display::none") != NULL ||
		    strstr(style, "display:none") != NULL ||
		    strstr(style, "visibility:hidden") != NULL ||
		    strstr(style, "visibility::hidden") != NULL)
			hidden = true;
	}
	xmlFree(style);
	xmlFree(aria);
	return hidden;
}

static struct html_info *
html_info(const struct html_ctx *c, const xmlNode *node)
{
	uintptr_t i = (uintptr_t)node->_private;

	return i == 0 || i > c->ninfo ? NULL : &c->info[i - 1];
}

/* The tag's part of a candidate's first score (Readability's). */
static int
html_tag_score(const xmlNode *node)
{
	static const char *const plus5[] = { "div", "article", "main" };
	static const char *const plus3[] = { "pre", "td", "blockquote" };
	static const char *const minus3[] = { "address", "ol", "ul", "dl",
	    "dd", "dt", "li", "form" };

	if (html_in(node, plus5, HTML_COUNT(plus5)))
		return 5;
	if (html_in(node, plus3, HTML_COUNT(plus3)))
		return 3;
	if (html_in(node, minus3, HTML_COUNT(minus3)))
		return -3;
	if (html_is_heading(node) || htmlmeta_is(node, "th"))
		return -5;
	return 0;
}

/* Bytes of text in S, white space left out, and its commas. */
static void
html_count_text(const char *s, size_t *text, size_t *commas)
{
	for (; *s != '\0'; s++) {
		if (*s == ',')
			(*commas)++;
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			(*text)++;
	}
}

/* Elements under NODE (and its next siblings) the walks look at. */
static size_t
html_count(const xmlNode *node, int depth)
{
	size_t n = 0;

	if (depth > HTMLMETA_MAX_DEPTH)
		return 0;
	for (; node != NULL; node = node->next) {
		if (node->type == XML_ELEMENT_NODE)
			n += 1 + html_count(node->children, depth + 1);
	}
	return n;
}

/*
 * Sets up every element's info under NODE: what is left out, and its
 * text, link text and element counts, added into TOTAL (its parent's).
 */
static void
html_measure(struct html_ctx *c, xmlNode *node, int depth,
    struct html_info *total, bool in_link)
{
	struct html_info *in;
	char *names;

	for (; node != NULL; node = node->next) {
		if (node->type == XML_TEXT_NODE ||
		    node->type == XML_CDATA_SECTION_NODE) {
			size_t text = 0, commas = 0;

			if (node->content != NULL)
				html_count_text((const char *)node->content,
				    &text, &commas);
			total->text += text;
			total->commas += commas;
			total->own += text;
			total->own_commas += commas;
			if (in_link)
				total->link += text;
			continue;
		}
		if (node->type != XML_ELEMENT_NODE)
			continue;
		node->_private = NULL;
		if (htmlmeta_is(node, "img"))
			total->imgs++;
		else if (htmlmeta_is(node, "input"))
			total->inputs++;
		if (depth > HTMLMETA_MAX_DEPTH ||
		    html_in(node, html_never, HTML_COUNT(html_never)))
			continue;
		if (c->ninfo == c->icap)
			fatal("html: more elements than counted");
		in = &c->info[c->ninfo++];
		memset(in, 0, sizeof *in);
		node->_private = (void *)(uintptr_t)c->ninfo;
		if (html_hidden(node))
			in->drop = true;
		if (c->kind == HTML_PAGE) {
			names = html_names(node);
			if (c->flags & HTML_WEIGHT_CLASSES) {
				if (html_mentions(names, html_negative,
				    HTML_COUNT(html_negative)))
					in->weight -= 25;
				if (html_mentions(names, html_positive,
				    HTML_COUNT(html_positive)))
					in->weight += 25;
			}
			if ((c->flags & HTML_STRIP_UNLIKELY) &&
			    html_mentions(names, html_unlikely,
			    HTML_COUNT(html_unlikely)) &&
			    !html_mentions(names, html_maybe,
			    HTML_COUNT(html_maybe)) &&
			    !htmlmeta_is(node, "body") &&
			    !htmlmeta_is(node, "article") &&
			    !htmlmeta_is(node, "main"))
				in->drop = true;
			if (html_in(node, html_page_never,
			    HTML_COUNT(html_page_never)))
				in->drop = true;
			free(names);
		}
		if (in->drop)
			continue;
		html_measure(c, node->children, depth + 1, in,
		    in_link || htmlmeta_is(node, "a"));
		if (htmlmeta_is(node, "p"))
			total->paras++;
		else if (htmlmeta_is(node, "li"))
			total->items++;
		if (!html_in(node, html_blocks, HTML_COUNT(html_blocks))) {
			/* Phrasing content: its text is its parent's own. */
			total->own += in->text;
			total->own_commas += in->commas;
		} else if (!htmlmeta_is(node, "br") && !htmlmeta_is(node, "hr"))
			total->blocks = true;
		total->text += in->text;
		total->link += in->link;
		total->commas += in->commas;
		total->paras += in->paras;
		total->imgs += in->imgs;
		total->items += in->items;
		total->inputs += in->inputs;
	}
}

static double
html_link_density(const struct html_info *in)
{
	return in->text == 0 ? 0 : (double)in->link / (double)in->text;
}

/* Adds SCORE to the candidate NODE, setting it up on first touch. */
static void
html_vote(struct html_ctx *c, xmlNode *node, double score)
{
	struct html_info *in;

	if (node == NULL || (in = html_info(c, node)) == NULL || in->drop)
		return;
	if (!in->scored) {
		in->scored = true;
		in->score = html_tag_score(node) + in->weight;
	}
	in->score += score;
}

/* Each paragraph votes for its parent, less for the two above. */
static void
html_score(struct html_ctx *c, xmlNode *node)
{
	static const char *const votes[] = { "p", "pre", "td" };
	struct html_info *in;
	double content;

	for (; node != NULL; node = node->next) {
		if ((in = html_info(c, node)) == NULL || in->drop)
			continue;
		if ((html_in(node, votes, HTML_COUNT(votes)) ||
		    (htmlmeta_is(node, "div") && !in->blocks)) &&
		    in->text >= HTML_MIN_PARA && node->parent != NULL) {
			content = 1.0 + (double)in->commas +
			    (double)(in->text / 100 < 3 ? in->text / 100 : 3);
			html_vote(c, node->parent, content);
			if (node->parent->parent != NULL) {
				html_vote(c, node->parent->parent, content / 2);
				if (node->parent->parent->parent != NULL)
					html_vote(c,
					    node->parent->parent->parent,
					    content / 6);
			}
			continue;
		}
		/* Text between block children ("text<br><br>text", as many
		 * blogs write) votes like paragraphs would, one per 100
		 * bytes, uncapped. */
		if (in->blocks && in->own >= HTML_MIN_PARA) {
			content = 1.0 + (double)in->own_commas +
			    (double)(in->own / 100);
			html_vote(c, node, content);
			html_vote(c, node->parent, content / 2);
			if (node->parent != NULL)
				html_vote(c, node->parent->parent, content / 6);
		}
		html_score(c, node->children);
	}
}

/* The best candidate under NODE into *BEST (its final score *SCORE). */
static void
html_best(struct html_ctx *c, xmlNode *node, xmlNode **best, double *score)
{
	struct html_info *in;
	double s;

	for (; node != NULL; node = node->next) {
		if ((in = html_info(c, node)) == NULL || in->drop)
			continue;
		if (in->scored) {
			s = in->score * (1.0 - html_link_density(in));
			in->score = s;
			if (*best == NULL || s > *score) {
				*best = node;
				*score = s;
			}
		}
		html_best(c, node->children, best, score);
	}
}

/* Whether the element goes, by Readability's "clean conditionally":
 * a block with more links, images or form fields than prose. */
static bool
html_clutter(const struct html_ctx *c, const xmlNode *node,
    const struct html_info *in)
{
	/* A form may wrap a whole page (ASP.NET's do): judged, not dropped. */
	static const char *const boxes[] = { "div", "section", "ul", "ol",
	    "table", "header", "dl", "form" };
	double ld = html_link_density(in);
	bool list = htmlmeta_is(node, "ul") || htmlmeta_is(node, "ol");

	if (c->kind != HTML_PAGE || !(c->flags & HTML_CLEAN))
		return false;
	if (html_is_heading(node))
		return in->weight < 0 || ld > 0.33;
	if (!html_in(node, boxes, HTML_COUNT(boxes)))
		return false;
	if (in->weight + (in->scored ? in->score : 0) < 0)
		return true;
	if (in->commas >= 10)
		return false;
	if (in->imgs > 1 && (double)in->paras / (double)in->imgs < 0.5)
		return true;
	if (!list && in->items > in->paras + 100)
		return true;
	if (in->inputs > in->paras / 3)
		return true;
	if (in->text < HTML_MIN_PARA && (in->imgs == 0 || in->imgs > 2))
		return true;
	if (in->weight < 25 && ld > 0.2)
		return true;
	return in->weight >= 25 && ld > 0.5;
}

/* Ends the paragraph being gathered, a heading equal to the title
 * left out. */
static void
html_flush(struct html_ctx *c)
{
	struct draft *d = c->d;
	size_t n = d->nparas;

	if (c->cur.len == 0)
		return;
	draft_add(d, c->cur.data, c->cur.len, c->heading);
	strbuf_reset(&c->cur);
	if (d->nparas > n && c->heading && d->title != NULL &&
	    d->paras[n].end - d->paras[n].start == strlen(d->title) &&
	    memcmp(d->text.data + d->paras[n].start, d->title,
	    strlen(d->title)) == 0)
		draft_drop_last(d);
}

static void html_emit(struct html_ctx *c, xmlNode *node, int depth);

/* Gathers the text of NODE into paragraphs. */
static void
html_emit_node(struct html_ctx *c, xmlNode *node, int depth)
{
	struct html_info *in;
	bool block, heading;

	if (node->type == XML_TEXT_NODE ||
	    node->type == XML_CDATA_SECTION_NODE) {
		if (node->content != NULL)
			strbuf_addstr(&c->cur, (const char *)node->content);
		return;
	}
	if ((in = html_info(c, node)) == NULL || in->drop ||
	    html_clutter(c, node, in))
		return;
	block = html_in(node, html_blocks, HTML_COUNT(html_blocks));
	heading = html_is_heading(node);
	if (block)
		html_flush(c);
	if (heading)
		c->heading = true;
	html_emit(c, node->children, depth + 1);
	if (block)
		html_flush(c);
	if (heading)
		c->heading = false;
}

/* Gathers the text of NODE and its next siblings. */
static void
html_emit(struct html_ctx *c, xmlNode *node, int depth)
{
	for (; node != NULL; node = node->next)
		html_emit_node(c, node, depth);
}

/* Whether a sibling of the best candidate belongs to the article too
 * (Readability's rule): it scored near the best, or it is a paragraph
 * of prose. */
static bool
html_sibling_joins(const struct html_ctx *c, const xmlNode *node,
    double threshold)
{
	const struct html_info *in = html_info(c, node);
	xmlChar *content;
	double ld;
	bool prose;

	if (in == NULL || in->drop)
		return false;
	if (in->scored && in->score >= threshold)
		return true;
	if (!htmlmeta_is(node, "p"))
		return false;
	ld = html_link_density(in);
	if (in->text > 80)
		return ld < 0.25;
	if (ld > 0 || in->text == 0)
		return false;
	content = xmlNodeGetContent(node);
	prose = content != NULL &&
	    xmlStrstr(content, (const xmlChar *)". ") != NULL;
	xmlFree(content);
	return prose;
}

/* One pass with C->flags: the article's paragraphs into C->d. */
static void
html_pass(struct html_ctx *c, xmlNode *body)
{
	struct html_info root;
	xmlNode *best = NULL, *parent, *sib;
	double score = 0, threshold;

	memset(&root, 0, sizeof root);
	c->ninfo = 0;
	if (c->icap == 0) {
		/* Counted once: the info array never moves while a walk
		 * holds pointers into it. */
		c->icap = html_count(body, 0) + 1;
		c->info = xreallocarray(NULL, c->icap, sizeof *c->info);
	}
	html_measure(c, body, 0, &root, false);
	if (c->kind == HTML_FRAGMENT) {
		html_emit(c, body, 0);
		html_flush(c);
		return;
	}
	html_score(c, body);
	html_best(c, body, &best, &score);
	if (best == NULL)
		return;
	/* A lone child stands for its parent, which may hold more. */
	while ((parent = best->parent) != NULL &&
	    parent->type == XML_ELEMENT_NODE && !htmlmeta_is(parent, "body") &&
	    xmlChildElementCount(parent) == 1 && html_info(c, parent) != NULL)
		best = parent;
	parent = best->parent;
	threshold = score * 0.2 > 10 ? score * 0.2 : 10;
	if (parent == NULL || parent->type != XML_ELEMENT_NODE) {
		html_emit_node(c, best, 0);
		html_flush(c);
		return;
	}
	for (sib = parent->children; sib != NULL; sib = sib->next) {
		if (sib == best || html_sibling_joins(c, sib, threshold))
			html_emit_node(c, sib, 0);
	}
	html_flush(c);
}

/* The <body> element, else the root. */
static xmlNode *
html_body(xmlDocPtr doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n;

	for (n = root != NULL ? root->children : NULL; n != NULL; n = n->next) {
		if (htmlmeta_is(n, "body"))
			return n;
	}
	return root;
}

/* The article's passes, each laxer than the one before, until one finds
 * enough text; the longest result goes into D. */
static void
html_article(struct html_ctx *c, xmlNode *body)
{
	static const unsigned passes[] = {
		HTML_STRIP_UNLIKELY | HTML_WEIGHT_CLASSES | HTML_CLEAN,
		HTML_WEIGHT_CLASSES | HTML_CLEAN,
		HTML_CLEAN,
		0,
	};
	struct draft *d = c->d, best, t;
	size_t i;


	draft_init(&best);
	for (i = 0; i < HTML_COUNT(passes); i++) {
		draft_init(&t);
		t.title = d->title;	/* borrowed, to leave it out */
		c->d = &t;
		c->flags = passes[i];
		html_pass(c, body);
		t.title = NULL;
		if (draft_text_len(&t) > draft_text_len(&best)) {
			draft_free(&best);
			best = t;
		} else
			draft_free(&t);
		if (draft_text_len(&best) >= HTML_ENOUGH)
			break;
	}
	c->d = d;
	d->text = best.text;
	d->paras = best.paras;
	d->nparas = best.nparas;
	d->cap = best.cap;
}

/* Paragraphs of a JSON-LD articleBody: its lines. */
static void
html_plain_body(struct draft *d, const char *body)
{
	const char *nl;

	for (; *body != '\0'; body = nl + 1) {
		if ((nl = strchr(body, '\n')) == NULL)
			nl = body + strlen(body);
		draft_add(d, body, (size_t)(nl - body), false);
		if (*nl == '\0')
			break;
	}
}

int
html_extract(const char *name, const char *buf, size_t len,
    const char *charset, enum html_kind kind, struct draft *d, char **cause)
{
	struct html_ctx c;
	xmlDocPtr doc;
	xmlNode *body;
	char *utf8, *ld_body = NULL;
	size_t ulen;

	utf8 = charset_decode(buf, len, charset, &ulen, NULL);
	doc = htmlReadMemory(utf8, (int)ulen, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
	free(utf8);
	if (doc == NULL || (body = html_body(doc)) == NULL) {
		xmlFreeDoc(doc);
		*cause = xasprintf("%s: not HTML: nothing in it could be "
		    "parsed", name);
		return -1;
	}
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.d = d;
	if (kind == HTML_PAGE) {
		ld_body = htmlmeta_read(doc, d);
		html_article(&c, body);
		if (draft_text_len(d) < HTML_MIN_ARTICLE && ld_body != NULL &&
		    strlen(ld_body) > draft_text_len(d)) {
			draft_free_paras(d);
			html_plain_body(d, ld_body);
		}
	} else
		html_pass(&c, body);
	free(ld_body);
	free(c.info);
	strbuf_free(&c.cur);
	xmlFreeDoc(doc);
	if (kind == HTML_PAGE && draft_text_len(d) < HTML_MIN_ARTICLE) {
		*cause = xasprintf("%s: no article found (no prose in the "
		    "page, only navigation and the like)", name);
		return -1;
	}
	if (d->nparas == 0) {
		*cause = xasprintf("%s: no text in the HTML", name);
		return -1;
	}
	return 0;
}

/* Case-insensitive: does S[0, LEN) start with the lower-case PREFIX? */
static bool
html_starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

int
html_sniff(const char *buf, size_t len)
{
	static const char *const starts[] = { "<!doctype html", "<html",
	    "<head", "<body", "<meta", "<title", "<link", "<base" };
	char probe[512];
	size_t n = 0, i = 0, k, step = 1;
	const char *end;

	/* UTF-16 with a byte order mark: its ASCII bytes are every other. */
	if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0)) {
		i = buf[0] == '\xff' ? 2 : 3;
		step = 2;
	} else if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len && n < sizeof probe; i += step)
		probe[n++] = buf[i];
	for (i = 0; i < n;) {
		if (strchr(" \t\r\n\f", probe[i]) != NULL) {
			i++;
			continue;
		}
		if (html_starts(probe + i, n - i, "<!--"))
			end = memmem(probe + i, n - i, "-->", 3);
		else if (html_starts(probe + i, n - i, "<?xml"))
			end = memchr(probe + i, '>', n - i);
		else
			break;
		if (end == NULL)
			return 0;
		i = (size_t)(end - probe) + (*end == '>' ? 1 : 3);
	}
	for (k = 0; k < HTML_COUNT(starts); k++) {
		if (html_starts(probe + i, n - i, starts[k]))
			return 1;
	}
	return 0;
}
