/*
 * drift: how the same quoted words differ from one outlet to the next.
 *
 * Two quoted spans are aligned word by word (longest common subsequence
 * over folded words: case, quote marks and punctuation aside, "it's" as
 * "it is" and "don't" as "do not", see words.h) and the runs that differ
 * become edits
 * with byte spans in each sentence's text, so the UI and the report can
 * highlight them.  A drift owns its edits; drift_free releases an array of
 * drifts and their edits.
 */
#ifndef PARALLAX_DRIFT_H
#define PARALLAX_DRIFT_H

#include <stdbool.h>
#include <stddef.h>

#include "claims.h"
#include "document.h"

enum drift_kind {
	DRIFT_CHANGED,		/* words in A replaced by other words in B */
	DRIFT_ONLY_A,		/* words in A that B leaves out */
	DRIFT_ONLY_B,		/* words B adds */
	DRIFT_MOVED		/* the same words, elsewhere in the quote */
};

struct drift_edit {
	enum drift_kind kind;
	struct span a;		/* in A's sentence text; empty for ONLY_B */
	struct span b;		/* in B's sentence text; empty for ONLY_A */
};

struct drift {
	size_t doc_a;		/* the earlier quote of the pair */
	size_t sentence_a;
	struct span quote_a;
	size_t doc_b;		/* the later one, from another source */
	size_t sentence_b;
	struct span quote_b;
	double overlap;		/* shared words / words of the shorter quote */
	struct drift_edit *edits;	/* in A's order; none: same words */
	size_t nedits;
};

/*
 * Two quotes are the same quote, and their differences drift, only when
 * they share a run of DRIFT_MIN_RUN words (the linker links sentences on
 * such a run) and that much of the shorter one's words.
 */
#define DRIFT_MIN_RUN 5
#define DRIFT_MIN_OVERLAP 0.5

/*
 * Aligns quote QA of text A with quote QB of text B.  Returns true and
 * fills D's overlap and edits when they quote the same words closely
 * enough; the caller fills the document and sentence fields.
 */
bool drift_align(const char *a, struct span qa, const char *b,
    struct span qb, struct drift *d);

/*
 * Every quote in the sentences REFS (NREFS of them, in story order) is
 * aligned with the first earlier quote of another source that it matches.
 * Returns the number of drifts and sets *out (NULL when none).
 */
size_t drift_find(struct document *const *docs,
    const struct claim_ref *refs, size_t nrefs, struct drift **out);

/*
 * The byte spans of sentence SENTENCE of document DOC that differ from
 * another source's quote of the same words, over N drifts (a claim's), in
 * order and merged: what the UI highlights.  Returns how many and sets
 * *out to an allocated array (NULL when none).
 */
size_t drift_spans(const struct drift *drifts, size_t n, size_t doc,
    size_t sentence, struct span **out);

void drift_free(struct drift *drifts, size_t n);

#endif
