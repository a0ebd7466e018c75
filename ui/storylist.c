/* storylist: the stories of an archive, to pick one to read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "group.h"
#include "outlets.h"
#include "paint.h"
#include "spread.h"
#include "state.h"
#include "stories.h"
#include "storylist.h"
#include "xalloc.h"

void
storylist_reload(struct storylist *sl)
{
	const struct group_article *a;
	const struct group_story *st;
	size_t i, j, n = group_set_count(sl->set);

	for (i = 0; i < n; i++) {
		a = group_set_article(sl->set, i);
		sl->read[i] = sl->state != NULL && a->key != NULL &&
		    state_is_read(sl->state, a->key);
	}
	for (i = 0; i < group_set_nstories(sl->set); i++) {
		st = group_set_story(sl->set, i);
		sl->unread[i] = 0;
		for (j = 0; j < st->nmembers; j++)
			sl->unread[i] += !sl->read[st->members[j]];
	}
}

/* Columns of a story's leaning bar. */
#define STORYLIST_BAR 8

/*
 * Counts each story's distinct outlets by leaning (an unrated one by its
 * name) and judges its blindspot by the outlets file's rule.
 */
static void
storylist_count(struct storylist *sl)
{
	size_t nl = sl->outlets != NULL ? sl->outlets->nleanings : 0;
	const struct group_story *st;
	const struct group_article *a, *b;
	const struct outlet *p, **profiles;
	struct spread_counts c;
	size_t i, j, k;

	sl->leanings = xcalloc((nl + 1) * group_set_nstories(sl->set) + 1,
	    sizeof *sl->leanings);
	sl->blindspot = xcalloc(group_set_nstories(sl->set) + 1,
	    sizeof *sl->blindspot);
	profiles = xcalloc(group_set_count(sl->set) + 1, sizeof *profiles);
	for (i = 0; i < group_set_count(sl->set); i++) {
		a = group_set_article(sl->set, i);
		profiles[i] = outlets_match(sl->outlets, a->outlet, a->id);
	}
	for (i = 0; i < group_set_nstories(sl->set); i++) {
		st = group_set_story(sl->set, i);
		c.by_leaning = sl->leanings + i * (nl + 1);
		c.rated = c.unrated = 0;
		for (j = 0; j < st->nmembers; j++) {
			a = group_set_article(sl->set, st->members[j]);
			p = profiles[st->members[j]];
			/* Counted at its first article only. */
			for (k = 0; k < j; k++) {
				b = group_set_article(sl->set, st->members[k]);
				if (p != NULL ? profiles[st->members[k]] == p :
				    b->outlet != NULL && a->outlet != NULL &&
				    strcmp(a->outlet, b->outlet) == 0)
					break;
			}
			if (k < j)
				continue;
			if (p != NULL && p->leaning != OUTLET_UNRATED) {
				c.by_leaning[p->leaning]++;
				c.rated++;
			} else
				c.unrated++;
		}
		c.by_leaning[nl] = c.unrated;
		sl->blindspot[i] = spread_blindspot(sl->outlets, &c);
	}
	free(profiles);
}

/* Lists every story, or only the blindspots. */
static void
storylist_filter(struct storylist *sl)
{
	size_t i;

	sl->nshown = 0;
	for (i = 0; i < group_set_nstories(sl->set); i++)
		if (!sl->only_blindspots || sl->blindspot[i] != 0)
			sl->shown[sl->nshown++] = i;
	sl->pos.sel = sl->pos.top = 0;
}

void
storylist_init(struct storylist *sl, const struct group_set *set,
    const struct outlets *outlets, struct state *state)
{
	struct strbuf empty = STRBUF_INIT;

	memset(sl, 0, sizeof *sl);
	sl->set = set;
	sl->outlets = outlets;
	sl->state = state;
	sl->read = xcalloc(group_set_count(set) + 1, sizeof *sl->read);
	sl->unread = xcalloc(group_set_nstories(set) + 1, sizeof *sl->unread);
	sl->shown = xcalloc(group_set_nstories(set) + 1, sizeof *sl->shown);
	sl->input = empty;
	storylist_reload(sl);
	storylist_count(sl);
	storylist_filter(sl);
}

