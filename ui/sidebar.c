/* sidebar: the current source's claims by topic, with coverage badges. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "paint.h"
#include "reader.h"
#include "sidebar.h"
#include "story.h"
#include "taxonomy.h"
#include "xalloc.h"

struct entry {
	size_t topic;		/* grouping topic, NONE (last) for none */
	size_t claim;
	size_t sentence;
};

static int
entry_by_claim(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static int
entry_by_topic(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->topic != y->topic)
		return x->topic < y->topic ? -1 : 1;
	return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static void
sidebar_push(struct reader *r, size_t *cap, struct sidebar_row row)
{
	if (r->nrows == *cap) {
		*cap = *cap * 2 + 32;
		r->rows = xreallocarray(r->rows, *cap, sizeof *r->rows);
	}
	r->rows[r->nrows++] = row;
}

/* Topic headers for T and any ancestors not yet shown, outermost first. */
static void
sidebar_headers(struct reader *r, size_t *cap, size_t t, bool *shown,
    const size_t *total)
{
	const struct taxonomy *tax = r->story->taxonomy;

	if (t == NONE || shown[t])
		return;
	if (tax->topics[t].parent != TOPIC_NO_PARENT &&
	    tax->topics[t].parent < tax->ntopics)
		sidebar_headers(r, cap, tax->topics[t].parent, shown, total);
	shown[t] = true;
	sidebar_push(r, cap, (struct sidebar_row){ true, t, NONE, NONE,
	    total[t], (int)tax->topics[t].depth });
}

void
sidebar_build(struct reader *r)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct document *doc = r->story->docs[r->doc];
	const struct sentence *sent;
	struct entry *e;
	size_t s, n = 0, i, k, cap = 0, t, *total;
	bool *shown, has_claims = r->story->claims != NULL;

	r->nrows = 0;
	e = xcalloc(doc->nsentences + 1, sizeof *e);
	for (s = 0; s < doc->nsentences; s++) {
		sent = &doc->sentences[s];
		if (sent->boilerplate || !reader_sentence_shown(r, r->doc, s))
			continue;
		if (has_claims && (sent->claim == SENTENCE_NO_CLAIM ||
		    sent->claim >= r->story->claims->n))
			continue;
		if (!has_claims && sent->ntopics == 0)
			continue;
		e[n].topic = reader_sentence_topic(r, r->doc, s);
		e[n].claim = has_claims ? sent->claim : NONE;
		e[n].sentence = s;
		n++;
	}
	/* A claim stated twice in one source is listed once, at its first. */
	if (has_claims && n > 1) {
		qsort(e, n, sizeof *e, entry_by_claim);
		for (i = 1, k = 1; i < n; i++) {
			if (e[i].claim != e[k - 1].claim)
				e[k++] = e[i];
		}
		n = k;
	}
	qsort(e, n, sizeof *e, entry_by_topic);
	total = xcalloc(tax->ntopics + 1, sizeof *total);
	shown = xcalloc(tax->ntopics + 1, sizeof *shown);
	for (i = 0; i < n; i++) {
		for (t = e[i].topic; t < tax->ntopics; t = tax->topics[t].parent)
			total[t]++;
	}
	for (i = 0; i < n; i++) {
		if (e[i].topic == NONE && (i == 0 || e[i - 1].topic != NONE))
			sidebar_push(r, &cap, (struct sidebar_row){ true, NONE,
			    NONE, NONE, 0, 0 });
		sidebar_headers(r, &cap, e[i].topic, shown, total);
		sidebar_push(r, &cap, (struct sidebar_row){ false, e[i].topic,
		    e[i].claim, e[i].sentence, 0, 0 });
	}
	/* The "Other" header counts its rows. */
	for (i = 0; i < r->nrows; i++) {
		if (r->rows[i].header && r->rows[i].topic == NONE)
			r->rows[i].count = r->nrows - i - 1;
	}
	free(total);
	free(shown);
	free(e);
	r->sidebar.top = r->sidebar.sel = 0;
	sidebar_move(r, 0);
}

void
sidebar_follow(struct reader *r)
{
	const struct sentence *sent;
	size_t i;

	if (r->sentence == NONE)
		return;
	sent = &r->story->docs[r->doc]->sentences[r->sentence];
	for (i = 0; i < r->nrows; i++) {
		if (r->rows[i].header)
			continue;
		if (r->rows[i].sentence == r->sentence ||
		    (r->rows[i].claim != NONE && r->rows[i].claim == sent->claim)) {
			r->sidebar.sel = i;
			listpos_clamp(&r->sidebar, r->nrows,
			    (size_t)r->pane[PANE_CLAIMS].h);
			return;
		}
	}
}

