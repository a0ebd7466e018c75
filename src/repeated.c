/* repeated: lines an outlet repeats across its sources (see repeated.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fnv.h"
#include "furniture.h"
#include "repeated.h"
#include "sitephrase.h"
#include "xalloc.h"

/* Longer lines are prose or a whole box run together, never one line of
 * furniture: they are not counted, which keeps the hashing cheap. */
#define REPEATED_MAXLEN 400
/* How many sources make a repeated sentence next to furniture part of
 * its box (a sign-up form's "Thank you for subscribing."). */
#define REPEATED_BOX 5
/* The body's foot, where a column's bio and a site's notes stand: its
 * last two sentences.  Not its head, where versions of one wire story
 * share their lead. */
#define REPEATED_TAIL 2

/* In a key, bit 0 says the line stood at the foot; bit 1 is always set,
 * so no key is 0, which marks an empty slot or an uncounted line. */
#define REPEATED_FOOT ((uint64_t)1)
#define REPEATED_SET ((uint64_t)2)

struct repeated_slot {
	uint64_t key;		/* without REPEATED_FOOT; 0: empty */
	uint32_t sources;	/* sources carrying the line */
	uint32_t feet;		/* of them, those where it stood at the foot */
};

struct repeated {
	struct repeated_slot *slots;
	size_t cap;		/* a power of two */
	size_t n;
};

/* The outlet of a document, "" for none. */
static const char *
repeated_outlet(const struct document *doc)
{
	return doc->outlet != NULL ? doc->outlet : "";
}

static uint64_t
repeated_outlet_hash(const char *outlet)
{
	return fnv_string(FNV_BASIS, outlet);
}

/*
 * The key of the line S of LEN bytes in the outlet hashed as H: its text
 * with ASCII case folded, a run of digits as one '0' and a run of spaces
 * as one space, none at either end ("Updated 9:35 a.m." and "Updated
 * 10:02 a.m." are one line).  0 for a line too long to count.  The text
 * is folded into a buffer first and hashed eight bytes at a time: a
 * byte-at-a-time hash waits on a multiply for every byte.
 */
static uint64_t
repeated_line_key(uint64_t h, const char *s, size_t len)
{
	unsigned char buf[REPEATED_MAXLEN + 8];
	size_t i, n = 0;
	int last = 1;		/* what was folded last: 0 text, 1 space, 2 digits */
	uint64_t w;

	if (len > REPEATED_MAXLEN)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c > ' ' && (unsigned)(c - '0') > 9) {
			buf[n++] = (unsigned)(c - 'A') < 26 ? c + ('a' - 'A') : c;
			last = 0;
		} else if (c <= ' ') {
			/* Sanitised text has no control byte but the spaces. */
			if (last != 1)
				buf[n++] = ' ';
			last = 1;
		} else if (last != 2) {
			buf[n++] = '0';
			last = 2;
		}
	}
	if (n > 0 && buf[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, buf + i, 8);
		h = (h ^ w) * FNV_PRIME;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, buf + i, n - i);
	h = (h ^ w ^ n) * FNV_PRIME;
	h ^= h >> 29;
	return (h & ~REPEATED_FOOT) | REPEATED_SET;
}

/* Does S end as a sentence does, in a stop before any closing marks? */
static bool
repeated_ends_sentence(const char *s, size_t len)
{
	len = furniture_unclosed(s, len);
	if (len >= 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0)
		return true;
	return len > 0 && strchr(".!?", s[len - 1]) != NULL;
}

/*
 * A link under a label of the outlet's ("SEE ALSO: House votes for
 * delays on Obamacare", "Read: The foreign fascination with ...", "(
 * Also on POLITICO: ...)"): a paragraph of one sentence that does not
 * end like one, opening (after a bracket) with one to REPEATED_LABEL_WORDS
 * words and a colon within REPEATED_LABEL_LEN bytes, then a headline of
 * REPEATED_LINK_WORDS words or more with fewer than REPEATED_LIST_COMMAS
 * commas (not a list of names, "Iowa: Tim Albrecht, Brad Anderson, ...";
 * not a heading, "Winner: Mitch McConnell").  Returns where the label
 * starts and sets *END to its colon, or returns SIZE_MAX.
 */
