#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "call.h"
#include "furniture.h"
#include "note.h"
#include "plainline.h"
#include "sitephrase.h"
#include "xalloc.h"

/*
 * A rule boilerplate.c asks of every sentence, or one of the shapes or
 * phrases such a rule looks for: the openings a line it marks may have,
 * in lowercase (a line is compared in any case), and the facts without
 * which it marks none.  OPENINGS lists them; FROM gives them from the
 * rule's own table, the I-th or NULL past the last.  An opening shorter
 * than PLAINLINE_MIN bytes stands for every line that opens so.
 */
struct plainline_rule {
	const char *name;	/* the function, as the rules' callers name it */
	const char *const *openings;	/* NULL-terminated, or NULL */
	const char *(*from)(size_t i);
	unsigned needs;		/* PLAINLINE_* */
};

static const char *const plainline_stamp[] = { "updated ", NULL };
static const char *const plainline_follow[] = { "follow ", NULL };
static const char *const plainline_post[] = { "posted by ", NULL };
static const char *const plainline_photograph[] = { "photograph:", NULL };
static const char *const plainline_hide[] = { "hide caption ", NULL };
static const char *const plainline_video_box[] = {
	"close ", "politico dispatch: ", NULL
};

/*
 * Every rule, and why a plain line is none of its.  A line opening with a
 * double quote before a letter is looked up by no opening: none of the
 * rules' openings is a quote (plainline_build refuses one).
 */
static const struct plainline_rule plainline_rules[] = {
	/* The clutter and furniture phrases at a sentence's start (past a
	 * list bullet, which opens with a mark) or anywhere in it. */
	{ "sitephrase_read", NULL, sitephrase_opening,
	    PLAINLINE_OPENS_MARK | PLAINLINE_PHRASE },
	/* sitephrase_read's shapes (furniture_shape), each a rule: */
	{ "furniture_audio", NULL, NULL, PLAINLINE_UNSTOPPED },
	{ "furniture_contact", NULL, NULL, PLAINLINE_AT },
	{ "furniture_stamp", plainline_stamp, NULL, 0 },
	/* Its bare "ET", "AD" and "ET." */
	{ "furniture_shape", NULL, NULL, PLAINLINE_SHORT },
	{ "furniture_note", NULL, furniture_note_opening, 0 },
	{ "furniture_clock", NULL, NULL, PLAINLINE_OPENS_MARK },
	/* "6 years ago": a number first, no stop last. */
	{ "furniture_age", NULL, NULL,
	    PLAINLINE_OPENS_MARK | PLAINLINE_UNSTOPPED },
	{ "furniture_separator", NULL, NULL, PLAINLINE_OPENS_MARK },
	{ "furniture_follow", plainline_follow, NULL, PLAINLINE_OPENS_MARK },
	/* A clock ends it, in brackets or not. */
	{ "furniture_video", NULL, NULL, PLAINLINE_UNSTOPPED },
	{ "furniture_contributed", NULL, NULL, PLAINLINE_CONTRIBUTED },
	{ "furniture_post", plainline_post, NULL, PLAINLINE_OPENS_MARK },
	/* Neither ends as a sentence does. */
	{ "furniture_name_card", NULL, NULL, PLAINLINE_UNSTOPPED },
	{ "caption_credit_line", NULL, NULL, PLAINLINE_UNSTOPPED },
	{ "caption_pictured", NULL, NULL, PLAINLINE_UNSTOPPED },
	/* In brackets or after a bar, "Photograph:", or an agency in
	 * capitals and a slash, not ending in a stop. */
	{ "caption_credit", plainline_photograph, NULL,
	    PLAINLINE_OPENS_MARK | PLAINLINE_CAPS_UNSTOPPED },
	{ "furniture_link_line", NULL, NULL, PLAINLINE_LINK_END },
	{ "furniture_outlet", NULL, NULL, PLAINLINE_OUTLET_LEN },
	/* " Read more" ends it. */
	{ "boilerplate_read_more", NULL, NULL, PLAINLINE_UNSTOPPED },
	{ "call_pointer", NULL, call_opening, 0 },
	{ "call_outlet", NULL, call_opening, 0 },
	{ "boilerplate_gallery_close", plainline_hide, NULL, 0 },
	/* Asked of a paragraph's first line. */
	{ "furniture_video_box", plainline_video_box, NULL, 0 },
	{ "note_text", NULL, note_text_opening, 0 },
	/* Asked of its last. */
	{ "note_bio_end", NULL, note_bio_end_opening, PLAINLINE_OWN_END }
};

#define PLAINLINE_NRULES (sizeof plainline_rules / sizeof *plainline_rules)

static struct plainline_gate plainline_the_gate;
static pthread_once_t plainline_once = PTHREAD_ONCE_INIT;

static void
plainline_key_set(uint64_t *keys, unsigned k)
{
	keys[k / 64] |= (uint64_t)1 << (k % 64);
}

/* Adds the opening TEXT of rule R to G's keys. */
static void
plainline_add(struct plainline_gate *g, const struct plainline_rule *r,
    const char *text)
{
	size_t len = strlen(text);

	/* A quoted line is never looked up, and a line opening with a
	 * mark only when a rule says it may be marked then. */
	if (text[0] == '"' || (unsigned char)text[0] == 0xe2 ||
	    (!ascii_is_alpha(text[0]) && (r->needs & PLAINLINE_OPENS_MARK) == 0))
		fatal("plainline: %s: the opening \"%s\" needs a mark's fact",
		    r->name, text);
	if (!ascii_is_alpha(text[0]))
		return;
	if (len >= PLAINLINE_MIN)
		plainline_key_set(g->long_keys, plainline_long_key(text));
	else if (len >= 4)
		plainline_key_set(g->short_keys, plainline_short_key(text));
	else
		fatal("plainline: %s: the opening \"%s\" is under four bytes",
		    r->name, text);
}

static void
plainline_build(void)
{
	struct plainline_gate *g = &plainline_the_gate;
	const struct plainline_rule *r;
	const char *text;
	size_t i;

	for (r = plainline_rules; r < plainline_rules + PLAINLINE_NRULES; r++) {
		g->needs |= r->needs;
		for (i = 0; r->openings != NULL && r->openings[i] != NULL; i++)
			plainline_add(g, r, r->openings[i]);
		for (i = 0; r->from != NULL && (text = r->from(i)) != NULL; i++)
			plainline_add(g, r, text);
	}
}

const struct plainline_gate *
plainline_gate(void)
{
	pthread_once(&plainline_once, plainline_build);
	return &plainline_the_gate;
}

const char *
plainline_rule(size_t i)
{
	return i < PLAINLINE_NRULES ? plainline_rules[i].name : NULL;
}
