/*
 * fuzz: what the libFuzzer targets share.  A broken invariant aborts with
 * the check that failed, so libFuzzer saves the input as a crash.
 */
#ifndef PARALLAX_FUZZ_H
#define PARALLAX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../invariants.h"
#include "document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: broken: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/* Aborts with the message of a failed invariant check. */
#define FUZZ_CHECK(call) do {						\
	const char *fuzz_error_ = (call);				\
	if (fuzz_error_ != NULL) {					\
		fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__,	\
		    #call, fuzz_error_);				\
		abort();						\
	}								\
} while (0)

/* NULL for a NULL string, else inv_terminal_safe's verdict. */
static inline const char *
fuzz_safe(const char *s)
{
	return s != NULL ? inv_terminal_safe(s, strlen(s)) : NULL;
}

/* A loaded document's invariants: every string terminal-safe, sentences
 * non-empty, in paragraph order, their quote spans on character
 * boundaries and in order, nothing tagged or linked yet. */
static inline void
fuzz_check_document(const struct document *doc)
{
	const struct sentence *s;
	size_t i, j;

	FUZZ_ASSERT(doc != NULL);
	FUZZ_ASSERT(doc->outlet != NULL);
	FUZZ_CHECK(fuzz_safe(doc->path));
	FUZZ_CHECK(fuzz_safe(doc->outlet));
	FUZZ_CHECK(fuzz_safe(doc->title));
	FUZZ_CHECK(fuzz_safe(doc->url));
	FUZZ_CHECK(fuzz_safe(doc->date));
	FUZZ_CHECK(fuzz_safe(doc->author));
	FUZZ_CHECK(fuzz_safe(doc->dateline));
	for (i = 0; i < doc->nextra; i++) {
		FUZZ_ASSERT(doc->extra[i].key != NULL);
		FUZZ_CHECK(fuzz_safe(doc->extra[i].key));
		FUZZ_CHECK(fuzz_safe(doc->extra[i].value));
	}
	for (i = 0; i < doc->nsentences; i++) {
		s = &doc->sentences[i];
		FUZZ_ASSERT(s->text != NULL && strlen(s->text) == s->len);
		FUZZ_ASSERT(s->len > 0);
		FUZZ_CHECK(inv_terminal_safe(s->text, s->len));
		FUZZ_ASSERT(s->paragraph < doc->nparagraphs);
		FUZZ_ASSERT(i == 0 ||
		    s->paragraph >= doc->sentences[i - 1].paragraph);
		for (j = 0; j < s->nquotes; j++) {
			FUZZ_ASSERT(s->quotes[j].start <= s->quotes[j].end);
			FUZZ_ASSERT(s->quotes[j].end <= s->len);
			FUZZ_ASSERT(inv_on_boundary(s->text, s->len,
			    s->quotes[j].start));
			FUZZ_ASSERT(inv_on_boundary(s->text, s->len,
			    s->quotes[j].end));
			FUZZ_ASSERT(j == 0 ||
			    s->quotes[j].start >= s->quotes[j - 1].end);
		}
		FUZZ_ASSERT(s->nmatches == 0 && s->ntopics == 0);
		FUZZ_ASSERT(s->claim == SENTENCE_NO_CLAIM);
	}
}

/* A failed load's message: one terminal-safe line naming NAME. */
static inline void
fuzz_check_cause(const char *cause, const char *name)
{
	FUZZ_ASSERT(cause != NULL);
	FUZZ_ASSERT(strncmp(cause, name, strlen(name)) == 0 &&
	    cause[strlen(name)] == ':');
	FUZZ_ASSERT(strchr(cause, '\n') == NULL);
	FUZZ_CHECK(inv_terminal_safe(cause, strlen(cause)));
}

#endif
