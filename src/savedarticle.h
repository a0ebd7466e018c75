/*
 * savedarticle: an article saved from newsboat (its `s` key): a header of
 * "Feed:", "Title:", "Author:", "Date:", "Link:" (and "Flags:", "Podcast
 * Download URL:") lines, a blank line, the text hard-wrapped, and a
 * closing "Links:" list of the URLs the text pointed to.  The header is
 * the document's metadata, not its body; the links list is dropped.
 */
#ifndef PARALLAX_SAVEDARTICLE_H
#define PARALLAX_SAVEDARTICLE_H

#include <stddef.h>

struct document;

/*
 * When TEXT (sanitised, LEN bytes) begins with newsboat's header, sets
 * DOC's outlet, title, author, date (ISO 8601 when it reads as a date)
 * and url from it (the strings belong to the document), sets *END to
 * where the body ends and returns where it starts.  Otherwise returns 0
 * and sets *END to LEN.
 */
size_t savedarticle_read(struct document *doc, const char *text, size_t len,
    size_t *end);

#endif
