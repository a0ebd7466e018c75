#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "arena.h"
#include "boilerplate.h"
#include "dateline.h"
#include "document.h"
#include "draft.h"
#include "frontmatter.h"
#include "html.h"
#include "markdown.h"
#include "namecard.h"
#include "savedarticle.h"
#include "scan.h"
#include "segment.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* A paragraph: a byte range of the sanitised text. */
struct document_para {
	size_t start;
	size_t end;
	bool lines;		/* runs over more than one line */
	bool heading;		/* a heading within the body */
};

/* Lines longer than this mean one paragraph per line, even when blank
 * lines also appear; hard-wrapped Markdown stays well under it. */
#define DOCUMENT_WRAP_WIDTH 100

/* Bytes per sentence, fewer than in news, for sizing the array. */
#define DOCUMENT_SENTENCE_BYTES 100

/* A title is at most this many bytes. */
#define DOCUMENT_TITLE_MAX 200

static bool
document_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Binary: NUL bytes (more than one in a thousand: a stray one, as in
 * Markus Kuhn's UTF-8 stress test, is still text), or more than one byte
 * in ten that is invalid UTF-8 or a control character.  The counts come
 * from sanitising the LEN bytes.
 */
static bool
document_is_binary(const struct text_counts *c, size_t len)
{
	return c->nul * 1000 >= len || c->nul + c->bad > len / 10;
}

/* Length of the line at S[I] without its newline. */
static size_t
document_line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);

	return nl != NULL ? (size_t)(nl - s) : len;
}

/* A line that starts its own paragraph even inside a block: a list item
 * ("- ", "1. ") or a Markdown heading. */
static bool
document_line_starts_item(const char *s, size_t start, size_t end)
{
	size_t n = end - start;

	size_t i = start;

	if (n >= 2 && strchr("-*+#", s[start]) != NULL &&
	    (s[start + 1] == ' ' || s[start + 1] == '#'))
		return true;
	while (i < end && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > start && i + 1 < end && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return true;
	return n >= 4 && memcmp(s + start, "\xe2\x80\xa2 ", 4) == 0;
}

/*
 * Splits TEXT[from, len) into paragraphs.  One paragraph per line, unless
 * the text is hard-wrapped: blank lines between blocks, short lines, and
 * a line that stops mid-sentence (on a letter, digit or comma) with more
 * text on the next.  Then blank lines separate paragraphs, and list items
 * and headings start one.
 */
static struct document_para *
document_paragraphs(const char *text, size_t from, size_t len, size_t *np)
{
	struct document_para *paras = NULL;
	size_t i, e, k, n = 0, pcap = 0, maxline = 0, s, t;
	bool blank_seen = false, wrapped, prev_blank = true, text_seen = false;
	bool broken = false, prev_open = false, item, *joins = NULL;

	/* Every line with text, and whether it would join the one before
	 * it if the text is wrapped. */
	for (i = from; i < len; i = e + 1) {
		e = document_line_end(text, len, i);
		for (s = i; s < e && document_is_space(text[s]); s++)
			;
		for (t = e; t > s && document_is_space(text[t - 1]); t--)
			;
		if (s == t) {
			if (text_seen)
				blank_seen = true;
			prev_open = false;
			prev_blank = true;
		} else {
			text_seen = true;
			if (e - i > maxline)
				maxline = e - i;
			item = document_line_starts_item(text, s, t);
			if (prev_open && !item)
				broken = true;
			prev_open = !item && (text[t - 1] == ',' ||
			    isalnum((unsigned char)text[t - 1]));
			if (n == pcap) {
				pcap = pcap == 0 ? 16 : pcap * 2;
				paras = xreallocarray(paras, pcap,
				    sizeof *paras);
				joins = xreallocarray(joins, pcap,
				    sizeof *joins);
			}
			paras[n].start = s;
			paras[n].end = t;
			paras[n].lines = false;
			paras[n].heading = false;
			joins[n++] = !prev_blank && !item;
			prev_blank = false;
		}
		if (e == len)
			break;
	}
	wrapped = blank_seen && broken && maxline <= DOCUMENT_WRAP_WIDTH;
	if (wrapped) {
		for (k = i = 0; k < n; k++) {
			if (joins[k]) {
				paras[i - 1].end = paras[k].end;
				paras[i - 1].lines = true;
			} else
				paras[i++] = paras[k];
		}
		n = i;
	}
	free(joins);
	/* "## Heading": the marks are layout, not text. */
	for (i = 0; i < n; i++) {
		s = paras[i].start;
		while (s < paras[i].end && text[s] == '#')
			s++;
		if (s > paras[i].start && s < paras[i].end && text[s] == ' ') {
			while (s < paras[i].end && text[s] == ' ')
				s++;
			paras[i].start = s;
		}
	}
	*np = n;
	return paras;
}

/* Does the paragraph open with a quotation mark? */
static bool
document_opens_quote(const char *s, size_t len)
{
	return (len >= 1 && s[0] == '"') ||
	    (len >= 3 && memcmp(s, "\xe2\x80\x9c", 3) == 0);
}

/* Does a would-be title end like a sentence or a clause (". ! ? … , ; :",
 * maybe inside closing quotes)? */
static bool
document_ends_like_sentence(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == '"' || s[len - 1] == '\'' ||
	    s[len - 1] == ')'))
		len--;
	while (len >= 3 && (memcmp(s + len - 3, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(s + len - 3, "\xe2\x80\x99", 3) == 0))
		len -= 3;
	if (len >= 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0)
		return true;
	return len > 0 && strchr(".!?;:,", s[len - 1]) != NULL;
}

