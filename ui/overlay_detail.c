/* overlay_detail: a claim's wording in each source, drift stressed, and
 * the sentences of other outlets that give another figure for it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "discrepancy.h"
#include "document.h"
#include "drift.h"
#include "overlay_detail.h"
#include "paint.h"
#include "story.h"
#include "strbuf.h"
#include "xalloc.h"

/* The name column leaves room for "(this source)". */
#define DETAIL_MARK_WIDTH 14

static const struct action_hint overlay_detail_hints[] = {
	{ ACTION_SELECT, "opens" },
};

/*
 * An entry: a sentence of the claim, or (past the claim's own) the other
 * side of one of its discrepancies.
 */
struct overlay_detail_entry {
	struct claim_ref ref;
	bool other;		/* another claim's sentence, another figure */
};

struct overlay_detail {
	size_t claim;
	size_t top;		/* the first line shown: entries wrap */
	struct overlay_detail_entry *entries;
	size_t nentries;
};

static const struct claim *
overlay_detail_claim(const struct overlay *o, const struct reader *r)
{
	const struct overlay_detail *d = o->state;

	return &r->story->claims->items[d->claim];
}

static void
overlay_detail_entries(struct overlay_detail *d, const struct claims *claims,
    const struct claim *c)
{
	const struct discrepancy *disc;
	size_t *idx, n, i;

	n = discrepancy_of_claim(claims, c->id, &idx);
	d->entries = xreallocarray(NULL, c->nrefs + n + 1,
	    sizeof *d->entries);
	for (i = 0; i < c->nrefs; i++) {
		d->entries[d->nentries].ref = c->refs[i];
		d->entries[d->nentries++].other = false;
	}
	for (i = 0; i < n; i++) {
		disc = &claims->discrepancies[idx[i]];
		/* Within one claim, both sides are listed already. */
		if (disc->claim_a == disc->claim_b)
			continue;
		d->entries[d->nentries].ref = disc->claim_a == c->id ?
		    disc->b : disc->a;
		d->entries[d->nentries++].other = true;
	}
	free(idx);
}

static void
overlay_detail_release(void *state)
{
	struct overlay_detail *d = state;

	free(d->entries);
	free(d);
}

static int
overlay_detail_open(struct overlay *o, struct reader *r, const void *arg)
{
	struct overlay_detail *d;
	const struct claim *c;
	size_t claim = reader_current_claim(r), i;

	(void)arg;
	if (claim == NONE) {
		reader_no_claim(r);
		return -1;
	}
	d = xcalloc(1, sizeof *d);
	d->claim = claim;
	o->state = d;
	c = overlay_detail_claim(o, r);
	overlay_detail_entries(d, r->story->claims, c);
	/* Start on this source's wording, at the selected sentence if it
	 * states the claim twice. */
	for (i = 0; i < c->nrefs; i++) {
		if (c->refs[i].doc == r->doc &&
		    (c->refs[i].sentence == r->sentence || o->pos.sel == 0))
			o->pos.sel = i;
	}
	return 0;
}

static size_t
overlay_detail_rows(const struct overlay *o, const struct reader *r)
{
	const struct overlay_detail *d = o->state;

	(void)r;
	return d->nentries;
}

static const struct sentence *
overlay_detail_sentence(const struct reader *r, const struct claim_ref *ref)
{
	return &r->story->docs[ref->doc]->sentences[ref->sentence];
}

/* Lines an entry takes at width W: its name, its wrapped sentence (or
 * the unit of it REF names), a gap. */
static size_t
overlay_detail_lines(const struct sentence *sent,
    const struct claim_ref *ref, int w)
{
	struct span unit = claims_ref_span(sent, ref);
	size_t n = 2, p = unit.start, start, end;

	while (paint_wrap_line(sent->text, unit.end, &p, w - 4, &start, &end))
		n++;
	return n;
}

/* Scrolls the least that shows the selected entry. */
static void
overlay_detail_show(struct overlay *o, const struct reader *r, size_t height)
{
	struct overlay_detail *d = o->state;
	size_t i, line = 0, first = 0, last = 0;
	int w = o->rect.w - 2;

	for (i = 0; i < d->nentries && i <= o->pos.sel; i++) {
		first = line;
		line += overlay_detail_lines(overlay_detail_sentence(r,
		    &d->entries[i].ref), &d->entries[i].ref, w);
		last = line - 1;	/* the gap below the entry */
	}
	if (last > d->top + height)
		d->top = last - height;
	if (first < d->top)
		d->top = first;
}

