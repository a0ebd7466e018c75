#include "config.h"

#include <pthread.h>
#include <string.h>

#include "segwords.h"
#include "xalloc.h"

/* Words that take a full stop but come before a name or a number, so the
 * stop never ends a sentence ("Mr. Smith", "Gen. Cavoli", "Mt. Fuji"). */
static const char *const segwords_prepositive[] = {
	"Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det",
	"Dr", "Drs", "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "Insp", "Jr",
	"Lt", "Maj", "Messrs", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Msgr", "Mt",
	"Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt",
	"Sr", "St", "Supt", "cf", "v", "vs", "viz", NULL
};

/* Words that take a full stop before a number ("No. 5", "Jan. 6",
 * "p. 55"); before a capital they may end a sentence. */
static const char *const segwords_numeric[] = {
	"Apr", "Art", "Aug", "Ch", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun",
	"Mar", "No", "Nos", "Nov", "Nr", "Oct", "Op", "Sep", "Sept", "Vol",
	"approx", "art", "ca", "ch", "fig", "no", "nos", "p", "para", "pp",
	"sec", "vol", NULL
};

/* Words that usually begin an English sentence: after "U.S." or an
 * initial, only these make the full stop a boundary ("in the U.S. How"
 * splits, "the U.S. Government" does not). */
static const char *const segwords_starters[] = {
	"A", "About", "According", "After", "All", "Also", "Although",
	"Among", "An", "And", "Are", "As", "Asked", "At", "Because", "Before",
	"Being", "Both", "But", "By", "Can", "Could", "Despite", "Did", "Do",
	"Does", "During", "Each", "Earlier", "Even", "Every", "For", "From",
	"Furthermore", "Had", "Has", "Have", "He", "Her", "Here", "His", "How",
	"However", "I", "If", "In", "Indeed", "Instead", "Is", "It", "Its",
	"Just", "Last", "Later", "Many", "Meanwhile", "Might", "Millions",
	"More", "Moreover", "Most", "Must", "My", "Nevertheless", "Next",
	"No", "Nor", "Not", "Now", "On", "Once", "One", "Only", "Or", "Other",
	"Others", "Our", "Over", "Several", "She", "Should", "Since", "So",
	"Some", "Still", "Such", "That", "The", "Their", "Then", "There",
	"Therefore", "These", "They", "This", "Those", "Though", "Thus", "To",
	"Today", "Two", "Under", "Unless", "Until", "Was", "We", "Were",
	"What", "When", "Where", "Whether", "Which", "While", "Who", "Why",
	"Will", "With", "Without", "Would", "Yesterday", "Yet", "You", "Your",
	NULL
};

/* A time phrase at the head of a sentence: "At 5 a.m. Mr. Smith went". */
static const char *const segwords_time_heads[] = {
	"about", "after", "around", "at", "before", "by", "from", "on",
	"since", "until", NULL
};

static const char *const segwords_closers[] = {
	"\"", "'", ")", "]", "}", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
	"\xe2\x80\xba", NULL
};

static const char *const segwords_openers[] = {
	"\"", "'", "(", "[", "\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab",
	"\xe2\x80\xb9", "\xc2\xbf", "\xc2\xa1", NULL
};

/* Bullets that start a list item wherever they stand after white space. */
static const char *const segwords_bullets[] = {
	"\xe2\x80\xa2", "\xe2\x81\x83", "\xe2\x97\xa6", "\xe2\x96\xaa",
	"\xe2\x80\xa3", NULL
};

/* Left halves of names written in camel case ("MacDonald", "VanHollen"). */
static const char *const segwords_camel_names[] = {
	"Fitz", "Mac", "Van", "Von", NULL
};

/* Words that go on with a time after "a.m." or "p.m.": a zone ("9:45
 * a.m. ET", "8:30 a.m. Eastern time"), a day ("at 11 p.m. Thursday") or
 * a month ("at 9 a.m. Jan. 5"). */
static const char *const segwords_time_words[] = {
	"April", "Aug", "August", "CDT", "CST", "CT", "Central", "Dec",
	"December", "EDT", "EST", "ET", "Eastern", "Feb", "February",
	"Friday", "GMT", "Jan", "January", "July", "June", "MDT", "MST", "MT",
	"March", "May", "Monday", "Mountain", "Nov", "November", "Oct",
	"October", "PDT", "PST", "PT", "Pacific", "Saturday", "Sept",
	"September", "Sunday", "Thursday", "Tuesday", "UTC", "Wednesday",
	NULL
};

/* Dotted two-letter places that end a dateline-like "City, S.C.". */
static const char *const segwords_states[] = {
	"D.C", "N.C", "N.D", "N.H", "N.J", "N.M", "N.Y", "R.I", "S.C", "S.D",
	NULL
};

/* Words before a dotted state that make it a place named, not a name's
 * first word: "funding for D.C.", "in Washington D.C.". */
static const char *const segwords_place_heads[] = {
	"Washington", "and", "at", "for", "from", "in", "of", "outside",
	"to", NULL
};