void
storylist_free(struct storylist *sl)
{
	free(sl->read);
	free(sl->unread);
	free(sl->leanings);
	free(sl->blindspot);
	free(sl->shown);
	free(sl->query);
	free(sl->message);
	strbuf_free(&sl->input);
}

void
storylist_resize(struct storylist *sl, int lines)
{
	/* A header line above, the status line below. */
	sl->height = lines > 2 ? (size_t)(lines - 2) : 1;
	listpos_clamp(&sl->pos, sl->nshown, sl->height);
}

size_t
storylist_selected(const struct storylist *sl)
{
	return sl->shown[sl->pos.sel];
}

void
storylist_select_id(struct storylist *sl, const char *id)
{
	size_t i;

	for (i = 0; i < sl->nshown; i++) {
		if (strcmp(group_set_story(sl->set, sl->shown[i])->id,
		    id) == 0) {
			listpos_move(&sl->pos, sl->nshown, sl->height,
			    (long)i - (long)sl->pos.sel);
			return;
		}
	}
}

/* Shows MESSAGE (taking it) in the bottom line. */
static void
storylist_say(struct storylist *sl, char *message)
{
	free(sl->message);
	sl->message = message;
}

/* Moves to the next story (DIR 1) or previous (-1) whose title holds the
 * query, wrapping around; a new search (FROM 0) may stay where it is. */
static int
storylist_find(struct storylist *sl, int dir, size_t from)
{
	size_t n = sl->nshown, i, k;
	const char *title;

	if (sl->query == NULL || n == 0) {
		storylist_say(sl, xasprintf("no search yet: %s searches titles",
		    action_def(ACTION_SEARCH)->keys));
		return STORYLIST_REDRAW;
	}
	for (k = from; k < n + from; k++) {
		i = (sl->pos.sel + (dir > 0 ? k : n * 2 - k)) % n;
		title = group_set_article(sl->set,
		    group_set_story(sl->set, sl->shown[i])->central)->title;
		if (title != NULL && strcasestr(title, sl->query) != NULL) {
			sl->pos.sel = i;
			listpos_show(&sl->pos, n, sl->height, i, i);
			return STORYLIST_REDRAW;
		}
	}
	storylist_say(sl, xasprintf("no story title holds \"%s\"",
	    sl->query));
	return STORYLIST_REDRAW;
}

/* Marks every source of the selected story read, or all unread when it
 * was read. */
static int
storylist_toggle(struct storylist *sl)
{
	const struct group_story *st;
	const struct group_article *a;
	char *warning = NULL;
	size_t j;
	bool read;

	if (sl->state == NULL) {
		storylist_say(sl, xstrdup("no reading state (--no-state, or it "
		    "could not be opened)"));
		return STORYLIST_REDRAW;
	}
	st = group_set_story(sl->set, sl->shown[sl->pos.sel]);
	read = sl->unread[sl->shown[sl->pos.sel]] != 0;
	for (j = 0; j < st->nmembers; j++) {
		a = group_set_article(sl->set, st->members[j]);
		if (a->key != NULL &&
		    state_set_read(sl->state, a->key, read, &warning) != 0) {
			storylist_say(sl, warning);
			break;
		}
	}
	storylist_reload(sl);
	return STORYLIST_REDRAW;
}

static int
storylist_search_key(struct storylist *sl, int key)
{
	if (key == '\n' || key == '\r' || key == KEY_ENTER) {
		sl->searching = false;
		if (sl->input.len == 0)
			return STORYLIST_REDRAW;
		free(sl->query);
		sl->query = xstrdup(sl->input.data);
		return storylist_find(sl, 1, 0);
	}
	if (key == 27) {
		sl->searching = false;
	} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		while (sl->input.len > 0 &&
		    ((unsigned char)sl->input.data[--sl->input.len] & 0xc0) ==
		    0x80)
			;
		if (sl->input.data != NULL)
			sl->input.data[sl->input.len] = '\0';
	} else if (key >= 0x20 && key < 0x100 && key != 0x7f) {
		strbuf_addch(&sl->input, (char)key);
	}
	return STORYLIST_REDRAW;
}

