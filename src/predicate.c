/*
 * predicate: a sentence's main event, found by the form of its words
 * (predicate.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "predicate.h"

/* Sorted.  Words after which the next content word is a verb. */
static const char *const predicate_auxiliaries[] = {
	"am", "are", "be", "been", "being", "can", "could", "did", "do",
	"does", "had", "has", "have", "is", "may", "might", "must", "shall",
	"should", "to", "was", "were", "will", "would",
};

/* Sorted.  Past forms without "-ed" that news copy uses for events. */
static const char *const predicate_irregular[] = {
	"ate", "beat", "became", "began", "bought", "broke", "brought",
	"built", "came", "caught", "chose", "cut", "drew", "drove", "fell",
	"fled", "fought", "found", "gave", "got", "grew", "held", "hit",
	"hung", "kept", "knew", "led", "left", "lost", "made", "meant",
	"met", "paid", "put", "quit", "ran", "rose", "sank", "saw", "sent",
	"set", "shed", "shot", "shut", "sold", "sought", "spent", "split",
	"stood", "struck", "swore", "took", "threw", "thought", "won",
	"wore",
};

/* Sorted.  Words in "-ed" that are no past form. */
static const char *const predicate_not_past[] = {
	"breed", "creed", "greed", "hundred", "kindred", "naked", "sacred",
	"speed", "wicked",
};

/* Sorted.  Articles: "the proposed rule" is a noun's, not an event. */
static const char *const predicate_articles[] = {
	"a", "an", "the",
};

/* Sorted.  Particles of phrasal verbs: "forced out", "stepped down". */
static const char *const predicate_particles[] = {
	"away", "back", "down", "off", "out", "over", "up",
};


/* Sorted.  Adverbs that may stand between an auxiliary and its verb
 * ("had already killed"), besides words in "-ly". */
static const char *const predicate_adverbs[] = {
	"already", "now", "since", "soon", "still",
};

static bool
predicate_adverb(const struct words *w, size_t i)
{
	size_t len = w->items[i].foldlen;

	return (len > 3 && memcmp(words_fold(w, i) + len - 2, "ly", 2) == 0) ||
	    WORDS_IN(w, i, predicate_adverbs);
}

/*
 * Whether word I reads as a verb by its form, AUX if an auxiliary comes
 * before it: not after an article or a figure ("the proposed rule",
 * "two hundred").
 */
static bool
predicate_verb(const struct words *w, size_t i, bool aux)
{
	const char *f = words_fold(w, i);
	size_t len = w->items[i].foldlen;

	if (aux)
		return true;
	if (i > 0 && (WORDS_IN(w, i - 1, predicate_articles) ||
	    (w->items[i - 1].flags & WORD_NUMBER)))
		return false;
	if (len > 4 && memcmp(f + len - 2, "ed", 2) == 0)
		return !WORDS_IN(w, i, predicate_not_past);
	return WORDS_IN(w, i, predicate_irregular);
}

/* Whether word I can be a participant: a content word of the core. */
static bool
predicate_participant(const struct words *w, const unsigned char *role,
    const bool *minor, size_t i)
{
	return !(role[i] & CLAUSE_SIDE) && !minor[i] &&
	    !WORDS_IN(w, i, predicate_auxiliaries) &&
	    !predicate_adverb(w, i);
}

/* The participants of the event at OUT->verb. */
static void
predicate_participants(const struct words *w, const unsigned char *role,
    const bool *minor, struct predicate *out)
{
	size_t i;

	out->subject = out->object = PREDICATE_NONE;
	for (i = out->verb; i > 0; i--) {
		if (predicate_participant(w, role, minor, i - 1)) {
			out->subject = i - 1;
			break;
		}
	}
	i = (out->particle == PREDICATE_NONE ? out->verb : out->particle) + 1;
	for (; i < w->n; i++) {
		if (predicate_participant(w, role, minor, i)) {
			out->object = i;
			break;
		}
	}
}

bool
predicate_find(const struct words *w, const unsigned char *role,
    const bool *minor, struct predicate *out)
{
	size_t i;
	bool aux = false;

	out->verb = out->particle = PREDICATE_NONE;
	out->subject = out->object = PREDICATE_NONE;
	for (i = 0; i < w->n; i++) {
		if (WORDS_IN(w, i, predicate_auxiliaries)) {
			aux = !(role[i] & CLAUSE_SIDE);
			continue;
		}
		/* "added" is a stopword as a verb of saying; in the core
		 * (clause.h) it is the verb of adding: "added 38,000 jobs". */
		if ((minor[i] && strcmp(words_fold(w, i), "added") != 0) ||
		    (aux && predicate_adverb(w, i)))
			continue;
		if (!(role[i] & (CLAUSE_SIDE | CLAUSE_NAME)) &&
		    !(w->items[i].flags & (WORD_CAPITAL | WORD_ACRONYM |
		    WORD_NUMBER)) && predicate_verb(w, i, aux)) {
			/* "expected to use", "quick to reply": the event is
			 * the verb after "to". */
			if (i + 2 < w->n && !(role[i + 2] & CLAUSE_SIDE) &&
			    strcmp(words_fold(w, i + 1), "to") == 0 &&
			    !minor[i + 2] && !(w->items[i + 2].flags &
			    (WORD_CAPITAL | WORD_ACRONYM | WORD_NUMBER)))
				i += 2;
			out->verb = i;
			if (i + 1 < w->n && !(role[i + 1] & CLAUSE_SIDE) &&
			    WORDS_IN(w, i + 1, predicate_particles))
				out->particle = i + 1;
			predicate_participants(w, role, minor, out);
			return true;
		}
		aux = false;
	}
	return false;
}

/* Sorted.  Auxiliaries that make no clause of their own: "and being
 * exposed", "to keep". */
static const char *const predicate_nonfinite[] = {
	"be", "been", "being", "to",
};

bool
predicate_finite(const struct words *w, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		if ((WORDS_IN(w, i, predicate_auxiliaries) &&
		    !WORDS_IN(w, i, predicate_nonfinite)) ||
		    (!(w->items[i].flags & (WORD_CAPITAL | WORD_ACRONYM |
		    WORD_NUMBER)) && predicate_verb(w, i, false)))
			return true;
	}
	return false;
}
