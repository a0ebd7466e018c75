/* overlay: help, topic picker, coverage matrix, claim detail, messages. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "coverage.h"
#include "drift.h"
#include "editor.h"
#include "document.h"
#include "overlay.h"
#include "paint.h"
#include "prompt.h"
#include "strbuf.h"
#include "story.h"
#include "tagger.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "xalloc.h"

#define HELP_MOUSE_LINES 2
#define MATRIX_CELL 6

static const char *help_mouse[HELP_MOUSE_LINES][2] = {
	{ "click", "select a source, sentence, claim or overlay row" },
	{ "wheel", "scroll the pane under the pointer" },
};

/*
 * Walks the message's lines wrapped to WIDTH, calling FN (when not NULL)
 * for each; returns how many there are.
 */
static size_t
message_lines(const char *text, int width,
    void (*fn)(const char *, size_t, size_t, size_t, void *), void *arg)
{
	const char *p = text, *end;
	size_t n = 0, pos, start, stop;

	while (*p != '\0') {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		pos = 0;
		if (end == p)
			n++;	/* an empty line still takes a row */
		while (paint_wrap_line(p, (size_t)(end - p), &pos, width, &start,
		    &stop)) {
			if (fn != NULL)
				fn(p, start, stop, n, arg);
			n++;
		}
		p = *end != '\0' ? end + 1 : end;
	}
	return n;
}

/* How many rows the overlay scrolls through. */
static size_t
overlay_rows(const struct reader *r)
{
	size_t n;

	switch (r->overlay.kind) {
	case OVERLAY_HELP:
		action_table(&n);
		return n + HELP_MOUSE_LINES;
	case OVERLAY_TOPICS:
		/* Adding a keyword, the last row makes a new topic. */
		return r->story->taxonomy->ntopics + 1 +
		    (r->overlay.keyword != NULL);
	case OVERLAY_MATRIX:
		return r->story->taxonomy->ntopics;
	case OVERLAY_DETAIL:
		return r->story->claims->items[r->overlay.claim].nrefs;
	case OVERLAY_EXPLAIN:
		return r->overlay.why == NULL ? 0 :
		    r->overlay.why->nmatches + r->overlay.why->nvetoes;
	case OVERLAY_MESSAGE:
		return message_lines(r->overlay.text, r->overlay.rect.w - 4,
		    NULL, NULL);
	default:
		return 0;
	}
}

/* Rows of content: the window less its border. */
static size_t
overlay_height(const struct reader *r)
{
	int h = r->overlay.rect.h - 2 - (r->overlay.kind == OVERLAY_MATRIX);

	return h > 0 ? (size_t)h : 1;
}

/* Frees what the open overlay computed for itself. */
static void
overlay_release(struct overlay *o)
{
	drift_free(o->drifts, o->ndrifts);
	o->drifts = NULL;
	o->ndrifts = 0;
	free(o->keyword);
	o->keyword = NULL;
	if (o->why != NULL)
		tagger_explanation_free(o->why);
	free(o->why);
	o->why = NULL;
}

int
overlay_open(struct reader *r, enum overlay_kind kind)
{
	struct overlay *o = &r->overlay;
	size_t claim, i;

	if (kind == OVERLAY_DETAIL) {
		claim = reader_current_claim(r);
		if (claim == NONE)
			return reader_no_claim(r);
		o->claim = claim;
	}
	overlay_release(o);
	o->kind = kind;
	o->pos.top = o->pos.sel = 0;
	o->left = 0;
	if (kind == OVERLAY_TOPICS) {
		o->pos.sel = r->filter == NONE ? 0 : r->filter + 1;
	} else if (kind == OVERLAY_MATRIX) {
		for (i = 0; i < r->norder && r->order[i] != r->doc; i++)
			;
		/* Start with the current source in view. */
		o->left = i < r->norder ? i : 0;
		if (o->left < 2)
			o->left = 0;
		else
			o->left -= 2;
	} else if (kind == OVERLAY_DETAIL) {
		const struct claim *c = &r->story->claims->items[o->claim];

		o->ndrifts = drift_find(r->story->docs, c->refs, c->nrefs,
		    &o->drifts);
		for (i = 0; i < c->nrefs; i++) {
			if (c->refs[i].doc == r->doc &&
			    (c->refs[i].sentence == r->sentence ||
			    o->pos.sel == 0))
				o->pos.sel = i;
		}
	}
	listpos_clamp(&o->pos, overlay_rows(r), overlay_height(r));
	return DIRTY_OVERLAY | DIRTY_STATUS;
}

