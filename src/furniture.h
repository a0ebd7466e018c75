/*
 * furniture: the shapes of the site furniture lines that newspaper
 * extraction leaves in a body, one sentence at a time: a video's length
 * or title, a separator, a credit, an embedded post's line, another
 * story's headline in capitals, a name's pop-up card, a shop widget's
 * line, a byline; and the word counts and sentence ends they are told
 * by.  sitephrase.c holds the phrases, caption.c a photo's credit and
 * caption, note.c a writer's bio and a note about the text; boilerplate.c
 * decides per paragraph.
 * Nothing is allocated or freed.
 */
#ifndef PARALLAX_FURNITURE_H
#define PARALLAX_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>

struct sentence;

/* An opening and its length, measured once, not at each line. */
struct furniture_opening {
	const char *text;
	size_t len;
};

#define FURNITURE_OPENING(text) { text, sizeof text - 1 }

/* The text of the I-th of the N OPENINGS, or NULL past the last: how a
 * module hands its table of openings to plainline.c. */
const char *furniture_opening_text(const struct furniture_opening *openings,
    size_t n, size_t i);

/* The length of the first of the N OPENINGS S (LEN bytes) opens with, in
 * their case, or 0: a test, or where the words after it begin. */
size_t furniture_opens(const char *s, size_t len,
    const struct furniture_opening *openings, size_t n);

/* Is C a full stop, '!' or '?'?  Asked of every line's last byte, where
 * strchr(".!?", C) cost a call, 20 instructions. */
static inline bool
furniture_stop_byte(char c)
{
	return c == '.' || c == '!' || c == '?';
}

/* The words of S, counted no further than MOST + 1. */
size_t furniture_words(const char *s, size_t len, size_t most);

/*
 * What the per-sentence rules read of a sentence, found once for all of
 * them so that a line of prose is turned away in a few instructions a
 * rule: where its closing quotes and its last word start, whether it ends
 * as a sentence does, and its words, counted only as far as a rule has
 * asked (each count goes on from the last).  It points into the
 * sentence's text and owns nothing.
 */
struct furniture_line {
	const char *s;
	size_t len;
	size_t unclosed;	/* LEN less the closing quotes and brackets */
	size_t last_word;	/* where the last word starts */
	bool stopped;		/* ends as a sentence does */
	unsigned facts;		/* FURNITURE_OPENS_UPPER, ... */
	/* The count so far: WORDS words in S[0, AT), AT inside one if IN. */
	size_t words, at;
	bool in;
};

/*
 * The facts of a line found with it, by its first byte, its last and its
 * last word's first, in a few look-ups: what the rules ask first, so
 * that the caller of a rule (the *_may tests below) turns a line of prose
 * away without the call.  A line of no bytes has none.  They are a
 * line's cheap features for any other reader too.
 */
enum furniture_fact {
	FURNITURE_OPENS_UPPER = 1u << 0,	/* 'A' to 'Z' */
	FURNITURE_OPENS_LOWER = 1u << 1,	/* 'a' to 'z' */
	FURNITURE_OPENS_DIGIT = 1u << 2,
	FURNITURE_OPENS_MARK = 1u << 3,		/* other ASCII */
	FURNITURE_OPENS_HIGH = 1u << 4,		/* a byte over 0x7f */
	FURNITURE_ENDS_STOP = 1u << 5,		/* '.', '!', '?' */
	FURNITURE_ENDS_COLON = 1u << 6,
	FURNITURE_ENDS_COMMA = 1u << 7,
	FURNITURE_ENDS_BRACKET = 1u << 8,	/* ')' */
	FURNITURE_ENDS_ALPHA = 1u << 9,		/* an ASCII letter */
	FURNITURE_ENDS_DIGIT = 1u << 10,
	FURNITURE_STOPPED = 1u << 11,		/* as `stopped` */
	FURNITURE_LAST_UPPER = 1u << 12		/* the last word opens 'A'-'Z' */
};

