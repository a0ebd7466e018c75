#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "matcher.h"
#include "phrasebook.h"
#include "taxonomy.h"
#include "xalloc.h"

/*
 * The taxonomy's offices while a book is built: most keywords end in a
 * word no office of its length begins as it does, and the rest need
 * compare only with the offices of their last word's length.
 */
struct phrasebook_offices {
	const struct taxonomy *tax;
	uint32_t letters[64];	/* per length N: bit (C & 31) for an office
				 * of N bytes that begins with letter C,
				 * either case.  A length and a first letter
				 * apart ruled out too few keywords: the
				 * offices' lengths and letters cover most
				 * words, and each keyword left compared
				 * with every office. */
	size_t *lens;		/* each office's */
};

/*
 * Whether a phrase of KIND and TEXT backs others beyond its own topic's
 * subtree (a parent's subtopics, a source's other sentences): a keyword of
 * two words or more that needs no backing.  A single word, or an
 * ambiguous one its sentence backs, is too often the near sense that the
 * whole story shares ("debt" in a budget story, "testimony" to a council).
 */
static bool
phrasebook_firm(enum phrase_kind kind, const char *text)
{
	return kind == PHRASE_KEYWORD && strchr(text, ' ') != NULL;
}

/*
 * Whether a phrase of KIND and TEXT names an office or a member of a body:
 * a keyword whose last word is one of the taxonomy's offices
 * ("president", "committee chair*", "soldier*").
 */
static bool
phrasebook_office(const struct phrasebook_offices *of, enum phrase_kind kind,
    const char *text)
{
	const char *last = strrchr(text, ' ');
	size_t i, len;

	if (kind == PHRASE_EXCLUDE)
		return false;
	last = last != NULL ? last + 1 : text;
	len = strlen(last);
	if (len >= 64 ||
	    !(of->letters[len] >> ((unsigned char)*last & 0x1f) & 1))
		return false;
	/* Bit 5 set, letters compare as lower case (and other bytes as
	 * well as they are): a first byte that differs so rules the
	 * office out without a call. */
	for (i = 0; i < of->tax->noffices; i++)
		if (of->lens[i] == len &&
		    (of->tax->offices[i][0] | 0x20) == (*last | 0x20) &&
		    strcasecmp(of->tax->offices[i], last) == 0)
			return true;
	return false;
}

/*
 * Whether office phrase TEXT names one of TAX's heads (rule 13): its last
 * word is one, ignoring case.  Few phrases are offices, and the taxonomy
 * lists few heads.
 */
static bool
phrasebook_head(const struct taxonomy *tax, const char *text)
{
	const char *last = strrchr(text, ' ');
	size_t i;

	last = last != NULL ? last + 1 : text;
	for (i = 0; i < tax->nheads; i++)
		if (strcasecmp(tax->heads[i], last) == 0)
			return true;
	return false;
}

/*
 * Whether a phrase of KIND and TEXT of TOPIC names a place or a people
 * (rule 10): a plain keyword of one word, written with a capital and not
 * all in capitals ("Mexico", "Israeli*", not "UK"), of a topic the
 * taxonomy's places list.
 */
static bool
phrasebook_place(const struct taxonomy *tax, size_t topic,
    enum phrase_kind kind, const char *text)
{
	const char *c;
	bool lower = false;

	if (kind != PHRASE_KEYWORD || !tax->topics[topic].place ||
	    *text < 'A' || *text > 'Z')
		return false;
	for (c = text; *c != '\0'; c++) {
		if (*c == ' ')
			return false;
		lower |= *c >= 'a' && *c <= 'z';
	}
	return lower;
}

/*
 * Whether a phrase of KIND and TEXT (STATED: opened by "{state}") names an
 * office or a body of a U.S. state: a keyword opened by a state's name or
 * by the word "state" as written ("{state} House of Representatives",
 * "state Senate"), not "State Department".
 */
