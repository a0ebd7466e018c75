#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "document.h"
#include "furniture.h"
#include "xalloc.h"

/* What a clutter phrase says about its sentence. */
enum boilerplate_kind {
	BP_NONE,
	BP_LINE,		/* this sentence is clutter */
	BP_MORE,		/* "Read more »": a link after a teaser */
	BP_HEADING		/* "Related News": a list of other stories follows */
};

struct boilerplate_phrase {
	const char *text;		/* in lowercase */
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
	/* Its bullets follow, one a paragraph, none ending in a stop. */
	{ "story highlights", BP_HEADING, 0, false },
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

/*
 * Site furniture that newspaper extraction leaves in: video widgets,
 * photo galleries and captions, "Update at" stamps, newsletter sign-ups,
 * credit lines, related links, social handles.  Found only in a sentence
 * of at most BOILERPLATE_FURNITURE_LEN bytes, as such lines are short,
 * save the gallery captions, which are found at the start of any.
 */
#define BOILERPLATE_FURNITURE_LEN 240

struct boilerplate_furniture {
	const char *text;	/* in lowercase */
	bool anywhere;		/* found anywhere, not only at the start */
	int maxwords;		/* the sentence is at most this long; 0: any */
};

static const struct boilerplate_furniture boilerplate_furniture[] = {
	{ "just watched", true, 0 },
	{ "must watch", false, 0 },
	{ "replay more videos", true, 0 },
	{ "hide caption", true, 0 },
	{ "enlarge this image", false, 0 },
	{ "toggle caption", true, 0 },
	{ "photos:", false, 0 },
	{ "photo by", false, 0 },
	{ "(photo by", false, 0 },
	{ "(ap photo", false, 0 },
	{ "photograph:", false, 0 },
	{ "facebook twitter", false, 0 },
	{ "update at ", false, 8 },
	{ "updated at ", false, 8 },
	{ "newsletter", true, 25 },
	{ "email sign up", true, 0 },
	{ "by signing up", false, 0 },
	{ "you can unsubscribe", false, 0 },
	{ "protected by recaptcha", true, 0 },
	{ "delivered to your inbox", true, 0 },
	{ "download the ", false, 12 },
	{ "contributing:", false, 0 },
	{ "contributed to this report", true, 0 },
	{ "contributed to this article", true, 0 },
	{ "contributed to this story", true, 0 },
	{ "contributed reporting", true, 0 },
	{ "additional reporting by", false, 0 },
	{ "reporting by", false, 0 },
	{ "editing by", false, 0 },
	{ "with assistance by", true, 0 },
	{ "more:", false, 0 },
	{ "(related:", false, 0 },
	{ "( also on ", false, 0 },
	{ "(also on ", false, 0 },
	{ "( photos:", false, 0 },
	{ "around the nation", false, 0 },
	{ "read more from", false, 0 },
	{ "story continued below", true, 0 },
	{ "story continues", false, 4 },
	{ "listen to article", false, 0 },
	{ "share tweet", true, 0 },
	{ "follow @", false, 0 },
	{ "pic.twitter.com", true, 0 },
	{ "click here", true, 0 },
	{ "reprint permission", true, 0 },
	{ "for licensing opportunities", false, 0 },
	{ "is available without charge to any", true, 0 },
	{ "get more", false, 2 },
	{ "what our economists say", false, 0 },
	{ "this article is more than", false, 8 },
	{ "this article was amended", true, 0 },
	{ "this article has been updated", true, 0 },
	{ "this article was originally published", false, 0 },
	{ "this story was originally published", false, 0 },
	{ "this story has been updated", false, 0 },
	{ "( watch", false, 0 },
	/* A newsletter's promise, not a message that arrives in an inbox. */
	{ "in your inbox every", true, 25 },
	{ "file photo:", false, 0 },
	{ "see all photography", false, 0 },
	{ "data curated by", false, 8 },
	{ "update:", false, 0 },
	{ "watch this video on", false, 0 },
	{ "we want to hear what you think", false, 0 },
	{ "join our facebook", false, 0 },
	{ "previous next ", false, 0 },
	{ "photo", false, 1 },
	{ "image", false, 1 },
	{ "video", false, 1 },
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

static inline size_t
boilerplate_bullet(const char *s, size_t len)
{
	const char *const *b;
	size_t n;

	/* Most sentences start with none of the bullets' first bytes. */
	if (len == 0 || (s[0] != '-' && s[0] != '*' && s[0] != '+' &&
	    s[0] != '\xe2'))
		return 0;
	for (b = boilerplate_bullets; *b != NULL; b++) {
		if ((*b)[0] != s[0])
			continue;
		n = strlen(*b);
		if (n <= len && memcmp(s, *b, n) == 0)
			return n;
	}
	return 0;
}


#define BOILERPLATE_NPHRASES \
	(sizeof boilerplate_phrases / sizeof *boilerplate_phrases)
#define BOILERPLATE_NFURNITURE \
	(sizeof boilerplate_furniture / sizeof *boilerplate_furniture)
/* The most phrases one scan holds: a bit each of a set. */
#define BOILERPLATE_MAXPHRASES 128

/* A bit per phrase, in table order.  128 bits, two machine words on the
 * 64-bit targets GCC and Clang give __int128, so the tables can grow
 * past 64 without a loop over words in the scan. */
__extension__ typedef unsigned __int128 boilerplate_set;

/* The lowest phrase of FOUND, which is not empty. */
static inline int
boilerplate_lowest(boilerplate_set found)
{
	uint64_t low = (uint64_t)found;

	return low != 0 ? __builtin_ctzll(low) :
	    64 + __builtin_ctzll((uint64_t)(found >> 64));
}

_Static_assert(BOILERPLATE_NPHRASES <= BOILERPLATE_MAXPHRASES,
    "one bit per phrase");
_Static_assert(BOILERPLATE_NFURNITURE <= BOILERPLATE_MAXPHRASES,
    "one bit per furniture phrase");

/*
 * The "anywhere" phrases are found in one pass over a sentence with a
 * Wu-Manber skip table: the last four bytes of a window of the shortest
 * phrase's length say how far no phrase can start, usually the whole
 * window, so most of a sentence is never looked at.  Bytes are hashed
 * with the 0x20 bit set, which maps a letter's two cases together.
 */
#define BOILERPLATE_BLOCK 4
#define BOILERPLATE_HASH_BITS 12
#define BOILERPLATE_HASH (1u << BOILERPLATE_HASH_BITS)

struct boilerplate_scan {
	size_t window;			/* the shortest "anywhere" phrase */
	const char *text[BOILERPLATE_MAXPHRASES];	/* in lowercase */
	size_t len[BOILERPLATE_MAXPHRASES];
	/* Each phrase's first four bytes (fewer if it is shorter) with the
	 * 0x20 bit set, the first byte lowest, and the mask of its bytes. */
	uint32_t packed[BOILERPLATE_MAXPHRASES];
	uint32_t mask[BOILERPLATE_MAXPHRASES];
	/* The phrases' indices by first byte, the "anywhere" ones (list 1)
	 * apart from the others (list 0): start[l][first[l][c],
	 * first[l][c + 1]). */
	unsigned char first[2][257];
	unsigned char start[2][BOILERPLATE_MAXPHRASES];
	unsigned char shift[BOILERPLATE_HASH];
};

/* One scan for the clutter phrases, one for the site furniture, each
 * for the phrases at a sentence's start; the "anywhere" phrases of both
 * in one more, so a sentence is skipped through once, not twice: the
 * clutter's first (boilerplate_anywhere_nphrases of them), then the
 * furniture's, each with its index in its own table. */
static struct boilerplate_scan boilerplate_scan, boilerplate_furniture_scan;
static struct boilerplate_scan boilerplate_anywhere_scan;
static size_t boilerplate_anywhere_nphrases;
static unsigned char boilerplate_anywhere_from[BOILERPLATE_MAXPHRASES];
/* The furniture phrases found in a sentence of any length: those at the
 * start, and the gallery captions anywhere. */
static boilerplate_set boilerplate_furniture_anylen;
/* Built once, by whichever loading thread needs them first. */
static pthread_once_t boilerplate_scan_once = PTHREAD_ONCE_INIT;

static unsigned
boilerplate_hash(const char *p)
{
	uint32_t w;

	memcpy(&w, p, sizeof w);
	return ((w | 0x20202020u) * 0x9e3779b1u) >>
	    (32 - BOILERPLATE_HASH_BITS);
}

static unsigned char
boilerplate_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') :
	    (unsigned char)c;
}

/* Does S start with the lowercase WHAT of N bytes, ignoring ASCII case? */
static bool
boilerplate_prefix(const char *s, const char *what, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (boilerplate_lower(s[i]) != (unsigned char)what[i])
			return false;
	}
	return true;
}

