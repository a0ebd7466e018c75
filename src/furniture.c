#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "document.h"
#include "furniture.h"
#include "scan.h"

/* Counts the words of S[*AT, LEN) onto *N until it passes MOST, *IN
 * saying whether *AT is inside a word. */
static void
furniture_count(const char *s, size_t len, size_t most, size_t *words,
    size_t *at, bool *inside)
{
	size_t i = *at, n = *words, k;
	bool in = *inside;
	uint64_t w, blank, starts;

	/* Eight bytes at a time while the count stays within MOST: a word
	 * starts at a byte of no white space after one of white space (the
	 * top bit of each, as scan_zero_bytes gives them).  A byte at a time
	 * this cost most of the clutter rules' counting, 3.5 instructions a
	 * byte.  The bytes where the count passes MOST are left to the loop
	 * below, so *AT ends where it always did. */
	while (len - i >= 8 && n <= most) {
		memcpy(&w, s + i, sizeof w);
		blank = scan_zero_bytes(w ^ (SCAN_ONES * ' ')) |
		    scan_zero_bytes(w ^ (SCAN_ONES * '\t')) |
		    scan_zero_bytes(w ^ (SCAN_ONES * '\n'));
		starts = ~blank & SCAN_HIGHS & (blank << 8 | (in ? 0 : 0x80));
		k = (size_t)(((starts >> 7) * SCAN_ONES) >> 56);
		if (n + k > most)
			break;
		n += k;
		in = (blank >> 63) == 0;
		i += 8;
	}
	for (; i < len && n <= most; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	*words = n;
	*at = i;
	*inside = in;
}

/* The words of S, counted no further than MOST + 1: enough to compare
 * with MOST, and a short line's limit need not walk a long sentence. */
size_t
furniture_words(const char *s, size_t len, size_t most)
{
	size_t n = 0, at = 0;
	bool in = false;

	furniture_count(s, len, most, &n, &at, &in);
	return n;
}

size_t
furniture_line_words(struct furniture_line *l, size_t most)
{
	furniture_count(l->s, l->len, most, &l->words, &l->at, &l->in);
	return l->words;
}

/*
 * A bare clock time or duration, a video's length: "02:26", "4:50".
 */
static bool
furniture_clock(const char *s, size_t len)
{
	size_t i, digits = 0, colons = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == ':' && digits > 0)
			colons++;
		else
			return false;
	}
	return colons >= 1 && digits >= 3 && digits <= 6;
}

/*
 * A story's age as a page shows it over the body: "6 years ago", a
 * number, a unit of time and "ago" alone on a line, no stop ("... was
 * elected 16 years ago." ends a sentence cut there).
 */
static const struct furniture_opening furniture_age_units[] = {
	FURNITURE_OPENING("second"), FURNITURE_OPENING("minute"),
	FURNITURE_OPENING("hour"), FURNITURE_OPENING("day"),
	FURNITURE_OPENING("week"), FURNITURE_OPENING("month"),
	FURNITURE_OPENING("year")
};

static bool
furniture_age(const char *s, size_t len)
{
	size_t i = 0, unit;

	while (i < len && ascii_is_digit(s[i]))
		i++;
	if (i == 0 || i + 1 >= len || s[i] != ' ')
		return false;
	i++;
	unit = furniture_opens(s + i, len - i, furniture_age_units,
	    sizeof furniture_age_units / sizeof *furniture_age_units);
	if (unit == 0)
		return false;
	i += unit;
	if (i < len && s[i] == 's')
		i++;
	return len - i == 4 && memcmp(s + i, " ago", 4) == 0;
}

/* A line with no letter or digit: a separator ("___", "* * *", "..."). */
static bool
furniture_separator(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9'))
			return false;
		/* A mark of U+2000-U+206F (quotes, dashes, U+2026) is
		 * none; any other non-ASCII character may be a letter. */
		if ((unsigned char)s[i] >= 0x80) {
			if ((unsigned char)s[i] != 0xe2 || i + 2 >= len ||
			    (unsigned char)s[i + 1] != 0x80)
				return false;
			i += 2;
		}
	}
	return true;
}

