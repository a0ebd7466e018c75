#include "testlib.h"

#include "document.h"
#include "repeated.h"
#include "strbuf.h"
#include "xalloc.h"

/* Words that make each source's own sentences its own: digits would
 * not, as a line's digits are not told apart. */
static const char *const own[] = { "alpha", "bravo", "charlie", "delta",
	"echo" };

/*
 * A source of OUTLET whose body opens with LEAD, carries LINE (may be
 * NULL) and WIRE in the middle, each between sentences of its own, and
 * ends with TAIL (may be NULL).  N (below 5) makes its own sentences its
 * own.
 */
static struct document *
source(const char *outlet, int n, const char *lead, const char *line,
    const char *wire, const char *tail)
{
	struct document *doc;
	struct strbuf b = { 0 };
	char *cause = NULL, name[32];

	strbuf_addf(&b, "---\noutlet: %s\ntitle: Story %d\n---\n%s\n\n",
	    outlet, n, lead);
	strbuf_addf(&b, "Paragraph %s says what only it says about the "
	    "vote.\n\n", own[n]);
	if (line != NULL)
		strbuf_addf(&b, "%s\n\n", line);
	strbuf_addf(&b, "The mayor, in remark %s, spoke of the budget at "
	    "length.\n\n", own[n]);
	strbuf_addf(&b, "%s\n\n", wire);
	strbuf_addf(&b, "Council member %s said the vote would come "
	    "in the spring.\n\n", own[n]);
	strbuf_addf(&b, "Its own closing line %s says the city waits.\n\n",
	    own[n]);
	if (tail != NULL)
		strbuf_addf(&b, "%s\n", tail);
	snprintf(name, sizeof name, "s%d.md", n);
	if (document_load_buffer(name, b.data, b.len, &doc, &cause) != 0)
		fail_msg("%s", cause);
	strbuf_free(&b);
	return doc;
}

/* The sentence of DOC whose text is TEXT. */
static const struct sentence *
find(const struct document *doc, const char *text)
{
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		if (strcmp(doc->sentences[i].text, text) == 0)
			return &doc->sentences[i];
	}
	fail_msg("no sentence '%s' in %s", text, doc->path);
	return NULL;
}

#define WIRE "The city council voted 7-2 on Tuesday to approve the budget, " \
	"officials said."
#define BIO "Jane Roe is a columnist whose work appears twice a week."

static void
free_all(struct document **docs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		document_free(docs[i]);
}

/* A line three sources of one outlet carry is furniture; the same wire
 * sentence in the middle of each is prose; the bio at each tail is
 * furniture; digits and spaces do not tell lines apart. */
static void
test_outlet_lines(void **state)
{
	struct document *docs[4];
	bool changed[4];
	char line[64];
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "Pictures (%d  images)", 10 + i * 7);
		docs[i] = source("Daily Bugle", i, "The lead of a story here.",
		    line, WIRE, BIO);
	}
	docs[3] = source("Other Paper", 3, "The lead of a story here.",
	    "Pictures (10 images)", WIRE, BIO);
	repeated_mark_all(docs, 4, changed);
	for (i = 0; i < 3; i++) {
		assert_true(changed[i]);
		assert_true(docs[i]->sentences[2].boilerplate);
		assert_false(find(docs[i], WIRE)->boilerplate);
		assert_true(find(docs[i], BIO)->boilerplate);
		/* At the head, a sentence of the story, as versions of one
		 * wire story share their lead. */
		assert_false(find(docs[i],
		    "The lead of a story here.")->boilerplate);
	}
	/* Another outlet's copy is its own. */
	assert_false(changed[3]);
	assert_false(find(docs[3], "Pictures (10 images)")->boilerplate);
	free_all(docs, 4);
}

/* A label an outlet opens links with in three sources marks its links,
 * whatever their headlines; a label over a name (a heading) or a list of
 * names does not count, nor does another outlet's. */
static void
test_labels(void **state)
{
	struct document *docs[4];
	bool changed[4];
	char line[96], lead[96];
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		snprintf(line, sizeof line, "ALSO TODAY: Council %s votes to "
		    "close the parks", own[i]);
		snprintf(lead, sizeof lead, "Iowa: Al %s, Bo Cy, Di Ed, Fo Gu",
		    own[i]);
		docs[i] = source(i < 3 ? "Daily Bugle" : "Other Paper", i, lead,
		    line, WIRE, NULL);
	}
	repeated_mark_all(docs, 4, changed);
	for (i = 0; i < 3; i++) {
		assert_true(docs[i]->sentences[2].boilerplate);
		assert_false(docs[i]->sentences[0].boilerplate);
		assert_false(find(docs[i], WIRE)->boilerplate);
	}
	assert_false(docs[3]->sentences[2].boilerplate);
	free_all(docs, 4);
	for (i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "Winner: Jo %s", own[i]);
		docs[i] = source("Daily Bugle", i, "A lead.", line, WIRE, NULL);
	}
	repeated_mark_all(docs, 3, changed);
	for (i = 0; i < 3; i++)
		assert_false(docs[i]->sentences[2].boilerplate);
	free_all(docs, 3);
}

