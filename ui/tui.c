/* tui: the reader's loop: read a key, dispatch it, draw what is dirty. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "action.h"
#include "article.h"
#include "claims.h"
#include "curses.h"
#include "document.h"
#include "editor.h"
#include "layout.h"
#include "overlay.h"
#include "paint.h"
#include "prompt.h"
#include "reader.h"
#include "search.h"
#include "sidebar.h"
#include "sourcelist.h"
#include "statusline.h"
#include "story.h"
#include "taxonomy.h"
#include "tui.h"
#include "xalloc.h"

/* Seconds between looks at the taxonomy file. */
#define TUI_WATCH_SECONDS 1

static bool tui_active;
static volatile sig_atomic_t tui_hangup;

/* SIGHUP: leave the loop, so the terminal is restored on the way out. */
static void
tui_on_hangup(int sig)
{
	tui_hangup = sig;
}
static int tui_fd = -1;	/* the terminal drawn on */

/* Out of memory or a broken invariant: give the terminal back first. */
static void
tui_fatal_hook(void)
{
	if (tui_active)
		endwin();
	tui_active = false;
}

static size_t
pane_height(const struct reader *r, enum pane p)
{
	return r->pane[p].h > 0 ? (size_t)r->pane[p].h : 1;
}

/* Whether claim C is carried by DOC (c->docs is ascending). */
static size_t
claim_sentence_in(const struct reader *r, const struct claim *c, size_t doc)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++) {
		if (c->refs[i].doc == doc &&
		    reader_sentence_shown(r, doc, c->refs[i].sentence))
			return c->refs[i].sentence;
	}
	return NONE;
}

/* `<` and `>`: the same claim in the previous or next source carrying it. */
static int
tui_claim_step(struct reader *r, int dir)
{
	size_t claim = reader_current_claim(r), k, pos, doc, s;
	const struct claim *c;

	if (claim == NONE)
		return reader_message(r, true, r->story->claims == NULL ?
		    "claims are not linked in this story" : "no claim selected");
	c = &r->story->claims->items[claim];
	if (c->ndocs <= 1)
		return reader_message(r, false, "only this source carries this claim");
	for (k = 1; k < r->norder; k++) {
		pos = (r->sources.sel + (dir > 0 ? k : r->norder - k)) % r->norder;
		doc = r->order[pos];
		if ((s = claim_sentence_in(r, c, doc)) == NONE)
			continue;
		reader_open(r, doc, s);
		return DIRTY_ALL | reader_message(r, false,
		    "same claim in %s (%zu of %zu sources carry it)",
		    sourcelist_name(r, doc), c->ndocs, r->story->ndocs);
	}
	return reader_message(r, false, "no other source shown carries this claim");
}

static int
tui_cycle_pane(struct reader *r, int dir)
{
	int p = (int)r->focus, i;

	for (i = 0; i < PANE_COUNT; i++) {
		p = (p + dir + PANE_COUNT) % PANE_COUNT;
		if (r->visible[p])
			break;
	}
	r->focus = (enum pane)p;
	if (r->focus == PANE_CLAIMS)
		sidebar_follow(r);
	return DIRTY_PANES | DIRTY_FRAME | DIRTY_STATUS;
}

/* Moves within the focused pane: DELTA rows, or pages when PAGES. */
static int
tui_move(struct reader *r, long delta, bool pages)
{
	size_t h = pane_height(r, r->focus);

	switch (r->focus) {
	case PANE_SOURCES:
		return sourcelist_move(r, pages ? delta * (long)h : delta);
	case PANE_CLAIMS:
		return sidebar_move(r, pages ? delta * (long)h : delta);
	default:
		return pages ? article_page(r, (int)delta) :
		    article_move(r, (int)delta);
	}
}

static int
tui_end(struct reader *r, int which)
{
	switch (r->focus) {
	case PANE_SOURCES:
		return sourcelist_move(r, which * (long)r->norder);
	case PANE_CLAIMS:
		return sidebar_move(r, which * (long)r->nrows);
	default:
		return article_end(r, which);
	}
}

