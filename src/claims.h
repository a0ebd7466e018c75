/*
 * claims: sentences of different sources that state the same thing.
 *
 * claims_link reads the tagged documents and sets every sentence's `claim`;
 * the returned set owns its arrays (claims_free), never the documents.
 * items[i].id == i, and a claim's refs are in (doc, sentence) order.
 * Boilerplate sentences get claims of their own and are never linked.
 * A sentence that states two facts is cut into units (unit.h), each
 * linked on its own: a claim's ref names the unit it holds, the set lists
 * every unit with its claim (claims_units), and the sentence's `claim` is
 * its main unit's.
 * Each claim also carries the drift of the quotes its sources share
 * (drift.h), owned by the set, and the set lists the discrepancies
 * between sources (discrepancy.h): sentences that agree but for a figure.
 */
#ifndef PARALLAX_CLAIMS_H
#define PARALLAX_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"

struct taxonomy;
struct drift;
struct discrepancy;

struct claim_ref {
	size_t doc;		/* index into the story's documents */
	size_t sentence;	/* index into that document's sentences */
	uint32_t start;		/* of a sentence cut into units (clause.h), */
	uint32_t end;		/* the unit's bytes in its text; 0 and 0
				   for the whole sentence */
};

/* A unit of a sentence cut into units, and the claim it states. */
struct claim_unit {
	struct claim_ref ref;
	size_t claim;
};

struct claim {
	size_t id;
	struct claim_ref *refs;	/* every sentence stating it */
	size_t nrefs;
	size_t *docs;		/* distinct documents carrying it, ascending */
	size_t ndocs;
	size_t *topics;		/* union of its sentences' topics, ascending */
	size_t ntopics;
	struct claim_ref rep;	/* the sentence whose text stands for it */
	struct drift *drifts;	/* quotes of the same words across sources */
	size_t ndrifts;
	bool boilerplate;	/* a clutter sentence's own claim */
	bool discrepant;	/* in a discrepancy: another figure elsewhere */
};

struct claims {
	struct claim *items;
	size_t n;
	/* One allocation each for every claim's refs, docs and topics. */
	struct claim_ref *refpool;
	size_t *docpool;
	size_t *topicpool;
	/* In story order of their later sentence. */
	struct discrepancy *discrepancies;
	size_t ndiscrepancies;
	/* Every unit of each sentence cut into units, in story order. */
	struct claim_unit *units;
	size_t nunits;
};

struct claims *claims_link(struct document *const *docs, size_t ndocs,
    const struct taxonomy *tax);
/*
 * Gives each claim of CLAIMS the union of its sentences' topics anew, after
 * DOCS were re-tagged: the linker reads no topics, so a taxonomy edit
 * changes only these lists, never which sentences a claim holds.
 */
void claims_retopic(struct claims *claims, struct document *const *docs);

/*
 * Why two sentences are or are not one claim, for whoever tunes the
 * linker (tests/claims-gold/pairs): claims_pairs links DOCS as
 * claims_link does and calls FN with every pair of linkable sentences
 * that share anything, a pair of one document too.  Nothing is kept.
 */
struct claims_pair {
	struct claim_ref a, b;	/* a before b in story order */
	double sim;		/* their similarity (linker.h) */
	double bar;		/* the least at which the two alone found a
				   claim (candidates.h), CANDIDATES_NEVER
				   when they share a theme, not a fact */
	bool grouped;		/* in one claim */
};
typedef void claims_pair_fn(void *ctx, const struct claims_pair *pair);
void claims_pairs(struct document *const *docs, size_t ndocs,
    claims_pair_fn *fn, void *ctx);
void claims_free(struct claims *claims);

/*
 * The units of sentence SENTENCE of document DOC when it was cut into
 * units, each with its claim; sets *N (0 for a sentence linked whole).
 * The sentence's own claim is its main unit's: the first that shares
 * its claim with another, else the first.
 */
const struct claim_unit *claims_units(const struct claims *claims,
    size_t doc, size_t sentence, size_t *n);

/* The bytes of sentence S, REF's, that REF names: its unit's, or all.
 * Inline: drift.c, which claims.c calls, reads it too. */
static inline struct span
claims_ref_span(const struct sentence *s, const struct claim_ref *ref)
{
	struct span span = { 0, s->len };

	if (ref->end != 0) {
		span.start = ref->start;
		span.end = ref->end;
	}
	return span;
}

/*
 * Gives every sentence of DOCS back the claim CLAIMS numbers it with: its
 * own, or its main unit's (claims_units).
 */
void claims_restore(const struct claims *claims, struct document *const *docs);

#endif
