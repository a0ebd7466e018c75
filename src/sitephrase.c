#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "document.h"
#include "furniture.h"
#include "phrasefilter.h"
#include "scan.h"
#include "sitephrase.h"
#include "xalloc.h"

struct sitephrase_phrase {
	const char *text;		/* in lowercase */
	enum sitephrase_kind kind;
	int maxwords;		/* the sentence is at most this long; 0: any */
	bool anywhere;		/* found anywhere, not only at the start */
};

static const struct sitephrase_phrase sitephrase_phrases[] = {
	{ "related news", SITEPHRASE_HEADING, 8, false },
	{ "related articles", SITEPHRASE_HEADING, 8, false },
	{ "related stories", SITEPHRASE_HEADING, 8, false },
	{ "related coverage", SITEPHRASE_HEADING, 8, false },
	{ "related:", SITEPHRASE_HEADING, 8, false },
	{ "similar news", SITEPHRASE_HEADING, 8, false },
	{ "more from ", SITEPHRASE_HEADING, 8, false },
	{ "more stories", SITEPHRASE_HEADING, 8, false },
	{ "more news", SITEPHRASE_HEADING, 8, false },
	{ "other news", SITEPHRASE_HEADING, 8, false },
	{ "top stories", SITEPHRASE_HEADING, 8, false },
	{ "read also", SITEPHRASE_HEADING, 8, false },
	{ "also read", SITEPHRASE_HEADING, 8, false },
	{ "see also", SITEPHRASE_HEADING, 8, false },
	{ "also see", SITEPHRASE_HEADING, 8, false },
	{ "further reading", SITEPHRASE_HEADING, 8, false },
	{ "recommended", SITEPHRASE_HEADING, 4, false },
	{ "most read", SITEPHRASE_HEADING, 4, false },
	{ "most popular", SITEPHRASE_HEADING, 4, false },
	{ "trending", SITEPHRASE_HEADING, 4, false },
	{ "you may also like", SITEPHRASE_HEADING, 8, false },
	{ "you might also like", SITEPHRASE_HEADING, 8, false },
	/* Politico's tags, each a paragraph after it. */
	{ "this article tagged under", SITEPHRASE_HEADING, 0, false },
	/* Its bullets follow, one a paragraph, none ending in a stop. */
	{ "story highlights", SITEPHRASE_HEADING, 0, false },
	{ "read more", SITEPHRASE_MORE, 4, false },
	{ "continue reading", SITEPHRASE_MORE, 4, false },
	{ "read the full story", SITEPHRASE_MORE, 6, false },
	{ "read more:", SITEPHRASE_LINE, 20, false },
	{ "story continues below", SITEPHRASE_LINE, 6, true },
	{ "first appeared on", SITEPHRASE_LINE, 0, true },
	{ "originally appeared on", SITEPHRASE_LINE, 0, true },
	{ "originally published on", SITEPHRASE_LINE, 0, true },
	{ "this is a developing story", SITEPHRASE_LINE, 0, true },
	{ "please check back", SITEPHRASE_LINE, 0, true },
	{ "check back later", SITEPHRASE_LINE, 0, true },
	{ "all rights reserved", SITEPHRASE_LINE, 0, true },
	{ "sign up for our", SITEPHRASE_LINE, 0, true },
	{ "subscribe to our", SITEPHRASE_LINE, 0, true },
	{ "follow us on", SITEPHRASE_LINE, 0, true },
	{ "share this article", SITEPHRASE_LINE, 0, true },
	{ "share this story", SITEPHRASE_LINE, 0, true },
	{ "click here to", SITEPHRASE_LINE, 0, true },
	{ "latest news", SITEPHRASE_LINE, 10, true },
	{ "headlines", SITEPHRASE_LINE, 10, true },
	{ "share on", SITEPHRASE_LINE, 8, false },
	{ "share:", SITEPHRASE_LINE, 8, false },
	{ "subscribe", SITEPHRASE_LINE, 8, false },
	{ "sign up", SITEPHRASE_LINE, 8, false },
	{ "advertisement", SITEPHRASE_LINE, 2, false },
	{ "copyright", SITEPHRASE_LINE, 12, false },
	{ "\xc2\xa9", SITEPHRASE_LINE, 12, false },
	{ "updated:", SITEPHRASE_LINE, 12, false },
	{ "published:", SITEPHRASE_LINE, 12, false },
	{ "last updated", SITEPHRASE_LINE, 12, false },
	{ "tags:", SITEPHRASE_LINE, 0, false },
	{ "topics:", SITEPHRASE_LINE, 0, false },
	{ "keywords:", SITEPHRASE_LINE, 0, false },
	{ "photo:", SITEPHRASE_LINE, 0, false },
	{ "image:", SITEPHRASE_LINE, 0, false },
	{ "video:", SITEPHRASE_LINE, 0, false },
	{ "watch:", SITEPHRASE_LINE, 0, false },
};

