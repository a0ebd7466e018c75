#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "htmlmeta.h"
#include "htmltok.h"
#include "htmltree.h"
#include "vocab.h"
#include "xalloc.h"

static const char *const htmltree_names[] = {
#define HTMLTREE_TAG_NAME(name) #name,
	HTMLTREE_TAGS(HTMLTREE_TAG_NAME)
#undef HTMLTREE_TAG_NAME
};

/* Most elements open at once: deeper ones are not opened at all, so
 * that a page nested 100,000 deep costs bounded time per end tag. */
#define HTMLTREE_MAX_OPEN (4 * HTMLTREE_MAX_DEPTH)

/* An open element. */
struct htmltree_open {
	uint16_t tag;
	uint32_t name;		/* of an HTMLTREE_TAG_OTHER: its name, in
				 * htmltree_build.names */
};

/* How far the document has come, as libxml2 keeps it: a <head> once
 * opened is never implied again, nor a <body>. */
enum htmltree_seen {
	HTMLTREE_SEEN_NOTHING,
	HTMLTREE_SEEN_HEAD,
	HTMLTREE_SEEN_BODY
};

struct htmltree_build {
	struct htmltree *t;
	struct htmlmeta *meta;
	uint32_t cur;		/* the node text goes into */
	struct htmltree_open *open;	/* libxml2's stack of names */
	size_t nopen;
	size_t open_cap;
	struct strbuf names;
	enum htmltree_seen seen;
	int dropped;		/* <html>, <head>, <body> tags dropped */
};

/* A binary search of the names that compares first bytes before
 * calling strcmp, as most steps differ there: it runs twice a tag. */