/* Two sources are not enough, and one source marks nothing. */
static void
test_too_few(void **state)
{
	struct document *docs[2];
	bool changed[2];
	int i;

	(void)state;
	for (i = 0; i < 2; i++)
		docs[i] = source("Daily Bugle", i, "A lead.", "USA TODAY",
		    WIRE, BIO);
	repeated_mark_all(docs, 2, changed);
	repeated_mark_all(docs, 1, changed);
	for (i = 0; i < 2; i++) {
		assert_false(find(docs[i], "USA TODAY")->boilerplate);
		assert_false(find(docs[i], BIO)->boilerplate);
	}
	free_all(docs, 2);
}

/* A box: the sentences of a sign-up form next to a repeated line are
 * furniture once five sources carry them, not with three (a wire story's
 * versions share sentences). */
static void
test_box(void **state)
{
	const char *form = "Sign up for the morning briefing\n\n"
	    "You agree to receive occasional updates and offers from us.";
	struct document *docs[5];
	bool changed[5];
	int i;

	(void)state;
	for (i = 0; i < 5; i++)
		docs[i] = source("Daily Bugle", i, "A lead.", form, WIRE, NULL);
	repeated_mark_all(docs, 3, changed);
	assert_true(find(docs[0], "Sign up for the morning briefing")->
	    boilerplate);
	assert_false(find(docs[0], "You agree to receive occasional updates "
	    "and offers from us.")->boilerplate);
	repeated_mark_all(docs, 5, changed);
	for (i = 0; i < 5; i++)
		assert_true(find(docs[i], "You agree to receive occasional "
		    "updates and offers from us.")->boilerplate);
	assert_false(find(docs[4], WIRE)->boilerplate);
	free_all(docs, 5);
}

/* A widget's line that five sources of an outlet open the same way is
 * furniture whatever follows; with three it stays (a site's section
 * headings open alike), and a sentence opening so is prose. */
static void
test_openings(void **state)
{
	struct document *docs[5];
	bool changed[5];
	char line[96], tail[96];
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		snprintf(line, sizeof line, "Play Video 1:%02d Council %s votes "
		    "to close the parks", 10 + i, own[i]);
		snprintf(tail, sizeof tail, "Play Video clips of council %s "
		    "ran all night.", own[i]);
		docs[i] = source("Daily Bugle", i, "A lead.", line, WIRE, tail);
	}
	repeated_mark_all(docs, 3, changed);
	for (i = 0; i < 3; i++)
		assert_false(docs[i]->sentences[2].boilerplate);
	repeated_mark_all(docs, 5, changed);
	for (i = 0; i < 5; i++) {
		assert_true(docs[i]->sentences[2].boilerplate);
		assert_false(docs[i]->sentences[docs[i]->nsentences - 1].
		    boilerplate);
	}
	free_all(docs, 5);
}

/* A label the outlet repeats marks the headline under it, not a
 * sentence of prose. */
static void
test_promoted(void **state)
{
	struct document *docs[3];
	bool changed[3];
	char line[128];
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		if (i < 2)
			snprintf(line, sizeof line, "Urgent:\n\nWho Is Your "
			    "Choice for Mayor of %s?", own[i]);
		else
			snprintf(line, sizeof line, "Urgent:\n\nThe council "
			    "of %s met on Monday.", own[i]);
		docs[i] = source("Daily Bugle", i, "A lead.", line, WIRE, NULL);
	}
	repeated_mark_all(docs, 3, changed);
	for (i = 0; i < 3; i++)
		assert_true(find(docs[i], "Urgent:")->boilerplate);
	assert_true(find(docs[0], "Who Is Your Choice for Mayor of alpha?")->
	    boilerplate);
	assert_true(find(docs[1], "Who Is Your Choice for Mayor of bravo?")->
	    boilerplate);
	assert_false(find(docs[2], "The council of charlie met on Monday.")->
	    boilerplate);
	free_all(docs, 3);
}

/* Counted elsewhere (an archive's grouping pass), in any order: the same
 * marks as counted here. */
static void
test_counts_any_order(void **state)
{
	struct document *docs[3], *again[3];
	struct repeated *rep = repeated_new();
	bool changed[3];
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		docs[i] = source("Daily Bugle", i, "A lead.", "USA TODAY", WIRE,
		    BIO);
		again[i] = source("Daily Bugle", i, "A lead.", "USA TODAY",
		    WIRE, BIO);
	}
	for (i = 2; i >= 0; i--)
		repeated_count(rep, again[i]);
	repeated_mark_all(docs, 3, changed);
	for (i = 0; i < 3; i++) {
		repeated_mark(rep, again[i]);
		for (size_t j = 0; j < docs[i]->nsentences; j++)
			assert_int_equal(docs[i]->sentences[j].boilerplate,
			    again[i]->sentences[j].boilerplate);
	}
	repeated_free(rep);
	free_all(docs, 3);
	free_all(again, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outlet_lines),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_too_few),
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_openings),
		cmocka_unit_test(test_promoted),
		cmocka_unit_test(test_counts_any_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
