#include "config.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

/* A block: its header, then its pieces. */
struct arena_block {
	alignas(max_align_t) struct arena_block *prev;
};

#define ARENA_ALIGN alignof(max_align_t)

/* N items of SIZE bytes, rounded up to the alignment. */
static size_t
arena_round(size_t n, size_t size)
{
	/* Room for a block header on top. */
	if (size != 0 && n > (SIZE_MAX - 2 * ARENA_ALIGN) / size)
		fatal("arena: %zu items of %zu bytes", n, size);
	return (n * size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
}

/* Starts a block with room for SIZE bytes at least, twice the last's. */
static void
arena_add_block(struct arena *a, size_t size)
{
	struct arena_block *b;
	size_t room = size, last;

	if (a->block != NULL) {
		last = (size_t)(a->end - (char *)(a->block + 1));
		if (last > SIZE_MAX / 4)
			fatal("arena: a block of %zu bytes", last);
		if (2 * last > room)
			room = 2 * last;
	}
	room = arena_round(room, 1);
	b = xmalloc(sizeof *b + room);
	b->prev = a->block;
	a->block = b;
	a->next = (char *)(b + 1);
	a->end = a->next + room;
	a->last = NULL;
}

void
arena_init(struct arena *a, size_t size)
{
	a->block = NULL;
	arena_add_block(a, size);
}

void *
arena_alloc(struct arena *a, size_t n, size_t size)
{
	size_t bytes = arena_round(n, size);

	if ((size_t)(a->end - a->next) < bytes)
		arena_add_block(a, bytes);
	a->last = a->next;
	a->next += bytes;
	return a->last;
}

void *
arena_resize(struct arena *a, void *piece, size_t n, size_t newn,
    size_t size)
{
	size_t bytes = arena_round(newn, size);
	void *moved;

	/* The last piece grows into the room after it. */
	if (piece != NULL && piece == a->last &&
	    (size_t)(a->end - a->last) >= bytes) {
		a->next = a->last + bytes;
		return piece;
	}
	moved = arena_alloc(a, newn, size);
	if (piece != NULL)
		memcpy(moved, piece, (n < newn ? n : newn) * size);
	return moved;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *prev;

	for (b = a->block; b != NULL; b = prev) {
		prev = b->prev;
		free(b);
	}
	a->block = NULL;
	a->next = a->end = a->last = NULL;
}
