/* sourcelist: the sources, one row each, drawn virtually. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "document.h"
#include "paint.h"
#include "reader.h"
#include "sourcelist.h"
#include "story.h"

void
sourcelist_init(struct sourcelist *sl)
{
	sl->pos.top = sl->pos.sel = 0;
	sl->doc = sl->generation = NONE;
}

void
sourcelist_sync(struct sourcelist *sl, const struct reader *r)
{
	sl->pos.sel = r->at;
	if (sl->doc == r->doc && sl->generation == r->generation) {
		listpos_scroll(&sl->pos, r->norder, sl->height, 0);
		return;
	}
	listpos_clamp(&sl->pos, r->norder, sl->height);
	sl->doc = r->doc;
	sl->generation = r->generation;
}

/* The least width a name keeps beside the date. */
#define SOURCELIST_NAME_MIN 8

/*
 * The source's day beside its name, as much of it as ROOM allows the
 * name SOURCELIST_NAME_MIN columns: " 2026-12-05", else " 12-05", else
 * nothing.  Writes it into BUF (16 bytes); returns its width.
 */
static int
sourcelist_date(const char *iso, int room, char *buf)
{
	if (iso == NULL || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	if (room - 11 >= SOURCELIST_NAME_MIN)
		snprintf(buf, 16, " %.10s", iso);
	else if (room - 6 >= SOURCELIST_NAME_MIN)
		snprintf(buf, 16, " %.5s", iso + 5);
	else
		return 0;
	return (int)strlen(buf);
}

void
sourcelist_draw(const struct sourcelist *sl, const struct reader *r,
    const bool *read, WINDOW *win)
{
	const char *name;
	char count[32], date[16];
	size_t i, doc;
	int y, h, w, cw, dw;
	attr_t a;

	getmaxyx(win, h, w);
	werase(win);
	for (y = 0; y < h; y++) {
		i = sl->pos.top + (size_t)y;
		if (i >= r->norder)
			break;
		doc = r->order[i];
		a = A_NORMAL;
		if (doc == r->doc)
			a = r->focus == PANE_SOURCES ? A_REVERSE : A_BOLD;
		else if (read != NULL && read[doc])
			a = A_DIM;
		paint_fill(win, y, 0, w, a);
		if (doc == r->doc) {
			wattrset(win, a);
			mvwaddstr(win, y, 0, paint_glyph(GLYPH_MARKER));
		}
		snprintf(count, sizeof count, " %zu", r->claim_counts[doc]);
		cw = (int)strlen(count);
		if (cw > w - 4)
			cw = 0;
		dw = sourcelist_date(r->story->docs[doc]->date, w - 2 - cw,
		    date);
		name = reader_source_name(r, doc);
		paint_text_clip(win, y, 2, name, strlen(name), w - 2 - cw - dw,
		    a);
		if (dw > 0)
			paint_text(win, y, w - cw - dw, date, (size_t)dw, dw,
			    a | A_DIM);
		if (cw > 0)
			paint_text(win, y, w - cw, count, (size_t)cw, cw, a);
	}
}

int
sourcelist_move(struct sourcelist *sl, struct reader *r, long delta)
{
	struct listpos to = sl->pos;

	if (r->norder == 0)
		return 0;
	listpos_move(&to, r->norder, sl->height, delta);
	if (r->order[to.sel] == r->doc)
		return 0;
	return reader_switch(r, r->order[to.sel]);
}

int
sourcelist_scroll(struct sourcelist *sl, const struct reader *r, long delta)
{
	listpos_scroll(&sl->pos, r->norder, sl->height, delta);
	return DIRTY_SOURCES;
}

size_t
sourcelist_doc_at(const struct sourcelist *sl, const struct reader *r, int y)
{
	size_t i = sl->pos.top + (size_t)y;

	return y >= 0 && i < r->norder ? r->order[i] : NONE;
}
