/*
 * fold: how two pieces of text are told equal in spite of case and of
 * typographic quotes and dashes.  The matcher folds keywords and sentences
 * this way (rules 1 and 2 of parallax-taxonomy(5)); search folds a query
 * and the text it looks in the same way, so what a keyword finds, a search
 * for it finds too.  Nothing here allocates.
 */
#ifndef PARALLAX_FOLD_H
#define PARALLAX_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* The quote and dash variants as their ASCII forms; others unchanged. */
int32_t fold_punct(int32_t cp);

/* Unicode simple case folding (U+0130 has none and stays). */
int32_t fold_case(int32_t cp);

/*
 * The first occurrence at or after byte FROM of TEXT of the query Q (QLEN
 * bytes), both folded as above, code point by code point.  Returns its
 * first byte and sets *END past its last, or returns (size_t)-1.
 */
size_t fold_find(const char *text, size_t len, const char *q, size_t qlen,
    size_t from, size_t *end);

#endif