/* Lists only the blindspot stories, or every story again. */
static int
storylist_blindspots(struct storylist *sl)
{
	if (sl->outlets == NULL) {
		storylist_say(sl, xstrdup("no outlets file: no story is "
		    "judged a blindspot"));
		return STORYLIST_REDRAW;
	}
	sl->only_blindspots = !sl->only_blindspots;
	storylist_filter(sl);
	if (sl->nshown == 0)
		storylist_say(sl, xasprintf("no blindspot: no story has %u%% "
		    "of %zu or more rated outlets on one side",
		    sl->outlets->blindspot_percent,
		    sl->outlets->blindspot_min_rated));
	return STORYLIST_REDRAW;
}

int
storylist_key(struct storylist *sl, int key)
{
	size_t n = sl->nshown;

	if (sl->searching)
		return storylist_search_key(sl, key);
	free(sl->message);
	sl->message = NULL;
	if (sl->help) {
		sl->help = false;
		return STORYLIST_REDRAW;
	}
	switch (action_for_key(key)) {
	case ACTION_DOWN:
		listpos_move(&sl->pos, n, sl->height, 1);
		break;
	case ACTION_UP:
		listpos_move(&sl->pos, n, sl->height, -1);
		break;
	case ACTION_PAGE_DOWN:
		listpos_move(&sl->pos, n, sl->height, (long)sl->height);
		break;
	case ACTION_PAGE_UP:
		listpos_move(&sl->pos, n, sl->height, -(long)sl->height);
		break;
	case ACTION_HALF_DOWN:
		listpos_move(&sl->pos, n, sl->height, (long)(sl->height + 1) / 2);
		break;
	case ACTION_HALF_UP:
		listpos_move(&sl->pos, n, sl->height, -(long)(sl->height + 1) / 2);
		break;
	case ACTION_TOP:
		listpos_move(&sl->pos, n, sl->height, -(long)n);
		break;
	case ACTION_BOTTOM:
		listpos_move(&sl->pos, n, sl->height, (long)n);
		break;
	case ACTION_SELECT:
		return n != 0 ? STORYLIST_OPEN : 0;
	case ACTION_TIMELINE:
		return n != 0 ? STORYLIST_OPEN | STORYLIST_TIMELINE : 0;
	case ACTION_SEARCH:
		sl->searching = true;
		strbuf_reset(&sl->input);
		break;
	case ACTION_SEARCH_NEXT:
		return storylist_find(sl, 1, 1);
	case ACTION_SEARCH_PREV:
		return storylist_find(sl, -1, 1);
	case ACTION_TOGGLE_READ:
		return n != 0 ? storylist_toggle(sl) : 0;
	case ACTION_BLINDSPOTS:
		return storylist_blindspots(sl);
	case ACTION_HELP:
		sl->help = true;
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACTION_RELOAD:
		return STORYLIST_RELOAD;
	case ACTION_QUIT:
		return STORYLIST_QUIT;
	default:
		return 0;
	}
	return STORYLIST_REDRAW;
}

/* "2019-05-24" or "2019-05-24 - 05-26"; empty when undated. */
static void
storylist_span(const struct group_story *st, char *buf, size_t size)
{
	char first[11], last[11];

	buf[0] = '\0';
	if (st->first == GROUP_NO_DAY)
		return;
	stories_day(st->first, first);
	stories_day(st->last, last);
	if (st->first == st->last)
		snprintf(buf, size, "%s", first);
	else
		snprintf(buf, size, "%s - %s", first,
		    memcmp(first, last, 5) == 0 ? last + 5 : last);
}