#define REPEATED_LABEL_WORDS 3
#define REPEATED_LABEL_LEN 40
#define REPEATED_LINK_WORDS 4
#define REPEATED_LIST_COMMAS 3

static size_t
repeated_label(const struct document *doc, size_t i, size_t *end)
{
	const struct sentence *s = &doc->sentences[i];
	const char *colon;
	size_t start = 0, commas = 0, j;

	if ((i > 0 && s[-1].paragraph == s->paragraph) ||
	    (i + 1 < doc->nsentences && s[1].paragraph == s->paragraph) ||
	    repeated_ends_sentence(s->text, s->len))
		return SIZE_MAX;
	while (start < s->len && (s->text[start] == '(' ||
	    s->text[start] == '[' || s->text[start] == ' '))
		start++;
	colon = memchr(s->text + start, ':', s->len - start <
	    REPEATED_LABEL_LEN ? s->len - start : REPEATED_LABEL_LEN);
	if (colon == NULL || colon == s->text + start)
		return SIZE_MAX;
	*end = (size_t)(colon - s->text);
	if (*end + 1 >= s->len || s->text[*end + 1] != ' ' ||
	    furniture_words(s->text + start, *end - start,
	    REPEATED_LABEL_WORDS) > REPEATED_LABEL_WORDS ||
	    furniture_words(s->text + *end + 1, s->len - *end - 1,
	    REPEATED_LINK_WORDS) < REPEATED_LINK_WORDS)
		return SIZE_MAX;
	for (j = *end + 1; j < s->len; j++)
		commas += s->text[j] == ',';
	return commas < REPEATED_LIST_COMMAS ? start : SIZE_MAX;
}

/* Told apart from a line's key: a label is counted on its own. */
#define REPEATED_LABEL_SEED 0x6c6162656c3a2020u

/*
 * A widget's line that opens the same way in many of an outlet's sources
 * whatever follows ("Play Video 1:23 Five touching moments ...", "Share
 * All sharing options for: ...", "Update at 11:50 a.m. ET: ...", "Click
 * for more from Sky News"): its first REPEATED_OPENING_WORDS words,
 * counted apart like a label's, when the line does not end like a
 * sentence or introduce something, has more words than that and is no
 * list (fewer than REPEATED_LIST_COMMAS commas).  Such a line is furniture
 * once REPEATED_BOX sources open one so: with three, a site's section
 * headings meet ("What we know about ...").  Returns the opening's length,
 * or 0.
 */
#define REPEATED_OPENING_WORDS 3
#define REPEATED_OPENING_SEED 0x6f70656e696e6720u

static size_t
repeated_opening(const struct sentence *s)
{
	size_t i = 0, words = 0, commas = 0, j;

	if (s->len == 0 || s->text[s->len - 1] == ':' ||
	    repeated_ends_sentence(s->text, s->len))
		return 0;
	while (i < s->len && words < REPEATED_OPENING_WORDS) {
		while (i < s->len && s->text[i] == ' ')
			i++;
		if (i == s->len)
			return 0;
		while (i < s->len && s->text[i] != ' ')
			i++;
		words++;
	}
	if (i == s->len)
		return 0;
	for (j = 0; j < s->len; j++)
		commas += s->text[j] == ',';
	return commas < REPEATED_LIST_COMMAS ? i : 0;
}

/* Each sentence's key written to KEYS[0, N) (N: DOC's sentences), with
 * REPEATED_FOOT set on those at the body's foot, and the key of its
 * label, if it is a link under one, else of its opening, if it has one,
 * to KEYS[N + i] (else 0). */
