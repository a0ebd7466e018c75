/* overlay_timeline: sources by publication time, the claim's first and
 * followers. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "outlets.h"
#include "overlay_timeline.h"
#include "paint.h"
#include "spread.h"
#include "story.h"
#include "strbuf.h"
#include "timeline.h"
#include "xalloc.h"

/* Widest name column, the delay column, the width of a time label. */
#define TIMELINE_NAME_MAX 22
#define TIMELINE_DELAY 9
#define TIMELINE_LABEL 5
#define TIMELINE_DAY (24 * 3600)

static const struct action_hint overlay_timeline_hints[] = {
	{ ACTION_SELECT, "opens" },
};

struct overlay_timeline {
	struct timeline *tl;
	size_t claim;		/* the current claim, or NONE */
	size_t *rows;		/* documents: placed by time, then the rest */
	size_t nplaced;		/* rows before the "not placed" heading */
	size_t nrows;		/* with that heading, when there is one */
};

/* A placed source, sorted by time, then by its order. */
struct overlay_timeline_place {
	int64_t at;
	size_t doc;
};

static int
overlay_timeline_cmp(const void *a, const void *b)
{
	const struct overlay_timeline_place *pa = a, *pb = b;

	if (pa->at != pb->at)
		return pa->at < pb->at ? -1 : 1;
	return pa->doc < pb->doc ? -1 : pa->doc > pb->doc;
}

static int
overlay_timeline_open(struct overlay *o, struct reader *r, const void *arg)
{
	struct overlay_timeline *t = xcalloc(1, sizeof *t);
	struct overlay_timeline_place *placed;
	struct story *s = r->story;
	size_t d, n = 0;

	(void)arg;
	t->tl = timeline_build(s->docs, s->ndocs, s->claims);
	t->claim = reader_current_claim(r);
	t->rows = xreallocarray(NULL, s->ndocs + 1, sizeof *t->rows);
	placed = xreallocarray(NULL, s->ndocs + 1, sizeof *placed);
	for (d = 0; d < s->ndocs; d++)
		if (t->tl->when[d] == TIMELINE_PLACED) {
			placed[n].at = t->tl->at[d];
			placed[n++].doc = d;
		}
	qsort(placed, n, sizeof *placed, overlay_timeline_cmp);
	for (d = 0; d < n; d++)
		t->rows[d] = placed[d].doc;
	free(placed);
	t->nplaced = n;
	for (d = 0; d < s->ndocs; d++)
		if (t->tl->when[d] != TIMELINE_PLACED)
			t->rows[n++] = d;
	t->nrows = n + (n > t->nplaced);
	o->state = t;
	for (d = 0; d < n; d++)
		if (t->rows[d] == r->doc)
			o->pos.sel = d + (d >= t->nplaced);
	return 0;
}

static size_t
overlay_timeline_rows(const struct overlay *o, const struct reader *r)
{
	const struct overlay_timeline *t = o->state;

	(void)r;
	return t->nrows;
}

/* The document of row I, or NONE for the heading of the unplaced. */
static size_t
overlay_timeline_doc(const struct overlay_timeline *t, size_t i)
{
	if (i < t->nplaced)
		return t->rows[i];
	if (i == t->nplaced)
		return NONE;
	return t->rows[i - 1];
}

static int
overlay_timeline_key(struct overlay *o, struct reader *r, enum action a)
{
	size_t doc;

	if (a != ACTION_SELECT ||
	    (doc = overlay_timeline_doc(o->state, o->pos.sel)) == NONE)
		return 0;
	if (r->filter != NONE)
		reader_set_filter(r, NONE);
	r->focus = PANE_ARTICLE;
	return REACT_CLOSE | DIRTY_ALL | reader_switch(r, doc);
}

/* Where on the axis [X0, X0 + AW) time AT falls. */
static int
overlay_timeline_x(const struct timeline *tl, int64_t at, int x0, int aw)
{
	int64_t span = tl->end - tl->start;

	if (span <= 0 || aw <= 1)
		return x0 + aw / 2;
	return x0 + (int)((at - tl->start) * (aw - 1) / span);
}

/* A time label: the hour within a day and a half, else the date. */
static void
overlay_timeline_label(const struct timeline *tl, int64_t at, char *buf,
    size_t size)
{
	char iso[32];

	timeline_format(at, iso, sizeof iso);
	if (tl->end - tl->start <= TIMELINE_DAY * 3 / 2)
		snprintf(buf, size, "%.5s", iso + 11);
	else
		snprintf(buf, size, "%.5s", iso + 5);
}

/* The time labels and the ruler under them. */
static void
overlay_timeline_axis(const struct timeline *tl, WINDOW *win, int x0,
    int aw)
{
	char label[16];
	int ticks = aw / (TIMELINE_LABEL * 3), i, x;
	int64_t at;

	if (ticks < 1)
		ticks = 1;
	wattrset(win, A_DIM);
	for (x = x0; x < x0 + aw; x++)
		mvwaddstr(win, 2, x, "-");
	for (i = 0; i <= ticks; i++) {
		at = tl->start + (tl->end - tl->start) * i / ticks;
		x = overlay_timeline_x(tl, at, x0, aw);
		overlay_timeline_label(tl, at, label, sizeof label);
		wattrset(win, A_DIM);
		mvwaddstr(win, 2, x, "|");
		if (x - x0 > aw - TIMELINE_LABEL)
			x = x0 + aw - TIMELINE_LABEL;
		paint_text(win, 1, x, label, strlen(label), TIMELINE_LABEL,
		    A_BOLD);
		if (tl->start == tl->end)
			break;
	}
	wattrset(win, A_NORMAL);
}

