/*
 * fnv: 64-bit FNV-1a, the hash the model keeps names by where the value
 * outlives the run or must agree across runs: state keys and the fetch
 * cache's file names (on disk), save stamps, story signatures, topic ids,
 * outlets and grouping terms.  Its values must never change, or state
 * files and caches written before would no longer be found.  Plain
 * functions of their arguments: nothing to free.
 */
#ifndef PARALLAX_FNV_H
#define PARALLAX_FNV_H

#include <stddef.h>
#include <stdint.h>

/* Where every FNV-1a hash starts. */
#define FNV_BASIS 0xcbf29ce484222325ULL
/* What each step multiplies by. */
#define FNV_PRIME 0x100000001b3ULL

/* H with the LEN bytes at DATA hashed into it. */
uint64_t fnv_bytes(uint64_t h, const void *data, size_t len);

/* H with the bytes of S, up to its NUL, hashed into it. */
uint64_t fnv_string(uint64_t h, const char *s);

#endif
