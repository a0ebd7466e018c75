/*
 * overlay_timeline: the story on a time axis.  One lane per source, in
 * order of publication, its mark where it was published, coloured by its
 * outlet's leaning; for the current claim the sources carrying it are
 * marked, the first one says so and each follower shows how long after it
 * came, with a line back to the first.  Sources whose date gives no time
 * and zone are listed apart with the reason, never placed.  Enter opens
 * the row's source.  Its state is the timeline (timeline.h), the claim and
 * the rows' order.
 */
#ifndef PARALLAX_UI_OVERLAY_TIMELINE_H
#define PARALLAX_UI_OVERLAY_TIMELINE_H

#include "overlay.h"

/* Opens on the reader's current claim, if any. */
extern const struct overlay_kind overlay_timeline_kind;

#endif
