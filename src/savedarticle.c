#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "document.h"
#include "savedarticle.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

enum savedarticle_field {
	SAVED_FEED, SAVED_TITLE, SAVED_AUTHOR, SAVED_DATE, SAVED_LINK,
	SAVED_OTHER, SAVED_NFIELDS
};

/* newsboat's header keys (prepare_header in its itemrenderer.cpp). */
static const struct {
	const char *key;
	enum savedarticle_field field;
} savedarticle_keys[] = {
	{ "Feed: ", SAVED_FEED },
	{ "Title: ", SAVED_TITLE },
	{ "Author: ", SAVED_AUTHOR },
	{ "Date: ", SAVED_DATE },
	{ "Link: ", SAVED_LINK },
	{ "Flags: ", SAVED_OTHER },
	{ "Podcast Download URL: ", SAVED_OTHER },
};

/* The kinds of link newsboat marks by name ("[image 3]", "[video 1 (link
 * #8)]"), from its HtmlRenderer. */
static const char *const savedarticle_kinds[] = {
	"image ", "video ", "audio ", "iframe ", "embedded flash: ",
};

/* The end of the line starting at I (its newline, or LEN). */
static size_t
savedarticle_eol(const char *text, size_t len, size_t i)
{
	const char *nl = memchr(text + i, '\n', len - i);

	return nl != NULL ? (size_t)(nl - text) : len;
}

/* Whether the line [I, EOL) is blank: newsboat writes its blank lines as
 * one space. */
static bool
savedarticle_blank(const char *text, size_t i, size_t eol)
{
	while (i < eol && (text[i] == ' ' || text[i] == '\r'))
		i++;
	return i == eol;
}

/* The key the line [I, EOL) starts with, or -1; *VALUE: where its value
 * starts. */
static int
savedarticle_key(const char *text, size_t i, size_t eol, size_t *value)
{
	size_t k, n;

	for (k = 0; k < sizeof savedarticle_keys / sizeof *savedarticle_keys;
	    k++) {
		n = strlen(savedarticle_keys[k].key);
		if (eol - i >= n && memcmp(text + i, savedarticle_keys[k].key,
		    n) == 0) {
			*value = i + n;
			return (int)k;
		}
	}
	return -1;
}

/* Whether [I, EOL) is a line of the closing list: "[3]: URL (link)". */
static bool
savedarticle_is_link_line(const char *text, size_t i, size_t eol)
{
	size_t j = i + 1;

	if (i >= eol || text[i] != '[')
		return false;
	while (j < eol && isdigit((unsigned char)text[j]))
		j++;
	return j > i + 1 && eol - j >= 3 && memcmp(text + j, "]: ", 3) == 0;
}

/* Where the closing "Links:" list starts, or LEN when there is none. */
static size_t
savedarticle_links_start(const char *text, size_t len, size_t from)
{
	size_t i = from, eol, list = len;

	while (i < len) {
		eol = savedarticle_eol(text, len, i);
		if (list == len) {
			if (eol - i == 7 && memcmp(text + i, "Links: ", 7) == 0)
				list = i;
			else if (eol - i == 6 && memcmp(text + i, "Links:", 6) == 0)
				list = i;
		} else if (!savedarticle_blank(text, i, eol) &&
		    !savedarticle_is_link_line(text, i, eol))
			list = len;	/* the text goes on: not the list */
		i = eol + 1;
	}
	return list;
}

size_t
savedarticle_read(struct document *doc, const char *text, size_t len,
    size_t *end)
{
	struct strbuf values[SAVED_NFIELDS];
	size_t i = 0, eol, value, f, nkeys = 0, body = 0;
	int k, field = -1;

	*end = len;
	memset(values, 0, sizeof values);	/* each STRBUF_INIT */
	while (i < len) {
		eol = savedarticle_eol(text, len, i);
		if (savedarticle_blank(text, i, eol)) {
			/* The blank line ends the header. */
			body = eol + 1 < len ? eol + 1 : len;
			break;
		}
		k = savedarticle_key(text, i, eol, &value);
		if (k >= 0) {
			field = savedarticle_keys[k].field;
			nkeys++;
		} else if (field < 0)
			break;		/* a text, not a header */
		else {
			/* A long value wraps onto lines of its own; a link
			 * wraps without a space. */
			value = i;
			while (value < eol && text[value] == ' ')
				value++;
			if (field != SAVED_LINK)
				strbuf_addch(&values[field], ' ');
		}
		strbuf_add(&values[field], text + value, eol - value);
		i = eol + 1;
	}
	/* newsboat writes at least a title or a feed, and a date. */
	if (body != 0 && nkeys >= 2) {
		if (values[SAVED_FEED].len != 0)
			doc->outlet = text_field(values[SAVED_FEED].data,
			    values[SAVED_FEED].len);
		if (values[SAVED_TITLE].len != 0)
			doc->title = text_field(values[SAVED_TITLE].data,
			    values[SAVED_TITLE].len);
		if (values[SAVED_AUTHOR].len != 0)
			doc->author = text_field(values[SAVED_AUTHOR].data,
			    values[SAVED_AUTHOR].len);
		if (values[SAVED_LINK].len != 0)
			doc->url = text_field(values[SAVED_LINK].data,
			    values[SAVED_LINK].len);
		if (values[SAVED_DATE].len != 0 &&
		    (doc->date = date_normalize(values[SAVED_DATE].data)) == NULL)
			doc->date = text_field(values[SAVED_DATE].data,
			    values[SAVED_DATE].len);
		*end = savedarticle_links_start(text, len, body);
	} else
		body = 0;
	for (f = 0; f < SAVED_NFIELDS; f++)
		strbuf_free(&values[f]);
	return body;
}

