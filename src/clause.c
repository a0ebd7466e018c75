/*
 * clause: the core of a sentence told from what frames it (clause.h).
 *
 * No parser: the sentence is cut into chunks at commas, semicolons,
 * colons, dashes and quotation marks, and a chunk is framing by how it
 * starts, as a reader sees it:
 *   - a relative clause (", who ...", ", which ...");
 *   - a subordinate clause (", after ...", ", while ...", ", as ..."), and
 *     the same at the head of the sentence ("After the vote, ...") along
 *     with a leading phrase of time or place ("In a letter to Neal, ...");
 *   - a participle (", setting the stage for ...", ", citing an audit");
 *   - an attribution (", Trump said at a conference in Pittsburgh";
 *     "according to ..."; the head of "Neal said in a statement that ...",
 *     up to "that");
 *   - an apposition after a name (", a senior fellow at ...");
 *   - an aside in brackets, or between two dashes;
 *   - inside a chunk, opened without a comma, a relative clause that
 *     ends it ("the massacre that left 49 dead") or a subordinate clause
 *     after its verb ("a week after assailants killed him").
 *   - a relative that ends its chunk ("lawmakers who, in a secret vote
 *     Monday, decided to weaken the office"): the chunks after it are its
 *     own, to the end of the one that holds its verb (thirteenth session:
 *     of readings 11a-12b's mixed claims, one held such a clause as the
 *     shared fact).
 * A sentence that is all framing keeps its words' weights as they are
 * (clause.h's caller weighs them against each other), so nothing is lost
 * when the rules misread one.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "fnv.h"
#include "predicate.h"

/* The longest head phrase ("In a 10-page letter to ..., ") and tail
 * attribution read as framing; past it the chunk is likely the fact. */
#define CLAUSE_LEAD_MAX 16
#define CLAUSE_APPOSITION_MAX 12
/* How far into a chunk a reporting verb makes its head an attribution. */
#define CLAUSE_SPEAKER_MAX 7

/* Sorted. */
static const char *const clause_relatives[] = {
	"where", "which", "who", "whom", "whose",
};

/* Sorted.  Subordinating words that open a clause beside the main one. */
static const char *const clause_subordinators[] = {
	"after", "although", "amid", "as", "because", "before", "despite",
	"even", "following", "including", "since", "though", "unless",
	"until", "whereas", "while",
};

/* Sorted.  What opens a head phrase of time, place or circumstance. */
static const char *const clause_leads[] = {
	"according", "after", "although", "amid", "as", "at", "because",
	"before", "despite", "during", "earlier", "following", "in", "last",
	"later", "on", "since", "speaking", "though", "under", "when",
	"while", "with",
};

/* Sorted.  Verbs of saying: what comes with them is who said it. */
static const char *const clause_reporting_verbs[] = {
	"according", "added", "adds", "argued", "argues", "asserted",
	"claimed", "claims", "explained", "insisted", "insists", "noted",
	"said", "says", "stated", "tells", "told", "tweeted", "wrote",
	"writes",
};

/* Sorted.  Short words a name may span: "Ways and Means", "Bank of
 * England". */
static const char *const clause_name_glue[] = {
	"&", "and", "de", "for", "of",
};


unsigned
clause_gap(const char *text, size_t from, size_t to)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned gap = 0;
	size_t i;

	for (i = from; i < to; i++) {
		switch (p[i]) {
		case ',':
			gap |= CLAUSE_GAP_BREAK | CLAUSE_GAP_COMMA;
			break;
		case ';':
			gap |= CLAUSE_GAP_BREAK | CLAUSE_GAP_SEMICOLON;
			break;
		case ':': case '"': case '?': case '!':
			gap |= CLAUSE_GAP_BREAK;
			break;
		case '(': case '[':
			gap |= CLAUSE_GAP_OPEN;
			break;
		case ')': case ']':
			gap |= CLAUSE_GAP_CLOSE;
			break;
		case '-':
			if (i + 1 < to && p[i + 1] == '-')
				gap |= CLAUSE_GAP_DASH;
			break;
		case 0xe2:
			/* U+2013, U+2014 dashes; U+201C, U+201D quotes. */
			if (i + 2 < to && p[i + 1] == 0x80 &&
			    (p[i + 2] == 0x93 || p[i + 2] == 0x94))
				gap |= CLAUSE_GAP_DASH;
			else if (i + 2 < to && p[i + 1] == 0x80 &&
			    (p[i + 2] == 0x9c || p[i + 2] == 0x9d))
				gap |= CLAUSE_GAP_BREAK;
			break;
		default:
			break;
		}
	}
	return gap;
}

