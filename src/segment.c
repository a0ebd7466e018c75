#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "scan.h"
#include "segment.h"
#include "segwords.h"
#include "text.h"
#include "xalloc.h"

/* The steps taken at every sentence go in line in the loop, and the
 * rare cases they hand on stay out of it: a call at each sentence cost
 * as much as the test it made. */
#define SEGMENT_INLINE static inline __attribute__((always_inline))
#define SEGMENT_RARE static __attribute__((noinline))

/* What the first letter after a candidate boundary looks like. */
enum segment_next {
	NEXT_END,
	NEXT_LOWER,
	NEXT_UPPER,
	NEXT_DIGIT,
	NEXT_OTHER
};

/* A list marker: "1.", "2)", "3.)" or "a." at the start of a sentence. */
struct segment_marker {
	int value;		/* the number, or the letter */
	int digits;		/* 1 when numeric */
	char style[3];		/* ".", ")" or ".)" */
};

struct segment_state {
	const char *s;
	size_t len;
	struct span *spans;
	size_t n;
	size_t cap;
	size_t start;		/* where the current sentence starts */
	bool first;		/* still in the first sentence */
	bool have_marker;	/* the current sentence is a list item */
	struct segment_marker marker;
	struct scan_cursor stops;	/* over segment_stops */
	struct scan_cursor stops_first;	/* over segment_stops_first */
	const uint64_t *bits;	/* segment_stops' bits, or NULL */
	const uint64_t *camels;	/* scan_camels' bits, with `bits` */
	size_t at;		/* the bit of s[0] in both */
};

/* White space, by table: the splitter asks at nearly every step. */
static const bool segment_space[256] = {
	[' '] = true, ['\t'] = true, ['\n'] = true, ['\r'] = true,
	['\f'] = true, ['\v'] = true
};

static bool
segment_is_space(char c)
{
	return segment_space[(unsigned char)c];
}

/* Length of whichever entry of LIST stands at S[I], or 0. */
static inline size_t
segment_at_any(const struct segment_state *st, size_t i,
    enum segwords_list list)
{
	return i < st->len ? segwords_at(st->s + i, st->len - i, list) : 0;
}

static size_t
segment_skip_space(const struct segment_state *st, size_t i)
{
	while (i < st->len && segment_is_space(st->s[i]))
		i++;
	return i;
}

/* Whether S[START, END) has no letter or digit: "…", "”". */
static bool
segment_bare(const char *s, size_t start, size_t end)
{
	size_t i;

	/* Most sentences open on a letter or digit: answered at once. */
	if (start < end && ascii_is_alnum(s[start]))
		return false;
	for (i = start; i < end; i++) {
		/* U+2000-U+203F, general punctuation: "…", "”", "—". */
		if ((unsigned char)s[i] == 0xe2 && i + 2 < end &&
		    (unsigned char)s[i + 1] == 0x80) {
			i += 2;
			continue;
		}
		if (ascii_is_alnum(s[i]) || (unsigned char)s[i] >= 0x80)
			return false;
	}
	return true;
}

/* Does S[0, END) end with a closing quote: a double one, or a single one
 * right after a stop or comma ("'It's not an amnesty.'"), which an
 * apostrophe ("voters'") is not? */
static bool
segment_ends_quote(const char *s, size_t end)
{
	unsigned char last = (unsigned char)s[end - 1];
	size_t before = end - 1;

	if (last == '"' || (end >= 3 && last == 0x9d &&
	    (unsigned char)s[end - 2] == 0x80))
		return true;
	if (end >= 4 && last == 0x99 && (unsigned char)s[end - 2] == 0x80 &&
	    (unsigned char)s[end - 3] == 0xe2)
		before = end - 3;
	else if (last != '\'')
		return false;
	return before > 0 && (s[before - 1] == '.' || s[before - 1] == '?' ||
	    s[before - 1] == '!' || s[before - 1] == ',');
}

/*
 * Whether S[START, END) is an attribution cut from the quote before it
 * ('"We will win." Clinton said.'): at most five words ending in a
 * reporting verb, after a sentence that ends with a closing quote.
 */
