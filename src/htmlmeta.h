/*
 * htmlmeta: what a parsed HTML page says about itself: JSON-LD
 * NewsArticle/Article (headline, datePublished, author, publisher.name,
 * url, articleBody), Open Graph and article: meta tags, other common meta
 * names, <link rel=canonical>, <time datetime> and <title>.  It fills a
 * draft's title, outlet (site name, else publisher, else the domain),
 * date (ISO 8601), author and url where they are still empty.
 *
 * It reads the libxml2 tree and changes nothing in it; the article body
 * it may return belongs to the caller.
 */
#ifndef PARALLAX_HTMLMETA_H
#define PARALLAX_HTMLMETA_H

#include <libxml/HTMLtree.h>

struct draft;

/* Deepest element the walks look at: deeper ones are skipped, so a page
 * nested 100,000 deep costs no stack. */
#define HTMLMETA_MAX_DEPTH 256

/*
 * Fills D's metadata from DOC.  Returns the JSON-LD articleBody as
 * allocated UTF-8 (not sanitised) when the page has one, else NULL.
 */
char *htmlmeta_read(xmlDocPtr doc, struct draft *d);

/* Whether NODE is an element named NAME (lower case). */
int htmlmeta_is(const xmlNode *node, const char *name);

/* NODE's attribute NAME as a string it owns, or NULL: the caller frees
 * it with xmlFree. */
char *htmlmeta_attr(const xmlNode *node, const char *name);

#endif
