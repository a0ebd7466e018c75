/*
 * jsonvalue: a small, bounded JSON reader for the structured data pages
 * carry (JSON-LD).  It parses a whole text into a tree of values; nesting
 * deeper than JSONVALUE_MAX_DEPTH is an error, not a crash.  Strings come
 * out as UTF-8 with escapes decoded (a broken surrogate is U+FFFD) but
 * not sanitised: a caller that shows them sanitises them.
 *
 * jsonvalue_parse returns a tree the caller frees with jsonvalue_free;
 * every string and array in it belongs to the tree.
 */
#ifndef PARALLAX_JSONVALUE_H
#define PARALLAX_JSONVALUE_H

#include <stddef.h>

#define JSONVALUE_MAX_DEPTH 64

enum jsonvalue_kind {
	JSONVALUE_NULL,
	JSONVALUE_FALSE,
	JSONVALUE_TRUE,
	JSONVALUE_NUMBER,
	JSONVALUE_STRING,
	JSONVALUE_ARRAY,
	JSONVALUE_OBJECT
};

struct jsonvalue {
	enum jsonvalue_kind kind;
	char *key;		/* the member's name, inside an object */
	char *str;		/* a string's text or a number's, NUL-ended */
	size_t len;
	struct jsonvalue *items;	/* an array's elements, an object's members */
	size_t nitems;
};

/* Parses S[0, LEN) (white space around the value allowed); NULL when it
 * is not one JSON value. */
struct jsonvalue *jsonvalue_parse(const char *s, size_t len);

/* The member KEY of an object, or NULL (also when V is not an object). */
const struct jsonvalue *jsonvalue_get(const struct jsonvalue *v,
    const char *key);

/* The string of V, or NULL when V is not a string. */
const char *jsonvalue_string(const struct jsonvalue *v);

void jsonvalue_free(struct jsonvalue *v);

#endif