static uint16_t
htmltree_tag(const char *name)
{
	size_t lo = 0, hi = sizeof htmltree_names / sizeof *htmltree_names;
	size_t mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = (unsigned char)name[0] -
		    (unsigned char)htmltree_names[mid][0];
		if (c == 0)
			c = strcmp(name, htmltree_names[mid]);
		if (c == 0)
			return (uint16_t)(HTMLTREE_TAG_a + mid);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return HTMLTREE_TAG_OTHER;
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
	char *s, *p;
	bool hidden;

	/* Most styles say neither. */
	if (strstr(style, "none") == NULL && strstr(style, "hidden") == NULL)
		return false;
	s = xstrdup(style);
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

/* The void elements: HTML 5's (libxml2 2.9.14 gives <embed>, <source>,
 * <track> and <wbr> content, swallowing what follows them) and HTML 4's
 * older ones. */
static bool
htmltree_is_void(uint16_t tag)
{
	switch (tag) {
	case HTMLTREE_TAG_area: case HTMLTREE_TAG_base:
	case HTMLTREE_TAG_basefont: case HTMLTREE_TAG_br:
	case HTMLTREE_TAG_col: case HTMLTREE_TAG_embed:
	case HTMLTREE_TAG_frame: case HTMLTREE_TAG_hr:
	case HTMLTREE_TAG_img: case HTMLTREE_TAG_input:
	case HTMLTREE_TAG_isindex: case HTMLTREE_TAG_keygen:
	case HTMLTREE_TAG_link: case HTMLTREE_TAG_meta:
	case HTMLTREE_TAG_param: case HTMLTREE_TAG_source:
	case HTMLTREE_TAG_track: case HTMLTREE_TAG_wbr:
		return true;
	default:
		return false;
	}
}

/* Which open element a misplaced end tag may not close past (libxml2's
 * priorities): an end tag closes only elements ranked at most its own. */
static int
htmltree_end_priority(uint16_t tag)
{
	switch (tag) {
	case HTMLTREE_TAG_div:
		return 150;
	case HTMLTREE_TAG_td: case HTMLTREE_TAG_th:
		return 160;
	case HTMLTREE_TAG_tr:
		return 170;
	case HTMLTREE_TAG_thead: case HTMLTREE_TAG_tbody:
	case HTMLTREE_TAG_tfoot:
		return 180;
	case HTMLTREE_TAG_table:
		return 190;
	case HTMLTREE_TAG_head: case HTMLTREE_TAG_body:
		return 200;
	case HTMLTREE_TAG_html:
		return 220;
	default:
		return 100;
	}
}

/* Which open element (first) a new start tag (second) ends: libxml2
 * 2.9.14's table, sorted. */
#define T(name) HTMLTREE_TAG_##name
static const uint8_t htmltree_closes[][2] = {
	{ T(a), T(a) }, { T(a), T(fieldset) }, { T(a), T(table) },
	{ T(a), T(td) }, { T(a), T(th) },
	{ T(address), T(dd) }, { T(address), T(dl) }, { T(address), T(dt) },
	{ T(address), T(form) }, { T(address), T(li) }, { T(address), T(ul) },
	{ T(b), T(center) }, { T(b), T(p) }, { T(b), T(td) }, { T(b), T(th) },
	{ T(big), T(p) },
	{ T(caption), T(col) }, { T(caption), T(colgroup) },
	{ T(caption), T(tbody) }, { T(caption), T(tfoot) },
	{ T(caption), T(thead) }, { T(caption), T(tr) },
	{ T(col), T(col) }, { T(col), T(colgroup) }, { T(col), T(tbody) },
	{ T(col), T(tfoot) }, { T(col), T(thead) }, { T(col), T(tr) },
	{ T(colgroup), T(colgroup) }, { T(colgroup), T(tbody) },
	{ T(colgroup), T(tfoot) }, { T(colgroup), T(thead) },
	{ T(colgroup), T(tr) },
	{ T(dd), T(dt) },
	{ T(dir), T(dd) }, { T(dir), T(dl) }, { T(dir), T(dt) },
	{ T(dir), T(form) }, { T(dir), T(ul) },
	{ T(dl), T(form) }, { T(dl), T(li) },
	{ T(dt), T(dd) }, { T(dt), T(dl) },
	{ T(font), T(center) }, { T(font), T(td) }, { T(font), T(th) },
	{ T(form), T(form) },
#define HTMLTREE_CLOSES_H(h) \
	{ T(h), T(fieldset) }, { T(h), T(form) }, { T(h), T(li) }, \
	{ T(h), T(p) }, { T(h), T(table) },
	HTMLTREE_CLOSES_H(h1) HTMLTREE_CLOSES_H(h2) HTMLTREE_CLOSES_H(h3)
	HTMLTREE_CLOSES_H(h4) HTMLTREE_CLOSES_H(h5) HTMLTREE_CLOSES_H(h6)
#undef HTMLTREE_CLOSES_H
	{ T(head), T(a) }, { T(head), T(abbr) }, { T(head), T(acronym) },
	{ T(head), T(address) }, { T(head), T(b) }, { T(head), T(bdo) },
	{ T(head), T(big) }, { T(head), T(blockquote) }, { T(head), T(body) },
	{ T(head), T(br) }, { T(head), T(center) }, { T(head), T(cite) },
	{ T(head), T(code) }, { T(head), T(dd) }, { T(head), T(dfn) },
	{ T(head), T(dir) }, { T(head), T(div) }, { T(head), T(dl) },
	{ T(head), T(dt) }, { T(head), T(em) }, { T(head), T(fieldset) },
	{ T(head), T(font) }, { T(head), T(form) }, { T(head), T(frameset) },
	{ T(head), T(h1) }, { T(head), T(h2) }, { T(head), T(h3) },
	{ T(head), T(h4) }, { T(head), T(h5) }, { T(head), T(h6) },
	{ T(head), T(hr) }, { T(head), T(i) }, { T(head), T(iframe) },
	{ T(head), T(img) }, { T(head), T(kbd) }, { T(head), T(li) },
	{ T(head), T(listing) }, { T(head), T(map) }, { T(head), T(menu) },
	{ T(head), T(ol) }, { T(head), T(p) }, { T(head), T(pre) },
	{ T(head), T(q) }, { T(head), T(s) }, { T(head), T(samp) },
	{ T(head), T(small) }, { T(head), T(span) }, { T(head), T(strike) },
	{ T(head), T(strong) }, { T(head), T(sub) }, { T(head), T(sup) },
	{ T(head), T(table) }, { T(head), T(tt) }, { T(head), T(u) },
	{ T(head), T(ul) }, { T(head), T(var) }, { T(head), T(xmp) },
	{ T(hr), T(form) },
	{ T(i), T(center) }, { T(i), T(p) }, { T(i), T(td) }, { T(i), T(th) },
	{ T(legend), T(fieldset) },
	{ T(li), T(li) },
	{ T(link), T(body) }, { T(link), T(frameset) },
	{ T(listing), T(dd) }, { T(listing), T(dl) }, { T(listing), T(dt) },
	{ T(listing), T(fieldset) }, { T(listing), T(form) },
	{ T(listing), T(li) }, { T(listing), T(table) }, { T(listing), T(ul) },
	{ T(menu), T(dd) }, { T(menu), T(dl) }, { T(menu), T(dt) },
	{ T(menu), T(form) }, { T(menu), T(ul) },
	{ T(ol), T(form) },
	{ T(option), T(optgroup) }, { T(option), T(option) },
	{ T(p), T(address) }, { T(p), T(blockquote) }, { T(p), T(body) },
	{ T(p), T(caption) }, { T(p), T(center) }, { T(p), T(col) },
	{ T(p), T(colgroup) }, { T(p), T(dd) }, { T(p), T(dir) },
	{ T(p), T(div) }, { T(p), T(dl) }, { T(p), T(dt) },
	{ T(p), T(fieldset) }, { T(p), T(form) }, { T(p), T(frameset) },
	{ T(p), T(h1) }, { T(p), T(h2) }, { T(p), T(h3) }, { T(p), T(h4) },
	{ T(p), T(h5) }, { T(p), T(h6) }, { T(p), T(head) }, { T(p), T(hr) },
	{ T(p), T(li) }, { T(p), T(listing) }, { T(p), T(menu) },
	{ T(p), T(ol) }, { T(p), T(p) }, { T(p), T(pre) }, { T(p), T(table) },
	{ T(p), T(tbody) }, { T(p), T(td) }, { T(p), T(tfoot) },
	{ T(p), T(th) }, { T(p), T(title) }, { T(p), T(tr) }, { T(p), T(ul) },
	{ T(p), T(xmp) },
	{ T(pre), T(dd) }, { T(pre), T(dl) }, { T(pre), T(dt) },
	{ T(pre), T(fieldset) }, { T(pre), T(form) }, { T(pre), T(li) },
	{ T(pre), T(table) }, { T(pre), T(ul) },
	{ T(s), T(p) },
	{ T(script), T(noscript) },
	{ T(small), T(p) },
	{ T(span), T(td) }, { T(span), T(th) },
	{ T(strike), T(p) },
	{ T(style), T(body) }, { T(style), T(frameset) },
	{ T(tbody), T(tbody) }, { T(tbody), T(tfoot) },
	{ T(td), T(tbody) }, { T(td), T(td) }, { T(td), T(tfoot) },
	{ T(td), T(th) }, { T(td), T(tr) },
	{ T(tfoot), T(tbody) },
	{ T(th), T(tbody) }, { T(th), T(td) }, { T(th), T(tfoot) },
	{ T(th), T(th) }, { T(th), T(tr) },
	{ T(thead), T(tbody) }, { T(thead), T(tfoot) },
	{ T(title), T(body) }, { T(title), T(frameset) },
	{ T(tr), T(tbody) }, { T(tr), T(tfoot) }, { T(tr), T(tr) },
	{ T(tt), T(p) },
	{ T(u), T(p) }, { T(u), T(td) }, { T(u), T(th) },
	{ T(ul), T(address) }, { T(ul), T(form) }, { T(ul), T(menu) },
	{ T(ul), T(pre) },
	{ T(xmp), T(dd) }, { T(xmp), T(dl) }, { T(xmp), T(dt) },
	{ T(xmp), T(fieldset) }, { T(xmp), T(form) }, { T(xmp), T(li) },
	{ T(xmp), T(table) }, { T(xmp), T(ul) },
};
#undef T
_Static_assert(HTMLTREE_NTAGS <= 256, "htmltree_closes keeps tags in bytes");

static int
htmltree_cmp_closes(const void *key, const void *elem)
{
	const uint8_t *a = key, *b = elem;

	return a[0] != b[0] ? a[0] - b[0] : a[1] - b[1];
}

/* Whether a start tag NEW ends the open element OLD. */
static bool
htmltree_closes_on_start(uint16_t old, uint16_t new)
{
	uint8_t key[2] = { (uint8_t)old, (uint8_t)new };

	return bsearch(key, htmltree_closes, sizeof htmltree_closes /
	    sizeof *htmltree_closes, sizeof *htmltree_closes,
	    htmltree_cmp_closes) != NULL;
}

/* The element I open (counting from the root) is TAG named NAME. */
static bool
htmltree_open_is(const struct htmltree_build *b, size_t i, uint16_t tag,
    const char *name)
{
	const struct htmltree_open *o = &b->open[i];

	return o->tag == tag && (tag != HTMLTREE_TAG_OTHER ||
	    strcmp(b->names.data + o->name, name) == 0);
}

/* Whether an element TAG is open. */
static bool
htmltree_in_open(const struct htmltree_build *b, uint16_t tag)
{
	size_t i;

	for (i = 0; i < b->nopen; i++) {
		if (b->open[i].tag == tag)
			return true;
	}
	return false;
}

/* Opens element TAG, NAME with ATTS (NULL or pairs, NULL-terminated):
 * a new last child of the element open last.  Returns false, opening
 * nothing, when HTMLTREE_MAX_OPEN elements are open. */
static bool
htmltree_open(struct htmltree_build *b, uint16_t tag, const char *name,
    const char *const *atts)
{
	struct htmltree *t = b->t;
	struct htmltree_open *o;
	struct htmltree_node *n;
	const char *cls = NULL, *id = NULL;
	uint32_t i;
	size_t k, from;

	if (b->nopen == HTMLTREE_MAX_OPEN)
		return false;
	if (b->nopen == b->open_cap) {
		b->open_cap = b->open_cap == 0 ? 64 : 2 * b->open_cap;
		b->open = xreallocarray(b->open, b->open_cap, sizeof *b->open);
	}
	o = &b->open[b->nopen++];
	o->tag = tag;
	o->name = (uint32_t)b->names.len;
	if (tag == HTMLTREE_TAG_OTHER)
		strbuf_add(&b->names, name, strlen(name) + 1);
	if (tag == HTMLTREE_TAG_head && b->seen < HTMLTREE_SEEN_HEAD)
		b->seen = HTMLTREE_SEEN_HEAD;
	if (tag == HTMLTREE_TAG_body)
		b->seen = HTMLTREE_SEEN_BODY;
	if (b->meta != NULL)
		htmlmeta_start(b->meta, name, atts, (int)b->nopen - 1);
	if (b->nopen > HTMLTREE_MAX_DEPTH)
		return true;
	i = htmltree_add(t, b->cur, tag);
	n = &t->nodes[i];
	for (k = 0; atts != NULL && atts[k] != NULL; k += 2) {
		const char *a = atts[k];
		const char *v = atts[k + 1] != NULL ? atts[k + 1] : "";

		/* (None of them starts with another letter.) */
		if (strchr("cisha", a[0]) == NULL)
			continue;
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
			t->strings.data[k] =
			    (char)ascii_lower(t->strings.data[k]);
		}
		n->len = (uint32_t)(t->strings.len - from);
		n->names = htmltree_intern(t, from);
		n->str = t->names[n->names - 1];
	}
	b->cur = i;
	return true;
}

