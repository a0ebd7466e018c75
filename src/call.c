#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "call.h"
#include "furniture.h"

/* The verbs that send a reader to a link, capitalised as they open a
 * line.  Not "Get" or "Go", which open prose's imperatives ("Get the
 * hell out of here.").  In the order of the alphabet, each letter's
 * place in call_first below. */
static const struct furniture_opening call_verbs[] = {
	FURNITURE_OPENING("Check "), FURNITURE_OPENING("Click "),
	FURNITURE_OPENING("Donate "), FURNITURE_OPENING("Download "),
	FURNITURE_OPENING("Find "), FURNITURE_OPENING("Follow "),
	FURNITURE_OPENING("Learn "), FURNITURE_OPENING("Listen "),
	FURNITURE_OPENING("Read "), FURNITURE_OPENING("Register "),
	FURNITURE_OPENING("See "), FURNITURE_OPENING("Sign "),
	FURNITURE_OPENING("Subscribe "), FURNITURE_OPENING("View "),
	FURNITURE_OPENING("Visit "), FURNITURE_OPENING("Vote "),
	FURNITURE_OPENING("Watch ")
};

#define CALL_NVERBS (sizeof call_verbs / sizeof *call_verbs)

/* A call is short: a sentence of prose opening with the verb goes on. */
#define CALL_WORDS 12

/* Where in call_verbs each first letter's verbs start, and how many
 * there are: the table is in the order of the alphabet. */
const unsigned char call_first[256][2] = {
	['C'] = { 0, 2 }, ['D'] = { 2, 2 }, ['F'] = { 4, 2 }, ['L'] = { 6, 2 },
	['R'] = { 8, 2 }, ['S'] = { 10, 3 }, ['V'] = { 13, 3 },
	['W'] = { 16, 1 }
};

const char *
call_opening(size_t i)
{
	return furniture_opening_text(call_verbs, CALL_NVERBS, i);
}

/* The length of L's verb and the space after it, or 0: a word must
 * follow.  Only its first letter's verbs are tried: trying all cost 9 M
 * instructions over the archive once every short line was asked. */
static size_t
call_verb(const struct furniture_line *l)
{
	const unsigned char *at = call_first[(unsigned char)l->s[0]];
	size_t v;

	if (at[1] == 0)
		return 0;
	v = furniture_opens(l->s, l->len, call_verbs + at[0], at[1]);
	return v < l->len ? v : 0;
}

/* The longest verb and its space. */
#define CALL_VERB_LEN 10

bool
call_pointer(struct furniture_line *l)
{
	const char *s = l->s, *space;
	size_t v, end = l->len;
	bool here;

	/* Its last word, then its second, before the verbs: most lines end
	 * on another word than "here" and have no "our" second, where
	 * asking the verbs first cost 40 M instructions over the archive. */
	while (end > 0 && (s[end - 1] == '.' || s[end - 1] == '!' ||
	    s[end - 1] == ':'))
		end--;
	here = end >= 6 && s[end - 5] == ' ' && (s[end - 4] | 0x20) == 'h' &&
	    s[end - 3] == 'e' && s[end - 2] == 'r' && s[end - 1] == 'e';
	if (!here && ((space = memchr(s, ' ', l->len < CALL_VERB_LEN ?
	    l->len : CALL_VERB_LEN)) == NULL ||
	    (size_t)(space - s) + 5 > l->len || space[1] != 'o' ||
	    space[2] != 'u' || space[3] != 'r' || space[4] != ' '))
		return false;
	v = call_verb(l);
	return v != 0 && v + 4 <= end &&
	    furniture_line_words(l, CALL_WORDS) <= CALL_WORDS;
}

bool
call_label(struct furniture_line *l)
{
	return l->len > 0 && l->s[l->len - 1] == ':' && call_verb(l) != 0 &&
	    furniture_line_words(l, CALL_WORDS) <= CALL_WORDS;
}

size_t
call_outlet_name(const char *outlet)
{
	size_t n = 0;

	if (outlet == NULL)
		return 0;
	while (outlet[n] != '\0' && !(outlet[n] == ' ' &&
	    (outlet[n + 1] == '(' || (outlet[n + 1] == '-' &&
	    outlet[n + 2] == ' '))))
		n++;
	return n;
}

/* Does S, of LEN bytes, hold NAME, of NAME_LEN, at a word's start, in
 * any case ("View more opinion on CNN.", "CNNOpinion's")? */
static bool
call_names(const char *s, size_t len, const char *name, size_t name_len)
{
	size_t i;

	for (i = 0; i + name_len <= len; i++) {
		if ((i == 0 || s[i - 1] == ' ') &&
		    strncasecmp(s + i, name, name_len) == 0)
			return true;
	}
	return false;
}

/* Does S, of LEN bytes, hold a web address's ".com", ".org" or ".net"
 * closing a word ("video.foxnews.com", "NBCNews.com.")? */
static bool
call_address(const char *s, size_t len)
{
	const char *dot = s, *end = s + len;

	while ((dot = memchr(dot, '.', (size_t)(end - dot))) != NULL) {
		if (dot > s && ascii_is_alnum(dot[-1]) && end - dot >= 4 &&
		    (memcmp(dot + 1, "com", 3) == 0 ||
		    memcmp(dot + 1, "org", 3) == 0 ||
		    memcmp(dot + 1, "net", 3) == 0) &&
		    (end - dot == 4 || !ascii_is_alpha(dot[4])))
			return true;
		dot++;
	}
	return false;
}

/* A call is short: CALL_WORDS words of at most this many bytes each on
 * average, so a longer line is prose unread. */
#define CALL_LEN 120

bool
call_outlet(struct furniture_line *l, const char *name, size_t name_len)
{
	return l->len <= CALL_LEN && call_verb(l) != 0 &&
	    ((name_len >= CALL_NAME_LEN && call_names(l->s, l->len, name,
	    name_len)) || call_address(l->s, l->len)) &&
	    furniture_line_words(l, CALL_WORDS) <= CALL_WORDS;
}
