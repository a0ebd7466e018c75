/*
 * bigarray: room for arrays that grow to tens of megabytes side by side
 * (the linker's features, their framing flags and figures, the word
 * pairs: an entry or more a word of the story).  Doubled on the heap
 * together, each left its previous room behind as a hole none of the
 * others fitted: 40 MB of the 225 MB peak of --json at 10,000 sources.
 * From BIGARRAY_MAPPED bytes an array has a mapping of its own, which
 * grows in place or moves its pages (mremap) and leaves nothing behind;
 * only pages written are resident.  Smaller ones stay on the heap, and so
 * do all under AddressSanitizer, whose bounds checks cover the heap only.
 *
 * The owner keeps the room (in items) it asked for and frees with
 * bigarray_free; NULL with a room of 0 is an empty array.
 */
#ifndef PARALLAX_BIGARRAY_H
#define PARALLAX_BIGARRAY_H

#include <stddef.h>

#define BIGARRAY_MAPPED ((size_t)1 << 20)

/* P (room for CAP items of SIZE bytes) with room for N items, the first
 * min(N, CAP) kept.  Out of memory is fatal. */
void *bigarray_resize(void *p, size_t cap, size_t n, size_t size);
/* Frees P, an array of CAP items of SIZE bytes. */
void bigarray_free(void *p, size_t cap, size_t size);

#endif
