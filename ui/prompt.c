/* prompt: one line of input in the status line, UTF-8 by bytes. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "prompt.h"
#include "reader.h"
#include "strbuf.h"
#include "xalloc.h"

int
prompt_start(struct prompt *p, enum prompt_kind kind, const char *prefill)
{
	p->kind = kind;
	strbuf_reset(&p->input);
	strbuf_addstr(&p->input, prefill != NULL ? prefill : "");
	return DIRTY_STATUS;
}

int
prompt_confirm(struct prompt *p, const char *fmt, ...)
{
	va_list ap;

	free(p->question);
	va_start(ap, fmt);
	p->question = xvasprintf(fmt, ap);
	va_end(ap);
	return prompt_start(p, PROMPT_CONFIRM, NULL);
}

bool
prompt_yes(const struct prompt *p)
{
	return p->kind == PROMPT_CONFIRM && strcmp(prompt_text(p), "y") == 0;
}

const char *
prompt_label(const struct prompt *p)
{
	switch (p->kind) {
	case PROMPT_CONFIRM:
		return p->question;
	case PROMPT_KEYWORD:
		return "add keyword: ";
	case PROMPT_TOPIC_ID:
		return "new topic id (a-z, 0-9, -): ";
	case PROMPT_TOPIC_LABEL:
		return "new topic label: ";
	case PROMPT_COMMAND:
		return ":";
	default:
		return "/";
	}
}

const char *
prompt_text(const struct prompt *p)
{
	return p->input.data != NULL ? p->input.data : "";
}

void
prompt_end(struct prompt *p)
{
	p->kind = PROMPT_NONE;
	command_tab_end(&p->tab);
}

void
prompt_free(struct prompt *p)
{
	strbuf_free(&p->input);
	free(p->question);
	command_tab_end(&p->tab);
}

int
prompt_key(struct prompt *p, int key)
{
	struct strbuf *in = &p->input;

	if (p->kind == PROMPT_CONFIRM) {
		strbuf_addstr(in, key == 'y' || key == 'Y' ? "y" : "");
		return DIRTY_STATUS | REACT_SUBMIT;
	}
	if (p->kind == PROMPT_COMMAND && key == '\t') {
		command_complete(in, &p->tab);
		return DIRTY_STATUS;
	}
	command_tab_end(&p->tab);
	switch (key) {
	case 27:
		prompt_end(p);
		return DIRTY_STATUS;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return DIRTY_STATUS | REACT_SUBMIT;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		/* Backspace on an empty prompt cancels it, as in less. */
		if (in->len == 0) {
			prompt_end(p);
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
