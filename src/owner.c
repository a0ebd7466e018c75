#include "config.h"

#include <stdbool.h>
#include <stddef.h>

#include "ascii.h"
#include "namepart.h"
#include "owner.h"
#include "phrasebook.h"
#include "taxonomy.h"

/* Whether topics A and B are one, or one is the other's ancestor. */
static bool
owner_kin(const struct owner *o, size_t a, size_t b)
{
	return (b >= a && b < o->subtree_end[a]) ||
	    (a > b && a < o->subtree_end[b]);
}

/* Whether phrase P is a name: written with a capital, or opened by
 * "{state}", a state's name (rule 11). */
static bool
owner_name(const struct phrase *p)
{
	return p->stated || (p->text[0] >= 'A' && p->text[0] <= 'Z');
}

/* Whether a hit of HITS[0, NHITS) that starts at AT names a place (a
 * topic of the taxonomy's places) or a body of TOPIC's kin: a body an
 * office of TOPIC is "of" in its own sense ("president of Mexico",
 * "president of the United States" where that is a keyword of its own). */
static bool
owner_own_body(const struct owner *o, const struct hit *hits, size_t nhits,
    size_t at, size_t topic)
{
	const struct phrase *q;
	size_t i;

	for (i = 0; i < nhits; i++) {
		q = &o->book->phrases[hits[i].phrase];
		if (hits[i].start == at && q->kind != PHRASE_EXCLUDE &&
		    (o->tax->topics[q->topic].place ||
		    owner_kin(o, topic, q->topic)))
			return true;
	}
	return false;
}

/*
 * Rule 9: whether office hit H belongs to another body than its topic's,
 * named by a keyword written with a capital of a topic not its kin: the
 * name begins before the office and ends inside it
 * ("Republican National Committee Chairman" is the party's, not a
 * congressional committee's; "vote for president" ends with it and is
 * no owner), or "of the" and the name follow it ("a soldier of the
 * Islamic State").  Rule 13: an office that heads bodies of every kind
 * belongs to the one "of the" and a word in lower case begin ("the
 * president of the agents' union", "president of the conservative
 * Heritage Foundation"), which is no name of the taxonomy's, or "of"
 * (and "the") and a word with a capital, unless a place or a keyword of
 * its own topic's kin begins there ("president of American Bridge" and
 * "of the U.S. Chamber of Commerce", not "of Mexico"); an office that
 * heads one kind only keeps its own there ("the governor of the state").
 */
static bool
owner_office_elsewhere(const struct owner *o, const char *text, size_t len,
    const struct hit *hits, size_t nhits, const struct hit *h)
{
	const struct phrase *p = &o->book->phrases[h->phrase], *q;
	bool the;
	size_t i, body = namepart_of(text, len, h->end, &the);
	size_t name = the ? body : len;

	if (p->heads && body < len && ((the && ascii_is_lower(text[body])) ||
	    (ascii_is_upper(text[body]) &&
	    !owner_own_body(o, hits, nhits, body, p->topic))))
		return true;
	for (i = 0; i < nhits; i++) {
		q = &o->book->phrases[hits[i].phrase];
		if (q->kind == PHRASE_EXCLUDE || !owner_name(q) ||
		    owner_kin(o, p->topic, q->topic))
			continue;
		if (hits[i].start == name || (hits[i].start < h->start &&
		    hits[i].end > h->start && hits[i].end < h->end))
			return true;
	}
	return false;
}

/* Drops the office hits another body owns (owner_office_elsewhere). */
static void
owner_drop_offices(const struct owner *o, const char *text, size_t len,
    struct hit *hits, size_t *nhits)
{
	size_t i, k;

	for (i = k = 0; i < *nhits; i++)
		if (!o->book->phrases[hits[i].phrase].office ||
		    !owner_office_elsewhere(o, text, len, hits, *nhits,
		    &hits[i]))
			hits[k++] = hits[i];
	*nhits = k;
}

