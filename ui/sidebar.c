/* sidebar: the current source's claims by topic, with coverage badges. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
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
	struct span text;	/* the unit of the sentence stating it */
};

static int
sidebar_entry_by_claim(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	if (x->sentence != y->sentence)
		return x->sentence < y->sentence ? -1 : 1;
	return x->text.start < y->text.start ? -1 :
	    x->text.start > y->text.start;
}

static int
sidebar_entry_by_topic(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->topic != y->topic)
		return x->topic < y->topic ? -1 : 1;
	if (x->sentence != y->sentence)
		return x->sentence < y->sentence ? -1 : 1;
	return x->text.start < y->text.start ? -1 :
	    x->text.start > y->text.start;
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
	sidebar_push(sb, (struct sidebar_row){ .header = true, .topic = t,
	    .claim = NONE, .sentence = NONE, .count = total[t],
	    .depth = (int)tax->topics[t].depth });
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
	/* Measured only, when WIN is NULL: every mark is one column. */
	const struct spread *sp = story_spread(r->story);
	const struct outlet *p;
	char buf[64];
	size_t i, k, n = r->story->ndocs;
	int used = 0, cw;
	bool dots = n <= 8 && (int)n + 1 < maxw, full;

	if (dots && win == NULL)
		used = (int)n + 1;
	else if (dots) {
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
	if ((!dots || used + cw + 1 + SIDEBAR_WORDS_MIN <= maxw) &&
	    win == NULL)
		used += cw < maxw - used ? cw : maxw - used;
	else if (!dots || used + cw + 1 + SIDEBAR_WORDS_MIN <= maxw)
		used += paint_text(win, y, x + used, buf, (size_t)cw,
		    maxw - used, attr);
	else
		used--;	/* the dots' gap is the caller's */
	if (dots || sp->claims == NULL || c->id >= sp->nclaims ||
	    used + 1 + (int)sp->nleanings + SIDEBAR_WORDS_MIN > maxw)
		return used;
	used++;
	for (i = 0; i < sp->nleanings; i++) {
		if (sp->claims[c->id].by_leaning[i] == 0)
			continue;
		if (win != NULL)
			paint_leaning_mark(win, y, x + used, sp->outlets, i,
			    attr);
		used++;
	}
	if (win != NULL)
		wattrset(win, attr);
	return used;
}

/*
 * What comes before a claim row's text (its badge, a discrepancy's mark,
 * "only here"), drawn on row Y of WIN unless WIN is NULL; returns the
 * column the text starts at, in a pane W wide.
 */
static int
sidebar_lead(const struct reader *r, WINDOW *win, int y, int w,
    const struct sidebar_row *row, attr_t a)
{
	const struct claim *c;
	const char *label;
	int x = 1;

	if (row->claim == NONE)
		return x;
	c = &r->story->claims->items[row->claim];
	x += sidebar_badge(r, win, y, x, w - x, c, a) + 1;
	if (c->discrepant && x + 2 + SIDEBAR_LABEL_WORDS <= w) {
		label = paint_glyph(GLYPH_DISCREPANCY);
		if (win != NULL)
			paint_text(win, y, x, label, strlen(label), 1,
			    a | A_BOLD);
		x += 2;
	}
	if (c->ndocs <= 1 && x + 10 + SIDEBAR_LABEL_WORDS <= w) {
		label = "only here ";
		if (win != NULL)
			paint_text(win, y, x, label, strlen(label), w - x,
			    a | A_BOLD);
		x += (int)strlen(label);
	}
	return x;
}

/*
 * Where the second line of claim ROW's text starts in a pane W wide: the
 * first line is what fits after the lead.  Sets *START and *END to the
 * first line when they are not NULL.
 */
static size_t
sidebar_rest(const struct reader *r, const struct sidebar_row *row, int w,
    size_t *start, size_t *end)
{
	const struct sentence *sent =
	    &r->story->docs[r->doc]->sentences[row->sentence];
	size_t p = row->text.start, s0 = 0, e0 = 0;
	int x = sidebar_lead(r, NULL, 0, w, row, A_NORMAL);

	if (!paint_wrap_line(sent->text, row->text.end, &p, w - x, &s0, &e0))
		p = row->text.end;
	if (start != NULL) {
		*start = s0;
		*end = e0;
	}
	return p;
}

