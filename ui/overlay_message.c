/* overlay_message: text wrapped to the box, scrolled. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "overlay_message.h"
#include "paint.h"
#include "strbuf.h"
#include "xalloc.h"

static const struct action_hint overlay_message_line_hints[] = {
	{ ACTION_EDIT, "edits again at the first error" },
	{ ACTION_DELETE, "discards the edit" }, { ACTION_QUIT, "keeps the file" },
};
static const struct action_hint overlay_message_hints[] = {
	{ ACTION_EDIT, "edits again" },
	{ ACTION_DELETE, "discards the edit" }, { ACTION_QUIT, "keeps the file" },
};

struct overlay_message {
	char *title;
	char *text;
	size_t line;
};

static int
overlay_message_open(struct overlay *o, struct reader *r, const void *arg)
{
	const struct overlay_message_arg *a = arg;
	struct overlay_message *m = xcalloc(1, sizeof *m);

	(void)r;
	m->title = xstrdup(a->title);
	m->text = xstrdup(a->text);
	m->line = a->line;
	o->state = m;
	return 0;
}

static void
overlay_message_release(void *state)
{
	struct overlay_message *m = state;

	free(m->title);
	free(m->text);
	free(m);
}

size_t
overlay_message_line(const struct overlay *o)
{
	const struct overlay_message *m = o->state;

	return m->line;
}

/*
 * Walks the message's lines wrapped to WIDTH, calling FN (when not NULL)
 * for each; returns how many there are.
 */
static size_t
overlay_message_lines(const char *text, int width,
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

static size_t
overlay_message_rows(const struct overlay *o, const struct reader *r)
{
	const struct overlay_message *m = o->state;

	(void)r;
	return overlay_message_lines(m->text, o->rect.w - 4, NULL, NULL);
}

struct overlay_message_draw {
	WINDOW *win;
	size_t top;
	int h, w;
};

static void
overlay_message_line_drawn(const char *s, size_t start, size_t stop, size_t n,
    void *arg)
{
	struct overlay_message_draw *d = arg;

	if (n < d->top || n >= d->top + (size_t)d->h)
		return;
	paint_text(d->win, (int)(n - d->top) + 1, 2, s + start, stop - start,
	    d->w - 2, A_NORMAL);
}

static void
overlay_message_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_message *m = o->state;
	struct overlay_message_draw d = { win, o->pos.top, h, w };

	(void)r;
	overlay_message_lines(m->text, w - 2, overlay_message_line_drawn, &d);
}

static void
overlay_message_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_message *m = o->state;

	(void)r;
	strbuf_addstr(sb, m->title);
}

static void
overlay_message_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_message *m = o->state;

	(void)r;
	if (m->line != 0)
		OVERLAY_HINTS(sb, overlay_message_line_hints);
	else
		OVERLAY_HINTS(sb, overlay_message_hints);
}

const struct overlay_kind overlay_message_kind = {
	.name = "message",
	.keeps_on_retag = true,
	.selects = false,
	.open = overlay_message_open,
	.rows = overlay_message_rows,
	.draw = overlay_message_draw,
	.title = overlay_message_title,
	.footer = overlay_message_footer,
	.release = overlay_message_release,
};
