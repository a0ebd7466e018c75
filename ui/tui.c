/* tui: the reader's loop: read a key, dispatch it, draw what is dirty. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "action.h"
#include "browser.h"
#include "addkeyword.h"
#include "article.h"
#include "claims.h"
#include "command.h"
#include "curses.h"
#include "document.h"
#include "layout.h"
#include "overlay.h"
#include "overlay_detail.h"
#include "overlay_explain.h"
#include "overlay_help.h"
#include "overlay_matrix.h"
#include "overlay_message.h"
#include "overlay_timeline.h"
#include "overlay_topics.h"
#include "paint.h"
#include "prompt.h"
#include "reader.h"
#include "reload.h"
#include "rescore.h"
#include "retag.h"
#include "screen.h"
#include "search.h"
#include "sidebar.h"
#include "sourcelist.h"
#include "statusline.h"
#include "state.h"
#include "story.h"
#include "taxonomy.h"
#include "tui.h"
#include "xalloc.h"

/*
 * The reader and its panes.  Handlers change the reader (and a pane its
 * own position); before anything is drawn, tui_sync lets every pane catch
 * up with the reader, scrolling to the selection.
 */
struct tui {
	struct reader r;
	struct layout layout;
	struct sourcelist sources;
	struct article article;
	struct sidebar sidebar;
	struct overlay overlay;
	struct prompt prompt;
	struct addkeyword adding;
	struct rescore outlets;	/* the outlets file: watched, `O` edits */
	struct reload reload;	/* the sources: watched, `r` reads them again */
	long count;		/* digits typed before a key, 0 when none */
	struct tui_removal {	/* a keyword `d` asks to remove, until answered */
		char *keyword;
		size_t topic;
		int list;
	} removal;
	struct state *state;	/* cfg's, until it fails */
	bool *read;		/* per document, while there is a state */
	size_t marked;		/* the document last marked read */
	bool back;		/* leave for the story list */
};


/* Seconds between looks at the taxonomy file. */
#define TUI_WATCH_SECONDS 1
#define TUI_LINK_POLL_MS 20

/* Whether claim C is carried by DOC (c->docs is ascending). */
static size_t
tui_claim_sentence_in(const struct reader *r, const struct claim *c,
    size_t doc)
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
		return reader_no_claim(r);
	c = &r->story->claims->items[claim];
	if (c->ndocs <= 1)
		return reader_message(r, false, "only this source carries this claim");
	for (k = 1; k < r->norder; k++) {
		pos = (r->at + (dir > 0 ? k : r->norder - k)) % r->norder;
		doc = r->order[pos];
		if ((s = tui_claim_sentence_in(r, c, doc)) == NONE)
			continue;
		reader_open(r, doc, s);
		return DIRTY_ALL | reader_message(r, false,
		    "same claim in %s (%zu of %zu sources carry it)",
		    reader_source_name(r, doc), c->ndocs, r->story->ndocs);
	}
	return reader_message(r, false, "no other source shown carries this claim");
}

static int
tui_cycle_pane(struct tui *t, int dir)
{
	struct reader *r = &t->r;
	int p = (int)r->focus, i;

	for (i = 0; i < PANE_COUNT; i++) {
		p = (p + dir + PANE_COUNT) % PANE_COUNT;
		if (t->layout.visible[p])
			break;
	}
	r->focus = (enum pane)p;
	if (r->focus == PANE_CLAIMS)
		sidebar_follow(&t->sidebar, r);
	return DIRTY_PANES | DIRTY_FRAME | DIRTY_STATUS;
}

/* What a move counts in: rows, half pages (Ctrl-D/U) or pages. */
enum tui_step {
	TUI_ROW,
	TUI_HALF,
	TUI_PAGE,
};

/* STEP of a pane PAGE rows high, in rows. */
static long
tui_rows(enum tui_step step, size_t page)
{
	if (step == TUI_ROW)
		return 1;
	if (step == TUI_HALF)
		return page > 1 ? (long)(page / 2) : 1;
	return page > 0 ? (long)page : 1;
}

