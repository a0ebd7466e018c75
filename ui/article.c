/* article: the current source wrapped by display width, drawn virtually. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "document.h"
#include "fold.h"
#include "paint.h"
#include "reader.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "text.h"
#include "xalloc.h"

struct wrap {
	struct article_lines *l;
	size_t cap_runs, cap_lines;
	int col;
};

static void
article_lines_free(struct article_lines *l)
{
	free(l->runs);
	free(l->first);
	free(l->sentence_line);
	free(l->sentence_last);
	free(l->byline);
	memset(l, 0, sizeof *l);
}

static void
article_wrap_newline(struct wrap *w)
{
	struct article_lines *l = w->l;

	if (l->nlines + 2 > w->cap_lines) {
		w->cap_lines = w->cap_lines * 2 + 64;
		l->first = xreallocarray(l->first, w->cap_lines, sizeof *l->first);
	}
	l->first[++l->nlines] = l->nruns;
	w->col = 0;
}

/* Appends [start, end) of sentence S at the current column. */
static void
article_wrap_run(struct wrap *w, size_t s, size_t start, size_t end, int width)
{
	struct article_lines *l = w->l;
	struct article_run *last;
	bool same_line;

	same_line = l->nruns > l->first[l->nlines];
	last = l->nruns != 0 ? &l->runs[l->nruns - 1] : NULL;
	if (same_line && last->sentence == s) {
		last->end = end;	/* the gap is this sentence's white space */
	} else {
		if (l->nruns == w->cap_runs) {
			w->cap_runs = w->cap_runs * 2 + 64;
			l->runs = xreallocarray(l->runs, w->cap_runs,
			    sizeof *l->runs);
		}
		l->runs[l->nruns++] = (struct article_run){ s, start, end, w->col };
	}
	if (s < l->nsentences) {
		if (l->sentence_line[s] == NONE)
			l->sentence_line[s] = l->nlines;
		l->sentence_last[s] = l->nlines;
	}
	w->col += width;
}

/* Flows the words of TEXT into the lines, breaking words wider than the pane. */
static void
article_wrap_text(struct wrap *w, size_t s, const char *text, size_t len)
{
	int width = w->l->width, ww;
	size_t pos = 0, start, end, fit;

	while ((ww = paint_next_word(text, len, &pos, &start, &end)) >= 0) {
		if (w->col > 0 && w->col + 1 + ww > width)
			article_wrap_newline(w);
		else if (w->col > 0)
			w->col++;
		while (ww > width - w->col) {
			fit = paint_fit(text + start, end - start, width - w->col);
			if (fit == 0)
				fit = 1;	/* a character wider than the pane */
			article_wrap_run(w, s, start, start + fit, width - w->col);
			article_wrap_newline(w);
			start += fit;
			ww = paint_width(text + start, end - start);
		}
		if (start < end)
			article_wrap_run(w, s, start, end, ww);
	}
}

/*
 * The header line under the title: outlet, date and author, those the
 * source has, " · " between them; an ISO 8601 date shown as
 * "2026-12-05 09:00 UTC".  NULL when the source has none of them.
 */
static char *
article_byline(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	const char *d = doc->date;

	if (doc->outlet != NULL)
		strbuf_addstr(&sb, doc->outlet);
	if (d != NULL) {
		if (sb.len > 0)
			strbuf_addstr(&sb, " \u00b7 ");
		if (strlen(d) >= 16 && d[10] == 'T') {
			strbuf_add(&sb, d, 10);
			strbuf_addch(&sb, ' ');
			strbuf_add(&sb, d + 11, 5);
			if (d[strlen(d) - 1] == 'Z')
				strbuf_addstr(&sb, " UTC");
		} else
			strbuf_addstr(&sb, d);
	}
	if (doc->author != NULL) {
		if (sb.len > 0)
			strbuf_addstr(&sb, " \u00b7 ");
		strbuf_addstr(&sb, "by ");
		strbuf_addstr(&sb, doc->author);
	}
	if (sb.len == 0)
		return NULL;
	return strbuf_detach(&sb);
}