/* Is there a letter at S[I]?  An apostrophe sits between letters. */
static bool
document_letter_at(const char *s, size_t len, size_t i)
{
	int32_t cp;

	if (i >= len)
		return false;
	cp = text_decode(s, len, &i);
	return cp >= 0 && text_is_letter(cp);
}

/* The bytes every quotation mark starts with: '"', '\'' and the lead
 * byte 0xe2 of the curly ones. */
static const struct scan_set document_marks =
    SCAN_SET(3, false, '"', '\'', 0xe2, 0, 0, 0);
/* The splitter's, found in the same pass. */
static const struct scan_set document_stops = SEGMENT_STOPS;

/* Room for item N in ARRAY, SCRATCH's, of *CAP items of SIZE bytes,
 * doubling. */
static void *
document_grow(struct arena *scratch, void *array, size_t n, size_t *cap,
    size_t size)
{
	size_t old = *cap;

	if (n < *cap)
		return array;
	*cap = *cap == 0 ? 16 : *cap * 2;
	return arena_resize(scratch, array, old, *cap, size);
}

/*
 * Quoted spans of one paragraph, between the marks: straight and curly
 * double quotes, nested quotes inside them, and single quotes when they
 * are the outer ones.  A quote still open at the end runs to the end and
 * sets *open.  The spans go to *OUT, an array of *CAP in SCRATCH kept
 * for the next paragraph.
 */
static size_t
document_quotes(const char *s, size_t len, const uint64_t *marks, size_t at,
    struct arena *scratch, struct span **out, size_t *cap, bool *open)
{
	char stack[16];
	size_t depth = 0, n = 0, i, qstart = 0, mark;
	bool opens, closes;
	struct span *spans = *out;