/* Up to four bytes of S (fewer when N is less) with the 0x20 bit set,
 * the first byte lowest: equal for a phrase and text that starts with
 * it in any case, so a difference rules the phrase out. */
static uint32_t
boilerplate_pack(const char *s, size_t n)
{
	uint32_t key = 0;
	size_t j;

	for (j = 0; j < 4 && j < n; j++)
		key |= (uint32_t)((unsigned char)s[j] | 0x20) << (8 * j);
	return key;
}

/* The phrases of list L (0: at the start only, 1: anywhere) that S[I],
 * of LEN bytes, starts with. */
static inline boilerplate_set
boilerplate_at(const struct boilerplate_scan *sc, const char *s, size_t len,
    size_t i, int l)
{
	boilerplate_set found = 0;
	unsigned char c = boilerplate_lower(s[i]);
	uint32_t w = 0;
	size_t k, j;

	if (sc->first[l][c] == sc->first[l][c + 1])
		return 0;
	if (len - i >= 4) {
		memcpy(&w, s + i, sizeof w);
		w |= 0x20202020u;
	}
	for (k = sc->first[l][c]; k < sc->first[l][c + 1]; k++) {
		j = sc->start[l][k];
		if (sc->len[j] <= len - i && (len - i < 4 ||
		    (w & sc->mask[j]) == sc->packed[j]) &&
		    boilerplate_prefix(s + i, sc->text[j], sc->len[j]))
			found |= (boilerplate_set)1 << j;
	}
	return found;
}

