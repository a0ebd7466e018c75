/* caption: a photo's credit and caption as extraction leaves them in a
 * body (see caption.h). */
#include "config.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "caption.h"
#include "furniture.h"

/*
 * A photo's caption as some sites leave it in the body, not ending as a
 * sentence does and saying who is pictured where ("Iranian supertanker
 * Sabiti (pictured today) was hit by two explosions ...", "District of
 * Columbia Attorney General Karl Racine (left) and ..."): at least
 * CAPTION_PICTURED_WORDS words.  A sentence of prose that says so ends
 * with its stop.
 */
#define CAPTION_PICTURED_WORDS 5

/* What follows a bracket in a caption: where its person stands. */
static const struct furniture_opening caption_pictured_marks[] = {
	FURNITURE_OPENING("pictured"), FURNITURE_OPENING("left"),
	FURNITURE_OPENING("right"), FURNITURE_OPENING("center"),
	FURNITURE_OPENING("centre"), FURNITURE_OPENING("from left")
};

/* Does S, of LEN bytes, hold a bracket opening with a mark? */
static bool
caption_bracketed_mark(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t k;

	while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
		p++;
		for (k = 0; k < sizeof caption_pictured_marks /
		    sizeof *caption_pictured_marks; k++) {
			if ((size_t)(end - p) >= caption_pictured_marks[k].len &&
			    memcmp(p, caption_pictured_marks[k].text,
			    caption_pictured_marks[k].len) == 0)
				return true;
		}
	}
	return false;
}

bool
caption_pictured(struct furniture_line *l)
{
	/* One scan for the brackets and one for the word, and only in a
	 * line that does not end as a sentence does: a search for each
	 * mark in turn cost 36 M instructions over the archive. */
	if (l->stopped)
		return false;
	return (caption_bracketed_mark(l->s, l->len) ||
	    memmem(l->s, l->len, " pictured ", 10) != NULL) &&
	    furniture_line_words(l, CAPTION_PICTURED_WORDS) >=
	    CAPTION_PICTURED_WORDS;
}

/*
 * A photo's credit line: an agency's name in capitals and a slash
 * ("REUTERS/Jim Young", "AFP/Getty Images"), a short line in brackets
 * with a slash ("(Carlos Barria/Reuters)"), or a label ("(Photo: Eric
 * Gay, AP)", "(Reuters file photo: Joshua Roberts)", "(Illustration:
 * Roman Genn)"), or "Photograph: Don Emmert/AFP".  At most
 * CAPTION_CREDIT_WORDS words, not ending as a sentence does (save the
 * closing bracket).
 */
#define CAPTION_CREDIT_WORDS 8
/* A label's credit or "Credit"'s with a slash may name the photographer,
 * the paper and the agency it came through ("Photographer: E. Jason
 * Wambsgans/Chicago Tribune/Tribune News Service via Getty Images"). */
#define CAPTION_SOURCED_WORDS 12
#define CAPTION_BAR_WORDS 15
/* The words a credit's label may have, its kind of picture last. */
#define CAPTION_CREDIT_LABEL_WORDS 3
/* A credit's label has its colon within so many bytes. */
#define CAPTION_LABEL_LEN 32

static const struct furniture_opening caption_pictures[] = {
	FURNITURE_OPENING("photo:"), FURNITURE_OPENING("image:"),
	FURNITURE_OPENING("illustration:")
};

/* Does S, of LEN bytes after its opening bracket, open with a credit's
 * label: a few words, the last naming a kind of picture, and a colon? */
static bool
caption_credit_label(const char *s, size_t len)
{
	size_t i, w = 0, words = 1;

	for (i = 0; i < len && s[i] != ':'; i++) {
		if (s[i] == ' ') {
			if (++words > CAPTION_CREDIT_LABEL_WORDS)
				return false;
			w = i + 1;
		}
	}
	for (size_t k = 0; i < len && k < sizeof caption_pictures /
	    sizeof *caption_pictures; k++) {
		if (i + 1 - w == caption_pictures[k].len &&
		    strncasecmp(s + w, caption_pictures[k].text, i + 1 - w) == 0)
			return true;
	}
	return false;
}

/* The words that name a picture, or who took it, in a credit's label
 * ("Photographer: Saul Loeb/AFP via Getty Images"). */