/* Closes the element open last. */
static void
htmltree_close(struct htmltree_build *b)
{
	const struct htmltree_open *o = &b->open[b->nopen - 1];

	if (b->meta != NULL)
		htmlmeta_end(b->meta, o->tag == HTMLTREE_TAG_OTHER ?
		    b->names.data + o->name : htmltree_names[o->tag -
		    HTMLTREE_TAG_a]);
	if (b->nopen <= HTMLTREE_MAX_DEPTH && b->cur != 0)
		b->cur = b->t->nodes[b->cur].parent;
	b->names.len = o->name;
	b->nopen--;
}

/* Opens an element the markup leaves implied. */
static void
htmltree_imply(struct htmltree_build *b, uint16_t tag)
{
	htmltree_open(b, tag, htmltree_names[tag - HTMLTREE_TAG_a], NULL);
}

/* Closes the open elements a start tag TAG ends. */
static void
htmltree_close_for(struct htmltree_build *b, uint16_t tag)
{
	while (b->nopen > 0 &&
	    htmltree_closes_on_start(b->open[b->nopen - 1].tag, tag))
		htmltree_close(b);
}

/* Opens the <html>, <head> or <body> that a start tag TAG implies. */
static void
htmltree_imply_for(struct htmltree_build *b, uint16_t tag)
{
	if (tag == HTMLTREE_TAG_html)
		return;
	if (b->nopen == 0)
		htmltree_imply(b, HTMLTREE_TAG_html);
	if (tag == HTMLTREE_TAG_body || tag == HTMLTREE_TAG_head)
		return;
	if (b->nopen <= 1 && (tag == HTMLTREE_TAG_script ||
	    tag == HTMLTREE_TAG_style || tag == HTMLTREE_TAG_meta ||
	    tag == HTMLTREE_TAG_link || tag == HTMLTREE_TAG_title ||
	    tag == HTMLTREE_TAG_base)) {
		if (b->seen < HTMLTREE_SEEN_HEAD)
			htmltree_imply(b, HTMLTREE_TAG_head);
	} else if (tag != HTMLTREE_TAG_noframes && tag != HTMLTREE_TAG_frame &&
	    tag != HTMLTREE_TAG_frameset && b->seen < HTMLTREE_SEEN_BODY &&
	    !htmltree_in_open(b, HTMLTREE_TAG_body) &&
	    !htmltree_in_open(b, HTMLTREE_TAG_head))
		htmltree_imply(b, HTMLTREE_TAG_body);
}

