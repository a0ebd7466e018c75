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

/* The first bytes of the verbs. */
static const bool call_first[256] = {
	['C'] = true, ['D'] = true, ['F'] = true, ['L'] = true, ['R'] = true,
	['S'] = true, ['V'] = true, ['W'] = true
};

bool
call_may(const struct furniture_line *l)
{
	return l->len > 0 && call_first[(unsigned char)l->s[0]];
}

/* The length of L's verb and the space after it, or 0. */
static size_t
call_verb(const struct furniture_line *l)
{
	size_t k;

	for (k = 0; k < CALL_NVERBS; k++) {
		if (l->len > call_verbs[k].len &&
		    memcmp(l->s, call_verbs[k].text, call_verbs[k].len) == 0)
			return call_verbs[k].len;
	}
	return 0;
}

bool
call_pointer(struct furniture_line *l)
{
	static const char here[] = "here";
	size_t v, end = l->len;

	/* Its last word first: most lines end on another. */
	while (end > 0 && (l->s[end - 1] == '.' || l->s[end - 1] == '!' ||
	    l->s[end - 1] == ':'))
		end--;
	v = call_verb(l);
	if (v == 0 || furniture_line_words(l, CALL_WORDS) > CALL_WORDS)
		return false;
	if (end >= v + 4 && (l->s[end - 4] | 0x20) == 'h' &&
	    memcmp(l->s + end - 3, here + 1, 3) == 0 && l->s[end - 5] == ' ')
		return true;
	return l->len > v + 4 && memcmp(l->s + v, "our ", 4) == 0;
}

bool
call_label(struct furniture_line *l)
{
	return l->len > 0 && l->s[l->len - 1] == ':' && call_verb(l) != 0 &&
	    furniture_line_words(l, CALL_WORDS) <= CALL_WORDS;
}