/* The delay column of DOC for the claim: "first", "+1h 05m" or "". */
static void
overlay_timeline_delay(const struct overlay_timeline *t,
    const struct reader *r, size_t doc, char *buf, size_t size)
{
	const struct claim *c;
	size_t k;

	buf[0] = '\0';
	if (t->claim == NONE || r->story->claims == NULL)
		return;
	c = &r->story->claims->items[t->claim];
	for (k = 0; k < c->ndocs; k++) {
		if (c->docs[k] != doc)
			continue;
		if (t->tl->when[doc] != TIMELINE_PLACED)
			snprintf(buf, size, "carries");
		else if (t->tl->claims[t->claim].first == doc)
			snprintf(buf, size, "first");
		else
			timeline_delay(t->tl->claims[t->claim].delays[k], buf,
			    size);
		return;
	}
}

static void
overlay_timeline_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_timeline *t = o->state;
	const struct spread *sp = story_spread(r->story);
	const struct document *doc;
	const struct outlet *p;
	const char *name, *why;
	char delay[32];
	size_t i, d, first = NONE;
	int y, nw = w / 4 < TIMELINE_NAME_MAX ? w / 4 : TIMELINE_NAME_MAX;
	int x0 = 1 + nw + 1 + TIMELINE_DELAY + 1, aw = w + 1 - x0, x, fx;
	attr_t a;

	if (t->claim != NONE && t->tl->claims != NULL)
		first = t->tl->claims[t->claim].first;
	if (t->nplaced > 0 && aw > 2)
		overlay_timeline_axis(t->tl, win, x0, aw);
	for (y = 0; y < h; y++) {
		i = o->pos.top + (size_t)y;
		if (i >= t->nrows)
			break;
		a = i == o->pos.sel ? A_REVERSE : A_NORMAL;
		paint_fill(win, y + 3, 1, w, a);
		if ((d = overlay_timeline_doc(t, i)) == NONE) {
			why = "not placed in time (no time of day or zone):";
			paint_text_clip(win, y + 3, 1, why, strlen(why), w,
			    a | A_BOLD);
			continue;
		}
		doc = r->story->docs[d];
		p = sp->profiles[d];
		name = reader_source_name(r, d);
		paint_text_clip(win, y + 3, 1, name, strlen(name), nw,
		    a | (d == r->doc ? A_BOLD : 0) |
		    paint_leaning_attr(sp->outlets, p != NULL ? p->leaning :
		    OUTLET_UNRATED));
		overlay_timeline_delay(t, r, d, delay, sizeof delay);
		paint_text(win, y + 3, 2 + nw, delay, strlen(delay),
		    TIMELINE_DELAY, a | A_BOLD);
		if (i >= t->nplaced) {
			why = timeline_reason(t->tl->when[d]);
			x = paint_text(win, y + 3, x0, why, strlen(why),
			    aw, a | A_DIM);
			if (doc->date != NULL && x + 2 < aw)
				paint_text_clip(win, y + 3, x0 + x + 1,
				    doc->date, strlen(doc->date),
				    aw - x - 1, a | A_DIM);
			continue;
		}
		if (aw <= 2)
			continue;
		x = overlay_timeline_x(t->tl, t->tl->at[d], x0, aw);
		/* A follower's line back to who had the claim first. */
		if (first != NONE && delay[0] == '+') {
			fx = overlay_timeline_x(t->tl, t->tl->at[first], x0,
			    aw);
			wattrset(win, a | A_DIM);
			for (; fx < x; fx++)
				mvwaddstr(win, y + 3, fx, "-");
		}
		if (t->claim == NONE || delay[0] != '\0')
			paint_leaning_mark(win, y + 3, x, sp->outlets,
			    p != NULL ? p->leaning : OUTLET_UNRATED, a);
		else {
			wattrset(win, a | A_DIM);
			mvwaddstr(win, y + 3, x, paint_glyph(GLYPH_EMPTY));
		}
		wattrset(win, A_NORMAL);
	}
}

static void
overlay_timeline_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_timeline *t = o->state;
	char from[32], to[32];

	strbuf_addf(sb, "Timeline: %zu of %zu sources placed", t->nplaced,
	    r->story->ndocs);
	if (t->nplaced > 0) {
		timeline_format(t->tl->start, from, sizeof from);
		timeline_format(t->tl->end, to, sizeof to);
		/* The end's day only when it is another. */
		strbuf_addf(sb, ", %.10s %.5s to %.*s%s%.5s UTC", from,
		    from + 11, strncmp(from, to, 10) != 0 ? 10 : 0, to,
		    strncmp(from, to, 10) != 0 ? " " : "", to + 11);
	}
	if (t->claim != NONE)
		strbuf_addf(sb, ", claim %zu", t->claim);
}

static void
overlay_timeline_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_timeline *t = o->state;

	(void)r;
	OVERLAY_HINTS(sb, overlay_timeline_hints);
	if (t->claim != NONE)
		strbuf_addf(sb, " %s +time: after the first to carry the "
		    "claim", paint_glyph(GLYPH_DOT));
}

static void
overlay_timeline_release(void *state)
{
	struct overlay_timeline *t = state;

	timeline_free(t->tl);
	free(t->rows);
	free(t);
}

const struct overlay_kind overlay_timeline_kind = {
	.name = "timeline",
	.selects = true,
	.head = 2,
	.open = overlay_timeline_open,
	.rows = overlay_timeline_rows,
	.key = overlay_timeline_key,
	.draw = overlay_timeline_draw,
	.title = overlay_timeline_title,
	.footer = overlay_timeline_footer,
	.release = overlay_timeline_release,
};