/* The distinct outlets of ST, comma-separated, into SB. */
static size_t
storylist_outlets(const struct group_set *set, const struct group_story *st,
    struct strbuf *sb)
{
	const char *o;
	size_t i, j, n = 0;

	for (i = 0; i < st->nmembers; i++) {
		o = group_set_article(set, st->members[i])->outlet;
		for (j = 0; o != NULL && j < i; j++) {
			const char *p = group_set_article(set,
			    st->members[j])->outlet;

			if (p != NULL && strcmp(p, o) == 0)
				break;
		}
		if (o == NULL || j < i)
			continue;
		if (n++ != 0)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, o);
	}
	return n;
}

/*
 * Story I's outlets by leaning in STORYLIST_BAR columns, one mark per
 * outlet while they fit, else shares of the width; the unrated last, then
 * '!' for a blindspot.  Returns the columns used.
 */
static int
storylist_bar(const struct storylist *sl, WINDOW *win, int y, int x,
    size_t i, attr_t attr)
{
	size_t nl = sl->outlets != NULL ? sl->outlets->nleanings : 0;
	const size_t *c = sl->leanings + i * (nl + 1);
	size_t total = 0, l, k, cells, used = 0;

	for (l = 0; l <= nl; l++)
		total += c[l];
	for (l = 0; l <= nl && total > 0; l++) {
		cells = total <= STORYLIST_BAR ? c[l] :
		    (c[l] * STORYLIST_BAR + total / 2) / total;
		if (c[l] > 0 && cells == 0)
			cells = 1;
		for (k = 0; k < cells && used < STORYLIST_BAR; k++, used++)
			paint_leaning_mark(win, y, x + (int)used, sl->outlets,
			    l < nl ? l : OUTLET_UNRATED, attr);
	}
	if (sl->blindspot[i] != 0) {
		wattrset(win, attr | A_BOLD);
		mvwaddstr(win, y, x + (int)used, "!");
	}
	wattrset(win, attr);
	return STORYLIST_BAR + 1;
}

static void
storylist_draw_row(const struct storylist *sl, WINDOW *win, int y, size_t i,
    bool selected, int w)
{
	const struct group_story *st = group_set_story(sl->set, i);
	const char *title = group_set_article(sl->set, st->central)->title;
	struct strbuf sb = STRBUF_INIT;
	char head[32], span[32];
	attr_t attr = selected ? A_REVERSE : A_NORMAL;
	size_t noutlets;
	int x;

	if (sl->unread[i] == 0)
		attr |= A_DIM;
	paint_fill(win, y, 0, w, attr);
	if (selected)
		paint_text(win, y, 0, paint_glyph(GLYPH_MARKER),
		    strlen(paint_glyph(GLYPH_MARKER)), w, attr);
	/* The count right-aligned in five columns (paint_text folds runs
	 * of spaces, so the column is where it starts). */
	snprintf(head, sizeof head, "%zu", sl->unread[i]);
	x = (int)strlen(head) < 5 ? 6 - (int)strlen(head) : 1;
	x += paint_text(win, y, x, head, strlen(head), w - x, attr) + 1;
	if (title == NULL)
		title = "(untitled)";
	x += paint_text_clip(win, y, x, title, strlen(title), w / 2 - x,
	    attr | (sl->unread[i] != 0 ? A_BOLD : 0));
	noutlets = storylist_outlets(sl->set, st, &sb);
	storylist_span(st, span, sizeof span);
	snprintf(head, sizeof head, "  %zu outlet%s: ", noutlets,
	    noutlets == 1 ? "" : "s");
	x = w / 2 > x ? w / 2 : x;
	if (x + STORYLIST_BAR + 2 < w)
		x += storylist_bar(sl, win, y, x + 1, i, attr) + 1;
	if (span[0] != '\0' && (int)strlen(span) + 2 < w - x) {
		paint_text(win, y, w - (int)strlen(span) - 1, span,
		    strlen(span), (int)strlen(span), attr);
		w -= (int)strlen(span) + 2;
	}
	x += paint_text(win, y, x, head, strlen(head), w - x, attr);
	paint_text_clip(win, y, x, sb.data != NULL ? sb.data : "", sb.len,
	    w - x, attr);
	strbuf_free(&sb);
}