struct overlay_detail_quote {
	const struct sentence *sent;
	struct span *drift;	/* this sentence's spans that drifted */
	size_t ndrift;
	struct span *figures;	/* its figures another outlet gives otherwise */
	size_t nfigures;
};

/* Quotes are marked; words another outlet quotes differently, and figures
 * another outlet gives otherwise, are stressed. */
static attr_t
overlay_detail_attr(const void *ctx, size_t at)
{
	const struct overlay_detail_quote *q = ctx;
	const struct sentence *sent = q->sent;
	size_t i;

	if (document_spans_contain(q->figures, q->nfigures, at))
		return A_BOLD | A_UNDERLINE;

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
overlay_detail_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_detail *d = o->state;
	const struct claim *c = overlay_detail_claim(o, r);
	const struct claim_ref *ref;
	struct overlay_detail_quote q;
	size_t i, line = 0, lstart, lend, p;
	const char *name, *mark;
	attr_t sel;
	int y;

	for (i = 0; i < d->nentries && (int)line - (int)d->top < h; i++) {
		ref = &d->entries[i].ref;
		q.sent = overlay_detail_sentence(r, ref);
		mark = d->entries[i].other ? "other figure" :
		    ref->doc == r->doc ? "(this source)" : NULL;
		y = (int)line - (int)d->top;
		sel = i == o->pos.sel ? A_REVERSE : 0;
		if (y >= 0) {
			name = reader_source_name(r, ref->doc);
			paint_fill(win, y + 1, 1, w, sel);
			paint_text_clip(win, y + 1, 2, name, strlen(name),
			    w - 20, A_BOLD | sel);
			if (mark != NULL)
				paint_text(win, y + 1, w - DETAIL_MARK_WIDTH, mark,
				    strlen(mark), DETAIL_MARK_WIDTH, A_DIM | sel);
		}
		line++;
		q.ndrift = drift_spans(c->drifts, c->ndrifts, ref->doc,
		    ref->sentence, &q.drift);
		q.nfigures = discrepancy_figures(r->story->claims, ref->doc,
		    ref->sentence, &q.figures);
		p = claims_ref_span(q.sent, ref).start;
		while (paint_wrap_line(q.sent->text,
		    claims_ref_span(q.sent, ref).end, &p, w - 4, &lstart,
		    &lend)) {
			y = (int)line - (int)d->top;
			if (y >= 0 && y < h)
				paint_text_by(win, y + 1, 4, q.sent->text, lstart,
				    lend, w - 4, overlay_detail_attr, &q);
			line++;
		}
		free(q.drift);
		free(q.figures);
		line++;
	}
}

static void
overlay_detail_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_detail *d = o->state;
	const struct claim *c = overlay_detail_claim(o, r);

	strbuf_addf(sb, "Claim %zu: %zu of %zu sources", c->id, c->ndocs,
	    r->story->ndocs);
	if (d->nentries > c->nrefs)
		strbuf_addf(sb, ", %zu other figure%s", d->nentries - c->nrefs,
		    d->nentries - c->nrefs == 1 ? "" : "s");
}

static void
overlay_detail_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	strbuf_addstr(sb, "stressed: quoted or counted otherwise elsewhere; ");
	OVERLAY_HINTS(sb, overlay_detail_hints);
}

static int
overlay_detail_key(struct overlay *o, struct reader *r, enum action a)
{
	const struct claim_ref *ref;
	int dirty;

	if (a != ACTION_SELECT)
		return 0;
	ref = &((const struct overlay_detail *)o->state)->entries[
	    o->pos.sel].ref;
	if (!reader_sentence_shown(r, ref->doc, ref->sentence))
		reader_set_filter(r, NONE);
	dirty = reader_open(r, ref->doc, ref->sentence);
	r->focus = PANE_ARTICLE;
	return REACT_CLOSE | DIRTY_ALL | dirty;
}

const struct overlay_kind overlay_detail_kind = {
	.name = "detail",
	.selects = true,
	.open = overlay_detail_open,
	.rows = overlay_detail_rows,
	.key = overlay_detail_key,
	.draw = overlay_detail_draw,
	.title = overlay_detail_title,
	.footer = overlay_detail_footer,
	.show = overlay_detail_show,
	.release = overlay_detail_release,
};