/*
 * Site furniture that newspaper extraction leaves in: video widgets,
 * photo galleries and captions, "Update at" stamps, newsletter sign-ups,
 * credit lines, related links, social handles.  A phrase found anywhere
 * marks a sentence of at most SITEPHRASE_FURNITURE_LEN bytes, as such
 * lines are short, save a gallery's "Hide Caption", which extraction runs
 * into the caption's long sentence; one at the start marks any.
 */
#define SITEPHRASE_FURNITURE_LEN 240

struct sitephrase_furniture {
	const char *text;	/* in lowercase */
	int maxwords;		/* the sentence is at most this long; 0: any */
};

/* Found at a sentence's start. */
static const struct sitephrase_furniture sitephrase_furniture_start[] = {
	{ "must watch", 0 },
	{ "enlarge this image", 0 },
	{ "photos:", 0 },
	{ "photo by", 0 },
	{ "illustration by", 0 },
	{ "(photo by", 0 },
	{ "(ap photo", 0 },
	{ "photograph:", 0 },
	{ "facebook twitter", 0 },
	/* A share bar's label over its networks ("Share this: Twitter"). */
	{ "share this:", 4 },
	{ "update at ", 8 },
	{ "updated at ", 8 },
	{ "by signing up", 0 },
	{ "you can unsubscribe", 0 },
	{ "download the ", 12 },
	{ "contributing:", 0 },
	{ "additional reporting by", 0 },
	{ "reporting by", 0 },
	{ "editing by", 0 },
	{ "more:", 0 },
	{ "(related:", 0 },
	{ "( also on ", 0 },
	{ "(also on ", 0 },
	{ "( photos:", 0 },
	{ "around the nation", 0 },
	{ "read more from", 0 },
	{ "story continues", 4 },
	{ "listen to article", 0 },
	{ "follow @", 0 },
	{ "for licensing opportunities", 0 },
	{ "get more", 2 },
	{ "what our economists say", 0 },
	{ "this article is more than", 8 },
	{ "this article was originally published", 0 },
	{ "this story was originally published", 0 },
	{ "this story has been updated", 0 },
	{ "( watch", 0 },
	{ "file photo:", 0 },
	{ "see all photography", 0 },
	{ "data curated by", 8 },
	{ "update:", 0 },
	{ "watch this video on", 0 },
	{ "we want to hear what you think", 0 },
	{ "join our facebook", 0 },
	{ "previous next ", 0 },
	{ "photo", 1 },
	{ "image", 1 },
	{ "video", 1 },
	/* Reuters' gallery: "Slideshow (3 Images)". */
	{ "slideshow (", 4 },
	/* Links to a section or a results page, and "More here." */
	{ "special coverage:", 0 },
	{ "( see results:", 0 },
	{ "(see results:", 0 },
	{ "more here", 2 },
	/* A chart's or a table's source. */
	{ "source:", 25 },
	{ "you can follow ", 16 },
};

/* Found anywhere in a sentence. */
static const struct sitephrase_furniture sitephrase_furniture_anywhere[] = {
	{ "just watched", 0 },
	{ "replay more videos", 0 },
	{ "hide caption", 0 },
	{ "toggle caption", 0 },
	{ "newsletter", 25 },
	{ "email sign up", 0 },
	{ "protected by recaptcha", 0 },
	{ "delivered to your inbox", 0 },
	{ "contributed to this report", 0 },
	{ "contributed to this article", 0 },
	{ "contributed to this story", 0 },
	{ "contributed reporting", 0 },
	/* "This article is based in part on wire service reports." */
	{ "based in part on wire", 25 },
	{ "with assistance by", 0 },
	{ "story continued below", 0 },
	{ "share tweet", 0 },
	{ "pic.twitter.com", 0 },
	{ "click here", 0 },
	{ "reprint permission", 0 },
	{ "is available without charge to any", 0 },
	{ "this article was amended", 0 },
	{ "this article has been updated", 0 },
	/* A newsletter's promise, not a message that arrives in an inbox. */
	{ "in your inbox every", 25 },
};

