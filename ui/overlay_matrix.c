/* overlay_matrix: topics by sources, scrolled by rows and by columns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "overlay_matrix.h"
#include "paint.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "xalloc.h"

#define MATRIX_CELL 6

struct overlay_matrix {
	size_t left;		/* the first source column shown */
};

static int
overlay_matrix_open(struct overlay *o, struct reader *r, const void *arg)
{
	struct overlay_matrix *m = xcalloc(1, sizeof *m);

	(void)arg;
	/* Start with the current source in view. */
	m->left = r->at < 2 ? 0 : r->at - 2;
	o->state = m;
	return 0;
}

static size_t
overlay_matrix_rows(const struct overlay *o, const struct reader *r)
{
	(void)o;
	return r->story->taxonomy->ntopics;
}

static int
overlay_matrix_key(struct overlay *o, struct reader *r, enum action a)
{
	struct overlay_matrix *m = o->state;

	switch (a) {
	case ACTION_LEFT:
		if (m->left == 0)
			return 0;
		m->left--;
		return DIRTY_OVERLAY;
	case ACTION_RIGHT:
		if (m->left + 1 >= r->norder)
			return 0;
		m->left++;
		return DIRTY_OVERLAY;
	case ACTION_SELECT:
		return REACT_CLOSE | DIRTY_ALL | reader_set_filter(r, o->pos.sel);
	default:
		return 0;
	}
}

/* Whether DOC leaves out topic T that the other sources cover. */
static bool
overlay_matrix_omitted(const struct coverage *cov, size_t doc, size_t t)
{
	size_t i;

	for (i = 0; i < cov->sources[doc].nomitted; i++) {
		if (cov->sources[doc].omitted[i] == t)
			return true;
	}
	return false;
}

static void
overlay_matrix_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_matrix *m = o->state;
	const struct taxonomy *tax = r->story->taxonomy;
	const struct coverage *cov = story_coverage(r->story);
	const char *name;
	char cell[32];
	size_t t, j, k, n = r->norder, count;
	int y, x, cw, lw = w / 3 < 28 ? w / 3 : 28, ncols;
	attr_t a;

	ncols = (w - lw) / MATRIX_CELL;
	if (ncols < 1)
		ncols = 1;
	/* Column heads: the sources, the current one stressed. */
	for (k = 0; k < (size_t)ncols && m->left + k < n; k++) {
		j = m->left + k;
		name = reader_source_name(r, r->order[j]);
		a = r->order[j] == r->doc ? A_BOLD | A_UNDERLINE : A_BOLD;
		x = 1 + lw + (int)k * MATRIX_CELL;
		paint_text_clip(win, 1, x, name, strlen(name),
		    MATRIX_CELL - 1 < w + 1 - x ? MATRIX_CELL - 1 : w + 1 - x, a);
	}
	for (y = 0; y < h; y++) {
		t = o->pos.top + (size_t)y;
		if (t >= tax->ntopics)
			break;
		a = t == o->pos.sel ? A_REVERSE : A_NORMAL;
		x = 1 + 2 * (int)(tax->topics[t].depth < 4 ? tax->topics[t].depth : 4);
		paint_fill(win, y + 2, 1, lw, a);
		paint_text_clip(win, y + 2, x, tax->topics[t].label,
		    strlen(tax->topics[t].label), lw - x, a |
		    paint_topic_attr(tax, t));
		for (k = 0; k < (size_t)ncols && m->left + k < n; k++) {
			j = r->order[m->left + k];
			x = 1 + lw + (int)k * MATRIX_CELL;
			count = coverage_count(cov, t, j);
			if (count != 0) {
				/* Right-aligned by hand: paint_text folds spaces. */
				snprintf(cell, sizeof cell, "%zu", count);
				cw = (int)strlen(cell) < 4 ? (int)strlen(cell) : 4;
				paint_text(win, y + 2, x + 4 - cw, cell, strlen(cell),
				    w + 1 - (x + 4 - cw), A_NORMAL);
			} else if (overlay_matrix_omitted(cov, j, t)) {
				/* Others cover it, this source leaves it out. */
				wattrset(win, paint_attr_gap());
				if (x + 3 <= w)
					mvwaddstr(win, y + 2, x + 3,
					    paint_glyph(GLYPH_GAP));
			} else {
				wattrset(win, A_DIM);
				if (x + 3 <= w)
					mvwaddstr(win, y + 2, x + 3,
					    paint_glyph(GLYPH_DOT));
			}
			wattrset(win, A_NORMAL);
		}
	}
}

static void
overlay_matrix_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	strbuf_addstr(sb, "Coverage: sentences per topic and source");
}

/* The matrix's footer is its legend. */
static void
overlay_matrix_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	strbuf_addf(sb, "%s: left out here, covered elsewhere",
	    paint_glyph(GLYPH_GAP));
}

const struct overlay_kind overlay_matrix_kind = {
	.name = "matrix",
	.selects = true,
	.head = 1,
	.open = overlay_matrix_open,
	.rows = overlay_matrix_rows,
	.key = overlay_matrix_key,
	.draw = overlay_matrix_draw,
	.title = overlay_matrix_title,
	.footer = overlay_matrix_footer,
	.release = free,
};
