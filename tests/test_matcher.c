#include "config.h"

#include <ctype.h>
#include <stdbool.h>

#include "testlib.h"

#include "matcher.h"
#include "strbuf.h"

/* Matches as "PHRASE@START-END" joined by spaces, for exact comparison. */
struct found {
	struct strbuf sb;
	size_t last_start;
	size_t hits[64][3];
	size_t nhits;
};

static void
record(void *arg, size_t phrase, size_t start, size_t end)
{
	struct found *f = arg;

	assert_true(start >= f->last_start);	/* ascending start order */
	f->last_start = start;
	assert_true(f->nhits < 64);
	f->hits[f->nhits][0] = start;
	f->hits[f->nhits][1] = phrase;
	f->hits[f->nhits][2] = end;
	f->nhits++;
}

/* Only checks spans: a whole corpus as text has too many hits to keep. */
static void
record_any(void *arg, size_t phrase, size_t start, size_t end)
{
	struct found *f = arg;

	assert_true(start >= f->last_start && start < end);
	f->last_start = start;
}

static int
hit_cmp(const void *a, const void *b)
{
	const size_t *ha = a, *hb = b;

	if (ha[0] != hb[0])
		return ha[0] < hb[0] ? -1 : 1;
	return ha[1] < hb[1] ? -1 : ha[1] > hb[1];
}

/* The hits in (start, phrase) order; the matcher promises start order. */
static void
format(struct found *f)
{
	size_t i;

	qsort(f->hits, f->nhits, sizeof f->hits[0], hit_cmp);
	strbuf_addch(&f->sb, '\0');
	f->sb.len = 0;
	for (i = 0; i < f->nhits; i++)
		strbuf_addf(&f->sb, "%s%zu@%zu-%zu", i == 0 ? "" : " ",
		    f->hits[i][1], f->hits[i][0], f->hits[i][2]);
}

/*
 * Compiles PHRASES (a NULL-terminated list; a leading '=' means match-case)
 * and returns the matches in TEXT, allocated.
 */
static char *
find(const char **phrases, const char *text, size_t len)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	size_t i, n;

	for (i = 0; phrases[i] != NULL; i++) {
		if (phrases[i][0] == '=')
			matcher_add(m, phrases[i] + 1, strlen(phrases[i] + 1),
			    MATCHER_EXACT);
		else
			matcher_add(m, phrases[i], strlen(phrases[i]),
			    MATCHER_FOLD);
	}
	n = matcher_find(m, s, text, len, record, &f);
	assert_int_equal(n, f.nhits);
	format(&f);
	matcher_scratch_free(s);
	matcher_free(m);
	return strbuf_detach(&f.sb);
}

static void
check(const char *phrase, const char *text, const char *want)
{
	const char *list[] = { phrase, NULL };
	char *got = find(list, text, strlen(text));

	if (strcmp(got, want) != 0)
		fail_msg("'%s' in '%s': got '%s', want '%s'", phrase, text, got,
		    want);
	free(got);
}

/* Rule 3: not preceded or followed by a letter, digit or '_'. */
static void
test_word_boundaries(void **state)
{
	check("NATO", "non-NATO members", "0@4-8");
	check("NATO", "NATO's view", "0@0-4");
	check("NATO", "NATOs", "");
	check("NATO", "a NATO5 b", "");
	check("NATO", "_NATO", "");
	check("NATO", "NATO_", "");
	check("NATO", "2NATO", "");
	check("NATO", "NATOé", "");
	check("NATO", "éNATO", "");
	check("NATO", "(NATO)", "0@1-5");
	check("NATO", "NATO", "0@0-4");
	/* A modifier letter apostrophe reads as ' (rule 1), not a letter. */
	check("NATO", "NATO\xca\xbcs", "0@0-4");
	/* A combining mark is not a word character. */
	check("x", "x\xcc\xb8 y", "0@0-1");
}

/* Rule 2: simple case folding for keywords, exact for match-case. */
static void
test_case(void **state)
{
	check("nato", "NATO and Nato", "0@0-4 0@9-13");
	check("=NATO", "nato, Nato, NATO", "0@12-16");
	check("σιγμα", "ΣΙΓΜΑ", "0@0-10");
	check("ΣΙΓΜΑΣ", "σιγμας", "0@0-12");		/* final sigma folds */
	check("ß", "\xe1\xba\x9e", "0@0-3");		/* U+1E9E simple-folds to ß */
	check("strasse", "straße", "");		/* no full folding */
	check("kelvin", "\xe2\x84\xaa" "elvin", "0@0-8");	/* KELVIN SIGN */
	check("istanbul", "\xc4\xb0stanbul", "");	/* U+0130: no simple fold */
	check("\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89", "0@0-5");
	/* match-case is still after NFC and the mappings. */
	check("=Kyiv’s", "Kyiv's", "0@0-6");
}