/* Whether ROW is a claim's own (selectable) row. */
static bool
sidebar_is_claim(const struct sidebar_row *row)
{
	return !row->header && !row->more;
}



/* Room for the sidebar's entries of DOC: a sentence each, a unit each of
 * those cut into units (claims.h). */
static size_t
sidebar_entries(const struct reader *r, const struct document *doc)
{
	size_t s, n = doc->nsentences, nunits;

	for (s = 0; r->story->claims != NULL && s < doc->nsentences; s++) {
		claims_units(r->story->claims, r->doc, s, &nunits);
		n += nunits;
	}
	return n;
}

static void
sidebar_build(struct sidebar *sb, struct reader *r)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct document *doc = r->story->docs[r->doc];
	const struct sentence *sent;
	struct sidebar_row row;
	const struct claim_unit *unit;
	const struct claim_ref whole = { 0, 0, 0, 0 };
	struct entry *e;
	size_t s, n = 0, i, k, t, u, nunits = 0, *total, folded = 0;
	bool *shown, has_claims = r->story->claims != NULL;

	sb->nrows = 0;
	e = xcalloc(sidebar_entries(r, doc) + 1, sizeof *e);
	for (s = 0; s < doc->nsentences; s++) {
		sent = &doc->sentences[s];
		if (sent->boilerplate || !reader_sentence_shown(r, r->doc, s))
			continue;
		if (has_claims && (sent->claim == SENTENCE_NO_CLAIM ||
		    sent->claim >= r->story->claims->n))
			continue;
		if (!has_claims && sent->ntopics == 0)
			continue;
		/* A sentence cut into units lists each unit's claim. */
		unit = has_claims ? claims_units(r->story->claims, r->doc, s,
		    &nunits) : NULL;
		for (u = 0; u < (nunits > 0 ? nunits : 1); u++) {
			e[n].topic = reader_sentence_topic(r, r->doc, s);
			e[n].claim = !has_claims ? NONE : nunits > 0 ?
			    unit[u].claim : sent->claim;
			e[n].sentence = s;
			e[n].text = nunits > 0 ? claims_ref_span(sent,
			    &unit[u].ref) : claims_ref_span(sent, &whole);
			n++;
		}
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
	/* Folded, the claims no other source carries are counted, not
	 * listed. */
	for (i = k = 0; sb->fold && has_claims && i < n; i++) {
		if (r->story->claims->items[e[i].claim].ndocs <= 1)
			folded++;
		else
			e[k++] = e[i];
	}
	if (sb->fold && has_claims)
		n = k;
	qsort(e, n, sizeof *e, sidebar_entry_by_topic);
	total = xcalloc(tax->ntopics + 1, sizeof *total);
	shown = xcalloc(tax->ntopics + 1, sizeof *shown);
	for (i = 0; i < n; i++) {
		for (t = e[i].topic; t < tax->ntopics; t = tax->topics[t].parent)
			total[t]++;
	}
	for (i = 0; i < n; i++) {
		if (e[i].topic == NONE && (i == 0 || e[i - 1].topic != NONE))
			sidebar_push(sb, (struct sidebar_row){ .header = true,
			    .topic = NONE, .claim = NONE, .sentence = NONE });
		sidebar_headers(sb, tax, e[i].topic, shown, total);
		row = (struct sidebar_row){ .topic = e[i].topic,
		    .claim = e[i].claim, .sentence = e[i].sentence,
		    .text = e[i].text };
		sidebar_push(sb, row);
		/* A claim's text runs on to a second line where it needs. */
		if (sb->width > 0 && sidebar_rest(r, &row, sb->width, NULL, NULL) <
		    row.text.end) {
			row.more = true;
			sidebar_push(sb, row);
		}
	}
	if (folded != 0)
		sidebar_push(sb, (struct sidebar_row){ .header = true,
		    .folded = true, .topic = NONE, .claim = NONE,
		    .sentence = NONE, .count = folded });
	/* The "Other" header counts its claims. */
	for (i = 0; i < sb->nrows; i++) {
		if (!sb->rows[i].header || sb->rows[i].topic != NONE ||
		    sb->rows[i].folded)
			continue;
		for (k = i + 1; k < sb->nrows; k++)
			sb->rows[i].count += sidebar_is_claim(&sb->rows[k]);
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
	    sidebar_is_claim(&sb->rows[sb->pos.sel]) ?
	    sb->rows[sb->pos.sel].claim : NONE;
}

void
sidebar_sync(struct sidebar *sb, struct reader *r)
{
	if (sb->doc != r->doc || sb->generation != r->generation ||
	    sb->built_width != sb->width) {
		sidebar_build(sb, r);
		sb->doc = r->doc;
		sb->generation = r->generation;
		sb->built_width = sb->width;
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
		if (!sidebar_is_claim(&sb->rows[i]))
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
	while (delta != 0 || !sidebar_is_claim(&rows[sel])) {
		if ((step < 0 && sel == 0) || (step > 0 && sel + 1 >= sb->nrows)) {
			/* As far as it goes: back to the nearest claim. */
			if (!sidebar_is_claim(&rows[sel])) {
				step = -step;
				delta = 0;
			}
			else
				break;
			if ((step < 0 && sel == 0) ||
			    (step > 0 && sel + 1 >= sb->nrows))
				break;
		}
		sel += (size_t)step;
		if (sidebar_is_claim(&rows[sel]) && delta != 0)
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

int
sidebar_fold(struct sidebar *sb)
{
	sb->fold = !sb->fold;
	sb->doc = NONE;	/* rebuilt on the next sync */
	return DIRTY_SIDEBAR | DIRTY_STATUS;
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

	if (y < 0 || i >= sb->nrows || sb->rows[i].header)
		return NONE;
	/* The second line of a claim is that claim's. */
	return sb->rows[i].more ? i - 1 : i;
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
	if (sb->pos.sel >= sb->nrows ||
	    !sidebar_is_claim(&sb->rows[sb->pos.sel]))
		return NONE;
	return sb->rows[sb->pos.sel].sentence;
}

void
sidebar_draw(const struct sidebar *sb, const struct reader *r, WINDOW *win)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct document *doc = r->story->docs[r->doc];
	const struct sidebar_row *row;
	const struct sentence *sent;
	const char *label;
	char count[64];
	size_t i, p, start, end;
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
		if (row->folded) {
			snprintf(count, sizeof count, "%zu only here, %s shows",
			    row->count, action_def(ACTION_FOLD)->keys);
			paint_text_clip(win, y, 1, count, strlen(count), w - 1,
			    A_DIM);
			continue;
		}
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
		if (i == sb->pos.sel || (row->more && i - 1 == sb->pos.sel))
			a = r->focus == PANE_CLAIMS ? A_REVERSE : A_BOLD;
		paint_fill(win, y, 0, w, a);
		sent = &doc->sentences[row->sentence];
		if (row->more) {
			/* Under the dots, the rest, cut short. */
			p = sidebar_rest(r, row, w, NULL, NULL);
			x = r->story->ndocs <= 8 ? (int)r->story->ndocs + 2 : 2;
			if (x + SIDEBAR_WORDS_MIN > w)
				x = 1;
			paint_text_clip(win, y, x, sent->text + p,
			    row->text.end - p, w - x, a);
			continue;
		}
		x = sidebar_lead(r, win, y, w, row, a);
		if (i + 1 < sb->nrows && sb->rows[i + 1].more) {
			sidebar_rest(r, row, w, &start, &end);
			paint_text(win, y, x, sent->text + start, end - start,
			    w - x, a);
		} else
			paint_text_clip(win, y, x, sent->text + row->text.start,
			    row->text.end - row->text.start, w - x, a);
	}
}
