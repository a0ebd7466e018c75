/*
 * repeated: the lines an outlet repeats across its sources, site
 * furniture that no pattern names ("USA TODAY", "Pictures (12 images)",
 * a newsletter box, a columnist's bio at the foot of each column).
 *
 * A line is keyed by a hash of its outlet and its text with ASCII case
 * folded, each run of digits as one "0" and each run of spaces as one
 * space; it counts once per source, and once more when it stands at the
 * body's foot (its last two sentences).  A line counted in
 * REPEATED_SOURCES sources or more is furniture when it does not end
 * like a sentence, or when it stands at the foot and stood there in that
 * many sources; a repeated line next to furniture is furniture too (the
 * rest of the box), if it does not end like a sentence or if it is in
 * REPEATED_BOX (5) sources.  A sentence of prose that wire copy repeats
 * in the head or the middle of several bodies is left alone, and one
 * source, or two, can never mark anything.  A heading repeated so is the
 * site's ("USA TODAY" over the story), not the story's.  A link's label is
 * counted apart, as its own line: a paragraph that is a short label, a
 * colon and a headline ("SEE ALSO: House votes for delays ...", "Read:
 * ...") is furniture when the outlet opens such links with that label in
 * REPEATED_SOURCES sources, whatever the headlines.  A widget's line is
 * counted by its first three words as well ("Play Video 1:23 ...", "Share
 * All sharing options for: ...", "Update at 11:50 a.m. ET: ..."): when it
 * does not end like a sentence or introduce something and REPEATED_BOX
 * sources open one so, it is furniture whatever follows.  A headline in a
 * paragraph of its own under a label marked so ("Urgent:", then "Who Is
 * Your Choice for the GOP's 2016 Nominee?") is the label's promotion.
 *
 * Counts do not depend on the order sources come in, so the marks are the
 * same for every -j.  A repeated table owns its slots only; the keys
 * repeated_keys hands out are the caller's to free.
 */
#ifndef PARALLAX_REPEATED_H
#define PARALLAX_REPEATED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct document;

/* How many sources of one outlet make a line furniture. */
#define REPEATED_SOURCES 3

struct repeated;

struct repeated *repeated_new(void);
void repeated_free(struct repeated *rep);

/*
 * The keys DOC adds to the counts, each line once, as an allocated array
 * of *N (NULL when none): made on any thread, given to repeated_add on
 * the one that owns the table.
 */
uint64_t *repeated_keys(const struct document *doc, size_t *n);
void repeated_add(struct repeated *rep, const uint64_t *keys, size_t n);

/* repeated_keys then repeated_add. */
void repeated_count(struct repeated *rep, const struct document *doc);

/*
 * Marks boilerplate the lines of DOC that REP (which DOC should have been
 * counted into) says its outlet repeats.  Returns whether any sentence
 * became boilerplate.  REP is only read: threads may share it.
 */
bool repeated_mark(const struct repeated *rep, struct document *doc);

/*
 * Counts the N documents DOCS among themselves (only those whose outlet
 * has REPEATED_SOURCES of them) and marks them; CHANGED[i] says whether
 * DOCS[i] got a mark.
 */
void repeated_mark_all(struct document **docs, size_t n, bool *changed);

#endif
