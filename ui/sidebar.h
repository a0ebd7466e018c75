/*
 * sidebar: the claim pane.  The current source's claims grouped under the
 * taxonomy's topics (subtopics under their parents), each with a coverage
 * badge and its text on up to two lines, those only this source carries
 * folded away on request; tagged sentences stand in when the story has no
 * claims; boilerplate is never listed.  The pane
 * owns its rows and position (sidebar_free) and rebuilds them when the
 * reader's document or generation changes.
 */
#ifndef PARALLAX_UI_SIDEBAR_H
#define PARALLAX_UI_SIDEBAR_H

#include <stdbool.h>
#include <stddef.h>

#include "curses.h"
#include "document.h"
#include "listpos.h"

struct reader;

/*
 * A row of the claim sidebar: a topic header, a claim, the second line of
 * a claim's text (MORE: the claim's row is above), or the note of claims
 * folded away (FOLDED, a header of sorts).  Only claim rows are selected.
 */
struct sidebar_row {
	bool header;
	bool more;
	bool folded;
	size_t topic;		/* header: topic index, or NONE for "Other" */
	size_t claim;		/* claim id, or NONE for a tagged sentence */
	size_t sentence;	/* first sentence of this source stating it */
	struct span text;	/* the bytes of it that state the claim: a
				   unit of a cut sentence (claims.h), or all */
	size_t count;		/* header: claims under it */
	int depth;
};

struct sidebar {
	struct sidebar_row *rows;
	size_t nrows, cap;
	struct listpos pos;
	size_t doc;		/* the document the rows are for, or NONE */
	size_t generation;	/* the reader's when they were built */
	size_t followed;	/* the reader's selections when last followed */
	size_t height;		/* rows on screen, set by the layout */
	int width;		/* columns, set by the layout (0: unknown) */
	int built_width;	/* the width the rows were built for */
	bool fold;		/* "only here" claims folded away */
};

void sidebar_init(struct sidebar *sb);
void sidebar_free(struct sidebar *sb);

/*
 * Rebuilds the rows when stale and selects the selected sentence's claim
 * when that changed; tells the reader the claim picked (picked_claim).
 */
void sidebar_sync(struct sidebar *sb, struct reader *r);

/* Selects the row of the reader's selected sentence's claim. */
void sidebar_follow(struct sidebar *sb, struct reader *r);

void sidebar_draw(const struct sidebar *sb, const struct reader *r,
    WINDOW *win);

/* Folds the claims only the current source carries away, or shows them. */
int sidebar_fold(struct sidebar *sb);

/* Moves the selection DELTA claim rows (headers are skipped). */
int sidebar_move(struct sidebar *sb, struct reader *r, long delta);

/* Scrolls DELTA rows without moving the selection (the wheel). */
int sidebar_scroll(struct sidebar *sb, long delta);

/* Selects claim row I (from sidebar_row_at). */
int sidebar_pick_row(struct sidebar *sb, struct reader *r, size_t i);

/* The claim row drawn on row Y of the pane, or (size_t)-1. */
size_t sidebar_row_at(const struct sidebar *sb, int y);

/* The selected row's sentence, or (size_t)-1 on a header or none. */
size_t sidebar_sentence(const struct sidebar *sb);

#endif
