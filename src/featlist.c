/*
 * featlist: sentences' feature blocks, ids of 16 or 32 bits with their
 * roles packed after them (featlist.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bigarray.h"
#include "featlist.h"
#include "xalloc.h"

/* Bytes a word of the list takes. */
static size_t
featlist_word(const struct featlist *fl)
{
	return fl->wide ? sizeof(uint32_t) : sizeof(uint16_t);
}

/* Word W of DATA, of 16 bits or (WIDE) 32. */
static inline uint32_t
featlist_get(const void *data, size_t w, bool wide)
{
	return wide ? ((const uint32_t *)data)[w] : ((const uint16_t *)data)[w];
}

static inline void
featlist_set(void *data, size_t w, uint32_t v, bool wide)
{
	if (wide)
		((uint32_t *)data)[w] = v;
	else
		((uint16_t *)data)[w] = (uint16_t)v;
}

/* Writes the block of FEATS at START of DATA, its words WIDE or not:
 * inlined for each width, so that the loops test none. */
static inline void
featlist_write_as(void *data, size_t start, const uint32_t *feats,
    uint32_t n, bool wide)
{
	const uint32_t per = wide ? 16 : 8;
	uint32_t k, b, word;

	for (k = 0; k < n; k++)
		featlist_set(data, start + k, feats[k] >> FEATLIST_ROLE_BITS,
		    wide);
	for (k = 0; k < n; k += per) {
		for (b = word = 0; b < per && k + b < n; b++)
			word |= (feats[k + b] & FEATLIST_ROLES) <<
			    (b * FEATLIST_ROLE_BITS);
		featlist_set(data, start + n + k / per, word, wide);
	}
}

static void
featlist_write(struct featlist *fl, size_t start, const uint32_t *feats,
    uint32_t n)
{
	if (fl->wide)
		featlist_write_as(fl->data, start, feats, n, true);
	else
		featlist_write_as(fl->data, start, feats, n, false);
}

/* Reads the block of N features at START of DATA into OUT, as
 * featlist_write_as wrote it. */
static inline void
featlist_read_as(const void *data, size_t start, uint32_t n, uint32_t *out,
    bool wide)
{
	const unsigned per = wide ? 16 : 8;
	uint32_t k, word = 0;

	for (k = 0; k < n; k++) {
		if (k % per == 0)
			word = featlist_get(data, start + n + k / per, wide);
		out[k] = featlist_get(data, start + k, wide) <<
		    FEATLIST_ROLE_BITS | (word & FEATLIST_ROLES);
		word >>= FEATLIST_ROLE_BITS;
	}
}

uint32_t
featlist_add(struct featlist *fl, const uint32_t *feats, uint32_t n)
{
	size_t need = fl->n + featlist_words(fl, n), cap = fl->cap, start;

	if (need > UINT32_MAX)
		fatal("claims: too many words to link");
	if (need > cap) {
		while (cap < need)
			cap = cap == 0 ? 8192 : cap * 2;
		fl->data = bigarray_resize(fl->data, fl->cap, cap,
		    featlist_word(fl));
		fl->cap = cap;
	}
	start = fl->n;
	featlist_write(fl, start, feats, n);
	fl->n = need;
	return (uint32_t)start;
}

void
featlist_put(struct featlist *fl, uint32_t start, const uint32_t *feats,
    uint32_t n)
{
	featlist_write(fl, start, feats, n);
	fl->n = start + featlist_words(fl, n);
}

void
featlist_read(const struct featlist *fl, uint32_t start, uint32_t n,
    uint32_t *out)
{
	if (fl->wide)
		featlist_read_as(fl->data, start, n, out, true);
	else
		featlist_read_as(fl->data, start, n, out, false);
}

void
featlist_trim(struct featlist *fl)
{
	fl->data = bigarray_resize(fl->data, fl->cap, fl->n + 1,
	    featlist_word(fl));
	fl->cap = fl->n + 1;
}

void
featlist_free(struct featlist *fl)
{
	bigarray_free(fl->data, fl->cap, featlist_word(fl));
	fl->data = NULL;
	fl->n = fl->cap = 0;
}

void
featlist_marks_free(struct featlist_marks *m)
{
	free(m->roles);
	m->roles = NULL;
	m->any = false;
}

void
featlist_mark(struct featlist_marks *m, const struct featlist *fl,
    uint32_t start, uint32_t n, size_t nids)
{
	uint32_t k;

	if (m->any && m->start == start && m->n == n)
		return;
	if (m->roles == NULL)
		m->roles = xcalloc(nids + 1, 1);
	for (k = 0; m->any && k < m->n; k++)
		m->roles[featlist_id(fl, m->start, k)] = 0;
	for (k = 0; k < n; k++)
		m->roles[featlist_id(fl, start, k)] = (unsigned char)(1 +
		    featlist_roles(fl, start, n, k));
	m->start = start;
	m->n = n;
	m->any = true;
}
