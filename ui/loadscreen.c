/* loadscreen: progress on screen while the sources load. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "action.h"
#include "curses.h"
#include "loader.h"
#include "loadscreen.h"
#include "paint.h"
#include "screen.h"
#include "strbuf.h"

/* How often the progress is looked at: the screen follows it this fast. */
#define LOADSCREEN_POLL_MS 50

/* N with a comma between groups of three digits: "7,754". */
static void
loadscreen_number(struct strbuf *sb, size_t n)
{
	char digits[32];
	size_t len, i;

	len = (size_t)snprintf(digits, sizeof digits, "%zu", n);
	for (i = 0; i < len; i++) {
		if (i != 0 && (len - i) % 3 == 0)
			strbuf_addch(sb, ',');
		strbuf_addch(sb, digits[i]);
	}
}

void
loadscreen_describe(const struct loader_status *st, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	switch (st->step) {
	case STORY_FETCHING:
		strbuf_addstr(&sb, "fetching ");
		loadscreen_number(&sb, st->total - st->done);
		strbuf_addstr(&sb, st->total - st->done == 1 ? " URL" :
		    " URLs");
		if (st->done != 0) {
			strbuf_addstr(&sb, " (");
			loadscreen_number(&sb, st->done);
			strbuf_addstr(&sb, " done)");
		}
		break;
	case STORY_READING:
		/* Before the arguments are expanded, their number is unknown. */
		if (st->total == 0) {
			strbuf_addstr(&sb, "opening sources");
			break;
		}
		strbuf_addstr(&sb, "loading ");
		loadscreen_number(&sb, st->done);
		strbuf_addch(&sb, '/');
		loadscreen_number(&sb, st->total);
		strbuf_addstr(&sb, st->total == 1 ? " source" : " sources");
		break;
	case STORY_GROUPING:
		strbuf_addstr(&sb, "grouping stories");
		break;
	case STORY_LINKING:
		strbuf_addstr(&sb, "linking claims");
		break;
	}
	snprintf(buf, size, "%s", sb.data != NULL ? sb.data : "");
	strbuf_free(&sb);
}

/* The frame: a title, the progress in the middle and in the status line. */
static void
loadscreen_draw(const char *progress, const char *hint, const char *message)
{
	struct strbuf sb = STRBUF_INIT;
	const char *dot = paint_glyph(GLYPH_DOT);
	int h, w, x;

	getmaxyx(stdscr, h, w);
	werase(stdscr);
	paint_text_clip(stdscr, 0, 0, "parallax", 8, w, A_BOLD);
	x = (w - paint_width(progress, strlen(progress))) / 2;
	paint_text_clip(stdscr, h / 2, x > 0 ? x : 0, progress,
	    strlen(progress), w, A_NORMAL);
	strbuf_addf(&sb, "%s...", progress);
	if (hint != NULL)
		strbuf_addf(&sb, " %s %s", dot, hint);
	strbuf_addf(&sb, " %s %s", dot, message != NULL ? message :
	    "q quits");
	paint_text_clip(stdscr, h - 1, 0, sb.data, sb.len, w,
	    message != NULL ? A_BOLD : A_DIM);
	strbuf_free(&sb);
	wnoutrefresh(stdscr);
	doupdate();
}

bool
loadscreen_run(struct loader *ld, const char *hint)
{
	struct loader_status st;
	const char *message = NULL;
	char now[96], shown[96] = "";
	bool redraw = true;
	int key;

	wtimeout(stdscr, LOADSCREEN_POLL_MS);
	curs_set(0);
	while (!loader_done(ld)) {
		loader_status(ld, &st);
		loadscreen_describe(&st, now, sizeof now);
		if (redraw || strcmp(now, shown) != 0) {
			loadscreen_draw(now, hint, message);
			snprintf(shown, sizeof shown, "%s", now);
			redraw = false;
		}
		key = wgetch(stdscr);
		if (screen_hung_up())
			return false;
		if (key == ERR)
			continue;
		redraw = true;
		switch (key == KEY_RESIZE ? ACTION_REDRAW :
		    action_for_key(key)) {
		case ACTION_QUIT:
			return false;
		case ACTION_REDRAW:
			clearok(curscr, TRUE);
			break;
		default:
			message = "still loading: q quits";
			break;
		}
	}
	return true;
}