int
overlay_message(struct reader *r, const char *title, char *text)
{
	free(r->overlay.text);
	free(r->overlay.title);
	r->overlay.text = text;
	r->overlay.title = xstrdup(title);
	return overlay_open(r, OVERLAY_MESSAGE);
}

/* Computes why the selected sentence carries its topics. */
int
overlay_explain(struct reader *r)
{
	const struct sentence *sent;
	struct tagger *tagger;
	struct tagger_explanation *why;

	if (r->sentence == NONE)
		return reader_message(r, true, "no sentence selected");
	sent = &r->story->docs[r->doc]->sentences[r->sentence];
	why = xcalloc(1, sizeof *why);
	tagger = tagger_new(r->story->taxonomy);
	tagger_explain(tagger, sent->text, sent->len, why);
	tagger_free(tagger);
	overlay_open(r, OVERLAY_EXPLAIN);
	r->overlay.why = why;
	r->overlay.claim_sentence = r->sentence;
	return DIRTY_OVERLAY | DIRTY_STATUS;
}

size_t
overlay_explained_topic(const struct reader *r)
{
	const struct tagger_explanation *why = r->overlay.why;
	size_t sel = r->overlay.pos.sel;

	if (r->overlay.kind != OVERLAY_EXPLAIN || why == NULL)
		return NONE;
	if (sel < why->nmatches)
		return why->matches[sel].topic;
	if (sel - why->nmatches < why->nvetoes)
		return why->vetoes[sel - why->nmatches].topic;
	return NONE;
}

char *
overlay_explained_text(const struct reader *r)
{
	const struct tagger_explanation *why = r->overlay.why;
	const struct sentence *sent;
	size_t sel = r->overlay.pos.sel;

	if (r->overlay.kind != OVERLAY_EXPLAIN || why == NULL ||
	    sel >= why->nmatches)
		return NULL;
	sent = &r->story->docs[r->doc]->sentences[r->overlay.claim_sentence];
	return xstrndup(sent->text + why->matches[sel].start,
	    why->matches[sel].end - why->matches[sel].start);
}

/* Which list of its topic a keyword pointer belongs to. */
static enum taxedit_list
overlay_keyword_list(const struct topic *topic, const char *keyword)
{
	size_t i;

	for (i = 0; i < topic->nmatch_case; i++) {
		if (topic->match_case[i] == keyword)
			return TAXEDIT_MATCH_CASE;
	}
	return TAXEDIT_KEYWORDS;
}

int
overlay_remove_keyword(struct reader *r)
{
	const struct tagger_explanation *why = r->overlay.why;
	const struct taxonomy *tax = r->story->taxonomy;
	enum taxedit_list list;
	size_t sel = r->overlay.pos.sel, topic;
	char *keyword;
	int dirty;

	if (r->overlay.kind != OVERLAY_EXPLAIN || why == NULL ||
	    sel >= why->nmatches + why->nvetoes)
		return 0;
	if (sel < why->nmatches) {
		topic = why->matches[sel].topic;
		list = overlay_keyword_list(&tax->topics[topic],
		    why->matches[sel].keyword);
		keyword = xstrdup(why->matches[sel].keyword);
	} else {
		topic = why->vetoes[sel - why->nmatches].topic;
		list = TAXEDIT_EXCLUDE;
		keyword = xstrdup(why->vetoes[sel - why->nmatches].exclude);
	}
	/* The re-tag frees the taxonomy the explanation points into. */
	overlay_close(r);
	dirty = DIRTY_ALL | editor_change_keyword(r, topic, (int)list, keyword,
	    false);
	free(keyword);
	return dirty;
}

