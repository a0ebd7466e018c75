#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ascii.h"
#include "furniture.h"
#include "title.h"

/* The next byte of the key of S (LEN bytes) from *I, or -1 at its end. */
static int
title_key_next(const char *s, size_t len, size_t *i)
{
	while (*i < len) {
		unsigned char c = (unsigned char)s[*i];

		if (c < 0x80) {
			(*i)++;
			if (ascii_is_alnum(c))
				return ascii_lower(c);
			continue;
		}
		/* U+2000-U+206F: spaces, dashes, quotes, an ellipsis. */
		if (c == 0xe2 && *i + 2 < len &&
		    ((unsigned char)s[*i + 1] == 0x80 ||
		    (unsigned char)s[*i + 1] == 0x81)) {
			*i += 3;
			continue;
		}
		(*i)++;
		return c;
	}
	return -1;
}

/* The length of TITLE's key: asked only of a line that opens as the
 * title does, where asking it of every document cost 7 M instructions
 * over the archive. */
static size_t
title_key_len(const char *title)
{
	size_t i = 0, n = 0, len = strlen(title);

	while (title_key_next(title, len, &i) >= 0)
		n++;
	return n;
}

/* How much of TITLE's key S[FROM, LEN) says, in order from its start,
 * when S's key ends first or with the title's (*WHOLE then says whether
 * all of it was said); 0 when they differ.  A line going on after the
 * title says it whole only when MAY_GO_ON. */
static size_t
title_said(const char *s, size_t len, size_t from, const char *title,
    bool may_go_on, bool *whole)
{
	size_t i = from, j = 0, n = 0, tlen = strlen(title);
	int a, b;

	*whole = false;
	for (;;) {
		a = title_key_next(s, len, &i);
		b = title_key_next(title, tlen, &j);
		if (b < 0) {
			*whole = a < 0 || may_go_on;
			return *whole ? n : 0;
		}
		if (a < 0)
			return n;
		if (a != b)
			return 0;
		n++;
	}
}

/* A title is a few words: a line of fewer key bytes is not taken for
 * one, nor for its cut part. */
#define TITLE_KEY_MIN 12

/* The words of a column's or a section's name a title may stand after
 * ("In The Arena Karl Rove Is Ruining the GOP"). */
#define TITLE_LABEL_WORDS 3

/* Does TITLE start at a word of L after its first, at most MOST words in
 * (any number when MOST is 0), and run to L's end unless MAY_GO_ON? */
static bool
title_after(const struct furniture_line *l, const char *title,
    size_t most, bool may_go_on)
{
	size_t i, words = 0;
	bool whole;

	for (i = 1; i < l->len; i++) {
		if (l->s[i - 1] != ' ' || l->s[i] == ' ')
			continue;
		if (most != 0 && ++words > most)
			return false;
		if (title_said(l->s, l->len, i, title, may_go_on, &whole) >=
		    TITLE_KEY_MIN && whole)
			return true;
	}
	return false;
}

bool
title_repeated(const struct furniture_line *l, const char *title)
{
	size_t n;
	bool whole;

	if (title == NULL || l->len == 0)
		return false;
	/* The credit's words, then the title and the standfirst. */
	if (l->s[0] == '|')
		return title_after(l, title, 0, true);
	n = title_said(l->s, l->len, 0, title, false, &whole);
	if (whole)
		return n >= TITLE_KEY_MIN;
	if (l->stopped)
		return false;
	return (n >= TITLE_KEY_MIN && 3 * n >= 2 * title_key_len(title)) ||
	    ((l->facts & FURNITURE_OPENS_UPPER) != 0 &&
	    title_after(l, title, TITLE_LABEL_WORDS, false));
}