static void
repeated_sentence_keys(const struct document *doc, uint64_t *keys)
{
	uint64_t h = repeated_outlet_hash(repeated_outlet(doc));
	size_t i, n = doc->nsentences, start, end;

	for (i = 0; i < n; i++) {
		const struct sentence *s = &doc->sentences[i];

		keys[i] = repeated_line_key(h, s->text, s->len);
		if (keys[i] != 0 && i + REPEATED_TAIL >= n)
			keys[i] |= REPEATED_FOOT;
		start = repeated_label(doc, i, &end);
		if (start != SIZE_MAX)
			keys[n + i] = repeated_line_key(h ^ REPEATED_LABEL_SEED,
			    s->text + start, end - start);
		else if ((end = repeated_opening(s)) != 0)
			keys[n + i] = repeated_line_key(h ^ REPEATED_OPENING_SEED,
			    s->text, end);
		else
			keys[n + i] = 0;
	}
}

static int
repeated_key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The N sentence keys KEYS sorted, each line once: returns how many. */
static size_t
repeated_dedup(uint64_t *keys, size_t n)
{
	size_t i, m = 0, k = 0;

	/* The empty keys (a line too long to count, a sentence under no
	 * label: most of the labels' half) go before the sort. */
	for (i = 0; i < n; i++) {
		if (keys[i] != 0)
			keys[k++] = keys[i];
	}
	/* Sorted, a line and its foot copy are neighbours: one is kept, with
	 * the foot bit if either had it. */
	qsort(keys, k, sizeof *keys, repeated_key_cmp);
	for (i = 0; i < k; i++) {
		if (m > 0 && (keys[m - 1] | REPEATED_FOOT) ==
		    (keys[i] | REPEATED_FOOT))
			keys[m - 1] |= keys[i];
		else
			keys[m++] = keys[i];
	}
	return m;
}

uint64_t *
repeated_keys(const struct document *doc, size_t *n)
{
	uint64_t *keys;

	*n = 0;
	if (doc->nsentences == 0)
		return NULL;
	keys = xreallocarray(NULL, 2 * doc->nsentences, sizeof *keys);
	repeated_sentence_keys(doc, keys);
	*n = repeated_dedup(keys, 2 * doc->nsentences);
	return keys;
}

struct repeated *
repeated_new(void)
{
	return xcalloc(1, sizeof(struct repeated));
}

void
repeated_free(struct repeated *rep)
{
	if (rep == NULL)
		return;
	free(rep->slots);
	free(rep);
}

/* KEY's slot in REP (empty when KEY was never counted); REP has room. */
static struct repeated_slot *
repeated_slot(const struct repeated *rep, uint64_t key)
{
	size_t i = (size_t)(key * 0x9e3779b97f4a7c15u >> 32) & (rep->cap - 1);

	while (rep->slots[i].key != 0 && rep->slots[i].key != key)
		i = (i + 1) & (rep->cap - 1);
	return &rep->slots[i];
}

static void
repeated_grow(struct repeated *rep)
{
	struct repeated_slot *old = rep->slots;
	size_t i, oldcap = rep->cap;

	rep->cap = oldcap == 0 ? 1024 : oldcap * 2;
	rep->slots = xcalloc(rep->cap, sizeof *rep->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key != 0)
			*repeated_slot(rep, old[i].key) = old[i];
	}
	free(old);
}

void
repeated_add(struct repeated *rep, const uint64_t *keys, size_t n)
{
	struct repeated_slot *slot;
	size_t i;

	for (i = 0; i < n; i++) {
		/* At most half full, so a probe soon meets an empty slot. */
		if (2 * (rep->n + 1) > rep->cap)
			repeated_grow(rep);
		slot = repeated_slot(rep, keys[i] & ~REPEATED_FOOT);
		if (slot->key == 0) {
			slot->key = keys[i] & ~REPEATED_FOOT;
			rep->n++;
		}
		slot->sources++;
		slot->feet += (keys[i] & REPEATED_FOOT) != 0;
	}
}

void
repeated_count(struct repeated *rep, const struct document *doc)
{
	size_t n;
	uint64_t *keys = repeated_keys(doc, &n);

	repeated_add(rep, keys, n);
	free(keys);
}