/* Moves within the focused pane: COUNT steps (negative: up). */
static int
tui_move(struct tui *t, long count, enum tui_step step)
{
	struct reader *r = &t->r;

	switch (r->focus) {
	case PANE_SOURCES:
		return sourcelist_move(&t->sources, r, count *
		    tui_rows(step, t->sources.height));
	case PANE_CLAIMS:
		return sidebar_move(&t->sidebar, r, count *
		    tui_rows(step, t->sidebar.height));
	default:
		if (step == TUI_ROW)
			return article_move(&t->article, r, (int)count);
		return article_page(&t->article, r, count *
		    tui_rows(step, article_page_lines(&t->article)));
	}
}

static int
tui_end(struct tui *t, int which)
{
	struct reader *r = &t->r;

	switch (r->focus) {
	case PANE_SOURCES:
		return sourcelist_move(&t->sources, r, which * (long)r->norder);
	case PANE_CLAIMS:
		return sidebar_move(&t->sidebar, r, which *
		    (long)t->sidebar.nrows);
	default:
		return article_end(&t->article, r, which);
	}
}

/* Enter: a claim selects its sentence; a source opens the article. */
static int
tui_select(struct tui *t)
{
	struct reader *r = &t->r;
	size_t s;

	switch (r->focus) {
	case PANE_CLAIMS:
		s = sidebar_sentence(&t->sidebar);
		return s != NONE ? reader_select(r, s) : 0;
	case PANE_SOURCES:
		r->focus = PANE_ARTICLE;
		return DIRTY_PANES | DIRTY_FRAME;
	default:
		return overlay_open(&t->overlay, r, &overlay_detail_kind, NULL);
	}
}

/*
 * What a handler's flags ask beyond drawing: after a re-tag, an overlay
 * pointing into the old taxonomy or claims closes.
 */
static int
tui_react(struct tui *t, int dirty)
{
	if ((dirty & REACT_RETAGGED) && overlay_is(&t->overlay, NULL) &&
	    !t->overlay.kind->keeps_on_retag)
		overlay_close(&t->overlay);
	return dirty & ~REACT_RETAGGED;
}

/* A taxonomy that does not validate: its errors, offering to edit again. */
static int
tui_show_errors(struct tui *t, char *errors)
{
	struct overlay_message_arg arg = {
		"Taxonomy errors: the taxonomy in use is unchanged", errors,
		taxfile_error_line(&t->r.taxfile, errors),
	};
	int dirty = overlay_open(&t->overlay, &t->r, &overlay_message_kind, &arg);

	free(errors);
	return dirty;
}

/* `e`: edits the taxonomy at LINE, showing its errors if it breaks. */
static int
tui_edit(struct tui *t, size_t line)
{
	char *errors = NULL;
	int dirty = tui_react(t, retag_edit(&t->r, line, &errors));

	if (errors != NULL)
		dirty |= tui_show_errors(t, errors);
	return dirty;
}

/* The answer to `d`'s question: the keyword is removed, or kept. */
static int
tui_remove(struct tui *t)
{
	struct tui_removal *rm = &t->removal;
	bool yes = prompt_yes(&t->prompt);
	int dirty;

	prompt_end(&t->prompt);
	if (!yes) {
		dirty = reader_message(&t->r, false, "kept \"%s\"", rm->keyword);
	} else {
		/* The re-tag frees the taxonomy the explanation points into. */
		overlay_close(&t->overlay);
		dirty = tui_react(t, DIRTY_ALL | retag_change_keyword(&t->r,
		    rm->topic, rm->list, rm->keyword, false));
	}
	free(rm->keyword);
	rm->keyword = NULL;
	return dirty | DIRTY_OVERLAY;
}

static int tui_command(struct tui *t, const char *line);

/*
 * Enter in the prompt: the search or the command runs, or the keyword's
 * flow goes on.
 */
static int
tui_prompt_key(struct tui *t, int key)
{
	enum prompt_kind kind = t->prompt.kind;
	char *query;
	int dirty = prompt_key(&t->prompt, key);

	if (!(dirty & REACT_SUBMIT))
		return dirty;
	dirty &= ~REACT_SUBMIT;
	if (t->prompt.kind == PROMPT_CONFIRM)
		return dirty | tui_remove(t);
	if (kind == PROMPT_SEARCH || kind == PROMPT_COMMAND) {
		query = xstrdup(prompt_text(&t->prompt));
		prompt_end(&t->prompt);
		dirty |= kind == PROMPT_SEARCH ? search_submit(&t->r, query) :
		    tui_command(t, query);
		free(query);
		return dirty;
	}
	return tui_react(t, dirty | addkeyword_submit(&t->adding, &t->prompt,
	    &t->overlay, &t->r));
}