static bool
segment_attribution(const struct segment_state *st, size_t start,
    size_t end)
{
	const struct span *prev = &st->spans[st->n - 1];
	size_t i, words = 1;

	if (!segment_ends_quote(st->s, prev->end))
		return false;
	/* A fragment with a double quote of its own ends a quote ("Six of
	 * those,\xe2\x80\x9d Harkin said."), it is no attribution alone. */
	for (i = start; i < end; i++) {
		if ((st->s[i] == ' ' && ++words > 5) || st->s[i] == '"' ||
		    ((unsigned char)st->s[i] == 0x9d && i >= start + 2 &&
		    (unsigned char)st->s[i - 1] == 0x80))
			return false;
	}
	return segwords_said_end(st->s, start, end);
}

/* Does S[START, END) belong to the sentence before it: a lone "…" or
 * "”", or an attribution cut from its quote on the same line? */
SEGMENT_RARE bool
segment_joins(const struct segment_state *st, size_t start, size_t end)
{
	return segment_bare(st->s, start, end) ||
	    (segment_attribution(st, start, end) &&
	    memchr(st->s + st->spans[st->n - 1].end, '\n',
	    start - st->spans[st->n - 1].end) == NULL);
}

/* Could the sentence from START join the one before (segment_joins)?
 * Only when it opens on no letter or digit, or the one before closes
 * a quote: news's sentences are answered here. */
static inline bool
segment_may_join(const struct segment_state *st, size_t start)
{
	unsigned char last;

	if (st->n == 0)
		return false;
	last = (unsigned char)st->s[st->spans[st->n - 1].end - 1];
	return !ascii_is_alnum(st->s[start]) || last == '"' || last == '\'' ||
	    last == 0x9d || last == 0x99;
}

static void
segment_grow(struct segment_state *st)
{
	st->cap = st->cap == 0 ? 16 : st->cap * 2;
	st->spans = xreallocarray(st->spans, st->cap, sizeof *st->spans);
}

SEGMENT_INLINE void
segment_emit(struct segment_state *st, size_t end)
{
	size_t start = st->start;

	while (end > start && segment_is_space(st->s[end - 1]))
		end--;
	if (end <= start)
		return;
	if (segment_may_join(st, start) && segment_joins(st, start, end)) {
		st->spans[st->n - 1].end = end;
		return;
	}
	if (st->n == st->cap)
		segment_grow(st);
	st->spans[st->n].start = start;
	st->spans[st->n].end = end;
	st->n++;
	st->first = false;
}

/*
 * Reads a list marker at I: an optional bullet, then up to two digits or
 * one lowercase letter, then ".", ")" or ".)", then a space.  Returns the
 * length of the marker, or 0.
 */
SEGMENT_RARE size_t
segment_marker_read(const struct segment_state *st, size_t i,
    struct segment_marker *m)
{
	size_t j = i, b;

	if ((b = segment_at_any(st, j, SEGWORDS_BULLETS)) != 0)
		j = segment_skip_space(st, j + b);
	m->value = 0;
	m->digits = 0;
	if (j < st->len && ascii_is_digit(st->s[j])) {
		m->digits = 1;
		while (j < st->len && ascii_is_digit(st->s[j]) &&
		    m->value < 100)
			m->value = m->value * 10 + (st->s[j++] - '0');
		if (m->value >= 100)
			return 0;
	} else if (j < st->len && ascii_is_lower(st->s[j]))
		m->value = st->s[j++];
	else
		return 0;
	if (j + 1 < st->len && st->s[j] == '.' && st->s[j + 1] == ')') {
		memcpy(m->style, ".)", 3);
		j += 2;
	} else if (j < st->len && (st->s[j] == '.' || st->s[j] == ')')) {
		m->style[0] = st->s[j];
		m->style[1] = '\0';
		j++;
	} else
		return 0;
	if (j >= st->len || st->s[j] != ' ')
		return 0;
	return j - i;
}

/* segment_marker_read, with the usual answer in line: most sentences
 * start with a capital, which starts no marker (M is then left as it
 * was: no caller reads it). */
static inline size_t
segment_marker_at(const struct segment_state *st, size_t i,
    struct segment_marker *m)
{
	char c;

	if (i >= st->len)
		return 0;
	c = st->s[i];
	if (!ascii_is_digit(c) && !ascii_is_lower(c) &&
	    !segwords_may_start((unsigned char)c, SEGWORDS_BULLETS))
		return 0;
	return segment_marker_read(st, i, m);
}

/* Starts a sentence at I; returns where scanning resumes (after a list
 * marker, whose full stop is not a boundary). */
