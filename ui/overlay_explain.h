/*
 * overlay_explain: why the selected sentence carries its topics: each
 * keyword that matched and each exclude that vetoed, explained by the
 * story's tagger.  Its state is the explanation (which points into the
 * taxonomy: close it before a re-tag) and the sentence.  What a row offers
 * (remove its keyword, edit its topic, add one like it) is asked through
 * the queries below.
 */
#ifndef PARALLAX_UI_OVERLAY_EXPLAIN_H
#define PARALLAX_UI_OVERLAY_EXPLAIN_H

#include <stddef.h>

#include "overlay.h"

/* Opens on the reader's selected sentence. */
extern const struct overlay_kind overlay_explain_kind;

/* The topic of the selected row, or (size_t)-1. */
size_t overlay_explain_topic(const struct overlay *o);

/* The selected row's matched text (a copy), or NULL on a veto. */
char *overlay_explain_text(const struct overlay *o, const struct reader *r);

/*
 * The selected row's keyword (a copy) with its topic and its list (enum
 * taxedit_list: keywords, match_case or exclude); NULL when no row.
 */
char *overlay_explain_keyword(const struct overlay *o, const struct reader *r,
    size_t *topic, int *list);

#endif
