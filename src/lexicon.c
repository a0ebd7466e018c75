/*
 * lexicon: WordNet lookups behind one lock, cached for the process.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wn.h>

#include "lexicon.h"
#include "vocab.h"
#include "xalloc.h"

/* Senses of each part of speech read: the common ones, as the rare
 * senses of common words would join words that mean different things. */
#ifndef LEXICON_SENSES
#define LEXICON_SENSES 2
#endif
/*
 * Senses of a verb whose events are read (lexicon_event), and of those
 * the first ones whose synsets above are: WordNet orders senses by how
 * often they were seen in general text, where "fire" a gun comes before
 * "fire" an employee (its fourth sense, "dismiss"'s fourth too).
 */
#ifndef LEXICON_EVENT_SENSES
#define LEXICON_EVENT_SENSES 5
#endif
#ifndef LEXICON_EVENT_ABOVE
#define LEXICON_EVENT_ABOVE 3
#endif
/* Steps above a verb's senses its events reach. */
#ifndef LEXICON_EVENT_UP
#define LEXICON_EVENT_UP 2
#endif
/* Longest word looked up; WordNet's own buffers are not much longer. */
#define LEXICON_WORD_MAX 63

static pthread_mutex_t lexicon_lock = PTHREAD_MUTEX_INITIALIZER;
static bool lexicon_tried;
static bool lexicon_ready;
/* The cache: words interned, each with its synsets in one pool. */
static struct vocab lexicon_words;
static uint32_t *lexicon_first;	/* by word: first synset in the pool */
static uint8_t *lexicon_count;
static size_t lexicon_cap;
static uint64_t *lexicon_pool;
static size_t lexicon_npool;
static size_t lexicon_poolcap;

static uint64_t
lexicon_key(int pos, long offset)
{
	return ((uint64_t)(unsigned)pos << 32) | (uint64_t)(unsigned long)offset;
}

static size_t
lexicon_add(uint64_t *out, size_t n, uint64_t key)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (out[i] == key)
			return n;
	}
	if (n < LEXICON_MAX)
		out[n++] = key;
	return n;
}

/* The synsets of WORD's first senses as POS, and their derivations. */
static size_t
lexicon_query_pos(const char *word, int pos, uint64_t *out, size_t n)
{
	char buf[LEXICON_WORD_MAX + 1], base[LEXICON_WORD_MAX + 1];
	const char *form;
	SynsetPtr list, s;
	int sense, j;

	memcpy(buf, word, strlen(word) + 1);
	/* morphstr gives the base form only when it differs from the word. */
	form = morphstr(buf, pos);
	if (form == NULL)
		form = word;
	if (strlen(form) > LEXICON_WORD_MAX)
		return n;
	memcpy(base, form, strlen(form) + 1);
	list = findtheinfo_ds(base, pos, SYNS, ALLSENSES);
	for (s = list, sense = 0; s != NULL && sense < LEXICON_SENSES;
	    s = s->nextss, sense++) {
		n = lexicon_add(out, n, lexicon_key(pos, s->hereiam));
		for (j = 0; j < s->ptrcount; j++) {
			/* "resign" - "resignation", "diplomatic" - "diplomacy" */
			if (s->ptrtyp[j] == DERIVATION ||
			    s->ptrtyp[j] == PERTPTR)
				n = lexicon_add(out, n,
				    lexicon_key(s->ppos[j], s->ptroff[j]));
		}
	}
	if (list != NULL)
		free_syns(list);
	return n;
}

/*
 * Adds synset KEY, LEVEL steps above a sense, to the N event keys at OUT,
 * or lowers its level if it is there.
 */
static size_t
lexicon_add_event(uint64_t *out, size_t n, uint64_t key, unsigned level)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if ((out[i] & LEXICON_EVENT_KEY) == key) {
			if (out[i] >> LEXICON_EVENT_SHIFT > level)
				out[i] = key | (uint64_t)level <<
				    LEXICON_EVENT_SHIFT;
			return n;
		}
	}
	if (n < LEXICON_MAX)
		out[n++] = key | (uint64_t)level << LEXICON_EVENT_SHIFT;
	return n;
}

/* Adds the synsets above S (LEVEL steps above a sense), and above them
 * while under LEXICON_EVENT_UP. */
static size_t
lexicon_add_above(SynsetPtr s, unsigned level, uint64_t *out, size_t n)
{
	SynsetPtr up;
	int j;

	for (j = 0; j < s->ptrcount; j++) {
		if (s->ptrtyp[j] != HYPERPTR || s->ppos[j] != VERB)
			continue;
		n = lexicon_add_event(out, n, lexicon_key(VERB, s->ptroff[j]),
		    level);
		if (level < LEXICON_EVENT_UP &&
		    (up = read_synset(VERB, s->ptroff[j], "")) != NULL) {
			n = lexicon_add_above(up, level + 1, out, n);
			free_synset(up);
		}
	}
	return n;
}

/*
 * The events of VERB (a base form or any of its forms; "force_out" for a
 * phrasal verb): the synsets of its first LEXICON_EVENT_SENSES senses as
 * a verb, their verb groups and the nouns derived from them ("resign" -
 * "resignation") at level 0, the synsets up to LEXICON_EVENT_UP steps
 * above the first LEXICON_EVENT_ABOVE at their level ("add" is "increase"
 * at 1, "rise" at 2), and their antonyms at LEXICON_EVENT_OPPOSITE.
 */
