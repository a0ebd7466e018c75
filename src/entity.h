/*
 * entity: HTML character references ("&amp;", "&#8217;", "&#x2019;") as
 * the characters they name: Markdown's entities, JSON-LD strings that
 * pages escape as HTML, and the names our HTML tokenizer (htmltok.h)
 * meets.  Named references are HTML 4's 253 (libxml2's HTML table, which
 * holds every name the 123 benchmark pages use), in a table of our own so
 * that libxml2 is loaded only to read feeds (xmlapi.h); one it does not
 * know stays as written; a number that is no character is U+FFFD.
 */
#ifndef PARALLAX_ENTITY_H
#define PARALLAX_ENTITY_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* The character of the named reference NAME[0, LEN) ("amp": no '&' or
 * ';'), or 0 when HTML 4 has no such name. */
uint32_t entity_named(const char *name, size_t len);

/* Appends the character of the one reference S[0, LEN) to SB. */
void entity_append(struct strbuf *sb, const char *s, size_t len);

/* S with every reference replaced: allocated, the caller frees it. */
char *entity_decode(const char *s);

#endif
