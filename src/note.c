#include "config.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "document.h"
#include "furniture.h"
#include "note.h"

/*
 * A writer's bio: "Michael Kruse is a senior staff writer for Politico.",
 * "Peter Bergen is CNN's national security analyst, ...", "Dennis Prager
 * is a nationally syndicated radio talk-show host and columnist."  A name
 * of one to four capitalised words (or "He", "She"), "is" or "was", an
 * article or an outlet's possessive, then within NOTE_BIO_GAP words
 * a trade the page's writers have.  Not a sentence that goes on about the
 * person ("who", "but"), quotes, or runs past NOTE_BIO_WORDS words:
 * "Representative Nadler is a shrewd lawyer but he has ..." is prose.
 * Where it stands (opening or closing the body) is boilerplate.c's say.
 */
#define NOTE_BIO_GAP 5
#define NOTE_BIO_WORDS 35

static const struct furniture_opening note_trades[] = {
	FURNITURE_OPENING("writer"), FURNITURE_OPENING("columnist"),
	FURNITURE_OPENING("editor"), FURNITURE_OPENING("correspondent"),
	FURNITURE_OPENING("contributor"), FURNITURE_OPENING("reporter"),
	FURNITURE_OPENING("analyst"), FURNITURE_OPENING("fellow"),
	FURNITURE_OPENING("professor"), FURNITURE_OPENING("host"),
	FURNITURE_OPENING("author"), FURNITURE_OPENING("commentator"),
	FURNITURE_OPENING("journalist"), FURNITURE_OPENING("lecturer")
};

static const char *const note_bio_stops[] = {
	" who ", " whose ", " that ", " which ", " but ", "\"", "\xe2\x80\x9c",
	NULL
};

/* The end of the word of S (of LEN bytes) that starts at I. */
static size_t
note_word_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != ' ')
		i++;
	return i;
}

/* Is the word S[W, E) a trade, perhaps plural or before a comma or a
 * stop ("authority" is none)? */
static bool
note_trade(const char *s, size_t w, size_t e)
{
	size_t i;

	while (e > w && (s[e - 1] == ',' || s[e - 1] == '.' ||
	    s[e - 1] == ';'))
		e--;
	/* "Editor-at-Large", "editor-in-chief": the trade is the first
	 * part. */
	for (i = w; i < e; i++) {
		if (s[i] == '-') {
			e = i;
			break;
		}
	}
	if (e > w && s[e - 1] == 's')
		e--;
	/* In any case: a title is capitalised ("USA TODAY's Board of
	 * Contributors", "Senior Writer"). */
	for (i = 0; i < sizeof note_trades / sizeof *note_trades;
	    i++) {
		if (e - w == note_trades[i].len &&
		    strncasecmp(s + w, note_trades[i].text, e - w) == 0)
			return true;
	}
	return false;
}

/* Does the word S[W, E) end in a possessive ("CNN's", a plural's "Fox
 * News'")? */
static bool
note_possessive(const char *s, size_t w, size_t e)
{
	return (e - w > 2 && memcmp(s + e - 2, "'s", 2) == 0) ||
	    (e - w > 4 && memcmp(s + e - 4, "\xe2\x80\x99s", 4) == 0) ||
	    (e - w > 2 && s[e - 2] == 's' && s[e - 1] == '\'') ||
	    (e - w > 4 && s[e - 4] == 's' &&
	    memcmp(s + e - 3, "\xe2\x80\x99", 3) == 0);
}