/* SC for the N phrases TEXT, those ANYWHERE found at any place. */
static void
boilerplate_scan_build(struct boilerplate_scan *sc, const char *const *text,
    const bool *anywhere, size_t n)
{
	size_t i, q, c, l, m = SIZE_MAX;
	unsigned char at[2][256];
	unsigned h;

	for (i = 0; i < n; i++) {
		sc->text[i] = text[i];
		sc->len[i] = strlen(text[i]);
		sc->packed[i] = boilerplate_pack(text[i], sc->len[i]);
		sc->mask[i] = sc->len[i] >= 4 ? UINT32_MAX :
		    ((uint32_t)1 << (8 * sc->len[i])) - 1;
		if (anywhere[i] && sc->len[i] < m)
			m = sc->len[i];
	}
	/* A counting sort by first byte, table order kept within one. */
	memset(at, 0, sizeof at);
	for (i = 0; i < n; i++)
		at[anywhere[i]][(unsigned char)text[i][0]]++;
	for (l = 0; l < 2; l++) {
		size_t k = 0;

		for (c = 0; c < 256; c++) {
			sc->first[l][c] = (unsigned char)k;
			k += at[l][c];
			at[l][c] = sc->first[l][c];
		}
		sc->first[l][256] = (unsigned char)k;
	}
	for (i = 0; i < n; i++)
		sc->start[anywhere[i]][at[anywhere[i]][
		    (unsigned char)text[i][0]]++] = (unsigned char)i;
	sc->window = m;
	memset(sc->shift, (int)(m - BOILERPLATE_BLOCK + 1), sizeof sc->shift);
	for (i = 0; i < n; i++) {
		if (!anywhere[i])
			continue;
		for (q = 0; q + BOILERPLATE_BLOCK <= m; q++) {
			h = boilerplate_hash(text[i] + q);
			if (sc->shift[h] > m - BOILERPLATE_BLOCK - q)
				sc->shift[h] = (unsigned char)(m -
				    BOILERPLATE_BLOCK - q);
		}
	}
}

/* Adds TEXT, an "anywhere" phrase of index I in its table, to the
 * phrases of the one scan for both (N so far). */
static void
boilerplate_anywhere_add(const char **all, size_t *n, const char *text,
    size_t i)
{
	/* The clutter phrases are looked for past a list bullet, the
	 * furniture in the whole sentence: the same "anywhere" phrases are
	 * found either way only if none starts with a bullet's byte. */
	if (strchr("-*+ \xe2", text[0]) != NULL || *n == BOILERPLATE_MAXPHRASES)
		fatal("boilerplate: \"%s\" cannot be found anywhere", text);
	all[*n] = text;
	boilerplate_anywhere_from[(*n)++] = (unsigned char)i;
}

