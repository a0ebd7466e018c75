/*
 * atoms: a structure-aware mutator for the matcher's fuzz input (phrases,
 * one a line, a NUL byte, then the text; see fuzz_matcher.c), linked into
 * fuzz_matcher_atoms beside the same target.
 *
 * Why: libFuzzer's byte mutations rarely build what breaks a matcher of
 * Unicode text: a phrase that also stands in the text, next to a combining
 * mark, a case fold that changes length, a control the sanitiser turns into
 * a picture, or a code point that takes the tokenizer's cache slot of
 * another.  A stale cache entry (U+2404 emitted as U+AC00, which shares its
 * slot) failed CI after libFuzzer runs of 300,000 inputs here had missed it;
 * this mutator puts such pairs side by side on purpose.  A quarter of the
 * mutations stay libFuzzer's own, so coverage still guides the search.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "token.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
    unsigned int seed);

/* Code points that have broken, or could break, tokenizing and folding. */
static const int32_t atoms_pool[] = {
	'a', 'Z', '7', '.', ',', '-', '\'', '*', ' ', '\t', '\n', '=',
	0x04, 0x1b, 0x7f,			/* controls: pictures */
	0x00a0, 0x00ad, 0x00b2, 0x00df,		/* nbsp, soft hyphen, ², ß */
	0x0130, 0x0301, 0x0303, 0x0308,		/* İ, combining marks */
	0x0390, 0x05d0, 0x0627, 0x064b,		/* ΐ, Hebrew, Arabic */
	0x0915, 0x094d, 0x1100, 0x1161,		/* Devanagari, jamo */
	0x1e9e, 0x1f08, 0x1f88, 0x200b,		/* ẞ, Greek, ZWSP */
	0x2014, 0x2019, 0x201c, 0x202e,		/* dash, quotes, RLO */
	0x20dd, 0x2122, 0x2404, 0x2460,		/* ™, ␄, ① */
	0x2f5d, 0x3099, 0x30ab, 0x4e00,		/* Kangxi, kana, CJK */
	0xac00, 0xfb00, 0xfe0f, 0xff21,		/* 가, ﬀ, VS16, Ａ */
	0xfffd, 0x1f600,
};

static uint32_t
atoms_rand(uint32_t *state)
{
	/* xorshift32: enough for picking, and seeded by libFuzzer. */
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* A code point of any plane up to U+2FFFF, never a surrogate or NUL. */
static int32_t
atoms_random_cp(uint32_t *state)
{
	int32_t cp;

	do
		cp = (int32_t)(atoms_rand(state) % 0x30000);
	while (cp == 0 || (cp >= 0xd800 && cp < 0xe000));
	return cp;
}

/* What the tokenizer looks up for CP after sanitising: a C0 control or
 * DEL as its picture. */
static int32_t
atoms_sanitised(int32_t cp)
{
	if (cp < 0x20 && cp != '\t' && cp != '\n')
		return 0x2400 + cp;
	return cp == 0x7f ? 0x2421 : cp;
}

/* Another code point sharing CP's hashed cache slot, or a pool atom when
 * CP has an entry of its own. */
static int32_t
atoms_partner(uint32_t *state, int32_t cp)
{
	size_t slot = token_cache_slot(atoms_sanitised(cp));
	int tries;

	if (slot >= CPCACHE_LOW + 0x70)
		for (tries = 0; tries < 100000; tries++) {
			int32_t other = atoms_random_cp(state);

			if (other != cp && token_cache_slot(other) == slot)
				return other;
		}
	return atoms_pool[atoms_rand(state) %
	    (sizeof atoms_pool / sizeof atoms_pool[0])];
}

/* A code point start at or before POS in DATA. */
static size_t
atoms_boundary(const uint8_t *data, size_t pos)
{
	while (pos > 0 && (data[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

/* The code point starting at POS, or U+FFFD for bytes that are not one. */
static int32_t
atoms_cp_at(const uint8_t *data, size_t size, size_t pos)
{
	utf8proc_int32_t cp = -1;

	utf8proc_iterate(data + pos, (utf8proc_ssize_t)(size - pos), &cp);
	return cp > 0 ? cp : 0xfffd;
}

/* Inserts BYTES at POS if it fits under MAX; returns the new size. */
static size_t
atoms_insert(uint8_t *data, size_t size, size_t max, size_t pos,
    const uint8_t *bytes, size_t n)
{
	if (size + n > max || pos > size)
		return size;
	memmove(data + pos + n, data + pos, size - pos);
	memcpy(data + pos, bytes, n);
	return size + n;
}

size_t
LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
    unsigned int seed)
{
	uint32_t state = seed | 1;
	uint8_t buf[64];
	size_t nul, pos, n = 0, start, end;
	int32_t cp;

	if (atoms_rand(&state) % 4 == 0)
		return LLVMFuzzerMutate(data, size, max_size);
	nul = size;
	if (memchr(data, '\0', size) != NULL)
		nul = (size_t)((uint8_t *)memchr(data, '\0', size) - data);
	else if (size < max_size)
		data[size++] = '\0';
	else
		return LLVMFuzzerMutate(data, size, max_size);

	switch (atoms_rand(&state) % 4) {
	case 0:		/* a pool atom or any code point, anywhere */
		cp = atoms_rand(&state) % 3 == 0 ? atoms_random_cp(&state) :
		    atoms_pool[atoms_rand(&state) %
		    (sizeof atoms_pool / sizeof atoms_pool[0])];
		n = (size_t)utf8proc_encode_char(cp, buf);
		break;
	case 1:		/* a code point sharing the cache slot of one present */
		pos = atoms_boundary(data, atoms_rand(&state) % size);
		n = (size_t)utf8proc_encode_char(atoms_partner(&state,
		    atoms_cp_at(data, size, pos)), buf);
		break;
	case 2:		/* a phrase line of the input copied into the text */
		start = nul > 0 ? atoms_rand(&state) % nul : 0;
		while (start > 0 && data[start - 1] != '\n')
			start--;
		if (start < nul && data[start] == '=')
			start++;
		for (end = start; end < nul && data[end] != '\n' &&
		    end - start < sizeof buf; end++)
			;
		n = end - start;
		memcpy(buf, data + start, n);
		break;
	default:	/* a new phrase of one or two atoms */
		cp = atoms_pool[atoms_rand(&state) %
		    (sizeof atoms_pool / sizeof atoms_pool[0])];
		if (cp == '\n' || cp == '=')
			cp = 0xac00;
		if (atoms_rand(&state) % 3 == 0)
			buf[n++] = '=';
		n += (size_t)utf8proc_encode_char(cp, buf + n);
		n += (size_t)utf8proc_encode_char(atoms_partner(&state, cp),
		    buf + n);
		buf[n++] = '\n';
		return atoms_insert(data, size, max_size, 0, buf, n);
	}
	/* Into the text (after the NUL) mostly, the phrases now and then. */
	if (atoms_rand(&state) % 4 == 0 || size == nul + 1)
		pos = atoms_boundary(data, nul > 0 ? atoms_rand(&state) % nul : 0);
	else
		pos = nul + 1 + atoms_rand(&state) % (size - nul);
	if (pos < size && pos > nul)
		pos = atoms_boundary(data, pos);
	return atoms_insert(data, size, max_size, pos, buf, n);
}