/* Reporting verbs that end an attribution cut from its quote. */
static const char *const segwords_said[] = {
	" said.", " says.", " added.", " told reporters.", " wrote.",
	" tweeted.", " insisted.", " continued.", NULL
};

/* The lists indexed, by number. */
static const char *const *const segwords_lists[SEGWORDS_NLISTS] = {
	segwords_prepositive, segwords_numeric, segwords_starters,
	segwords_time_heads, segwords_closers, segwords_openers,
	segwords_bullets, segwords_camel_names
};

_Static_assert(SEGWORDS_NLISTS <= 8, "a byte of bits per list");

struct segwords_index segwords_index;
/* Built once, by whichever loading thread splits first. */
static pthread_once_t segwords_index_once = PTHREAD_ONCE_INIT;

/* Up to four bytes of S (fewer when N is less) in one word, the first
 * byte lowest. */
static uint32_t
segwords_pack(const char *s, size_t n)
{
	uint32_t key = 0;
	size_t j;

	for (j = 0; j < 4 && j < n; j++)
		key |= (uint32_t)(unsigned char)s[j] << (8 * j);
	return key;
}

static void
segwords_index_build(struct segwords_index *ix)
{
	const char *const *w;
	unsigned short at[256];
	size_t l, c, n, k;

	for (l = 0; l < SEGWORDS_NLISTS; l++) {
		memset(at, 0, sizeof at);
		for (n = 0, w = segwords_lists[l]; *w != NULL; w++, n++)
			at[(unsigned char)(*w)[0]]++;
		if (n > SEGWORDS_LIST_MAX)
			fatal("segwords: a word list is too long");
		for (c = 0, n = 0; c < 256; c++) {
			ix->first[l][c] = (unsigned short)n;
			n += at[c];
			at[c] = ix->first[l][c];
		}
		ix->first[l][256] = (unsigned short)n;
		for (w = segwords_lists[l]; *w != NULL; w++) {
			c = (unsigned char)(*w)[0];
			ix->starts[c] |= (unsigned char)(1u << l);
			k = at[c]++;
			ix->word[l][k] = *w;
			ix->len[l][k] = strlen(*w);
			if (ix->len[l][k] > ix->longest[l])
				ix->longest[l] = ix->len[l][k];
			ix->packed[l][k] = segwords_pack(*w, ix->len[l][k]);
			ix->mask[l][k] = ix->len[l][k] >= 4 ? UINT32_MAX :
			    ((uint32_t)1 << (8 * ix->len[l][k])) - 1;
			if (l == SEGWORDS_BULLETS && c == 0xe2) {
				if (ix->len[l][k] < 3)
					memset(ix->e2_acts, 1,
					    sizeof ix->e2_acts);
				else
					ix->e2_acts[(unsigned char)(*w)[2]] =
					    true;
			}
		}
	}
	ix->e2_acts[(unsigned char)SEGWORDS_ELLIPSIS[2]] = true;
}

atomic_bool segwords_built;

static void
segwords_index_init(void)
{
	segwords_index_build(&segwords_index);
	atomic_store_explicit(&segwords_built, true, memory_order_release);
}

void
segwords_init(void)
{
	pthread_once(&segwords_index_once, segwords_index_init);
}

size_t
segwords_entry(const char *s, size_t avail, enum segwords_list list)
{
	const struct segwords_index *ix = &segwords_index;
	unsigned char c = (unsigned char)s[0];
	size_t k, n;
	uint32_t key = segwords_pack(s, avail);

	for (k = ix->first[list][c]; k < ix->first[list][c + 1]; k++) {
		n = ix->len[list][k];
		if (n <= avail && (key & ix->mask[list][k]) ==
		    ix->packed[list][k] && (n <= 4 ||
		    segwords_same(s + 4, ix->word[list][k] + 4, n - 4)))
			return n;
	}
	return 0;
}

/* Whether W (N bytes) is one of LIST's words (NULL-ended), walked, not
 * indexed as segwords_in's lists are: its callers are rarely asked. */
static bool
segwords_walk(const char *const *list, const char *w, size_t n)
{
	for (; *list != NULL; list++) {
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return true;
	}
	return false;
}

bool
segwords_time_word(const char *w, size_t n)
{
	/* Asked only after "a.m." or "p.m.". */
	return segwords_walk(segwords_time_words, w, n);
}

bool
segwords_state(const char *w)
{
	const char *const *p;

	for (p = segwords_states; *p != NULL; p++) {
		if (memcmp(*p, w, 3) == 0)
			return true;
	}
	return false;
}

bool
segwords_said_end(const char *s, size_t start, size_t end)
{
	const char *const *v;
	size_t n;

	for (v = segwords_said; *v != NULL; v++) {
		n = strlen(*v);
		if (end - start > n && memcmp(s + end - n, *v, n) == 0)
			return true;
	}
	return false;
}

bool
segwords_place_head(const char *w, size_t n)
{
	/* Asked only before a dotted state. */
	return segwords_walk(segwords_place_heads, w, n);
}
