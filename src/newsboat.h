/*
 * newsboat: newsboat's SQLite cache (cache.db), each item a source.
 *
 * The cache is opened read only (SQLITE_OPEN_READONLY): nothing is ever
 * written, newsboat's own lock file is left alone, and a database busy
 * with newsboat's writes is waited for a little (busy timeout) before it
 * is given up on with a message.  rss_feed.title is the outlet (else the
 * feed's link or URL, as newsboat shows it); rss_item gives each item's
 * title, url, author, pubDate (seconds since the epoch: ISO 8601 in UTC)
 * and content (an HTML fragment, html.h).  Items deleted in newsboat are
 * left out; the rest come feed by feed, each feed's items oldest first.
 * Safe to call from several threads at once.
 */
#ifndef PARALLAX_NEWSBOAT_H
#define PARALLAX_NEWSBOAT_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"

/* Whether BUF (the first bytes of a file) is a SQLite database's. */
bool newsboat_sniff(const char *buf, size_t len);

/*
 * Reads the cache at PATH: each item's document (named "PATH#ID", ID its
 * rss_item id) to ON_DOCUMENT, each failure as one line to ON_WARNING
 * ("PATH: why" for the cache, "PATH#ID: why" for an item).  Returns how
 * many documents it gave.
 */
size_t newsboat_read(const char *path, input_document_fn on_document,
    input_warning_fn on_warning, void *ctx);

#endif
