/*
 * prompt: a line of input read in the status line: the search after `/`,
 * the keyword after `a`.  The text is kept in reader.input; Enter hands it
 * to the search or to the topic picker, Escape drops it.
 */
#ifndef PARALLAX_UI_PROMPT_H
#define PARALLAX_UI_PROMPT_H

#include "reader.h"

/* Starts reading KIND, the line holding PREFILL (may be NULL). */
int prompt_start(struct reader *r, enum prompt_kind kind, const char *prefill);

/* Feeds one key to the prompt; returns the dirty flags. */
int prompt_key(struct reader *r, int key);

/* What the prompt shows before the text: "/" or "add keyword: ". */
const char *prompt_label(enum prompt_kind kind);

#endif