SEGMENT_INLINE size_t
segment_begin(struct segment_state *st, size_t i)
{
	size_t n;

	st->start = segment_skip_space(st, i);
	n = segment_marker_at(st, st->start, &st->marker);
	st->have_marker = n != 0;
	return st->start + n;
}

/* Is the next item of the current list at I ("2." after "1.")? */
static bool
segment_next_item_at(const struct segment_state *st, size_t i)
{
	struct segment_marker m;

	if (!st->have_marker || segment_marker_at(st, i, &m) == 0)
		return false;
	return m.digits == st->marker.digits &&
	    m.value == st->marker.value + 1 &&
	    strcmp(m.style, st->marker.style) == 0;
}

/* Does a list item start at I, after white space: a bullet, or the
 * next item of the current list? */
static bool
segment_item_starts(const struct segment_state *st, size_t i)
{
	return i > st->start && segment_is_space(st->s[i - 1]) &&
	    (segment_at_any(st, i, SEGWORDS_BULLETS) != 0 ||
	    segment_next_item_at(st, i));
}

/* The kind of the ASCII byte C. */
static inline enum segment_next
segment_classify_ascii(char c)
{
	if (ascii_is_upper(c))
		return NEXT_UPPER;
	if (ascii_is_lower(c))
		return NEXT_LOWER;
	return ascii_is_digit(c) ? NEXT_DIGIT : NEXT_OTHER;
}

/* Classifies the first letter or digit at or after I, past openers. */
SEGMENT_RARE enum segment_next
segment_classify_any(const struct segment_state *st, size_t i, size_t *word)
{
	size_t n, pos;
	int32_t cp;
	unsigned char c;

	while (i < st->len && (n = segment_at_any(st, i, SEGWORDS_OPENERS)) != 0)
		i += n;
	*word = i;
	if (i >= st->len)
		return NEXT_END;
	c = (unsigned char)st->s[i];
	if (c < 0x80)
		return segment_classify_ascii((char)c);
	pos = i;
	cp = text_decode(st->s, st->len, &pos);
	if (cp < 0)
		return NEXT_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return NEXT_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return NEXT_LOWER;
	case UTF8PROC_CATEGORY_ND:
		return NEXT_DIGIT;
	default:
		return NEXT_OTHER;
	}
}

/* segment_classify_any, with the usual case in line: an ASCII byte that
 * opens nothing. */
SEGMENT_INLINE enum segment_next
segment_classify(const struct segment_state *st, size_t i, size_t *word)
{
	unsigned char c;

	if (i < st->len && (c = (unsigned char)st->s[i]) < 0x80 &&
	    !segwords_may_start(c, SEGWORDS_OPENERS)) {
		*word = i;
		return segment_classify_ascii((char)c);
	}
	return segment_classify_any(st, i, word);
}

/* Is the word at I one that usually starts a sentence? */
static bool
segment_starter_at(const struct segment_state *st, size_t i)
{
	size_t j = i;

	while (j < st->len && (ascii_is_upper(st->s[j]) ||
	    ascii_is_lower(st->s[j])))
		j++;
	return segwords_in(st->s + i, j - i, SEGWORDS_STARTERS);
}

/* "U.S", "e.g", "J.R.R": single letters joined by full stops. */
static bool
segment_is_dotted(const char *w, size_t n)
{
	size_t i;

	if (n < 3)
		return false;
	for (i = 0; i < n; i++) {
		if (i % 2 == 0 && !ascii_is_upper(w[i]) &&
		    !ascii_is_lower(w[i]))
			return false;
		if (i % 2 == 1 && w[i] != '.')
			return false;
	}
	return n % 2 == 1;
}

/* Is the sentence so far only a time phrase ("At 5 a.m.")? */
static bool
segment_time_phrase(const struct segment_state *st, size_t end)
{
	size_t i = st->start, words = 0, first = 0, firstlen = 0;
	char head[16];

	while (i < end && words <= 4) {
		size_t w = i;

		while (i < end && !segment_is_space(st->s[i]))
			i++;
		if (words++ == 0) {
			first = w;
			firstlen = i - w;
		}
		i = segment_skip_space(st, i);
	}
	if (words > 4 || firstlen == 0 || firstlen >= sizeof head)
		return false;
	for (i = 0; i < firstlen; i++) {
		char c = st->s[first + i];

		head[i] = ascii_is_upper(c) ? (char)(c - 'A' + 'a') : c;
	}
	return segwords_in(head, firstlen, SEGWORDS_TIME_HEADS);
}

