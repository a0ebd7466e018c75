/*
 * boilerplate: site and aggregator clutter in a document's body.
 *
 * "Read more »", "Related News" and the headlines listed under it, tag
 * lines of bare keywords, "This is a developing story", "Please check
 * back", "first appeared on", "More from X:", share and subscribe lines,
 * and the teasers of other stories an aggregator appends.  The phrases
 * are sitephrase's and the lines' shapes furniture's; this decides per
 * paragraph, by where a line stands.  Marking only sets
 * sentence.boilerplate (and sentence.heading); nothing is kept.
 */
#ifndef PARALLAX_BOILERPLATE_H
#define PARALLAX_BOILERPLATE_H

#include <stddef.h>

struct document;

/* Sets `boilerplate` on every clutter sentence of DOC. */
void boilerplate_mark(struct document *doc);

#endif
