/* namecard: a name's pop-up card run into a sentence (see namecard.h). */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "ascii.h"
#include "namecard.h"
#include "xalloc.h"

/* A card's headlines run to a few hundred bytes; a "MORE" further from
 * the full name's end ends something else. */
#define NAMECARD_MAX 600
/* The full name is two to five words: "Donald John Trump", "William
 * (Bill) Jefferson Clinton". */
#define NAMECARD_NAME_WORDS 5

/* The start of the word of S that holds byte AT, not before FLOOR. */
static size_t
namecard_word_start(const char *s, size_t floor, size_t at)
{
	while (at > floor && s[at - 1] != ' ')
		at--;
	return at;
}

/* Does the word of S at A equal the word at B (each up to a space)? */
static bool
namecard_same_word(const char *s, size_t a, size_t b, size_t len)
{
	while (a < len && b < len && s[a] == s[b] && s[a] != ' ') {
		a++;
		b++;
	}
	return (a == len || s[a] == ' ') && (b == len || s[b] == ' ');
}

/*
 * Where a card starts whose full name stands apart from its first headline
 * ("Speaker Paul Ryan Paul Davis Ryan Retirees should say ... MORE",
 * "Joe Biden Joe Biden Parnas: ... MORE"): after the name as the text
 * gives it, two words whose first and last the full name repeats, two to
 * NAMECARD_NAME_WORDS - 1 capitalised words on; the nearest such name to
 * MORE (the one inside the card).  A word said twice running ("Hoyer
 * Hoyer calls ...") ends the full name and starts a headline; a first
 * name said twice ("Donald Trump Jr. Donald (Don) John ...") is not the
 * pair.  MORE when there is none.  Nothing before FROM is looked at.
 */
static size_t
namecard_start_spaced(const char *s, size_t from, size_t more)
{
	size_t w, e, v, end, n, first;
	int words;

	for (e = more - 1; e > from + 1; e = w - 1) {
		w = namecard_word_start(s, from, e);
		n = e - w;
		end = w;
		for (words = 1; n >= 2 && ascii_is_upper(s[w]) &&
		    words < NAMECARD_NAME_WORDS && end > from + 1; words++) {
			v = namecard_word_start(s, from, end - 1);
			if (words > 1 && end - 1 - v == n &&
			    memcmp(s + v, s + w, n) == 0 && v > from + 1) {
				first = namecard_word_start(s, from, v - 1);
				if (namecard_same_word(s, first, end, more))
					return end;
			}
			if (!ascii_is_upper(s[v]) && s[v] != '(')
				break;
			end = v;
		}
		if (w <= from + 1)
			break;
	}
	return more;
}

/*
 * Where the card that ends at MORE (the "MORE" at S[MORE]) starts, or
 * MORE when there is none: a word running the full name's last name into
 * the first headline ("TrumpGOP", "Sanders2020"), whose last name also
 * ends a word one to NAMECARD_NAME_WORDS words before (the name as the
 * text gives it, "President Trump"), each word between capitalised; the
 * card starts after that word.  Nothing before FLOOR is looked at: it is
 * an earlier card, already cut.
 */
static size_t
namecard_start(const char *s, size_t floor, size_t more)
{
	size_t g, w, v, end, n, from = more > floor + NAMECARD_MAX ?
	    more - NAMECARD_MAX : floor;
	int words;

	for (g = more; g-- > from + 1; ) {
		if (!ascii_is_lower(s[g - 1]) || !(ascii_is_upper(s[g]) ||
		    (s[g] >= '0' && s[g] <= '9')))
			continue;
		w = namecard_word_start(s, floor, g);
		n = g - w;
		if (n < 2 || !ascii_is_upper(s[w]))
			continue;
		/* The words before, back to the name as the text gives it. */
		end = w;
		for (words = 1; words < NAMECARD_NAME_WORDS && end > floor + 1;
		    words++) {
			v = namecard_word_start(s, floor, end - 1);
			if (end - 1 - v == n && memcmp(s + v, s + w, n) == 0)
				return words > 1 ? end : more;
			/* The full name's words are capitalised, or a
			 * nickname in brackets. */
			if (!ascii_is_upper(s[v]) && s[v] != '(')
				break;
			end = v;
		}
	}
	return namecard_start_spaced(s, from, more);
}

/* Whether a word "MORE" stands at S[AT], of LEN bytes. */
static bool
namecard_more(const char *s, size_t len, size_t at)
{
	return at > 0 && s[at - 1] == ' ' && len - at >= 4 &&
	    memcmp(s + at, "MORE", 4) == 0 && (len - at == 4 ||
	    !(ascii_is_lower(s[at + 4]) || ascii_is_upper(s[at + 4])));
}

char *
namecard_cut(const char *s, size_t len, size_t *outlen)
{
	char *out = NULL;
	size_t at = 0, kept = 0, n = 0, more, start;
	const char *m;

	/* A capital M is rare enough that memchr's pace sets the cost of
	 * a paragraph with no card. */
	while (at < len && (m = memchr(s + at, 'M', len - at)) != NULL) {
		more = (size_t)(m - s);
		at = more + 1;
		if (!namecard_more(s, len, more))
			continue;
		start = namecard_start(s, kept, more);
		if (start == more)
			continue;
		if (out == NULL)
			out = xmalloc(len);
		/* The space before the card goes with it. */
		start--;
		memcpy(out + n, s + kept, start - kept);
		n += start - kept;
		kept = at = more + 4;
	}
	if (out == NULL)
		return NULL;
	memcpy(out + n, s + kept, len - kept);
	*outlen = n + len - kept;
	return out;
}

bool
namecard_may_hold(const char *s, size_t len)
{
	const char *m, *end = s + len;

	/* One pass over a whole text: asked of each paragraph apart,
	 * memchr's set-up cost more than its pace (0.6 instructions a
	 * byte of real news, nearly none of which holds a card). */
	for (; (m = memchr(s, 'M', (size_t)(end - s))) != NULL; s = m + 1) {
		if (end - m >= 4 && memcmp(m + 1, "ORE", 3) == 0)
			return true;
	}
	return false;
}
