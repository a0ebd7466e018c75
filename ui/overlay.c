/* overlay: the frame every overlay kind is drawn and scrolled in. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "overlay.h"
#include "paint.h"
#include "strbuf.h"

size_t
overlay_height(const struct overlay *o)
{
	int h = o->rect.h - 2 - (o->kind != NULL ? o->kind->head : 0);

	return h > 0 ? (size_t)h : 1;
}

static size_t
overlay_rows(const struct overlay *o, const struct reader *r)
{
	return o->kind->rows(o, r);
}

/* Keeps the selection, or the kind's own view of it, on screen. */
static void
overlay_show(struct overlay *o, const struct reader *r)
{
	if (o->kind->show != NULL)
		o->kind->show(o, r, overlay_height(o));
	else if (o->kind->selects)
		listpos_clamp(&o->pos, overlay_rows(o, r), overlay_height(o));
	else
		listpos_scroll(&o->pos, overlay_rows(o, r), overlay_height(o), 0);
}

/* Frees what the open overlay's kind set up for itself. */
static void
overlay_release(struct overlay *o)
{
	if (o->kind != NULL && o->kind->release != NULL)
		o->kind->release(o->state);
	o->state = NULL;
	o->kind = NULL;
}

int
overlay_open(struct overlay *o, struct reader *r,
    const struct overlay_kind *kind, const void *arg)
{
	int dirty;

	overlay_release(o);
	o->kind = kind;
	o->pos.top = o->pos.sel = 0;
	dirty = kind->open(o, r, arg);
	if (dirty < 0) {
		overlay_release(o);
		return DIRTY_ALL;
	}
	overlay_show(o, r);
	return dirty | DIRTY_OVERLAY | DIRTY_STATUS;
}

bool
overlay_is(const struct overlay *o, const struct overlay_kind *kind)
{
	return o->kind != NULL && (kind == NULL || o->kind == kind);
}

int
overlay_close(struct overlay *o)
{
	overlay_release(o);
	return DIRTY_ALL;
}

/* Moves the selection (or the view, for a list that only scrolls). */
static int
overlay_move(struct overlay *o, struct reader *r, long delta)
{
	size_t n = overlay_rows(o, r), h = overlay_height(o);

	if (o->kind->selects)
		listpos_move(&o->pos, n, h, delta);
	else
		listpos_scroll(&o->pos, n, h, delta);
	overlay_show(o, r);
	return DIRTY_OVERLAY;
}

int
overlay_action(struct overlay *o, struct reader *r, enum action a)
{
	long h = (long)overlay_height(o);
	int dirty;

	switch (a) {
	case ACTION_DOWN:
		return overlay_move(o, r, 1);
	case ACTION_UP:
		return overlay_move(o, r, -1);
	case ACTION_PAGE_DOWN:
		return overlay_move(o, r, h);
	case ACTION_PAGE_UP:
		return overlay_move(o, r, -h);
	case ACTION_TOP:
		return overlay_move(o, r, -(long)overlay_rows(o, r));
	case ACTION_BOTTOM:
		return overlay_move(o, r, (long)overlay_rows(o, r));
	case ACTION_CLOSE:
	case ACTION_QUIT:
		return overlay_close(o);
	default:
		dirty = o->kind->key != NULL ? o->kind->key(o, r, a) : 0;
		if (dirty & REACT_CLOSE)
			dirty = (dirty & ~REACT_CLOSE) | overlay_close(o);
		return dirty;
	}
}

int
overlay_mouse(struct overlay *o, struct reader *r, int y, int x, int wheel)
{
	const struct rect *rc = &o->rect;
	int row = y - rc->y - 1 - o->kind->head;

	if (wheel != 0)
		return overlay_move(o, r, wheel * 3);
	if (y < rc->y || y >= rc->y + rc->h || x < rc->x || x >= rc->x + rc->w)
		return overlay_close(o);
	/* A kind that shows rows as several lines takes no clicks. */
	if (!o->kind->selects || o->kind->show != NULL || row < 0)
		return 0;
	if (o->pos.top + (size_t)row < overlay_rows(o, r))
		o->pos.sel = o->pos.top + (size_t)row;
	return DIRTY_OVERLAY;
}

/*
 * " 1-19 of 33 " into SB (reset) when the rows do not all fit, for a
 * person to see that more follows; returns its width, 0 when all fit.
 */
static int
overlay_where(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	size_t n = overlay_rows(o, r), h = overlay_height(o), last;

	strbuf_reset(sb);
	/* A kind that shows rows as several lines says nothing here. */
	if (n <= h || o->kind->show != NULL)
		return 0;
	last = o->pos.top + h < n ? o->pos.top + h : n;
	strbuf_addf(sb, " %zu-%zu of %zu ", o->pos.top + 1, last, n);
	return (int)sb->len;
}

void
overlay_draw(const struct overlay *o, const struct reader *r, WINDOW *win)
{
	struct strbuf title = STRBUF_INIT, footer = STRBUF_INIT;
	int h, w, where;

	if (o->kind == NULL)
		return;
	getmaxyx(win, h, w);
	o->kind->title(o, r, &title);
	o->kind->footer(o, r, &footer);
	werase(win);
	wattrset(win, A_NORMAL);
	box(win, 0, 0);
	if (w > 6 && title.len > 0)
		paint_text_clip(win, 0, 2, title.data, title.len, w - 4, A_BOLD);
	/* Where the rows do not all fit: which show, on the bottom border. */
	where = overlay_where(o, r, &title);
	if (w > 6 + where && h > 2 && footer.len > 0)
		paint_text_clip(win, h - 1, 2, footer.data, footer.len,
		    w - 5 - where, A_DIM);
	if (where > 0 && w > 6 + where && h > 2)
		paint_text(win, h - 1, w - 2 - where, title.data, title.len,
		    where, A_BOLD);
	strbuf_free(&title);
	strbuf_free(&footer);
	h -= 2 + o->kind->head;
	w -= 2;
	if (h >= 1 && w >= 1)
		o->kind->draw(o, r, win, h, w);
}