bool
note_bio(const struct sentence *s)
{
	const char *t = s->text;
	const char *const *stop;
	size_t i = 0, e, len = s->len, words;
	bool trade = false;
	int gap;

	if (len < 12 || !(t[0] >= 'A' && t[0] <= 'Z'))
		return false;
	/* The name, up to "is" or "was". */
	for (words = 0; ; words++) {
		e = note_word_end(t, len, i);
		if (e == len || words > 4)
			return false;
		if ((e - i == 2 && memcmp(t + i, "is", 2) == 0) ||
		    (e - i == 3 && memcmp(t + i, "was", 3) == 0))
			break;
		if (!(t[i] >= 'A' && t[i] <= 'Z'))
			return false;
		i = e + 1;
	}
	if (words == 0)
		return false;
	/* The article, or the outlet's possessive ("CNN's", "The San
	 * Francisco Chronicle's"), its words capitalised; or a title in
	 * capitals, the trade its last word ("is Senior Editor-at-Large at
	 * Breitbart News"). */
	i = e + 1;
	e = note_word_end(t, len, i);
	if (!((e - i == 1 && t[i] == 'a') || (e - i == 2 &&
	    memcmp(t + i, "an", 2) == 0) || (e - i == 3 &&
	    memcmp(t + i, "the", 3) == 0))) {
		for (gap = 0; !note_possessive(t, i, e); gap++) {
			if (gap == 3 || e == len)
				return false;
			/* The trade, a title or not ("is editor of National
			 * Review"). */
			if (note_trade(t, i, e)) {
				trade = true;
				break;
			}
			if (!(t[i] >= 'A' && t[i] <= 'Z'))
				return false;
			i = e + 1;
			e = note_word_end(t, len, i);
		}
	}
	/* The trade, a few words on; or a few words after an outlet's
	 * possessive, which names the title it gives ("a member of USA
	 * TODAY's Board of Contributors"). */
	for (gap = 0; !trade && gap <= NOTE_BIO_GAP && e < len; gap++) {
		i = e + 1;
		e = note_word_end(t, len, i);
		trade = note_trade(t, i, e);
		if (!trade && note_possessive(t, i, e))
			gap = -1;
	}
	if (!trade)
		return false;
	for (stop = note_bio_stops; *stop != NULL; stop++) {
		if (memmem(t, len, *stop, strlen(*stop)) != NULL)
			return false;
	}
	return furniture_words(t, len, NOTE_BIO_WORDS) <= NOTE_BIO_WORDS;
}

/* The note that ends a columnist's bio: "The opinions expressed in this
 * commentary are his own." */
static const struct furniture_opening note_bio_end_opens[] = {
	FURNITURE_OPENING("The opinions expressed in this "),
	FURNITURE_OPENING("The views expressed in this "),
	/* Townhall's, over each column. */
	FURNITURE_OPENING("The opinions expressed by ")
};

const char *
note_bio_end_opening(size_t i)
{
	return furniture_opening_text(note_bio_end_opens,
	    sizeof note_bio_end_opens / sizeof *note_bio_end_opens, i);
}

bool
note_bio_end(const struct sentence *s)
{
	static const char *const run_in[] = {
		" The opinions expressed ", " The views expressed "
	};
	size_t k;

	if (s->len < 4)
		return false;
	if (memcmp(s->text, "The ", 4) == 0)
		return furniture_opens(s->text, s->len, note_bio_end_opens,
		    sizeof note_bio_end_opens / sizeof *note_bio_end_opens);
	/* The note run into the bio's last line where the page had no
	 * stop ("... in the United States The views expressed are her
	 * own."). */
	if (s->len < 5 || memcmp(s->text + s->len - 5, " own.", 5) != 0)
		return false;
	for (k = 0; k < sizeof run_in / sizeof *run_in; k++) {
		const char *at = memmem(s->text, s->len, run_in[k],
		    strlen(run_in[k]));

		if (at != NULL && at > s->text && ascii_is_alpha(at[-1]))
			return true;
	}
	return false;
}

/*
 * A note about the text itself: an editor's note, a correction, a
 * clarification or a disclosure ("Editor's note: This story has been
 * updated ...", "CORRECTION (Oct. 8, 2019, 5:15 p.m.): A previous version
 * ...", "Clarification at 2:45 p.m. ET: ...", "EDITOR'S NOTE — A look at
 * ..."): the label in any case, then a colon or a dash, at once or after
 * a date of at most NOTE_TEXT_DATE bytes, then the note.  A label
 * with words of its own before the colon ("Correction from today's
 * briefing:") is someone's, and so is one opening an embedded post
 * ("CORRECTION: I haven't spoken ... https://t.co/...").
 */
#define NOTE_TEXT_DATE 40

static const struct furniture_opening note_text_labels[] = {
	FURNITURE_OPENING("editor's note"),
	FURNITURE_OPENING("editor\xe2\x80\x99s note"),
	FURNITURE_OPENING("correction"),
	FURNITURE_OPENING("clarification"),
	FURNITURE_OPENING("disclosure")
};

const char *
note_text_opening(size_t i)
{
	return furniture_opening_text(note_text_labels,
	    sizeof note_text_labels / sizeof *note_text_labels, i);
}

/* Where the note after the label S[0, AT) starts, or 0: past a colon or
 * a dash right after it, or after a date holding a digit. */