/* List bullets that may open a line. */
static const char *const sitephrase_bullets[] = {
	"- ", "* ", "+ ", "\xe2\x80\xa2 ", "\xe2\x80\x93 ", "\xe2\x80\x94 ",
	NULL
};

/* Inlined where a sentence is classified; sitephrase_bullet for others. */
static inline size_t
sitephrase_bullet_len(const char *s, size_t len)
{
	const char *const *b;
	size_t n;

	/* Most sentences start with none of the bullets' first bytes, or
	 * with a curly quote (U+201C), which shares a bullet's first two
	 * (U+2022, U+2013, U+2014): its third rules it out unlooped. */
	if (len < 2 || (s[0] != '-' && s[0] != '*' && s[0] != '+' &&
	    s[0] != '\xe2') || s[1] != (s[0] == '\xe2' ? '\x80' : ' ') ||
	    (len > 2 && s[0] == '\xe2' && s[2] == '\x9c'))
		return 0;
	for (b = sitephrase_bullets; *b != NULL; b++) {
		if ((*b)[0] != s[0])
			continue;
		n = strlen(*b);
		if (n <= len && memcmp(s, *b, n) == 0)
			return n;
	}
	return 0;
}

#define SITEPHRASE_NPHRASES \
	(sizeof sitephrase_phrases / sizeof *sitephrase_phrases)
#define SITEPHRASE_NSTART (sizeof sitephrase_furniture_start / \
	sizeof *sitephrase_furniture_start)
#define SITEPHRASE_NANYWHERE (sizeof sitephrase_furniture_anywhere / \
	sizeof *sitephrase_furniture_anywhere)
/* The most phrases one scan holds: a bit each of a set. */
#define SITEPHRASE_MAXPHRASES 64

/* A bit per phrase, in table order: one machine word on any target (a
 * 32-bit one has no wider integer).  A table that outgrows it is split,
 * as the furniture's is, by where its phrases are found. */
typedef uint64_t sitephrase_set;

_Static_assert(SITEPHRASE_NPHRASES <= SITEPHRASE_MAXPHRASES,
    "one bit per phrase");
_Static_assert(SITEPHRASE_NSTART <= SITEPHRASE_MAXPHRASES,
    "one bit per furniture phrase at the start");

/*
 * The "anywhere" phrases are found with phrasefilter on a CPU with AVX2;
 * elsewhere in one pass over a sentence with a Wu-Manber skip table: the
 * last four bytes of a window of the shortest phrase's length say how far
 * no phrase can start, usually the whole window, so most of a sentence is
 * never looked at.  Bytes are hashed
 * with the 0x20 bit set, which maps a letter's two cases together.
 */
#define SITEPHRASE_BLOCK 4
#define SITEPHRASE_HASH_BITS 12
#define SITEPHRASE_HASH (1u << SITEPHRASE_HASH_BITS)

struct sitephrase_scan {
	size_t window;			/* the shortest "anywhere" phrase */
	const char *text[SITEPHRASE_MAXPHRASES];	/* in lowercase */
	size_t len[SITEPHRASE_MAXPHRASES];
	/* Each phrase's first four bytes (fewer if it is shorter) with the
	 * 0x20 bit set, the first byte lowest, and the mask of its bytes. */
	uint32_t packed[SITEPHRASE_MAXPHRASES];
	uint32_t mask[SITEPHRASE_MAXPHRASES];
	/* The phrases' indices by first byte, the "anywhere" ones (list 1)
	 * apart from the others (list 0): start[l][first[l][c],
	 * first[l][c + 1]). */
	unsigned char first[2][257];
	unsigned char start[2][SITEPHRASE_MAXPHRASES];
	/* The second bytes, with the 0x20 bit set, of each list's phrases
	 * by first byte, as bit (byte & 63): every bit for a phrase of one
	 * byte.  Most sentences start with a byte some phrases start with
	 * ("T", "S"), and the second rules them all out. */
	uint64_t second[2][256];
	unsigned char shift[SITEPHRASE_HASH];
};