static const char furniture_contributed_tail[] = " contributed.";

bool
furniture_contributed_end(const char *s, size_t len)
{
	size_t n = sizeof furniture_contributed_tail - 1;

	return len > n && memcmp(s + len - n, furniture_contributed_tail,
	    n) == 0;
}

/* A credit: names alone before "contributed." ("Jordain Carney
 * contributed.", "Jonathan Easley and Jordan Fabian contributed."), not
 * "Every member of the council contributed." */
static bool
furniture_contributed(struct furniture_line *l)
{
	const char *s = l->s;
	size_t i, len = l->len, n = sizeof furniture_contributed_tail - 1;

	if (len > FURNITURE_CREDIT_LEN || !furniture_contributed_end(s, len) ||
	    furniture_line_words(l, 8) > 8)
		return false;
	for (i = 0; i + n < len; i++) {
		if ((i == 0 || s[i - 1] == ' ') && !(s[i] >= 'A' && s[i] <= 'Z') &&
		    !(i > 0 && memcmp(s + i, "and ", 4) == 0))
			return false;
	}
	return true;
}

/*
 * A video's title with its length after it, as a player lists it: "Jones:
 * Yes, he can 01:47", or a recording's chapter with where it starts in
 * brackets ("Why Trump won (14:18)").  At most FURNITURE_VIDEO_WORDS
 * words, ending in a clock.
 */
#define FURNITURE_VIDEO_WORDS 12

static bool
furniture_video(struct furniture_line *l)
{
	size_t i = l->last_word, end = l->len;

	if (i + 2 < end && l->s[i] == '(' && l->s[end - 1] == ')') {
		i++;
		end--;
	}
	return i > 0 && furniture_clock(l->s + i, end - i) &&
	    furniture_line_words(l, FURNITURE_VIDEO_WORDS) <=
	    FURNITURE_VIDEO_WORDS;
}

/*
 * An embedded post's line: a tweet's "— Name (@handle) Date" ("— Pat
 * McCrory (@PatMcCroryNC) March 30, 2017"), of under MOST bytes, or a
 * Facebook post's "Posted by Name on Friday, May 22, 2015": "Posted by",
 * at most FURNITURE_POSTED_WORDS words and a year last.
 */
#define FURNITURE_POSTED_WORDS 14

static bool
furniture_post(struct furniture_line *l, size_t most)
{
	const char *s = l->s;
	size_t len = l->len;

	if (len > 10 && memcmp(s, "Posted by ", 10) == 0)
		return l->len - l->last_word == 4 &&
		    memmem(s, len, " on ", 4) != NULL &&
		    furniture_line_words(l, FURNITURE_POSTED_WORDS) <=
		    FURNITURE_POSTED_WORDS;
	return len < most && len > 4 && memcmp(s, "\xe2\x80\x94", 3) == 0 &&
	    memmem(s, len, "(@", 2) != NULL;
}

/*
 * A line to follow someone's social handle: "Follow him on Twitter
 * @NolteNC", "- Follow the Ticker on Twitter: @PoliticalTicker", "Follow
 * Ryan on Twitter".  At most FURNITURE_FOLLOW_WORDS words, one of them a
 * handle or the network's name ("Follow the money:" is prose).
 */
#define FURNITURE_FOLLOW_WORDS 16

static bool
furniture_follow(const char *s, size_t len)
{
	if (len > 2 && s[0] == '-' && s[1] == ' ') {
		s += 2;
		len -= 2;
	}
	return len > 7 && memcmp(s, "Follow ", 7) == 0 &&
	    (memchr(s, '@', len) != NULL || memmem(s, len, "Twitter", 7) !=
	    NULL || memmem(s, len, "Facebook", 8) != NULL) &&
	    furniture_words(s, len, FURNITURE_FOLLOW_WORDS) <=
	    FURNITURE_FOLLOW_WORDS;
}