/* The number written at TEXT[*I, END) into *N, *I past it; false when
 * there is none (or it is absurdly long). */
static bool
savedarticle_number(const char *text, size_t *i, size_t end, size_t *n)
{
	size_t start = *i;

	*n = 0;
	while (*i < end && isdigit((unsigned char)text[*i]) &&
	    *i - start < 9)
		*n = *n * 10 + (size_t)(text[(*i)++] - '0');
	return *i > start && (*i == end || !isdigit((unsigned char)text[*i]));
}

/* Whether TEXT[I, END) starts with S; *I past it when it does. */
static bool
savedarticle_skip(const char *text, size_t *i, size_t end, const char *s)
{
	size_t n = strlen(s);

	if (end - *i < n || memcmp(text + *i, s, n) != 0)
		return false;
	*i += n;
	return true;
}

/*
 * The end of the marker newsboat put at TEXT[I] ('['), or I when there is
 * none: "[N]" right after a link's text, "[image N]", "[image N: title]",
 * "[video N (link #M)]" and the like, its link's number within 1..NLINKS.
 */
static size_t
savedarticle_marker(const char *text, size_t i, size_t end, size_t body,
    size_t nlinks)
{
	size_t j = i + 1, n, k, close;
	bool named = false;

	for (k = 0; k < sizeof savedarticle_kinds / sizeof *savedarticle_kinds;
	    k++)
		if ((named = savedarticle_skip(text, &j, end,
		    savedarticle_kinds[k])))
			break;
	/* A bare number follows the link's text without a space: "[2]"
	 * after a space is the author's, a citation or the like. */
	if ((!named && (i == body || isspace((unsigned char)text[i - 1]))) ||
	    !savedarticle_number(text, &j, end, &n))
		return i;
	if (named && savedarticle_skip(text, &j, end, " (link #") &&
	    (!savedarticle_number(text, &j, end, &n) ||
	    !savedarticle_skip(text, &j, end, ")")))
		return i;
	if (named && j < end && text[j] == ':') {
		/* An image's title, up to the bracket that closes it. */
		for (close = j; close < end && text[close] != ']' &&
		    text[close] != '['; close++)
			;
		j = close;
	}
	if (j >= end || text[j] != ']' || n == 0 || n > nlinks)
		return i;
	return j + 1;
}

char *
savedarticle_unmark(const char *text, size_t body, size_t end, size_t len,
    size_t *outlen)
{
	struct strbuf out = STRBUF_INIT;
	size_t i, eol, m, nlinks = 0, from = body;

	for (i = end; i < len; i = eol + 1) {
		eol = savedarticle_eol(text, len, i);
		if (savedarticle_is_link_line(text, i, eol))
			nlinks++;
	}
	for (i = body; i < end; i++) {
		if (text[i] != '[' ||
		    (m = savedarticle_marker(text, i, end, body, nlinks)) == i)
			continue;
		strbuf_add(&out, text + from, i - from);
		/* A marker standing alone leaves one space, not two. */
		if ((i == body || text[i - 1] == ' ' || text[i - 1] == '\n') &&
		    m < end && text[m] == ' ')
			m++;
		from = m;
		i = m - 1;
	}
	strbuf_add(&out, text + from, end - from);
	/* newsboat leaves a space at the end of each wrapped line: the
	 * lines join with one. */
	for (i = m = 0; i < out.len; i++) {
		if (out.data[i] == '\n')
			while (m > 0 && out.data[m - 1] == ' ')
				m--;
		out.data[m++] = out.data[i];
	}
	out.len = m;
	if (out.data != NULL)
		out.data[m] = '\0';
	*outlen = out.len;
	return strbuf_detach(&out);
}