int
overlay_pick_topic_for(struct reader *r, const char *keyword)
{
	int dirty = overlay_open(r, OVERLAY_TOPICS);

	r->overlay.keyword = xstrdup(keyword);
	/* Start on the selected sentence's topic, a likely home. */
	if (r->sentence != NONE &&
	    reader_sentence_topic(r, r->doc, r->sentence) != NONE)
		r->overlay.pos.sel = reader_sentence_topic(r, r->doc,
		    r->sentence) + 1;
	listpos_clamp(&r->overlay.pos, overlay_rows(r), overlay_height(r));
	return dirty;
}

int
overlay_close(struct reader *r)
{
	r->overlay.kind = OVERLAY_NONE;
	overlay_release(&r->overlay);
	return DIRTY_ALL;
}

/* Whether the overlay is a list with a selection (else it only scrolls). */
static bool
overlay_selects(const struct reader *r)
{
	return r->overlay.kind == OVERLAY_TOPICS ||
	    r->overlay.kind == OVERLAY_MATRIX ||
	    r->overlay.kind == OVERLAY_DETAIL ||
	    r->overlay.kind == OVERLAY_EXPLAIN;
}

static int
overlay_move(struct reader *r, long delta)
{
	struct listpos *pos = &r->overlay.pos;
	size_t n = overlay_rows(r), h = overlay_height(r), top = pos->top;

	if (!overlay_selects(r)) {
		listpos_scroll(pos, n, h, delta);
		return DIRTY_OVERLAY;
	}
	listpos_move(pos, n, h, delta);
	/* The detail's rows are wrapped entries: its drawing scrolls. */
	if (r->overlay.kind == OVERLAY_DETAIL)
		pos->top = top;
	return DIRTY_OVERLAY;
}

/* Enter: choose the topic, open the source, or filter by the matrix row. */
static int
overlay_select(struct reader *r)
{
	struct overlay *o = &r->overlay;
	const struct claim_ref *ref;
	size_t sel = o->pos.sel;
	char *keyword;
	int dirty;

	switch (o->kind) {
	case OVERLAY_TOPICS:
		if (o->keyword != NULL && sel > r->story->taxonomy->ntopics) {
			free(r->new_keyword);
			r->new_keyword = o->keyword;
			o->keyword = NULL;
			overlay_close(r);
			return DIRTY_ALL | prompt_start(r, PROMPT_TOPIC_ID, NULL);
		}
		if (o->keyword != NULL) {
			keyword = o->keyword;
			o->keyword = NULL;
			overlay_close(r);
			dirty = sel == 0 ? reader_message(r, true,
			    "not added: choose a topic") :
			    editor_change_keyword(r, sel - 1, TAXEDIT_KEYWORDS,
			    keyword, true);
			free(keyword);
			return DIRTY_ALL | dirty;
		}
		overlay_close(r);
		return DIRTY_ALL | reader_set_filter(r, sel == 0 ? NONE : sel - 1);
	case OVERLAY_MATRIX:
		overlay_close(r);
		return DIRTY_ALL | reader_set_filter(r, sel);
	case OVERLAY_DETAIL:
		ref = &r->story->claims->items[o->claim].refs[sel];
		overlay_close(r);
		if (!reader_sentence_shown(r, ref->doc, ref->sentence))
			reader_set_filter(r, NONE);
		dirty = reader_open(r, ref->doc, ref->sentence);
		r->focus = PANE_ARTICLE;
		return DIRTY_ALL | dirty;
	default:
		return overlay_close(r);
	}
}

int
overlay_action(struct reader *r, enum action a)
{
	size_t h = overlay_height(r), ncols;

	switch (a) {
	case ACTION_DOWN:
		return overlay_move(r, 1);
	case ACTION_UP:
		return overlay_move(r, -1);
	case ACTION_PAGE_DOWN:
		return overlay_move(r, (long)h);
	case ACTION_PAGE_UP:
		return overlay_move(r, -(long)h);
	case ACTION_TOP:
		return overlay_move(r, -(long)overlay_rows(r));
	case ACTION_BOTTOM:
		return overlay_move(r, (long)overlay_rows(r));
	case ACTION_LEFT:
		if (r->overlay.kind != OVERLAY_MATRIX || r->overlay.left == 0)
			return 0;
		r->overlay.left--;
		return DIRTY_OVERLAY;
	case ACTION_RIGHT:
		ncols = r->norder;
		if (r->overlay.kind != OVERLAY_MATRIX ||
		    r->overlay.left + 1 >= ncols)
			return 0;
		r->overlay.left++;
		return DIRTY_OVERLAY;
	case ACTION_SELECT:
		return overlay_select(r);
	case ACTION_CLOSE:
	case ACTION_QUIT:
		return overlay_close(r);
	case ACTION_HELP:
		if (r->overlay.kind == OVERLAY_HELP)
			return overlay_close(r);
		return overlay_open(r, OVERLAY_HELP);
	case ACTION_TOPIC:
		return overlay_open(r, OVERLAY_TOPICS);
	case ACTION_MATRIX:
		return overlay_open(r, OVERLAY_MATRIX);
	default:
		return 0;
	}
}