/* Rule 1: NFC, quotes and dashes. */
static void
test_normalisation(void **state)
{
	/* Precomposed keyword, decomposed text: the span covers the mark. */
	check("caf\xc3\xa9", "a cafe\xcc\x81 here", "0@2-8");
	check("cafe\xcc\x81", "caf\xc3\xa9", "0@0-5");
	/* A decomposed é is a letter after NFC: no boundary inside it. */
	check("cafe", "cafe\xcc\x81", "");
	check("NATO's", "NATO\xe2\x80\x99s", "0@0-8");
	check("NATO’s", "NATO's", "0@0-6");
	check("NATO\xe2\x80\x98s", "NATO\xe2\x80\xb2s", "0@0-8");
	check("pre-2014", "pre\xe2\x80\x93" "2014 borders", "0@0-10");
	for (const char *d = "\xe2\x80\x90\xe2\x80\x91\xe2\x80\x92\xe2\x80\x93"
	    "\xe2\x80\x94\xe2\x80\x95\xe2\x88\x92"; *d != '\0'; d += 3) {
		char text[16];

		snprintf(text, sizeof text, "a%.3sb", d);
		check("a-b", text, "0@0-5");
	}
	check("\"illusionary goal\"", "an \xe2\x80\x9cillusionary goal\xe2\x80\x9d",
	    "0@3-25");
	check("\"x\"", "\xe2\x80\x9ex\xe2\x80\xb3", "0@0-7");
	/* Hangul jamo compose into syllables; a trailing one joins too. */
	check("\xea\xb0\x80", "\xe1\x84\x80\xe1\x85\xa1", "0@0-6");
	check("\xea\xb0\x81", "x \xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8",
	    "0@2-11");
	check("\xea\xb0\x80", "\xea\xb0\x80\xe1\x86\xa8", "");
	/* Marks in any order: canonical ordering first. */
	check("\xe1\xba\xa1\xcc\x82", "a\xcc\x82\xcc\xa3", "0@0-5");

	check("fi", "\xef\xac\x81", "");
}

/* Rule 4: a space matches any run of white space. */
static void
test_white_space(void **state)
{
	check("NATO membership", "NATO \n\t membership", "0@0-18");
	check("NATO membership", "NATO\xc2\xa0membership", "0@0-16");
	check("NATO membership", "NATO\xe2\x80\x83membership", "0@0-17");
	check("NATO membership", "NATOmembership", "");
	check("NATO membership", "NATO-membership", "");
	check("  NATO   membership ", "NATO membership", "0@0-15");
}

/* Rule 5: a trailing '*' takes zero or more further word characters. */
static void
test_star(void **state)
{
	check("deploy* troop*", "they deployed troops.", "0@5-20");
	check("deploy*", "deploy", "0@0-6");
	check("deploy*", "redeploy", "");
	check("troop*", "troops' morale", "0@0-6");
	check("join* NATO", "joining NATO", "0@0-12");
	check("join* NATO", "joining NATOs", "");
	check("euro*", "Europe's", "0@0-6");
	check("d\xc3\xa9*", "D\xc3\xa9j\xc3\xa0 vu", "0@0-6");
	/* A `*` word shorter than the gate is found by its first two bytes
	 * (or its one), whatever the word's others. */
	check("ta*", "the Taxes, tab and TA", "0@4-9 0@11-14 0@19-21");
	check("ta*", "t at tea a", "");
	check("x*", "a x, xylophone and X9", "0@2-3 0@5-14 0@19-21");
	check("ab* cd", "abz cd ab cd ax cd", "0@0-6 0@7-12");
	check("a\xc3\xa9*", "a\xc3\xa9t\xc3\xa9 ab", "0@0-6");
}

/* Keywords with punctuation match where a boundary-checked substring would. */
static void
test_punctuation(void **state)
{
	check("U.S.", "the U.S. said", "0@4-8");
	check("U.S.", "U.S.A", "");
	check("U.S.", "U.S.-led", "0@0-4");
	check("U.S.", "XU.S.", "");
	check("U.S", "U.S.", "0@0-3");
	check("Article 5", "Article 5's promise", "0@0-9");
	check("Article 5", "Article 50", "");
	check("non-NATO", "non-NATO", "0@0-8");
	check("NATO-", "NATO-led", "");
	check("NATO-", "NATO- led", "0@0-5");
	check("...", "wait... ok", "");
	check("...", "wait ... ok", "0@5-8");
	check("...", "a.... b", "0@2-5");
	check("!!", "!!!", "0@0-2 0@1-3");
	check("a-a", "a-a-a", "0@0-3 0@2-5");
	check(".NET", "x.NET", "");
	check(".NET", "(.NET)", "0@1-5");
	check("$5", "cost $5 now", "0@5-7");
	check("5%", "5% or 50%", "0@0-2");
}

/*
 * Rule 3 for numbers: a full stop or comma between digits joins them into
 * one token, so a keyword does not match part of a decimal or a number
 * with thousands separators.
 */