/*
 * Is the word at I one that goes on with a time (segment_time_words),
 * standing alone?  A possessive starts a sentence of its own: "Polls
 * close at 8 p.m. Tuesday's count ..." is rare, "at 8 p.m. Tuesday." is
 * not, but the apostrophe tells them apart.
 */
static bool
segment_time_word_at(const struct segment_state *st, size_t i)
{
	size_t j = i;

	while (j < st->len && (ascii_is_upper(st->s[j]) ||
	    ascii_is_lower(st->s[j])))
		j++;
	if (j < st->len && (ascii_is_alnum(st->s[j]) || st->s[j] == '\'' ||
	    (j + 2 < st->len && memcmp(st->s + j, "\xe2\x80\x99", 3) == 0)))
		return false;
	return segwords_time_word(st->s + i, j - i);
}

/* Is the word before the one at WS, in this sentence, one that names a
 * place after it ("in", "for", "Washington")? */
static bool
segment_place_before(const struct segment_state *st, size_t ws)
{
	size_t we = ws, w;

	if (we <= st->start + 1 || st->s[we - 1] != ' ')
		return false;
	we--;
	for (w = we; w > st->start && !segment_is_space(st->s[w - 1]); w--)
		continue;
	return segwords_place_head(st->s + w, we - w);
}

/* Is the word after the one at I a small (lower-case) one: "Reid was",
 * "Johnson, meanwhile"? */
static bool
segment_small_word_after(const struct segment_state *st, size_t i)
{
	while (i < st->len && !segment_is_space(st->s[i]))
		i++;
	return i + 1 < st->len && st->s[i] == ' ' &&
	    ascii_is_lower(st->s[i + 1]);
}

/*
 * Decides whether a single full stop at I, followed by white space and
 * then by a word of kind NEXT at WORD, ends the sentence, from the word
 * the stop closes.
 */
static bool
segment_period_ends(const struct segment_state *st, size_t i,
    enum segment_next next, size_t word)
{
	size_t ws = i, hyphen = 0, n, k;
	const char *w;
	char c;

	if (next == NEXT_LOWER)
		return false;
	/* The word's start and its last hyphen in one walk back. */
	while (ws > st->start && !segment_is_space(c = st->s[ws - 1])) {
		if (c == '-' && hyphen == 0)
			hyphen = ws;
		ws--;
	}
	while (ws < i && (n = segment_at_any(st, ws, SEGWORDS_OPENERS)) != 0)
		ws += n;
	w = st->s + ws;
	n = i - ws;
	if (n == 0)
		return true;
	/* "then-Gov. Haley": the title after a hyphen (no opener holds
	 * one, so the hyphen is in the word). */
	k = hyphen != 0 ? hyphen - ws : 0;
	if (segwords_in(w + k, n - k, SEGWORDS_PREPOSITIVE))
		return next != NEXT_UPPER && next != NEXT_DIGIT;
	if (segwords_in(w, n, SEGWORDS_NUMERIC) ||
	    (n >= 3 && memcmp(w + n - 2, "\xc2\xb0", 2) == 0) ||
	    (n >= 3 && memcmp(w + n - 2, "\xc2\xba", 2) == 0))
		return next != NEXT_DIGIT;
	if (n == 3 && (w[0] == 'a' || w[0] == 'p' || w[0] == 'A' ||
	    w[0] == 'P') && w[1] == '.' && (w[2] == 'm' || w[2] == 'M'))
		return !segment_time_phrase(st, ws) &&
		    !segment_time_word_at(st, word);
	/* "in Columbia, S.C." ends its sentence before any capital but a
	 * day or month ("was in Camden, N.J. Monday."). */
	if (n == 3 && ws >= 2 && st->s[ws - 1] == ' ' &&
	    st->s[ws - 2] == ',' && segwords_state(w))
		return next == NEXT_UPPER && !segment_time_word_at(st, word);
	/* "funding for D.C. Reid was caught": a state named as a place
	 * ends its sentence before a name and a small word, unlike "in
	 * D.C. Superior Court" or "the D.C. Council". */
	if (n == 3 && next == NEXT_UPPER && segwords_state(w) &&
	    segment_place_before(st, ws) && !segment_time_word_at(st, word) &&
	    segment_small_word_after(st, word))
		return true;
	/* An initial, alone or after a credit's slash ("AP Photo/J.
	 * Scott Applewhite"). */
	if ((n >= 3 && w[1] == '.' && segment_is_dotted(w, n)) ||
	    (n == 1 && ascii_is_upper(w[0])) ||
	    (n >= 3 && w[n - 2] == '/' && ascii_is_upper(w[n - 1])))
		return next == NEXT_UPPER && segment_starter_at(st, word);
	if (n == 1 && ascii_is_lower(w[0]))
		return next != NEXT_DIGIT;
	return true;
}

