/*
 * feed: RSS 2.0, RSS 1.0 (RDF) and Atom documents, each item a source.
 *
 * The feed's title is every item's outlet; an item's title, link, date
 * (pubDate, dc:date, published, updated: normalised by date.h), author and
 * text (content:encoded, Atom content, else description or summary, read
 * as an HTML fragment by html.h) make its document.  The XML is parsed safely: no network, no
 * DTD loaded, no entity but the predefined ones and character references
 * (a feed that declares entities is refused), libxml2's bounds on depth
 * and text size.  Safe to call from several threads at once.
 */
#ifndef PARALLAX_FEED_H
#define PARALLAX_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"

/* Whether BUF's root element is a feed's (rss, rdf:RDF, feed): a cheap
 * look at the first bytes, before any parse. */
bool feed_sniff(const char *buf, size_t len);

/*
 * Parses the feed in BUF (named NAME in messages and in its documents'
 * paths, "NAME#3" for the third item) and gives each item's document to
 * ON_DOCUMENT in the feed's order.  A broken feed is one warning
 * "NAME:LINE:COL: why", an item that gives no source one "NAME#N: why".
 * Returns how many documents it gave.
 */
size_t feed_read(const char *name, const char *buf, size_t len,
    input_document_fn on_document, input_warning_fn on_warning, void *ctx);

/*
 * An item as a document named NAME: D holds its metadata (the caller
 * frees it after), CONTENT (or NULL) its text, read as an HTML fragment
 * (html.h) unless PLAIN.  Returns as document_from_draft.  The newsboat
 * cache's items are made the same way.
 */
struct draft;
int feed_item_document(const char *name, struct draft *d, const char *content,
    bool plain, struct document **out, char **cause);

#endif
