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

/* Asks WordNet, the lock held. */
static size_t
lexicon_query(const char *word, uint64_t *out)
{
	static const int pos[] = { NOUN, VERB, ADJ };
	size_t i, n = 0;

	if (!lexicon_tried) {
		lexicon_tried = true;
		lexicon_ready = wninit() == 0;
	}
	if (!lexicon_ready)
		return 0;
	for (i = 0; i < sizeof pos / sizeof *pos; i++)
		n = lexicon_query_pos(word, pos[i], out, n);
	return n;
}

size_t
lexicon_synsets(const char *word, size_t len, uint64_t *out)
{
	char buf[LEXICON_WORD_MAX + 1];
	size_t before, n, i;
	uint32_t e;

	/* WordNet's words are letters, hyphens and apostrophes. */
	if (len == 0 || len > LEXICON_WORD_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (!((word[i] >= 'a' && word[i] <= 'z') || word[i] == '-' ||
		    word[i] == '\''))
			return 0;
	}
	memcpy(buf, word, len);
	buf[len] = '\0';
	pthread_mutex_lock(&lexicon_lock);
	before = lexicon_words.n;
	e = vocab_intern(&lexicon_words, 'w', buf, len);
	if (lexicon_words.n != before) {
		if (lexicon_words.n > lexicon_cap) {
			lexicon_cap = lexicon_cap == 0 ? 1024 : lexicon_cap * 2;
			lexicon_first = xreallocarray(lexicon_first,
			    lexicon_cap, sizeof *lexicon_first);
			lexicon_count = xreallocarray(lexicon_count,
			    lexicon_cap, sizeof *lexicon_count);
		}
		n = lexicon_query(buf, out);
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