/* Keys while an overlay is open: what it offers, else its frame's moves. */
static int
tui_overlay_action(struct tui *t, enum action a)
{
	struct reader *r = &t->r;
	struct overlay *o = &t->overlay;
	size_t line, topic;
	char *text;
	int list, dirty;

	switch (a) {
	case ACTION_COMMAND:
		/* What it runs, the overlay takes as it takes the key. */
		return prompt_start(&t->prompt, PROMPT_COMMAND, NULL);
	case ACTION_EXPLAIN:
		return overlay_open(o, r, &overlay_explain_kind, NULL);
	case ACTION_DETAIL:
		return overlay_open(o, r, &overlay_detail_kind, NULL);
	case ACTION_TOPIC:
		return overlay_open(o, r, &overlay_topics_kind, NULL);
	case ACTION_MATRIX:
		return overlay_open(o, r, &overlay_matrix_kind, NULL);
	case ACTION_TIMELINE:
		return overlay_open(o, r, &overlay_timeline_kind, NULL);
	case ACTION_HELP:
		if (overlay_is(o, &overlay_help_kind))
			return overlay_close(o);
		return overlay_open(o, r, &overlay_help_kind, NULL);
	case ACTION_DELETE:
		if (overlay_is(o, &overlay_message_kind)) {
			overlay_close(o);
			return DIRTY_ALL | retag_discard(r);
		}
		if (!overlay_is(o, &overlay_explain_kind))
			break;
		text = overlay_explain_keyword(o, r, &topic, &list);
		if (text == NULL)
			return 0;
		/* Asked first: a removal is one key away from any other. */
		free(t->removal.keyword);
		t->removal = (struct tui_removal){ text, topic, list };
		return prompt_confirm(&t->prompt, "remove \"%s\" from %s? "
		    "y removes it, any other key keeps it", text,
		    r->story->taxonomy->topics[topic].label);
	case ACTION_ADD:
		if (!overlay_is(o, &overlay_explain_kind))
			break;
		text = overlay_explain_text(o, r);
		overlay_close(o);
		dirty = DIRTY_ALL | addkeyword_start(&t->adding, &t->prompt, text);
		free(text);
		return dirty;
	case ACTION_EDIT:
		if (overlay_is(o, &overlay_message_kind)) {
			line = overlay_message_line(o);
		} else if (overlay_is(o, &overlay_explain_kind)) {
			topic = overlay_explain_topic(o);
			line = topic == NONE ? 0 :
			    r->story->taxonomy->topics[topic].line;
		} else {
			break;
		}
		overlay_close(o);
		return DIRTY_ALL | tui_edit(t, line);
	default:
		break;
	}
	dirty = overlay_action(o, r, a);
	if (dirty & REACT_CHOSEN)
		dirty = tui_react(t, (dirty & ~REACT_CHOSEN) |
		    addkeyword_chosen(&t->adding, &t->prompt, o, r));
	return dirty;
}

/* o: the selected source's URL in a browser; what went wrong, said. */
static int
tui_open_url(struct tui *t)
{
	const struct document *doc = t->r.story->docs[t->r.doc];
	char *why;

	if (doc->url == NULL)
		return reader_message(&t->r, true, "this source has no URL");
	if (browser_open(doc->url, &why) != 0) {
		reader_message(&t->r, true, "%s: %s", doc->url, why);
		free(why);
		return DIRTY_ALL;
	}
	reader_message(&t->r, false, "opened %s", doc->url);
	return DIRTY_ALL;
}

/* Each source's read mark, from the reading state (when there is one). */
static void
tui_read_marks(struct tui *t)
{
	const struct story *story = t->r.story;
	char *key;
	size_t i;

	free(t->read);
	t->read = NULL;
	if (t->state == NULL)
		return;
	t->read = xcalloc(story->ndocs + 1, sizeof *t->read);
	for (i = 0; i < story->ndocs; i++) {
		key = state_key(story->docs[i]);
		t->read[i] = state_is_read(t->state, key);
		free(key);
	}
}

