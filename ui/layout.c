/* layout: one function from the terminal size to every rectangle. */
#include "config.h"

#include <string.h>

#include "document.h"
#include "layout.h"
#include "paint.h"
#include "reader.h"
#include "sourcelist.h"
#include "story.h"

static int
clamp(int v, int lo, int hi)
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
layout_apply(struct reader *r)
{
	int W = COLS, H = LINES, sw = 0, cw = 0, aw, ph, x, i;

	r->cols = W;
	r->lines_total = H;
	memset(r->pane, 0, sizeof r->pane);
	r->framed = W >= 20 && H >= 6;
	if (r->framed) {
		ph = H - 4;
		if (W >= 72) {
			sw = clamp(W * 18 / 100, 14, 26);
			cw = clamp(W * 26 / 100, 20, 44);
		} else if (W >= 44) {
			sw = clamp(W * 20 / 100, 10, 20);
		}
		r->visible[PANE_SOURCES] = sw > 0;
		r->visible[PANE_CLAIMS] = cw > 0;
		aw = W - 2 - sw - cw - (sw > 0) - (cw > 0);
		x = 1;
		if (sw > 0) {
			r->pane[PANE_SOURCES] = (struct rect){ 1, x, ph, sw };
			x += sw + 1;
		}
		r->pane[PANE_ARTICLE] = (struct rect){ 1, x, ph, aw };
		x += aw + 1;
		if (cw > 0)
			r->pane[PANE_CLAIMS] = (struct rect){ 1, x, ph, cw };
		r->status = (struct rect){ H - 2, 1, 1, W - 2 };
	} else {
		r->visible[PANE_SOURCES] = r->visible[PANE_CLAIMS] = false;
		r->pane[PANE_ARTICLE] = (struct rect){ 0, 0, H > 1 ? H - 1 : 1, W };
		r->status = (struct rect){ H - 1, 0, H > 1 ? 1 : 0, W };
	}
	r->visible[PANE_ARTICLE] = true;
	if (!r->visible[r->focus])
		r->focus = PANE_ARTICLE;
	if (W >= 40 && H >= 12)
		r->overlay_rect = (struct rect){ 1, 2, H - 3, W - 4 };
	else
		r->overlay_rect = (struct rect){ 0, 0, H, W };
	for (i = 0; i < PANE_COUNT; i++)
		r->win[i] = layout_window(r->win[i], &r->pane[i]);
	r->status_win = layout_window(r->status_win, &r->status);
	r->overlay_win = layout_window(r->overlay_win, &r->overlay_rect);
	/* The article re-wraps at its new width on the next draw. */
	r->lines_doc = NONE;
}

void
layout_free(struct reader *r)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (r->win[i] != NULL)
			delwin(r->win[i]);
		r->win[i] = NULL;
	}
	if (r->status_win != NULL)
		delwin(r->status_win);
	if (r->overlay_win != NULL)
		delwin(r->overlay_win);
	r->status_win = r->overlay_win = NULL;
}

/* A pane title in the top border: " Sources ", " Outlet · Title ". */
static void
layout_title(struct reader *r, enum pane p, const char *a, const char *b)
{
	const struct rect *rc = &r->pane[p];
	attr_t attr = r->focus == p ? A_BOLD | A_REVERSE : A_BOLD;
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
layout_draw_frame(struct reader *r)
{
	const struct document *doc = r->story->docs[r->doc];
	int W = r->cols, H = r->lines_total, i, x;

	if (!r->framed)
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
		if (!r->visible[i] || r->pane[i].x + r->pane[i].w >= W - 1)
			continue;
		x = r->pane[i].x + r->pane[i].w;
		mvwaddch(stdscr, 0, x, ACS_TTEE);
		mvwvline(stdscr, 1, x, ACS_VLINE, H - 4);
		mvwaddch(stdscr, H - 3, x, ACS_BTEE);
	}
	if (r->visible[PANE_SOURCES])
		layout_title(r, PANE_SOURCES, "Sources", NULL);
	layout_title(r, PANE_ARTICLE, sourcelist_name(r, r->doc), doc->title);
	if (r->visible[PANE_CLAIMS])
		layout_title(r, PANE_CLAIMS,
		    r->story->claims != NULL ? "Claims" : "Tagged", NULL);
}

int
layout_pane_at(const struct reader *r, int y, int x)
{
	const struct rect *rc;
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		rc = &r->pane[i];
		if (r->visible[i] && y >= rc->y && y < rc->y + rc->h &&
		    x >= rc->x && x < rc->x + rc->w)
			return i;
	}
	return PANE_COUNT;
}
