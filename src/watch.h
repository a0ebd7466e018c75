/*
 * watch: whether the sources a list of arguments names changed on disk: a
 * file edited, replaced, added to or removed from a directory given.  What
 * stat says of each (size, modification time to the nanosecond, inode)
 * goes into one number; a change of the number is a change on disk.  URLs
 * and "-" are not watched.  Nothing is allocated.
 */
#ifndef PARALLAX_WATCH_H
#define PARALLAX_WATCH_H

#include <stddef.h>
#include <stdint.h>

/* The fingerprint of what PATHS name now (a directory: its own entries,
 * hidden ones left out, one level deep). */
uint64_t watch_fingerprint(char *const *paths, size_t npaths);

#endif