/*
 * `r`: the taxonomy and the sources read again.  Both may have something
 * to say: the line says both.
 */
static int
tui_reload(struct tui *t)
{
	struct reader *r = &t->r;
	char *retagged, *reloaded;
	bool error;
	int dirty = retag_reload(r, NULL);

	retagged = r->message;
	error = r->message_error;
	r->message = NULL;
	dirty |= reload_sources(&t->reload, r);
	if (retagged != NULL && r->message != NULL) {
		reloaded = r->message;
		r->message = NULL;
		/* The sources first: the line may be cut at the right. */
		reader_message(r, error || r->message_error, "%s; %s",
		    reloaded, retagged);
		free(reloaded);
		free(retagged);
	} else if (retagged != NULL) {
		r->message = retagged;
		r->message_error = error;
	}
	tui_read_marks(t);
	return tui_react(t, dirty);
}

/* Once a second: the sources read again if they changed on disk. */
static int
tui_watch_sources(struct tui *t)
{
	int dirty = reload_watch(&t->reload, &t->r);

	if (dirty & REACT_RETAGGED)
		tui_read_marks(t);
	return tui_react(t, dirty);
}

/* Marks the current source READ in the reading state.  A state that
 * fails is reported once and left alone from then on. */
static int
tui_mark(struct tui *t, bool read)
{
	struct reader *r = &t->r;
	char *key, *warning = NULL;
	int dirty = 0;

	t->marked = r->doc;
	if (t->state == NULL)
		return 0;
	key = state_key(r->story->docs[r->doc]);
	if (state_set_read(t->state, key, read, &warning) != 0) {
		dirty = reader_message(r, true, "%s", warning);
		free(warning);
		t->state = NULL;
		free(t->read);
		t->read = NULL;
	} else {
		t->read[r->doc] = read;
	}
	free(key);
	return dirty | DIRTY_SOURCES;
}

static int
tui_toggle_read(struct tui *t)
{
	struct reader *r = &t->r;
	char *key;
	bool read;

	if (t->state == NULL)
		return reader_message(r, true, "no reading state (--no-state, "
		    "or it could not be opened)");
	key = state_key(r->story->docs[r->doc]);
	read = !state_is_read(t->state, key);
	free(key);
	return tui_mark(t, read) | reader_message(r, false, "%s marked %s",
	    reader_source_name(r, r->doc), read ? "read" : "unread");
}

/* `n` and `N`, COUNT times. */
static int
tui_search_step(struct reader *r, bool forward, long count)
{
	int dirty = 0;

	while (count-- > 0)
		dirty |= search_step(r, forward);
	return dirty;
}

