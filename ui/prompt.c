/* prompt: one line of input in the status line, UTF-8 by bytes. */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "overlay.h"
#include "prompt.h"
#include "reader.h"
#include "search.h"
#include "strbuf.h"
#include "xalloc.h"

int
prompt_start(struct reader *r, enum prompt_kind kind, const char *prefill)
{
	r->prompt = kind;
	strbuf_reset(&r->input);
	strbuf_addstr(&r->input, prefill != NULL ? prefill : "");
	return DIRTY_STATUS;
}

const char *
prompt_label(enum prompt_kind kind)
{
	switch (kind) {
	case PROMPT_KEYWORD:
		return "add keyword: ";
	case PROMPT_TOPIC_ID:
		return "new topic id (a-z, 0-9, -): ";
	case PROMPT_TOPIC_LABEL:
		return "new topic label: ";
	default:
		return "/";
	}
}

/* Enter: the search runs, or the keyword goes to the topic picker. */
static int
prompt_submit(struct reader *r)
{
	enum prompt_kind kind = r->prompt;
	char *text = xstrdup(r->input.data);
	int dirty;

	r->prompt = PROMPT_NONE;
	if (kind == PROMPT_SEARCH) {
		dirty = DIRTY_STATUS | search_submit(r, text);
	} else if (*text == '\0') {
		dirty = DIRTY_STATUS;
	} else if (kind == PROMPT_KEYWORD) {
		dirty = overlay_pick_topic_for(r, text);
	} else if (kind == PROMPT_TOPIC_ID) {
		free(r->new_id);
		r->new_id = xstrdup(text);
		dirty = prompt_start(r, PROMPT_TOPIC_LABEL, NULL);
	} else {
		dirty = DIRTY_ALL | editor_new_topic(r, r->new_id, text,
		    r->new_keyword);
	}
	if (r->prompt == PROMPT_NONE) {
		free(r->new_keyword);
		free(r->new_id);
		r->new_keyword = r->new_id = NULL;
	}
	free(text);
	return dirty;
}

int
prompt_key(struct reader *r, int key)
{
	struct strbuf *in = &r->input;

	switch (key) {
	case 27:
		r->prompt = PROMPT_NONE;
		return DIRTY_STATUS;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return prompt_submit(r);
	case KEY_BACKSPACE:
	case 127:
	case 8:
		/* Backspace on an empty prompt cancels it, as in less. */
		if (in->len == 0) {
			r->prompt = PROMPT_NONE;
			return DIRTY_STATUS;
		}
		/* Drop a whole code point. */
		while (in->len > 0 &&
		    ((unsigned char)in->data[--in->len] & 0xc0) == 0x80)
			;
		in->data[in->len] = '\0';
		return DIRTY_STATUS;
	case 'u' & 0x1f:
		strbuf_reset(in);
		strbuf_addstr(in, "");
		return DIRTY_STATUS;
	default:
		/* Printable ASCII and the bytes of UTF-8 sequences. */
		if ((key >= 0x20 && key < 0x7f) || (key >= 0x80 && key < 0x100))
			strbuf_addch(in, (char)key);
		return DIRTY_STATUS;
	}
}
