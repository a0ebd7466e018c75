/* search: `/` reads a query in the status line; `n`/`N` walk the hits. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fold.h"
#include "reader.h"
#include "search.h"
#include "story.h"
#include "xalloc.h"

static bool
search_hit(const struct reader *r, size_t doc, size_t s)
{
	const struct sentence *sent = &r->story->docs[doc]->sentences[s];
	size_t end;

	return reader_sentence_shown(r, doc, s) &&
	    fold_find(sent->text, sent->len, r->query, strlen(r->query), 0,
	    &end) != NONE;
}

/*
 * From sentence FROM of the source at list position POS (exclusive unless
 * INCLUSIVE), the next hit in the article, then in the following sources,
 * wrapping once around the list.
 */
static int
search_step_from(struct reader *r, bool forward, bool inclusive)
{
	size_t pos = r->at, n = r->norder, k, s, ns, start, doc;
	bool wrapped = false;

	if (r->query == NULL || *r->query == '\0')
		return reader_message(r, true, "no search yet: press /");
	if (n == 0)
		return 0;
	for (k = 0; k <= n; k++) {
		doc = r->order[(pos + (forward ? k : n - k)) % n];
		ns = r->story->docs[doc]->nsentences;
		if (ns == 0)
			continue;
		if (k == 0 && r->sentence != NONE) {
			start = r->sentence;
			if (!inclusive) {
				if (forward && start + 1 >= ns)
					continue;
				if (!forward && start == 0)
					continue;
				start = forward ? start + 1 : start - 1;
			}
		} else {
			start = forward ? 0 : ns - 1;
		}
		if (k == n || (forward ? pos + k >= n : k > pos))
			wrapped = true;
		for (s = start; s < ns; s = forward ? s + 1 : s - 1) {
			if (!search_hit(r, doc, s))
				continue;
			if (k == n && s == r->sentence)
				return reader_message(r, false,
				    "only hit of \"%s\"", r->query);
			if (doc != r->doc)
				reader_open(r, doc, s);
			else
				reader_select(r, s);
			if (wrapped)
				return DIRTY_ALL | reader_message(r, false,
				    forward ? "search hit the end, continued at the top" :
				    "search hit the top, continued at the end");
			return DIRTY_ALL;
		}
	}
	return reader_message(r, true, "not found: %s", r->query);
}

int
search_step(struct reader *r, bool forward)
{
	return search_step_from(r, forward, false);
}

int
search_submit(struct reader *r, const char *q)
{
	if (q == NULL || *q == '\0')
		return r->query != NULL ? search_step(r, true) : 0;
	free(r->query);
	r->query = xstrdup(q);
	return DIRTY_ALL | search_step_from(r, true, true);
}
