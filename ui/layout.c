/* layout: one function from the terminal size to every rectangle. */
#include "config.h"

#include <string.h>

#include "document.h"
#include "layout.h"
#include "paint.h"
#include "reader.h"
#include "story.h"

static int
layout_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static WINDOW *
layout_window(WINDOW *old, const struct rect *rc)
{
	if (old != NULL)
		delwin(old);
	/* newwin(0, ...) would mean "to the edge": never ask for it. */
	if (rc->h < 1 || rc->w < 1)
		return NULL;
	return newwin(rc->h, rc->w, rc->y, rc->x);
}

void
layout_apply(struct layout *lay, enum pane *focus)
{
	int W = COLS, H = LINES, sw = 0, cw = 0, aw, ph, x, i;

	lay->cols = W;
	lay->lines = H;
	memset(lay->pane, 0, sizeof lay->pane);
	lay->framed = W >= 20 && H >= 6;
	if (lay->framed) {
		ph = H - 4;
		if (W >= 72) {
			sw = layout_clamp(W * 18 / 100, 14, 26);
			cw = layout_clamp(W * 26 / 100, 20, 44);
		} else if (W >= 44) {
			sw = layout_clamp(W * 20 / 100, 10, 20);
		}
		lay->visible[PANE_SOURCES] = sw > 0;
		lay->visible[PANE_CLAIMS] = cw > 0;
		aw = W - 2 - sw - cw - (sw > 0) - (cw > 0);
		x = 1;
		if (sw > 0) {
			lay->pane[PANE_SOURCES] = (struct rect){ 1, x, ph, sw };
			x += sw + 1;
		}
		lay->pane[PANE_ARTICLE] = (struct rect){ 1, x, ph, aw };
		x += aw + 1;
		if (cw > 0)
			lay->pane[PANE_CLAIMS] = (struct rect){ 1, x, ph, cw };
		lay->status = (struct rect){ H - 2, 1, 1, W - 2 };
	} else {
		lay->visible[PANE_SOURCES] = lay->visible[PANE_CLAIMS] = false;
		lay->pane[PANE_ARTICLE] = (struct rect){ 0, 0, H > 1 ? H - 1 : 1, W };
		lay->status = (struct rect){ H - 1, 0, H > 1 ? 1 : 0, W };
	}
	lay->visible[PANE_ARTICLE] = true;
	if (!lay->visible[*focus])
		*focus = PANE_ARTICLE;
	if (W >= 40 && H >= 12)
		lay->overlay = (struct rect){ 1, 2, H - 3, W - 4 };
	else
		lay->overlay = (struct rect){ 0, 0, H, W };
	for (i = 0; i < PANE_COUNT; i++)
		lay->win[i] = layout_window(lay->win[i], &lay->pane[i]);
	lay->status_win = layout_window(lay->status_win, &lay->status);
	lay->overlay_win = layout_window(lay->overlay_win, &lay->overlay);
}

void
layout_free(struct layout *lay)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (lay->win[i] != NULL)
			delwin(lay->win[i]);
		lay->win[i] = NULL;
	}
	if (lay->status_win != NULL)
		delwin(lay->status_win);
	if (lay->overlay_win != NULL)
		delwin(lay->overlay_win);
	lay->status_win = lay->overlay_win = NULL;
}

/* A pane title in the top border: " Sources ", " Outlet · Title ". */
static void
layout_title(const struct layout *lay, enum pane focus, enum pane p,
    const char *a, const char *b)
{
	const struct rect *rc = &lay->pane[p];
	attr_t attr = focus == p ? A_BOLD | A_REVERSE : A_BOLD;
	int x = rc->x + 1, maxw = rc->w - 2, used;

	if (maxw < 3)
		return;
	paint_text(stdscr, 0, x, " ", 1, 1, attr);
	used = 1 + paint_text_clip(stdscr, 0, x + 1, a, strlen(a),
	    maxw - 2, attr);
	if (b != NULL && *b != '\0' && used + 5 < maxw) {
		used += paint_text(stdscr, 0, x + used, " ", 1, 1, attr);
		wattrset(stdscr, attr);
		mvwaddstr(stdscr, 0, x + used, paint_glyph(GLYPH_DOT));
		used += 1 + paint_text(stdscr, 0, x + used + 1, " ", 1, 1, attr);
		used += paint_text_clip(stdscr, 0, x + used, b, strlen(b),
		    maxw - used - 1, attr);
	}
	paint_text(stdscr, 0, x + used, " ", 1, 1, attr);
}

void
layout_draw_frame(const struct layout *lay, const struct reader *r)
{
	const struct document *doc = r->story->docs[r->doc];
	int W = lay->cols, H = lay->lines, i, x;

	if (!lay->framed)
		return;
	wattrset(stdscr, A_NORMAL);
	mvwhline(stdscr, 0, 1, ACS_HLINE, W - 2);
	mvwhline(stdscr, H - 3, 1, ACS_HLINE, W - 2);
	mvwhline(stdscr, H - 1, 1, ACS_HLINE, W - 2);
	mvwvline(stdscr, 1, 0, ACS_VLINE, H - 4);
	mvwvline(stdscr, 1, W - 1, ACS_VLINE, H - 4);
	mvwaddch(stdscr, H - 2, 0, ACS_VLINE);
	mvwaddch(stdscr, H - 2, W - 1, ACS_VLINE);
	mvwaddch(stdscr, 0, 0, ACS_ULCORNER);
	mvwaddch(stdscr, 0, W - 1, ACS_URCORNER);
	mvwaddch(stdscr, H - 3, 0, ACS_LTEE);
	mvwaddch(stdscr, H - 3, W - 1, ACS_RTEE);
	mvwaddch(stdscr, H - 1, 0, ACS_LLCORNER);
	mvwaddch(stdscr, H - 1, W - 1, ACS_LRCORNER);
	for (i = 0; i < PANE_COUNT; i++) {
		if (!lay->visible[i] || lay->pane[i].x + lay->pane[i].w >= W - 1)
			continue;
		x = lay->pane[i].x + lay->pane[i].w;
		mvwaddch(stdscr, 0, x, ACS_TTEE);
		mvwvline(stdscr, 1, x, ACS_VLINE, H - 4);
		mvwaddch(stdscr, H - 3, x, ACS_BTEE);
	}
	if (lay->visible[PANE_SOURCES])
		/* Say what the number beside each source counts. */
		layout_title(lay, r->focus, PANE_SOURCES, "Sources",
		    r->story->claims != NULL ? "claims" : "tagged");
	layout_title(lay, r->focus, PANE_ARTICLE, reader_source_name(r, r->doc),
	    doc->title);
	if (lay->visible[PANE_CLAIMS])
		layout_title(lay, r->focus, PANE_CLAIMS,
		    r->story->claims != NULL ? "Claims" : "Tagged", NULL);
}

int
layout_pane_at(const struct layout *lay, int y, int x)
{
	const struct rect *rc;
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		rc = &lay->pane[i];
		if (lay->visible[i] && y >= rc->y && y < rc->y + rc->h &&
		    x >= rc->x && x < rc->x + rc->w)
			return i;
	}
	return PANE_COUNT;
}
