#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "call.h"
#include "furniture.h"

/* The verbs that send a reader to a link, capitalised as they open a
 * line.  Not "Get" or "Go", which open prose's imperatives ("Get the
 * hell out of here."). */
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

const bool call_first[256] = {
	['C'] = true, ['D'] = true, ['F'] = true, ['L'] = true, ['R'] = true,
	['S'] = true, ['V'] = true, ['W'] = true
};

const char *
call_opening(size_t i)
{
	return i < CALL_NVERBS ? call_verbs[i].text : NULL;
}

/* The length of L's verb and the space after it, or 0: a word must
 * follow. */
static size_t
call_verb(const struct furniture_line *l)
{
	size_t v = furniture_opens(l->s, l->len, call_verbs, CALL_NVERBS);

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
