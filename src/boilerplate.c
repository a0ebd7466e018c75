#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "boilerplate.h"
#include "document.h"
#include "xalloc.h"

/* What a clutter phrase says about its sentence. */
enum boilerplate_kind {
	BP_NONE,
	BP_LINE,		/* this sentence is clutter */
	BP_MORE,		/* "Read more »": a link after a teaser */
	BP_HEADING		/* "Related News": a list of other stories follows */
};

struct boilerplate_phrase {
	const char *text;
	enum boilerplate_kind kind;
	int maxwords;		/* the sentence is at most this long; 0: any */
	bool anywhere;		/* found anywhere, not only at the start */
};

static const struct boilerplate_phrase boilerplate_phrases[] = {
	{ "related news", BP_HEADING, 8, false },
	{ "related articles", BP_HEADING, 8, false },
	{ "related stories", BP_HEADING, 8, false },
	{ "related coverage", BP_HEADING, 8, false },
	{ "related:", BP_HEADING, 8, false },
	{ "similar news", BP_HEADING, 8, false },
	{ "more from ", BP_HEADING, 8, false },
	{ "more stories", BP_HEADING, 8, false },
	{ "more news", BP_HEADING, 8, false },
	{ "other news", BP_HEADING, 8, false },
	{ "top stories", BP_HEADING, 8, false },
	{ "read also", BP_HEADING, 8, false },
	{ "also read", BP_HEADING, 8, false },
	{ "see also", BP_HEADING, 8, false },
	{ "further reading", BP_HEADING, 8, false },
	{ "recommended", BP_HEADING, 4, false },
	{ "most read", BP_HEADING, 4, false },
	{ "most popular", BP_HEADING, 4, false },
	{ "trending", BP_HEADING, 4, false },
	{ "you may also like", BP_HEADING, 8, false },
	{ "you might also like", BP_HEADING, 8, false },
	{ "read more", BP_MORE, 4, false },
	{ "continue reading", BP_MORE, 4, false },
	{ "read the full story", BP_MORE, 6, false },
	{ "read more:", BP_LINE, 20, false },
	{ "story continues below", BP_LINE, 6, true },
	{ "first appeared on", BP_LINE, 0, true },
	{ "originally appeared on", BP_LINE, 0, true },
	{ "originally published on", BP_LINE, 0, true },
	{ "this is a developing story", BP_LINE, 0, true },
	{ "please check back", BP_LINE, 0, true },
	{ "check back later", BP_LINE, 0, true },
	{ "all rights reserved", BP_LINE, 0, true },
	{ "sign up for our", BP_LINE, 0, true },
	{ "subscribe to our", BP_LINE, 0, true },
	{ "follow us on", BP_LINE, 0, true },
	{ "share this article", BP_LINE, 0, true },
	{ "share this story", BP_LINE, 0, true },
	{ "click here to", BP_LINE, 0, true },
	{ "latest news", BP_LINE, 10, true },
	{ "headlines", BP_LINE, 10, true },
	{ "share on", BP_LINE, 8, false },
	{ "share:", BP_LINE, 8, false },
	{ "subscribe", BP_LINE, 8, false },
	{ "sign up", BP_LINE, 8, false },
	{ "advertisement", BP_LINE, 2, false },
	{ "copyright", BP_LINE, 12, false },
	{ "\xc2\xa9", BP_LINE, 12, false },
	{ "updated:", BP_LINE, 12, false },
	{ "published:", BP_LINE, 12, false },
	{ "last updated", BP_LINE, 12, false },
	{ "tags:", BP_LINE, 0, false },
	{ "topics:", BP_LINE, 0, false },
	{ "keywords:", BP_LINE, 0, false },
	{ "photo:", BP_LINE, 0, false },
	{ "image:", BP_LINE, 0, false },
	{ "video:", BP_LINE, 0, false },
	{ "watch:", BP_LINE, 0, false },
};

/* Function words: a line carrying one is prose, not a tag line. */
static const char *const boilerplate_function_words[] = {
	"A", "An", "And", "Are", "As", "At", "Be", "By", "For", "From", "In",
	"Is", "It", "Of", "On", "Or", "That", "The", "This", "To", "Was",
	"Were", "With", NULL
};

/* List bullets that may open a line ("- ", "• "). */
static const char *const boilerplate_bullets[] = {
	"- ", "* ", "+ ", "\xe2\x80\xa2 ", "\xe2\x80\x93 ", "\xe2\x80\x94 ",
	NULL
};

static size_t
boilerplate_bullet(const char *s, size_t len)
{
	const char *const *b;
	size_t n;

	for (b = boilerplate_bullets; *b != NULL; b++) {
		n = strlen(*b);
		if (n <= len && memcmp(s, *b, n) == 0)
			return n;
	}
	return 0;
}

