/*
 * arena: scratch memory for one piece of work (a document while it is
 * split), handed out in pieces from a few blocks and freed all at once:
 * what cost a malloc, its reallocs and a free each is one block a
 * document.  A piece grows in place while it is the last one handed out
 * and its block has room, else it is copied.  The arena owns its blocks;
 * arena_free returns them, after which no piece may be used.  Pieces are
 * aligned for any type.
 */
#ifndef PARALLAX_ARENA_H
#define PARALLAX_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *block;	/* the newest, chained to the others */
	char *next;			/* its free room, to END */
	char *end;
	char *last;			/* the piece handed out last */
};

/* An arena whose first block holds SIZE bytes, allocated now. */
void arena_init(struct arena *a, size_t size);

/* A piece for N items of SIZE bytes, uninitialised. */
void *arena_alloc(struct arena *a, size_t n, size_t size);

/* PIECE (NULL, or A's, of N items of SIZE bytes) made to hold NEWN, its
 * first items kept: in place when it is the last piece and its block has
 * room. */
void *arena_resize(struct arena *a, void *piece, size_t n, size_t newn,
    size_t size);

/* Frees every block of A. */
void arena_free(struct arena *a);

#endif