	for (i = 0; i < len; i += mark > 0 ? mark : 1) {
		char kind = 0;

		/* Every mark starts with one of these bytes. */
		if ((i = scan_bits_next_at(marks, at, i, len)) == len)
			break;
		mark = 0;
		opens = closes = false;
		if (len - i >= 3 && memcmp(s + i, "\xe2\x80\x9c", 3) == 0) {
			kind = 'c';
			opens = true;
			mark = 3;
		} else if (len - i >= 3 && memcmp(s + i, "\xe2\x80\x9d", 3) == 0) {
			kind = 'c';
			closes = depth > 0;
			mark = 3;
		} else if (s[i] == '"') {
			kind = '"';
			closes = depth > 0 && stack[depth - 1] == '"';
			opens = !closes;
			mark = 1;
		} else if (depth == 0 && len - i >= 3 &&
		    memcmp(s + i, "\xe2\x80\x98", 3) == 0) {
			kind = 's';
			opens = true;
			mark = 3;
		} else if (depth == 1 && stack[0] == 's' && len - i >= 3 &&
		    memcmp(s + i, "\xe2\x80\x99", 3) == 0 &&
		    !document_letter_at(s, len, i + 3)) {
			kind = 's';
			closes = true;
			mark = 3;
		} else if (s[i] == '\'' && depth == 0 &&
		    (i == 0 || document_is_space(s[i - 1])) &&
		    document_letter_at(s, len, i + 1)) {
			kind = '\'';
			opens = true;
			mark = 1;
		} else if (s[i] == '\'' && depth == 1 && stack[0] == '\'' &&
		    i > 0 && !document_is_space(s[i - 1]) &&
		    !document_letter_at(s, len, i + 1)) {
			kind = '\'';
			closes = true;
			mark = 1;
		}
		if (opens && depth < sizeof stack) {
			if (depth == 0)
				qstart = i + mark;
			stack[depth++] = kind;
		} else if (closes) {
			if (--depth == 0 && i > qstart) {
				spans = document_grow(scratch, spans, n, cap,
				    sizeof *spans);
				spans[n].start = qstart;
				spans[n].end = i;
				n++;
			}
		}
	}
	*open = depth > 0 && len > qstart;
	if (*open) {
		spans = document_grow(scratch, spans, n, cap, sizeof *spans);
		spans[n].start = qstart;
		spans[n].end = len;
		n++;
	}
	*out = spans;
	return n;
}

/* Where one sentence's text starts (in the document's text, or in a
 * paragraph's copy without its name cards), and its quotes in
 * document_build's list, until the block is built. */
struct document_pending {
	const char *from;
	size_t quote;
	bool lines;			/* it may hold line breaks */
};

/*
 * A document's sentences while they are split: the text and the quotes
 * are gathered in one block at the end.  `spans` and `pquotes` are one
 * paragraph's, kept for the next.  Every array but `spans` is SCRATCH's.
 */
struct document_build {
	struct arena scratch;
	size_t cap;			/* of doc->sentences and pend */
	struct document_pending *pend;
	struct span *quotes;
	size_t nquotes;
	size_t qcap;
	struct span *spans;
	size_t scap;
	struct span *pquotes;
	size_t pqcap;
	char **cut;			/* paragraphs without their name cards */
	size_t ncut;
	size_t cutcap;
	uint64_t *cutbits;		/* the last one's bits */
	size_t cutbcap;
};

/*
 * Appends the sentence S[START, END) of paragraph PARA, with its part of
 * the paragraph's QUOTES; *QI
 * skips the quotes that ended before it, so a paragraph costs time in
 * proportion to its sentences and quotes.
 */
static void
document_add_sentence(struct document *doc, struct document_build *b,
    const char *s, size_t start, size_t end, size_t para, bool lines,
    const struct span *quotes, size_t nquotes, size_t *qi)
{
	struct sentence *sn;
	size_t i, qs, qe;

	if (doc->nsentences == b->cap) {
		b->cap *= 2;
		doc->sentences = arena_resize(&b->scratch, doc->sentences,
		    b->cap / 2, b->cap, sizeof *doc->sentences);
		b->pend = arena_resize(&b->scratch, b->pend, b->cap / 2, b->cap,
		    sizeof *b->pend);
	}
	b->pend[doc->nsentences].from = s + start;
	b->pend[doc->nsentences].quote = b->nquotes;
	b->pend[doc->nsentences].lines = lines;
	sn = &doc->sentences[doc->nsentences++];
	memset(sn, 0, sizeof *sn);
	sn->len = end - start;
	sn->paragraph = para;
	sn->claim = SENTENCE_NO_CLAIM;
	while (*qi < nquotes && quotes[*qi].end <= start)
		(*qi)++;
	for (i = *qi; i < nquotes && quotes[i].start < end; i++) {
		if (quotes[i].end <= start)
			continue;
		qs = quotes[i].start > start ? quotes[i].start : start;
		qe = quotes[i].end < end ? quotes[i].end : end;
		if (quotes[i].start < start)
			sn->quote_continued = true;
		if (quotes[i].end > end)
			sn->quote_continues = true;
		if (qe <= qs)
			continue;
		b->quotes = document_grow(&b->scratch, b->quotes, b->nquotes,
		    &b->qcap, sizeof *b->quotes);
		b->quotes[b->nquotes].start = qs - start;
		b->quotes[b->nquotes].end = qe - start;
		b->nquotes++;
		sn->nquotes++;
	}
}

