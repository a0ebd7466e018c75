/*
 * paint: drawing primitives shared by the panes: UTF-8 text clipped by
 * display width, word stepping for wrapping, colours and the few glyphs
 * that fall back to ASCII outside a UTF-8 locale.  Nothing here allocates.
 */
#ifndef PARALLAX_UI_PAINT_H
#define PARALLAX_UI_PAINT_H

#include <stdbool.h>
#include <stddef.h>

#include "curses.h"

struct outlets;
struct taxonomy;

enum glyph {
	GLYPH_MARKER,		/* current source */
	GLYPH_FULL,		/* a source carrying the claim */
	GLYPH_EMPTY,		/* a source not carrying it */
	GLYPH_ELLIPSIS,
	GLYPH_DOT,		/* separator in titles and the status line */
	GLYPH_GAP,		/* matrix: a topic this source leaves out */
	GLYPH_DISCREPANCY,	/* another outlet gives another figure */
};

/* Starts colours unless NO_COLOR is true; returns whether colour is on. */
bool paint_init(bool no_color);

/* The attribute for TOPIC's colour (its own, else its nearest ancestor's). */
attr_t paint_topic_attr(const struct taxonomy *tax, size_t topic);

/*
 * The attribute of a leaning on OUTLETS' scale by its side: blue for the
 * first side, red for the other, magenta for the centre; A_DIM for
 * OUTLET_UNRATED.  Without colour only the dimming is left.
 */
attr_t paint_leaning_attr(const struct outlets *outlets, size_t leaning);

/* Whether colours are on (else marks that need them show as letters). */
bool paint_colored(void);

/*
 * Draws the mark of a source with LEANING at (Y, X): GLYPH_FULL in the
 * leaning's colour, or the leaning's letter without colour; GLYPH_FULL
 * for an unrated one.
 */
void paint_leaning_mark(WINDOW *win, int y, int x,
    const struct outlets *outlets, size_t leaning, attr_t attr);

/* Attributes for the fixed roles. */
attr_t paint_attr_quote(void);
attr_t paint_attr_error(void);
attr_t paint_attr_gap(void);

const char *paint_glyph(enum glyph g);

/*
 * Draws S[0..LEN) at (Y, X) in at most MAXW columns, white space as single
 * spaces and anything unprintable as '?'.  Returns the columns used.
 */
int paint_text(WINDOW *win, int y, int x, const char *s, size_t len,
    int maxw, attr_t attr);

/* As paint_text, ending with an ellipsis when S does not fit. */
int paint_text_clip(WINDOW *win, int y, int x, const char *s, size_t len,
    int maxw, attr_t attr);

/* The attribute of the byte at AT, for paint_text_by. */
typedef attr_t (*paint_attr_fn)(const void *ctx, size_t at);

/*
 * As paint_text for S[START..END), each code point in the attribute FN
 * gives for its first byte.  Returns the columns used.
 */
int paint_text_by(WINDOW *win, int y, int x, const char *s, size_t start,
    size_t end, int maxw, paint_attr_fn fn, const void *ctx);

/*
 * The line of S[0..LEN) that starts at *POS wrapped to WIDTH columns: sets
 * [*start, *end) and moves *POS to the next line.  Returns false at the end.
 */
bool paint_wrap_line(const char *s, size_t len, size_t *pos, int width,
    size_t *start, size_t *end);

/* Spaces from (Y, X) for N columns. */
void paint_fill(WINDOW *win, int y, int x, int n, attr_t attr);

/*
 * Steps to the next word of S from *POS: sets [*start, *end) and *POS past
 * it and returns its width, or returns -1 when no word is left.
 */
int paint_next_word(const char *s, size_t len, size_t *pos, size_t *start,
    size_t *end);

/*
 * NAME abbreviated by words to at most MAXW columns, into BUF (SIZE
 * bytes): a leading "The" goes, then the longest word loses its last
 * letters one at a time ("Washington Post" in 9: "Wash Post"); when even
 * initials and spaces do not fit, the initials alone, then clipped.
 * Returns BUF.
 */
char *paint_abbrev(const char *name, int maxw, char *buf, size_t size);

/* Display width of S[0..LEN), white space runs counting one column. */
int paint_width(const char *s, size_t len);

/* Bytes of S[0..LEN) that fit in MAXW columns (at a code point boundary). */
size_t paint_fit(const char *s, size_t len, int maxw);

#endif
