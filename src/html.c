#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "draft.h"
#include "html.h"
#include "htmlmeta.h"
#include "htmltree.h"
#include "strbuf.h"
#include "xalloc.h"

/* What the scorer knows of one element (html_ctx.info, by node). */
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
	bool measured;		/* set up by this pass's html_measure */
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

/* What an element's class and id say, worked out once per page. */
enum {
	HTML_HINT_NEGATIVE = 1,
	HTML_HINT_POSITIVE = 2,
	HTML_HINT_UNLIKELY = 4,		/* and not maybe-content */
	HTML_HINT_KNOWN = 8		/* worked out */
};

struct html_ctx {
	enum html_kind kind;
	unsigned flags;
	const struct htmltree *t;
	struct html_info *info;		/* one per node */
	unsigned char *hints;		/* one per distinct class and id */
	struct draft *d;
	struct strbuf cur;	/* the paragraph being gathered */
	bool heading;		/* it is a heading */
};

/* What extraction makes of each tag. */
enum {
	HTML_NEVER = 1,		/* never part of the text */
	HTML_PAGE_NEVER = 2,	/* left out of a page's article */
	HTML_BLOCK = 4,		/* makes its own paragraph */
	HTML_HEADING = 8
};

static const unsigned char html_tag_kinds[HTMLTREE_NTAGS] = {
#define HTML_KIND(tag, kinds) [HTMLTREE_TAG_##tag] = (kinds),
	HTML_KIND(applet, HTML_NEVER) HTML_KIND(area, HTML_NEVER)
	HTML_KIND(audio, HTML_NEVER) HTML_KIND(button, HTML_NEVER)
	HTML_KIND(canvas, HTML_NEVER) HTML_KIND(datalist, HTML_NEVER)
	HTML_KIND(embed, HTML_NEVER) HTML_KIND(head, HTML_NEVER)
	HTML_KIND(iframe, HTML_NEVER) HTML_KIND(img, HTML_NEVER)
	HTML_KIND(input, HTML_NEVER) HTML_KIND(link, HTML_NEVER)
	HTML_KIND(map, HTML_NEVER) HTML_KIND(math, HTML_NEVER)
	HTML_KIND(meta, HTML_NEVER) HTML_KIND(noscript, HTML_NEVER)
	HTML_KIND(object, HTML_NEVER) HTML_KIND(option, HTML_NEVER)
	HTML_KIND(picture, HTML_NEVER) HTML_KIND(script, HTML_NEVER)
	HTML_KIND(select, HTML_NEVER) HTML_KIND(source, HTML_NEVER)
	HTML_KIND(style, HTML_NEVER) HTML_KIND(svg, HTML_NEVER)
	HTML_KIND(template, HTML_NEVER) HTML_KIND(textarea, HTML_NEVER)
	HTML_KIND(title, HTML_NEVER) HTML_KIND(track, HTML_NEVER)
	HTML_KIND(video, HTML_NEVER)
	HTML_KIND(aside, HTML_PAGE_NEVER) HTML_KIND(dialog, HTML_PAGE_NEVER)
	HTML_KIND(figcaption, HTML_PAGE_NEVER)
	HTML_KIND(figure, HTML_PAGE_NEVER) HTML_KIND(footer, HTML_PAGE_NEVER)
	HTML_KIND(label, HTML_PAGE_NEVER) HTML_KIND(menu, HTML_PAGE_NEVER)
	HTML_KIND(nav, HTML_PAGE_NEVER)
	HTML_KIND(address, HTML_BLOCK) HTML_KIND(article, HTML_BLOCK)
	HTML_KIND(blockquote, HTML_BLOCK) HTML_KIND(body, HTML_BLOCK)
	HTML_KIND(br, HTML_BLOCK) HTML_KIND(caption, HTML_BLOCK)
	HTML_KIND(center, HTML_BLOCK) HTML_KIND(dd, HTML_BLOCK)
	HTML_KIND(details, HTML_BLOCK) HTML_KIND(div, HTML_BLOCK)
	HTML_KIND(dl, HTML_BLOCK) HTML_KIND(dt, HTML_BLOCK)
	HTML_KIND(fieldset, HTML_BLOCK)
	HTML_KIND(h1, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(h2, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(h3, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(h4, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(h5, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(h6, HTML_BLOCK | HTML_HEADING)
	HTML_KIND(header, HTML_BLOCK) HTML_KIND(hgroup, HTML_BLOCK)
	HTML_KIND(hr, HTML_BLOCK) HTML_KIND(li, HTML_BLOCK)
	HTML_KIND(main, HTML_BLOCK) HTML_KIND(ol, HTML_BLOCK)
	HTML_KIND(p, HTML_BLOCK) HTML_KIND(pre, HTML_BLOCK)
	HTML_KIND(section, HTML_BLOCK) HTML_KIND(summary, HTML_BLOCK)
	HTML_KIND(table, HTML_BLOCK) HTML_KIND(tbody, HTML_BLOCK)
	HTML_KIND(td, HTML_BLOCK) HTML_KIND(tfoot, HTML_BLOCK)
	HTML_KIND(th, HTML_BLOCK) HTML_KIND(thead, HTML_BLOCK)
	HTML_KIND(tr, HTML_BLOCK) HTML_KIND(ul, HTML_BLOCK)
#undef HTML_KIND
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

static unsigned
html_kind(const struct html_ctx *c, uint32_t node)
{
	return html_tag_kinds[c->t->nodes[node].tag];
}

static bool
html_is(const struct html_ctx *c, uint32_t node, enum htmltree_tag tag)
{
	return c->t->nodes[node].tag == tag;
}

static bool
html_is_element(const struct html_ctx *c, uint32_t node)
{
	return node != 0 && c->t->nodes[node].tag != HTMLTREE_TAG_TEXT;
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

/* What NODE's class and id say: worked out once per distinct string of
 * the page, when an element first needs it. */
static unsigned
html_hints(struct html_ctx *c, uint32_t node)
{
	uint32_t names = c->t->nodes[node].names;
	unsigned char *h;
	const char *s;

	if (names == 0)
		return 0;
	h = &c->hints[names - 1];
	if (*h & HTML_HINT_KNOWN)
		return *h;
	s = htmltree_str(c->t, node);
	*h = HTML_HINT_KNOWN;
	if (html_mentions(s, html_negative, HTML_COUNT(html_negative)))
		*h |= HTML_HINT_NEGATIVE;
	if (html_mentions(s, html_positive, HTML_COUNT(html_positive)))
		*h |= HTML_HINT_POSITIVE;
	if (html_mentions(s, html_unlikely, HTML_COUNT(html_unlikely)) &&
	    !html_mentions(s, html_maybe, HTML_COUNT(html_maybe)))
		*h |= HTML_HINT_UNLIKELY;
	return *h;
}

static struct html_info *
html_info(const struct html_ctx *c, uint32_t node)
{
	return node != 0 && c->info[node].measured ? &c->info[node] : NULL;
}

/* The tag's part of a candidate's first score (Readability's). */
static int
html_tag_score(const struct html_ctx *c, uint32_t node)
{
	switch (c->t->nodes[node].tag) {
	case HTMLTREE_TAG_div:
	case HTMLTREE_TAG_article:
	case HTMLTREE_TAG_main:
		return 5;
	case HTMLTREE_TAG_pre:
	case HTMLTREE_TAG_td:
	case HTMLTREE_TAG_blockquote:
		return 3;
	case HTMLTREE_TAG_address:
	case HTMLTREE_TAG_ol:
	case HTMLTREE_TAG_ul:
	case HTMLTREE_TAG_dl:
	case HTMLTREE_TAG_dd:
	case HTMLTREE_TAG_dt:
	case HTMLTREE_TAG_li:
	case HTMLTREE_TAG_form:
		return -3;
	case HTMLTREE_TAG_th:
		return -5;
	default:
		return html_kind(c, node) & HTML_HEADING ? -5 : 0;
	}
}

/* Bytes of text in S[0, LEN), white space left out, and its commas. */
static void
html_count_text(const char *s, size_t len, size_t *text, size_t *commas)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == ',')
			(*commas)++;
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			(*text)++;
	}
}

/*
 * Sets up every element's info under NODE (and its next siblings): what
 * is left out, and its text, link text and element counts, added into
 * TOTAL (its parent's).
 */
static void
html_measure(struct html_ctx *c, uint32_t node, int depth,
    struct html_info *total, bool in_link)
{
	const struct htmltree_node *n;
	struct html_info *in;
	unsigned kind, hints;

	for (; node != 0; node = n->next) {
		n = &c->t->nodes[node];
		if (n->tag == HTMLTREE_TAG_TEXT) {
			size_t text = 0, commas = 0;

			html_count_text(htmltree_str(c->t, node), n->len,
			    &text, &commas);
			total->text += text;
			total->commas += commas;
			total->own += text;
			total->own_commas += commas;
			if (in_link)
				total->link += text;
			continue;
		}
		kind = html_tag_kinds[n->tag];
		if (n->tag == HTMLTREE_TAG_img)
			total->imgs++;
		else if (n->tag == HTMLTREE_TAG_input)
			total->inputs++;
		if (depth > HTMLMETA_MAX_DEPTH || (kind & HTML_NEVER))
			continue;
		in = &c->info[node];
		memset(in, 0, sizeof *in);
		in->measured = true;
		if (n->hidden)
			in->drop = true;
		if (c->kind == HTML_PAGE) {
			hints = html_hints(c, node);
			if (c->flags & HTML_WEIGHT_CLASSES) {
				if (hints & HTML_HINT_NEGATIVE)
					in->weight -= 25;
				if (hints & HTML_HINT_POSITIVE)
					in->weight += 25;
			}
			if ((c->flags & HTML_STRIP_UNLIKELY) &&
			    (hints & HTML_HINT_UNLIKELY) &&
			    n->tag != HTMLTREE_TAG_body &&
			    n->tag != HTMLTREE_TAG_article &&
			    n->tag != HTMLTREE_TAG_main)
				in->drop = true;
			if (kind & HTML_PAGE_NEVER)
				in->drop = true;
		}
		if (in->drop)
			continue;
		html_measure(c, n->child, depth + 1, in,
		    in_link || n->tag == HTMLTREE_TAG_a);
		if (n->tag == HTMLTREE_TAG_p)
			total->paras++;
		else if (n->tag == HTMLTREE_TAG_li)
			total->items++;
		if (!(kind & HTML_BLOCK)) {
			/* Phrasing content: its text is its parent's own. */
			total->own += in->text;
			total->own_commas += in->commas;
		} else if (n->tag != HTMLTREE_TAG_br && n->tag != HTMLTREE_TAG_hr)
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
html_vote(struct html_ctx *c, uint32_t node, double score)
{
	struct html_info *in;

	if ((in = html_info(c, node)) == NULL || in->drop)
		return;
	if (!in->scored) {
		in->scored = true;
		in->score = html_tag_score(c, node) + in->weight;
	}
	in->score += score;
}

/* Each paragraph votes for its parent, less for the two above. */
static void
html_score(struct html_ctx *c, uint32_t node)
{
	const struct htmltree_node *nodes = c->t->nodes;
	struct html_info *in;
	uint32_t parent;
	double content;

	for (; node != 0; node = nodes[node].next) {
		if ((in = html_info(c, node)) == NULL || in->drop)
			continue;
		parent = nodes[node].parent;
		if ((html_is(c, node, HTMLTREE_TAG_p) ||
		    html_is(c, node, HTMLTREE_TAG_pre) ||
		    html_is(c, node, HTMLTREE_TAG_td) ||
		    (html_is(c, node, HTMLTREE_TAG_div) && !in->blocks)) &&
		    in->text >= HTML_MIN_PARA && parent != 0) {
			content = 1.0 + (double)in->commas +
			    (double)(in->text / 100 < 3 ? in->text / 100 : 3);
			html_vote(c, parent, content);
			if (nodes[parent].parent != 0) {
				html_vote(c, nodes[parent].parent,
				    content / 2);
				html_vote(c, nodes[nodes[parent].parent].parent,
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
			html_vote(c, parent, content / 2);
			if (parent != 0)
				html_vote(c, nodes[parent].parent,
				    content / 6);
		}
		html_score(c, nodes[node].child);
	}
}

/* The best candidate under NODE into *BEST (its final score *SCORE). */
static void
html_best(struct html_ctx *c, uint32_t node, uint32_t *best, double *score)
{
	struct html_info *in;
	double s;

	for (; node != 0; node = c->t->nodes[node].next) {
		if ((in = html_info(c, node)) == NULL || in->drop)
			continue;
		if (in->scored) {
			s = in->score * (1.0 - html_link_density(in));
			in->score = s;
			if (*best == 0 || s > *score) {
				*best = node;
				*score = s;
			}
		}
		html_best(c, c->t->nodes[node].child, best, score);
	}
}

/* Whether the element goes, by Readability's "clean conditionally":
 * a block with more links, images or form fields than prose. */
static bool
html_clutter(const struct html_ctx *c, uint32_t node,
    const struct html_info *in)
{
	double ld = html_link_density(in);
	bool list;

	if (c->kind != HTML_PAGE || !(c->flags & HTML_CLEAN))
		return false;
	if (html_kind(c, node) & HTML_HEADING)
		return in->weight < 0 || ld > 0.33;
	switch (c->t->nodes[node].tag) {
	case HTMLTREE_TAG_div:
	case HTMLTREE_TAG_section:
	case HTMLTREE_TAG_ul:
	case HTMLTREE_TAG_ol:
	case HTMLTREE_TAG_table:
	case HTMLTREE_TAG_header:
	case HTMLTREE_TAG_dl:
	/* A form may wrap a whole page (ASP.NET's do): judged, not
	 * dropped. */
	case HTMLTREE_TAG_form:
		break;
	default:
		return false;
	}
	list = html_is(c, node, HTMLTREE_TAG_ul) ||
	    html_is(c, node, HTMLTREE_TAG_ol);
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

static void html_emit(struct html_ctx *c, uint32_t node);

/* Gathers the text of NODE into paragraphs. */
static void
html_emit_node(struct html_ctx *c, uint32_t node)
{
	const struct htmltree_node *n = &c->t->nodes[node];
	struct html_info *in;
	bool block, heading;

	if (n->tag == HTMLTREE_TAG_TEXT) {
		strbuf_add(&c->cur, htmltree_str(c->t, node), n->len);
		return;
	}
	if ((in = html_info(c, node)) == NULL || in->drop ||
	    html_clutter(c, node, in))
		return;
	block = html_kind(c, node) & HTML_BLOCK;
	heading = html_kind(c, node) & HTML_HEADING;
	if (block)
		html_flush(c);
	if (heading)
		c->heading = true;
	html_emit(c, n->child);
	if (block)
		html_flush(c);
	if (heading)
		c->heading = false;
}

/* Gathers the text of NODE and its next siblings. */
static void
html_emit(struct html_ctx *c, uint32_t node)
{
	for (; node != 0; node = c->t->nodes[node].next)
		html_emit_node(c, node);
}

/* Whether the text under NODE has ". " in it (DEPTH deep at most). */
static bool
html_has_sentence_end(const struct htmltree *t, uint32_t node, int depth,
    struct strbuf *sb)
{
	uint32_t i;

	for (i = t->nodes[node].child; i != 0 && depth <= HTMLMETA_MAX_DEPTH;
	    i = t->nodes[i].next) {
		if (t->nodes[i].tag == HTMLTREE_TAG_TEXT)
			strbuf_add(sb, htmltree_str(t, i), t->nodes[i].len);
		else
			html_has_sentence_end(t, i, depth + 1, sb);
	}
	return sb->len > 0 && memmem(sb->data, sb->len, ". ", 2) != NULL;
}

/* Whether a sibling of the best candidate belongs to the article too
 * (Readability's rule): it scored near the best, or it is a paragraph
 * of prose. */
static bool
html_sibling_joins(const struct html_ctx *c, uint32_t node,
    double threshold)
{
	const struct html_info *in = html_info(c, node);
	struct strbuf sb = STRBUF_INIT;
	double ld;
	bool prose;

	if (in == NULL || in->drop)
		return false;
	if (in->scored && in->score >= threshold)
		return true;
	if (!html_is(c, node, HTMLTREE_TAG_p))
		return false;
	ld = html_link_density(in);
	if (in->text > 80)
		return ld < 0.25;
	if (ld > 0 || in->text == 0)
		return false;
	prose = html_has_sentence_end(c->t, node, 0, &sb);
	strbuf_free(&sb);
	return prose;
}

/* How many element children NODE has. */
static size_t
html_elements(const struct htmltree *t, uint32_t node)
{
	size_t n = 0;
	uint32_t i;

	for (i = t->nodes[node].child; i != 0; i = t->nodes[i].next)
		n += t->nodes[i].tag != HTMLTREE_TAG_TEXT;
	return n;
}

/* One pass with C->flags: the article's paragraphs into C->d. */
static void
html_pass(struct html_ctx *c, uint32_t body)
{
	const struct htmltree_node *nodes = c->t->nodes;
	struct html_info root;
	uint32_t best = 0, parent, sib;
	double score = 0, threshold;

	memset(&root, 0, sizeof root);
	memset(c->info, 0, c->t->n * sizeof *c->info);
	html_measure(c, body, 0, &root, false);
	if (c->kind == HTML_FRAGMENT) {
		html_emit(c, body);
		html_flush(c);
		return;
	}
	html_score(c, body);
	html_best(c, body, &best, &score);
	if (best == 0)
		return;
	/* A lone child stands for its parent, which may hold more. */
	while ((parent = nodes[best].parent) != 0 &&
	    html_is_element(c, parent) &&
	    !html_is(c, parent, HTMLTREE_TAG_body) &&
	    html_elements(c->t, parent) == 1 && html_info(c, parent) != NULL)
		best = parent;
	parent = nodes[best].parent;
	threshold = score * 0.2 > 10 ? score * 0.2 : 10;
	if (parent == 0) {
		html_emit_node(c, best);
		html_flush(c);
		return;
	}
	for (sib = nodes[parent].child; sib != 0; sib = nodes[sib].next) {
		if (sib == best || html_sibling_joins(c, sib, threshold))
			html_emit_node(c, sib);
	}
	html_flush(c);
}

/* The article's passes, each laxer than the one before, until one finds
 * enough text; the longest result goes into D. */
static void
html_article(struct html_ctx *c, uint32_t body)
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
	struct htmltree t;
	struct htmlmeta meta;
	uint32_t body;
	char *utf8, *ld_body = NULL;
	size_t ulen;
	int rc;

	utf8 = charset_decode(buf, len, charset, &ulen, NULL);
	htmlmeta_init(&meta, d);
	rc = htmltree_parse(&t, utf8, ulen, kind == HTML_PAGE ? &meta : NULL);
	free(utf8);
	if (kind == HTML_PAGE)
		ld_body = htmlmeta_finish(&meta);
	if (rc != 0 || (body = htmltree_body(&t)) == 0) {
		htmltree_free(&t);
		free(ld_body);
		*cause = xasprintf("%s: not HTML: nothing in it could be "
		    "parsed", name);
		return -1;
	}
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.d = d;
	c.t = &t;
	c.info = xreallocarray(NULL, t.n, sizeof *c.info);
	c.hints = xcalloc(t.nnames + 1, 1);
	if (kind == HTML_PAGE) {
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
	free(c.hints);
	strbuf_free(&c.cur);
	htmltree_free(&t);
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
	char copy[512];
	const char *probe = copy;
	size_t n = 0, i = 0, k, step = 1;
	const char *end;

	/* UTF-16 with a byte order mark: its ASCII bytes are every other. */
	if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0)) {
		i = buf[0] == '\xff' ? 2 : 3;
		step = 2;
	} else if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	/* UTF-8 is looked at in place; UTF-16's ASCII bytes are gathered. */
	if (step == 1) {
		probe = buf + i;
		n = len - i < sizeof copy ? len - i : sizeof copy;
	}
	for (; step == 2 && i < len && n < sizeof copy; i += step)
		copy[n++] = buf[i];
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
	/* Every start is a tag: a source opening with words or front
	 * matter (most) is told by its first byte, not eight comparisons. */
	if (i == n || probe[i] != '<')
		return 0;
	for (k = 0; k < HTML_COUNT(starts); k++) {
		if (html_starts(probe + i, n - i, starts[k]))
			return 1;
	}
	return 0;
}