/* One scan for the clutter phrases, one for the site furniture, each
 * for the phrases at a sentence's start; the "anywhere" phrases of both
 * in one more, so a sentence is skipped through once, not twice: the
 * clutter's first (sitephrase_anywhere_nphrases of them), then the
 * furniture's, each with its index in its own table. */
static struct sitephrase_scan sitephrase_scan, sitephrase_furniture_scan;
static struct sitephrase_scan sitephrase_anywhere_scan;
#ifdef SCAN_AVX2
/* The same "anywhere" phrases, for a CPU with AVX2: 32 bytes a step
 * where the skip table makes at most six. */
static struct phrasefilter sitephrase_anywhere_filter;
#endif
static size_t sitephrase_anywhere_nphrases;
static unsigned char sitephrase_anywhere_from[SITEPHRASE_MAXPHRASES];
/* The furniture phrases found anywhere in a sentence of any length. */
static sitephrase_set sitephrase_anywhere_anylen;
/* Built once, by whichever loading thread needs them first. */
static pthread_once_t sitephrase_scan_once = PTHREAD_ONCE_INIT;

static unsigned
sitephrase_hash(const char *p)
{
	uint32_t w;

	memcpy(&w, p, sizeof w);
	return ((w | 0x20202020u) * 0x9e3779b1u) >>
	    (32 - SITEPHRASE_HASH_BITS);
}


/* Inlined in the scan; sitephrase_prefix for others. */
static inline bool
sitephrase_starts(const char *s, const char *what, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (ascii_lower((unsigned char)s[i]) != (unsigned char)what[i])
			return false;
	}
	return true;
}

/* Up to four bytes of S (fewer when N is less) with the 0x20 bit set,
 * the first byte lowest: equal for a phrase and text that starts with
 * it in any case, so a difference rules the phrase out. */
static uint32_t
sitephrase_pack(const char *s, size_t n)
{
	uint32_t key = 0;
	size_t j;

	for (j = 0; j < 4 && j < n; j++)
		key |= (uint32_t)((unsigned char)s[j] | 0x20) << (8 * j);
	return key;
}

/* The phrases of list L (0: at the start only, 1: anywhere) that S[I],
 * of LEN bytes, starts with. */
static inline sitephrase_set
sitephrase_at(const struct sitephrase_scan *sc, const char *s, size_t len,
    size_t i, int l)
{
	sitephrase_set found = 0;
	unsigned char c = (unsigned char)ascii_lower((unsigned char)s[i]);
	uint32_t w = 0;
	size_t k, j;

	if (sc->first[l][c] == sc->first[l][c + 1] || (len - i >= 2 &&
	    (sc->second[l][c] >> (((unsigned char)s[i + 1] | 0x20) & 63) &
	    1) == 0))
		return 0;
	if (len - i >= 4) {
		memcpy(&w, s + i, sizeof w);
		w |= 0x20202020u;
	}
	for (k = sc->first[l][c]; k < sc->first[l][c + 1]; k++) {
		j = sc->start[l][k];
		if (sc->len[j] <= len - i && (len - i < 4 ||
		    (w & sc->mask[j]) == sc->packed[j]) &&
		    sitephrase_starts(s + i, sc->text[j], sc->len[j]))
			found |= (sitephrase_set)1 << j;
	}
	return found;
}

/* SC for the N phrases TEXT, those ANYWHERE found at any place. */
static void
sitephrase_scan_build(struct sitephrase_scan *sc, const char *const *text,
    const bool *anywhere, size_t n)
{
	size_t i, q, c, l, m = SIZE_MAX;
	unsigned char at[2][256];
	unsigned h;

	for (i = 0; i < n; i++) {
		sc->text[i] = text[i];
		sc->len[i] = strlen(text[i]);
		sc->packed[i] = sitephrase_pack(text[i], sc->len[i]);
		sc->mask[i] = sc->len[i] >= 4 ? UINT32_MAX :
		    ((uint32_t)1 << (8 * sc->len[i])) - 1;
		if (anywhere[i] && sc->len[i] < m)
			m = sc->len[i];
	}
	/* A counting sort by first byte, table order kept within one. */
	memset(at, 0, sizeof at);
	memset(sc->second, 0, sizeof sc->second);
	for (i = 0; i < n; i++) {
		at[anywhere[i]][(unsigned char)text[i][0]]++;
		sc->second[anywhere[i]][(unsigned char)text[i][0]] |=
		    sc->len[i] < 2 ? UINT64_MAX : (uint64_t)1 <<
		    (((unsigned char)text[i][1] | 0x20) & 63);
	}
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
	/* Only a scan with "anywhere" phrases is skipped through. */
	if (m == SIZE_MAX)
		return;
	memset(sc->shift, (int)(m - SITEPHRASE_BLOCK + 1), sizeof sc->shift);
	for (i = 0; i < n; i++) {
		if (!anywhere[i])
			continue;
		for (q = 0; q + SITEPHRASE_BLOCK <= m; q++) {
			h = sitephrase_hash(text[i] + q);
			if (sc->shift[h] > m - SITEPHRASE_BLOCK - q)
				sc->shift[h] = (unsigned char)(m -
				    SITEPHRASE_BLOCK - q);
		}
	}
}