static void
test_numbers(void **state)
{
	check("5 percent", "rose 0.5 percent", "");
	check("5 percent", "rose 1,5 percent", "");
	check("5 percent", "rose 2.5 percent", "");
	check("2 percent", "rose 2.5 percent", "");
	check("2", "rose 2.5 percent", "");
	check("5", "rose 2.5 percent", "");
	check("000", "1,000 troops", "");
	check("5 percent", "rose 5 percent", "0@5-14");
	check("0.5 percent", "rose 0.5 percent", "0@5-16");
	check("1,000 troops", "sent 1,000 troops", "0@5-17");
	check("1,000", "sent 21,000.5", "");
	/* A stop or comma not between two digits is no part of a number. */
	check("5 percent", "at 5 percent. 5 percent", "0@3-12 0@14-23");
	check("5", "in 2019, 5 died", "0@9-10");
	check("5", "Article 5.", "0@8-9");
	check("5", "v.5", "0@2-3");
	check("5", "5.x", "0@0-1");
	check("2019", "in 2019,5", "");
	/* The walk cuts tokens lazily; islands (non-ASCII) cut them early. */
	check("5 percent", "\xc3\xa9t\xc3\xa9 0.5 percent", "");
	check("5 percent", "0.5 percent \xc3\xa9t\xc3\xa9", "");
	check("5 \xc3\xa9t\xc3\xa9", "0.5 \xc3\x89t\xc3\xa9", "");
	check("5 \xc3\xa9t\xc3\xa9", "0 5 \xc3\x89t\xc3\xa9", "0@2-9");
}

/*
 * Code points that share a slot of the tokenizer's cache (U+AC00 and
 * U+2404; U+1F08 and U+2F5D): each token keeps its own code point,
 * whichever was looked up last.  fuzz_matcher found the first.
 */
static void
test_cache_slots(void **state)
{
	(void)state;
	check("\xea\xb0\x80", "\xcc\x83\xea\xb0\x80\n\xe2\x90\x84", "0@2-5");
	check("\xe1\xbc\x80", "x \xe1\xbc\x88\xe2\xbd\x9d y", "0@2-5");
}

/*
 * The reference the matcher is held to on random ASCII text: a keyword
 * (word characters, punctuation, single spaces) matches wherever it is a
 * substring of the text ignoring ASCII case, each of its spaces standing
 * for a run of white space, with no word character just before or after
 * it and neither end inside a digit, `.` or `,`, digit triple (rules 2
 * to 4).
 */
struct ref_hit {
	size_t phrase, start, end;
};

struct ref_hits {
	struct ref_hit v[1024];
	size_t n;
};