static void
htmltree_start(struct htmltree_build *b, const char *name,
    const char *const *atts, bool self_closing)
{
	uint16_t tag = htmltree_tag(name);

	htmltree_close_for(b, tag);
	htmltree_imply_for(b, tag);
	/* A second <html>, a <head> anywhere but in <html>, a <body> in a
	 * <body>: their tags are dropped, and then their end tags. */
	if ((tag == HTMLTREE_TAG_html && b->nopen > 0) ||
	    (tag == HTMLTREE_TAG_head && b->nopen != 1) ||
	    (tag == HTMLTREE_TAG_body &&
	    htmltree_in_open(b, HTMLTREE_TAG_body))) {
		b->dropped++;
		return;
	}
	if (htmltree_open(b, tag, name, atts) &&
	    (self_closing || htmltree_is_void(tag)))
		htmltree_close(b);
}

static void
htmltree_end(struct htmltree_build *b, const char *name)
{
	uint16_t tag = htmltree_tag(name);
	int priority = htmltree_end_priority(tag);
	size_t i;

	if (b->dropped > 0 && (tag == HTMLTREE_TAG_html ||
	    tag == HTMLTREE_TAG_body || tag == HTMLTREE_TAG_head)) {
		b->dropped--;
		return;
	}
	for (i = b->nopen; i > 0 && !htmltree_open_is(b, i - 1, tag, name);
	    i--) {
		if (htmltree_end_priority(b->open[i - 1].tag) > priority)
			return;	/* outranked: the end tag is dropped */
	}
	if (i == 0)
		return;
	while (b->nopen >= i)
		htmltree_close(b);
}

