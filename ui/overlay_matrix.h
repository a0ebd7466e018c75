/*
 * overlay_matrix: the coverage matrix, topics down and the sources shown
 * across, each cell the sentences of the topic in the source; Enter
 * filters by the row's topic.  Its state is the first column shown.
 */
#ifndef PARALLAX_UI_OVERLAY_MATRIX_H
#define PARALLAX_UI_OVERLAY_MATRIX_H

#include "overlay.h"

extern const struct overlay_kind overlay_matrix_kind;

#endif
