/*
 * savedarticle: an article saved from newsboat (its `s` key): a header of
 * "Feed:", "Title:", "Author:", "Date:", "Link:" (and "Flags:", "Podcast
 * Download URL:") lines, a blank line (newsboat writes one space), the
 * text hard-wrapped with a numbered marker after each link's text ("said
 * on Saturday[1]", "[image 3]"), and a closing "Links:" list of the URLs
 * the markers number.  The header is the document's metadata, not its
 * body; the markers and the links list are dropped.
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

/*
 * The body TEXT[BODY, END) of a saved article without the markers of the
 * links listed in TEXT[END, LEN) (savedarticle_read's body and end): an
 * allocated copy the caller frees, *OUTLEN bytes (NUL-terminated).  Only
 * markers whose numbers the list holds go, so a text without a list
 * keeps its brackets.
 */
char *savedarticle_unmark(const char *text, size_t body, size_t end,
    size_t len, size_t *outlen);

#endif