static bool
ref_word(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Whether P lies inside a digit, `.` or `,`, digit triple of T. */
static bool
ref_in_number(const char *t, size_t len, size_t p)
{
	size_t i;

	for (i = p >= 2 ? p - 2 : 0; i < p && i + 2 < len; i++)
		if (isdigit((unsigned char)t[i]) && (t[i + 1] == '.' ||
		    t[i + 1] == ',') && isdigit((unsigned char)t[i + 2]))
			return true;
	return false;
}

/* Where PHRASE matches TEXT at START: the end, or 0 if it does not. */
static size_t
ref_match_at(const char *phrase, const char *t, size_t len, size_t start)
{
	size_t q = start;

	for (; *phrase != '\0'; phrase++) {
		if (*phrase == ' ') {
			if (q >= len || t[q] != ' ')
				return 0;
			while (q < len && t[q] == ' ')
				q++;
		} else if (q >= len || tolower((unsigned char)t[q]) !=
		    tolower((unsigned char)*phrase))
			return 0;
		else
			q++;
	}
	return q;
}

static void
ref_find(const char **phrases, size_t n, const char *t, size_t len,
    struct ref_hits *h)
{
	size_t i, start, end;

	h->n = 0;
	for (start = 0; start < len; start++) {
		if ((start > 0 && ref_word(t[start - 1])) ||
		    ref_in_number(t, len, start))
			continue;
		for (i = 0; i < n; i++) {
			end = ref_match_at(phrases[i], t, len, start);
			if (end != 0 && (end == len || !ref_word(t[end])) &&
			    !ref_in_number(t, len, end)) {
				assert_true(h->n < 1024);
				h->v[h->n++] = (struct ref_hit){ i, start, end };
			}
		}
	}
}

static void
ref_record(void *arg, size_t phrase, size_t start, size_t end)
{
	struct ref_hits *h = arg;

	assert_true(h->n < 1024);
	h->v[h->n++] = (struct ref_hit){ phrase, start, end };
}

static int
ref_cmp(const void *a, const void *b)
{
	const struct ref_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->phrase != y->phrase)
		return x->phrase < y->phrase ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void
test_reference(void **state)
{
	static const char alphabet[] = "a5b0.,, 1A_-9  .";
	char text[48], phrases[6][8];
	const char *list[6];
	struct ref_hits want, got;
	struct matcher_scratch *s = matcher_scratch_new();
	struct matcher *m;
	unsigned seed = 17;
	size_t round, i, k, len, plen, n;
	char c;

	(void)state;
	for (round = 0; round < 4000; round++) {
		m = matcher_new();
		for (i = 0; i < 6; i++) {
			seed = seed * 1103515245 + 12345;
			plen = 1 + (seed >> 16) % 5;
			for (k = 0; k < plen; k++) {
				seed = seed * 1103515245 + 12345;
				c = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
				/* Single spaces inside only (rule 4). */
				if (c == ' ' && (k == 0 || k + 1 == plen ||
				    phrases[i][k - 1] == ' '))
					c = '5';
				phrases[i][k] = c;
			}
			phrases[i][plen] = '\0';
			list[i] = phrases[i];
			matcher_add(m, phrases[i], plen, MATCHER_FOLD);
		}
		seed = seed * 1103515245 + 12345;
		len = (seed >> 16) % sizeof text;
		for (k = 0; k < len; k++) {
			seed = seed * 1103515245 + 12345;
			text[k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		ref_find(list, 6, text, len, &want);
		got.n = 0;
		n = matcher_find(m, s, text, len, ref_record, &got);
		assert_int_equal(n, got.n);
		qsort(want.v, want.n, sizeof want.v[0], ref_cmp);
		qsort(got.v, got.n, sizeof got.v[0], ref_cmp);
		if (want.n != got.n || memcmp(want.v, got.v,
		    want.n * sizeof want.v[0]) != 0) {
			for (i = 0; i < 6; i++)
				print_message("keyword %zu '%s'\n", i, list[i]);
			for (i = 0; i < want.n || i < got.n; i++)
				print_message("want %zu@%zu-%zu got %zu@%zu-%zu\n",
				    i < want.n ? want.v[i].phrase : 0,
				    i < want.n ? want.v[i].start : 0,
				    i < want.n ? want.v[i].end : 0,
				    i < got.n ? got.v[i].phrase : 0,
				    i < got.n ? got.v[i].start : 0,
				    i < got.n ? got.v[i].end : 0);
			fail_msg("round %zu, text '%.*s': %zu hits, want %zu",
			    round, (int)len, text, got.n, want.n);
		}
		matcher_free(m);
	}
	matcher_scratch_free(s);
}

static void
test_many_phrases(void **state)
{
	const char *list[] = { "NATO", "NATO membership", "=NATO", "member*",
		"membership", "Ukraine", "NATO summit", NULL };
	char *got;
	const char *text = "Ukraine's NATO membership";

	got = find(list, text, strlen(text));
	assert_string_equal(got,
	    "5@0-7 0@10-14 1@10-25 2@10-14 3@15-25 4@15-25");
	free(got);
}

/* Phrases that end at one trie node: the node's own and its list. */
static void
test_one_node(void **state)
{
	const char *list[] = { "NATO", "nato", "Nato", NULL };
	char *got;

	got = find(list, "NATO", 4);
	assert_string_equal(got, "0@0-4 1@0-4 2@0-4");
	free(got);
}

/*
 * Phrases that end at a node, go on from it over another word or over a
 * `*` word, all added after the edge into it was made and the table of
 * edges has grown since: the copy of the node that the edge keeps for
 * the walks (trie.h) follows each change, wherever the edge moved.
 */
static void
test_late_phrases(void **state)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	const char *late[] = { "alpha", "Alpha", "alpha gamma", "alpha delt*" };
	const char text[] = "alpha gamma, alpha deltas, alpha";
	char buf[32];
	size_t i;

	matcher_add(m, "alpha beta", 10, MATCHER_FOLD);
	for (i = 0; i < 2000; i++) {
		snprintf(buf, sizeof buf, "word%zu", i);
		matcher_add(m, buf, strlen(buf), MATCHER_FOLD);
	}
	for (i = 0; i < 4; i++)
		matcher_add(m, late[i], strlen(late[i]), MATCHER_FOLD);
	matcher_find(m, s, text, sizeof text - 1, record, &f);
	format(&f);
	assert_string_equal(f.sb.data, "2001@0-5 2002@0-5 2003@0-11 "
	    "2001@13-18 2002@13-18 2004@13-25 2001@27-32 2002@27-32");
	strbuf_free(&f.sb);
	matcher_scratch_free(s);
	matcher_free(m);
}

/*
 * Tokens of over eight bytes that share their first eight, of one length
 * or of two, and one of eight: the trie tells them apart by their bytes.
 */
static void
test_long_tokens(void **state)
{
	const char *list[] = { "administration", "administrative", "governments",
		"government", "governme", "the administration's aides", NULL };
	const char *text = "administrative government, governments, governme; "
	    "the administrative aides, the administration's aides";
	char *got;

	got = find(list, text, strlen(text));
	assert_string_equal(got, "1@0-14 3@15-25 2@27-38 4@40-48 1@54-68 "
	    "5@76-102 0@80-94");
	free(got);
	/* Alone, each misses the other. */
	check("administration", "administrative", "");
	check("governments", "government", "");
	check("government", "governments", "");
	check("governme", "government", "");
}

/*
 * A hundred phrases whose one token starts with the same eight bytes, and
 * a text of a hundred others like them: the walks' probes meet entries of
 * the same first eight bytes, which only the rest tells apart.
 */
static void
test_long_token_probes(void **state)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	char phrase[16], text[100 * 14 + 16];
	size_t i, len = 0;

	for (i = 0; i < 100; i++) {
		snprintf(phrase, sizeof phrase, "abcdefghq%03zu", i);
		matcher_add(m, phrase, strlen(phrase), MATCHER_FOLD);
		len += (size_t)snprintf(text + len, sizeof text - len,
		    "abcdefghr%03zu ", i);
	}
	len += (size_t)snprintf(text + len, sizeof text - len, "abcdefghq042");
	assert_int_equal(matcher_find(m, s, text, len, record, &f), 1);
	assert_int_equal(f.hits[0][1], 42);
	strbuf_free(&f.sb);
	matcher_scratch_free(s);
	matcher_free(m);
}

/*
 * `*` words of one gate and the same first eight bytes are told apart by
 * their bytes after those: "counterinsurgency" starts one of them.
 */
static void
test_long_stars(void **state)
{
	const char *list[] = { "counterintel*", "counterinsurg*", NULL };
	const char text[] = "counterinsurgency and counterintelligence, "
	    "counterinsurance";
	char *got = find(list, text, sizeof text - 1);

	assert_string_equal(got, "1@0-17 0@22-41");
	free(got);
}

static void
test_invalid_utf8(void **state)
{
	const char *list[] = { "NATO", NULL };
	const char text[] = "\xff\xfeNATO\xc3 NATO\xe2\x82";
	char *got = find(list, text, sizeof text - 1);

	assert_string_equal(got, "0@2-6 0@8-12");
	free(got);
}

static void
test_phrase_problems(void **state)
{
	assert_string_equal(matcher_phrase_problem("", 0), "empty keyword");
	assert_non_null(matcher_phrase_problem(" \t ", 3));
	assert_non_null(matcher_phrase_problem("*foo", 4));
	assert_non_null(matcher_phrase_problem("foo*bar", 7));
	assert_non_null(matcher_phrase_problem("foo**", 5));
	assert_non_null(matcher_phrase_problem("foo *", 5));
	assert_non_null(matcher_phrase_problem("a\0b", 3));
	assert_null(matcher_phrase_problem("deploy* troop*", 14));
	assert_null(matcher_phrase_problem("foo*.", 5));
	assert_null(matcher_phrase_problem("...", 3));
	assert_null(matcher_phrase_problem("d\xc3\xa9*", 4));
}

/* Cost must not depend on the number of phrases: thousands still match. */
static void
test_ten_thousand(void **state)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	char buf[64];
	size_t i;

	for (i = 0; i < 10000; i++) {
		snprintf(buf, sizeof buf, "word%zu %s", i, i % 2 ? "x*" : "y");
		assert_int_equal(matcher_add(m, buf, strlen(buf), MATCHER_FOLD),
		    i);
	}
	assert_int_equal(matcher_count(m), 10000);
	assert_int_equal(matcher_find(m, s, "WORD9999 xylophone word42 y",
	    27, record, &f), 2);
	format(&f);
	assert_string_equal(f.sb.data, "9999@0-18 42@19-27");
	strbuf_free(&f.sb);
	matcher_scratch_free(s);
	matcher_free(m);
}

