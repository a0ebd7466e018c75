/*
 * listpos: a position in a virtual list of N rows shown HEIGHT rows at a
 * time: the first row shown and the selected one.  Every list of the
 * reader (sources, article lines, claims, overlay rows) scrolls through
 * these functions.  Plain arithmetic: no curses, nothing allocated.
 */
#ifndef PARALLAX_UI_LISTPOS_H
#define PARALLAX_UI_LISTPOS_H

#include <stddef.h>

/* Only rows [top, top + height) are ever drawn. */
struct listpos {
	size_t top;
	size_t sel;
};

/* Keeps POS->sel within [0, N) and on screen in a list HEIGHT rows high. */
void listpos_clamp(struct listpos *pos, size_t n, size_t height);

/* Scrolls the view DELTA rows without moving the selection. */
void listpos_scroll(struct listpos *pos, size_t n, size_t height, long delta);

/* Moves the selection DELTA rows, stopping at the ends, and shows it. */
void listpos_move(struct listpos *pos, size_t n, size_t height, long delta);

/*
 * Scrolls the least that shows rows [FIRST, LAST] (LAST >= FIRST), or
 * their start when they are taller than HEIGHT.
 */
void listpos_show(struct listpos *pos, size_t n, size_t height, size_t first,
    size_t last);

#endif
