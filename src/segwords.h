/*
 * segwords: the words and marks the sentence splitter (segment.c) knows:
 * titles and abbreviations that take a full stop, words that usually
 * start a sentence, the words that go on with a time, dotted states,
 * reporting verbs, quote marks, brackets and bullets.  It owns their
 * lists and one index of them, built once (segwords_init, thread-safe)
 * and read-only after; nothing here is allocated for a caller.
 */
#ifndef PARALLAX_SEGWORDS_H
#define PARALLAX_SEGWORDS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The word lists, by number. */
enum segwords_list {
	SEGWORDS_PREPOSITIVE,	/* before a name: "Mr.", "Gen.", "v." */
	SEGWORDS_NUMERIC,	/* before a number: "No.", "Jan.", "p." */
	SEGWORDS_STARTERS,	/* usually begin a sentence: "The", "But" */
	SEGWORDS_TIME_HEADS,	/* open a time phrase: "at", "since" */
	SEGWORDS_CLOSERS,	/* closing quotes and brackets */
	SEGWORDS_OPENERS,	/* opening quotes and brackets */
	SEGWORDS_BULLETS,	/* start a list item after white space */
	SEGWORDS_CAMEL_NAMES,	/* "Mac" of "MacDonald" */
	SEGWORDS_NLISTS
};

#define SEGWORDS_LIST_MAX 256

/* U+2026, a terminator. */
#define SEGWORDS_ELLIPSIS "\xe2\x80\xa6"

/*
 * Each list's entries grouped by first byte, in list order within a
 * group, so a look-up only tries the entries that can match; each
 * entry's first four bytes also packed in a word, to be compared at once.
 */
struct segwords_index {
	unsigned char starts[256];	/* bit L: an entry of list L starts
					 * with this byte */
	unsigned short first[SEGWORDS_NLISTS][257];
	size_t longest[SEGWORDS_NLISTS];
	/* The third bytes of the characters led by 0xe2 that the splitter
	 * acts on, the bullets and U+2026; the others, the dashes and curly
	 * quotes of news, are passed over at once. */
	bool e2_acts[256];
	const char *word[SEGWORDS_NLISTS][SEGWORDS_LIST_MAX];
	size_t len[SEGWORDS_NLISTS][SEGWORDS_LIST_MAX];
	uint32_t packed[SEGWORDS_NLISTS][SEGWORDS_LIST_MAX];
	uint32_t mask[SEGWORDS_NLISTS][SEGWORDS_LIST_MAX];
};

/* The index, valid once segwords_init has returned. */
extern struct segwords_index segwords_index;

/* Builds the index once, whichever thread asks first. */
void segwords_init(void);

/* Set once the index is built; read by segwords_ready. */
extern atomic_bool segwords_built;

/* segwords_init with the usual answer in line: the index is built (the
 * splitter asks once a paragraph). */
static inline void
segwords_ready(void)
{
	if (!atomic_load_explicit(&segwords_built, memory_order_acquire))
		segwords_init();
}

/* Length of whichever entry of LIST stands at S, which has AVAIL > 0
 * bytes, some entry of LIST starting with S[0]; or 0. */
size_t segwords_entry(const char *s, size_t avail, enum segwords_list list);

/* Does an entry of LIST start with the byte C? */
static inline bool
segwords_may_start(unsigned char c, enum segwords_list list)
{
	return (segwords_index.starts[c] & (1u << list)) != 0;
}

/* Length of whichever entry of LIST stands at S, of AVAIL bytes, or 0.
 * Most bytes start no entry: that is answered in line. */
static inline size_t
segwords_at(const char *s, size_t avail, enum segwords_list list)
{
	if (avail == 0 || !segwords_may_start((unsigned char)s[0], list))
		return 0;
	return segwords_entry(s, avail, list);
}

/* Do A and B agree on their first N bytes?  Entries are a few bytes
 * long, so a loop beats a call to memcmp. */
static inline bool
segwords_same(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i] != b[i])
			return false;
	}
	return true;
}

/* Is W, of N bytes, an entry of LIST?  Words no entry is as long as or
 * starts like are answered in line. */
static inline bool
segwords_in(const char *w, size_t n, enum segwords_list list)
{
	const struct segwords_index *ix = &segwords_index;
	unsigned char c;
	size_t k;

	if (n == 0 || n > ix->longest[list])
		return false;
	c = (unsigned char)w[0];
	if (!segwords_may_start(c, list))
		return false;
	for (k = ix->first[list][c]; k < ix->first[list][c + 1]; k++) {
		if (ix->len[list][k] == n &&
		    segwords_same(w, ix->word[list][k], n))
			return true;
	}
	return false;
}

/* Is W, of N bytes, a word that goes on with a time after "a.m." or
 * "p.m.": a zone, a day or a month? */
bool segwords_time_word(const char *w, size_t n);

/* Is W (three bytes) a dotted two-letter state ("S.C", "D.C")? */
bool segwords_state(const char *w);

/* Is W, of N bytes, a word that names a place after it when a dotted
 * state follows ("in", "for", "Washington")? */
bool segwords_place_head(const char *w, size_t n);

/* Does S[START, END) end in a reporting verb and a full stop (" said.")
 * with a word before it? */
bool segwords_said_end(const char *s, size_t start, size_t end);

#endif