const char *
furniture_opening_text(const struct furniture_opening *openings, size_t n,
    size_t i)
{
	return i < n ? openings[i].text : NULL;
}

size_t
furniture_opens(const char *s, size_t len,
    const struct furniture_opening *openings, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (len >= openings[i].len &&
		    memcmp(s, openings[i].text, openings[i].len) == 0)
			return openings[i].len;
	}
	return 0;
}

/* The openings of a site's notes beside a story, in their case: that it
 * changed, or a sign-up. */
static const struct furniture_opening furniture_notes[] = {
	FURNITURE_OPENING("This story was updated"),
	FURNITURE_OPENING("This article was updated"),
	FURNITURE_OPENING("Sign up to receive")
};

const char *
furniture_note_opening(size_t i)
{
	return furniture_opening_text(furniture_notes,
	    sizeof furniture_notes / sizeof *furniture_notes, i);
}

static bool
furniture_note(const char *s, size_t len)
{
	/* "Thi" or "Sig", and the shortest note's length: most sentences
	 * opening "T" or "S" fail here ("The", "That"). */
	if (len < sizeof "Sign up to receive" - 1 ||
	    !((s[0] == 'T' && s[1] == 'h' && s[2] == 'i') ||
	    (s[0] == 'S' && s[1] == 'i' && s[2] == 'g')))
		return false;
	return furniture_opens(s, len, furniture_notes,
	    sizeof furniture_notes / sizeof *furniture_notes);
}

/*
 * A line that gives an address to write to: "Send tips to
 * kevin@dailycallernewsfoundation.org.", "Email: jdiaz@sfchronicle.com
 * Twitter: @JohnDiazChron", "She can be reached at ...".  Of at most
 * FURNITURE_CONTACT_LEN bytes and FURNITURE_CONTACT_WORDS words, with an
 * address (a word, "@", perhaps a space, a name with a dot) and no quote:
 * a statement that names an address is someone's ("... the
 * hdr22@clintonemail.com account," Kendall wrote).
 */
#define FURNITURE_CONTACT_WORDS 15

static bool
furniture_address(const char *s, size_t len, size_t at)
{
	size_t i = at + 1;

	if (at == 0 || s[at - 1] == ' ' || s[at - 1] == '(')
		return false;
	if (i < len && s[i] == ' ')
		i++;	/* "ryan@ dailycallernewsfoundation.org" */
	for (; i + 1 < len && s[i] != ' '; i++) {
		if (s[i] == '.' && s[i + 1] != ' ' && s[i + 1] != '.')
			return true;
	}
	return false;
}

static bool
furniture_contact(struct furniture_line *l)
{
	const char *s = l->s, *a;
	size_t at = 0, len = l->len;

	/* "rjlarios@hotmail.com:" names a comment's writer. */
	if (len == 0 || s[len - 1] == ':')
		return false;
	while ((a = memchr(s + at, '@', len - at)) != NULL &&
	    !furniture_address(s, len, (size_t)(a - s)))
		at = (size_t)(a - s) + 1;
	return a != NULL && memchr(s, '"', len) == NULL &&
	    memmem(s, len, "\xe2\x80\x9c", 3) == NULL &&
	    furniture_line_words(l, FURNITURE_CONTACT_WORDS) <=
	    FURNITURE_CONTACT_WORDS;
}

/* An audio player's line, its button last: "NPR's Richard Harris reports
 * Listen", "From 'Morning Edition': David Welna reports Listen". */
static bool
furniture_audio(const struct furniture_line *l)
{
	return l->last_word > 0 && l->len - l->last_word == 6 &&
	    memcmp(l->s + l->last_word, "Listen", 6) == 0;
}

/*
 * A stamp of when the story changed: "Updated April 25 at 5:28 p.m. ET",
 * "updated 2:30pm ET": "Updated", a clock, at most FURNITURE_STAMP_WORDS
 * words ("Updated guidance says ..." carries no clock).
 */
