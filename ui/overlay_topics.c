/* overlay_topics: the topic tree with each topic's sentence count. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "overlay_topics.h"
#include "paint.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "xalloc.h"

static const struct action_hint overlay_topics_filter_hints[] = {
	{ ACTION_SELECT, "chooses" }, { ACTION_QUIT, "closes" },
};
static const struct action_hint overlay_topics_add_hints[] = {
	{ ACTION_SELECT, "adds it" }, { ACTION_QUIT, "cancels" },
};

/* The keyword being added, or NULL for the filter. */
static const char *
overlay_topics_keyword(const struct overlay *o)
{
	return o->state;
}

/*
 * The rows above the first topic: "All topics" for the filter; none when
 * adding a keyword, which needs a topic (its last row makes a new one).
 */
static size_t
overlay_topics_first(const struct overlay *o)
{
	return overlay_topics_keyword(o) == NULL;
}

static int
overlay_topics_open(struct overlay *o, struct reader *r, const void *arg)
{
	size_t t;

	if (arg == NULL) {
		o->pos.sel = r->filter == NONE ? 0 : r->filter + 1;
		return 0;
	}
	o->state = xstrdup(arg);
	/* Start on the selected sentence's topic, a likely home. */
	t = r->sentence == NONE ? NONE :
	    reader_sentence_topic(r, r->doc, r->sentence);
	if (t != NONE)
		o->pos.sel = t;
	return 0;
}

static size_t
overlay_topics_rows(const struct overlay *o, const struct reader *r)
{
	/* All topics, or (adding a keyword) the row that makes a new one. */
	return r->story->taxonomy->ntopics + 1;
}

size_t
overlay_topics_chosen(const struct overlay *o, const struct reader *r)
{
	size_t first = overlay_topics_first(o);

	if (o->pos.sel + 1 - first > r->story->taxonomy->ntopics)
		return OVERLAY_TOPICS_NEW;
	return o->pos.sel < first ? NONE : o->pos.sel - first;
}

static int
overlay_topics_key(struct overlay *o, struct reader *r, enum action a)
{
	if (a != ACTION_SELECT)
		return 0;
	if (overlay_topics_keyword(o) != NULL) {
		o->choice = overlay_topics_chosen(o, r);
		return REACT_CHOSEN;
	}
	return REACT_CLOSE | DIRTY_ALL |
	    reader_set_filter(r, overlay_topics_chosen(o, r));
}

static void
overlay_topics_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct coverage *cov = story_coverage(r->story);
	const struct topic *topic;
	char count[32];
	size_t i, j, t, total, first = overlay_topics_first(o);
	int y, x, cw;
	attr_t a;

	for (y = 0; y < h; y++) {
		i = o->pos.top + (size_t)y;
		if (i >= overlay_topics_rows(o, r))
			break;
		a = i == o->pos.sel ? A_REVERSE : A_NORMAL;
		paint_fill(win, y + 1, 1, w, a);
		if (i + 1 - first > tax->ntopics) {
			paint_text(win, y + 1, 3, "+ a new topic", 13, w - 3,
			    a | A_BOLD);
			continue;
		}
		if (i < first) {
			paint_text(win, y + 1, 3, "All topics", 10, w - 3, a | A_BOLD);
			t = NONE;
		} else {
			t = i - first;
		}
		if (first != 0 && t == r->filter) {
			wattrset(win, a);
			mvwaddstr(win, y + 1, 1, paint_glyph(GLYPH_MARKER));
		}
		if (t == NONE)
			continue;
		topic = &tax->topics[t];
		for (total = 0, j = 0; j < r->norder; j++)
			total += coverage_count(cov, t, r->order[j]);
		snprintf(count, sizeof count, " %zu", total);
		cw = (int)strlen(count);
		x = 3 + 2 * (int)(topic->depth < 8 ? topic->depth : 8);
		paint_text_clip(win, y + 1, x, topic->label,
		    strlen(topic->label), w - x - cw, a |
		    paint_topic_attr(tax, t));
		paint_text(win, y + 1, w - cw, count, (size_t)cw, cw,
		    total == 0 ? a | A_DIM : a);
	}
}

static void
overlay_topics_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)r;
	if (overlay_topics_keyword(o) != NULL)
		strbuf_addf(sb, "Add \"%.100s\" to which topic?",
		    overlay_topics_keyword(o));
	else
		strbuf_addstr(sb, "Topic filter");
}

static void
overlay_topics_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)r;
	if (overlay_topics_keyword(o) != NULL)
		OVERLAY_HINTS(sb, overlay_topics_add_hints);
	else
		OVERLAY_HINTS(sb, overlay_topics_filter_hints);
}

const struct overlay_kind overlay_topics_kind = {
	.name = "topics",
	.selects = true,
	.open = overlay_topics_open,
	.rows = overlay_topics_rows,
	.key = overlay_topics_key,
	.draw = overlay_topics_draw,
	.title = overlay_topics_title,
	.footer = overlay_topics_footer,
	.release = free,
};
