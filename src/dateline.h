/*
 * dateline: the place (and agency) a wire story opens with, "BRUSSELS",
 * "NEW YORK (AP) -", "Kyiv (Reuters) -": found at the start of a
 * paragraph so it becomes the document's dateline, not prose.
 */
#ifndef PARALLAX_DATELINE_H
#define PARALLAX_DATELINE_H

#include <stddef.h>

/*
 * A dateline at the start of S[0, LEN): a place in capitals, optionally
 * ", Feb 12" or ", Ukraine", optionally an agency in brackets ("(AP)"),
 * optionally a dash.  Either it is the whole paragraph, or an agency or
 * dash parts it from the text.  Returns the bytes to strip and sets
 * *DATELINE (allocated, the caller frees it), or returns 0.
 */
size_t dateline_find(const char *s, size_t len, char **dateline);

#endif