/* Adds TEXT, an "anywhere" phrase of index I in its table, to the
 * phrases of the one scan for both (N so far). */
static void
sitephrase_anywhere_add(const char **all, size_t *n, const char *text,
    size_t i)
{
	/* The clutter phrases are looked for past a list bullet, the
	 * furniture in the whole sentence: the same "anywhere" phrases are
	 * found either way only if none starts with a bullet's byte. */
	if (strchr("-*+ \xe2", text[0]) != NULL || *n == SITEPHRASE_MAXPHRASES)
		fatal("sitephrase: \"%s\" cannot be found anywhere", text);
	all[*n] = text;
	sitephrase_anywhere_from[(*n)++] = (unsigned char)i;
}

static void
sitephrase_scans_build(void)
{
	const char *text[SITEPHRASE_MAXPHRASES], *all[SITEPHRASE_MAXPHRASES];
	bool anywhere[SITEPHRASE_MAXPHRASES], yes[SITEPHRASE_MAXPHRASES];
	bool no[SITEPHRASE_MAXPHRASES] = { false };
	size_t i, n = 0;

	for (i = 0; i < SITEPHRASE_NPHRASES; i++) {
		text[i] = sitephrase_phrases[i].text;
		anywhere[i] = sitephrase_phrases[i].anywhere;
		if (anywhere[i])
			sitephrase_anywhere_add(all, &n, text[i], i);
	}
	sitephrase_scan_build(&sitephrase_scan, text, anywhere,
	    SITEPHRASE_NPHRASES);
	sitephrase_anywhere_nphrases = n;
	for (i = 0; i < SITEPHRASE_NSTART; i++)
		text[i] = sitephrase_furniture_start[i].text;
	sitephrase_scan_build(&sitephrase_furniture_scan, text, no,
	    SITEPHRASE_NSTART);
	for (i = 0; i < SITEPHRASE_NANYWHERE; i++) {
		sitephrase_anywhere_add(all, &n,
		    sitephrase_furniture_anywhere[i].text, i);
		if (strcmp(sitephrase_furniture_anywhere[i].text,
		    "hide caption") == 0)
			sitephrase_anywhere_anylen |= (sitephrase_set)1 << i;
	}
	for (i = 0; i < n; i++)
		yes[i] = true;
	sitephrase_scan_build(&sitephrase_anywhere_scan, all, yes, n);
#ifdef SCAN_AVX2
	phrasefilter_build(&sitephrase_anywhere_filter, all, n);
#endif
}

/* The first window's last block from Q on where an "anywhere" phrase may
 * end, or LEN.  Four steps at a time while all four blocks are in S: no
 * shift exceeds the window's length less a block, plus one. */