int
sidebar_move(struct reader *r, long delta)
{
	size_t sel = r->sidebar.sel, old = sel;
	long step = delta < 0 ? -1 : 1;

	if (r->nrows == 0)
		return 0;
	if (sel >= r->nrows)
		sel = r->nrows - 1;
	/* Land on a claim row, moving DELTA of them. */
	while (delta != 0 || r->rows[sel].header) {
		if ((step < 0 && sel == 0) || (step > 0 && sel + 1 >= r->nrows)) {
			if (r->rows[sel].header)
				step = -step;
			else
				break;
			if ((step < 0 && sel == 0) ||
			    (step > 0 && sel + 1 >= r->nrows))
				break;
		}
		sel += (size_t)step;
		if (!r->rows[sel].header && delta != 0)
			delta -= step;
	}
	r->sidebar.sel = sel;
	listpos_clamp(&r->sidebar, r->nrows, (size_t)r->pane[PANE_CLAIMS].h);
	/* Keep the header of the top claim in view. */
	if (r->sidebar.top == sel && sel > 0 && r->rows[sel - 1].header)
		r->sidebar.top--;
	return sel != old ? DIRTY_SIDEBAR | DIRTY_STATUS : DIRTY_SIDEBAR;
}

/* "●●●○○ 3/5" when the story is small enough for dots, else "3/5". */
static int
sidebar_badge(struct reader *r, WINDOW *win, int y, int x, int maxw,
    const struct claim *c, attr_t attr)
{
	char buf[64];
	size_t i, n = r->story->ndocs;
	int used = 0;

	/* Dots only where they leave room for the claim's words. */
	if (n <= 8 && (int)n + 1 + 20 < maxw) {
		for (i = 0; i < n; i++) {
			bool full = false;
			size_t k;

			for (k = 0; k < c->ndocs; k++)
				full = full || c->docs[k] == i;
			wattrset(win, attr);
			mvwaddstr(win, y, x + used, paint_glyph(full ?
			    GLYPH_FULL : GLYPH_EMPTY));
			used++;
		}
		used++;
	}
	snprintf(buf, sizeof buf, "%zu/%zu", c->ndocs, n);
	used += paint_text(win, y, x + used, buf, strlen(buf), maxw - used, attr);
	return used;
}

void
sidebar_draw(struct reader *r, WINDOW *win)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct document *doc = r->story->docs[r->doc];
	const struct sidebar_row *row;
	const struct claim *c;
	const struct sentence *sent;
	const char *label;
	char count[32];
	size_t i;
	int y, h, w, x, cw;
	attr_t a;

	getmaxyx(win, h, w);
	werase(win);
	listpos_scroll(&r->sidebar, r->nrows, (size_t)h, 0);
	if (r->nrows == 0) {
		label = r->story->claims != NULL ? "no claims" :
		    "no tagged sentences";
		paint_text(win, 0, 1, label, strlen(label), w - 1, A_DIM);
		return;
	}
	for (y = 0; y < h; y++) {
		i = r->sidebar.top + (size_t)y;
		if (i >= r->nrows)
			break;
		row = &r->rows[i];
		if (row->header) {
			label = row->topic == NONE ? "Other" :
			    tax->topics[row->topic].label;
			a = A_BOLD | (row->topic == NONE ? 0 :
			    paint_topic_attr(tax, row->topic));
			snprintf(count, sizeof count, " %zu", row->count);
			cw = (int)strlen(count);
			x = row->depth < w / 4 ? row->depth : 0;
			paint_text_clip(win, y, x, label, strlen(label),
			    w - x - cw, a);
			if (w > cw)
				paint_text(win, y, w - cw, count, (size_t)cw, cw, A_DIM);
			continue;
		}
		a = A_NORMAL;
		if (i == r->sidebar.sel)
			a = r->focus == PANE_CLAIMS ? A_REVERSE : A_BOLD;
		paint_fill(win, y, 0, w, a);
		x = 1;
		if (row->claim != NONE) {
			c = &r->story->claims->items[row->claim];
			x += sidebar_badge(r, win, y, x, w - x, c, a) + 1;
			if (c->ndocs <= 1 && x < w) {
				label = "only here ";
				x += paint_text(win, y, x, label, strlen(label),
				    w - x, a | A_BOLD);
			}
		}
		sent = &doc->sentences[row->sentence];
		paint_text_clip(win, y, x, sent->text, sent->len, w - x, a);
	}
}