/*
 * Room made with matcher_reserve, before the first phrase and between
 * phrases (the edges already there move to a larger table, which then
 * takes the rest without growing), changes no match.
 */
static void
test_reserve(void **state)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	char buf[64];
	size_t i;

	matcher_reserve(m, 10);
	for (i = 0; i < 3000; i++) {
		if (i == 700)
			matcher_reserve(m, 2300);
		snprintf(buf, sizeof buf, "term%zu", i);
		assert_int_equal(matcher_add(m, buf, strlen(buf), MATCHER_FOLD),
		    i);
	}
	for (i = 0; i < 3000; i++) {
		snprintf(buf, sizeof buf, "a term%zu", i);
		f.nhits = f.last_start = 0;
		assert_int_equal(matcher_find(m, s, buf, strlen(buf), record,
		    &f), 1);
		assert_int_equal(f.hits[0][1], i);
	}
	strbuf_free(&f.sb);
	matcher_scratch_free(s);
	matcher_free(m);
}

/*
 * Every usable line of a hostile corpus, as a keyword, finds itself set
 * between spaces, and as text breaks nothing.
 */
static void
self_match_lines(const char *path, size_t *tried)
{
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	struct matcher *m;
	char *buf, *line, *next, *text;
	size_t len = 0, n, i;

	buf = testlib_read(path, &len);
	assert_non_null(buf);
	for (line = buf; line < buf + len; line = next + 1) {
		next = memchr(line, '\n', (size_t)(buf + len - line));
		if (next == NULL)
			next = buf + len;
		n = (size_t)(next - line);
		if (n == 0 || line[0] == '#' ||
		    matcher_phrase_problem(line, n) != NULL)
			continue;
		m = matcher_new();
		matcher_add(m, line, n, MATCHER_FOLD);
		text = malloc(n + 3);
		assert_non_null(text);
		text[0] = ' ';
		memcpy(text + 1, line, n);
		text[n + 1] = ' ';
		f.nhits = 0;
		f.last_start = 0;
		if (matcher_find(m, s, text, n + 2, record, &f) == 0)
			fail_msg("keyword does not find itself: '%.*s'", (int)n,
			    line);
		for (i = 0; i < f.nhits; i++)
			assert_true(f.hits[i][0] < f.hits[i][2] &&
			    f.hits[i][2] <= n + 2);
		f.nhits = 0;
		f.last_start = 0;
		matcher_find(m, s, buf, len, record_any, &f);
		free(text);
		matcher_free(m);
		(*tried)++;
	}
	free(buf);
	matcher_scratch_free(s);
}