#define FURNITURE_STAMP_WORDS 10

static bool
furniture_stamp(struct furniture_line *l)
{
	const char *s = l->s;
	size_t i, len = l->len;

	if (len < 12 || (s[0] != 'U' && s[0] != 'u') ||
	    memcmp(s + 1, "pdated ", 7) != 0)
		return false;
	for (i = 8; i + 2 < len; i++) {
		if (s[i] == ':' && ascii_is_digit(s[i - 1]) &&
		    ascii_is_digit(s[i + 1]) && ascii_is_digit(s[i + 2]))
			return furniture_line_words(l, FURNITURE_STAMP_WORDS) <=
			    FURNITURE_STAMP_WORDS;
	}
	return false;
}

/* Could a shape below be the line's, by its first and last bytes?  A
 * clock or a separator opens with a digit or no letter, a follow line
 * with "-" or "F", a note with "T" or "S", a post with a dash or ends in
 * its year; a video's title ends in its length (in brackets for a
 * chapter), a credit in "contributed." within 80 bytes;
 * "ET" and "AD" are shorter than any sentence.  A sentence of prose is
 * none of these.  (A note opens with "T" or "S", told apart below.) */
static bool
furniture_shape_may(const char *s, size_t len)
{
	unsigned char first = (unsigned char)s[0], last = (unsigned char)s[len - 1];
	bool letter = ascii_is_alpha(first);

	return len <= 3 || !letter || first == 'F' ||
	    ascii_is_digit(last) || last == ':' ||
	    (last == ')' && ascii_is_digit(s[len - 2])) ||
	    (last == '.' && len <= FURNITURE_CREDIT_LEN && s[len - 2] == 'd');
}

bool
furniture_shape(struct furniture_line *l, size_t most)
{
	const char *s = l->s;
	size_t len = l->len;

	/* Many sentences open with "T" or "S" ("The", "She"): of the
	 * shapes, only a note, a contact, an audio player's line or a
	 * stamp may then be theirs. */
	if (furniture_audio(l) || (len <= FURNITURE_CONTACT_LEN &&
	    furniture_contact(l)) || furniture_stamp(l))
		return true;
	if (len > 0 && !furniture_shape_may(s, len))
		return furniture_note(s, len);
	return furniture_clock(s, len) || furniture_age(s, len) ||
	    furniture_separator(s, len) ||
	    (len == 2 && memcmp(s, "ET", 2) == 0) ||
	    (len == 2 && memcmp(s, "AD", 2) == 0) ||
	    furniture_follow(s, len) || furniture_note(s, len) ||
	    (len == 3 && memcmp(s, "ET.", 3) == 0) ||
	    furniture_video(l) || furniture_contributed(l) ||
	    furniture_post(l, most);
}

/* The last bytes of the closing quotes and brackets: '"', '\'', ')',
 * ']', and U+201D's and U+2019's. */
static const bool furniture_closing_end[256] = {
	['"'] = true, ['\''] = true, [')'] = true, [']'] = true,
	[0x9d] = true, [0x99] = true
};

size_t
furniture_unclosed(const char *s, size_t len)
{
	/* Asked of every sentence, which mostly ends on a stop or a letter:
	 * one look at a table answers. */
	while (len > 0 && furniture_closing_end[(unsigned char)s[len - 1]]) {
		if ((unsigned char)s[len - 1] < 0x80)
			len--;
		else if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 &&
		    (unsigned char)s[len - 2] == 0x80)
			len -= 3;	/* U+201D, U+2019 */
		else
			break;
	}
	return len;
}

/* Does S end as a sentence does: a stop, or a closing quote or bracket? */
bool
furniture_stopped(const char *s, size_t len)
{
	return furniture_unclosed(s, len) < len ||
	    (len > 0 && furniture_stop_byte(s[len - 1]));
}