/*
 * The sentences (from the scratch array), every sentence's quotes, then
 * every sentence's text, each NUL-terminated, in one block: the arrays
 * first, where the block's alignment suits them.
 */
static void
document_block(struct document *doc, const struct document_build *b)
{
	struct sentence *sentences = doc->sentences;
	struct span *quotes;
	size_t i, total, arrays;
	char *block, *nl;

	doc->sentences = NULL;
	for (i = total = 0; i < doc->nsentences; i++)
		total += sentences[i].len + 1;
	if (total == 0)
		return;
	arrays = doc->nsentences * sizeof *sentences +
	    b->nquotes * sizeof *quotes;
	block = doc->textblock = xmalloc(arrays + total);
	doc->sentences = memcpy(block, sentences,
	    doc->nsentences * sizeof *sentences);
	quotes = (struct span *)(void *)(doc->sentences + doc->nsentences);
	if (b->nquotes != 0)
		memcpy(quotes, b->quotes, b->nquotes * sizeof *quotes);
	block += arrays;
	for (i = 0; i < doc->nsentences; i++) {
		struct sentence *sn = &doc->sentences[i];

		if (sn->nquotes != 0)
			sn->quotes = quotes + b->pend[i].quote;
		memcpy(block, b->pend[i].from, sn->len);
		block[sn->len] = '\0';
		/* A line break inside a paragraph is only wrapping. */
		nl = b->pend[i].lines ? memchr(block, '\n', sn->len) : NULL;
		for (; nl != NULL; nl = memchr(nl + 1, '\n', sn->len -
		    (size_t)(nl + 1 - block)))
			*nl = ' ';
		sn->text = block;
		block += sn->len + 1;
	}
}

/*
 * Keeps CUT, a paragraph's copy of LEN bytes without its name cards, and
 * scans it as document_sentences scans the text: its bits in *BITS, WORDS
 * to a kind (they hold until the next cut paragraph).
 */
static const char *
document_keep_cut(struct document_build *b, char *cut, size_t len,
    uint64_t **bits, size_t *words)
{
	b->cut = document_grow(&b->scratch, b->cut, b->ncut, &b->cutcap,
	    sizeof *b->cut);
	b->cut[b->ncut++] = cut;
	*words = len / 64 + 1;
	if (b->cutbcap < 3 * *words) {
		b->cutbcap = 3 * *words;
		b->cutbits = arena_alloc(&b->scratch, b->cutbcap,
		    sizeof *b->cutbits);
	}
	*bits = b->cutbits;
	scan_bits2(cut, len, &document_marks, *bits, &document_stops,
	    *bits + *words, *bits + 2 * *words);
	return cut;
}

