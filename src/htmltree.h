/*
 * htmltree: an HTML page or fragment as a compact tree of what extraction
 * reads, built from our tokenizer's tokens (htmltok.h) by libxml2 2.9.14's
 * HTML rules, which extraction was tuned on: a start tag closes the open
 * elements it implies the end of (<p> a <p>, <li> an <li>, <td> a <td>,
 * <div> a <p>...), <html>, <head>, <body> and a <p> around stray text are
 * implied, an end tag closes what is open down to its element unless an
 * element that outranks it (div < td < tr < table < body) is in the way,
 * and void elements (HTML 5's) have no content.  Elements keep their tag
 * (from the table below, else HTMLTREE_TAG_OTHER), their class and id
 * (lower case, one string, each distinct one stored and numbered once)
 * and whether an attribute hides them; text keeps its bytes.  Nodes live
 * in one array, in document order, and strings in one buffer.
 *
 * The bodies of <script> and <style> are never text.  Each element's
 * start and end, and the text and raw bodies (a JSON-LD script's) also
 * go to htmlmeta (htmlmeta.h) as they come.
 *
 * The tree owns its arrays; htmltree_free frees them.
 */
#ifndef PARALLAX_HTMLTREE_H
#define PARALLAX_HTMLTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct htmlmeta;

/* The tags extraction or the tree's building tells apart, in name
 * order (htmltree_tag's search needs it). */
#define HTMLTREE_TAGS(X) \
	X(a) X(abbr) X(acronym) X(address) X(applet) X(area) \
	X(article) X(aside) X(audio) X(b) X(base) X(basefont) X(bdo) \
	X(big) X(blockquote) X(body) X(br) X(button) X(canvas) \
	X(caption) X(center) X(cite) X(code) X(col) X(colgroup) \
	X(datalist) X(dd) X(details) X(dfn) X(dialog) X(dir) X(div) \
	X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption) X(figure) \
	X(font) X(footer) X(form) X(frame) X(frameset) X(h1) X(h2) \
	X(h3) X(h4) X(h5) X(h6) X(head) X(header) X(hgroup) X(hr) \
	X(html) X(i) X(iframe) X(img) X(input) X(isindex) X(kbd) \
	X(keygen) X(label) X(legend) X(li) X(link) X(listing) X(main) \
	X(map) X(math) X(menu) X(meta) X(nav) X(noframes) X(noscript) \
	X(object) X(ol) X(optgroup) X(option) X(p) X(param) X(picture) \
	X(pre) X(q) X(s) X(samp) X(script) X(section) X(select) \
	X(small) X(source) X(span) X(strike) X(strong) X(style) X(sub) \
	X(summary) X(sup) X(svg) X(table) X(tbody) X(td) X(template) \
	X(textarea) X(tfoot) X(th) X(thead) X(time) X(title) X(tr) \
	X(track) X(tt) X(u) X(ul) X(var) X(video) X(wbr) X(xmp)

enum htmltree_tag {
	HTMLTREE_TAG_TEXT,	/* not an element: text */
	HTMLTREE_TAG_OTHER,	/* an element of another name */
#define HTMLTREE_TAG_ENUM(name) HTMLTREE_TAG_##name,
	HTMLTREE_TAGS(HTMLTREE_TAG_ENUM)
#undef HTMLTREE_TAG_ENUM
	HTMLTREE_NTAGS
};

/* Node 0 is the document; 0 as a link is "none". */
struct htmltree_node {
	uint32_t parent;
	uint32_t child;		/* first child */
	uint32_t last;		/* last child */
	uint32_t next;		/* next sibling */
	uint32_t str;		/* text: its bytes; an element: its class and
				 * id, NUL-terminated; in htmltree.strings */
	uint32_t len;
	uint32_t names;		/* an element's class and id: 1 + its
				 * index among the page's distinct ones, 0
				 * when it has neither */
	uint16_t tag;		/* enum htmltree_tag */
	bool hidden;		/* the hidden attribute, aria-hidden="true",
				 * an inline style display:none or
				 * visibility:hidden */
};

struct htmltree {
	struct htmltree_node *nodes;
	size_t n;
	size_t cap;
	struct strbuf strings;
	/* The distinct class-and-id strings (a page repeats a few hundred
	 * over thousands of elements), each stored once: their offsets in
	 * strings, and a hash table of their numbers. */
	uint32_t *names;
	size_t nnames;
	size_t names_cap;
	uint32_t *slots;
	size_t nslots;
};

/* Deepest element kept: deeper ones (and their text) are left out, so
 * a page nested 100,000 deep costs no stack in the walks. */
#define HTMLTREE_MAX_DEPTH 260

/*
 * Parses UTF8[0, LEN) into T (which the caller frees with htmltree_free
 * whatever this returns), telling META (or NULL) what it meets.  Returns
 * 0, or -1 when the input holds no element at all.
 */
int htmltree_parse(struct htmltree *t, const char *utf8, size_t len,
    struct htmlmeta *meta);

void htmltree_free(struct htmltree *t);

/* The <body> element, else the root element; 0 when there is none. */
uint32_t htmltree_body(const struct htmltree *t);

/* Node I's text (a text node) or class and id (an element). */
static inline const char *
htmltree_str(const struct htmltree *t, uint32_t i)
{
	return t->strings.data + t->nodes[i].str;
}

#endif
