/*
 * loadscreen: the reader's first frame while the sources load (loader.h),
 * drawn at once whatever their number: the status line says how far the
 * loading has got ("loading 1,234/7,754 sources", "fetching 3 URLs",
 * "grouping stories").  It polls the loader until it is done; meanwhile q
 * quits (the loading stops at its next source), Ctrl-L redraws and a
 * resize lays the frame out again.  It owns nothing.
 */
#ifndef PARALLAX_UI_LOADSCREEN_H
#define PARALLAX_UI_LOADSCREEN_H

#include <stdbool.h>
#include <stddef.h>

struct loader;
struct loader_status;

/* Writes what STATUS says into BUF ("loading 1,234/7,754 sources"). */
void loadscreen_describe(const struct loader_status *st, char *buf,
    size_t size);

/*
 * Shows LD's progress until it is done (true) or the person quits or a
 * SIGHUP comes (false: screen_hung_up says which).  HINT (may be NULL) is
 * shown after the progress.
 */
bool loadscreen_run(struct loader *ld, const char *hint);

#endif
