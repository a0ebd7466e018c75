/* words: tokenising sentences for comparison. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"

/* Decodes the code point at TEXT[POS], setting *size; 0 at the end. */
static int32_t
words_peek(const char *text, size_t len, size_t pos, size_t *size)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	*size = 0;
	if (pos >= len)
		return 0;
	if ((unsigned char)text[pos] < 0x80) {
		*size = 1;
		return (unsigned char)text[pos];
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)text + pos,
	    (utf8proc_ssize_t)(len - pos), &cp);
	if (n <= 0) {
		*size = 1;
		return 0xfffd;
	}
	*size = (size_t)n;
	return cp;
}

static bool
words_is_alnum(int32_t cp)
{
	if (cp < 0x80)
		return ascii_is_alnum(cp);
	if (text_is_letter(cp))
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

static bool
words_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02bc;
}

/*
 * Length of a dotted acronym ("U.S.", "U.N.") starting at POS, or 0: two or
 * more capitals, each followed by a full stop.
 */
static size_t
words_dotted(const char *text, size_t len, size_t pos)
{
	size_t p = pos;

	while (p + 1 < len && ascii_is_upper(text[p]) &&
	    text[p + 1] == '.')
		p += 2;
	return p - pos >= 4 ? p - pos : 0;
}

static void
words_push(struct words *w, size_t start, size_t end, size_t fold,
    unsigned flags)
{
	struct word *t;

	if (w->n == w->cap) {
		w->cap = w->cap == 0 ? 32 : w->cap * 2;
		w->items = xreallocarray(w->items, w->cap, sizeof *w->items);
	}
	t = &w->items[w->n++];
	t->start = start;
	t->end = end;
	t->fold = fold;
	t->foldlen = w->folds.len - fold;
	t->flags = flags;
	strbuf_addch(&w->folds, '\0');
}

static void
words_add_lower(struct strbuf *sb, int32_t cp)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n;

	if (cp < 0x80) {
		strbuf_addch(sb, (char)ascii_lower(cp));
		return;
	}
	n = utf8proc_encode_char(utf8proc_tolower(cp), enc);
	strbuf_add(sb, (const char *)enc, (size_t)n);
}

/*
 * Folds the run of ASCII letters and digits at TEXT[POS] in one go,
 * counting its letters and capitals.  Returns its length, 0 for none.
 */
static size_t
words_ascii_run(struct words *w, const char *text, size_t len, size_t pos,
    size_t *letters, size_t *uppers)
{
	size_t end, i;
	char *d;
	unsigned char c;

	for (end = pos; end < len; end++) {
		c = (unsigned char)text[end];
		if (ascii_is_lower(c))
			(*letters)++;
		else if (ascii_is_upper(c)) {
			(*letters)++;
			(*uppers)++;
		} else if (!ascii_is_digit(c))
			break;
	}
	if (end == pos)
		return 0;
	strbuf_add(&w->folds, text + pos, end - pos);
	d = w->folds.data + w->folds.len - (end - pos);
	for (i = 0; i < end - pos; i++) {
		if (d[i] >= 'A' && d[i] <= 'Z')
			d[i] = (char)(d[i] + 32);
	}
	return end - pos;
}

