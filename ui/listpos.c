/* listpos: scrolling and selection arithmetic shared by every list. */
#include "config.h"

#include "listpos.h"

/* A list never shows fewer than one row. */
static size_t
listpos_height(size_t height)
{
	return height != 0 ? height : 1;
}

/* Keeps the view from running past the last row. */
static void
listpos_fit(struct listpos *pos, size_t n, size_t height)
{
	if (pos->top + height > n)
		pos->top = n > height ? n - height : 0;
}

void
listpos_clamp(struct listpos *pos, size_t n, size_t height)
{
	if (n == 0) {
		pos->sel = pos->top = 0;
		return;
	}
	if (pos->sel >= n)
		pos->sel = n - 1;
	height = listpos_height(height);
	if (pos->sel < pos->top)
		pos->top = pos->sel;
	if (pos->sel >= pos->top + height)
		pos->top = pos->sel - height + 1;
	listpos_fit(pos, n, height);
}

void
listpos_scroll(struct listpos *pos, size_t n, size_t height, long delta)
{
	if (delta < 0 && (size_t)-delta > pos->top)
		pos->top = 0;
	else
		pos->top += (size_t)delta;
	listpos_fit(pos, n, listpos_height(height));
}

void
listpos_move(struct listpos *pos, size_t n, size_t height, long delta)
{
	if (delta < 0 && (size_t)-delta > pos->sel)
		pos->sel = 0;
	else if (delta > 0 && pos->sel + (size_t)delta >= n)
		pos->sel = n != 0 ? n - 1 : 0;
	else
		pos->sel += (size_t)delta;
	listpos_clamp(pos, n, height);
}

void
listpos_show(struct listpos *pos, size_t n, size_t height, size_t first,
    size_t last)
{
	height = listpos_height(height);
	if (last >= pos->top + height)
		pos->top = last - height + 1;
	if (first < pos->top || last - first + 1 > height)
		pos->top = first;
	listpos_fit(pos, n, height);
}
