#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ascii.h"
#include "namepart.h"

/*
 * Capitalised words that begin no other name: those that join a place's
 * own name, and words of grammar capitalised where a heading, a caption
 * or a quotation begins ("Image The French authorities", "Will Mexico
 * pay").
 */
static const char *const namepart_own[] = {
	"North", "South", "East", "West", "Northern", "Southern", "Eastern",
	"Western", "Northeast", "Northwest", "Southeast", "Southwest",
	"Central", "Great", "Greater",
	"A", "An", "And", "As", "At", "But", "By", "For", "From", "He", "Her",
	"His", "I", "If", "In", "It", "Its", "My", "Of", "On", "Or", "Our",
	"She", "That", "The", "Their", "These", "They", "This", "Those", "To",
	"We", "Will", "With", "You", "Your", NULL
};

/* A byte of a word: an ASCII letter or digit, '-', an apostrophe, or a
 * byte of a multi-byte character (accented letters, the curly one). */
static bool
namepart_word_byte(unsigned char c)
{
	return ascii_is_alnum(c) || c == '-' || c == '\'' || c >= 0x80;
}

static bool
namepart_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Whether TEXT[0, END) holds nothing but white space and opening marks:
 * quotes (straight or curly), brackets and dashes. */
static bool
namepart_opening(const unsigned char *t, size_t end)
{
	size_t i;

	for (i = 0; i < end; i++) {
		if (namepart_space(t[i]) || t[i] == '"' || t[i] == '\'' ||
		    t[i] == '(' || t[i] == '[' || t[i] == '-')
			continue;
		/* U+2014, U+2013, U+201C, U+2018 */
		if (i + 2 < end && t[i] == 0xe2 && t[i + 1] == 0x80 &&
		    (t[i + 2] == 0x94 || t[i + 2] == 0x93 ||
		    t[i + 2] == 0x9c || t[i + 2] == 0x98)) {
			i += 2;
			continue;
		}
		return false;
	}
	return true;
}

/* Whether the word at T[I] begins a quotation or a clause after a colon:
 * capitalised for its place ("Putin said, \"In Russia we\""). */
static bool
namepart_quoted(const unsigned char *t, size_t i)
{
	if (i >= 1 && (t[i - 1] == '"' || t[i - 1] == '(' ||
	    t[i - 1] == '['))
		return true;
	/* U+201C, U+2018 */
	if (i >= 3 && t[i - 3] == 0xe2 && t[i - 2] == 0x80 &&
	    (t[i - 1] == 0x9c || t[i - 1] == 0x98))
		return true;
	while (i > 0 && namepart_space(t[i - 1]))
		i--;
	return i >= 1 && t[i - 1] == ':';
}

/* Whether WORD[0, N) ends as a possessive: 's or ' (straight or curly). */
static bool
namepart_possessive(const unsigned char *w, size_t n)
{
	if (n >= 1 && w[n - 1] == '\'')
		return true;
	if (n >= 3 && w[n - 3] == 0xe2 && w[n - 2] == 0x80 && w[n - 1] == 0x99)
		return true;
	if (n >= 2 && (w[n - 1] == 's' || w[n - 1] == 'S'))
		return namepart_possessive(w, n - 1);
	return false;
}

/* Whether W[0, N) is written in capitals only, as an acronym ("US", "EU")
 * or a headline in capitals ("RALLY IN NEW MEXICO") is. */
static bool
namepart_capitals(const unsigned char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ascii_is_lower(w[i]) || w[i] >= 0x80)
			return false;
	return n >= 2;
}

static bool
namepart_is_own(const char *w, size_t n)
{
	size_t i;

	for (i = 0; namepart_own[i] != NULL; i++)
		if (strlen(namepart_own[i]) == n &&
		    memcmp(namepart_own[i], w, n) == 0)
			return true;
	return false;
}

bool
namepart_after_name(const char *text, size_t len, size_t start,
    size_t *word_start, size_t *word_end)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i = start, end, n;

	if (start > len || start == 0 || !namepart_space(t[start - 1]))
		return false;
	while (i > 0 && namepart_space(t[i - 1]))
		i--;
	end = i;
	while (i > 0 && namepart_word_byte(t[i - 1]))
		i--;
	/* An abbreviation ("U.S.", "Gov.") ends in a full stop, no word
	 * byte: N is 0. */
	n = end - i;
	if (n == 0 || !ascii_is_upper(t[i]) || namepart_opening(t, i) ||
	    namepart_quoted(t, i) ||
	    namepart_possessive(t + i, n) || namepart_is_own(text + i, n) ||
	    namepart_capitals(t + i, n))
		return false;
	*word_start = i;
	*word_end = end;
	return true;
}

/* Past the white space at I of TEXT[0, LEN): where the next word starts,
 * or LEN when there is no white space at I. */
static size_t
namepart_skip_space(const char *text, size_t len, size_t i)
{
	if (i >= len || !namepart_space((unsigned char)text[i]))
		return len;
	while (i < len && namepart_space((unsigned char)text[i]))
		i++;
	return i;
}

/* Where the word after WORD, standing at I of TEXT[0, LEN), starts, or
 * LEN when WORD and white space do not stand there. */
static size_t
namepart_past(const char *text, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word);

	if (i >= len || len - i < n || memcmp(text + i, word, n) != 0)
		return len;
	return namepart_skip_space(text, len, i + n);
}

/* Where a body's name would start after "of" and an optional "the" at
 * END of TEXT, or LEN; *THE says whether "the" was there. */
size_t
namepart_of(const char *text, size_t len, size_t end, bool *the)
{
	size_t body, name;

	body = namepart_past(text, len, namepart_skip_space(text, len, end),
	    "of");
	name = namepart_past(text, len, body, "the");
	*the = name < len;
	return *the ? name : body;
}

/* Where a possessive ending at END of T ends its word: END less "'s",
 * "'", "\u2019s" or "\u2019", or END when there is none. */
static size_t
namepart_unpossessed(const unsigned char *t, size_t end)
{
	size_t e = end;

	if (e >= 1 && (t[e - 1] == 's' || t[e - 1] == 'S'))
		e--;
	if (e >= 1 && t[e - 1] == '\'')
		return e - 1;
	/* U+2019 */
	if (e >= 3 && t[e - 3] == 0xe2 && t[e - 2] == 0x80 && t[e - 1] == 0x99)
		return e - 3;
	return end;
}

/* Which of NAMES[0, N) ends at END of T, a whole word: its first byte,
 * or (size_t)-1. */
static size_t
namepart_name_ending(const unsigned char *t, size_t end, char *const *names,
    size_t n)
{
	size_t i, len, at;

	for (i = 0; i < n; i++) {
		len = strlen(names[i]);
		if (len == 0 || len > end)
			continue;
		at = end - len;
		if (memcmp(t + at, names[i], len) == 0 &&
		    (at == 0 || !namepart_word_byte(t[at - 1])))
			return at;
	}
	return (size_t)-1;
}

size_t
namepart_listed_before(const char *text, size_t start, char *const *names,
    size_t n)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t end, bare, at;

	if (start == 0 || !namepart_space(t[start - 1]))
		return start;
	for (end = start; end > 0 && namepart_space(t[end - 1]); end--)
		;
	/* The word as written ("Texas", "Illinois"), else less a
	 * possessive ("Texas's", "Texas'"). */
	at = namepart_name_ending(t, end, names, n);
	if (at == (size_t)-1 && (bare = namepart_unpossessed(t, end)) != end)
		at = namepart_name_ending(t, bare, names, n);
	return at == (size_t)-1 ? start : at;
}