/* The word of S that ends at END (exclusive): its start.  memrchr, since
 * every line asks for its last word: a byte at a time cost 5
 * instructions a byte of it. */
static size_t
furniture_word_start(const char *s, size_t end)
{
	const char *sp = end > 0 ? memrchr(s, ' ', end) : NULL;

	return sp != NULL ? (size_t)(sp - s) + 1 : 0;
}

/* The facts a line's first byte C and its last byte C give: two tables
 * filled at compile time, where a chain of tests cost 18 instructions a
 * line. */
#define FURNITURE_IN(c, a, b) ((c) >= (a) && (c) <= (b))
#define FURNITURE_FIRST_FACT(c) (FURNITURE_IN(c, 'A', 'Z') ? \
	FURNITURE_OPENS_UPPER : FURNITURE_IN(c, 'a', 'z') ? \
	FURNITURE_OPENS_LOWER : FURNITURE_IN(c, '0', '9') ? \
	FURNITURE_OPENS_DIGIT : (c) < 0x80 ? FURNITURE_OPENS_MARK : \
	FURNITURE_OPENS_HIGH)
#define FURNITURE_LAST_FACT(c) (FURNITURE_IN(c, 'A', 'Z') || \
	FURNITURE_IN(c, 'a', 'z') ? FURNITURE_ENDS_ALPHA : \
	FURNITURE_IN(c, '0', '9') ? FURNITURE_ENDS_DIGIT : (c) == '.' || \
	(c) == '!' || (c) == '?' ? FURNITURE_ENDS_STOP : (c) == ':' ? \
	FURNITURE_ENDS_COLON : (c) == ',' ? FURNITURE_ENDS_COMMA : \
	(c) == ')' ? FURNITURE_ENDS_BRACKET : 0)
#define FURNITURE_FACTS16(f, c) f((c)), f((c) + 1), f((c) + 2), f((c) + 3), \
	f((c) + 4), f((c) + 5), f((c) + 6), f((c) + 7), f((c) + 8), \
	f((c) + 9), f((c) + 10), f((c) + 11), f((c) + 12), f((c) + 13), \
	f((c) + 14), f((c) + 15)
#define FURNITURE_FACTS(f) { FURNITURE_FACTS16(f, 0), \
	FURNITURE_FACTS16(f, 16), FURNITURE_FACTS16(f, 32), \
	FURNITURE_FACTS16(f, 48), FURNITURE_FACTS16(f, 64), \
	FURNITURE_FACTS16(f, 80), FURNITURE_FACTS16(f, 96), \
	FURNITURE_FACTS16(f, 112), FURNITURE_FACTS16(f, 128), \
	FURNITURE_FACTS16(f, 144), FURNITURE_FACTS16(f, 160), \
	FURNITURE_FACTS16(f, 176), FURNITURE_FACTS16(f, 192), \
	FURNITURE_FACTS16(f, 208), FURNITURE_FACTS16(f, 224), \
	FURNITURE_FACTS16(f, 240) }

static const unsigned short furniture_first_facts[256] =
    FURNITURE_FACTS(FURNITURE_FIRST_FACT);
static const unsigned short furniture_last_facts[256] =
    FURNITURE_FACTS(FURNITURE_LAST_FACT);

void
furniture_line_read(struct furniture_line *l, const char *s, size_t len)
{
	l->s = s;
	l->len = len;
	l->unclosed = furniture_unclosed(s, len);
	l->stopped = l->unclosed < len || (len > 0 &&
	    furniture_stop_byte(s[len - 1]));
	l->last_word = furniture_word_start(s, len);
	l->facts = 0;
	if (len > 0)
		l->facts = furniture_first_facts[(unsigned char)s[0]] |
		    furniture_last_facts[(unsigned char)s[len - 1]] |
		    (l->stopped ? FURNITURE_STOPPED : 0) |
		    (l->last_word < len && ascii_is_upper(s[l->last_word]) ?
		    FURNITURE_LAST_UPPER : 0);
	l->words = l->at = 0;
	l->in = false;
}

