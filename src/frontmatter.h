/*
 * frontmatter: the YAML metadata between "---" lines at the top of a
 * source.  It sets a document's outlet, title, url, date and author and
 * keeps every other key, in order, in `extra`; values are sanitised text
 * on one line (a list becomes "a, b").  The strings it sets belong to the
 * document.
 */
#ifndef PARALLAX_FRONTMATTER_H
#define PARALLAX_FRONTMATTER_H

#include <stddef.h>

struct document;

/*
 * Reads the front matter at the top of TEXT (sanitised, see text.h), if
 * any, into DOC.  Returns the offset where the body starts (0 when there
 * is none), or (size_t)-1 with *cause set to "NAME:LINE:COL: message".
 */
size_t frontmatter_read(struct document *doc, const char *name,
    const char *text, size_t len, char **cause);

/*
 * Plain front matter's keys and values go in one block, doc->strings,
 * which document_free frees whole.  Frees S, one of DOC's strings (a
 * field or a key or value of its own), unless it lies in that block.
 */
void frontmatter_free_string(struct document *doc, char *s);

#endif