void
words_split(struct words *w, const char *text, size_t len)
{
	size_t pos = 0, size, start, fold, dotted, letters, uppers, next;
	int32_t cp, cp2;
	bool number;

	while (pos < len) {
		cp = words_peek(text, len, pos, &size);
		if (cp == '%') {
			fold = w->folds.len;
			strbuf_addstr(&w->folds, "percent");
			words_push(w, pos, pos + 1, fold, 0);
			pos++;
			continue;
		}
		if (!words_is_alnum(cp)) {
			pos += size;
			continue;
		}
		start = pos;
		fold = w->folds.len;
		if ((dotted = words_dotted(text, len, pos)) != 0) {
			for (; pos < start + dotted; pos++) {
				if (text[pos] != '.')
					words_add_lower(&w->folds, text[pos]);
			}
			words_push(w, start, pos, fold,
			    WORD_CAPITAL | WORD_ACRONYM);
			continue;
		}
		number = ascii_is_digit(cp);
		letters = uppers = 0;
		while (pos < len) {
			if ((size = words_ascii_run(w, text, len, pos, &letters,
			    &uppers)) != 0) {
				pos += size;
				continue;
			}
			cp = words_peek(text, len, pos, &size);
			if (words_is_alnum(cp)) {
				if (cp < 0x80 ? !ascii_is_digit(cp) :
				    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
					letters++;
				if (cp < 0x80 ? ascii_is_upper(cp) :
				    utf8proc_isupper(cp))
					uppers++;
				words_add_lower(&w->folds, cp);
				pos += size;
				continue;
			}
			cp2 = words_peek(text, len, pos + size, &next);
			if (words_is_apostrophe(cp) && !number &&
			    words_is_alnum(cp2) && !ascii_is_digit(cp2)) {
				strbuf_addch(&w->folds, '\'');
				pos += size;
				continue;
			}
			if ((cp == '.' || cp == ',') && number &&
			    ascii_is_digit(cp2)) {
				strbuf_addch(&w->folds, (char)cp);
				pos += size;
				continue;
			}
			break;
		}
		/* "Ukraine's" is Ukraine for comparison. */
		if (w->folds.len - fold > 2 &&
		    memcmp(w->folds.data + w->folds.len - 2, "'s", 2) == 0) {
			w->folds.len -= 2;
			w->folds.data[w->folds.len] = '\0';
		}
		cp = words_peek(text, len, start, &size);
		words_push(w, start, pos, fold,
		    (number ? WORD_NUMBER : 0) |
		    ((cp < 0x80 ? ascii_is_upper(cp) :
		    utf8proc_isupper(cp)) ? WORD_CAPITAL : 0) |
		    (letters >= 2 && uppers == letters ? WORD_ACRONYM : 0));
	}
}

/*
 * A binary search that compares bytes itself: most probes differ at the
 * first, the words are short, and the claim linker asks some 50 times a
 * sentence (clause.h, predicate.h), where bsearch's call of a comparison
 * that calls strcmp was a tenth of linking's instructions; a call of
 * strcmp past the first byte costs more than these words' few bytes.
 */
bool
words_listed(const char *word, const char *const *list, size_t n)
{
	const unsigned char *u = (const unsigned char *)word, *v;
	size_t lo = 0, hi = n, mid, k;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		v = (const unsigned char *)list[mid];
		for (k = 0; v[k] == u[k] && u[k] != '\0'; k++)
			continue;
		c = v[k] - u[k];
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static const char *const words_british[][2] = {
	{ "behaviour", "behavior" }, { "centre", "center" },
	{ "colour", "color" }, { "defence", "defense" }, { "favour", "favor" },
	{ "honour", "honor" }, { "labour", "labor" },
	{ "neighbour", "neighbor" }, { "offence", "offense" },
	{ "programme", "program" },
};

void
words_american(char *w, size_t *len)
{
	static const char *const ends[] = {
		"isation", "isations", "ise", "ised", "ises", "ising",
	};
	size_t i, n;

	for (i = 0; i < sizeof words_british / sizeof *words_british; i++) {
		if (strcmp(w, words_british[i][0]) == 0) {
			*len = strlen(words_british[i][1]);
			memcpy(w, words_british[i][1], *len + 1);
			return;
		}
	}
	/* -ise and -ize: the s of "ise" becomes z. */
	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		n = strlen(ends[i]);
		if (*len > n + 2 && strcmp(w + *len - n, ends[i]) == 0) {
			w[*len - n + 1] = 'z';
			return;
		}
	}
}

void
words_reset(struct words *w)
{
	w->n = 0;
	strbuf_reset(&w->folds);
}

void
words_free(struct words *w)
{
	free(w->items);
	strbuf_free(&w->folds);
	w->items = NULL;
	w->n = w->cap = 0;
}
