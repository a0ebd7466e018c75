/*
 * boilerplate: site and aggregator clutter in a document's body.
 *
 * "Read more »", "Related News" and the headlines listed under it, tag
 * lines of bare keywords, "This is a developing story", "Please check
 * back", "first appeared on", "More from X:", share and subscribe lines,
 * the teasers of other stories an aggregator appends, and the title said
 * again at the body's head.  The phrases are sitephrase's, the lines'
 * shapes furniture's and the title's title.h's; this decides per
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