static void
test_hostile_corpora(void **state)
{
	const char *dir = testlib_shared("data");
	char path[8192];
	size_t tried = 0;

	if (dir == NULL)
		skip();
	snprintf(path, sizeof path, "%s/naughty-strings/blns.txt", dir);
	self_match_lines(path, &tried);
	snprintf(path, sizeof path, "%s/utf8-test/UTF-8-test.txt", dir);
	self_match_lines(path, &tried);
	print_message("%zu hostile lines matched themselves\n", tried);
	assert_true(tried > 500);
}

/*
 * Text is cut 64 bytes at a time: a keyword matches, and a word running
 * into it does not, at every offset across two block ends.
 */
static void
test_block_offsets(void **state)
{
	const char *words[] = { "x", "NATO", "membership", "a-b", "U.S.",
		"deploy", "averyveryverylongwordthatrunsonandon", NULL };
	char text[256], want[64], *got;
	const char *list[2] = { NULL, NULL };
	size_t i, k, n;

	for (i = 0; words[i] != NULL; i++) {
		list[0] = words[i];
		n = strlen(words[i]);
		for (k = 0; k < 140; k++) {
			/* "ab ab ... " then the word, then a tail. */
			memset(text, ' ', k);
			for (size_t j = 0; j + 1 < k; j += 3)
				memcpy(text + j, "ab", j + 2 < k ? 2 : 1);
			snprintf(text + k, sizeof text - k, "%s, tail",
			    words[i]);
			snprintf(want, sizeof want, "0@%zu-%zu", k, k + n);
			if (k > 0 && text[k - 1] != ' ')
				want[0] = '\0';	/* "...a" runs into it */
			got = find(list, text, strlen(text));
			if (strcmp(got, want) != 0)
				fail_msg("'%s' at %zu: got '%s', want '%s'",
				    words[i], k, got, want);
			free(got);
		}
	}
}

/* A `*` word and a keyword ending a text, over block ends. */
static void
test_block_words(void **state)
{
	const char *list[] = { "ab*", "abcd*", "=ABCDEFGH", "cd", NULL };
	char text[200], want[128], *got;
	size_t k;

	for (k = 55; k < 75; k++) {
		memset(text, ' ', k);
		memcpy(text + k, "ABCDEFGHIJ cd", 14);
		snprintf(want, sizeof want, "0@%zu-%zu 1@%zu-%zu 3@%zu-%zu",
		    k, k + 10, k, k + 10, k + 11, k + 13);
		got = find(list, text, strlen(text));
		assert_string_equal(got, want);
		free(got);
		/* Exactly to the end of the text, no tail. */
		memcpy(text + k, "ABCDEFGH", 9);
		snprintf(want, sizeof want, "0@%zu-%zu 1@%zu-%zu 2@%zu-%zu",
		    k, k + 8, k, k + 8, k, k + 8);
		got = find(list, text, strlen(text));
		assert_string_equal(got, want);
		free(got);
	}
}

/*
 * The first filter keys a token on its first eight bytes up to one over
 * 0x80, a `*` word on its first four: words that share those with a
 * keyword still have to be all of it, at any count of tokens before it.
 */
static void
test_lead_keys(void **state)
{
	const char *list[] = { "member", "internationalisation", "na\xc3\xafve",
	    "memb*", "x", NULL };
	const char *texts[][2] = {
		{ "members membership member", "3@0-7 3@8-18 0@19-25 3@19-25" },
		{ "internationalist internationalisations", "" },
		{ "Internationalisation x", "1@0-20 4@21-22" },
		{ "NA\xc3\xafVE na\xc3\xafvet\xc3\xa9 na\xc3\xafv", "2@0-6" },
		{ "mem memo x", "4@9-10" },
		{ "x", "4@0-1" },
		{ "a b c d x", "4@8-9" },
		{ "a b c d e f g h x y", "4@16-17" },
	};
	char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		got = find(list, texts[i][0], strlen(texts[i][0]));
		if (strcmp(got, texts[i][1]) != 0)
			fail_msg("'%s': got '%s', want '%s'", texts[i][0], got,
			    texts[i][1]);
		free(got);
	}
}

