/*
 * article: the middle pane.  Wraps the current document by display width
 * into runs, rebuilt when the document, the reader's generation (filter,
 * tags) or the width changes, and draws only the lines on screen.  The
 * pane owns its lines and scroll position (article_free).
 */
#ifndef PARALLAX_UI_ARTICLE_H
#define PARALLAX_UI_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "curses.h"
#include "listpos.h"

struct reader;

#define ARTICLE_TITLE ((size_t)-2)
#define ARTICLE_DATELINE ((size_t)-3)
#define ARTICLE_BYLINE ((size_t)-4)	/* outlet, date, author */
#define ARTICLE_URL ((size_t)-5)

/* One stretch of a sentence drawn on one line of the article. */
struct article_run {
	size_t sentence;	/* index, or ARTICLE_TITLE ... ARTICLE_URL */
	size_t start, end;	/* bytes of the sentence (or title) */
	int col;
};

/* The current article wrapped to the pane's width. */
struct article_lines {
	struct article_run *runs;
	size_t nruns;
	size_t *first;		/* first run of each line; nlines + 1 entries */
	size_t nlines;
	size_t *sentence_line;	/* first line of each sentence, NONE if hidden */
	size_t *sentence_last;	/* last line of each sentence */
	size_t nsentences;
	char *byline;		/* ARTICLE_BYLINE's text, or NULL */
	int width;
};

struct article {
	struct article_lines lines;
	size_t doc;		/* the document wrapped, or NONE */
	size_t generation;	/* the reader's when it was wrapped */
	size_t followed;	/* the reader's selections when last followed */
	struct listpos view;	/* top: the first line shown */
	int width, height;	/* set by the layout */
};

/* An empty pane: it wraps on its first sync. */
void article_init(struct article *a);
void article_free(struct article *a);

/* Wraps the reader's document when stale, and scrolls to its selected
 * sentence when that changed. */
void article_sync(struct article *a, const struct reader *r);

void article_draw(const struct article *a, const struct reader *r,
    WINDOW *win);

/* Moves the selection DELTA shown sentences; returns the dirty flags. */
int article_move(struct article *a, struct reader *r, int delta);

/* Scrolls DELTA lines, keeping the selection; returns the dirty flags. */
int article_scroll(struct article *a, const struct reader *r, long delta);

/* Lines a page move scrolls: the pane's height less one kept in view. */
size_t article_page_lines(const struct article *a);

/*
 * Page moves scroll LINES and move the selection as many lines, to the
 * sentence starting there (the next one down, the one before up), as
 * vim's Ctrl-D and Ctrl-F do; first/last scroll to an end and select the
 * sentence there.
 */
int article_page(struct article *a, struct reader *r, long lines);
int article_end(struct article *a, struct reader *r, int which);

/* The sentence drawn at (Y, X) of the pane, or (size_t)-1. */
size_t article_sentence_at(const struct article *a, int y, int x);

#endif