static void
storylist_draw_help(WINDOW *win, int h, int w)
{
	static const enum action shown[] = { ACTION_DOWN, ACTION_UP,
	    ACTION_TOP, ACTION_BOTTOM, ACTION_PAGE_DOWN, ACTION_PAGE_UP,
	    ACTION_SELECT, ACTION_TIMELINE, ACTION_SEARCH, ACTION_SEARCH_NEXT,
	    ACTION_SEARCH_PREV, ACTION_TOGGLE_READ, ACTION_BLINDSPOTS,
	    ACTION_RELOAD, ACTION_REDRAW,
	    ACTION_HELP, ACTION_QUIT };
	const struct action_def *d;
	char line[96];
	size_t i;
	int y = 1;

	paint_text(win, 0, 0, "Story list keys (any key closes)", 32, w,
	    A_BOLD);
	for (i = 0; i < sizeof shown / sizeof *shown && y < h; i++, y++) {
		d = action_def(shown[i]);
		paint_text(win, y, 2, d->keys, strlen(d->keys), 22, A_BOLD);
		paint_text_clip(win, y, 24, d->help, strlen(d->help), w - 24,
		    A_NORMAL);
	}
	snprintf(line, sizeof line, "In the reader, %s goes back to this list.",
	    action_def(ACTION_STORIES)->keys);
	if (y + 1 < h)
		paint_text_clip(win, y + 1, 2, line, strlen(line), w - 2,
		    A_NORMAL);
}

void
storylist_draw(const struct storylist *sl, WINDOW *win)
{
	static const struct action_hint hints[] = {
		{ ACTION_SELECT, "reads" }, { ACTION_SEARCH, "searches" },
		{ ACTION_TOGGLE_READ, "marks read" }, { ACTION_HELP, "help" },
		{ ACTION_QUIT, "quits" },
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = sl->nshown;
	char line[96];
	int h, w, y;

	getmaxyx(win, h, w);
	werase(win);
	if (sl->help) {
		storylist_draw_help(win, h, w);
		wnoutrefresh(win);
		return;
	}
	snprintf(line, sizeof line, "%zu %s %s %zu sources", n,
	    sl->only_blindspots ? "blindspots" : "stories",
	    paint_glyph(GLYPH_DOT), group_set_count(sl->set));
	paint_text_clip(win, 0, 0, "unread  story", 13, w, A_BOLD);
	paint_text(win, 0, w - (int)strlen(line) - 1 > 14 ?
	    w - (int)strlen(line) - 1 : 14, line, strlen(line),
	    w - 14, A_BOLD);
	for (i = sl->pos.top, y = 1; i < n && y < h - 1; i++, y++)
		storylist_draw_row(sl, win, y, sl->shown[i], i == sl->pos.sel,
		    w);
	if (sl->searching) {
		paint_text(win, h - 1, 0, "/", 1, w, A_BOLD);
		paint_text(win, h - 1, 1, sl->input.data != NULL ?
		    sl->input.data : "", sl->input.len, w - 2, A_NORMAL);
	} else if (sl->message != NULL) {
		paint_text_clip(win, h - 1, 0, sl->message,
		    strlen(sl->message), w, paint_attr_error());
	} else {
		strbuf_addf(&sb, "%zu/%zu %s ", n ? sl->pos.sel + 1 : 0, n,
		    paint_glyph(GLYPH_DOT));
		action_footer(&sb, hints, sizeof hints / sizeof *hints);
		paint_text_clip(win, h - 1, 0, sb.data, sb.len, w, A_DIM);
		strbuf_free(&sb);
	}
	wnoutrefresh(win);
}