/*
 * Non-ASCII text: letters inside words, capitals folded in place or not
 * (a longer or shorter fold, a mark after the word), curly quotes, dashes
 * and combining marks, at every offset across a block end.
 */
static void
test_block_unicode(void **state)
{
	const struct {
		const char *phrase, *text;	/* after the padding */
		size_t at, len;			/* the match in the text */
	} cases[] = {
		{ "z\xc3\xbcrich", "Z\xc3\xbcrich is", 0, 7 },
		{ "zurich", "Zu\xcc\x88rich is", 0, 0 },
		{ "z\xc3\xbcrich", "Zu\xcc\x88rich is", 0, 8 },
		{ "NATO's", "NATO\xe2\x80\x99s view", 0, 8 },
		{ "'s", "NATO\xe2\x80\x99s view", 0, 0 },
		{ "'s", "NATO \xe2\x80\x99s view", 5, 4 },
		{ "a-b", "a\xe2\x80\x94" "b c", 0, 5 },
		{ "\"x\"", "\xe2\x80\x9cx\xe2\x80\x9d y", 0, 7 },
		{ "x", "\xe2\x80\x9c\xcc\x81x y", 5, 1 },
		{ "cafe", "cafe\xcc\x81 y", 0, 0 },
		{ "caf\xc3\xa9", "cafe\xcc\x81 y", 0, 6 },
		{ "na\xc3\xafve", "na\xc3\xafve. x", 0, 6 },
		{ ".", "caf\xc3\xa9. x", 0, 0 },
		{ ".", "caf\xc3\xa9 . x", 6, 1 },
		{ "\xc3\xa9t\xc3\xa9", "\xc3\x89t\xc3\xa9 x", 0, 5 },
		{ "\xd1\x97\xd0\xb0",
		    "\xd1\x97\xd0\xb0\xd0\xb0 \xd1\x97\xd0\xb0", 7, 4 },
		{ "\xd1\x83\xd0\xba\xd1\x80\xd0\xb0\xd1\x97\xd0\xbd\xd0\xb0",
		    "\xd0\xa3\xd0\x9a\xd0\xa0\xd0\x90\xd0\x87\xd0\x9d\xd0\x90 x",
		    0, 14 },
		{ "\xc3\xa6r\xc3\xb8\xc3\xa9", "\xc3\x86r\xc3\xb8" "e\xcc\x81 x", 0, 8 },
		{ "\xc3\xa6r\xc3\xb8", "\xc3\x86r\xc3\xb8" "e\xcc\x81 x", 0, 0 },
		{ "\xc3\x9fx", "\xe1\xba\x9ex y", 0, 4 },
		{ "nato", "NATO\xc2\xa0membership", 0, 4 },
		{ "nato membership", "NATO\xc2\xa0membership", 0, 16 },
		/* Marks in place beside an island: it keeps them whole. */
		{ "x'\xc3\x9f", "x\xe2\x80\x99\xe1\xba\x9e y", 0, 7 },
		{ "\xc3\x9f'x", "\xe1\xba\x9e\xe2\x80\x99x y", 0, 7 },
		{ "'\xe2\x80\xa6", "\xe2\x80\x99\xe2\x80\xa6 y", 0, 6 },
		{ "\xe2\x80\xa6'x", "\xe2\x80\xa6\xe2\x80\x99x y", 0, 7 },
		/* A mark in place is spaced by white space alone. */
		{ "a - b", "a \xe2\x80\x94 b", 0, 7 },
		{ "a -b", "a \xe2\x80\x94 b", 0, 0 },
		{ "a- b", "a\xe2\x80\x94 b", 0, 6 },
		{ "-", "a\xe2\x80\x94 b", 0, 0 },
		{ "-", "a \xe2\x80\x94" "b", 0, 0 },
		{ "-", "a \xe2\x80\x94 b", 2, 3 },
		{ "\"'", "\xe2\x80\x9c\xe2\x80\x98 x", 0, 6 },
		{ "x'y", "x\xca\xbcy z", 0, 4 },
	};
	char text[256], want[64], *got;
	const char *list[2] = { NULL, NULL };
	size_t i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		list[0] = cases[i].phrase;
		for (k = 0; k < 80; k += k < 50 ? 7 : 1) {
			memset(text, ' ', k);
			snprintf(text + k, sizeof text - k, "%s",
			    cases[i].text);
			if (cases[i].len == 0)
				want[0] = '\0';
			else
				snprintf(want, sizeof want, "0@%zu-%zu",
				    k + cases[i].at,
				    k + cases[i].at + cases[i].len);
			got = find(list, text, strlen(text));
			if (strcmp(got, want) != 0)
				fail_msg("'%s' in case %zu at %zu: got '%s', "
				    "want '%s'", cases[i].phrase, i, k, got,
				    want);
			free(got);
		}
	}
}