/*
 * A headline glued to the text after it: "...Amid Ukraine War ConcernsUS
 * Defense Secretary...".  Only in the first sentence of a paragraph, after
 * at least four words of it, with a capitalised word on the left and, on
 * the right, the start of a sentence.  Returns true to cut at I.
 */
static bool
segment_glued_at(const struct segment_state *st, size_t i)
{
	size_t ws = i, j, words = 0;

	if (!st->first || i < 4 || !ascii_is_lower(st->s[i - 1]) ||
	    !ascii_is_upper(st->s[i]) || i + 2 >= st->len)
		return false;
	while (ws > st->start && ascii_is_lower(st->s[ws - 1]))
		ws--;
	if (i - ws < 2 || ws == st->start || !ascii_is_upper(st->s[ws - 1]))
		return false;
	ws--;
	if (ws > st->start && !segment_is_space(st->s[ws - 1]))
		return false;
	if (segwords_in(st->s + ws, i - ws, SEGWORDS_CAMEL_NAMES))
		return false;
	if (!ascii_is_upper(st->s[i + 1]) && st->s[i + 1] != '.' &&
	    !(ascii_is_lower(st->s[i + 1]) && ascii_is_lower(st->s[i + 2])))
		return false;
	/* The right part starts a sentence: a word that usually does, or
	 * one followed by another capitalised word ("US Defense"), unlike
	 * a brand ("OpenAI said"). */
	for (j = i; j < st->len && (ascii_is_upper(st->s[j]) ||
	    ascii_is_lower(st->s[j]) || st->s[j] == '.'); j++)
		;
	if (!segment_starter_at(st, i) && !(j + 1 < st->len &&
	    st->s[j] == ' ' && ascii_is_upper(st->s[j + 1])))
		return false;
	/* Count back at most four words, so a long text costs no more. */
	for (j = ws; j > st->start && words < 4; j--) {
		if (!segment_is_space(st->s[j - 1]) &&
		    (j - 1 == st->start || segment_is_space(st->s[j - 2])))
			words++;
	}
	return words >= 4;
}

/* A colon glued to a capitalised word: "Similar News:You can also...". */
static bool
segment_glued_colon_at(const struct segment_state *st, size_t i)
{
	return st->s[i] == ':' && i > st->start && i + 2 < st->len &&
	    (ascii_is_lower(st->s[i - 1]) || ascii_is_upper(st->s[i - 1])) &&
	    ascii_is_upper(st->s[i + 1]) && ascii_is_lower(st->s[i + 2]);
}

/* Counts full stops spaced one apart from I: ". . ." is 3. */
static size_t
segment_spaced_dots(const struct segment_state *st, size_t i, size_t *end)
{
	size_t n = 0;

	while (i < st->len && st->s[i] == '.') {
		n++;
		*end = i + 1;
		if (i + 2 < st->len && st->s[i + 1] == ' ' && st->s[i + 2] == '.')
			i += 2;
		else
			break;
	}
	return n;
}

/* Is S[I, I + N) a single closing quote, ' or U+2019? */
static bool
segment_single_quote(const char *s, size_t n)
{
	return (n == 1 && s[0] == '\'') || (n == 3 &&
	    (unsigned char)s[2] == 0x99 && (unsigned char)s[1] == 0x80);
}

/*
 * Past a double quote that stands apart at I, after white space, and
 * closes a quote whose inner single one the stop has just closed ("...
 * a bad guy?\xe2\x80\x99 \xe2\x80\x9d he said."); I when none does.  A
 * double quote apart after anything else opens the next sentence ("he
 * said. \" I hope"), and so does one before a single quote ("...
 * snapped.' \" 'I never thought").
 */