/*
 * Rule 10: a place keyword that follows a capitalised word beginning
 * another name (namepart_after_name) which no other keyword of the
 * sentence covers is part of that name ("New Mexico", "Rep. Steve
 * Israel", "Beth Israel Deaconess"): it counts as ambiguous, so that it
 * tags only where the sentence or its source backs it (rule 7), as a
 * story about Mexico does.
 */
static void
owner_mark_names(const struct owner *o, const char *text, size_t len,
    struct hit *hits, size_t nhits)
{
	struct hit *h;
	size_t i, j, ws, we;
	bool covered;

	for (i = 0; i < nhits; i++) {
		h = &hits[i];
		if (!o->book->phrases[h->phrase].place ||
		    !namepart_after_name(text, len, h->start, &ws, &we))
			continue;
		for (j = 0, covered = false; j < nhits && !covered; j++)
			covered = j != i && hits[j].start <= ws &&
			    hits[j].end >= we &&
			    o->book->phrases[hits[j].phrase].kind !=
			    PHRASE_EXCLUDE;
		h->in_name = !covered;
	}
}

/*
 * Rule 11: a phrase opened by "{state}" hits only where a name of the
 * taxonomy's states stands right before the rest of it, which names an
 * office or a body the state holds under the nation's name ("Texas
 * Attorney General", "the Michigan Supreme Court", "California's attorney
 * general"): such a hit then spans the name too; any other is dropped.
 */
static void
owner_find_states(const struct owner *o, const char *text,
    struct hit *hits, size_t *nhits)
{
	struct hit *h;
	size_t i, k, at;

	for (i = k = 0; i < *nhits; i++) {
		h = &hits[i];
		if (o->book->phrases[h->phrase].stated) {
			at = namepart_listed_before(text, h->start,
			    o->tax->states, o->tax->nstates);
			if (at == h->start)
				continue;
			h->start = at;
		}
		hits[k++] = *h;
	}
	*nhits = k;
}

/*
 * Rule 12: whether hit H is the state's, not the nation's: inside the hit
 * STATE of a keyword naming a state's office or body ("state Senate",
 * "{state} House of Representatives"), after its first word, a name (a
 * keyword written with a capital) of a topic not its kin, or an office
 * that begins there ("state House Speaker").  Other words are not the
 * state's ("state laws" are laws), nor is a name that goes on past it
 * (a "state Senate race" is an election), nor another state's keyword.
 */
static bool
owner_state_owns(const struct owner *o, const struct hit *state,
    const struct hit *h)
{
	const struct phrase *p = &o->book->phrases[h->phrase];
	const struct phrase *q = &o->book->phrases[state->phrase];

	return q->state_body && state->start < h->start &&
	    h->start < state->end && p->kind != PHRASE_EXCLUDE &&
	    !p->state_body && !owner_kin(o, p->topic, q->topic) &&
	    (p->office || (owner_name(p) && h->end <= state->end));
}

/* Drops the hits a state's office or body owns (owner_state_owns).  The
 * state's keywords themselves stay, so the scan sees every one while it
 * compacts the array. */
static void
owner_drop_state_owned(const struct owner *o, struct hit *hits,
    size_t *nhits)
{
	size_t i, j, k;
	bool owned;

	for (i = 0; i < *nhits && !o->book->phrases[hits[i].phrase].state_body;
	    i++)
		;
	if (i == *nhits)
		return;
	for (i = k = 0; i < *nhits; i++) {
		for (j = 0, owned = false; j < *nhits && !owned; j++)
			owned = owner_state_owns(o, &hits[j], &hits[i]);
		if (!owned)
			hits[k++] = hits[i];
	}
	*nhits = k;
}

void
owner_settle(const struct owner *o, const char *text, size_t len,
    struct hit *hits, size_t *nhits)
{
	if (o->book->nstated != 0)
		owner_find_states(o, text, hits, nhits);
	if (o->book->nstate_bodies != 0)
		owner_drop_state_owned(o, hits, nhits);
	if (o->book->noffices != 0)
		owner_drop_offices(o, text, len, hits, nhits);
	if (o->book->nplaces != 0)
		owner_mark_names(o, text, len, hits, *nhits);
}