static size_t
lexicon_query_event(const char *verb, uint64_t *out)
{
	char buf[LEXICON_WORD_MAX + 1], base[LEXICON_WORD_MAX + 1];
	const char *form;
	SynsetPtr list, s;
	size_t n = 0;
	int sense, j;

	memcpy(buf, verb, strlen(verb) + 1);
	form = morphstr(buf, VERB);
	if (form == NULL)
		form = verb;
	if (strlen(form) > LEXICON_WORD_MAX)
		return 0;
	memcpy(base, form, strlen(form) + 1);
	list = findtheinfo_ds(base, VERB, SYNS, ALLSENSES);
	for (s = list, sense = 0; s != NULL && sense < LEXICON_EVENT_SENSES;
	    s = s->nextss, sense++) {
		n = lexicon_add_event(out, n, lexicon_key(VERB, s->hereiam), 0);
		for (j = 0; j < s->ptrcount; j++) {
			if (s->ptrtyp[j] == VERBGROUP ||
			    s->ptrtyp[j] == DERIVATION)
				n = lexicon_add_event(out, n,
				    lexicon_key(s->ppos[j], s->ptroff[j]), 0);
			else if (s->ptrtyp[j] == ANTPTR)
				n = lexicon_add_event(out, n,
				    lexicon_key(s->ppos[j], s->ptroff[j]),
				    LEXICON_EVENT_OPPOSITE);
		}
		if (sense < LEXICON_EVENT_ABOVE)
			n = lexicon_add_above(s, 1, out, n);
	}
	if (list != NULL)
		free_syns(list);
	return n;
}

/* Asks WordNet, the lock held: synsets (KIND 'w') or events ('e'). */
static size_t
lexicon_query(char kind, const char *word, uint64_t *out)
{
	static const int pos[] = { NOUN, VERB, ADJ };
	const char *particle;
	char head[LEXICON_WORD_MAX + 1];
	size_t i, n = 0;

	if (!lexicon_tried) {
		lexicon_tried = true;
		lexicon_ready = wninit() == 0;
	}
	if (!lexicon_ready)
		return 0;
	if (kind == 'e') {
		n = lexicon_query_event(word, out);
		/* A noun names an event through its own synsets and the
		 * verbs it derives from: "resignation" - "resign". */
		if (n == 0)
			n = lexicon_query_pos(word, NOUN, out, 0);
		/* A phrasal verb WordNet does not list is its verb alone. */
		particle = strchr(word, '_');
		if (n == 0 && particle != NULL) {
			memcpy(head, word, (size_t)(particle - word));
			head[particle - word] = '\0';
			n = lexicon_query_event(head, out);
		}
		/* Sorted by synset, so two verbs' events meet in one merge. */
		for (i = 1; i < n; i++) {
			uint64_t key = out[i];
			size_t k;

			for (k = i; k > 0 && (out[k - 1] & LEXICON_EVENT_KEY) >
			    (key & LEXICON_EVENT_KEY); k--)
				out[k] = out[k - 1];
			out[k] = key;
		}
		return n;
	}
	for (i = 0; i < sizeof pos / sizeof *pos; i++)
		n = lexicon_query_pos(word, pos[i], out, n);
	return n;
}

/* The answer for WORD (LEN bytes) of KIND, from the cache or WordNet. */
static size_t
lexicon_cached(char kind, const char *word, size_t len, uint64_t *out)
{
	char buf[LEXICON_WORD_MAX + 1];
	size_t before, n, i;
	uint32_t e;

	/* WordNet's words are letters, hyphens and apostrophes (and "_"
	 * between the words of a phrase). */
	if (len == 0 || len > LEXICON_WORD_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (!((word[i] >= 'a' && word[i] <= 'z') || word[i] == '-' ||
		    word[i] == '\'' || (kind == 'e' && word[i] == '_')))
			return 0;
	}
	memcpy(buf, word, len);
	buf[len] = '\0';
	pthread_mutex_lock(&lexicon_lock);
	before = lexicon_words.n;
	e = vocab_intern(&lexicon_words, kind, buf, len);
	if (lexicon_words.n != before) {
		if (lexicon_words.n > lexicon_cap) {
			lexicon_cap = lexicon_cap == 0 ? 1024 : lexicon_cap * 2;
			lexicon_first = xreallocarray(lexicon_first,
			    lexicon_cap, sizeof *lexicon_first);
			lexicon_count = xreallocarray(lexicon_count,
			    lexicon_cap, sizeof *lexicon_count);
		}
		n = lexicon_query(kind, buf, out);
		if (lexicon_npool + n + 1 > lexicon_poolcap) {
			lexicon_poolcap = (lexicon_npool + n) * 2 + 1024;
			lexicon_pool = xreallocarray(lexicon_pool,
			    lexicon_poolcap, sizeof *lexicon_pool);
		}
		memcpy(lexicon_pool + lexicon_npool, out, n * sizeof *out);
		lexicon_first[e] = (uint32_t)lexicon_npool;
		lexicon_count[e] = (uint8_t)n;
		lexicon_npool += n;
	} else {
		n = lexicon_count[e];
		memcpy(out, lexicon_pool + lexicon_first[e], n * sizeof *out);
	}
	pthread_mutex_unlock(&lexicon_lock);
	return n;
}

size_t
lexicon_synsets(const char *word, size_t len, uint64_t *out)
{
	return lexicon_cached('w', word, len, out);
}

size_t
lexicon_event(const char *verb, size_t len, uint64_t *out)
{
	return lexicon_cached('e', verb, len, out);
}
