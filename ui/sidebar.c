/* sidebar: the current source's claims by topic, with coverage badges. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "outlets.h"
#include "paint.h"
#include "reader.h"
#include "sidebar.h"
#include "spread.h"
#include "story.h"
#include "taxonomy.h"
#include "xalloc.h"

struct entry {
	size_t topic;		/* grouping topic, NONE (last) for none */
	size_t claim;
	size_t sentence;
};

static int
sidebar_entry_by_claim(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static int
sidebar_entry_by_topic(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->topic != y->topic)
		return x->topic < y->topic ? -1 : 1;
	return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static void
sidebar_push(struct sidebar *sb, struct sidebar_row row)
{
	if (sb->nrows == sb->cap) {
		sb->cap = sb->cap * 2 + 32;
		sb->rows = xreallocarray(sb->rows, sb->cap, sizeof *sb->rows);
	}
	sb->rows[sb->nrows++] = row;
}

/* Topic headers for T and any ancestors not yet shown, outermost first. */
static void
sidebar_headers(struct sidebar *sb, const struct taxonomy *tax, size_t t,
    bool *shown, const size_t *total)
{
	if (t == NONE || shown[t])
		return;
	if (tax->topics[t].parent != TOPIC_NO_PARENT &&
	    tax->topics[t].parent < tax->ntopics)
		sidebar_headers(sb, tax, tax->topics[t].parent, shown, total);
	shown[t] = true;
	sidebar_push(sb, (struct sidebar_row){ true, t, NONE, NONE,
	    total[t], (int)tax->topics[t].depth });
}

static void
sidebar_build(struct sidebar *sb, struct reader *r)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct document *doc = r->story->docs[r->doc];
	const struct sentence *sent;
	struct entry *e;
	size_t s, n = 0, i, k, t, *total;
	bool *shown, has_claims = r->story->claims != NULL;

	sb->nrows = 0;
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
		qsort(e, n, sizeof *e, sidebar_entry_by_claim);
		for (i = 1, k = 1; i < n; i++) {
			if (e[i].claim != e[k - 1].claim)
				e[k++] = e[i];
		}
		n = k;
	}
	qsort(e, n, sizeof *e, sidebar_entry_by_topic);
	total = xcalloc(tax->ntopics + 1, sizeof *total);
	shown = xcalloc(tax->ntopics + 1, sizeof *shown);
	for (i = 0; i < n; i++) {
		for (t = e[i].topic; t < tax->ntopics; t = tax->topics[t].parent)
			total[t]++;
	}
	for (i = 0; i < n; i++) {
		if (e[i].topic == NONE && (i == 0 || e[i - 1].topic != NONE))
			sidebar_push(sb, (struct sidebar_row){ true, NONE,
			    NONE, NONE, 0, 0 });
		sidebar_headers(sb, tax, e[i].topic, shown, total);
		sidebar_push(sb, (struct sidebar_row){ false, e[i].topic,
		    e[i].claim, e[i].sentence, 0, 0 });
	}
	/* The "Other" header counts its rows. */
	for (i = 0; i < sb->nrows; i++) {
		if (sb->rows[i].header && sb->rows[i].topic == NONE)
			sb->rows[i].count = sb->nrows - i - 1;
	}
	free(total);
	free(shown);
	free(e);
	sb->pos.top = sb->pos.sel = 0;
	sidebar_move(sb, r, 0);
}

void
sidebar_init(struct sidebar *sb)
{
	memset(sb, 0, sizeof *sb);
	sb->doc = sb->generation = sb->followed = NONE;
}

void
sidebar_free(struct sidebar *sb)
{
	free(sb->rows);
}

/* Tells the reader the claim picked, for the keys that act on one. */
static void
sidebar_pick(const struct sidebar *sb, struct reader *r)
{
	r->picked_claim = sb->pos.sel < sb->nrows &&
	    !sb->rows[sb->pos.sel].header ? sb->rows[sb->pos.sel].claim : NONE;
}

void
sidebar_sync(struct sidebar *sb, struct reader *r)
{
	if (sb->doc != r->doc || sb->generation != r->generation) {
		sidebar_build(sb, r);
		sb->doc = r->doc;
		sb->generation = r->generation;
		sb->followed = NONE;
	}
	if (sb->followed != r->selections) {
		sidebar_follow(sb, r);
		sb->followed = r->selections;
	}
	listpos_scroll(&sb->pos, sb->nrows, sb->height, 0);
	sidebar_pick(sb, r);
}

void
sidebar_follow(struct sidebar *sb, struct reader *r)
{
	const struct sentence *sent;
	size_t i;

	if (r->sentence == NONE)
		return;
	sent = &r->story->docs[r->doc]->sentences[r->sentence];
	for (i = 0; i < sb->nrows; i++) {
		if (sb->rows[i].header)
			continue;
		if (sb->rows[i].sentence == r->sentence ||
		    (sb->rows[i].claim != NONE && sb->rows[i].claim == sent->claim)) {
			sb->pos.sel = i;
			listpos_clamp(&sb->pos, sb->nrows, sb->height);
			sidebar_pick(sb, r);
			return;
		}
	}
}

