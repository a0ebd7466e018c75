/*
 * unit: cutting a sentence into the units it states (unit.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "document.h"
#include "predicate.h"
#include "unit.h"

/* Least words in a unit, and in the piece of it before ", and". */
#define UNIT_LEAST 5
#define UNIT_CHUNK_LEAST 3

/* Sorted.  Conjunctions that, after a comma, may open a second clause. */
static const char *const unit_conjunctions[] = {
	"and", "but", "whereas", "while", "yet",
};

/* Sorted.  Words that open a clause's subject: "and the rate fell",
 * "but he said". */
static const char *const unit_subjects[] = {
	"a", "an", "he", "her", "his", "i", "it", "its", "many", "most",
	"our", "she", "some", "the", "their", "there", "these", "they",
	"this", "those", "we", "you",
};

/* Whether words FROM to TO of W hold a verb: of saying, or by its form. */
static bool
unit_verb(const struct words *w, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (clause_reporting(w, i))
			return true;
	}
	return predicate_finite(w, from, to);
}

/* Whether a break or a dash stands between words K - 1 and K of TEXT. */
static bool
unit_break_before(const char *text, const struct words *w, size_t k)
{
	return (clause_gap(text, w->items[k - 1].end, w->items[k].start) &
	    (CLAUSE_GAP_BREAK | CLAUSE_GAP_DASH)) != 0;
}

/* Where the clause of TEXT opening at word I ends: the next break. */
static size_t
unit_clause_end(const char *text, const struct words *w, size_t i)
{
	for (i++; i < w->n && !unit_break_before(text, w, i); i++)
		continue;
	return i;
}

/* How many words of TEXT before word I follow the last break: one or
 * two are the last items of a list ("steel, aluminum, and Chinese
 * goods"). */
static size_t
unit_chunk(const char *text, const struct words *w, size_t i)
{
	size_t k;

	for (k = i - 1; k > 0 && !unit_break_before(text, w, k); k--)
		continue;
	return i - k;
}

/* Sorted.  Words that open a clause inside another: a second verb after
 * "when Russia annexed Crimea and" is still the side clause's. */
static const char *const unit_subordinate[] = {
	"after", "although", "as", "because", "before", "if", "since",
	"that", "though", "unless", "until", "when", "where", "whether",
	"which", "while", "who", "whom", "whose",
};

/* Sorted.  Adverbs between "and" and the verb it coordinates: "and
 * later said", "and then left". */
static const char *const unit_adverbs[] = {
	"also", "at", "first", "later", "now", "since", "still", "then",
};

/*
 * Whether words FROM to I of TEXT (split into W) report what someone said
 * with "that" ("Bolton says that Trump sought Xi's help") or with a
 * clause of its own ("Biden said he would choose from six or seven
 * people"), so that "and that" at I opens a second thing said, a fact of
 * its own: "..., and that Trump said Xi should go ahead with building the
 * camps".  Not a list of them ("that A, that B and that C" stays one, as
 * lists do), nor "all of that".
 */
static bool
unit_said_that(const char *text, const struct words *w, size_t from,
    size_t i)
{
	size_t k, that = 0, said = SIZE_MAX;

	for (k = from; k < i; k++) {
		if (strcmp(words_fold(w, k), "that") != 0) {
			if (said == SIZE_MAX && clause_reporting(w, k))
				said = k;
			continue;
		}
		if (that != 0 && (clause_gap(text, w->items[k - 1].end,
		    w->items[k].start) & CLAUSE_GAP_COMMA))
			return false;
		if (that == 0 && said != SIZE_MAX &&
		    strcmp(words_fold(w, k - 1), "of"))
			that = k;
	}
	return that != 0 || (said != SIZE_MAX &&
	    predicate_finite(w, said + 1, i));
}

/*
 * Where the unit opened by the gap GAP before word I begins, if a new
 * clause or predicate opens there, else 0: I after a semicolon; past the
 * conjunction after a comma when a subject and a verb follow; past "and"
 * or "but", with or without a comma, when a verb follows at once (its
 * subject is the first unit's: "He has denied the affairs, and at first
 * expressed ignorance over the payments"), or when "that" follows it in a
 * unit, opened at FROM, that reports with "that" what was said (its
 * second "that" clause).
 */
static size_t
unit_opens(const char *text, const struct words *w, size_t from, size_t i,
    unsigned gap)
{
	size_t k, chunk;

	if (gap & CLAUSE_GAP_SEMICOLON)
		return unit_verb(w, i, unit_clause_end(text, w, i)) ? i : 0;
	/* Most words are no conjunction: told by length and first letter
	 * before the list is searched (3% of linking's instructions). */
	if (i + 1 >= w->n || w->items[i].foldlen < 3 ||
	    w->items[i].foldlen > 7 || strchr("abwy", *words_fold(w, i)) ==
	    NULL || !WORDS_IN(w, i, unit_conjunctions) ||
	    (gap & ~(unsigned)CLAUSE_GAP_COMMA & ~(unsigned)CLAUSE_GAP_BREAK))
		return 0;
	chunk = unit_chunk(text, w, i);
	if ((gap & CLAUSE_GAP_COMMA) && chunk < UNIT_CHUNK_LEAST)
		return 0;
	for (k = i + 1; k + 1 < w->n && k < i + 3 &&
	    WORDS_IN(w, k, unit_adverbs); k++)
		continue;
	if (k < w->n && (strcmp(words_fold(w, i), "and") == 0 ||
	    strcmp(words_fold(w, i), "but") == 0)) {
		if (unit_verb(w, k, k + 1))
			return WORDS_IN(w, i - chunk, unit_subordinate) ?
			    0 : i + 1;
		if (strcmp(words_fold(w, k), "that") == 0 &&
		    unit_verb(w, k + 1, w->n) &&
		    unit_said_that(text, w, from, i))
			return k;
	}
	if (!(gap & CLAUSE_GAP_COMMA) || (!WORDS_IN(w, i + 1, unit_subjects) &&
	    !(w->items[i + 1].flags & (WORD_CAPITAL | WORD_ACRONYM |
	    WORD_NUMBER))))
		return 0;
	return unit_verb(w, i + 1, unit_clause_end(text, w, i + 1)) ?
	    i + 1 : 0;
}

size_t
unit_cut(const char *text, const struct words *w,
    const struct span *quotes, size_t nquotes, unsigned char *role,
    struct unit *unit)
{
	size_t i, k, n = 0, depth = 0;
	unsigned gap;
	bool roles = false;

	unit[0].from = 0;
	for (i = 1; i < w->n && n + 1 < UNIT_MAX; i++) {
		gap = clause_gap(text, w->items[i - 1].end, w->items[i].start);
		if (gap & CLAUSE_GAP_CLOSE && depth > 0)
			depth--;
		if (gap & CLAUSE_GAP_OPEN)
			depth++;
		if (depth > 0 || i - unit[n].from < UNIT_LEAST ||
		    (k = unit_opens(text, w, unit[n].from, i, gap)) == 0 ||
		    w->n - k < UNIT_LEAST ||
		    document_spans_contain(quotes, nquotes,
		    w->items[i].start) ||
		    !unit_verb(w, unit[n].from, i))
			continue;
		/* Read only once a cut is likely: most sentences have none. */
		if (!roles)
			clause_roles(text, w, role);
		roles = true;
		if (role[i] & CLAUSE_SIDE)
			continue;
		unit[n++].to = i;
		unit[n].from = k;
	}
	unit[n].to = w->n;
	return n + 1;
}
