/*
 * overlay_message: lines of text that only scroll, such as the errors of
 * a taxonomy that did not validate, with the line of the first error for
 * `e`.  Its state owns a copy of the title and the text.
 */
#ifndef PARALLAX_UI_OVERLAY_MESSAGE_H
#define PARALLAX_UI_OVERLAY_MESSAGE_H

#include <stddef.h>

#include "overlay.h"

/* What overlay_open takes for a message. */
struct overlay_message_arg {
	const char *title;
	const char *text;
	size_t line;		/* the first error's line in the file, or 0 */
};

extern const struct overlay_kind overlay_message_kind;

/* The first error's line (0: none known). */
size_t overlay_message_line(const struct overlay *o);

#endif