int
overlay_mouse(struct reader *r, int y, int x, int wheel)
{
	const struct rect *rc = &r->overlay.rect;
	struct listpos *pos = &r->overlay.pos;
	int row = y - rc->y - 1 - (r->overlay.kind == OVERLAY_MATRIX);

	if (wheel != 0)
		return overlay_move(r, wheel * 3);
	if (y < rc->y || y >= rc->y + rc->h || x < rc->x || x >= rc->x + rc->w)
		return overlay_close(r);
	if (!overlay_selects(r) || r->overlay.kind == OVERLAY_DETAIL || row < 0)
		return 0;
	if (pos->top + (size_t)row < overlay_rows(r))
		pos->sel = pos->top + (size_t)row;
	return DIRTY_OVERLAY;
}

static void
overlay_box(WINDOW *win, const char *title, const char *footer)
{
	int h, w;

	getmaxyx(win, h, w);
	werase(win);
	wattrset(win, A_NORMAL);
	box(win, 0, 0);
	if (w > 6)
		paint_text_clip(win, 0, 2, title, strlen(title), w - 4, A_BOLD);
	if (footer != NULL && w > 6 && h > 2)
		paint_text_clip(win, h - 1, 2, footer, strlen(footer), w - 4,
		    A_DIM);
}

static void
draw_help(struct reader *r, WINDOW *win, int h, int w)
{
	const struct action_def *t;
	size_t n, i;
	int y, kw = w / 3 < 22 ? w / 3 : 22;
	const char *keys, *help;

	t = action_table(&n);
	for (y = 0; y < h; y++) {
		i = r->overlay.pos.top + (size_t)y;
		if (i >= n + HELP_MOUSE_LINES)
			break;
		keys = i < n ? t[i].keys : help_mouse[i - n][0];
		help = i < n ? t[i].help : help_mouse[i - n][1];
		paint_text_clip(win, y + 1, 2, keys, strlen(keys), kw - 1, A_BOLD);
		paint_text_clip(win, y + 1, 2 + kw, help, strlen(help),
		    w - kw - 1, A_NORMAL);
	}
}

static void
draw_topics(struct reader *r, WINDOW *win, int h, int w)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct coverage *cov = story_coverage(r->story);
	const struct topic *topic;
	char count[32];
	size_t i, j, t, total;
	int y, x, cw;
	attr_t a;

	for (y = 0; y < h; y++) {
		i = r->overlay.pos.top + (size_t)y;
		if (i >= overlay_rows(r))
			break;
		a = i == r->overlay.pos.sel ? A_REVERSE : A_NORMAL;
		paint_fill(win, y + 1, 1, w, a);
		if (i > tax->ntopics) {
			paint_text(win, y + 1, 3, "+ a new topic", 13, w - 3,
			    a | A_BOLD);
			continue;
		}
		if ((i == 0 && r->filter == NONE) || (i > 0 && i - 1 == r->filter)) {
			wattrset(win, a);
			mvwaddstr(win, y + 1, 1, paint_glyph(GLYPH_MARKER));
		}
		if (i == 0) {
			paint_text(win, y + 1, 3, "All topics", 10, w - 3, a | A_BOLD);
			continue;
		}
		t = i - 1;
		topic = &tax->topics[t];
		for (total = 0, j = 0; j < r->norder; j++)
			total += coverage_count(cov, t, r->order[j]);
		snprintf(count, sizeof count, " %zu", total);
		cw = (int)strlen(count);
		x = 3 + 2 * (int)(topic->depth < 8 ? topic->depth : 8);
		paint_text_clip(win, y + 1, x, topic->label,
		    strlen(topic->label), w - x - cw, a |
		    paint_topic_attr(tax, t));
		paint_text(win, y + 1, w - cw, count, (size_t)cw, cw,
		    total == 0 ? a | A_DIM : a);
	}
}