/* Splits the body paragraphs into sentences, with their quotes. */
static void
document_sentences(struct document *doc, const char *text,
    const struct document_para *paras, size_t np)
{
	struct document_build b;
	size_t p, i, n, nq, qi, para = 0, last, base, words;
	uint64_t *bits;
	bool open, was_open = false, cards;

	/* Room for a sentence every DOCUMENT_SENTENCE_BYTES, so the array
	 * seldom moves: news runs longer. */
	memset(&b, 0, sizeof b);
	b.cap = (paras[np - 1].end - paras[0].start) / DOCUMENT_SENTENCE_BYTES +
	    16;
	base = paras[0].start;
	words = (paras[np - 1].end - base) / 64 + 1;
	/* The scratch arrays share a block (each allocation, growth and
	 * free cost hundreds of instructions), room for a quote a sentence. */
	arena_init(&b.scratch, 3 * words * sizeof *bits + b.cap *
	    (sizeof *doc->sentences + sizeof *b.pend + sizeof *b.quotes) +
	    64 * sizeof *b.pquotes);
	doc->sentences = arena_alloc(&b.scratch, b.cap, sizeof *doc->sentences);
	b.pend = arena_alloc(&b.scratch, b.cap, sizeof *b.pend);
	/* The bytes quotation marks start with, those the splitter acts on
	 * and the camel joins, found in one pass over every paragraph (a
	 * pass each cost a block's set-up and a padded last block). */
	bits = arena_alloc(&b.scratch, 3 * words, sizeof *bits);
	scan_bits2(text + base, paras[np - 1].end - base, &document_marks,
	    bits, &document_stops, bits + words, bits + 2 * words);
	cards = namecard_may_hold(text + base, paras[np - 1].end - base);
	for (p = 0; p < np; p++) {
		const char *s = text + paras[p].start;
		size_t len = paras[p].end - paras[p].start;
		size_t at = paras[p].start - base, w = words;
		uint64_t *pb = bits;
		char *cut;

		/* A name's card goes before splitting: the splitter would cut
		 * inside one, at its headlines' stops. */
		if (cards && (cut = namecard_cut(s, len, &len)) != NULL) {
			s = document_keep_cut(&b, cut, len, &pb, &w);
			at = 0;
		}
		/* A paragraph's first byte joins nothing before it. */
		pb[2 * w + at / 64] &= ~((uint64_t)1 << (at % 64));
		if ((n = segment_split_part(s, len, pb + w, pb + 2 * w, at,
		    &b.spans, &b.scap)) == 0)
			continue;
		nq = document_quotes(s, len, pb, at, &b.scratch, &b.pquotes,
		    &b.pqcap, &open);
		if (was_open && document_opens_quote(s, len)) {
			/* A quote running over paragraphs reopens at each. */
			doc->sentences[doc->nsentences - 1].quote_continues =
			    true;
			last = doc->nsentences;
		} else
			last = (size_t)-1;
		for (i = qi = 0; i < n; i++) {
			document_add_sentence(doc, &b, s, b.spans[i].start,
			    b.spans[i].end, para, paras[p].lines, b.pquotes,
			    nq, &qi);
			doc->sentences[doc->nsentences - 1].heading =
			    paras[p].heading;
		}
		if (last != (size_t)-1)
			doc->sentences[last].quote_continued = true;
		was_open = open;
		para++;
	}
	doc->nparagraphs = para;
	document_block(doc, &b);
	for (i = 0; i < b.ncut; i++)
		free(b.cut[i]);
	free(b.spans);
	arena_free(&b.scratch);
}

/* The file name without directories and extension; a URL's host
 * without "www." (a page that names no site is its domain's). */
static char *
document_outlet_from(const char *name)
{
	const char *base = strrchr(name, '/'), *dot, *host, *end;

	if (strncmp(name, "http://", 7) == 0 ||
	    strncmp(name, "https://", 8) == 0) {
		host = strstr(name, "://") + 3;
		if (strncmp(host, "www.", 4) == 0)
			host += 4;
		end = host + strcspn(host, "/:?#");
		if (end > host)
			return text_field(host, (size_t)(end - host));
	}

	base = base != NULL ? base + 1 : name;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	return text_field(base, (size_t)(dot - base));
}

/* The title: the first line when it stands alone, is short and does not
 * end like a sentence.  Returns true when it took the paragraph. */