static bool
phrasebook_state_body(enum phrase_kind kind, const char *text, bool stated)
{
	return kind != PHRASE_EXCLUDE && (stated ||
	    (text[0] == 's' && strncmp(text, "state ", 6) == 0));
}

/* The first letters (ignoring case) of TAX's offices, by length. */
static void
phrasebook_offices_init(struct phrasebook_offices *of,
    const struct taxonomy *tax)
{
	const char *o;
	size_t i, len;

	memset(of, 0, sizeof *of);
	of->tax = tax;
	of->lens = xreallocarray(NULL, tax->noffices + 1, sizeof *of->lens);
	for (i = 0; i < tax->noffices; i++) {
		o = tax->offices[i];
		len = of->lens[i] = strlen(o);
		if (len < 64)
			of->letters[len] |=
			    (uint32_t)1 << ((unsigned char)*o & 0x1f);
	}
}

/* Adds LIST[0..N) of TOPIC, phrases of KIND, to BOOK. */
static void
phrasebook_add(struct phrasebook *book, const struct phrasebook_offices *of,
    size_t topic, char **list, size_t n, enum matcher_case mode,
    enum phrase_kind kind)
{
	struct phrase *p;
	const char *compiled;
	size_t i, id;

	for (i = 0; i < n; i++) {
		/* "{state} attorney general": the matcher looks for the
		 * office, the tagger for the state's name before it. */
		compiled = list[i];
		if (*compiled == '{' && of->tax->nstates != 0 &&
		    strncmp(compiled, TAXONOMY_STATE " ",
		    TAXONOMY_STATE_LEN + 1) == 0)
			compiled += TAXONOMY_STATE_LEN + 1;
		id = matcher_add(book->matcher, compiled, strlen(compiled),
		    mode);
		p = &book->phrases[id];
		p->topic = topic;
		p->text = list[i];
		p->kind = kind;
		p->stated = compiled != list[i];
		book->nstated += p->stated;
		p->state_body = phrasebook_state_body(kind, list[i],
		    p->stated);
		book->nstate_bodies += p->state_body;
		p->firm = phrasebook_firm(kind, list[i]);
		p->office = phrasebook_office(of, kind, list[i]);
		book->noffices += p->office;
		p->heads = p->office && phrasebook_head(of->tax, list[i]);
		p->place = phrasebook_place(of->tax, topic, kind, list[i]);
		book->nplaces += p->place;
		book->nphrases = id + 1;
	}
}

struct phrasebook *
phrasebook_new(const struct taxonomy *tax)
{
	struct phrasebook *book = xcalloc(1, sizeof *book);
	struct phrasebook_offices of;
	const struct topic *t;
	size_t i, n = 0;

	/* Every table sized once: the phrases are counted before they
	 * are added. */
	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		n += t->nkeywords + t->nmatch_case + t->nambiguous +
		    t->nexclude;
	}
	book->phrases = xreallocarray(NULL, n + 1, sizeof *book->phrases);
	book->matcher = matcher_new();
	matcher_reserve(book->matcher, n);
	phrasebook_offices_init(&of, tax);
	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		phrasebook_add(book, &of, i, t->keywords, t->nkeywords,
		    MATCHER_FOLD, PHRASE_KEYWORD);
		phrasebook_add(book, &of, i, t->match_case, t->nmatch_case,
		    MATCHER_EXACT, PHRASE_KEYWORD);
		phrasebook_add(book, &of, i, t->ambiguous, t->nambiguous,
		    MATCHER_FOLD, PHRASE_AMBIGUOUS);
		phrasebook_add(book, &of, i, t->exclude, t->nexclude,
		    MATCHER_FOLD, PHRASE_EXCLUDE);
	}
	free(of.lens);
	return book;
}

void
phrasebook_free(struct phrasebook *book)
{
	if (book == NULL)
		return;
	matcher_free(book->matcher);
	free(book->phrases);
	free(book);
}