/* A with the count typed before it (1 when none), as less and vi read it. */
static int
tui_dispatch(struct tui *tui, enum action a, long count)
{
	struct reader *r = &tui->r;
	size_t t;
	int dirty = 0;

	if (overlay_is(&tui->overlay, NULL))
		return tui_overlay_action(tui, a);
	switch (a) {
	case ACTION_DOWN:
		return tui_move(tui, count, TUI_ROW);
	case ACTION_UP:
		return tui_move(tui, -count, TUI_ROW);
	case ACTION_PAGE_DOWN:
		return tui_move(tui, count, TUI_PAGE);
	case ACTION_PAGE_UP:
		return tui_move(tui, -count, TUI_PAGE);
	case ACTION_HALF_DOWN:
		return tui_move(tui, count, TUI_HALF);
	case ACTION_HALF_UP:
		return tui_move(tui, -count, TUI_HALF);
	case ACTION_TOP:
		return tui_end(tui, -1);
	case ACTION_BOTTOM:
		return tui_end(tui, 1);
	case ACTION_NEXT_PANE:
		return tui_cycle_pane(tui, 1);
	case ACTION_PREV_PANE:
		return tui_cycle_pane(tui, -1);
	case ACTION_NEXT_SOURCE:
		return sourcelist_move(&tui->sources, r, count);
	case ACTION_PREV_SOURCE:
		return sourcelist_move(&tui->sources, r, -count);
	case ACTION_SELECT:
		return tui_select(tui);
	case ACTION_CLAIM_PREV:
		return tui_claim_step(r, -1);
	case ACTION_CLAIM_NEXT:
		return tui_claim_step(r, 1);
	case ACTION_TOPIC:
		return overlay_open(&tui->overlay, r, &overlay_topics_kind, NULL);
	case ACTION_SEARCH:
		return prompt_start(&tui->prompt, PROMPT_SEARCH, NULL);
	case ACTION_COMMAND:
		return prompt_start(&tui->prompt, PROMPT_COMMAND, NULL);
	case ACTION_ADD:
		return addkeyword_start(&tui->adding, &tui->prompt, r->query);
	case ACTION_SEARCH_NEXT:
		return tui_search_step(r, true, count);
	case ACTION_SEARCH_PREV:
		return tui_search_step(r, false, count);
	case ACTION_MATRIX:
		return overlay_open(&tui->overlay, r, &overlay_matrix_kind, NULL);
	case ACTION_TIMELINE:
		return overlay_open(&tui->overlay, r, &overlay_timeline_kind,
		    NULL);
	case ACTION_DETAIL:
		return overlay_open(&tui->overlay, r, &overlay_detail_kind, NULL);
	case ACTION_FOLD:
		return sidebar_fold(&tui->sidebar);
	case ACTION_EXPLAIN:
		return overlay_open(&tui->overlay, r, &overlay_explain_kind, NULL);
	case ACTION_HELP:
		return overlay_open(&tui->overlay, r, &overlay_help_kind, NULL);
	case ACTION_EDIT:
		/* Open the editor at the selected sentence's topic. */
		t = r->sentence == NONE ? NONE :
		    reader_sentence_topic(r, r->doc, r->sentence);
		return tui_edit(tui, t == NONE ? 0 :
		    r->story->taxonomy->topics[t].line);
	case ACTION_RELOAD:
		return tui_reload(tui);
	case ACTION_EDIT_OUTLETS:
		return rescore_edit(&tui->outlets, r);
	case ACTION_UNDO:
		return tui_react(tui, retag_undo(r));
	case ACTION_OPEN_URL:
		return tui_open_url(tui);
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
	case ACTION_STORIES:
		if (!r->cfg->story_list)
			return reader_message(r, true, "one story is open: "
			    "there is no story list");
		tui->back = true;
		return REACT_QUIT;
	case ACTION_TOGGLE_READ:
		return tui_toggle_read(tui);
	case ACTION_QUIT:
		return REACT_QUIT;
	default:
		return 0;
	}
}

/* A line typed after `:` (ui/command.h), run as its key would run. */
static int
tui_command(struct tui *t, const char *line)
{
	struct command cmd;
	int dirty = command_run(&t->r, line, &cmd);

	if (cmd.action == ACTION_ADD && cmd.arg != NULL)
		dirty |= addkeyword_start(&t->adding, &t->prompt, cmd.arg);
	else if (cmd.action != ACTION_NONE)
		dirty |= tui_dispatch(t, cmd.action, cmd.count);
	command_free(&cmd);
	return dirty;
}

/* A click selects what is under it; the wheel scrolls the pane under it. */
static int
tui_mouse(struct tui *t)
{
	struct reader *r = &t->r;
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
	if (overlay_is(&t->overlay, NULL))
		return overlay_mouse(&t->overlay, r, ev.y, ev.x, wheel);
	p = layout_pane_at(&t->layout, ev.y, ev.x);
	if (p == PANE_COUNT)
		return 0;
	rc = &t->layout.pane[p];
	if (wheel != 0) {
		if (p == PANE_ARTICLE)
			return article_scroll(&t->article, r, wheel * 3);
		if (p == PANE_SOURCES)
			return sourcelist_scroll(&t->sources, r, wheel * 3);
		return sidebar_scroll(&t->sidebar, wheel * 3);
	}
	if ((enum pane)p != r->focus) {
		r->focus = (enum pane)p;
		dirty = DIRTY_PANES | DIRTY_FRAME;
	}
	if (p == PANE_SOURCES) {
		i = sourcelist_doc_at(&t->sources, r, ev.y - rc->y);
		if (i != NONE && i != r->doc)
			dirty |= reader_switch(r, i);
	} else if (p == PANE_ARTICLE) {
		s = article_sentence_at(&t->article, ev.y - rc->y, ev.x - rc->x);
		if (s != NONE)
			dirty |= reader_select(r, s);
	} else {
		i = sidebar_row_at(&t->sidebar, ev.y - rc->y);
		if (i != NONE) {
			/* A second click on a claim selects its sentence. */
			if (i == t->sidebar.pos.sel)
				dirty |= tui_select(t);
			dirty |= sidebar_pick_row(&t->sidebar, r, i);
		}
	}
	return dirty;
}