static bool
document_title(struct document *doc, const char *text,
    const struct document_para *para, bool more)
{
	const char *s = text + para->start;
	size_t len = para->end - para->start, words = 0, i;
	char *dateline = NULL;

	if (doc->title != NULL) {
		/* Front matter gave one; drop the body's copy of it. */
		return strlen(doc->title) == len &&
		    memcmp(doc->title, s, len) == 0;
	}
	if (!more || len > DOCUMENT_TITLE_MAX ||
	    memchr(s, '\n', len) != NULL || document_ends_like_sentence(s, len))
		return false;
	if (dateline_find(s, len, &dateline) == len) {
		free(dateline);
		return false;
	}
	free(dateline);
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' && i + 1 < len && s[i + 1] != ' ')
			words++;
	}
	if (words + 1 > 30)
		return false;
	doc->title = text_field(s, len);
	return true;
}

/*
 * Finishes DOC from the paragraphs PARAS of TEXT: the title (guessed from
 * the first paragraph when GUESS_TITLE), the dateline, the sentences and
 * the boilerplate.  Frees DOC and fails when nothing is left.
 */
static int
document_finish(struct document *doc, const char *text,
    struct document_para *paras, size_t np, bool guess_title,
    struct document **out, char **cause)
{
	size_t skip, first = 0;

	if (doc->outlet == NULL)
		doc->outlet = document_outlet_from(doc->path);
	if (doc->outlet == NULL)
		doc->outlet = xstrdup(doc->path);
	if (np != 0 && (guess_title || paras[0].heading) &&
	    document_title(doc, text, &paras[0], np > 1))
		first = 1;
	if (first < np) {
		skip = dateline_find(text + paras[first].start,
		    paras[first].end - paras[first].start, &doc->dateline);
		paras[first].start += skip;
		if (paras[first].start == paras[first].end)
			first++;
	}
	if (first < np)
		document_sentences(doc, text, paras + first, np - first);
	boilerplate_mark(doc);
	if (doc->nsentences == 0 && doc->title == NULL) {
		*cause = xasprintf("%s: empty file (no text)", doc->path);
		document_free(doc);
		return -1;
	}
	*out = doc;
	return 0;
}

/* A copy of S, or NULL. */
static char *
document_strdup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* A draft's paragraphs (N of them at DP) as the splitter takes them. */
static struct document_para *
document_draft_paras(const struct draft_para *dp, size_t n)
{
	struct document_para *paras;
	size_t i;

	paras = xreallocarray(NULL, n + 1, sizeof *paras);
	for (i = 0; i < n; i++) {
		paras[i].start = dp[i].start;
		paras[i].end = dp[i].end;
		paras[i].lines = false;
		paras[i].heading = dp[i].heading;
	}
	return paras;
}

int
document_from_draft(const char *name, const struct draft *draft,
    struct document **out, char **cause)
{
	struct document *doc = xcalloc(1, sizeof *doc);
	struct document_para *paras;
	int rc;

	*out = NULL;
	doc->path = xstrdup(name);
	doc->outlet = document_strdup(draft->outlet);
	doc->title = document_strdup(draft->title);
	doc->url = document_strdup(draft->url);
	doc->date = document_strdup(draft->date);
	doc->author = document_strdup(draft->author);
	paras = document_draft_paras(draft->paras, draft->nparas);
	rc = document_finish(doc, draft->text.data, paras, draft->nparas,
	    false, out, cause);
	free(paras);
	return rc;
}

int
document_load_html(const char *name, const char *buf, size_t len,
    const char *charset, struct document **out, char **cause)
{
	struct draft d;
	int rc;

	*out = NULL;
	draft_init(&d);
	rc = html_extract(name, buf, len, charset, HTML_PAGE, &d, cause);
	if (rc == 0)
		rc = document_from_draft(name, &d, out, cause);
	draft_free(&d);
	return rc;
}

/* Whether NAME ends with one of the extensions EXTS (".html", ...). */
static bool
document_has_ext(const char *name, const char *const *exts, size_t n)
{
	size_t len = strlen(name), i, k;

	for (i = 0; i < n; i++) {
		k = strlen(exts[i]);
		if (len > k && strcasecmp(name + len - k, exts[i]) == 0)
			return true;
	}
	return false;
}

