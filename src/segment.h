/*
 * segment: sentence boundaries in a paragraph of sanitised UTF-8 text.
 *
 * The rules follow what a careful editor does with news copy: a full stop
 * after an abbreviation ("Mr.", "Gen.", "No. 5", "e.g."), an initial or a
 * time ("5 p.m.") does not end a sentence unless the next word starts one;
 * decimals and addresses never split; closing quotes and brackets after
 * the stop stay with the sentence; ellipses split only when what follows
 * starts a sentence; list items and bullets start sentences; a headline
 * glued to the text after it ("...Ukraine WarUS Defense Secretary...") is
 * cut apart.  A blank line always ends a sentence; a single line break is
 * white space.  The caller frees the returned array.
 */
#ifndef PARALLAX_SEGMENT_H
#define PARALLAX_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"

/*
 * Splits TEXT into sentences.  Sets *out to an allocated array of byte
 * spans into TEXT, trimmed of white space, in order (NULL when there are
 * none) and returns how many there are.
 */
size_t segment_split(const char *text, size_t len, struct span **out);

/* segment_split into *SPANS, an array of *CAP spans that grows as needed
 * and is kept for the next call (the caller frees it). */
size_t segment_split_reuse(const char *text, size_t len, struct span **spans,
    size_t *cap);

/* The bytes the splitter acts on: a scan_set initialiser (scan.h), for
 * scan_bits in a caller that finds them with other bytes in one pass;
 * each file that uses it keeps a constant copy, so its loops unroll. */
#define SEGMENT_STOPS SCAN_SET(6, false, '\n', '.', '!', '?', ':', 0xe2)

/* segment_split_reuse with TEXT's stops given: STOPS are the bits
 * scan_bits wrote for SEGMENT_STOPS, CAMELS those scan_camels wrote (the
 * capitals that may start a headline glued to the text before it), over
 * a text whose byte AT is TEXT[0], so one scan serves every paragraph. */
size_t segment_split_part(const char *text, size_t len,
    const uint64_t *stops, const uint64_t *camels, size_t at,
    struct span **spans, size_t *cap);

#endif
