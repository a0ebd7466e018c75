/*
 * overlay_detail: one claim in every source carrying it, each source's
 * sentence wrapped under its name, quotes marked and the words another
 * source quotes differently stressed (the claim's stored drift, claims.h),
 * then, as "other figure", each sentence of another outlet that says the
 * same with another figure (discrepancy.h), the figures stressed.  Enter
 * opens the selected entry's source at the sentence.  Its state is the
 * claim, its entries (freed on release) and the first line shown.
 */
#ifndef PARALLAX_UI_OVERLAY_DETAIL_H
#define PARALLAX_UI_OVERLAY_DETAIL_H

#include "overlay.h"

/* Opens on the reader's current claim (reader_current_claim). */
extern const struct overlay_kind overlay_detail_kind;

#endif