int
sidebar_move(struct sidebar *sb, struct reader *r, long delta)
{
	const struct sidebar_row *rows = sb->rows;
	size_t sel = sb->pos.sel, old = sel;
	long step = delta < 0 ? -1 : 1;

	if (sb->nrows == 0)
		return 0;
	if (sel >= sb->nrows)
		sel = sb->nrows - 1;
	/* Land on a claim row, moving DELTA of them. */
	while (delta != 0 || rows[sel].header) {
		if ((step < 0 && sel == 0) || (step > 0 && sel + 1 >= sb->nrows)) {
			if (rows[sel].header)
				step = -step;
			else
				break;
			if ((step < 0 && sel == 0) ||
			    (step > 0 && sel + 1 >= sb->nrows))
				break;
		}
		sel += (size_t)step;
		if (!rows[sel].header && delta != 0)
			delta -= step;
	}
	sb->pos.sel = sel;
	listpos_clamp(&sb->pos, sb->nrows, sb->height);
	/* Keep the header of the top claim in view. */
	if (sb->pos.top == sel && sel > 0 && rows[sel - 1].header)
		sb->pos.top--;
	sidebar_pick(sb, r);
	return sel != old ? DIRTY_SIDEBAR | DIRTY_STATUS : DIRTY_SIDEBAR;
}

/* Columns a claim's words keep before the badge drops its count, and
 * before "only here" is left out. */
#define SIDEBAR_WORDS_MIN 12
#define SIDEBAR_LABEL_WORDS 8

/*
 * "●●●○○ 3/5" when the story is small enough for dots, else "3/5" and a
 * mark per leaning carrying it ("12/40 ●●"), when there is room.  The
 * dots (which sources carry it) always show, each in its outlet's leaning
 * colour (its leaning's letter without colour); the count only where it
 * leaves the claim's words room.
 */
static int
sidebar_badge(const struct reader *r, WINDOW *win, int y, int x, int maxw,
    const struct claim *c, attr_t attr)
{
	const struct spread *sp = story_spread(r->story);
	const struct outlet *p;
	char buf[64];
	size_t i, k, n = r->story->ndocs;
	int used = 0, cw;
	bool dots = n <= 8 && (int)n + 1 < maxw, full;

	if (dots) {
		for (i = 0; i < n; i++) {
			for (full = false, k = 0; k < c->ndocs; k++)
				full = full || c->docs[k] == i;
			p = sp->profiles[i];
			if (full)
				paint_leaning_mark(win, y, x + used,
				    sp->outlets, p != NULL ? p->leaning :
				    OUTLET_UNRATED, attr);
			else {
				wattrset(win, attr);
				mvwaddstr(win, y, x + used,
				    paint_glyph(GLYPH_EMPTY));
			}
			used++;
		}
		wattrset(win, attr);
		used++;
	}
	cw = snprintf(buf, sizeof buf, "%zu/%zu", c->ndocs, n);
	if (!dots || used + cw + 1 + SIDEBAR_WORDS_MIN <= maxw)
		used += paint_text(win, y, x + used, buf, (size_t)cw,
		    maxw - used, attr);
	else
		used--;	/* the dots' gap is the caller's */
	if (dots || sp->claims == NULL || c->id >= sp->nclaims ||
	    used + 1 + (int)sp->nleanings + SIDEBAR_WORDS_MIN > maxw)
		return used;
	used++;
	for (i = 0; i < sp->nleanings; i++)
		if (sp->claims[c->id].by_leaning[i] != 0)
			paint_leaning_mark(win, y, x + used++, sp->outlets, i,
			    attr);
	wattrset(win, attr);
	return used;
}

int
sidebar_scroll(struct sidebar *sb, long delta)
{
	listpos_scroll(&sb->pos, sb->nrows, sb->height, delta);
	return DIRTY_SIDEBAR;
}

size_t
sidebar_row_at(const struct sidebar *sb, int y)
{
	size_t i = sb->pos.top + (size_t)y;

	return y >= 0 && i < sb->nrows && !sb->rows[i].header ? i : NONE;
}

int
sidebar_pick_row(struct sidebar *sb, struct reader *r, size_t i)
{
	sb->pos.sel = i;
	sidebar_pick(sb, r);
	return DIRTY_SIDEBAR | DIRTY_STATUS;
}

size_t
sidebar_sentence(const struct sidebar *sb)
{
	if (sb->pos.sel >= sb->nrows || sb->rows[sb->pos.sel].header)
		return NONE;
	return sb->rows[sb->pos.sel].sentence;
}

void
sidebar_draw(const struct sidebar *sb, const struct reader *r, WINDOW *win)
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
	if (sb->nrows == 0) {
		label = r->story->claims != NULL ? "no claims" :
		    "no tagged sentences";
		paint_text(win, 0, 1, label, strlen(label), w - 1, A_DIM);
		return;
	}
	for (y = 0; y < h; y++) {
		i = sb->pos.top + (size_t)y;
		if (i >= sb->nrows)
			break;
		row = &sb->rows[i];
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
		if (i == sb->pos.sel)
			a = r->focus == PANE_CLAIMS ? A_REVERSE : A_BOLD;
		paint_fill(win, y, 0, w, a);
		x = 1;
		if (row->claim != NONE) {
			c = &r->story->claims->items[row->claim];
			x += sidebar_badge(r, win, y, x, w - x, c, a) + 1;
			if (c->discrepant && x + 2 + SIDEBAR_LABEL_WORDS <= w) {
				label = paint_glyph(GLYPH_DISCREPANCY);
				paint_text(win, y, x, label, strlen(label), 1,
				    a | A_BOLD);
				x += 2;
			}
			if (c->ndocs <= 1 && x + 10 + SIDEBAR_LABEL_WORDS <= w) {
				label = "only here ";
				x += paint_text(win, y, x, label, strlen(label),
				    w - x, a | A_BOLD);
			}
		}
		sent = &doc->sentences[row->sentence];
		paint_text_clip(win, y, x, sent->text, sent->len, w - x, a);
	}
}