static const char *const document_html_exts[] = { ".html", ".htm",
    ".xhtml" };
static const char *const document_md_exts[] = { ".md", ".markdown" };

/* Whether the text's paragraphs run over several lines (hard-wrapped). */
static bool
document_wrapped(const struct document_para *paras, size_t np)
{
	size_t i;

	for (i = 0; i < np; i++) {
		if (paras[i].lines)
			return true;
	}
	return false;
}

/* DOC finished from the paragraphs DP (N of them) of TEXT, which are
 * ranges of it. */
static int
document_finish_lines(struct document *doc, const char *text,
    struct draft_para *dp, size_t n, struct document **out, char **cause)
{
	struct document_para *paras = document_draft_paras(dp, n);
	int rc;

	free(dp);
	rc = document_finish(doc, text, paras, n, true, out, cause);
	free(paras);
	return rc;
}

/*
 * DOC (its front matter read) finished from the Markdown body of TEXT,
 * from BODY to LEN: each line a paragraph unless the text is hard-wrapped
 * (document_paragraphs), see markdown_render.
 */
static int
document_load_markdown(struct document *doc, const char *text, size_t body,
    size_t len, struct document **out, char **cause)
{
	struct draft d;
	struct draft_para *dp;
	struct document_para *paras;
	size_t n, np, longest;
	bool as_lines, lines;
	int rc;

	/* Lines as they stand (most bodies): the paragraphs are lines of
	 * the text, with no draft to copy them into, and one longer than a
	 * hard-wrapped text's says the text is not. */
	as_lines = markdown_lines(text + body, len - body, &dp, &n, &longest);
	if (as_lines && longest > DOCUMENT_WRAP_WIDTH)
		return document_finish_lines(doc, text + body, dp, n, out,
		    cause);
	paras = document_paragraphs(text, body, len, &np);
	lines = !document_wrapped(paras, np);
	free(paras);
	if (as_lines && lines)
		return document_finish_lines(doc, text + body, dp, n, out,
		    cause);
	if (as_lines)
		free(dp);
	draft_init(&d);
	if (markdown_render(text + body, len - body, lines, &d) != 0) {
		*cause = xasprintf("%s: the Markdown could not be read",
		    doc->path);
		draft_free(&d);
		document_free(doc);
		return -1;
	}
	paras = document_draft_paras(d.paras, d.nparas);
	rc = document_finish(doc, d.text.data, paras, d.nparas, true, out,
	    cause);
	free(paras);
	draft_free(&d);
	return rc;
}

int
document_load_buffer(const char *name, const char *buf, size_t len,
    struct document **out, char **cause)
{
	struct document *doc;
	struct document_para *paras;
	struct text_counts counts;
	const char *text;
	char *owned = NULL, *unmarked;
	size_t tlen, body, end, np;
	int rc;

	*out = NULL;
	if (len == 0) {
		*cause = xasprintf("%s: empty file", name);
		return -1;
	}
	if (len > DOCUMENT_MAX_BYTES) {
		*cause = xasprintf("%s: too large (%zu bytes; the limit is "
		    "%zu MiB)", name, len, DOCUMENT_MAX_BYTES >> 20);
		return -1;
	}
	if (document_has_ext(name, document_html_exts,
	    sizeof document_html_exts / sizeof document_html_exts[0]) ||
	    html_sniff(buf, len))
		return document_load_html(name, buf, len, NULL, out, cause);
	/* Most sources are clean: no copy for them, and nothing counted. */
	if (text_is_clean(buf, len)) {
		text = buf;
		tlen = len;
	} else
		text = owned = text_sanitize_counted(buf, len, &tlen, &counts);
	if (owned != NULL && document_is_binary(&counts, len)) {
		free(owned);
		*cause = xasprintf("%s: binary file, not text", name);
		return -1;
	}
	doc = xcalloc(1, sizeof *doc);
	doc->path = xstrdup(name);
	body = frontmatter_read(doc, name, text, tlen, cause);
	if (body == 0 && (body = savedarticle_read(doc, text, tlen, &end)) != 0) {
		/* The body without newsboat's link markers replaces the
		 * text. */
		unmarked = savedarticle_unmark(text, body, end, tlen, &tlen);
		free(owned);
		text = owned = unmarked;
		body = 0;
	}
	if (body == (size_t)-1) {
		free(owned);
		document_free(doc);
		return -1;
	}
	/* Standard input has no name to tell Markdown by: its marks do. */
	if (document_has_ext(name, document_md_exts,
	    sizeof document_md_exts / sizeof document_md_exts[0]) ||
	    (strcmp(name, "-") == 0 &&
	    markdown_sniff(text + body, tlen - body)))
		rc = document_load_markdown(doc, text, body, tlen, out, cause);
	else {
		paras = document_paragraphs(text, body, tlen, &np);
		rc = document_finish(doc, text, paras, np, true, out, cause);
		free(paras);
	}
	free(owned);
	return rc;
}