static size_t
segment_closed_apart(const struct segment_state *st, size_t i)
{
	size_t k = segment_skip_space(st, i), n = 0, after;

	if (k == i || k >= st->len)
		return i;
	if (st->s[k] == '"')
		n = 1;
	else if (k + 2 < st->len && memcmp(st->s + k, "\xe2\x80\x9d", 3) == 0)
		n = 3;
	if (n == 0 || (k + n < st->len && !segment_is_space(st->s[k + n])))
		return i;
	after = segment_skip_space(st, k + n);
	if (after < st->len && (st->s[after] == '\'' || (after + 2 < st->len &&
	    memcmp(st->s + after, "\xe2\x80\x98", 3) == 0)))
		return i;
	return k + n;
}

/* Does "Jr." (or "Jr,") stand at I?  It follows a name and starts no
 * sentence. */
static bool
segment_suffix_at(const struct segment_state *st, size_t i)
{
	return i + 2 < st->len && st->s[i] == 'J' && st->s[i + 1] == 'r' &&
	    (st->s[i + 2] == '.' || st->s[i + 2] == ',');
}

/*
 * Handles a terminator at I.  Returns the end of the sentence when it ends
 * there, or 0 and sets *resume past the terminator.
 */
static size_t
segment_terminator(const struct segment_state *st, size_t i, size_t *resume)
{
	const char *s = st->s;
	size_t j = i, end = i, n, word;
	bool attached = i > st->start && !segment_is_space(s[i - 1]);
	bool spaced3 = false, period = false, single = false;
	enum segment_next next;

	if (s[i] == '.') {
		while (j < st->len && s[j] == '.')
			j++;
		if (j - i >= 2) {
			/* "[...]" omits words inside a quotation. */
			if (i > 0 && (s[i - 1] == '[' || s[i - 1] == '(')) {
				*resume = j;
				return 0;
			}
		} else if (i + 2 < st->len && s[i + 1] == ' ' && s[i + 2] == '.' &&
		    (n = segment_spaced_dots(st, i, &end)) >= 3) {
			if (attached && n >= 4) {
				/* "compounds. . . . The": the first stop ends
				 * the sentence, ". . ." opens the next. */
				next = segment_classify(st,
				    segment_skip_space(st, end), &word);
				if (next == NEXT_UPPER || next == NEXT_DIGIT)
					return i + 1;
				j = end;
			} else {
				spaced3 = n == 3;
				j = end;
			}
		} else
			period = true;
	} else if (s[i] == '!' || s[i] == '?') {
		while (j < st->len && (s[j] == '!' || s[j] == '?'))
			j++;
	} else {
		/* U+2026 */
		j += 3;
	}
	while (j < st->len && (s[j] == '!' || s[j] == '?' || s[j] == '.'))
		j++;
	*resume = j;
	while (j < st->len && (n = segment_at_any(st, j, SEGWORDS_CLOSERS)) != 0) {
		single = segment_single_quote(s + j, n);
		j += n;
	}
	if (single)
		j = segment_closed_apart(st, j);
	end = j;
	if ((n = segment_skip_space(st, j)) >= st->len)
		return end;
	if (!segment_is_space(s[j]))
		return 0;
	j = n;
	/* No sentence opens on a comma ("Jon M. Huntsman Sr. , the
	 * magnate"), nor is one only the marks opening a quote ("\"... I
	 * believe"). */
	if (s[j] == ',' || s[j] == ';' || segment_bare(st->s, st->start, i))
		return 0;
	/* Nor on a suffix ("Don. Jr. took a meeting"). */
	if (segment_suffix_at(st, j))
		return 0;
	if (segment_at_any(st, j, SEGWORDS_BULLETS) != 0 ||
	    segment_next_item_at(st, j))
		return end;
	if (spaced3)
		return 0;
	next = segment_classify(st, j, &word);
	if (period)
		return segment_period_ends(st, i, next, word) ? end : 0;
	return next == NEXT_LOWER ? 0 : end;
}

/*
 * The bytes segment_split may act on: line breaks, terminators, colons
 * and the lead byte of bullets and of U+2026, and in the first sentence,
 * where capitals may start a glued headline, capitals.  Outside a list,
 * every other byte is skipped without a look.
 */
static const struct scan_set segment_stops = SEGMENT_STOPS;
static const struct scan_set segment_stops_first =
    SCAN_SET(6, true, '\n', '.', '!', '?', ':', 0xe2);