static bool
clause_capital(const struct words *w, size_t i)
{
	return (w->items[i].flags & (WORD_CAPITAL | WORD_ACRONYM)) != 0;
}

/* Marks words FROM to TO (exclusive) as framing. */
static void
clause_side(unsigned char *role, size_t from, size_t to)
{
	for (; from < to; from++)
		role[from] |= CLAUSE_SIDE;
}

/*
 * Reads the chunk of words FROM to TO, the NTH of the sentence, LAST if
 * none follows; BEFORE and AFTER are the gaps that bound it.
 */
/* Whether word I is a participle opening a clause: "setting", "citing". */
static bool
clause_participle(const struct words *w, size_t i)
{
	size_t len = w->items[i].foldlen;

	return !(w->items[i].flags & WORD_CAPITAL) && len > 4 &&
	    memcmp(words_fold(w, i) + len - 3, "ing", 3) == 0;
}

/* Sorted.  Words that open a sentence, capitalised there, and are no
 * name: "Meanwhile, the jobless rate rose" has no apposition. */
static const char *const clause_connectives[] = {
	"again", "also", "finally", "first", "furthermore", "however",
	"indeed", "instead", "later", "likewise", "meanwhile", "moreover",
	"nevertheless", "nonetheless", "now", "overall", "separately",
	"similarly", "still", "then", "today", "yesterday",
};

/* Whether the chunk opening at word I after a name is an apposition:
 * "Andrew Light, a senior fellow at ...". */
static bool
clause_apposition(const struct words *w, size_t i, size_t len)
{
	const char *f = words_fold(w, i);

	return len <= CLAUSE_APPOSITION_MAX && i > 0 &&
	    clause_capital(w, i - 1) && !(i == 1 &&
	    WORDS_IN(w, 0, clause_connectives)) && (strcmp(f, "a") == 0 ||
	    strcmp(f, "an") == 0 || strcmp(f, "the") == 0 ||
	    strcmp(f, "former") == 0);
}

/* How far past "added" a figure makes it the verb of adding. */
#define CLAUSE_ADDED_FIGURE 3

bool
clause_reporting(const struct words *w, size_t i)
{
	return WORDS_IN(w, i, clause_reporting_verbs);
}

/*
 * Whether word I, a reporting verb, says that someone spoke: "added" and
 * "adds" followed by a figure before any "that" add it ("Restaurants and
 * bars added 38,000 jobs", "the economy added more than 300,000"), and
 * the sentence names no speaker.
 */
static bool
clause_says(const struct words *w, size_t i, size_t to)
{
	const char *f = words_fold(w, i);
	size_t k;

	if (strcmp(f, "added") != 0 && strcmp(f, "adds") != 0)
		return true;
	for (k = i + 1; k < to && k <= i + CLAUSE_ADDED_FIGURE; k++) {
		if (w->items[k].flags & WORD_NUMBER)
			return false;
		if (strcmp(words_fold(w, k), "that") == 0)
			break;
	}
	return true;
}

/*
 * Marks the attribution in the chunk of words FROM to TO, the NTH of the
 * sentence, if a reporting verb opens it, and keeps the first such verb
 * in *VERB.  Whether it found one.
 */
static bool
clause_attribution(const struct words *w, unsigned char *role, size_t from,
    size_t to, size_t nth, size_t *verb)
{
	size_t i, k;

	for (i = from; i < to && i < from + CLAUSE_SPEAKER_MAX; i++) {
		if (!clause_reporting(w, i) || !clause_says(w, i, to))
			continue;
		if (*verb == SIZE_MAX)
			*verb = i;
		if (strcmp(words_fold(w, i), "according") == 0) {
			clause_side(role, i, to);
			return true;
		}
		/* "Neal said in a statement Tuesday that ...": the fact
		 * follows "that"; ", Trump said at a conference": none does. */
		for (k = i + 1; k < to && k <= i + 6; k++) {
			if (strcmp(words_fold(w, k), "that") == 0) {
				clause_side(role, from, k + 1);
				return true;
			}
		}
		clause_side(role, from, nth > 0 ? to : i + 1);
		return true;
	}
	return false;
}

