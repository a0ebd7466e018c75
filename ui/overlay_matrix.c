/* overlay_matrix: topics by sources, scrolled by rows and by columns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "outlets.h"
#include "overlay_matrix.h"
#include "paint.h"
#include "spread.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "xalloc.h"

/* A source's column: at least a count and a gap, at most a long name. */
#define MATRIX_CELL 6
#define MATRIX_CELL_MAX 24
/* The topic labels' column: a third of the box, at most this. */
#define MATRIX_LABELS 28

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

/*
 * The columns in a box W wide: *LW for the topic labels, *CELL for each
 * source (the width there is, shared, up to the longest name), and how
 * many sources show at once.  The names are measured only when the
 * sources are few enough for their width to matter: a story of 10,000
 * gets the narrowest cells whatever their names, and measuring them all
 * took most of the time the matrix took to draw.
 */
static size_t
overlay_matrix_columns(const struct reader *r, int w, int *lw, int *cell)
{
	const char *name;
	size_t j, n = r->norder;
	int longest = 0, avail;

	*lw = w / 3 < MATRIX_LABELS ? w / 3 : MATRIX_LABELS;
	avail = w - *lw;
	*cell = n > 0 ? avail / (int)n : avail;
	for (j = 0; j < n && *cell > MATRIX_CELL; j++) {
		name = reader_source_name(r, r->order[j]);
		if (paint_width(name, strlen(name)) > longest)
			longest = paint_width(name, strlen(name));
	}
	if (*cell > MATRIX_CELL && *cell > longest + 1)
		*cell = longest + 1;
	if (*cell > MATRIX_CELL_MAX)
		*cell = MATRIX_CELL_MAX;
	if (*cell < MATRIX_CELL)
		*cell = MATRIX_CELL;
	return avail / *cell > 0 ? (size_t)(avail / *cell) : 1;
}

static int
overlay_matrix_key(struct overlay *o, struct reader *r, enum action a)
{
	struct overlay_matrix *m = o->state;
	int lw, cell;
	size_t ncols = overlay_matrix_columns(r, o->rect.w - 2, &lw, &cell);

	switch (a) {
	case ACTION_LEFT:
		if (m->left == 0)
			return 0;
		m->left--;
		return DIRTY_OVERLAY;
	case ACTION_RIGHT:
		/* Only while sources are out of view to the right. */
		if (m->left + ncols >= r->norder)
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

/* The leaning of DOC's outlet, or OUTLET_UNRATED. */
static size_t
overlay_matrix_leaning(const struct spread *sp, size_t doc)
{
	return sp->profiles[doc] != NULL ? sp->profiles[doc]->leaning :
	    OUTLET_UNRATED;
}

/*
 * The sources shown, grouped by leaning along the scale, the unrated
 * last, each group in list order: allocated, R->norder of them.
 */
static size_t *
overlay_matrix_grouped(const struct reader *r, const struct spread *sp)
{
	size_t *cols = xreallocarray(NULL, r->norder + 1, sizeof *cols);
	size_t l, i, n = 0, lean;

	for (l = 0; l <= sp->nleanings; l++)
		for (i = 0; i < r->norder; i++) {
			lean = overlay_matrix_leaning(sp, r->order[i]);
			if (lean == l || (l == sp->nleanings &&
			    lean == OUTLET_UNRATED))
				cols[n++] = r->order[i];
		}
	return cols;
}

static void
overlay_matrix_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_matrix *m = o->state;
	const struct taxonomy *tax = r->story->taxonomy;
	const struct coverage *cov = story_coverage(r->story);
	const struct spread *sp = story_spread(r->story);
	size_t *cols = overlay_matrix_grouped(r, sp), lean;
	char num[32], name[128];
	size_t t, j, k, n = r->norder, count, ncols;
	int y, x, cw, lw, cell, right, mark;
	attr_t a;

	ncols = overlay_matrix_columns(r, w, &lw, &cell);
	/* Column heads: the sources by words, grouped and coloured by
	 * leaning (its letter first without colour), the current one
	 * stressed. */
	for (k = 0; k < ncols && m->left + k < n; k++) {
		j = cols[m->left + k];
		lean = overlay_matrix_leaning(sp, j);
		mark = !paint_colored() && lean != OUTLET_UNRATED ? 2 : 0;
		x = 1 + lw + (int)k * cell;
		if (mark != 0 && cell > 3)
			paint_leaning_mark(win, 1, x, sp->outlets, lean, A_BOLD);
		else
			mark = 0;
		paint_abbrev(reader_source_name(r, j), cell - 1 - mark, name,
		    sizeof name);
		a = (j == r->doc ? A_BOLD | A_UNDERLINE : A_BOLD) |
		    (lean != OUTLET_UNRATED ?
		    paint_leaning_attr(sp->outlets, lean) : 0);
		paint_text(win, 1, x + mark, name, strlen(name),
		    cell - 1 - mark < w + 1 - x - mark ? cell - 1 - mark :
		    w + 1 - x - mark, a);
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
		for (k = 0; k < ncols && m->left + k < n; k++) {
			j = cols[m->left + k];
			x = 1 + lw + (int)k * cell;
			/* The column's last digit, a gap before the next. */
			right = x + cell - 3;
			count = coverage_count(cov, t, j);
			if (count != 0) {
				/* Right-aligned by hand: paint_text folds spaces. */
				snprintf(num, sizeof num, "%zu", count);
				cw = (int)strlen(num) < 4 ? (int)strlen(num) : 4;
				paint_text(win, y + 2, right + 1 - cw, num,
				    strlen(num), w + 1 - (right + 1 - cw), A_NORMAL);
			} else if (overlay_matrix_omitted(cov, j, t)) {
				/* Others cover it, this source leaves it out. */
				wattrset(win, paint_attr_gap());
				if (right <= w)
					mvwaddstr(win, y + 2, right,
					    paint_glyph(GLYPH_GAP));
			} else {
				wattrset(win, A_DIM);
				if (right <= w)
					mvwaddstr(win, y + 2, right,
					    paint_glyph(GLYPH_DOT));
			}
			wattrset(win, A_NORMAL);
		}
	}
	free(cols);
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