/*
 * Another story's headline in capitals, as some sites list them between
 * paragraphs ("POMPEO: FATE OF US-NORTH KOREA SUMMIT RESTS WITH KIM JONG
 * UN"): at least FURNITURE_CAPS_WORDS words, longer than most section
 * headings, no small letters, not a sentence, a quote, a question (a
 * heading asks: "WHO BECOMES PRESIDENT IF TRUMP IS REMOVED?") or a label
 * ending in a colon.
 */
#define FURNITURE_CAPS_WORDS 7

/* The capital letters of S, or -1 if it has a small one: prose has one
 * within a few bytes. */
static long
furniture_capitals(const char *s, size_t len)
{
	size_t i, letters = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return -1;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return (long)letters;
}

/* Could S end a headline in capitals: not a sentence, a question or a
 * label, and no quote opening it? */
static bool
furniture_caps_end(const struct sentence *s)
{
	size_t n = furniture_unclosed(s->text, s->len);

	/* Quotes may close it ("... AS LEADERS TOUT SUMMIT AS 'SUCCESS'"),
	 * not open it. */
	return n > 0 && !furniture_stop_byte(s->text[n - 1]) &&
	    s->text[n - 1] != ':' && s->text[0] != '"' &&
	    (unsigned char)s->text[0] != 0xe2;
}

bool
furniture_related_caps(const struct sentence *s)
{
	if (!furniture_caps_end(s))
		return false;
	return furniture_capitals(s->text, s->len) >= 3 * FURNITURE_CAPS_WORDS &&
	    furniture_words(s->text, s->len, FURNITURE_CAPS_WORDS) >=
	    FURNITURE_CAPS_WORDS;
}

/* Does S end in an abbreviation of two to four capitals ("ADM.")? */
static bool
furniture_caps_abbreviation(const struct sentence *s)
{
	size_t i = s->len - 1, n = 0;

	if (s->len < 3 || s->text[i] != '.')
		return false;
	while (i > 0 && ascii_is_upper(s->text[i - 1])) {
		i--;
		n++;
	}
	return n >= 2 && n <= 4 && (i == 0 || s->text[i - 1] == ' ');
}

bool
furniture_related_caps_cut(const struct sentence *s)
{
	long capitals;

	if (!furniture_caps_abbreviation(&s[0]) || !furniture_caps_end(&s[1]) ||
	    furniture_capitals(s[0].text, s[0].len) < 0 ||
	    (capitals = furniture_capitals(s[1].text, s[1].len)) < 0)
		return false;
	return furniture_words(s[0].text, s[0].len, FURNITURE_CAPS_WORDS) +
	    furniture_words(s[1].text, s[1].len, FURNITURE_CAPS_WORDS) >=
	    FURNITURE_CAPS_WORDS;
}

/*
 * A widget's label cut by its ellipsis, alone on its line: Fox's "More
 * On This..." over the links extraction dropped.  FURNITURE_CUT_LEAST to
 * FURNITURE_CUT_MOST words, each capitalised: "And..." and "Hewitt:
 * That's..." are speech cut short.  Not in capitals: Fox's newsletter
 * heads its sections so ("WITH YOUR SECOND CUP OF COFFEE...").
 */
#define FURNITURE_CUT_LEAST 3
#define FURNITURE_CUT_MOST 6

bool
furniture_cut_label(const struct sentence *s)
{
	const char *t = s->text;
	size_t i, words;
	bool small = false;

	if (!((s->len > 3 && memcmp(t + s->len - 3, "...", 3) == 0) ||
	    (s->len > 3 && memcmp(t + s->len - 3, "\xe2\x80\xa6", 3) == 0)))
		return false;
	for (i = 0; i < s->len; i++) {
		if ((i == 0 || t[i - 1] == ' ') && !ascii_is_upper(t[i]))
			return false;
		small |= ascii_is_lower(t[i]);
	}
	words = furniture_words(t, s->len, FURNITURE_CUT_MOST);
	return small && words >= FURNITURE_CUT_LEAST &&
	    words <= FURNITURE_CUT_MOST;
}

