/* sourcelist: the sources, one row each, drawn virtually. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "document.h"
#include "paint.h"
#include "reader.h"
#include "sourcelist.h"
#include "story.h"

const char *
sourcelist_name(const struct reader *r, size_t doc)
{
	const struct document *d = r->story->docs[doc];

	if (d->outlet != NULL && *d->outlet != '\0')
		return d->outlet;
	return d->path != NULL ? d->path : "?";
}

void
sourcelist_draw(struct reader *r, WINDOW *win)
{
	const char *name;
	char count[32];
	size_t i, doc;
	int y, h, w, cw;
	attr_t a;

	getmaxyx(win, h, w);
	werase(win);
	listpos_scroll(&r->sources, r->norder, (size_t)h, 0);
	for (y = 0; y < h; y++) {
		i = r->sources.top + (size_t)y;
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
		name = sourcelist_name(r, doc);
		paint_text_clip(win, y, 2, name, strlen(name), w - 2 - cw, a);
		if (cw > 0)
			paint_text(win, y, w - cw, count, (size_t)cw, cw, a);
	}
}

int
sourcelist_move(struct reader *r, long delta)
{
	struct listpos to = r->sources;

	if (r->norder == 0)
		return 0;
	/* Opening the source moves the list's selection there. */
	listpos_move(&to, r->norder, (size_t)r->pane[PANE_SOURCES].h, delta);
	if (r->order[to.sel] == r->doc)
		return 0;
	return reader_switch(r, r->order[to.sel]);
}