static void
boilerplate_scans_build(void)
{
	const char *text[BOILERPLATE_MAXPHRASES], *all[BOILERPLATE_MAXPHRASES];
	bool anywhere[BOILERPLATE_MAXPHRASES], yes[BOILERPLATE_MAXPHRASES];
	size_t i, n = 0;

	for (i = 0; i < BOILERPLATE_NPHRASES; i++) {
		text[i] = boilerplate_phrases[i].text;
		anywhere[i] = boilerplate_phrases[i].anywhere;
		if (anywhere[i])
			boilerplate_anywhere_add(all, &n, text[i], i);
	}
	boilerplate_scan_build(&boilerplate_scan, text, anywhere,
	    BOILERPLATE_NPHRASES);
	boilerplate_anywhere_nphrases = n;
	for (i = 0; i < BOILERPLATE_NFURNITURE; i++) {
		text[i] = boilerplate_furniture[i].text;
		anywhere[i] = boilerplate_furniture[i].anywhere;
		if (anywhere[i])
			boilerplate_anywhere_add(all, &n, text[i], i);
		if (!anywhere[i] || strcmp(text[i], "hide caption") == 0)
			boilerplate_furniture_anylen |= (boilerplate_set)1 << i;
	}
	boilerplate_scan_build(&boilerplate_furniture_scan, text, anywhere,
	    BOILERPLATE_NFURNITURE);
	for (i = 0; i < n; i++)
		yes[i] = true;
	boilerplate_scan_build(&boilerplate_anywhere_scan, all, yes, n);
}

/* The first window's last block from Q on where an "anywhere" phrase may
 * end, or LEN.  Four steps at a time while all four blocks are in S: no
 * shift exceeds the window's length less a block, plus one. */
