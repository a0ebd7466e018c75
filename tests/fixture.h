/*
 * fixture: small stories built by hand for the claims, drift, coverage and
 * report tests, so they need neither the loader nor the tagger.
 *
 * A sentence is given as a string with optional prefixes: "[bp] " marks
 * it boilerplate, "[t0 t2] " gives its topic indices.  Its quoted spans
 * are the text between straight or curly double quotes, as the loader
 * would find them.  fixture_free releases what fixture_doc allocates.
 */
#ifndef PARALLAX_FIXTURE_H
#define PARALLAX_FIXTURE_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "xalloc.h"

static inline void
fixture_quotes(struct sentence *s)
{
	size_t i, start = 0, width;
	bool open = false, closing;
	const unsigned char *t = (const unsigned char *)s->text;

	for (i = 0; i < s->len; i++) {
		if (t[i] == '"') {
			width = 1;
			closing = open;
		} else if (t[i] == 0xe2 && t[i + 1] == 0x80 &&
		    (t[i + 2] == 0x9c || t[i + 2] == 0x9d)) {
			width = 3;
			closing = t[i + 2] == 0x9d;
		} else
			continue;
		if (!open && !closing) {
			open = true;
			start = i + width;
		} else if (open && closing) {
			s->quotes = xreallocarray(s->quotes, s->nquotes + 1,
			    sizeof *s->quotes);
			s->quotes[s->nquotes].start = start;
			s->quotes[s->nquotes].end = i;
			s->nquotes++;
			open = false;
		}
		i += width - 1;
	}
}

static inline struct document *
fixture_doc(const char *outlet, const char *title, const char *const *texts)
{
	struct document *d = xcalloc(1, sizeof *d);
	struct sentence *s;
	const char *t, *end;
	char *next;
	size_t n;

	d->path = xasprintf("%s.txt", outlet);
	d->outlet = xstrdup(outlet);
	d->title = title != NULL ? xstrdup(title) : NULL;
	for (n = 0; texts[n] != NULL; n++)
		continue;
	d->sentences = xcalloc(n + 1, sizeof *d->sentences);
	for (n = 0; texts[n] != NULL; n++) {
		s = &d->sentences[d->nsentences++];
		s->claim = SENTENCE_NO_CLAIM;
		s->paragraph = n;
		t = texts[n];
		if (strncmp(t, "[bp] ", 5) == 0) {
			s->boilerplate = true;
			t += 5;
		} else if (t[0] == '[' && t[1] == 't') {
			end = strchr(t, ']');
			for (t++; t < end; t = next) {
				while (*t == ' ' || *t == 't')
					t++;
				s->topics = xreallocarray(s->topics,
				    s->ntopics + 1, sizeof *s->topics);
				s->topics[s->ntopics++] = strtoul(t, &next, 10);
			}
			t = end + 2;
		}
		s->text = xstrdup(t);
		s->len = strlen(t);
		fixture_quotes(s);
	}
	d->nparagraphs = n;
	return d;
}

static inline void
fixture_free(struct document *d)
{
	size_t i;

	for (i = 0; i < d->nsentences; i++) {
		free(d->sentences[i].text);
		free(d->sentences[i].quotes);
		free(d->sentences[i].topics);
	}
	free(d->sentences);
	free(d->path);
	free(d->outlet);
	free(d->title);
	free(d->date);
	free(d);
}

/* The claim of the first sentence of DOC containing NEEDLE. */
static inline size_t
fixture_claim(const struct document *d, const char *needle)
{
	size_t i;

	for (i = 0; i < d->nsentences; i++) {
		if (strstr(d->sentences[i].text, needle) != NULL)
			return d->sentences[i].claim;
	}
	return SENTENCE_NO_CLAIM;
}

/*
 * Whether sentence IA of document DA and IB of DB share a claim: any unit
 * of one (claims_units: a sentence cut into units) with any of the other.
 */
static inline bool
fixture_share(const struct claims *claims, struct document *const *docs,
    size_t da, size_t ia, size_t db, size_t ib)
{
	const struct claim_unit *ua, *ub;
	size_t na, nb, j, k;

	ua = claims_units(claims, da, ia, &na);
	ub = claims_units(claims, db, ib, &nb);
	for (j = 0; j < (na > 0 ? na : 1); j++) {
		for (k = 0; k < (nb > 0 ? nb : 1); k++) {
			if ((na > 0 ? ua[j].claim : docs[da]->sentences[ia].claim) ==
			    (nb > 0 ? ub[k].claim : docs[db]->sentences[ib].claim))
				return true;
		}
	}
	return false;
}

#endif