/* Wraps the reader's document into A's lines at A's width. */
static void
article_wrap(struct article *a, const struct reader *r)
{
	struct article_lines *l = &a->lines;
	const struct document *doc;
	struct wrap w = { l, 0, 0, 0 };
	size_t s, para = NONE;
	int width = a->width < 1 ? 1 : a->width;

	article_lines_free(l);
	doc = r->story->docs[r->doc];
	l->width = width;
	l->nsentences = doc->nsentences;
	l->sentence_line = xreallocarray(NULL, doc->nsentences + 1,
	    sizeof *l->sentence_line);
	l->sentence_last = xreallocarray(NULL, doc->nsentences + 1,
	    sizeof *l->sentence_last);
	for (s = 0; s < doc->nsentences; s++)
		l->sentence_line[s] = l->sentence_last[s] = NONE;
	w.cap_lines = 64;
	l->first = xreallocarray(NULL, w.cap_lines, sizeof *l->first);
	l->first[0] = 0;
	if (doc->title != NULL) {
		article_wrap_text(&w, ARTICLE_TITLE, doc->title, strlen(doc->title));
		article_wrap_newline(&w);
	}
	if ((l->byline = article_byline(doc)) != NULL) {
		article_wrap_text(&w, ARTICLE_BYLINE, l->byline, strlen(l->byline));
		article_wrap_newline(&w);
	}
	if (doc->url != NULL) {
		article_wrap_text(&w, ARTICLE_URL, doc->url, strlen(doc->url));
		article_wrap_newline(&w);
	}
	if (doc->dateline != NULL) {
		article_wrap_text(&w, ARTICLE_DATELINE, doc->dateline,
		    strlen(doc->dateline));
		article_wrap_newline(&w);
	}
	for (s = 0; s < doc->nsentences; s++) {
		if (!reader_sentence_shown(r, r->doc, s))
			continue;
		if (doc->sentences[s].paragraph != para) {
			if (para != NONE || l->nruns != 0) {
				if (w.col > 0)
					article_wrap_newline(&w);
				article_wrap_newline(&w);	/* a blank line between paragraphs */
			}
			para = doc->sentences[s].paragraph;
		}
		article_wrap_text(&w, s, doc->sentences[s].text, doc->sentences[s].len);
	}
	if (w.col > 0)
		article_wrap_newline(&w);
}

void
article_init(struct article *a)
{
	memset(a, 0, sizeof *a);
	a->doc = a->generation = a->followed = NONE;
}

void
article_free(struct article *a)
{
	article_lines_free(&a->lines);
}

static size_t
article_height(const struct article *a)
{
	return a->height > 0 ? (size_t)a->height : 1;
}

/* Scrolls so that sentence S is on screen. */
static void
article_show_sentence(struct article *a, size_t s)
{
	struct article_lines *l = &a->lines;
	size_t h = article_height(a), first, last;

	if (s >= l->nsentences || l->sentence_line[s] == NONE)
		return;
	first = l->sentence_line[s];
	last = l->sentence_last[s];
	/* Show the title above the first sentence. */
	listpos_show(&a->view, l->nlines, h, first < h && last < h ? 0 :
	    first, last);
}

/*
 * Makes the lines match the reader's document, filter and tags and the
 * pane's width; another document, filter or tags start from the top.
 */
static void
article_rewrap(struct article *a, const struct reader *r)
{
	bool stale = a->doc != r->doc || a->generation != r->generation;

	if (stale) {
		a->view.top = 0;
		a->followed = NONE;
	}
	if (stale || a->lines.width != (a->width < 1 ? 1 : a->width)) {
		article_wrap(a, r);
		a->doc = r->doc;
		a->generation = r->generation;
	}
	listpos_scroll(&a->view, a->lines.nlines, article_height(a), 0);
}

void
article_sync(struct article *a, const struct reader *r)
{
	article_rewrap(a, r);
	if (r->selections != a->followed) {
		if (r->sentence != NONE)
			article_show_sentence(a, r->sentence);
		a->followed = r->selections;
	}
}

/* The text a run draws from. */
static const char *
article_run_text(const struct article_lines *l, const struct reader *r,
    const struct article_run *run)
{
	const struct document *doc = r->story->docs[r->doc];

	if (run->sentence == ARTICLE_TITLE)
		return doc->title;
	if (run->sentence == ARTICLE_BYLINE)
		return l->byline;
	if (run->sentence == ARTICLE_URL)
		return doc->url;
	if (run->sentence == ARTICLE_DATELINE)
		return doc->dateline;
	return doc->sentences[run->sentence].text;
}

