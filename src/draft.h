/*
 * draft: a source's text before it is split into sentences, as a format's
 * reader (html, markdown) makes it: the paragraphs one after another in
 * one block of sanitised UTF-8, each a byte range that may be a heading,
 * and the metadata found on the way.  document_from_draft (document.h)
 * turns a draft into a document.
 *
 * The draft owns its block, its paragraph array and its metadata strings
 * until draft_free; a reader fills it, a document copies from it.
 */
#ifndef PARALLAX_DRAFT_H
#define PARALLAX_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* One paragraph: text.data[start, end), on one line, trimmed. */
struct draft_para {
	size_t start;
	size_t end;
	bool heading;		/* a heading within the body, not prose */
};

struct draft {
	struct strbuf text;	/* the paragraphs, each ended by a newline */
	struct draft_para *paras;
	size_t nparas;
	size_t cap;
	/* One-line sanitised fields (text_field), or NULL. */
	char *title;
	char *outlet;
	char *url;
	char *date;
	char *author;
};

void draft_init(struct draft *d);

/*
 * Appends a paragraph: LEN bytes of UTF-8 as markup gives them, with runs
 * of white space (line breaks and no-break spaces too) made one space,
 * trimmed and sanitised (text.h).  Nothing is added when nothing is left.
 */
void draft_add(struct draft *d, const char *s, size_t len, bool heading);

/* Takes back the last paragraph added (there must be one). */
void draft_drop_last(struct draft *d);

/* Sets *FIELD to the one-line field of S[0, LEN) unless *FIELD is set
 * already (the first source of a fact wins) or nothing is left of it. */
void draft_set(char **field, const char *s, size_t len);

/* Total bytes of the paragraphs' text, newlines excluded. */
size_t draft_text_len(const struct draft *d);

/* Drops every paragraph, keeping the metadata. */
void draft_free_paras(struct draft *d);

void draft_free(struct draft *d);

#endif