/* The next byte the splitter acts on from I: its stops, and capitals in
 * the first sentence.  A capital acts only right after a lowercase letter
 * (segment_glued_at); the others, more than the stops in news, are
 * skipped here rather than by a turn of segment_run's loop. */
static inline size_t
segment_next_stop(struct segment_state *st, size_t i)
{
	if (st->first && st->bits != NULL)
		return scan_bits_next_either(st->bits, st->camels, st->at + i,
		    st->at + st->len) - st->at;
	if (st->first) {
		while ((i = scan_next(&st->stops_first, i,
		    &segment_stops_first)) < st->len &&
		    ascii_is_upper(st->s[i]) &&
		    (i == 0 || !ascii_is_lower(st->s[i - 1])))
			i++;
		return i;
	}
	if (st->bits != NULL)
		return scan_bits_next_at(st->bits, st->at, i, st->len);
	return scan_next(&st->stops, i, &segment_stops);
}

/* Splits TEXT, finding its stops in BITS and CAMELS from bit AT when
 * they are not NULL. */
static size_t
segment_run(const char *text, size_t len, const uint64_t *bits,
    const uint64_t *camels, size_t at, struct span **spans, size_t *cap)
{
	struct segment_state st;
	size_t i, end, resume = 0, n;

	segwords_ready();
	st.s = text;
	st.len = len;
	st.spans = *spans;
	st.n = 0;
	st.cap = *cap;
	st.first = true;
	st.bits = bits;
	st.camels = camels;
	st.at = at;
	/* Without given bits, segment_next_stop scans with the cursors. */
	if (bits == NULL) {
		scan_start(&st.stops, text, len);
		scan_start(&st.stops_first, text, len);
	}
	i = segment_begin(&st, 0);
	while (i < len) {
		if (!st.have_marker && (i = segment_next_stop(&st, i)) == len)
			break;
		/* Each rule by the byte it acts on: a full stop is no bullet,
		 * list item, capital or colon, so news's commonest stop goes
		 * to the terminator without those tests. */
		switch ((unsigned char)text[i]) {
		case '.':
			/* "0.9", "U.S": a full stop right before a letter or
			 * digit ends nothing. */
			if (i + 1 < len && ascii_is_alnum(text[i + 1])) {
				i++;
				continue;
			}
			/* FALLTHROUGH */
		case '!':
		case '?':
			break;
		case ':':
			if (segment_glued_colon_at(&st, i)) {
				segment_emit(&st, i + 1);
				i = segment_begin(&st, i + 1);
			} else
				i++;
			continue;
		case '\n':
			n = segment_skip_space(&st, i + 1);
			if (memchr(text + i + 1, '\n', n - i - 1) != NULL) {
				segment_emit(&st, i);
				i = segment_begin(&st, n);
			} else
				i++;
			continue;
		case 0xe2:
			/* Dashes and curly quotes act on nothing. */
			if (i + 2 >= len ||
			    !segwords_index.e2_acts[(unsigned char)text[i + 2]]) {
				i++;
				continue;
			}
			if (segment_item_starts(&st, i)) {
				segment_emit(&st, i);
				i = segment_begin(&st, i);
				continue;
			}
			if (memcmp(text + i, SEGWORDS_ELLIPSIS, 3) == 0)
				break;
			i++;
			continue;
		default:
			/* A capital, or in a list any byte: the next item
			 * ("2."), or a headline glued to the text. */
			if (segment_item_starts(&st, i) ||
			    segment_glued_at(&st, i)) {
				segment_emit(&st, i);
				i = segment_begin(&st, i);
			} else
				i++;
			continue;
		}
		end = segment_terminator(&st, i, &resume);
		if (end != 0) {
			segment_emit(&st, end);
			i = segment_begin(&st, end);
		} else
			i = resume;
	}
	segment_emit(&st, len);
	*spans = st.spans;
	*cap = st.cap;
	return st.n;
}

size_t
segment_split_reuse(const char *text, size_t len, struct span **spans,
    size_t *cap)
{
	return segment_run(text, len, NULL, NULL, 0, spans, cap);
}

size_t
segment_split_part(const char *text, size_t len, const uint64_t *stops,
    const uint64_t *camels, size_t at, struct span **spans, size_t *cap)
{
	return segment_run(text, len, stops, camels, at, spans, cap);
}

size_t
segment_split(const char *text, size_t len, struct span **out)
{
	size_t cap = 0;

	*out = NULL;
	return segment_split_reuse(text, len, out, &cap);
}