/*
 * A live blog's entry signed at its foot, the line alone: "— Brett
 * Samuels", "- Deirdre Shesgreen": a dash and a name of two capitalised
 * words, nothing else (three are as often a heading: "- Medicaid Work
 * Requirements").  Where it stands (after a paragraph that ends as a
 * sentence does, not in a list of such lines, not under a quote it
 * attributes) is boilerplate.c's say.
 */
#define FURNITURE_SIGNATURE_WORDS 2

bool
furniture_signature(const struct sentence *s)
{
	const char *t = s->text;
	size_t i, start, words;

	if (s->len > 4 && (memcmp(t, "\xe2\x80\x94 ", 4) == 0 ||
	    memcmp(t, "\xe2\x80\x93 ", 4) == 0))
		start = 4;
	else if (s->len > 2 && t[0] == '-' && t[1] == ' ')
		start = 2;
	else
		return false;
	for (i = start; i < s->len; i++) {
		if ((i == start || t[i - 1] == ' ') && !ascii_is_upper(t[i]))
			return false;
		if (!ascii_is_alpha(t[i]) && t[i] != ' ' && t[i] != '.' &&
		    t[i] != '-' && t[i] != '\'')
			return false;
	}
	words = furniture_words(t + start, s->len - start,
	    FURNITURE_SIGNATURE_WORDS);
	return words == FURNITURE_SIGNATURE_WORDS;
}

/*
 * A name's pop-up card left in the text where the name stands, the full
 * name after the name ("Rep. Trent Franks Harold (Trent) Trent Franks",
 * "President Trump Donald John Trump"): a short line, not a sentence,
 * whose last word also ends the name one to four capitalised words
 * before.  A longer sentence carrying one is prose and keeps it.
 */
#define FURNITURE_CARD_WORDS 12

bool
furniture_name_card(struct furniture_line *l)
{
	const char *t = l->s;
	size_t last, w, end, n;
	int between;

	if (l->len == 0 || l->stopped ||
	    furniture_line_words(l, FURNITURE_CARD_WORDS) > FURNITURE_CARD_WORDS)
		return false;
	last = l->last_word;
	n = l->len - last;
	if (n < 2 || !(t[last] >= 'A' && t[last] <= 'Z'))
		return false;
	end = last;
	for (between = 0; between <= 4 && end > 1; between++) {
		end--;		/* the space before the word */
		w = furniture_word_start(t, end);
		if (between > 0 && end - w == n && memcmp(t + w, t + last, n) == 0)
			return true;
		if (!(t[w] >= 'A' && t[w] <= 'Z') && t[w] != '(')
			return false;
		end = w;
	}
	return false;
}

/*
 * A shop widget's line: a product and its price, not a sentence ("DJI
 * Mavic Mini for $399").
 */
#define FURNITURE_SHOP_WORDS 10

bool
furniture_shop(struct furniture_line *l)
{
	size_t at = l->last_word;

	/* The price's "$" first: most lines fail there. */
	return at >= 5 && l->len - at >= 2 && l->s[at] == '$' &&
	    l->s[at + 1] >= '0' && l->s[at + 1] <= '9' &&
	    memcmp(l->s + at - 5, " for ", 5) == 0 && !l->stopped &&
	    furniture_line_words(l, FURNITURE_SHOP_WORDS) <=
	    FURNITURE_SHOP_WORDS;
}

/* A byline: "By Jane Doe and John Roe, Reuters". */
bool
furniture_byline(const struct sentence *s)
{
	return s->len > 4 && memcmp(s->text, "By ", 3) == 0 &&
	    s->text[3] >= 'A' && s->text[3] <= 'Z' &&
	    furniture_words(s->text, s->len, 8) <= 8 &&
	    strchr(".!?", s->text[s->len - 1]) == NULL;
}

