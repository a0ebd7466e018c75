/*
 * htmltok: HTML's tokens (start tags with their attributes, end tags,
 * text) from UTF-8, one pass, read as libxml2 2.9.14's HTML parser read
 * them (the parser extraction was tuned on), where browsers agree or the
 * difference is a bug of libxml2's: see htmltok.c.
 *
 * Comments, doctypes, processing instructions and other "<!...>" are
 * skipped.  Character references are decoded in text and attribute
 * values: numbers, and HTML 4's names (entity.h); an unknown name, or
 * one without its ';', stays as written.  The bodies of <script>,
 * <style> and <noscript> are raw text (HTMLTOK_RAW: never shown), those
 * of <title> and <textarea> text without tags.
 *
 * The tokenizer reads the caller's buffer, which must outlive it and stay
 * unchanged; a token's strings are valid until the next htmltok_next.
 * It owns its scratch space; htmltok_free frees it.
 */
#ifndef PARALLAX_HTMLTOK_H
#define PARALLAX_HTMLTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum htmltok_kind {
	HTMLTOK_EOF,
	HTMLTOK_START,		/* name, atts, self_closing */
	HTMLTOK_END,		/* name */
	HTMLTOK_TEXT,		/* text, len */
	HTMLTOK_RAW		/* text, len: a script's or style's body */
};

struct htmltok {
	const char *p;		/* the next byte to read */
	const char *end;
	/* The token read last. */
	enum htmltok_kind kind;
	const char *name;	/* lower case, NUL-terminated */
	const char *const *atts; /* name, value pairs, NULL-terminated; a
				 * value is NULL when the attribute has none */
	bool self_closing;	/* "<br/>" */
	const char *text;	/* not NUL-terminated */
	size_t len;
	/* What the next token is: the raw body of this element, if any. */
	const char *raw_name;
	bool raw_decoded;	/* its references are decoded (title,
				 * textarea), or stay as written */
	/* Scratch: a tag's name and attributes, decoded text. */
	struct strbuf buf;
	size_t *offsets;	/* of the strings of a tag in buf */
	const char **ptrs;
	size_t nptrs;
	size_t cap;
};

void htmltok_init(struct htmltok *z, const char *utf8, size_t len);

/* Reads the next token into Z; returns its kind (HTMLTOK_EOF at the
 * end, for good). */
enum htmltok_kind htmltok_next(struct htmltok *z);

void htmltok_free(struct htmltok *z);

#endif