static size_t
boilerplate_skip(const struct boilerplate_scan *sc, const char *s,
    size_t len, size_t q)
{
	const size_t far = 3 * (sc->window - BOILERPLATE_BLOCK + 1) +
	    BOILERPLATE_BLOCK;
	unsigned char sh;

	for (; len >= far && q <= len - far; q += sh) {
		if ((sh = sc->shift[boilerplate_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[boilerplate_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[boilerplate_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[boilerplate_hash(s + q)]) == 0)
			return q;
	}
	for (; q + BOILERPLATE_BLOCK <= len; q += sh) {
		if ((sh = sc->shift[boilerplate_hash(s + q)]) == 0)
			return q;
	}
	return len;
}

/* The "anywhere" phrases whose window's last block starts from Q on and
 * ends by END, one skip after another. */
static boilerplate_set
boilerplate_chain(const struct boilerplate_scan *sc, const char *s,
    size_t len, size_t back, size_t q, size_t end)
{
	boilerplate_set found = 0;

	for (; (q = boilerplate_skip(sc, s, end, q)) < end; q++)
		found |= boilerplate_at(sc, s, len, q - back, 1);
	return found;
}

/*
 * A long sentence is skipped through in two halves at once: each skip
 * waits on a load and a multiply before the next can start, so two
 * independent chains take little more time than one.  Any position may
 * start a chain, since a shift never passes a window a phrase may end in.
 */
#define BOILERPLATE_TWO_CHAINS 64

static boilerplate_set
boilerplate_find_two(const struct boilerplate_scan *sc, const char *s,
    size_t len, size_t back)
{
	boilerplate_set found = 0;
	size_t a = back, b, mid, end = len - BOILERPLATE_BLOCK;
	unsigned char sa, sb;

	/* The first chain stops where the second starts. */
	b = mid = back + (end - back) / 2;
	while (a < mid && b <= end) {
		sa = sc->shift[boilerplate_hash(s + a)];
		sb = sc->shift[boilerplate_hash(s + b)];
		if (sa == 0)
			found |= boilerplate_at(sc, s, len, a - back, 1);
		if (sb == 0)
			found |= boilerplate_at(sc, s, len, b - back, 1);
		a += sa + (sa == 0);
		b += sb + (sb == 0);
	}
	/* Whichever chain is left goes on alone. */
	return found | boilerplate_chain(sc, s, len, back, a,
	    mid + BOILERPLATE_BLOCK - 1) |
	    boilerplate_chain(sc, s, len, back, b, len);
}

/* The "anywhere" phrases of both tables found in S: the clutter's
 * into *PHRASES, the furniture's into *FURNITURE. */
static void
boilerplate_find(const char *s, size_t len, boilerplate_set *phrases,
    boilerplate_set *furniture)
{
	const struct boilerplate_scan *sc = &boilerplate_anywhere_scan;
	boilerplate_set found;
	size_t back;
	int j;

	pthread_once(&boilerplate_scan_once, boilerplate_scans_build);
	/* Q is where the last block of the window starting at Q - BACK
	 * lies. */
	back = sc->window - BOILERPLATE_BLOCK;
	if (len >= 2 * BOILERPLATE_TWO_CHAINS)
		found = boilerplate_find_two(sc, s, len, back);
	else
		found = boilerplate_chain(sc, s, len, back, back, len);
	*phrases = *furniture = 0;
	for (; found != 0; found &= found - 1) {
		j = boilerplate_lowest(found);
		if ((size_t)j < boilerplate_anywhere_nphrases)
			*phrases |= (boilerplate_set)1 <<
			    boilerplate_anywhere_from[j];
		else
			*furniture |= (boilerplate_set)1 <<
			    boilerplate_anywhere_from[j];
	}
}

/* The strongest clutter phrase in the sentence S, ANYWHERE its
 * "anywhere" ones: the first in the table that it carries and is short
 * enough for. */
static enum boilerplate_kind
boilerplate_classify(struct furniture_line *l, boilerplate_set anywhere)
{
	const struct boilerplate_phrase *p;
	boilerplate_set found;
	const char *s = l->s;
	size_t i, b, len = l->len;

	b = boilerplate_bullet(s, len);
	s += b;
	len -= b;
	if (len == 0)
		return BP_NONE;
	found = boilerplate_at(&boilerplate_scan, s, len, 0, 0) | anywhere;
	for (i = 0; found != 0; i++, found >>= 1) {
		if ((found & 1) == 0)
			continue;
		p = &boilerplate_phrases[i];
		/* A bullet is a word of the line, not of the item. */
		if (p->maxwords == 0 || (b == 0 ?
		    furniture_line_words(l, (size_t)p->maxwords) :
		    furniture_words(s, len, (size_t)p->maxwords)) <=
		    (size_t)p->maxwords)
			return p->kind;
	}
	return BP_NONE;
}





/*
 * Site furniture (see boilerplate_furniture): a line of a video widget,
 * a gallery, a time stamp, a sign-up, a credit or a related link, an
 * embedded post's "— Name (@handle) Date" line, a bare "ET" left of a
 * time stamp.  ANYWHERE: the "anywhere" furniture phrases S carries.
 */
static bool
boilerplate_is_furniture(struct furniture_line *l, boilerplate_set anywhere)
{
	const struct boilerplate_furniture *f;
	boilerplate_set found;
	const char *s = l->s;
	size_t i, len = l->len;

	if (furniture_shape(l, BOILERPLATE_FURNITURE_LEN))
		return true;
	if (len == 0)
		return false;
	found = boilerplate_at(&boilerplate_furniture_scan, s, len, 0, 0) |
	    anywhere;
	if (len > BOILERPLATE_FURNITURE_LEN)
		found &= boilerplate_furniture_anylen;
	for (i = 0; found != 0; i++, found >>= 1) {
		if ((found & 1) == 0)
			continue;
		f = &boilerplate_furniture[i];
		if (f->maxwords == 0 || furniture_line_words(l,
		    (size_t)f->maxwords) <= (size_t)f->maxwords)
			return true;
	}
	return false;
}

/*
 * A section heading in capitals ("CITES TAX OVERHAUL"), or a short line
 * that introduces what follows ("White House And GOP Reaction:"): a
 * heading of the body, not clutter and not a claim.
 */
static bool
boilerplate_heading(const char *s, size_t len)
{
	size_t i, letters = 0, words;

	/* The words are counted last: a line of prose has a small letter
	 * within a few bytes, and counting cost most of this test. */
	if (len == 0)
		return false;
	if (s[len - 1] == ':') {
		words = furniture_words(s, len, 8);
		return words != 0 && words <= 8 && s[0] >= 'A' && s[0] <= 'Z';
	}
	for (i = 0; i < len; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	words = furniture_words(s, len, 8);
	return words >= 2 && words <= 8 && letters >= 6 && s[len - 1] != '.';
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

	/* Each word's first byte, then the punctuation, then the function
	 * words: a sentence of prose fails one of the first two at once,
	 * where the list of function words cost a look at each word. */
	while (i < len) {
		w = i;
		while (i < len && s[i] != ' ')
			i++;
		if (!(s[w] >= 'A' && s[w] <= 'Z') && !(s[w] >= '0' && s[w] <= '9'))
			return false;
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
	for (i = 0; i < len; ) {
		w = i;
		while (i < len && s[i] != ' ')
			i++;
		for (const char *const *f = boilerplate_function_words; *f != NULL;
		    f++) {
			if ((*f)[0] == s[w] && strlen(*f) == i - w &&
			    memcmp(*f, s + w, i - w) == 0)
				return false;
		}
		while (i < len && s[i] == ' ')
			i++;
	}
	return true;
}









/* A headline: one short sentence that does not end like one, or asks
 * ("Was the Steel Dossier the FBI's 'Insurance Policy'?"). */
static bool
boilerplate_headline(const struct sentence *s)
{
	size_t end = s->len;

	while (end > 0 && (s->text[end - 1] == '"' ||
	    s->text[end - 1] == '\'' || s->text[end - 1] == ')'))
		end--;
	if (end >= 3 && memcmp(s->text + end - 3, "\xe2\x80\x9d", 3) == 0)
		end -= 3;
	if (end == 0 || strchr(".!", s->text[end - 1]) != NULL)
		return false;
	return furniture_words(s->text, s->len, 25) <= 25;
}

/*
 * A paragraph of N sentences from S that is furniture by where it stands:
 * the headline of a link under a label ("More:", then "Worker-friendly
 * rule overturned by NLRB"), LABEL saying the paragraph before was one;
 * the LAST line of a body, after prose (AFTER_PROSE), when it does not end
 * as a sentence does (a related headline, or "Watch the full exchange
 * below:" over a video extraction dropped: a heading heads something, and
 * the last of a list follows another item); a photo's caption over its
 * credit, in the paragraph or the NEXT.
 */
#define BOILERPLATE_FOOT_WORDS 15
/* A line that ends in a colon introduces what follows; at the foot, with
 * nothing after it, a short one points at a widget ("Go deeper:"), a long
 * one is a sentence whose quote extraction dropped. */
#define BOILERPLATE_FOOT_COLON_WORDS 8
#define BOILERPLATE_CAPTION_WORDS 40

static bool
boilerplate_label(const struct sentence *s)
{
	return s->boilerplate && s->len > 0 && s->text[s->len - 1] == ':';
}

/* A link's headline under a label: short, and not itself introducing
 * something ("Advertisement:" may stand over a sentence ending so). */
static bool
boilerplate_linked(const struct sentence *s)
{
	return boilerplate_headline(s) && s->text[s->len - 1] != ':' &&
	    furniture_words(s->text, s->len, BOILERPLATE_FOOT_WORDS) <=
	    BOILERPLATE_FOOT_WORDS;
}

/* The next link of a list under a label: not a section heading after
 * the list, which may be a word ("Infrastructure") or ask ("What about
 * the other candidates?"). */
#define BOILERPLATE_LISTED_WORDS 3

static bool
boilerplate_listed(const struct sentence *s)
{
	return boilerplate_linked(s) && s->text[s->len - 1] != '?' &&
	    furniture_words(s->text, s->len, BOILERPLATE_LISTED_WORDS) >=
	    BOILERPLATE_LISTED_WORDS;
}

static bool
boilerplate_caption(const struct sentence *s, const struct sentence *credit)
{
	struct furniture_line l;

	if (credit == NULL)
		return false;
	furniture_line_read(&l, credit->text, credit->len);
	return furniture_credit(&l) &&
	    furniture_words(s->text, s->len, BOILERPLATE_CAPTION_WORDS) <=
	    BOILERPLATE_CAPTION_WORDS;
}

static bool
boilerplate_placed(const struct sentence *s, size_t n,
    const struct sentence *next, bool label, bool last, bool after_prose)
{
	size_t most;

	if (n == 2)
		return (boilerplate_label(s) && boilerplate_linked(s + 1)) ||
		    (!s->boilerplate && boilerplate_caption(s, s + 1));
	if (n != 1 || s->len == 0 || s->boilerplate)
		return false;
	if (label && boilerplate_linked(s))
		return true;
	most = s->text[s->len - 1] == ':' ? BOILERPLATE_FOOT_COLON_WORDS :
	    BOILERPLATE_FOOT_WORDS;
	if (last && after_prose && !furniture_stopped(s->text, s->len) &&
	    s->text[s->len - 1] != ',' &&
	    furniture_words(s->text, s->len, most) <= most)
		return true;
	return boilerplate_caption(s, next);
}

/* Is paragraph P of the NP (their sentences from FIRST, COUNT of them)
 * said again, word for word, by the next?  Not a line of a few words: a
 * table's cells repeat ("0", "1"). */
#define BOILERPLATE_TWICE_WORDS 4

static bool
boilerplate_twice(const struct document *doc, const size_t *first,
    const size_t *count, size_t np, size_t p)
{
	size_t i;

	if (p + 1 >= np || count[p] == 0 || count[p] != count[p + 1])
		return false;
	for (i = 0; i < count[p]; i++) {
		const struct sentence *a = &doc->sentences[first[p] + i];
		const struct sentence *b = &doc->sentences[first[p + 1] + i];

		if (a->len != b->len || memcmp(a->text, b->text, a->len) != 0)
			return false;
	}
	/* Counted last: most paragraphs differ from the next. */
	return count[p] > 1 || furniture_words(doc->sentences[first[p]].text,
	    doc->sentences[first[p]].len, BOILERPLATE_TWICE_WORDS) >=
	    BOILERPLATE_TWICE_WORDS;
}

/*
 * A photo gallery as extraction leaves it: each caption's paragraph twice
 * running, then the next caption's ("Netanyahu speaks at the UN ..."
 * twice, "Netanyahu celebrates ..." twice).  TWICE says which paragraphs
 * the next repeats: one paragraph said twice is an extraction's slip and
 * stays prose; two such pairs in a row are a gallery.
 */
static bool
boilerplate_gallery(const bool *twice, size_t np, size_t p)
{
	if (twice[p] && ((p + 2 < np && twice[p + 2]) || (p >= 2 &&
	    twice[p - 2])))
		return true;
	return p >= 1 && twice[p - 1] && ((p + 1 < np && twice[p + 1]) ||
	    (p >= 3 && twice[p - 3]));
}

/*
 * A photo gallery as extraction runs it into a paragraph: "Photos: Title
 * - the first caption.", its other sentences, "Hide Caption 1 of 10
 * Photos: Title - the second caption.", its other sentences, "Hide Caption
 * 2 of 10 ...".  A caption's sentences stand between the line that opens
 * it and the "Hide Caption" that closes it; what follows the last one is
 * the story again, which extraction may have run into the same paragraph.
 */
static bool
boilerplate_gallery_close(const struct sentence *s)
{
	return s->len > 13 && boilerplate_prefix(s->text, "hide caption ", 13);
}

static bool
boilerplate_gallery_open(const struct sentence *s)
{
	return boilerplate_gallery_close(s) ||
	    (s->len > 7 && boilerplate_prefix(s->text, "photos:", 7));
}

/* Marks the captions' sentences of the N from S, the last "Hide Caption"
 * at CLOSE. */
static void
boilerplate_gallery_mark(struct sentence *s, size_t close)
{
	size_t i = 0;

	while (i < close && !boilerplate_gallery_open(&s[i]))
		i++;
	for (; i < close; i++)
		s[i].boilerplate = true;
}

/* Another story's headline as a link after it ("Snowden calls for
 * whistleblower shield ... Read more"); its paragraph's other sentence is
 * the headline's first half, where the splitter cut it. */
#define BOILERPLATE_READ_MORE_PARAGRAPH 2

static bool
boilerplate_read_more(const struct sentence *s)
{
	static const char tail[] = " Read more";
	const size_t n = sizeof tail - 1;

	return s->len > n && memcmp(s->text + s->len - n, tail, n) == 0;
}

/* Prose: a sentence of some length that ends as one, not clutter. */
#define BOILERPLATE_PROSE_WORDS 8

static bool
boilerplate_prose(const struct sentence *s)
{
	return !s->boilerplate && s->len > 0 &&
	    strchr(".!?", s->text[s->len - 1]) != NULL &&
	    furniture_words(s->text, s->len, BOILERPLATE_PROSE_WORDS) >=
	    BOILERPLATE_PROSE_WORDS;
}

void
boilerplate_mark(struct document *doc)
{
	size_t np = doc->nparagraphs, p, i, *first, *count, *close;
	enum boilerplate_kind *kind, k;
	bool *allmore, *clutter, *twice, block = false, prev = false;
	bool label = false, listed = false;
	size_t outlet_len = doc->outlet != NULL ? strlen(doc->outlet) : 0;
	bool after_prose = false;
	size_t last;

	if (doc->nsentences == 0)
		return;
	first = xcalloc(np, sizeof *first);
	count = xcalloc(np, sizeof *count);
	kind = xcalloc(np, sizeof *kind);
	allmore = xcalloc(np, sizeof *allmore);
	clutter = xcalloc(np, sizeof *clutter);
	twice = xcalloc(np, sizeof *twice);
	close = xcalloc(np, sizeof *close);
	for (p = 0; p < np; p++)
		allmore[p] = true;
	for (i = doc->nsentences; i-- > 0; ) {
		struct sentence *s = &doc->sentences[i];
		boilerplate_set phrases, furniture;
		struct furniture_line line;

		p = s->paragraph;
		first[p] = i;
		count[p]++;
		furniture_line_read(&line, s->text, s->len);
		boilerplate_find(s->text, s->len, &phrases, &furniture);
		k = boilerplate_classify(&line, phrases);
		if (k != BP_NONE || boilerplate_is_furniture(&line, furniture) ||
		    furniture_name_card(&line) || furniture_credit(&line) ||
		    furniture_link_line(&line) ||
		    furniture_outlet(s, doc->outlet, outlet_len) ||
		    boilerplate_read_more(s))
			s->boilerplate = true;
		/* The last of its paragraph, found first going back. */
		if (close[p] == 0 && boilerplate_gallery_close(s))
			close[p] = i + 1;
		if (k != BP_MORE)
			allmore[p] = false;
		kind[p] = k;	/* ends as the paragraph's first sentence's */
	}
	for (last = np; last > 0 && count[last - 1] == 0; last--)
		;
	for (p = 0; p < np; p++)
		twice[p] = boilerplate_twice(doc, first, count, np, p);
	for (p = 0; p < np; p++) {
		struct sentence *s = &doc->sentences[first[p]];
		const struct sentence *next = p + 1 < np && count[p + 1] != 0 ?
		    &doc->sentences[first[p + 1]] : NULL;
		bool placed, chained;

		if (count[p] == 0)
			continue;
		if (close[p] != 0)
			boilerplate_gallery_mark(s, close[p] - 1 - first[p]);
		/* The links under a label ("More:"), one a paragraph: the
		 * first, and each after it. */
		chained = listed && count[p] == 1 && !s->boilerplate &&
		    boilerplate_listed(s);
		listed = chained || (count[p] == 1 && label && !s->boilerplate &&
		    boilerplate_linked(s)) || (count[p] == 2 &&
		    boilerplate_label(s) && boilerplate_linked(s + 1));
		/* Another story's headline in capitals, which may be as
		 * short as a heading, is not one. */
		placed = chained || boilerplate_gallery(twice, np, p) ||
		    boilerplate_placed(s, count[p], next, label, p + 1 == last,
		    after_prose) || (count[p] == 1 && furniture_related_caps(s)) ||
		    (count[p] <= BOILERPLATE_READ_MORE_PARAGRAPH &&
		    boilerplate_read_more(&doc->sentences[first[p] + count[p] - 1]));
		label = false;
		if (!placed && count[p] == 1 && !s->boilerplate &&
		    boilerplate_heading(s->text, s->len)) {
			s->heading = true;
			prev = after_prose = false;
			continue;
		}
		/* Capitalised words over a paragraph of prose head it
		 * ("Social Network Limitations"); tags end a page. */
		if (!placed && count[p] == 1 && !s->boilerplate &&
		    boilerplate_tagline(s->text, s->len) && next != NULL &&
		    boilerplate_prose(next)) {
			s->heading = true;
			prev = after_prose = false;
			continue;
		}
		/* A video's box, a columnist's bio: the whole paragraph. */
		clutter[p] = placed || kind[p] == BP_HEADING || allmore[p] ||
		    furniture_video_box(s) ||
		    furniture_bio_end(&doc->sentences[first[p] + count[p] - 1]) ||
		    (count[p] == 1 && (boilerplate_tagline(s->text, s->len) ||
		    furniture_shop(s) ||
		    furniture_byline(s) || (first[p] == 0 &&
		    furniture_name(s))));
		if (kind[p] == BP_HEADING || allmore[p])
			block = true;
		else if (block) {
			/* Under a heading: the other stories' headlines and
			 * teasers, each teaser followed by its "Read more". */
			block = (count[p] == 1 && boilerplate_headline(s)) ||
			    boilerplate_bullet(s->text, s->len) != 0 ||
			    (prev && p + 1 < np && count[p + 1] != 0 &&
			    allmore[p + 1]);
			/* A bio or a video's box under the list is still
			 * one. */
			clutter[p] = block || clutter[p];
		}
		prev = clutter[p];
		label = count[p] == 1 && boilerplate_label(s);
		if (clutter[p]) {
			for (i = first[p]; i < first[p] + count[p]; i++)
				doc->sentences[i].boilerplate = true;
		}
		s = &doc->sentences[first[p] + count[p] - 1];
		after_prose = s->boilerplate ||
		    furniture_stopped(s->text, s->len) || (s->len >= 3 &&
		    memcmp(s->text + s->len - 3, "\xe2\x80\xa6", 3) == 0);
	}
	free(first);
	free(count);
	free(kind);
	free(allmore);
	free(clutter);
	free(twice);
	free(close);
}