/* Every pane catches up with the reader: rebuilt, scrolled to the selection. */
static void
tui_sync(struct tui *t)
{
	sourcelist_sync(&t->sources, &t->r);
	article_sync(&t->article, &t->r);
	sidebar_sync(&t->sidebar, &t->r);
}

/* Lays out for the terminal's size and tells each pane its size. */
static void
tui_layout(struct tui *t)
{
	struct layout *lay = &t->layout;

	layout_apply(lay, &t->r.focus);
	t->sources.height = (size_t)lay->pane[PANE_SOURCES].h;
	t->article.width = lay->pane[PANE_ARTICLE].w;
	t->article.height = lay->pane[PANE_ARTICLE].h;
	t->sidebar.height = (size_t)lay->pane[PANE_CLAIMS].h;
	t->sidebar.width = lay->pane[PANE_CLAIMS].w;
	t->overlay.rect = lay->overlay;
}

/* The one place that draws: what is dirty, then a single doupdate. */
static void
tui_draw(struct tui *t)
{
	struct reader *r = &t->r;
	struct layout *lay = &t->layout;
	int i, dirty = r->dirty;
	static const int flag[PANE_COUNT] = { DIRTY_SOURCES, DIRTY_ARTICLE,
	    DIRTY_SIDEBAR };

	if (dirty & DIRTY_LAYOUT) {
		tui_layout(t);
		werase(stdscr);
		dirty = DIRTY_ALL;
	}
	tui_sync(t);
	if (dirty & DIRTY_FRAME) {
		layout_draw_frame(lay, r);
		wnoutrefresh(stdscr);
	}
	for (i = 0; i < PANE_COUNT; i++) {
		if ((dirty & flag[i]) && lay->win[i] != NULL) {
			if (i == PANE_SOURCES)
				sourcelist_draw(&t->sources, r, t->read,
				    lay->win[i]);
			else if (i == PANE_ARTICLE)
				article_draw(&t->article, r, lay->win[i]);
			else
				sidebar_draw(&t->sidebar, r, lay->win[i]);
			wnoutrefresh(lay->win[i]);
		}
	}
	if ((dirty & DIRTY_STATUS) && lay->status_win != NULL) {
		statusline_draw(r, &t->prompt, lay->status_win);
		wnoutrefresh(lay->status_win);
	}
	if (overlay_is(&t->overlay, NULL) && lay->overlay_win != NULL &&
	    dirty != 0) {
		if (dirty & ~DIRTY_STATUS)
			overlay_draw(&t->overlay, r, lay->overlay_win);
		touchwin(lay->overlay_win);
		wnoutrefresh(lay->overlay_win);
	}
	if (t->prompt.kind != PROMPT_NONE && lay->status_win != NULL) {
		curs_set(1);
		wnoutrefresh(lay->status_win);	/* leaves the cursor in the prompt */
	} else {
		curs_set(0);
	}
	doupdate();
	r->dirty = 0;
}

/* A key outside the prompt: a digit of a count, else its action. */
static int
tui_key(struct tui *t, int key)
{
	enum action a = action_for_key(key);
	long count = t->count > 0 ? t->count : 1;

	if (a == ACTION_NONE && key >= '0' && key <= '9' &&
	    (key != '0' || t->count > 0) && !overlay_is(&t->overlay, NULL)) {
		t->count = t->count * 10 + (key - '0');
		if (t->count > ACTION_COUNT_MAX)
			t->count = ACTION_COUNT_MAX;
		return 0;
	}
	t->count = 0;
	if (a == ACTION_NONE && !overlay_is(&t->overlay, NULL))
		return reader_message(&t->r, false, "unknown key %s: ? lists "
		    "the keys", keyname(key) != NULL ? keyname(key) : "?");
	return tui_dispatch(t, a, count);
}