static bool
article_in_matches(size_t at, const struct match *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (at >= m[i].start && at < m[i].end)
			return true;
	}
	return false;
}

/*
 * Whether byte AT of TEXT lies in an occurrence of the query.  A folded
 * character takes at most four bytes for each byte of the query it
 * matches, so hits starting further back cannot reach AT.
 */
static bool
article_in_hit(const struct reader *r, const char *text, size_t len, size_t at)
{
	size_t qlen, from, hit, end;

	if (r->query == NULL || (qlen = strlen(r->query)) == 0)
		return false;
	from = at + 1 > 4 * qlen ? at + 1 - 4 * qlen : 0;
	while ((hit = fold_find(text, len, r->query, qlen, from, &end)) !=
	    NONE && hit <= at) {
		if (at < end)
			return true;
		from = hit + 1;
	}
	return false;
}

/* The attribute of the byte at AT of a run. */
static attr_t
article_run_attr(const struct reader *r, const struct article_run *run,
    const char *text, size_t len, size_t at)
{
	const struct sentence *sent;
	attr_t a;

	if (run->sentence == ARTICLE_TITLE)
		return A_BOLD;
	if (run->sentence == ARTICLE_DATELINE ||
	    run->sentence == ARTICLE_BYLINE)
		return A_DIM;
	if (run->sentence == ARTICLE_URL)
		return A_DIM | A_UNDERLINE;
	sent = &r->story->docs[r->doc]->sentences[run->sentence];
	if (sent->boilerplate)
		a = A_DIM;
	else
		a = paint_topic_attr(r->story->taxonomy,
		    reader_sentence_topic(r, r->doc, run->sentence));
	if (sent->heading)
		a |= A_BOLD;	/* a heading of the body, as the title is */
	if (document_spans_contain(sent->quotes, sent->nquotes, at))
		a |= paint_attr_quote();
	if (article_in_matches(at, sent->matches, sent->nmatches))
		a |= A_BOLD | A_UNDERLINE;
	if (run->sentence == r->sentence)
		a |= A_REVERSE;
	if (article_in_hit(r, text, len, at))
		a = (a ^ A_REVERSE) | A_BOLD;
	return a;
}

struct run_ctx {
	const struct reader *r;
	const struct article_run *run;
	const char *text;
	size_t len;
};

static attr_t
article_run_attr_at(const void *ctx, size_t at)
{
	const struct run_ctx *c = ctx;

	return article_run_attr(c->r, c->run, c->text, c->len, at);
}

static void
article_draw_run(const struct article *a, const struct reader *r,
    WINDOW *win, int y, const struct article_run *run, int maxw)
{
	struct run_ctx c = { r, run, article_run_text(&a->lines, r, run), 0 };

	c.len = run->sentence < a->lines.nsentences ?
	    r->story->docs[r->doc]->sentences[run->sentence].len :
	    strlen(c.text);
	paint_text_by(win, y, run->col, c.text, run->start, run->end,
	    maxw - run->col, article_run_attr_at, &c);
}

void
article_draw(const struct article *a, const struct reader *r, WINDOW *win)
{
	const struct article_lines *l = &a->lines;
	const struct article_run *run, *prev;
	size_t line, i;
	int y, h, w;

	getmaxyx(win, h, w);
	werase(win);
	for (y = 0; y < h; y++) {
		line = a->view.top + (size_t)y;
		if (line >= l->nlines)
			break;
		prev = NULL;
		for (i = l->first[line]; i < l->first[line + 1]; i++) {
			run = &l->runs[i];
			/* The space between two selected runs is selected too. */
			if (prev != NULL && prev->sentence == r->sentence &&
			    run->sentence == r->sentence && run->col > 0)
				paint_fill(win, y, run->col - 1, 1, A_REVERSE);
			article_draw_run(a, r, win, y, run, w);
			prev = run;
		}
	}
}

/* The first sentence starting on line LINE, or NONE. */
static size_t
article_first_from_line(const struct article *a, size_t line)
{
	const struct article_lines *l = &a->lines;
	size_t i;

	for (i = l->first[line]; i < l->first[line + 1]; i++) {
		if (l->runs[i].sentence < l->nsentences &&
		    l->sentence_line[l->runs[i].sentence] == line)
			return l->runs[i].sentence;
	}
	return NONE;
}