/* One scratch for long and short, ASCII and other text in turn. */
static void
test_scratch_reuse(void **state)
{
	struct matcher *m = matcher_new();
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	char long_text[600];
	size_t i;

	matcher_add(m, "nato", 4, MATCHER_FOLD);
	matcher_add(m, "\xc3\xa9t\xc3\xa9", 5, MATCHER_FOLD);
	memset(long_text, 'x', sizeof long_text);
	memcpy(long_text + 300, " NATO \xc3\x89T\xc3\x89 ", 13);
	for (i = 0; i < 3; i++) {
		f.nhits = 0;
		f.last_start = 0;
		assert_int_equal(matcher_find(m, s, long_text,
		    sizeof long_text, record, &f), 2);
		assert_int_equal(f.hits[0][0], 301);
		assert_int_equal(f.hits[1][0], 306);
		f.nhits = 0;
		f.last_start = 0;
		assert_int_equal(matcher_find(m, s, "nato", 4, record, &f), 1);
		f.nhits = 0;
		f.last_start = 0;
		assert_int_equal(matcher_find(m, s, "xnato", 5, record, &f), 0);
	}
	strbuf_free(&f.sb);
	matcher_scratch_free(s);
	matcher_free(m);
}

/* A made-up word whose first four bytes are I's own (I < 17,576). */
static void
dense_word(char *buf, size_t size, size_t i, char first, char fifth)
{
	snprintf(buf, size, "%c%c%ck%c", first + (int)(i % 26),
	    'a' + (int)(i / 26 % 26), 'a' + (int)(i / 676 % 26), fifth);
}

/*
 * A dense lead filter (over one word in sixteen set: 1,500 phrases that
 * differ in their first four bytes) lists every token and keeps those
 * that pass: the hits, among words that share a hit's first four bytes
 * and others, with a `*` word among the phrases (the gate bits) and
 * without.
 */
static void
test_dense_lead(void **state)
{
	struct matcher *m;
	struct matcher_scratch *s = matcher_scratch_new();
	struct found f = { STRBUF_INIT, 0, { { 0 } }, 0 };
	char word[16], buf[32], text[4096], filler[4096];
	size_t i, k, len, flen;
	int star, round;

	(void)state;
	for (star = 0; star < 2; star++) {
		m = matcher_new();
		for (i = 0; i < 1500; i++) {
			/* Every third one a phrase of two words. */
			dense_word(word, sizeof word, i, 'a', 'q');
			snprintf(buf, sizeof buf, "%s%s", word,
			    i % 3 != 0 ? "" : " end");
			matcher_add(m, buf, strlen(buf), MATCHER_FOLD);
		}
		if (star)
			matcher_add(m, "zzzzstar*", 9, MATCHER_FOLD);
		/* Phrase k * 7 in every fifth word, its look-alike in the
		 * others. */
		for (k = len = 0; k < 200; k++) {
			dense_word(word, sizeof word, k * 7, 'A',
			    k % 5 == 0 ? 'q' : 'x');
			len += (size_t)snprintf(text + len, sizeof text - len,
			    "%s end, ", word);
		}
		len += (size_t)snprintf(text + len, sizeof text - len,
		    "zzzzstars");
		/*
		 * Then again after text that none of its words start (the
		 * look-alikes): the lead test then branches on each token's
		 * bits, not lists them.
		 */
		for (k = flen = 0; k < 200; k++) {
			dense_word(word, sizeof word, k * 7, 'A', 'x');
			flen += (size_t)snprintf(filler + flen,
			    sizeof filler - flen, "%s end, ", word);
		}
		for (round = 0; round < 2; round++) {
			for (i = 0; round == 1 && i < 20; i++) {
				f.last_start = 0;
				matcher_find(m, s, filler, flen, record_any,
				    &f);
			}
			f.nhits = f.last_start = 0;
			matcher_find(m, s, text, len, record, &f);
			assert_int_equal(f.nhits, 40 + star);
			for (k = 0; k < 40; k++)
				assert_int_equal(f.hits[k][1], k * 5 * 7);
			if (star)
				assert_int_equal(f.hits[40][1], 1500);
		}
		matcher_free(m);
	}
	matcher_scratch_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_boundaries),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_normalisation),
		cmocka_unit_test(test_white_space),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_cache_slots),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_many_phrases),
		cmocka_unit_test(test_one_node),
		cmocka_unit_test(test_late_phrases),
		cmocka_unit_test(test_long_tokens),
		cmocka_unit_test(test_long_token_probes),
		cmocka_unit_test(test_long_stars),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_phrase_problems),
		cmocka_unit_test(test_ten_thousand),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_hostile_corpora),
		cmocka_unit_test(test_block_offsets),
		cmocka_unit_test(test_block_words),
		cmocka_unit_test(test_lead_keys),
		cmocka_unit_test(test_block_unicode),
		cmocka_unit_test(test_scratch_reuse),
		cmocka_unit_test(test_dense_lead),
	};

	return testlib_run_every_level(tests);
}
