/*
 * prompt: a line of input read in the status line: the search after `/`,
 * the keyword after `a`, a new topic's id and label, a command after `:`
 * (Tab completes its name).  A leaf widget: it
 * keeps the text and, on Enter, returns REACT_SUBMIT with the kind still
 * set so the caller can read what was typed (prompt_end then clears it).
 * The prompt owns its text (prompt_free).
 */
#ifndef PARALLAX_UI_PROMPT_H
#define PARALLAX_UI_PROMPT_H

#include <stdbool.h>

#include "command.h"
#include "strbuf.h"

/* prompt_key: Enter was pressed on the text. */
#define REACT_SUBMIT 0x800

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,		/* `/`: a search */
	PROMPT_KEYWORD,		/* `a`: a keyword to add to a topic */
	PROMPT_TOPIC_ID,	/* a new topic for it: its id */
	PROMPT_TOPIC_LABEL,	/* then its label */
	PROMPT_CONFIRM,		/* a yes/no question: one key answers */
	PROMPT_COMMAND,		/* `:`: a command (ui/command.h); Tab completes */
};

struct prompt {
	enum prompt_kind kind;	/* PROMPT_NONE: not reading */
	struct strbuf input;
	char *question;		/* PROMPT_CONFIRM's */
	struct command_tab tab;	/* PROMPT_COMMAND's Tab presses */
};

/* Starts reading KIND, the line holding PREFILL (may be NULL). */
int prompt_start(struct prompt *p, enum prompt_kind kind, const char *prefill);

/* Asks a yes/no question (printf style): `y` submits "y", any other key
 * submits "" (no). */
int prompt_confirm(struct prompt *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether the submitted answer to a question is yes. */
bool prompt_yes(const struct prompt *p);

/* Feeds one key to the prompt; returns the dirty flags (REACT_SUBMIT on
 * Enter: the text is prompt_text's until prompt_end). */
int prompt_key(struct prompt *p, int key);

/* What was typed. */
const char *prompt_text(const struct prompt *p);

/* Stops reading. */
void prompt_end(struct prompt *p);

/* What the prompt shows before the text: "/", "add keyword: " or the
 * question. */
const char *prompt_label(const struct prompt *p);

void prompt_free(struct prompt *p);

#endif