/* The first sentence starting on a line at or after TOP. */
static size_t
article_first_from(const struct article *a, size_t top)
{
	size_t line, s;

	for (line = top; line < a->lines.nlines; line++) {
		if ((s = article_first_from_line(a, line)) != NONE)
			return s;
	}
	return NONE;
}

int
article_move(struct article *a, struct reader *r, int delta)
{
	const struct document *doc = r->story->docs[r->doc];
	size_t s = r->sentence, found = r->sentence;
	int step = delta > 0 ? 1 : -1;

	if (doc->nsentences == 0)
		return 0;
	if (s == NONE) {
		article_rewrap(a, r);
		s = article_first_from(a, a->view.top);
		return s != NONE ? reader_select(r, s) : 0;
	}
	while (delta != 0) {
		if ((step < 0 && s == 0) || (step > 0 && s + 1 >= doc->nsentences))
			break;
		s += (size_t)(long)step;
		if (reader_sentence_shown(r, r->doc, s)) {
			found = s;
			delta -= step;
		}
	}
	if (found == r->sentence)
		return 0;
	return reader_select(r, found);
}

int
article_scroll(struct article *a, const struct reader *r, long delta)
{
	size_t old = a->view.top;

	article_rewrap(a, r);
	listpos_scroll(&a->view, a->lines.nlines, article_height(a), delta);
	return old != a->view.top ? DIRTY_ARTICLE : 0;
}

size_t
article_page_lines(const struct article *a)
{
	size_t h = article_height(a);

	return h > 2 ? h - 1 : 1;
}

/* The last sentence starting on a line at or before LINE, or NONE. */
static size_t
article_last_upto(const struct article *a, size_t line)
{
	size_t s = NONE;

	for (line++; line > 0 && s == NONE; line--)
		s = article_first_from_line(a, line - 1);
	return s;
}

int
article_page(struct article *a, struct reader *r, long lines)
{
	const struct article_lines *l = &a->lines;
	size_t from, target, s;
	int dirty = article_scroll(a, r, lines);

	if (l->nlines == 0)
		return dirty;
	/*
	 * As vim's Ctrl-D and Ctrl-F: the selection moves as many lines as
	 * the view asked to, so it keeps its place on screen and never moves
	 * against the key; where the view cannot move (at an end), the
	 * selection still does.
	 */
	from = r->sentence != NONE && r->sentence < l->nsentences &&
	    l->sentence_line[r->sentence] != NONE ?
	    l->sentence_line[r->sentence] : a->view.top;
	if (lines > 0) {
		target = (size_t)lines < l->nlines - 1 - from ?
		    from + (size_t)lines : l->nlines - 1;
		if ((s = article_first_from(a, target)) == NONE)
			s = article_last_upto(a, l->nlines - 1);
	} else {
		target = (size_t)-lines < from ? from - (size_t)-lines : 0;
		if ((s = article_last_upto(a, target)) == NONE)
			s = article_first_from(a, 0);
	}
	if (s != NONE && s != r->sentence)
		return dirty | reader_select(r, s);
	return dirty;
}

int
article_end(struct article *a, struct reader *r, int which)
{
	const struct article_lines *l = &a->lines;
	size_t s;

	article_rewrap(a, r);
	if (which < 0) {
		a->view.top = 0;
		s = article_first_from(a, 0);
	} else {
		s = l->nlines > 0 ? article_last_upto(a, l->nlines - 1) : NONE;
		listpos_scroll(&a->view, l->nlines, article_height(a),
		    (long)l->nlines);
	}
	return DIRTY_ARTICLE | (s != NONE ? reader_select(r, s) : 0);
}

size_t
article_sentence_at(const struct article *a, int y, int x)
{
	const struct article_lines *l = &a->lines;
	const struct article_run *run;
	size_t line = a->view.top + (size_t)y, i, best = NONE;

	if (y < 0 || line >= l->nlines)
		return NONE;
	for (i = l->first[line]; i < l->first[line + 1]; i++) {
		run = &l->runs[i];
		if (run->sentence >= l->nsentences)
			continue;
		if (run->col <= x || best == NONE)
			best = run->sentence;
	}
	return best;
}