/*
 * A name alone opening the body, the byline without its "By" ("William
 * Cummings"): two to four capitalised words of letters, nothing else.
 */
bool
furniture_name(const struct sentence *s)
{
	size_t i, words = furniture_words(s->text, s->len, 4);

	if (words < 2 || words > 4 || !(s->text[0] >= 'A' && s->text[0] <= 'Z'))
		return false;
	for (i = 0; i < s->len; i++) {
		if (s->text[i] == ' ' && (i + 1 == s->len ||
		    !(s->text[i + 1] >= 'A' && s->text[i + 1] <= 'Z')))
			return false;
		if (s->text[i] != ' ' && s->text[i] != '-' &&
		    s->text[i] != '\'' && !(s->text[i] >= 'A' &&
		    s->text[i] <= 'Z') && !(s->text[i] >= 'a' &&
		    s->text[i] <= 'z') && (unsigned char)s->text[i] < 0x80)
			return false;
	}
	return true;
}

/* A video player's box as extraction leaves it: "CLOSE" (its button)
 * run into the first line of the video's description, or Politico's
 * "POLITICO Dispatch: May 19" over the episode's. */
bool
furniture_video_box(const struct sentence *s)
{
	static const char dispatch[] = "POLITICO Dispatch: ";
	const size_t n = sizeof dispatch - 1;

	/* Asked of every paragraph: its first byte turns most away. */
	if (s->len == 0 || (s->text[0] != 'C' && s->text[0] != 'P'))
		return false;
	return (s->len > 7 && memcmp(s->text, "CLOSE ", 6) == 0 &&
	    s->text[6] >= 'A' && s->text[6] <= 'Z') ||
	    (s->len > n && memcmp(s->text, dispatch, n) == 0);
}

/*
 * A short line that ends in a web address after some words: a pointer to elsewhere ("Find
 * AP Fact Checks at http://apnews.com/APFactCheck", "Read Charles
 * Krauthammer's book ... http://l.prageru.com/2qR6J5E").  A shortened
 * t.co address ends an embedded post, whose text is someone's statement.
 */
#define FURNITURE_LINK_WORDS 15

bool
furniture_link_line(struct furniture_line *l)
{
	const char *s = l->s;
	size_t at, len = l->len;

	/* A line whose last word ends it, or a stop after that word, has
	 * its address there, if any: most lines fail at its first byte. */
	if (len > 1 && s[len - 2] != '.' && s[len - 2] != ' ' &&
	    (l->last_word == len || (s[l->last_word] != 'h' &&
	    s[l->last_word] != 'w')))
		return false;
	while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	/* Most lines end in a word, or a word and a stop: the line's last
	 * word, found already. */
	at = len == l->len || (len + 1 == l->len && len > 0 &&
	    s[len - 1] != ' ') ? l->last_word : furniture_word_start(s, len);
	/* An address alone is the page's own matter ("Ticketing", then
	 * the theatre's address). */
	if (at == 0)
		return false;
	if (len - at > 8 && memcmp(s + at, "https://", 8) == 0)
		at += 8;
	else if (len - at > 7 && memcmp(s + at, "http://", 7) == 0)
		at += 7;
	else if (!(len - at > 4 && memcmp(s + at, "www.", 4) == 0))
		return false;
	return !(len - at > 4 && memcmp(s + at, "t.co/", 5) == 0) &&
	    furniture_words(s, len, FURNITURE_LINK_WORDS) <= FURNITURE_LINK_WORDS;
}

/* The outlet's own name alone on a line ("USA TODAY" under the byline):
 * the site's, not the story's. */
bool
furniture_outlet(const struct sentence *s, const char *outlet,
    size_t outlet_len)
{
	return outlet != NULL && outlet_len == s->len &&
	    strncasecmp(s->text, outlet, s->len) == 0;
}
