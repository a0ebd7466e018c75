/* statusline: position, filter, taxonomy, messages and the search prompt. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paint.h"
#include "paths.h"
#include "prompt.h"
#include "reader.h"
#include "statusline.h"
#include "document.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "tui.h"

/* Columns the taxonomy's path keeps however narrow the line. */
#define STATUSLINE_PATH_MIN 16

void
statusline_draw(const struct reader *r, const struct prompt *prompt,
    WINDOW *win)
{
	const struct taxonomy *tax = r->story->taxonomy;
	struct strbuf sb = STRBUF_INIT;
	const char *dot = paint_glyph(GLYPH_DOT), *label;
	char *path;
	int h, w, used, room;

	getmaxyx(win, h, w);
	(void)h;
	werase(win);
	if (prompt->kind != PROMPT_NONE) {
		label = prompt_label(prompt);
		used = paint_text(win, 0, 0, label, strlen(label), w, A_BOLD);
		/* Show the end of a query longer than the line. */
		used += paint_text(win, 0, used, prompt_text(prompt),
		    prompt->input.len, w - used - 1, A_NORMAL);
		wmove(win, 0, used < w ? used : w - 1);
		return;
	}
	strbuf_addf(&sb, "%zu/%zu", r->norder != 0 ? r->at + 1 : 0,
	    r->norder);
	if (r->sentence != NONE)
		strbuf_addf(&sb, " %s sentence %zu/%zu", dot, r->sentence + 1,
		    r->story->docs[r->doc]->nsentences);
	if (r->story->claims == NULL)
		strbuf_addf(&sb, " %s linking claims across %zu sources...",
		    dot, r->story->ndocs);
	if (r->message != NULL) {
		used = paint_text(win, 0, 0, sb.data, sb.len, w, A_NORMAL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, " %s %s", dot, r->message);
		paint_text_clip(win, 0, used, sb.data, sb.len, w - used,
		    r->message_error ? paint_attr_error() : A_BOLD);
		strbuf_free(&sb);
		return;
	}
	strbuf_addf(&sb, " %s topic: %s", dot, r->filter == NONE ? "all" :
	    tax->topics[r->filter].label);
	if (r->query != NULL)
		strbuf_addf(&sb, " %s search: %s", dot, r->query);
	if (r->cfg->hint != NULL)
		strbuf_addf(&sb, " %s %s", dot, r->cfg->hint);
	/* The path gets the room left, shortened from the left by whole
	 * components: ~/.config/parallax/taxonomy.yaml, …/taxonomy.yaml. */
	strbuf_addf(&sb, " %s taxonomy ", dot);
	room = w - 9 - paint_width(sb.data, sb.len);
	path = paths_shorten(r->taxfile.path, getenv("HOME"),
	    paint_glyph(GLYPH_ELLIPSIS), room > STATUSLINE_PATH_MIN ?
	    (size_t)room : STATUSLINE_PATH_MIN);
	strbuf_addstr(&sb, path);
	free(path);
	/* The help hint keeps its place at the right end. */
	if (w > 24) {
		paint_text_clip(win, 0, 0, sb.data, sb.len, w - 9, A_NORMAL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, " %s ? help", dot);
		paint_text(win, 0, w - 9, sb.data, sb.len, 9, A_NORMAL);
	} else {
		paint_text_clip(win, 0, 0, sb.data, sb.len, w, A_NORMAL);
	}
	strbuf_free(&sb);
}