static const struct furniture_opening caption_picture_words[] = {
	FURNITURE_OPENING("photo"), FURNITURE_OPENING("image"),
	FURNITURE_OPENING("picture"), FURNITURE_OPENING("illustration"),
	FURNITURE_OPENING("photographer")
};

/* Does the label S[0, COLON), of at most CAPTION_CREDIT_LABEL_WORDS
 * words, name a picture or end in "credit" ("Mandatory Credit:")? */
static bool
caption_credit_named(const char *s, size_t colon)
{
	size_t w = 0, e, words = 0, k;

	for (;;) {
		for (e = w; e < colon && s[e] != ' '; e++)
			;
		if (++words > CAPTION_CREDIT_LABEL_WORDS)
			return false;
		for (k = 0; k < sizeof caption_picture_words /
		    sizeof *caption_picture_words; k++) {
			if (e - w == caption_picture_words[k].len &&
			    strncasecmp(s + w, caption_picture_words[k].text,
			    e - w) == 0)
				return true;
		}
		if (e >= colon)
			return (e - w == 6 || (e - w == 7 && s[w + 6] == 's')) &&
			    strncasecmp(s + w, "credit", 6) == 0;
		w = e + 1;
	}
}

/* The first " | " of S[FROM, END), or NULL: a bar is rare, and memchr
 * finds one in few instructions where memmem took ten a byte. */
static const char *
caption_bar_next(const char *from, const char *end)
{
	const char *p = from;

	while (p + 1 < end && (p = memchr(p + 1, '|', (size_t)(end - p - 1))) !=
	    NULL) {
		if (p[-1] == ' ' && p + 1 < end && p[1] == ' ')
			return p - 1;
	}
	return NULL;
}

/* Is every part of the bar S, of LEN bytes with its first " | " at BAR,
 * capitalised? */
static bool
caption_bar(const char *s, size_t len, const char *bar)
{
	const char *end = s + len;

	if (!ascii_is_upper(s[0]))
		return false;
	for (; bar != NULL; bar = caption_bar_next(bar + 2, end)) {
		if (bar + 3 >= end || !ascii_is_upper(bar[3]))
			return false;
	}
	return true;
}

/*
 * A credit of the kinds that only its own paragraph shows to be one: a
 * photographer's name and the agency's, a label not in brackets, its kind of picture within it or "credit" last
 * ("Image source: Screenshot from Twitter", "Credit: GovTrack/NPR",
 * "Photo credit: SHAH MARAI/AFP via Getty Images", "Photographer: ..."),
 * "Credit" and a name with a slash ("Credit Marco Garcia/Associated
 * Press") or names only ("Credit Kevin Liles for The New York Times"),
 * at most CAPTION_CREDIT_WORDS words (CAPTION_SOURCED_WORDS with a
 * slash); or a bar of capitalised parts ("Bill
 * Baptist | National Basketball Association | Getty Images", "Opinion |
 * Rep. Nunes's memo crosses a dangerous line"), at most
 * CAPTION_BAR_WORDS words: a credit, a kicker over a link or a menu,
 * never prose.  None ends as a sentence does.  Under a paragraph of its
 * own such a line credits a picture with no caption ("Image source:" under
 * a screenshot between paragraphs of prose), or heads one ("FILE PHOTO:
 * ..."): the line before is a caption only in the same paragraph.
 */
/*
 * A photographer's name and the agency's, a slash between ("Win
 * McNamee/Getty Images", "Story Hinckley/Staff", "Molly
 * McKew/Contributed"): at most CAPTION_NAMED_WORDS words, each
 * capitalised, the slash inside one, not opening with "The" ("The
 * Budget/Sequester" heads a section).
 */
#define CAPTION_NAMED_WORDS 5

static bool
caption_named_credit(struct furniture_line *l, const char *slash)
{
	const char *s = l->s;
	size_t i;

	if (slash == s || !ascii_is_alpha(slash[-1]) ||
	    slash + 1 >= s + l->len || !ascii_is_upper(slash[1]) ||
	    (l->len > 4 && memcmp(s, "The ", 4) == 0))
		return false;
	for (i = 1; i < l->len; i++) {
		if (s[i - 1] == ' ' && !ascii_is_upper(s[i]))
			return false;
	}
	return furniture_line_words(l, CAPTION_NAMED_WORDS) <=
	    CAPTION_NAMED_WORDS;
}

