/*
 * test_markdown: .md sources are rendered: what a reader of the page
 * reads, not its marks.
 */
#include "testlib.h"

#include "document.h"
#include "draft.h"
#include "markdown.h"
#include "xalloc.h"

static struct document *
load(const char *name, const char *text)
{
	struct document *doc = NULL;
	char *cause = NULL;

	if (document_load_buffer(name, text, strlen(text), &doc, &cause) != 0)
		fail_msg("%s", cause);
	return doc;
}

static void
test_inline_marks(void **state)
{
	struct document *doc = load("a.md", "---\noutlet: Wire\n---\n"
	    "Troops were **ordered** to _deploy_ near [the border]"
	    "(https://example.org/map) on `Monday`.\n\n"
	    "![A photo of tanks](tanks.jpg)\n\n"
	    "Officials said &ldquo;no&rdquo; &amp; left &#8212; at <b>noon</b>.\n");

	assert_int_equal(doc->nsentences, 2);
	assert_string_equal(doc->sentences[0].text, "Troops were ordered to "
	    "deploy near the border on Monday.");
	assert_string_equal(doc->sentences[1].text, "Officials said "
	    "\xe2\x80\x9cno\xe2\x80\x9d & left \xe2\x80\x94 at noon.");
	assert_int_equal(doc->sentences[1].nquotes, 1);
	document_free(doc);
}

static void
test_blocks(void **state)
{
	struct document *doc = load("b.md", "# The title\n\n"
	    "First paragraph, hard\nwrapped over lines.\n\n"
	    "## A section\n\n"
	    "* one\n* two\n\n3. three\n4. four\n\n"
	    "> The ceasefire holds,\n> the minister said.\n\n"
	    "<div class=ad>Buy now</div>\n\n"
	    "Last words here.\n");

	assert_string_equal(doc->title, "The title");
	assert_string_equal(doc->sentences[0].text,
	    "First paragraph, hard wrapped over lines.");
	assert_false(doc->sentences[0].heading);
	assert_string_equal(doc->sentences[1].text, "A section");
	assert_true(doc->sentences[1].heading);
	assert_string_equal(doc->sentences[2].text, "- one");
	assert_string_equal(doc->sentences[3].text, "- two");
	assert_string_equal(doc->sentences[4].text, "3. three");
	assert_string_equal(doc->sentences[5].text, "4. four");
	assert_int_equal(doc->sentences[5].paragraph, 5);
	assert_string_equal(doc->sentences[6].text, "\xe2\x80\x9cThe "
	    "ceasefire holds, the minister said.\xe2\x80\x9d");
	assert_int_equal(doc->sentences[6].nquotes, 1);
	assert_string_equal(doc->sentences[7].text, "Last words here.");
	assert_int_equal(doc->nsentences, 8);
	document_free(doc);
}

static void
test_lines_as_paragraphs(void **state)
{
	/* Not hard-wrapped: each line stays a paragraph, as before. */
	struct document *doc = load("c.md", "Title line\nThe truce held.\n"
	    "Guns fell *silent*.\n");

	assert_string_equal(doc->title, "Title line");
	assert_int_equal(doc->nparagraphs, 2);
	assert_string_equal(doc->sentences[1].text, "Guns fell silent.");
	document_free(doc);
}

static void
test_hostile(void **state)
{
	struct draft d;
	char *deep = xmalloc(200001);

	/* Deep nesting of quotes and lists, and a NUL. */
	memset(deep, '>', 100000);
	memset(deep + 100000, '-', 1);
	memset(deep + 100001, ' ', 1);
	memcpy(deep + 100002, "x\0y [a](<b>) &#1114112; &#0;", 27);
	draft_init(&d);
	assert_int_equal(markdown_render(deep, 100029, false, &d), 0);
	assert_null(strchr(d.text.data, '\x1b'));
	draft_free(&d);
	free(deep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline_marks),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_lines_as_paragraphs),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