/* How many sources carry the line of KEY (at the foot: *FEET). */
static uint32_t
repeated_sources(const struct repeated *rep, uint64_t key, uint32_t *feet)
{
	const struct repeated_slot *slot;

	*feet = 0;
	if (key == 0 || rep->cap == 0)
		return 0;
	slot = repeated_slot(rep, key & ~REPEATED_FOOT);
	*feet = slot->feet;
	return slot->sources;
}

/* Is sentence I of DOC a paragraph of its own? */
static bool
repeated_alone(const struct document *doc, size_t i)
{
	const struct sentence *s = &doc->sentences[i];

	return (i == 0 || s[-1].paragraph != s->paragraph) &&
	    (i + 1 == doc->nsentences || s[1].paragraph != s->paragraph);
}

/*
 * A promotion's headline under a label that the outlet repeats, each in a
 * paragraph of its own ("Urgent:", then "Who Is Your Choice for the GOP's
 * 2016 Nominee?"; "Editor's Note:", then "5 Signs Stock Market Will
 * Collapse in 2013"): the label, of at most REPEATED_LABEL_WORDS words
 * and a colon, is furniture by its repeats alone, so loading a source
 * (boilerplate.c, which marks a link under a label it knows) never saw it
 * as one.  The headline is at most REPEATED_HEADLINE_WORDS words, asks or
 * does not end like a sentence, does not introduce something and is not
 * a list's item ("Buzz Cut:" over a newsletter's bulleted stories).
 */
#define REPEATED_HEADLINE_WORDS 15

static bool
repeated_promoted(const struct document *doc, size_t i)
{
	const struct sentence *label = &doc->sentences[i - 1];
	const struct sentence *s = &doc->sentences[i];
	size_t end = furniture_unclosed(s->text, s->len);

	return label->len > 1 && label->text[label->len - 1] == ':' &&
	    repeated_alone(doc, i - 1) && repeated_alone(doc, i) &&
	    furniture_words(label->text, label->len, REPEATED_LABEL_WORDS) <=
	    REPEATED_LABEL_WORDS && end == s->len && end > 0 &&
	    strchr(".!:", s->text[end - 1]) == NULL &&
	    sitephrase_bullet(s->text, s->len) == 0 &&
	    furniture_words(s->text, s->len, REPEATED_HEADLINE_WORDS) <=
	    REPEATED_HEADLINE_WORDS;
}

/* repeated_mark with DOC's sentence keys KEYS already made. */
static bool
repeated_mark_keys(const struct repeated *rep, struct document *doc,
    const uint64_t *keys)
{
	size_t i, j, n = doc->nsentences;
	uint32_t sources, feet;
	bool *repeated, *furniture, changed = false;

	repeated = xcalloc(n, sizeof *repeated);
	furniture = xcalloc(n, sizeof *furniture);
	for (i = 0; i < n; i++) {
		struct sentence *s = &doc->sentences[i];

		bool line = !repeated_ends_sentence(s->text, s->len);

		/* Under a label, or opening as a widget's line does: the
		 * label is found again only for a key counted that often. */
		uint32_t under = repeated_sources(rep, keys[n + i], &feet);
		size_t end;
		bool labelled = under >= REPEATED_BOX ||
		    (under >= REPEATED_SOURCES &&
		    repeated_label(doc, i, &end) != SIZE_MAX);

		sources = repeated_sources(rep, keys[i], &feet);
		repeated[i] = sources >= REPEATED_SOURCES;
		furniture[i] = s->boilerplate || labelled || (repeated[i] && (line ||
		    ((keys[i] & REPEATED_FOOT) != 0 &&
		    feet >= REPEATED_SOURCES)));
		/* A sentence takes more sources to join a box: a few
		 * versions of one wire story share theirs. */
		repeated[i] = repeated[i] && (line || sources >= REPEATED_BOX);
	}
	/* The rest of a box: repeated lines next to furniture, both ways. */
	for (i = 0; i < n; i++) {
		if (!furniture[i])
			continue;
		for (j = i; j > 0 && repeated[j - 1] && !furniture[j - 1]; j--)
			furniture[j - 1] = true;
		for (j = i + 1; j < n && repeated[j] && !furniture[j]; j++)
			furniture[j] = true;
	}
	/* The headline under a label marked here. */
	for (i = 1; i < n; i++) {
		if (furniture[i - 1] && !doc->sentences[i - 1].boilerplate &&
		    !furniture[i] && repeated_promoted(doc, i))
			furniture[i] = true;
	}
	for (i = 0; i < n; i++) {
		if (furniture[i] && !doc->sentences[i].boilerplate) {
			/* A heading on every page is the site's. */
			doc->sentences[i].heading = false;
			doc->sentences[i].boilerplate = true;
			changed = true;
		}
	}
	free(repeated);
	free(furniture);
	return changed;
}