/* Enter: a claim selects its sentence; a source opens the article. */
static int
tui_select(struct reader *r)
{
	const struct sidebar_row *row;

	switch (r->focus) {
	case PANE_CLAIMS:
		if (r->sidebar.sel >= r->nrows)
			return 0;
		row = &r->rows[r->sidebar.sel];
		if (row->header)
			return 0;
		return reader_select(r, row->sentence);
	case PANE_SOURCES:
		r->focus = PANE_ARTICLE;
		return DIRTY_PANES | DIRTY_FRAME;
	default:
		return overlay_open(r, OVERLAY_DETAIL);
	}
}

static int
tui_dispatch(struct reader *r, enum action a)
{
	size_t line, t;
	char *text;
	int dirty = 0;

	if (r->overlay.kind != OVERLAY_NONE) {
		if (a == ACTION_EXPLAIN)
			return overlay_explain(r);
		if (a == ACTION_DELETE && r->overlay.kind == OVERLAY_MESSAGE) {
			overlay_close(r);
			return DIRTY_ALL | editor_discard(r);
		}
		if (a == ACTION_DELETE)
			return overlay_remove_keyword(r);
		if (a == ACTION_ADD && r->overlay.kind == OVERLAY_EXPLAIN) {
			text = overlay_explained_text(r);
			overlay_close(r);
			dirty = DIRTY_ALL | prompt_start(r, PROMPT_KEYWORD, text);
			free(text);
			return dirty;
		}
		if (a == ACTION_EDIT && (r->overlay.kind == OVERLAY_MESSAGE ||
		    r->overlay.kind == OVERLAY_EXPLAIN)) {
			t = overlay_explained_topic(r);
			line = r->overlay.kind == OVERLAY_MESSAGE ?
			    r->overlay.line : t == NONE ? 0 :
			    r->story->taxonomy->topics[t].line;
			overlay_close(r);
			return DIRTY_ALL | editor_edit(r, line);
		}
		if (a == ACTION_DETAIL)
			return overlay_open(r, OVERLAY_DETAIL);
		return overlay_action(r, a);
	}
	switch (a) {
	case ACTION_DOWN:
		return tui_move(r, 1, false);
	case ACTION_UP:
		return tui_move(r, -1, false);
	case ACTION_PAGE_DOWN:
		return tui_move(r, 1, true);
	case ACTION_PAGE_UP:
		return tui_move(r, -1, true);
	case ACTION_TOP:
		return tui_end(r, -1);
	case ACTION_BOTTOM:
		return tui_end(r, 1);
	case ACTION_NEXT_PANE:
		return tui_cycle_pane(r, 1);
	case ACTION_PREV_PANE:
		return tui_cycle_pane(r, -1);
	case ACTION_NEXT_SOURCE:
		return sourcelist_move(r, 1);
	case ACTION_PREV_SOURCE:
		return sourcelist_move(r, -1);
	case ACTION_SELECT:
		return tui_select(r);
	case ACTION_CLAIM_PREV:
		return tui_claim_step(r, -1);
	case ACTION_CLAIM_NEXT:
		return tui_claim_step(r, 1);
	case ACTION_TOPIC:
		return overlay_open(r, OVERLAY_TOPICS);
	case ACTION_SEARCH:
		return prompt_start(r, PROMPT_SEARCH, NULL);
	case ACTION_ADD:
		return prompt_start(r, PROMPT_KEYWORD, r->query);
	case ACTION_SEARCH_NEXT:
		return search_step(r, true);
	case ACTION_SEARCH_PREV:
		return search_step(r, false);
	case ACTION_MATRIX:
		return overlay_open(r, OVERLAY_MATRIX);
	case ACTION_DETAIL:
		return overlay_open(r, OVERLAY_DETAIL);
	case ACTION_EXPLAIN:
		return overlay_explain(r);
	case ACTION_HELP:
		return overlay_open(r, OVERLAY_HELP);
	case ACTION_EDIT:
		/* Open the editor at the selected sentence's topic. */
		t = r->sentence == NONE ? NONE :
		    reader_sentence_topic(r, r->doc, r->sentence);
		return editor_edit(r, t == NONE ? 0 :
		    r->story->taxonomy->topics[t].line);
	case ACTION_RELOAD:
		return editor_reload(r, false);
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		return DIRTY_ALL;
	case ACTION_CLOSE:
		if (r->query != NULL) {
			free(r->query);
			r->query = NULL;
			dirty |= DIRTY_ARTICLE | DIRTY_STATUS;
		}
		if (r->filter != NONE)
			dirty |= reader_set_filter(r, NONE);
		return dirty;
	case ACTION_QUIT:
		return REACT_QUIT;
	default:
		return 0;
	}
}