/* Sorted.  Relatives that open a clause with its verb at once, without a
 * comma: "the massacre that left 49 dead". */
static const char *const clause_inner_relatives[] = {
	"that", "which", "who",
};

/* Sorted.  Subordinators that open a clause inside a chunk: "for a week
 * after assailants killed the ambassador". */
static const char *const clause_inner_subordinators[] = {
	"after", "although", "because", "before", "since", "though",
	"unless", "until", "whereas", "while",
};

/* Sorted.  Words after "since" or "after" that open no clause: "has
 * since been deleted", "since then". */
static const char *const clause_no_subject[] = {
	"been", "being", "then",
};

/* Whether word I can open a clause's subject: no verb, participle or
 * adverb ("after assailants killed", not "while reporting data"). */
static bool
clause_subject(const struct words *w, size_t i)
{
	return !predicate_finite(w, i, i + 1) && !clause_participle(w, i) &&
	    !WORDS_IN(w, i, clause_no_subject);
}

/*
 * Marks a side clause the chunk of words FROM to TO holds past its head,
 * opened without a comma: a relative whose verb follows it at once
 * (predicate.h reads verbs by their form), when no verb follows that one
 * in the chunk ("the assault that killed the ambassador"; in "the man
 * who shot them was arrested" the clause is the subject's, and "was
 * arrested" the fact), or a subordinate clause with a subject and a verb
 * of its own after the chunk's verb ("used the film explanation for a
 * week after assailants killed him"; not "has since been deleted" nor
 * "while reporting data").  The fact is the chunk's head; the clause
 * says which one, or when.
 */
static void
clause_inner(const struct words *w, unsigned char *role, size_t from,
    size_t to)
{
	size_t k;

	for (k = from + 2; k + 1 < to; k++) {
		/* Most words open no clause: told by length and first
		 * letter before the lists are searched (the lists' search
		 * was 2.4% of linking's instructions). */
		if (w->items[k].foldlen < 3 || w->items[k].foldlen > 8 ||
		    strchr("abstuw", *words_fold(w, k)) == NULL)
			continue;
		if ((WORDS_IN(w, k, clause_inner_relatives) &&
		    !clause_reporting(w, k - 1) &&
		    !predicate_finite(w, k - 1, k) &&
		    predicate_finite(w, k + 1, k + 2) &&
		    !predicate_finite(w, k + 2, to)) ||
		    (WORDS_IN(w, k, clause_inner_subordinators) &&
		    predicate_finite(w, from, k) &&
		    clause_subject(w, k + 1) &&
		    predicate_finite(w, k + 2, to))) {
			clause_side(role, k, to);
			return;
		}
	}
}

/*
 * Reads the chunk of words FROM to TO, the NTH of the sentence, LAST if
 * none follows; BEFORE and AFTER are the gaps that bound it.  *VERB is
 * the first reporting verb of the sentence, SIZE_MAX until one is seen.
 */
static void
clause_chunk(const struct words *w, unsigned char *role, size_t from,
    size_t to, size_t nth, bool last, unsigned before, unsigned after,
    size_t *verb)
{
	if (nth == 0 && !last && to - from <= CLAUSE_LEAD_MAX &&
	    WORDS_IN(w, from, clause_leads))
		clause_side(role, from, to);
	else if (nth > 0 && (WORDS_IN(w, from, clause_relatives) ||
	    WORDS_IN(w, from, clause_subordinators) ||
	    ((before & CLAUSE_GAP_DASH) && (after & CLAUSE_GAP_DASH))))
		clause_side(role, from, to);
	else if (clause_attribution(w, role, from, to, nth, verb))
		clause_inner(w, role, from, to);
	else if (nth > 0 && (clause_participle(w, from) ||
	    clause_apposition(w, from, to - from)))
		clause_side(role, from, to);
	else
		clause_inner(w, role, from, to);
}

/* Marks the words of names of two or more capitalised words. */
static void
clause_names(const char *text, const struct words *w, unsigned char *role)
{
	size_t i, j;

	for (i = 0; i + 1 < w->n; i++) {
		if (!clause_capital(w, i))
			continue;
		j = i + 1;
		if (j + 1 < w->n && WORDS_IN(w, j, clause_name_glue) &&
		    clause_capital(w, j + 1))
			j++;
		if (!clause_capital(w, j) || clause_gap(text,
		    w->items[i].end, w->items[j].start) != 0)
			continue;
		role[i] |= CLAUSE_NAME;
		role[j] |= CLAUSE_NAME;
	}
}

