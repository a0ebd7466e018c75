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

void
sourcelist_draw(const struct sourcelist *sl, const struct reader *r,
    WINDOW *win)
{
	const char *name;
	char count[32];
	size_t i, doc;
	int y, h, w, cw;
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
		paint_fill(win, y, 0, w, a);
		if (doc == r->doc) {
			wattrset(win, a);
			mvwaddstr(win, y, 0, paint_glyph(GLYPH_MARKER));
		}
		snprintf(count, sizeof count, " %zu", r->claim_counts[doc]);
		cw = (int)strlen(count);
		if (cw > w - 4)
			cw = 0;
		name = reader_source_name(r, doc);
		paint_text_clip(win, y, 2, name, strlen(name), w - 2 - cw, a);
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