/* Whether DOC leaves out topic T that the other sources cover. */
static bool
matrix_omitted(const struct coverage *cov, size_t doc, size_t t)
{
	size_t i;

	for (i = 0; i < cov->sources[doc].nomitted; i++) {
		if (cov->sources[doc].omitted[i] == t)
			return true;
	}
	return false;
}

static void
draw_matrix(struct reader *r, WINDOW *win, int h, int w)
{
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
	for (k = 0; k < (size_t)ncols && r->overlay.left + k < n; k++) {
		j = r->overlay.left + k;
		name = reader_source_name(r, r->order[j]);
		a = r->order[j] == r->doc ? A_BOLD | A_UNDERLINE : A_BOLD;
		x = 1 + lw + (int)k * MATRIX_CELL;
		paint_text_clip(win, 1, x, name, strlen(name),
		    MATRIX_CELL - 1 < w + 1 - x ? MATRIX_CELL - 1 : w + 1 - x, a);
	}
	for (y = 0; y < h; y++) {
		t = r->overlay.pos.top + (size_t)y;
		if (t >= tax->ntopics)
			break;
		a = t == r->overlay.pos.sel ? A_REVERSE : A_NORMAL;
		x = 1 + 2 * (int)(tax->topics[t].depth < 4 ? tax->topics[t].depth : 4);
		paint_fill(win, y + 2, 1, lw, a);
		paint_text_clip(win, y + 2, x, tax->topics[t].label,
		    strlen(tax->topics[t].label), lw - x, a |
		    paint_topic_attr(tax, t));
		for (k = 0; k < (size_t)ncols && r->overlay.left + k < n; k++) {
			j = r->order[r->overlay.left + k];
			x = 1 + lw + (int)k * MATRIX_CELL;
			count = coverage_count(cov, t, j);
			if (count != 0) {
				/* Right-aligned by hand: paint_text folds spaces. */
				snprintf(cell, sizeof cell, "%zu", count);
				cw = (int)strlen(cell) < 4 ? (int)strlen(cell) : 4;
				paint_text(win, y + 2, x + 4 - cw, cell, strlen(cell),
				    w + 1 - (x + 4 - cw), A_NORMAL);
			} else if (matrix_omitted(cov, j, t)) {
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

struct quote_ctx {
	const struct reader *r;
	const struct claim *c;
	size_t ref;
	struct span *drift;	/* this sentence's spans that drifted */
	size_t ndrift;
};

static const struct sentence *
ref_sentence(const struct reader *r, const struct claim_ref *ref)
{
	return &r->story->docs[ref->doc]->sentences[ref->sentence];
}

/* Quotes are marked; words another outlet quotes differently are stressed. */
static attr_t
quote_attr(const void *ctx, size_t at)
{
	const struct quote_ctx *q = ctx;
	const struct claim_ref *ref = &q->c->refs[q->ref];
	const struct sentence *sent = ref_sentence(q->r, ref);
	size_t i;

	for (i = 0; i < sent->nquotes; i++) {
		if (at < sent->quotes[i].start || at >= sent->quotes[i].end)
			continue;
		if (document_spans_contain(q->drift, q->ndrift, at))
			return paint_attr_quote() | A_BOLD | A_UNDERLINE;
		return paint_attr_quote();
	}
	return A_NORMAL;
}

static void
draw_detail(struct reader *r, WINDOW *win, int h, int w)
{
	const struct claim *c = &r->story->claims->items[r->overlay.claim];
	const struct sentence *sent;
	struct quote_ctx q = { r, c, 0, NULL, 0 };
	struct listpos *pos = &r->overlay.pos;
	size_t i, line = 0, lstart, lend, p, sel_first = 0, sel_last = 0;
	const char *name;
	char head[64];
	int y;
	bool pass;

	/* Two passes: find the selected entry's lines, then draw. */
	for (pass = false;; pass = true) {
		line = 0;
		for (i = 0; i < c->nrefs; i++) {
			sent = ref_sentence(r, &c->refs[i]);
			if (i == pos->sel)
				sel_first = line;
			y = (int)line - (int)pos->top;
			if (pass && y >= 0 && y < h) {
				name = reader_source_name(r, c->refs[i].doc);
				paint_fill(win, y + 1, 1, w, i == pos->sel ?
				    A_REVERSE : A_NORMAL);
				paint_text_clip(win, y + 1, 2, name, strlen(name),
				    w - 20, A_BOLD | (i == pos->sel ? A_REVERSE : 0));
				if (c->refs[i].doc == r->doc) {
					snprintf(head, sizeof head, "(this source)");
					paint_text(win, y + 1, w - 14, head,
					    strlen(head), 14, A_DIM |
					    (i == pos->sel ? A_REVERSE : 0));
				}
			}
			line++;
			p = 0;
			q.ref = i;
			if (pass)
				q.ndrift = drift_spans(r->overlay.drifts,
				    r->overlay.ndrifts, c->refs[i].doc,
				    c->refs[i].sentence, &q.drift);
			while (paint_wrap_line(sent->text, sent->len, &p, w - 4,
			    &lstart, &lend)) {
				y = (int)line - (int)pos->top;
				if (pass && y >= 0 && y < h)
					paint_text_by(win, y + 1, 4, sent->text,
					    lstart, lend, w - 4, quote_attr, &q);
				line++;
			}
			free(q.drift);
			q.drift = NULL;
			q.ndrift = 0;
			if (i == pos->sel)
				sel_last = line;
			line++;
			if (pass && (int)line - (int)pos->top >= h)
				break;
		}
		if (pass)
			break;
		if (sel_first < pos->top)
			pos->top = sel_first;
		if (sel_last > pos->top + (size_t)h)
			pos->top = sel_last - (size_t)h;
		if (sel_first < pos->top)
			pos->top = sel_first;
	}
}

struct message_draw {
	WINDOW *win;
	size_t top;
	int h, w;
};

static void
message_line(const char *s, size_t start, size_t stop, size_t n, void *arg)
{
	struct message_draw *d = arg;

	if (n < d->top || n >= d->top + (size_t)d->h)
		return;
	paint_text(d->win, (int)(n - d->top) + 1, 2, s + start, stop - start,
	    d->w - 2, A_NORMAL);
}

static void
draw_explain(struct reader *r, WINDOW *win, int h, int w)
{
	const struct taxonomy *tax = r->story->taxonomy;
	const struct tagger_explanation *why = r->overlay.why;
	const struct sentence *sent;
	struct strbuf sb = STRBUF_INIT;
	const char *none = "No keyword of the taxonomy matches this sentence.";
	size_t i, topic, n = why->nmatches + why->nvetoes;
	int y, x;
	attr_t a;

	sent = &r->story->docs[r->doc]->sentences[r->overlay.claim_sentence];
	if (n == 0)
		paint_text(win, 1, 2, none, strlen(none), w - 2, A_NORMAL);
	for (y = 0; y < h; y++) {
		i = r->overlay.pos.top + (size_t)y;
		if (i >= n)
			break;
		strbuf_reset(&sb);
		if (i < why->nmatches) {
			topic = why->matches[i].topic;
			strbuf_addf(&sb, "keyword \"%s\" matched \"%.*s\"",
			    why->matches[i].keyword,
			    (int)(why->matches[i].end - why->matches[i].start),
			    sent->text + why->matches[i].start);
		} else {
			topic = why->vetoes[i - why->nmatches].topic;
			strbuf_addf(&sb, "vetoed by exclude \"%s\"",
			    why->vetoes[i - why->nmatches].exclude);
		}
		a = i == r->overlay.pos.sel ? A_REVERSE : A_NORMAL;
		paint_fill(win, y + 1, 1, w, a);
		x = 2 + paint_text_clip(win, y + 1, 2, tax->topics[topic].label,
		    strlen(tax->topics[topic].label), w / 3, a | A_BOLD |
		    paint_topic_attr(tax, topic));
		paint_text_clip(win, y + 1, x + 2, sb.data, sb.len, w - x - 2, a);
	}
	strbuf_free(&sb);
}

static void
draw_message(struct reader *r, WINDOW *win, int h, int w)
{
	struct message_draw d = { win, r->overlay.pos.top, h, w };

	message_lines(r->overlay.text, w - 2, message_line, &d);
}

/* Footers: the table's keys for what each overlay offers. */
static const struct action_hint help_hints[] = {
	{ ACTION_QUIT, "closes" }, { ACTION_PAGE_DOWN, "pages" },
};
static const struct action_hint filter_hints[] = {
	{ ACTION_SELECT, "chooses" }, { ACTION_QUIT, "closes" },
};
static const struct action_hint add_hints[] = {
	{ ACTION_SELECT, "adds it" }, { ACTION_QUIT, "cancels" },
};
static const struct action_hint detail_hints[] = {
	{ ACTION_SELECT, "opens" },
};
static const struct action_hint explain_hints[] = {
	{ ACTION_DELETE, "removes the keyword" },
	{ ACTION_EDIT, "edits its topic" }, { ACTION_ADD, "adds one" },
};
static const struct action_hint error_line_hints[] = {
	{ ACTION_EDIT, "edits again at the first error" },
	{ ACTION_DELETE, "discards the edit" }, { ACTION_QUIT, "keeps the file" },
};
static const struct action_hint error_hints[] = {
	{ ACTION_EDIT, "edits again" },
	{ ACTION_DELETE, "discards the edit" }, { ACTION_QUIT, "keeps the file" },
};

#define HINTS(h) h, sizeof h / sizeof h[0]

void
overlay_draw(struct reader *r, WINDOW *win)
{
	const struct claim *c;
	struct strbuf footer = STRBUF_INIT;
	char title[160];
	int h, w;

	getmaxyx(win, h, w);
	h -= 2;
	w -= 2;
	switch (r->overlay.kind) {
	case OVERLAY_HELP:
		action_footer(&footer, HINTS(help_hints));
		overlay_box(win, "Keys", footer.data);
		break;
	case OVERLAY_TOPICS:
		if (r->overlay.keyword != NULL) {
			snprintf(title, sizeof title, "Add \"%.100s\" to which topic?",
			    r->overlay.keyword);
			action_footer(&footer, HINTS(add_hints));
			overlay_box(win, title, footer.data);
		} else {
			action_footer(&footer, HINTS(filter_hints));
			overlay_box(win, "Topic filter", footer.data);
		}
		break;
	case OVERLAY_MATRIX:
		snprintf(title, sizeof title, "%s: left out here, covered elsewhere",
		    paint_glyph(GLYPH_GAP));
		overlay_box(win, "Coverage: sentences per topic and source", title);
		h--;
		break;
	case OVERLAY_DETAIL:
		c = &r->story->claims->items[r->overlay.claim];
		snprintf(title, sizeof title, "Claim %zu: %zu of %zu sources",
		    c->id, c->ndocs, r->story->ndocs);
		strbuf_addstr(&footer, "stressed words: quoted differently "
		    "elsewhere; ");
		action_footer(&footer, HINTS(detail_hints));
		overlay_box(win, title, footer.data);
		break;
	case OVERLAY_EXPLAIN:
		snprintf(title, sizeof title, "Why sentence %zu carries its topics",
		    r->overlay.claim_sentence + 1);
		action_footer(&footer, HINTS(explain_hints));
		overlay_box(win, title, footer.data);
		break;
	case OVERLAY_MESSAGE:
		if (r->overlay.line != 0)
			action_footer(&footer, HINTS(error_line_hints));
		else
			action_footer(&footer, HINTS(error_hints));
		overlay_box(win, r->overlay.title, footer.data);
		break;
	default:
		return;
	}
	strbuf_free(&footer);
	if (h < 1 || w < 1)
		return;
	switch (r->overlay.kind) {
	case OVERLAY_HELP:
		draw_help(r, win, h, w);
		break;
	case OVERLAY_TOPICS:
		draw_topics(r, win, h, w);
		break;
	case OVERLAY_MATRIX:
		draw_matrix(r, win, h, w);
		break;
	case OVERLAY_DETAIL:
		draw_detail(r, win, h, w);
		break;
	case OVERLAY_EXPLAIN:
		draw_explain(r, win, h, w);
		break;
	default:
		draw_message(r, win, h, w);
		break;
	}
}