/* A click selects what is under it; the wheel scrolls the pane under it. */
static int
tui_mouse(struct reader *r)
{
	MEVENT ev;
	const struct rect *rc;
	size_t i, s;
	int p, wheel = 0, dirty = 0;

	if (getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = -1;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = 1;
#endif
	else if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return 0;
	if (r->overlay.kind != OVERLAY_NONE)
		return overlay_mouse(r, ev.y, ev.x, wheel);
	p = layout_pane_at(r, ev.y, ev.x);
	if (p == PANE_COUNT)
		return 0;
	rc = &r->pane[p];
	if (wheel != 0) {
		if (p == PANE_ARTICLE)
			return article_scroll(r, wheel * 3);
		listpos_scroll(p == PANE_SOURCES ? &r->sources : &r->sidebar,
		    p == PANE_SOURCES ? r->norder : r->nrows, (size_t)rc->h,
		    wheel * 3);
		return p == PANE_SOURCES ? DIRTY_SOURCES : DIRTY_SIDEBAR;
	}
	if ((enum pane)p != r->focus) {
		r->focus = (enum pane)p;
		dirty = DIRTY_PANES | DIRTY_FRAME;
	}
	if (p == PANE_SOURCES) {
		i = r->sources.top + (size_t)(ev.y - rc->y);
		if (i < r->norder && r->order[i] != r->doc)
			dirty |= reader_switch(r, r->order[i]);
	} else if (p == PANE_ARTICLE) {
		s = article_sentence_at(r, ev.y - rc->y, ev.x - rc->x);
		if (s != NONE)
			dirty |= reader_select(r, s);
	} else {
		i = r->sidebar.top + (size_t)(ev.y - rc->y);
		if (i < r->nrows && !r->rows[i].header) {
			/* A second click on a claim selects its sentence. */
			if (i == r->sidebar.sel)
				dirty |= tui_select(r);
			r->sidebar.sel = i;
			dirty |= DIRTY_SIDEBAR | DIRTY_STATUS;
		}
	}
	return dirty;
}

/* The one place that draws: what is dirty, then a single doupdate. */
static void
tui_draw(struct reader *r)
{
	int i, dirty = r->dirty;
	static const int flag[PANE_COUNT] = { DIRTY_SOURCES, DIRTY_ARTICLE,
	    DIRTY_SIDEBAR };

	if (dirty & DIRTY_LAYOUT) {
		layout_apply(r);
		werase(stdscr);
		dirty = DIRTY_ALL;
	}
	if (dirty & DIRTY_FRAME) {
		layout_draw_frame(r);
		wnoutrefresh(stdscr);
	}
	for (i = 0; i < PANE_COUNT; i++) {
		if ((dirty & flag[i]) && r->win[i] != NULL) {
			if (i == PANE_SOURCES)
				sourcelist_draw(r, r->win[i]);
			else if (i == PANE_ARTICLE)
				article_draw(r, r->win[i]);
			else
				sidebar_draw(r, r->win[i]);
			wnoutrefresh(r->win[i]);
		}
	}
	if ((dirty & DIRTY_STATUS) && r->status_win != NULL) {
		statusline_draw(r, r->status_win);
		wnoutrefresh(r->status_win);
	}
	if (r->overlay.kind != OVERLAY_NONE && r->overlay_win != NULL &&
	    dirty != 0) {
		if (dirty & ~DIRTY_STATUS)
			overlay_draw(r, r->overlay_win);
		touchwin(r->overlay_win);
		wnoutrefresh(r->overlay_win);
	}
	if (r->prompt != PROMPT_NONE && r->status_win != NULL) {
		curs_set(1);
		wnoutrefresh(r->status_win);	/* leaves the cursor in the prompt */
	} else {
		curs_set(0);
	}
	doupdate();
	r->dirty = 0;
}

/*
 * A resize that lands while curses starts up or redraws can lose its
 * SIGWINCH or its KEY_RESIZE: the size is also checked against the
 * terminal's own, and against the layout, once a second.
 */
static int
tui_check_size(const struct reader *r)
{
	struct winsize ws;

	if (tui_fd >= 0 && ioctl(tui_fd, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_row != 0 && ws.ws_col != 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	return LINES != r->lines_total || COLS != r->cols ? DIRTY_LAYOUT : 0;
}

static long long
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec;
}

static int
tui_loop(struct reader *r)
{
	long long last_watch = tui_now();
	int key;

	for (;;) {
		if (r->story->claims == NULL) {
			reader_linking(r);
			r->dirty |= DIRTY_STATUS;
		}
		if (r->dirty != 0)
			tui_draw(r);
		if (r->story->claims == NULL) {
			/* The tags are on screen: now link, while the reader
			 * reads (after opening and after a re-tag). */
			story_link(r->story);
			reader_rebuild(r);
			reader_linked(r);
			r->dirty |= DIRTY_ALL;
			continue;
		}
		key = wgetch(stdscr);
		if (tui_hangup != 0)
			return 128 + SIGHUP;
		if (tui_now() - last_watch >= TUI_WATCH_SECONDS) {
			last_watch = tui_now();
			r->dirty |= editor_watch(r) | tui_check_size(r);
		}
		if (key == ERR)
			continue;
		if (key == KEY_RESIZE) {
			r->dirty |= DIRTY_LAYOUT;
			continue;
		}
		if (r->prompt != PROMPT_NONE) {
			r->dirty |= prompt_key(r, key);
			continue;
		}
		if (key == KEY_MOUSE) {
			r->dirty |= tui_mouse(r);
			continue;
		}
		if (r->message != NULL) {
			free(r->message);
			r->message = NULL;
			r->dirty |= DIRTY_STATUS;
		}
		r->dirty |= tui_dispatch(r, action_for_key(key));
		if (r->dirty & REACT_QUIT)
			return 0;
	}
}

int
tui_run(struct story *story, const struct tui_config *cfg)
{
	struct reader r;
	SCREEN *screen;
	struct sigaction hup, old_hup;
	FILE *tty = NULL, *in, *out;
	int status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		tty = fopen("/dev/tty", "r+");
	memset(&r, 0, sizeof r);
	setlocale(LC_ALL, "");
	/* With --tui and a redirection, the terminal is still /dev/tty. */
	in = isatty(STDIN_FILENO) ? stdin : tty;
	out = isatty(STDOUT_FILENO) ? stdout : tty;
	if (in == NULL || out == NULL || (screen = newterm(NULL, out, in)) == NULL) {
		fprintf(stderr, "parallax: no terminal to draw on\n");
		if (tty != NULL)
			fclose(tty);
		return 1;
	}
	tui_active = true;
	tui_fd = fileno(out);
	xalloc_set_fatal_hook(tui_fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, TUI_WATCH_SECONDS * 1000);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	curs_set(0);
	r.color = paint_init(cfg->no_color);
	r.taxpath = xstrdup(cfg->taxonomy_path);
	tui_check_size(&r);
	layout_apply(&r);
	reader_init(&r, story, cfg);
	editor_stat(&r);
	editor_keep(&r);
	if (story->nwarnings != 0)
		reader_message(&r, true, "%s%s", story->warnings[0],
		    story->nwarnings > 1 ? " (and more)" : "");
	memset(&hup, 0, sizeof hup);
	hup.sa_handler = tui_on_hangup;
	sigemptyset(&hup.sa_mask);
	sigaction(SIGHUP, &hup, &old_hup);
	status = tui_loop(&r);
	sigaction(SIGHUP, &old_hup, NULL);
	layout_free(&r);
	endwin();
	tui_active = false;
	delscreen(screen);
	tui_fd = -1;
	if (tty != NULL)
		fclose(tty);
	xalloc_set_fatal_hook(NULL);
	free(r.taxpath);
	reader_free(&r);
	return status;
}
