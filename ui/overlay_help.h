/*
 * overlay_help: the keys, from the action table (action.h), and what the
 * mouse does.  It only scrolls; it keeps no state.
 */
#ifndef PARALLAX_UI_OVERLAY_HELP_H
#define PARALLAX_UI_OVERLAY_HELP_H

#include "overlay.h"

extern const struct overlay_kind overlay_help_kind;

#endif