static size_t
sitephrase_skip(const struct sitephrase_scan *sc, const char *s,
    size_t len, size_t q)
{
	const size_t far = 3 * (sc->window - SITEPHRASE_BLOCK + 1) +
	    SITEPHRASE_BLOCK;
	unsigned char sh;

	for (; len >= far && q <= len - far; q += sh) {
		if ((sh = sc->shift[sitephrase_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[sitephrase_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[sitephrase_hash(s + q)]) == 0)
			return q;
		q += sh;
		if ((sh = sc->shift[sitephrase_hash(s + q)]) == 0)
			return q;
	}
	for (; q + SITEPHRASE_BLOCK <= len; q += sh) {
		if ((sh = sc->shift[sitephrase_hash(s + q)]) == 0)
			return q;
	}
	return len;
}

/* The "anywhere" phrases whose window's last block starts from Q on and
 * ends by END, one skip after another. */
static sitephrase_set
sitephrase_chain(const struct sitephrase_scan *sc, const char *s,
    size_t len, size_t back, size_t q, size_t end)
{
	sitephrase_set found = 0;

	for (; (q = sitephrase_skip(sc, s, end, q)) < end; q++)
		found |= sitephrase_at(sc, s, len, q - back, 1);
	return found;
}

/*
 * A long sentence is skipped through in two halves at once: each skip
 * waits on a load and a multiply before the next can start, so two
 * independent chains take little more time than one.  Any position may
 * start a chain, since a shift never passes a window a phrase may end in.
 */
#define SITEPHRASE_TWO_CHAINS 64

static sitephrase_set
sitephrase_find_two(const struct sitephrase_scan *sc, const char *s,
    size_t len, size_t back)
{
	sitephrase_set found = 0;
	size_t a = back, b, mid, end = len - SITEPHRASE_BLOCK;
	unsigned char sa, sb;

	/* The first chain stops where the second starts. */
	b = mid = back + (end - back) / 2;
	while (a < mid && b <= end) {
		sa = sc->shift[sitephrase_hash(s + a)];
		sb = sc->shift[sitephrase_hash(s + b)];
		if (sa == 0)
			found |= sitephrase_at(sc, s, len, a - back, 1);
		if (sb == 0)
			found |= sitephrase_at(sc, s, len, b - back, 1);
		a += sa + (sa == 0);
		b += sb + (sb == 0);
	}
	/* Whichever chain is left goes on alone. */
	return found | sitephrase_chain(sc, s, len, back, a,
	    mid + SITEPHRASE_BLOCK - 1) |
	    sitephrase_chain(sc, s, len, back, b, len);
}

/* The "anywhere" phrases of both tables found in S by the skip table. */
static sitephrase_set
sitephrase_find(const char *s, size_t len)
{
	const struct sitephrase_scan *sc = &sitephrase_anywhere_scan;
	/* Q is where the last block of the window starting at Q - BACK
	 * lies. */
	size_t back = sc->window - SITEPHRASE_BLOCK;

	if (len >= 2 * SITEPHRASE_TWO_CHAINS)
		return sitephrase_find_two(sc, s, len, back);
	return sitephrase_chain(sc, s, len, back, back, len);
}

#ifdef SCAN_AVX2
/* Do the N sentences lie back to back in one block, each ended by its
 * NUL (document_block)? */
static bool
sitephrase_back_to_back(const struct sentence *sn, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++) {
		if (sn[i].text != sn[i - 1].text + sn[i - 1].len + 1)
			return false;
	}
	return true;
}
#endif

void
sitephrase_find_all(const struct sentence *sn, size_t n, uint64_t *found)
{
	size_t i;

	pthread_once(&sitephrase_scan_once, sitephrase_scans_build);
	memset(found, 0, n * sizeof *found);
	if (n == 0)
		return;
#ifdef SCAN_AVX2
	/* Sanitised text holds no NUL: the sentences' own end them. */
	if (scan_level >= SCAN_LEVEL_AVX2 && sitephrase_back_to_back(sn, n)) {
		phrasefilter_find_each(&sitephrase_anywhere_filter, sn[0].text,
		    (size_t)(sn[n - 1].text - sn[0].text) + sn[n - 1].len,
		    found);
		return;
	}
	if (scan_level >= SCAN_LEVEL_AVX2) {
		for (i = 0; i < n; i++)
			phrasefilter_find_each(&sitephrase_anywhere_filter,
			    sn[i].text, sn[i].len, &found[i]);
		return;
	}
#endif
	for (i = 0; i < n; i++)
		found[i] = sitephrase_find(sn[i].text, sn[i].len);
}

/* A heading and the link run into it are at most so many words. */
#define SITEPHRASE_RUN_IN_WORDS 25

/* The strongest clutter phrase in the sentence S, ANYWHERE its
 * "anywhere" ones: the first in the table that it carries and is short
 * enough for. */
static enum sitephrase_kind
sitephrase_classify(struct furniture_line *l, sitephrase_set anywhere)
{
	const struct sitephrase_phrase *p;
	sitephrase_set found;
	const char *s = l->s;
	size_t i, b, len = l->len;

	b = sitephrase_bullet_len(s, len);
	s += b;
	len -= b;
	if (len == 0)
		return SITEPHRASE_NONE;
	found = sitephrase_at(&sitephrase_scan, s, len, 0, 0) | anywhere;
	for (i = 0; found != 0; i++, found >>= 1) {
		if ((found & 1) == 0)
			continue;
		p = &sitephrase_phrases[i];
		/* A bullet is a word of the line, not of the item. */
		if (p->maxwords == 0 || (b == 0 ?
		    furniture_line_words(l, (size_t)p->maxwords) :
		    furniture_words(s, len, (size_t)p->maxwords)) <=
		    (size_t)p->maxwords)
			return p->kind;
		/* A related links' heading run into its first link, too
		 * long for a heading ("Related Coverage Trump defiant at
		 * Louisiana rally after Democrat wins", "RELATED: ..."):
		 * the line, not a heading over what follows. */
		if (p->kind == SITEPHRASE_HEADING && b == 0 && !l->stopped &&
		    s[len - 1] != ':' && furniture_line_words(l,
		    SITEPHRASE_RUN_IN_WORDS) <= SITEPHRASE_RUN_IN_WORDS)
			return SITEPHRASE_LINE;
	}
	return SITEPHRASE_NONE;
}

/* Is L short enough for one of the FOUND phrases of TABLE? */
static bool
sitephrase_fits(struct furniture_line *l,
    const struct sitephrase_furniture *table, sitephrase_set found)
{
	const struct sitephrase_furniture *f;
	size_t i;

	for (i = 0; found != 0; i++, found >>= 1) {
		if ((found & 1) == 0)
			continue;
		f = &table[i];
		if (f->maxwords == 0 || furniture_line_words(l,
		    (size_t)f->maxwords) <= (size_t)f->maxwords)
			return true;
	}
	return false;
}

/*
 * Site furniture (see sitephrase_furniture_start): a line of a video
 * widget, a gallery, a time stamp, a sign-up, a credit or a related link,
 * an embedded post's "— Name (@handle) Date" line, a bare "ET" left of a
 * time stamp.  ANYWHERE: the "anywhere" furniture phrases S carries.
 */
static bool
sitephrase_is_furniture(struct furniture_line *l, sitephrase_set anywhere)
{
	if (furniture_shape(l, SITEPHRASE_FURNITURE_LEN))
		return true;
	if (l->len == 0)
		return false;
	if (l->len > SITEPHRASE_FURNITURE_LEN)
		anywhere &= sitephrase_anywhere_anylen;
	return sitephrase_fits(l, sitephrase_furniture_start,
	    sitephrase_at(&sitephrase_furniture_scan, l->s, l->len, 0, 0)) ||
	    sitephrase_fits(l, sitephrase_furniture_anywhere, anywhere);
}

enum sitephrase_kind
sitephrase_read(struct furniture_line *l, uint64_t anywhere, bool *furniture)
{
	sitephrase_set phrases = 0, found = 0;
	enum sitephrase_kind k;
	int j;

	/* The one scan's phrases back to their own tables. */
	for (; anywhere != 0; anywhere &= anywhere - 1) {
		j = __builtin_ctzll(anywhere);
		if ((size_t)j < sitephrase_anywhere_nphrases)
			phrases |= (sitephrase_set)1 <<
			    sitephrase_anywhere_from[j];
		else
			found |= (sitephrase_set)1 <<
			    sitephrase_anywhere_from[j];
	}
	k = sitephrase_classify(l, phrases);
	/* The furniture is looked for only in a line no phrase marked. */
	*furniture = k == SITEPHRASE_NONE && sitephrase_is_furniture(l, found);
	return k;
}

const char *
sitephrase_opening(size_t i)
{
	size_t j;

	for (j = 0; j < SITEPHRASE_NPHRASES; j++) {
		if (!sitephrase_phrases[j].anywhere && i-- == 0)
			return sitephrase_phrases[j].text;
	}
	return i < SITEPHRASE_NSTART ? sitephrase_furniture_start[i].text : NULL;
}

size_t
sitephrase_bullet(const char *s, size_t len)
{
	return sitephrase_bullet_len(s, len);
}

bool
sitephrase_prefix(const char *s, const char *what, size_t n)
{
	return sitephrase_starts(s, what, n);
}