int
document_read_file(const char *path, char **buf, size_t *len, char **cause)
{
	struct stat st;
	struct strbuf sb = STRBUF_INIT;
	int fd;

	*buf = NULL;
	*len = 0;
	/* Non-blocking, so a FIFO with no writer cannot hang the open. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	/* A regular file never blocks: two system calls saved a source. */
	if (!S_ISREG(st.st_mode))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("%s: is a directory", path);
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > DOCUMENT_MAX_BYTES) {
		*cause = xasprintf("%s: too large (%jd bytes; the limit is "
		    "%zu MiB)", path, (intmax_t)st.st_size,
		    DOCUMENT_MAX_BYTES >> 20);
		close(fd);
		return -1;
	}
	if (strbuf_read_fd(&sb, fd, DOCUMENT_MAX_BYTES) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		strbuf_free(&sb);
		return -1;
	}
	close(fd);
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return 0;
}

int
document_load_file(const char *path, struct document **out, char **cause)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if (document_read_file(path, &buf, &len, cause) != 0)
		return -1;
	rc = document_load_buffer(path, buf, len, out, cause);
	free(buf);
	return rc;
}

void
document_clear_tags(struct document *doc)
{
	size_t i;

	bool apart = doc->tagblock == NULL;

	free(doc->tagblock);
	doc->tagblock = NULL;
	for (i = 0; i < doc->nsentences; i++) {
		struct sentence *s = &doc->sentences[i];

		/* Most sentences of a document tagged apart hold none. */
		if (apart && s->matches != NULL)
			free(s->matches);
		if (apart && s->topics != NULL)
			free(s->topics);
		s->matches = NULL;
		s->nmatches = 0;
		s->topics = NULL;
		s->ntopics = 0;
		s->claim = SENTENCE_NO_CLAIM;
	}
}

void
document_free(struct document *doc)
{
	size_t i;

	if (doc == NULL)
		return;
	/* A tag block holds every sentence's tags: nothing to walk. */
	if (doc->tagblock != NULL)
		free(doc->tagblock);
	else
		document_clear_tags(doc);
	for (i = 0; i < doc->nsentences; i++) {
		if (doc->textblock != NULL)
			break;
		free(doc->sentences[i].text);
		free(doc->sentences[i].quotes);
	}
	if (doc->textblock == NULL)	/* else the sentences are in it */
		free(doc->sentences);
	free(doc->textblock);
	for (i = 0; i < doc->nextra; i++) {
		frontmatter_free_string(doc, doc->extra[i].key);
		frontmatter_free_string(doc, doc->extra[i].value);
	}
	free(doc->extra);
	free(doc->path);
	frontmatter_free_string(doc, doc->outlet);
	frontmatter_free_string(doc, doc->title);
	frontmatter_free_string(doc, doc->url);
	frontmatter_free_string(doc, doc->date);
	frontmatter_free_string(doc, doc->author);
	free(doc->dateline);
	free(doc->strings);
	free(doc);
}

bool
document_spans_contain(const struct span *spans, size_t n, size_t at)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (at >= spans[i].start && at < spans[i].end)
			return true;
	}
	return false;
}