/* The words a credit's names may be joined by ("Kevin Liles for The New
 * York Times"). */
static const struct furniture_opening caption_joins[] = {
	FURNITURE_OPENING("for "), FURNITURE_OPENING("via "),
	FURNITURE_OPENING("and "), FURNITURE_OPENING("of ")
};

/* Is every word of S, of LEN bytes, capitalised, save the joins? */
static bool
caption_names_only(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (!ascii_is_upper(s[i]) && furniture_opens(s + i, len - i,
		    caption_joins, sizeof caption_joins / sizeof *caption_joins) ==
		    0)
			return false;
		while (i < len && s[i] != ' ')
			i++;
		i++;
	}
	return true;
}

bool
caption_credit_line(struct furniture_line *l)
{
	const char *s = l->s, *mark;
	size_t len = l->len, most;

	/* The ends first: a credit ends in a name (or a bracket closing
	 * one), where prose ends in a stop or a quote; a line ending so
	 * went on to the search for the bar, 9% of boilerplate_mark. */
	if ((l->stopped && s[len - 1] != ')') || len < 4 ||
	    !(ascii_is_alpha(s[len - 1]) || ascii_is_digit(s[len - 1]) ||
	    s[len - 1] == ')') || !ascii_is_upper(s[0]))
		return false;
	if ((mark = caption_bar_next(s, s + len)) != NULL)
		return caption_bar(s, len, mark) &&
		    furniture_line_words(l, CAPTION_BAR_WORDS) <=
		    CAPTION_BAR_WORDS;
	if ((mark = memchr(s, '/', len)) != NULL &&
	    caption_named_credit(l, mark))
		return true;
	if (len > 8 && memcmp(s, "Credit ", 7) == 0) {
		if (!ascii_is_upper(s[7]))
			return false;
		/* "Credit Kevin Liles for The New York Times": names only,
		 * where prose crediting someone goes on in small words. */
		if (memchr(s, '/', len) == NULL)
			return caption_names_only(s + 7, len - 7) &&
			    furniture_line_words(l, CAPTION_CREDIT_WORDS) <=
			    CAPTION_CREDIT_WORDS;
	} else if ((mark = memchr(s, ':', len < CAPTION_LABEL_LEN ? len :
	    CAPTION_LABEL_LEN)) == NULL ||
	    !caption_credit_named(s, (size_t)(mark - s)))
		return false;
	most = memchr(s, '/', len) != NULL ? CAPTION_SOURCED_WORDS :
	    CAPTION_CREDIT_WORDS;
	return furniture_line_words(l, most) <= most;
}

bool
caption_credit(struct furniture_line *l)
{
	const char *s = l->s;
	size_t i = 0, len = l->len;

	/* The end first: a sentence of prose fails there, and counting its
	 * words cost 6 instructions a byte of all real text. */
	if (len < 4 || furniture_stop_byte(s[len - 1]))
		return false;
	/* Politico's credit bar under a caption, a headline run in at
	 * most: "| J. Scott Applewhite/AP Photo" (the bar is a word). */
	if (s[0] == '|' && s[1] == ' ')
		return furniture_line_words(l, CAPTION_BAR_WORDS + 1) <=
		    CAPTION_BAR_WORDS + 1;
	/* The shape before the words: a quote that closes a sentence of
	 * prose fails it within a few bytes. */
	/* "(H/T The Hill)" credits a story, not a photo; "(FBI via AP)"
	 * a photo handed out. */
	if (s[0] == '(' && s[len - 1] == ')') {
		if (!((memchr(s, '/', len) != NULL && !(len > 4 &&
		    (s[1] == 'H' || s[1] == 'h') && s[2] == '/')) ||
		    caption_credit_label(s + 1, len - 1) ||
		    (len > 8 && memcmp(s + len - 8, " via AP)", 8) == 0)))
			return false;
	} else if (!(len > 11 && memcmp(s, "Photograph:", 11) == 0)) {
		while (i < len && s[i] >= 'A' && s[i] <= 'Z')
			i++;
		if (!(i >= 2 && i < len && s[i] == '/'))
			return false;
	}
	return furniture_line_words(l, CAPTION_CREDIT_WORDS) <=
	    CAPTION_CREDIT_WORDS;
}