/* Text into the element open last (a DOM's one text node for text
 * that comes in pieces), and to htmlmeta. */
static void
htmltree_text(struct htmltree_build *b, const char *s, size_t len)
{
	struct htmltree *t = b->t;
	uint32_t last;
	size_t i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'); i++)
		;
	/* Prose straight in <html> or <head> is in a <p> of the body. */
	if (i < len && (b->nopen == 0 ||
	    b->open[b->nopen - 1].tag == HTMLTREE_TAG_html ||
	    b->open[b->nopen - 1].tag == HTMLTREE_TAG_head)) {
		htmltree_start(b, "p", NULL, false);
	}
	if (b->meta != NULL)
		htmlmeta_text(b->meta, s, len);
	if (b->nopen > HTMLTREE_MAX_DEPTH || b->cur == 0 || len == 0)
		return;
	last = t->nodes[b->cur].last;
	if (last == 0 || t->nodes[last].tag != HTMLTREE_TAG_TEXT ||
	    t->nodes[last].str + t->nodes[last].len != t->strings.len)
		last = htmltree_add(t, b->cur, HTMLTREE_TAG_TEXT);
	strbuf_add(&t->strings, s, len);
	t->nodes[last].len += (uint32_t)len;
}

int
htmltree_parse(struct htmltree *t, const char *utf8, size_t len,
    struct htmlmeta *meta)
{
	struct htmltree_build b;
	struct htmltok z;
	enum htmltok_kind kind;

	memset(t, 0, sizeof *t);
	memset(&b, 0, sizeof b);
	b.t = t;
	b.meta = meta;
	htmltree_add(t, 0, HTMLTREE_TAG_OTHER);	/* the document */
	/* Text and names take less than the markup they come from. */
	strbuf_grow(&t->strings, len);
	strbuf_addch(&t->strings, '\0');
	htmltok_init(&z, utf8, len);
	while ((kind = htmltok_next(&z)) != HTMLTOK_EOF) {
		switch (kind) {
		case HTMLTOK_START:
			htmltree_start(&b, z.name, z.atts, z.self_closing);
			break;
		case HTMLTOK_END:
			htmltree_end(&b, z.name);
			break;
		case HTMLTOK_TEXT:
			htmltree_text(&b, z.text, z.len);
			break;
		case HTMLTOK_RAW:
			/* A script's body: htmlmeta's only (JSON-LD). */
			if (meta != NULL)
				htmlmeta_text(meta, z.text, z.len);
			break;
		case HTMLTOK_EOF:
			break;
		}
	}
	while (b.nopen > 0)
		htmltree_close(&b);
	htmltok_free(&z);
	free(b.open);
	strbuf_free(&b.names);
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
