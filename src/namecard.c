/* namecard: a name's pop-up card run into a sentence (see namecard.h). */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "document.h"
#include "namecard.h"

/* A card's headlines run to a few hundred bytes; a "MORE" further from
 * the full name's end ends something else. */
#define NAMECARD_MAX 600
/* The full name is two to five words: "Donald John Trump", "William
 * (Bill) Jefferson Clinton". */
#define NAMECARD_NAME_WORDS 5

static bool
namecard_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
namecard_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* The start of the word of S that holds byte AT. */
static size_t
namecard_word_start(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] != ' ')
		at--;
	return at;
}

/*
 * Where the card that ends at MORE (the "MORE" at S[MORE]) starts, or
 * MORE when there is none: a word running the full name's last name into
 * the first headline ("TrumpGOP", "Sanders2020"), whose last name also ends a word one
 * to NAMECARD_NAME_WORDS words before (the name as the text gives it,
 * "President Trump"), each word between capitalised; the card starts
 * after that word.
 */
static size_t
namecard_start(const char *s, size_t more)
{
	size_t g, w, v, end, n, from = more > NAMECARD_MAX ?
	    more - NAMECARD_MAX : 0;
	int words;

	for (g = more; g-- > from + 1; ) {
		if (!namecard_lower(s[g - 1]) || !(namecard_upper(s[g]) ||
		    (s[g] >= '0' && s[g] <= '9')))
			continue;
		w = namecard_word_start(s, g);
		n = g - w;
		if (n < 2 || !namecard_upper(s[w]))
			continue;
		/* The words before, back to the name as the text gives it. */
		end = w;
		for (words = 1; words < NAMECARD_NAME_WORDS && end > 1;
		    words++) {
			v = namecard_word_start(s, end - 1);
			if (end - 1 - v == n && memcmp(s + v, s + w, n) == 0)
				return words > 1 ? end : more;
			/* The full name's words are capitalised, or a
			 * nickname in brackets. */
			if (!namecard_upper(s[v]) && s[v] != '(')
				break;
			end = v;
		}
	}
	return more;
}

/* Moves the quotes past the cut [FROM, TO) down; drops one inside it. */
static void
namecard_quotes(struct span *quotes, size_t *nquotes, size_t from, size_t to)
{
	size_t i, j, n = to - from;

	for (i = j = 0; i < *nquotes; i++) {
		struct span q = quotes[i];

		q.start = q.start >= to ? q.start - n : q.start > from ? from :
		    q.start;
		q.end = q.end >= to ? q.end - n : q.end > from ? from : q.end;
		if (q.end > q.start)
			quotes[j++] = q;
	}
	*nquotes = j;
}

size_t
namecard_cut(char *s, size_t len, struct span *quotes, size_t *nquotes)
{
	size_t at = 0, more, start, end;
	const char *m;

	while (len - at >= 5 &&
	    (m = memmem(s + at, len - at, " MORE", 5)) != NULL) {
		more = (size_t)(m - s) + 1;
		end = more + 4;
		at = end;
		if (end < len && (namecard_lower(s[end]) ||
		    namecard_upper(s[end])))
			continue;
		start = namecard_start(s, more);
		if (start == more)
			continue;
		/* The space before the card goes with it. */
		start--;
		memmove(s + start, s + end, len - end);
		namecard_quotes(quotes, nquotes, start, end);
		len -= end - start;
		at = start;
	}
	return len;
}
