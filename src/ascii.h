/*
 * ascii: the ASCII character classes, for text whose bytes are read one at
 * a time.  Each takes an int, so a signed char's bytes of a multi-byte
 * character (negative) and code points above 0x7f answer false and pass
 * through ascii_lower unchanged.  Owns nothing.
 */
#ifndef PARALLAX_ASCII_H
#define PARALLAX_ASCII_H

#include <stdbool.h>

static inline bool
ascii_is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool
ascii_is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool
ascii_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ascii_is_alpha(int c)
{
	return ascii_is_upper(c) || ascii_is_lower(c);
}

static inline bool
ascii_is_alnum(int c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

/* C's lower-case letter when C is an upper-case ASCII letter, else C. */
static inline int
ascii_lower(int c)
{
	return ascii_is_upper(c) ? c + ('a' - 'A') : c;
}

#endif
