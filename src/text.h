/*
 * text: UTF-8 decoding, sanitising and display width.
 *
 * Everything that reaches a terminal or an export goes through
 * text_sanitize first, so no control byte, escape sequence or bidi override
 * can act on the terminal: each becomes a visible placeholder.  Functions
 * returning char * return allocations the caller frees.
 */
#ifndef PARALLAX_TEXT_H
#define PARALLAX_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes IN as UTF-8: invalid bytes become U+FFFD; C0/C1 controls other
 * than tab and newline, DEL, and bidi overrides/isolates become visible
 * placeholders; CR LF and lone CR become LF.  Returns an allocated,
 * NUL-terminated string and its length in *outlen.
 */
char *text_sanitize(const char *in, size_t len, size_t *outlen);

/*
 * What text_sanitize_counted found that is not text: NUL characters, and
 * the bytes of invalid sequences plus the C0 controls other than tab,
 * line feed, carriage return, form feed and escape.
 */
struct text_counts {
	size_t nul;
	size_t bad;
};

/* text_sanitize, counting what is not text into *COUNTS on the way. */
char *text_sanitize_counted(const char *in, size_t len, size_t *outlen,
    struct text_counts *counts);

/*
 * A one-line field (a title, an outlet): sanitised, tabs and line breaks
 * as spaces, trimmed.  Returns NULL when nothing is left.
 */
char *text_field(const char *s, size_t len);

/* Whether text_sanitize would give S back unchanged: valid UTF-8 with
 * nothing to replace or drop.  Allocates nothing. */
bool text_is_clean(const char *s, size_t len);

struct strbuf;

/* Appends code point CP (a Unicode scalar value) to SB as UTF-8. */
void text_add_cp(struct strbuf *sb, int32_t cp);

/* Whether S is valid UTF-8 (strictly: no overlongs, surrogates or values
 * above U+10FFFF), controls or not. */
bool text_is_valid_utf8(const char *s, size_t len);

/*
 * Decodes one code point of already-valid UTF-8 at S[*pos], advancing *pos;
 * returns -1 at the end (or on a malformed byte, which is skipped).
 */
int32_t text_decode(const char *s, size_t len, size_t *pos);

/* A Unicode letter (general category L*). */
bool text_is_letter(int32_t cp);

/* Columns a code point takes: 0 for combining marks, 2 for wide (CJK,
 * emoji), 1 otherwise; never negative. */
int text_cp_width(int32_t cp);

/* Display width of valid UTF-8. */
size_t text_width(const char *s, size_t len);

/* The value of the hexadecimal digit C, or -1 when it is none. */
static inline int
text_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
