/*
 * htmlmeta: what an HTML page says about itself: JSON-LD
 * NewsArticle/Article (headline, datePublished, author, publisher.name,
 * url, articleBody), Open Graph and article: meta tags, other common meta
 * names, <link rel=canonical>, <time datetime> and <title>.  It fills a
 * draft's title, outlet (site name, else publisher, else the domain),
 * date (ISO 8601), author and url where they are still empty.
 *
 * It is told the page's elements and text in document order, as the
 * parser meets them (htmltree.h does): htmlmeta_init, then
 * htmlmeta_start, htmlmeta_text and htmlmeta_end, then htmlmeta_finish,
 * which fills the draft and frees what the struct holds.  The article
 * body it may return belongs to the caller.
 */
#ifndef PARALLAX_HTMLMETA_H
#define PARALLAX_HTMLMETA_H

#include <stddef.h>

#include "strbuf.h"

struct draft;

/* Deepest element read (the root's depth is 0): deeper ones are
 * skipped. */
#define HTMLMETA_MAX_DEPTH 256

/* What the page has said so far, in each field's order of preference. */
struct htmlmeta {
	struct draft *d;
	char *body;		/* JSON-LD articleBody */
	/* From the meta tags, kept until JSON-LD (preferred) is read. */
	char *og_title, *og_site, *og_url, *title, *canonical;
	char *date, *author, *time;
	char *publisher;	/* JSON-LD publisher.name */
	/* The text of the <title> or JSON-LD script being read. */
	enum { HTMLMETA_NONE, HTMLMETA_TITLE, HTMLMETA_JSONLD } reading;
	struct strbuf text;
};

void htmlmeta_init(struct htmlmeta *m, struct draft *d);

/* An element NAME (lower case) starts, at DEPTH, with the attributes
 * ATTS (name, value pairs, NULL-terminated; a value may be NULL). */
void htmlmeta_start(struct htmlmeta *m, const char *name,
    const char *const *atts, int depth);

/* Text, a script's too. */
void htmlmeta_text(struct htmlmeta *m, const char *s, size_t len);

/* The element NAME ends. */
void htmlmeta_end(struct htmlmeta *m, const char *name);

/*
 * Fills the draft's metadata from what M was told and frees what M
 * holds.  Returns the JSON-LD articleBody as allocated UTF-8 (not
 * sanitised) when the page has one, else NULL.
 */
char *htmlmeta_finish(struct htmlmeta *m);

#endif
