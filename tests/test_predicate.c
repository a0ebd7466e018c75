#include "testlib.h"

#include "clause.h"
#include "event.h"
#include "lexicon.h"
#include "predicate.h"
#include "words.h"

/* Sorted: the stopwords the sentences below use. */
static const char *const test_minor[] = {
	"a", "added", "and", "by", "for", "from", "has", "he", "in", "it",
	"of", "on", "said", "the", "to", "was", "will",
};

static int
test_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The folded word at index I, or "-" for PREDICATE_NONE. */
static const char *
test_word(const struct words *w, size_t i)
{
	return i == PREDICATE_NONE ? "-" : words_fold(w, i);
}

/*
 * Reads TEXT and checks its event against WANT: "verb particle subject
 * object", "-" for each one absent, or NULL for no event.
 */
static void
assert_event(const char *text, const char *want)
{
	struct words w = WORDS_INIT;
	struct strbuf got = STRBUF_INIT;
	struct predicate p;
	unsigned char role[64];
	bool minor[64];
	const char *f;
	size_t i;

	words_split(&w, text, strlen(text));
	assert_true(w.n <= sizeof role);
	clause_roles(text, &w, role);
	for (i = 0; i < w.n; i++) {
		f = words_fold(&w, i);
		minor[i] = bsearch(&f, test_minor, sizeof test_minor /
		    sizeof *test_minor, sizeof *test_minor,
		    test_strcmp) != NULL;
	}
	if (!predicate_find(&w, role, minor, &p)) {
		assert_null(want);
		words_free(&w);
		return;
	}
	assert_non_null(want);
	strbuf_addf(&got, "%s %s %s %s", test_word(&w, p.verb),
	    test_word(&w, p.particle), test_word(&w, p.subject),
	    test_word(&w, p.object));
	assert_string_equal(got.data, want);
	strbuf_free(&got);
	words_free(&w);
}

static void
test_find(void **state)
{
	(void)state;
	/* "added" before a figure is adding (clause.h), so the event. */
	assert_event("Restaurants and bars added 38,000 jobs.",
	    "added - bars 38,000");
	assert_event("Employment in restaurants rose by 38,000.",
	    "rose - restaurants 38,000");
	/* A phrasal verb; an auxiliary and an adverb before it. */
	assert_event("The defense secretary was quietly forced out on Monday.",
	    "forced out secretary monday");
	/* The verb after "to" of a catenative one. */
	assert_event("Trump was quick to reply to Biden's call.",
	    "reply - quick biden");
	/* Not the participle of a noun phrase, nor a word counting a figure. */
	assert_event("The proposed rule covers two hundred workers.", NULL);
	/* Framing is no event: the core's is. */
	assert_event("After the vote ended, the House adjourned.",
	    "adjourned - house -");
	assert_event("Neal said in a statement that he resigned.",
	    "resigned - - -");
}

/* Whether WordNet relates the events of verbs A and B. */
static bool
test_same(const char *a, const char *b)
{
	struct event_set e;
	uint32_t x, y;
	bool same;

	memset(&e, 0, sizeof e);
	x = event_add(&e, a, strlen(a));
	y = event_add(&e, b, strlen(b));
	event_resolve(&e);
	same = event_same(&e, x, y);
	event_free(&e);
	return same;
}

static void
test_same_event(void **state)
{
	uint64_t keys[LEXICON_MAX];

	(void)state;
	if (lexicon_synsets("dog", 3, keys) == 0)
		skip();
	/* Synonyms, the synset above, a derived noun, a phrasal verb. */
	assert_true(test_same("fired", "dismissed"));
	assert_true(test_same("added", "rose"));
	assert_true(test_same("resigned", "resignation"));
	assert_true(test_same("forced_out", "fired"));
	assert_true(test_same("stepped_down", "resigned"));
	/* Other events, and the opposite one. */
	assert_false(test_same("rose", "fell"));
	assert_false(test_same("fired", "elected"));
	assert_false(test_same("sued", "praised"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_same_event),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
