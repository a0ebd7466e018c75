/*
 * reader: the story as the person reads it: the sources shown (the topic
 * filter), the current source and sentence, the search, the message and
 * the taxonomy file.  It answers queries about them and knows no pane: each
 * pane (sourcelist, article, sidebar) keeps its own state and rebuilds it
 * from the reader when the reader's generation or document changes.
 * Handlers change the reader and return dirty flags; only tui.c draws.
 * The reader borrows the story and owns every array below (reader_free).
 */
#ifndef PARALLAX_UI_READER_H
#define PARALLAX_UI_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "listpos.h"
#include "taxfile.h"

struct story;
struct tui_config;

#define NONE ((size_t)-1)

/* What a handler asks to be redrawn (htop's reactions). */
#define DIRTY_SOURCES	0x01
#define DIRTY_ARTICLE	0x02
#define DIRTY_SIDEBAR	0x04
#define DIRTY_STATUS	0x08
#define DIRTY_OVERLAY	0x10
#define DIRTY_FRAME	0x20	/* borders and pane titles */
#define DIRTY_LAYOUT	0x40	/* sizes changed: lay out and redraw all */
#define DIRTY_PANES	(DIRTY_SOURCES | DIRTY_ARTICLE | DIRTY_SIDEBAR)
#define DIRTY_ALL	0x7f
#define REACT_QUIT	0x100
#define REACT_RETAGGED	0x1000	/* the story was re-tagged (retag.h) */

enum pane {
	PANE_SOURCES,
	PANE_ARTICLE,
	PANE_CLAIMS,
	PANE_COUNT
};

/* A rectangle of the screen. */
struct rect {
	int y, x, h, w;
};

struct reader {
	struct story *story;
	const struct tui_config *cfg;
	struct taxfile taxfile;	/* the taxonomy file in use */
	bool color;

	/* Sources shown, in list order (all of them, or those in the filter). */
	size_t *order;
	size_t norder;
	size_t *claim_counts;	/* per document */
	size_t *last_sentence;	/* per document: where reading stopped */
	size_t at;		/* the current document's place in order */

	size_t doc;		/* current document */
	size_t sentence;	/* selected sentence, or NONE */
	size_t picked_claim;	/* the claim pane's selected claim, or NONE */
	size_t selections;	/* counts reader_select: each is followed */
	/* Counts changes of what the panes show of a document: the filter,
	 * the tags, the claims.  A pane rebuilds when it differs. */
	size_t generation;

	enum pane focus;
	size_t filter;		/* topic index, or NONE */
	bool *in_filter;	/* per topic: under the filter topic */

	char *query;		/* last search, or NULL */
	char *message;		/* one-line status message, or NULL */
	bool message_error;
	long long message_at;	/* when it was set (CLOCK_MONOTONIC seconds) */
	bool linked;		/* rows and counts show the story's claims */

	int dirty;
};

void reader_init(struct reader *r, struct story *story,
    const struct tui_config *cfg);
void reader_free(struct reader *r);

/* Rebuilds everything derived from the story (after a re-tag). */
void reader_rebuild(struct reader *r);

/* The story's sources were read again (story_reload): its documents are
 * new, so is their number; opens DOC at sentence S where they exist. */
void reader_reloaded(struct reader *r, size_t doc, size_t s);

/* Sets the topic filter (NONE for all) and narrows the source list. */
int reader_set_filter(struct reader *r, size_t topic);

/* Whether sentence S of document DOC is shown under the current filter. */
bool reader_sentence_shown(const struct reader *r, size_t doc, size_t s);

/* Opens document DOC at sentence S (NONE: where reading stopped). */
int reader_open(struct reader *r, size_t doc, size_t s);

/*
 * Switches to document DOC keeping the reading position sensible: the
 * sentence stating the current claim when DOC carries it, else where
 * reading stopped there, else the top.
 */
int reader_switch(struct reader *r, size_t doc);

/* Selects sentence S of the current document (the panes follow it). */
int reader_select(struct reader *r, size_t s);

/* The claim under the cursor: the claim pane's when it has the focus,
 * else the selected sentence's. */
size_t reader_current_claim(const struct reader *r);

/* Sets the status-line message (printf style); ERROR marks it as one. */
int reader_message(struct reader *r, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Seconds a message stays (an error longer) before the line clears. */
#define READER_MESSAGE_SECONDS 6
#define READER_ERROR_SECONDS 12

/* Clears the message once it has been shown long enough at NOW
 * (CLOCK_MONOTONIC seconds); returns the dirty flags. */
int reader_expire_message(struct reader *r, long long now);

/* Says why there is no claim to act on (an error message). */
int reader_no_claim(struct reader *r);

/* The name a source is listed under: its outlet, else its path. */
const char *reader_source_name(const struct reader *r, size_t doc);

/* The first topic of a sentence the reader colours it by, or NONE. */
size_t reader_sentence_topic(const struct reader *r, size_t doc, size_t s);

#endif