bool
repeated_mark(const struct repeated *rep, struct document *doc)
{
	uint64_t *keys;
	bool changed;

	if (doc->nsentences == 0 || rep->n == 0)
		return false;
	keys = xreallocarray(NULL, 2 * doc->nsentences, sizeof *keys);
	repeated_sentence_keys(doc, keys);
	changed = repeated_mark_keys(rep, doc, keys);
	free(keys);
	return changed;
}

/* A document by outlet, for sorting. */
struct repeated_source {
	const char *outlet;
	size_t index;
};

static int
repeated_source_cmp(const void *a, const void *b)
{
	const struct repeated_source *x = a, *y = b;
	int c = strcmp(x->outlet, y->outlet);

	return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/*
 * Counts and marks one outlet's documents, DOCS[ORDER[0..N)].index,
 * with a table of their own: keys carry the outlet's hash, so no other
 * outlet's line can meet them.  A table for the whole story (two keys a
 * sentence, at most half full: 32 MB at 10,000 sources) left its
 * doublings behind as free heap that stayed resident under the linker's
 * tables (--json's peak, issue 19).
 */
static void
repeated_mark_outlet(struct document **docs,
    const struct repeated_source *order, size_t n, bool *changed)
{
	struct repeated *rep = repeated_new();
	uint64_t **keys, *scratch;
	size_t k, d, m;

	keys = xcalloc(n, sizeof *keys);
	for (k = 0; k < n; k++) {
		d = order[k].index;
		m = docs[d]->nsentences;
		keys[k] = xreallocarray(NULL, 2 * m + 1, sizeof **keys);
		repeated_sentence_keys(docs[d], keys[k]);
		scratch = xreallocarray(NULL, 2 * m + 1, sizeof *scratch);
		memcpy(scratch, keys[k], 2 * m * sizeof *scratch);
		repeated_add(rep, scratch, repeated_dedup(scratch, 2 * m));
		free(scratch);
	}
	for (k = 0; k < n; k++) {
		d = order[k].index;
		if (rep->n != 0)
			changed[d] = repeated_mark_keys(rep, docs[d], keys[k]);
		free(keys[k]);
	}
	free(keys);
	repeated_free(rep);
}

void
repeated_mark_all(struct document **docs, size_t n, bool *changed)
{
	struct repeated_source *order;
	size_t i, j;

	memset(changed, 0, n * sizeof *changed);
	if (n < REPEATED_SOURCES)
		return;
	/* Only an outlet with enough sources can repeat a line often
	 * enough: the others are never hashed. */
	order = xreallocarray(NULL, n, sizeof *order);
	for (i = 0; i < n; i++) {
		order[i].outlet = repeated_outlet(docs[i]);
		order[i].index = i;
	}
	qsort(order, n, sizeof *order, repeated_source_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n &&
		    strcmp(order[i].outlet, order[j].outlet) == 0; j++)
			;
		if (j - i >= REPEATED_SOURCES)
			repeated_mark_outlet(docs, order + i, j - i, changed);
	}
	free(order);
}
