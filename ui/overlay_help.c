/*
 * overlay_help: the key table and the mouse, one line each; where the
 * overlay is wide enough, each key's command name (for `:`) beside it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "overlay_help.h"
#include "paint.h"
#include "strbuf.h"

/* Below the keys: counts, the mouse, what the numbers beside sources count. */
#define HELP_NOTES 4

static const char *help_notes[HELP_NOTES][2] = {
	{ "5j, 3J, 2n", "a count typed before a move repeats it" },
	{ "click", "select a source, sentence, claim or overlay row" },
	{ "wheel", "scroll the pane under the pointer" },
	{ "Sources 12", "a source's claims (tagged sentences until linked)" },
};

static const struct action_hint overlay_help_hints[] = {
	{ ACTION_QUIT, "closes" }, { ACTION_PAGE_DOWN, "pages" },
};

/* Columns the longest name takes with its colon (":previous-source"). */
#define OVERLAY_HELP_NAME_WIDTH 16

/* ":NAME" at (Y, X), clipped to W columns. */
static void
overlay_help_name(WINDOW *win, int y, int x, int w, const char *name)
{
	char buf[64];
	int len = snprintf(buf, sizeof buf, ":%s", name);

	paint_text_clip(win, y, x, buf, (size_t)len, w, A_DIM);
}

static int
overlay_help_open(struct overlay *o, struct reader *r, const void *arg)
{
	(void)o;
	(void)r;
	(void)arg;
	return 0;
}

static size_t
overlay_help_rows(const struct overlay *o, const struct reader *r)
{
	size_t n;

	(void)o;
	(void)r;
	action_table(&n);
	return n + HELP_NOTES;
}

static void
overlay_help_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct action_def *t;
	size_t n, i;
	int y, kw = w / 3 < 22 ? w / 3 : 22;
	/* The names' column, right of the longest help (0: no room). */
	int nx = 2 + kw + ACTION_HELP_MAX + 2, nw = w - nx - 1;
	const char *keys, *help;

	(void)r;
	t = action_table(&n);
	for (y = 0; y < h; y++) {
		i = o->pos.top + (size_t)y;
		if (i >= n + HELP_NOTES)
			break;
		keys = i < n ? t[i].keys : help_notes[i - n][0];
		help = i < n ? t[i].help : help_notes[i - n][1];
		paint_text_clip(win, y + 1, 2, keys, strlen(keys), kw - 1, A_BOLD);
		paint_text_clip(win, y + 1, 2 + kw, help, strlen(help),
		    w - kw - 1, A_NORMAL);
		if (i < n && nw >= OVERLAY_HELP_NAME_WIDTH)
			overlay_help_name(win, y + 1, nx, nw, t[i].name);
	}
}

static void
overlay_help_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	strbuf_addstr(sb, "Keys");
}

static void
overlay_help_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	OVERLAY_HINTS(sb, overlay_help_hints);
}

const struct overlay_kind overlay_help_kind = {
	.name = "help",
	.keeps_on_retag = true,
	.selects = false,
	.open = overlay_help_open,
	.rows = overlay_help_rows,
	.draw = overlay_help_draw,
	.title = overlay_help_title,
	.footer = overlay_help_footer,
};