/* L for the sentence S of LEN bytes. */
void furniture_line_read(struct furniture_line *l, const char *s, size_t len);

/* The words of L, counted no further than MOST + 1 (or further, if an
 * earlier count went further). */
size_t furniture_line_words(struct furniture_line *l, size_t most);

/* LEN less the closing quotes and brackets that end S (the stop of
 * "...said.\u201d" stands before them). */
size_t furniture_unclosed(const char *s, size_t len);

/* Does S end as a sentence does: a stop, or a closing quote or bracket? */
bool furniture_stopped(const char *s, size_t len);

/* The longest credit furniture_shape takes by its "contributed." and the
 * longest line it takes for a contact by its address: plainline.c turns
 * lines away by them. */
#define FURNITURE_CREDIT_LEN 80
#define FURNITURE_CONTACT_LEN 120

/* Does " contributed." end S, of LEN bytes (a credit's end)? */
bool furniture_contributed_end(const char *s, size_t len);

/* A line that is furniture by its shape alone: a clock or a video's
 * length, a separator, a bare "ET" or "AD", a line to follow a social
 * handle, a note that the story was updated or a sign-up, a video's
 * title with its length, a credit ("Jordain Carney contributed."), an
 * embedded post's line of under MOST bytes, a short line giving an e-mail
 * address to write to, an audio player's line ("... reports Listen"), a
 * stamp of when the story was updated ("Updated June 20 at 2:42 p.m.
 * ET"). */
bool furniture_shape(struct furniture_line *l, size_t most);

/* The I-th opening of a site's note that furniture_shape takes ("This
 * story was updated"), or NULL past the last (plainline.c's). */
const char *furniture_note_opening(size_t i);

/* Another story's headline in capitals. */
bool furniture_related_caps(const struct sentence *s);

/* May a line of FACTS be another story's headline in capitals: not
 * ending in a stop or a colon? */
static inline bool
furniture_related_caps_may(unsigned facts)
{
	return (facts & (FURNITURE_ENDS_STOP | FURNITURE_ENDS_COLON)) == 0;
}

/* Another story's headline in capitals that the splitter cut after an
 * abbreviation ("TRUMP LOOKS TO REPLACE SHULKIN WITH ADM.", "RONNY
 * JACKSON AS VA SECRETARY"): the two sentences from S. */
bool furniture_related_caps_cut(const struct sentence *s);

/* A widget's label cut by its ellipsis ("More On This..."). */
bool furniture_cut_label(const struct sentence *s);

/* A live blog entry's signature, a dash and a name ("— Brett Samuels"). */
bool furniture_signature(const struct sentence *s);

/* A name's pop-up card left in the text, as a short line of its own. */
bool furniture_name_card(struct furniture_line *l);

/* May a line of FACTS be a name card: not ending as a sentence does, its
 * last word capitalised? */
static inline bool
furniture_name_card_may(unsigned facts)
{
	return (facts & (FURNITURE_STOPPED | FURNITURE_LAST_UPPER)) ==
	    FURNITURE_LAST_UPPER;
}

/* A shop widget's line: a product and its price. */
bool furniture_shop(struct furniture_line *l);

/* A byline: "By Jane Doe and John Roe, Reuters". */
bool furniture_byline(const struct sentence *s);

/* A name alone, the byline without its "By" ("William Cummings"). */
bool furniture_name(const struct sentence *s);

/* The first line of a video player's box ("CLOSE Hillary Clinton said..."):
 * its paragraph is the box. */
bool furniture_video_box(const struct sentence *s);

/* A short line ending in a web address other than an embedded post's. */
bool furniture_link_line(struct furniture_line *l);

/* The outlet's own name alone ("USA TODAY"): OUTLET, of OUTLET_LEN
 * bytes, or NULL. */
bool furniture_outlet(const struct sentence *s, const char *outlet,
    size_t outlet_len);

#endif
