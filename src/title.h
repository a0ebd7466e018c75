/*
 * title: the document's own title where its body says it again, as a
 * page runs it into the body's head (Politico's title under the photo's
 * caption, after a credit's bar; NPR's title over the body; a title the
 * page cut, or whose outlet's name it dropped).  The reader shows the
 * title over the body already, so the line is furniture (which lines are
 * asked is boilerplate.c's say).  Titles are compared by their key: the
 * letters and digits, ASCII folded to lower case, the marks of
 * U+2000-U+206F (quotes, dashes) and all other punctuation and spaces
 * left out.  Nothing is allocated.
 */
#ifndef PARALLAX_TITLE_H
#define PARALLAX_TITLE_H

#include <stdbool.h>
#include <stddef.h>

struct furniture_line;

/* Does the line L repeat TITLE (which may be NULL): all of it; its first
 * two thirds or more, not ending as a sentence does (the page cut it, or
 * the title ends with the outlet's name); all of it after a column's
 * name of a few words; or all of it after a credit's bar, which the
 * standfirst may follow ("| AP Photo Title Standfirst.")? */
bool title_repeated(const struct furniture_line *l, const char *title);

#endif