/* Sorted.  Who a reader cannot tell from the sentence alone. */
static const char *const clause_pronouns[] = {
	"he", "i", "it", "she", "that", "they", "this", "we", "which", "who",
	"you",
};

/* A hash of word I's folded form, in 1..CLAUSE_SPEAKER_MASK. */
static uint32_t
clause_hash(const struct words *w, size_t i)
{
	return (uint32_t)(fnv_bytes(FNV_BASIS, words_fold(w, i),
	    w->items[i].foldlen) % CLAUSE_SPEAKER_MASK) + 1;
}

/*
 * The speaker of the attribution whose verb is word VERB: the nearest
 * capitalised word before it ("Secretary of State Mike Pompeo said",
 * "Pompeo wrote"), else the nearest other word ("the aide says",
 * "economists said"); after it when it opens its clause ("said Andrew
 * Light", "according to NASA"), the last word of the name that follows.
 * 0 for a pronoun or none.
 */
static uint32_t
clause_speaker(const struct words *w, const unsigned char *role,
    size_t verb)
{
	size_t i, k;

	for (i = verb, k = 0; i > 0 && k < 4 && (role[i - 1] & CLAUSE_SIDE);
	    i--, k++) {
		if (clause_capital(w, i - 1))
			return clause_hash(w, i - 1);
	}
	if (verb > 0 && (role[verb - 1] & CLAUSE_SIDE)) {
		if (WORDS_IN(w, verb - 1, clause_pronouns))
			return 0;
		return clause_hash(w, verb - 1);
	}
	i = verb + 1;
	if (i < w->n && strcmp(words_fold(w, i), "to") == 0)
		i++;
	if (i < w->n && strcmp(words_fold(w, i), "the") == 0)
		i++;
	if (i >= w->n || !clause_capital(w, i))
		return 0;
	while (i + 1 < w->n && clause_capital(w, i + 1) &&
	    (role[i + 1] & CLAUSE_NAME))
		i++;
	return clause_hash(w, i);
}

/*
 * Reads the chunk of words FROM to TO (clause_chunk), or marks it framing
 * when *OPEN, after a relative that ends the chunk before it ("GOP
 * lawmakers who, in a secret vote Monday, decided to change the rules":
 * the relative's words run to the end of the chunk that holds its verb).
 */
static void
clause_next(const struct words *w, unsigned char *role, size_t from,
    size_t to, size_t nth, bool last, unsigned before, unsigned after,
    size_t *verb, bool *open)
{
	if (*open) {
		clause_side(role, from, to);
		*open = !predicate_finite(w, from, to);
		return;
	}
	clause_chunk(w, role, from, to, nth, last, before, after, verb);
	*open = !last && WORDS_IN(w, to - 1, clause_relatives);
	if (*open)
		role[to - 1] |= CLAUSE_SIDE;
}

uint32_t
clause_roles(const char *text, const struct words *w, unsigned char *role)
{
	size_t i, from = 0, nth = 0, depth = 0, verb = SIZE_MAX;
	unsigned gap, before = 0;
	bool open = false;

	memset(role, 0, w->n);
	clause_names(text, w, role);
	for (i = 0; i < w->n; i++) {
		gap = i == 0 ? 0 : clause_gap(text, w->items[i - 1].end,
		    w->items[i].start);
		if (gap & CLAUSE_GAP_CLOSE && depth > 0)
			depth--;
		if (gap & CLAUSE_GAP_OPEN)
			depth++;
		if (depth > 0)
			role[i] |= CLAUSE_SIDE;
		if (i > from && (gap & (CLAUSE_GAP_BREAK | CLAUSE_GAP_DASH))) {
			clause_next(w, role, from, i, nth++, false, before,
			    gap, &verb, &open);
			from = i;
			before = gap;
		}
	}
	if (from < w->n)
		clause_next(w, role, from, w->n, nth, true, before, 0,
		    &verb, &open);
	return verb == SIZE_MAX ? 0 : clause_speaker(w, role, verb);
}