/* The size checked against the terminal's, and against the layout, once
 * a second (screen_sync_size says why). */
static int
tui_check_size(const struct layout *lay)
{
	screen_sync_size();
	return LINES != lay->lines || COLS != lay->cols ? DIRTY_LAYOUT : 0;
}

static long long
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec;
}

static int
tui_loop(struct tui *t)
{
	struct reader *r = &t->r;
	long long last_watch = tui_now();
	int key;

	for (;;) {
		if (r->dirty != 0)
			tui_draw(t);
		if (r->story->claims == NULL && r->story->linking == NULL)
			/* The tags are on screen: link while the reader
			 * reads. */
			story_link_start(r->story);
		/* While linking, look for its end often; else once a second. */
		wtimeout(stdscr, r->story->linking != NULL ? TUI_LINK_POLL_MS :
		    TUI_WATCH_SECONDS * 1000);
		key = wgetch(stdscr);
		if (screen_hung_up())
			return 128 + SIGHUP;
		if (r->story->linking != NULL)
			story_link_finish(r->story, false);
		if (!r->linked && r->story->claims != NULL) {
			reader_rebuild(r);
			r->dirty |= DIRTY_ALL;
		}
		r->dirty |= reader_expire_message(r, tui_now());
		/* Once a second, keys or not: the sources are stat'ed on the
		 * watcher's thread, so nothing here waits for a disk. */
		if (tui_now() - last_watch >= TUI_WATCH_SECONDS) {
			last_watch = tui_now();
			r->dirty |= tui_react(t, retag_watch(r)) |
			    rescore_watch(&t->outlets, r) |
			    tui_watch_sources(t) | tui_check_size(&t->layout);
		}
		if (key == ERR)
			continue;
		if (key == KEY_RESIZE) {
			r->dirty |= DIRTY_LAYOUT;
			continue;
		}
		if (t->prompt.kind != PROMPT_NONE) {
			/* A command may move, switch sources or quit. */
			r->dirty |= tui_prompt_key(t, key);
		} else if (key == KEY_MOUSE) {
			r->dirty |= tui_mouse(t);
			continue;
		} else {
			if (r->message != NULL) {
				free(r->message);
				r->message = NULL;
				r->dirty |= DIRTY_STATUS;
			}
			r->dirty |= tui_key(t, key);
		}
		if (r->doc != t->marked)
			r->dirty |= tui_mark(t, true);
		if (r->dirty & REACT_QUIT)
			return 0;
	}
}

int
tui_read(struct story *story, const struct tui_config *cfg, bool color,
    bool timeline, bool *back)
{
	struct tui t;
	struct reader *r = &t.r;
	int status;

	memset(&t, 0, sizeof t);
	t.state = cfg->state;
	t.marked = NONE;
	r->story = story;
	tui_read_marks(&t);
	r->color = color;
	sourcelist_init(&t.sources);
	article_init(&t.article);
	sidebar_init(&t.sidebar);
	tui_check_size(&t.layout);
	tui_layout(&t);
	reader_init(r, story, cfg);
	rescore_init(&t.outlets, cfg->outlets_path, cfg->outlets_is_default);
	reload_init(&t.reload, r, cfg->how);
	if (story->nwarnings != 0)
		reader_message(r, true, "%s%s", story->warnings[0],
		    story->nwarnings > 1 ? " (and more)" : "");
	if (story->ndocs != 0)
		r->dirty |= tui_mark(&t, true);
	/* The story list's timeline key opens the story on its timeline. */
	if (timeline && story->ndocs != 0)
		r->dirty |= overlay_open(&t.overlay, r, &overlay_timeline_kind,
		    NULL);
	status = tui_loop(&t);
	*back = t.back;
	free(t.read);
	layout_free(&t.layout);
	overlay_close(&t.overlay);
	prompt_free(&t.prompt);
	addkeyword_free(&t.adding);
	rescore_free(&t.outlets);
	reload_free(&t.reload);
	free(t.removal.keyword);
	reader_free(r);
	sidebar_free(&t.sidebar);
	article_free(&t.article);
	return status;
}
