/*
 * discrepancy: two sources that state the same thing but for a figure.
 *
 * Two sentences of different sources that give different figures for the
 * same quantity ("killed 58 people" / "killed 59 people", "7.7%" /
 * "7.8%") while the rest of what they say agrees (the same words, bar the
 * figures, weighted as the linker weighs them, and the same polarity) are
 * a discrepancy between those sources.  The linker keeps such sentences
 * apart (they are not the same claim), so a discrepancy usually joins two
 * claims; it may lie within one when the rest of the claim holds them
 * together.
 *
 * discrepancy_find reads the linker after candidates_group and before
 * linker_settle; the returned array is the caller's (free), and the claims
 * own theirs (claims.h).
 */
#ifndef PARALLAX_DISCREPANCY_H
#define PARALLAX_DISCREPANCY_H

#include <stddef.h>

#include "claims.h"
#include "document.h"

struct linker;

struct discrepancy {
	struct claim_ref a;	/* the earlier sentence, in story order */
	struct claim_ref b;	/* the later one, of another source */
	size_t claim_a;		/* their claims (claims.h ids) */
	size_t claim_b;
	struct span figure_a;	/* the figure in each sentence's text */
	struct span figure_b;
};

/*
 * Least similarity of the rest (the sentences' words bar their figures,
 * as a cosine of the linker's weights) and least shared words, for two
 * sentences that give other figures to be a discrepancy.
 */
#define DISCREPANCY_MIN_SIM 0.6
#define DISCREPANCY_MIN_SHARED 6

/*
 * The discrepancies among the linker's sentences, between sources of
 * different outlets of DOCS.  Each names its two sentences by their
 * linker indices in claim_a and claim_b, and a.doc and b.doc are their
 * documents; the sentences' places in them (a.sentence, b.sentence) and
 * the claim ids are left for the caller.
 * Each sentence is compared with a bounded number of earlier ones that
 * count the same thing, so cost grows with the number of figures.
 * Returns how many and sets *out (NULL when none), in story order of b.
 */
size_t discrepancy_find(const struct linker *l, struct document *const *docs,
    struct discrepancy **out);

/*
 * The indices in CLAIMS->discrepancies of those with a side in claim ID,
 * in order.  Returns how many and sets *out (NULL when none; the caller
 * frees it).
 */
size_t discrepancy_of_claim(const struct claims *claims, size_t id,
    size_t **out);

/*
 * The figures sentence SENTENCE of document DOC gives in discrepancies,
 * what the UI stresses.  Returns how many and sets *out (NULL when none;
 * the caller frees it).
 */
size_t discrepancy_figures(const struct claims *claims, size_t doc,
    size_t sentence, struct span **out);

#endif