static size_t
boilerplate_words(const char *s, size_t len)
{
	size_t i, n = 0;
	bool in = false;

	for (i = 0; i < len; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

static bool
boilerplate_contains(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++) {
		if (strncasecmp(s + i, what, n) == 0)
			return true;
	}
	return false;
}

/* The strongest clutter phrase in the sentence S. */
static enum boilerplate_kind
boilerplate_classify(const char *s, size_t len)
{
	const struct boilerplate_phrase *p;
	size_t i, b, words, n;

	b = boilerplate_bullet(s, len);
	s += b;
	len -= b;
	words = boilerplate_words(s, len);
	for (i = 0; i < sizeof boilerplate_phrases /
	    sizeof *boilerplate_phrases; i++) {
		p = &boilerplate_phrases[i];
		n = strlen(p->text);
		if (p->maxwords != 0 && words > (size_t)p->maxwords)
			continue;
		if (p->anywhere ? boilerplate_contains(s, len, p->text) :
		    (n <= len && strncasecmp(s, p->text, n) == 0))
			return p->kind;
	}
	return BP_NONE;
}

/*
 * A tag line: three to fifteen capitalised words and nothing else, no
 * punctuation but the stops of an acronym, no function words ("NATO
 * Ukraine Russia Diplomacy", "Karsk Tessar U.N.").
 */
static bool
boilerplate_tagline(const char *s, size_t len)
{
	size_t i = 0, w, words = 0;

	while (i < len) {
		w = i;
		while (i < len && s[i] != ' ')
			i++;
		if (!(s[w] >= 'A' && s[w] <= 'Z') && !(s[w] >= '0' && s[w] <= '9'))
			return false;
		for (const char *const *f = boilerplate_function_words; *f != NULL;
		    f++) {
			if (strlen(*f) == i - w && memcmp(*f, s + w, i - w) == 0)
				return false;
		}
		words++;
		while (i < len && s[i] == ' ')
			i++;
	}
	if (words < 3 || words > 15)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] == '.' && i > 0 && s[i - 1] >= 'A' && s[i - 1] <= 'Z')
			continue;	/* "U.N." */
		if (strchr(".,;:!?\"()[]", s[i]) != NULL || s[i] == '\n')
			return false;
		if ((unsigned char)s[i] == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x9c ||
		    (unsigned char)s[i + 2] == 0x9d))
			return false;
	}
	return true;
}

/* A byline: "By Jane Doe and John Roe, Reuters". */
static bool
boilerplate_byline(const struct sentence *s)
{
	return s->len > 4 && memcmp(s->text, "By ", 3) == 0 &&
	    s->text[3] >= 'A' && s->text[3] <= 'Z' &&
	    boilerplate_words(s->text, s->len) <= 8 &&
	    strchr(".!?", s->text[s->len - 1]) == NULL;
}

/* A headline: one short sentence that does not end like one. */
static bool
boilerplate_headline(const struct sentence *s)
{
	size_t end = s->len;

	while (end > 0 && (s->text[end - 1] == '"' ||
	    s->text[end - 1] == '\'' || s->text[end - 1] == ')'))
		end--;
	if (end >= 3 && memcmp(s->text + end - 3, "\xe2\x80\x9d", 3) == 0)
		end -= 3;
	if (end == 0 || strchr(".!?", s->text[end - 1]) != NULL)
		return false;
	return boilerplate_words(s->text, s->len) <= 25;
}

void
boilerplate_mark(struct document *doc)
{
	size_t np = doc->nparagraphs, p, i, *first, *count;
	enum boilerplate_kind *kind, k;
	bool *allmore, *clutter, block = false, prev = false;

	if (doc->nsentences == 0)
		return;
	first = xcalloc(np, sizeof *first);
	count = xcalloc(np, sizeof *count);
	kind = xcalloc(np, sizeof *kind);
	allmore = xcalloc(np, sizeof *allmore);
	clutter = xcalloc(np, sizeof *clutter);
	for (p = 0; p < np; p++)
		allmore[p] = true;
	for (i = doc->nsentences; i-- > 0; ) {
		struct sentence *s = &doc->sentences[i];

		p = s->paragraph;
		first[p] = i;
		count[p]++;
		k = boilerplate_classify(s->text, s->len);
		if (k != BP_NONE)
			s->boilerplate = true;
		if (k != BP_MORE)
			allmore[p] = false;
		kind[p] = k;	/* ends as the paragraph's first sentence's */
	}
	for (p = 0; p < np; p++) {
		struct sentence *s = &doc->sentences[first[p]];

		if (count[p] == 0)
			continue;
		clutter[p] = kind[p] == BP_HEADING || allmore[p] ||
		    (count[p] == 1 && (boilerplate_tagline(s->text, s->len) ||
		    boilerplate_byline(s)));
		if (kind[p] == BP_HEADING || allmore[p])
			block = true;
		else if (block) {
			/* Under a heading: the other stories' headlines and
			 * teasers, each teaser followed by its "Read more". */
			block = (count[p] == 1 && boilerplate_headline(s)) ||
			    boilerplate_bullet(s->text, s->len) != 0 ||
			    (prev && p + 1 < np && count[p + 1] != 0 &&
			    allmore[p + 1]);
			clutter[p] = block;
		}
		prev = clutter[p];
		if (clutter[p]) {
			for (i = first[p]; i < first[p] + count[p]; i++)
				doc->sentences[i].boilerplate = true;
		}
	}
	free(first);
	free(count);
	free(kind);
	free(allmore);
	free(clutter);
}