static size_t
note_text_start(const char *s, size_t len, size_t at)
{
	size_t i, end = at + NOTE_TEXT_DATE < len ?
	    at + NOTE_TEXT_DATE : len;
	bool digit = false;

	if (at + 2 < len && s[at] == ':' && s[at + 1] == ' ')
		return at + 2;
	if (at + 3 < len && s[at] == ' ' && s[at + 1] == '-' && s[at + 2] == ' ')
		return at + 3;
	if (at + 5 < len && memcmp(s + at, " \xe2\x80\x94 ", 5) == 0)
		return at + 5;
	if (at >= len || !(s[at] == ' ' || s[at] == ',' || s[at] == '('))
		return 0;
	/* "5:15 p.m.):" holds a colon before the one that ends the date. */
	for (i = at; i + 1 < end; i++) {
		if (ascii_is_digit(s[i]))
			digit = true;
		else if (s[i] == ':' && s[i + 1] == ' ')
			return digit && i + 2 < len ? i + 2 : 0;
	}
	return 0;
}

bool
note_text(const struct sentence *s)
{
	const char *t = s->text;
	char head[3];
	size_t k, n, start = 0;

	/* The first three letters in lower case against the labels': most
	 * first lines of a paragraph fail there, where a case-blind
	 * comparison with each label cost 8 M instructions over the
	 * archive. */
	if (s->len < 3)
		return false;
	for (k = 0; k < 3; k++)
		head[k] = ascii_is_upper(t[k]) ? (char)(t[k] - 'A' + 'a') : t[k];
	for (k = 0; k < sizeof note_text_labels /
	    sizeof *note_text_labels; k++) {
		n = note_text_labels[k].len;
		if (memcmp(head, note_text_labels[k].text, 3) != 0 ||
		    s->len <= n ||
		    strncasecmp(t, note_text_labels[k].text, n) != 0)
			continue;
		/* The plural too ("Corrections:"); what follows decides, so
		 * "Corrections officers said ..." is no note. */
		start = note_text_start(t, s->len,
		    t[n] == 's' || t[n] == 'S' ? n + 1 : n);
		break;
	}
	return start != 0 && memmem(t, s->len, "t.co/", 5) == NULL &&
	    memmem(t, s->len, "http", 4) == NULL;
}

/* The words naming the piece a note is about, after "This ". */
static const struct furniture_opening note_pieces[] = {
	FURNITURE_OPENING("article "), FURNITURE_OPENING("column "),
	FURNITURE_OPENING("commentary "), FURNITURE_OPENING("content "),
	FURNITURE_OPENING("essay "), FURNITURE_OPENING("interview "),
	FURNITURE_OPENING("piece "), FURNITURE_OPENING("post "),
	FURNITURE_OPENING("report "), FURNITURE_OPENING("story "),
	FURNITURE_OPENING("transcript "), FURNITURE_OPENING("version ")
};

#define NOTE_NPIECES (sizeof note_pieces / sizeof *note_pieces)

/* What the text is, said in a few words ("This is a rush transcript."). */
#define NOTE_PIECE_IS_WORDS 6

/* Does S[AT, LEN) open with a piece's word? */
static bool
note_piece_word(const char *s, size_t len, size_t at)
{
	return furniture_opens(s + at, len - at, note_pieces, NOTE_NPIECES);
}

/* "This is a rush transcript.": the piece's word, its space turned into
 * the stop, ends the sentence. */
static bool
note_piece_is(const char *s, size_t len)
{
	size_t k, w;

	if (len < 12 || s[len - 1] != '.' ||
	    furniture_words(s, len, NOTE_PIECE_IS_WORDS) > NOTE_PIECE_IS_WORDS ||
	    (memcmp(s, "This is a ", 10) != 0 &&
	    memcmp(s, "This is an ", 11) != 0))
		return false;
	for (w = len - 1; w > 0 && s[w - 1] != ' '; w--)
		;
	for (k = 0; k < NOTE_NPIECES; k++) {
		if (len - w == note_pieces[k].len &&
		    memcmp(s + w, note_pieces[k].text, len - w - 1) == 0)
			return true;
	}
	return false;
}

bool
note_piece(const struct sentence *s, bool opening)
{
	if (s->len < 12 || s->text[0] != 'T' || memcmp(s->text, "This ", 5) != 0)
		return false;
	if (opening)
		return note_piece_is(s->text, s->len);
	return note_piece_word(s->text, s->len, 5) ||
	    note_piece_is(s->text, s->len);
}
