/*
 * test_markdown: .md sources are rendered: what a reader of the page
 * reads, not its marks.
 */
#include "testlib.h"

#include "document.h"
#include "draft.h"
#include "markdown.h"
#include "strbuf.h"
#include "xalloc.h"

static void
test_inline_marks(void **state)
{
	struct document *doc = testlib_load("a.md", "---\noutlet: Wire\n---\n"
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
	struct document *doc = testlib_load("b.md", "# The title\n\n"
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
	struct document *doc = testlib_load("c.md",
	    "Title line\nThe truce held.\n"
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

typedef int render_fn(const char *, size_t, bool, struct draft *);

/* The paragraphs TEXT renders to by RENDER (LINES as markdown_render),
 * each ended by a newline, a heading's marked "#". */
static char *
rendered_by(render_fn *render, const char *text, bool lines)
{
	struct strbuf out = STRBUF_INIT;
	struct draft d;
	size_t i;

	draft_init(&d);
	assert_int_equal(render(text, strlen(text), lines, &d), 0);
	for (i = 0; i < d.nparas; i++) {
		if (d.paras[i].heading)
			strbuf_addch(&out, '#');
		strbuf_add(&out, d.text.data + d.paras[i].start,
		    d.paras[i].end - d.paras[i].start);
		strbuf_addch(&out, '\n');
	}
	draft_free(&d);
	return strbuf_detach(&out);
}

static char *
rendered(const char *text, bool lines)
{
	return rendered_by(markdown_render, text, lines);
}

static void
assert_renders(const char *text, bool lines, const char *want)
{
	char *got = rendered(text, lines);

	assert_string_equal(got, want);
	free(got);
}

/* The body is a slice of a larger buffer (a file's front matter before
 * it, whatever the caller holds after it): what follows in memory is not
 * the body's.  md4c 0.4.8 read that byte, so "10" before a "." became an
 * ordered list and "[a](b" before a ")" a link. */
static void
test_slice_ends(void **state)
{
	static const char list[] = "*Troops* crossed.\n\n10.";
	static const char link[] = "*Troops* crossed [the map](x).";
	struct draft d;

	draft_init(&d);
	assert_int_equal(markdown_render(list, sizeof list - 2, false, &d), 0);
	assert_int_equal(d.nparas, 2);
	assert_memory_equal(d.text.data + d.paras[1].start, "10", 2);
	assert_int_equal(d.paras[1].end - d.paras[1].start, 2);
	draft_free(&d);
	draft_init(&d);
	assert_int_equal(markdown_render(link, sizeof link - 3, false, &d), 0);
	assert_int_equal(d.nparas, 1);
	assert_non_null(strstr(d.text.data, "[the map](x"));
	draft_free(&d);
}

/* A body with no Markdown is taken as its lines without md4c's parse;
 * what looks like Markdown but is not ("AT&T", "[sic]", a pipe) stays
 * text, and the neighbours that are Markdown still render as such. */
static void
test_plain_bodies(void **state)
{
	static const char plain[] = "Troops crossed.\n"
	    "AT&T said no [sic] | yes & more.\n   Indented three,\n"
	    " \n\nLast  line \xc2\xa0 here \n";

	assert_renders(plain, true, "Troops crossed.\n"
	    "AT&T said no [sic] | yes & more.\nIndented three,\n"
	    "Last line here\n");
	assert_renders(plain, false, "Troops crossed. "
	    "AT&T said no [sic] | yes & more. Indented three,\n"
	    "Last line here\n");
	assert_renders("One  \nTwo\n", true, "One Two\n");
	assert_renders("Q&amp;A and R&D;\n", true, "Q&A and R&D;\n");
	assert_renders("See [the map](m.png) now\n", true, "See the map now\n");
	assert_renders("Big news\n---\nMore.\n", true, "#Big news\nMore.\n");
	assert_renders("1. First\n2) Second\n", true, "1. First\n2. Second\n");
	assert_renders("| a | b |\n| --- | --- |\n| 1 | 2 |\n", true,
	    "a b\n1 2\n");
	assert_renders("Hello *you* there\n", true, "Hello you there\n");
}

/*
 * The plain path renders as md4c does: bodies of random lines that start
 * like a block or almost ("13.1 percent", "1. item", "2) item", ten
 * digits and a dot, indentation), rendered both ways.
 */
static void
test_plain_matches_md4c(void **state)
{
	static const char *const starts[] = {
		"13.1 percent rose.", "1. First", "2) Second", "1.", "7)",
		"1234567890. Too long", "123456789. Nine", "2024. The year",
		"3.x is out", "10.5 people", "5.\tTabbed", "Plain words here",
		"", " ", "   Three in", "    Code in", "# Heading", "#tag",
		"- dash", "AT&T and R&D;", "Q&amp;A", "He said ] (no)",
		"Hard break  ", "1) One", "0. Zero", "9.5", "99) x",
		"-- President", "--", "---", "- - -", "-|-", "--|--", "-- -",
		"-1.5 percent", "-", "--- x", "#", "##", "###### Six",
		"####### Seven", "#related#It", "#1", "+1 202", "+ plus", "+",
		"=", "==", "= =", "=Neal", "== x", "[pullquote]", "[a]: b",
		"[a]:b", "[a", "[[a]]", "[a] b", "[]", "[a]]", "[a][b]",
		"[a](b)", "[a]:", "|", "|x", ":", ": x", "*", "* x", ">", "> x",
		"Line  [a]", "Text [a]: b",
	};
	uint64_t x = 0x9e3779b97f4a7c15u;
	int round;

	for (round = 0; round < 20000; round++) {
		struct strbuf body = STRBUF_INIT;
		int nlines, l;
		char *plain, *md4c;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		nlines = 1 + (int)(x % 6);
		for (l = 0; l < nlines; l++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			strbuf_addstr(&body, starts[x % (sizeof starts /
			    sizeof *starts)]);
			strbuf_addch(&body, '\n');
		}
		plain = rendered_by(markdown_render, body.data, round & 1);
		md4c = rendered_by(markdown_render_md4c, body.data, round & 1);
		if (strcmp(plain, md4c) != 0)
			fail_msg("lines %d, %s\nplain:\n%s\nmd4c:\n%s",
			    round & 1, body.data, plain, md4c);
		free(plain);
		free(md4c);
		strbuf_free(&body);
	}
}

/* markdown_lines on BODY gives its lines as markdown_render renders
 * them, or declines; returns whether it took the body. */
static bool
assert_lines_render(const char *body)
{
	struct strbuf got = STRBUF_INIT;
	struct draft_para *paras;
	size_t np, i, longest, most = 0;
	char *want;

	if (!markdown_lines(body, strlen(body), &paras, &np, &longest))
		return false;
	for (i = 0; i < np; i++) {
		strbuf_add(&got, body + paras[i].start,
		    paras[i].end - paras[i].start);
		strbuf_addch(&got, '\n');
		if (paras[i].end - paras[i].start > most)
			most = paras[i].end - paras[i].start;
	}
	assert_int_equal(longest, most);
	want = rendered(body, true);
	if (strcmp(got.data != NULL ? got.data : "", want) != 0)
		fail_msg("body:\n%s\nlines:\n%s\nrendered:\n%s", body,
		    got.data, want);
	free(want);
	free(paras);
	strbuf_free(&got);
	return true;
}

/*
 * markdown_lines gives a body's lines as markdown_render would render
 * them, or declines: random bodies of sanitised atoms that are plain or
 * almost (spaces doubled or at an edge, NBSP and the other characters
 * 0xc2 leads, marks, entities, block starts), at every scan level and
 * cut across its blocks (16, 32 and 64 bytes).  It must take at least the
 * plain bodies of flat lines.
 */
static void
test_lines_match_render(void **state)
{
	static const char *const atoms[] = {
		"word", "Word", " ", "  ", "\n", "\n\n", "\xc2\xa0", "\xc2\xa9",
		"\xc2\xb0" "C", "\xe2\x80\x9cq\xe2\x80\x9d", ".", "13.1 ", "1. ",
		"# ", "- ", "*", "_", "AT&T", "&amp;", "]", "](x)", "[a]", "|",
		"\t", "\xe2\x80\xa8", "caf\xc3\xa9", "0123456789abcdef", "`",
		"<b>", "\\", "~~", "a_b", "|:", ":", "\xc3\x82", "\xe2\x82\xac",
		"_em_", "*em*", "`code`", "~~del~~", "<i>x</i>", "\\*x", "&#33;",
		"-- ", "#x", "+1", "=x", "[p]", "[p]:", "--", "##",
		"\n- ", "\n1. ", "\n2. ", "\n3. ", "\n10. ", "\n01. ", "\n0. ",
		"\n1.  ", "\n* ", "\n1) ", "x__y", "a_", "_b", "9_9", "\n- - ",
		"\n- 1. ", "\n- # ", "\n1. - ", "\n\n- ", "\n\n1. ", "\n\n2. ",
		"\n___", "\n___\n", "\n____\n\n", "___", "\n__\n", "\n___x",
		"\n_____ ",
	};
	/* Lists tight and loose (a blank line between items: md4c renders
	 * each item's mark apart), and a list ended by a paragraph. */
	static const char *const lists[] = {
		"- a\n- b\n", "- a\n\n- b\n", "1. a\n2. b\n", "1. a\n\n2. b\n",
		"- a\nb\n\n- c\n", "1. a\n\nb\n\n3. c\n", "1. a\n1. b\n",
		"x\n\n- a\n- b\n\ny\n", "- a\n\n1. b\n", "2. a\n3. b\n",
		"x_y and a__b\n", "x_y and _b_\n", "- a\n___\n- b\n",
		"1. a\n___\n5. b\n", "1. a\n\n___\n\n2. b\n3. c\n",
		"___\nx\n", "x\n___", "- a\n___\n\n- b\n",
	};
	uint64_t x = 0x2545f4914f6cdd1du;
	int round, taken = 0;
	size_t l;

	for (l = 0; l < sizeof lists / sizeof *lists; l++)
		assert_lines_render(lists[l]);
	/* Tight lists and words joined by '_' stay on the plain path. */
	assert_true(assert_lines_render("- a\n- b\n1. c\n2. d\nx_y a__b\n"));
	/* So do bodies with a rule of underscores, and lists after it. */
	assert_true(assert_lines_render("x\n___\ny\n\n1. a\n___\n5. b\n"));
	for (round = 0; round < 20000; round++) {
		struct strbuf body = STRBUF_INIT;
		int natoms, a;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		natoms = 1 + (int)(x % 40);
		for (a = 0; a < natoms; a++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* Mostly words between single spaces, as news is. */
			if (x % 4 != 0)
				strbuf_addstr(&body, body.len == 0 ||
				    body.data[body.len - 1] == ' ' ||
				    body.data[body.len - 1] == '\n' ?
				    "word" : " word");
			else
				strbuf_addstr(&body, atoms[(x >> 8) %
				    (sizeof atoms / sizeof *atoms)]);
		}
		taken += assert_lines_render(body.data);
		strbuf_free(&body);
	}
	assert_true(taken > 1000);
}

/* Standard input ("-") has no name: Markdown is told by its marks, and
 * plain text, lists and quotes included, stays plain. */
static void
test_stdin_sniff(void **state)
{
	static const char *const markdown[] = {
		"# Port reopens\n\nThe harbour reopened.\n",
		"The harbour reopened on [Monday](https://x.example/a).\n",
		"Photo: ![the quay](quay.jpg)\nThe harbour reopened.\n",
		"The harbour **reopened** on Monday.\n",
		"The harbour __reopened on Monday__.\n",
		"Text.\n\n```\ncode\n```\n",
		"See [the port][1].\n\n[1]: https://x.example/port\n",
	};
	static const char *const plain[] = {
		"The harbour reopened on Monday, officials said.\n",
		"- Ships wait outside.\n- Cranes are idle.\n",
		"> The strike is over, he wrote.\n",
		"#hashtag and C# at the start: #1 in the port.\n",
		"Prices rose 2*3 times; a * b * c; a *single* star.\n",
		"The snake_case_name and __init__ stay.\n",
		"He said [sic] that [the union] (its leaders) met.\n",
		"Lines of stars:\n****\nand ** loose ** marks.\n",
		"Markers[1] and [image 2] of a saved text.\n",
		"1. First\n2. Second\n\n---\n",
	};
	struct document *doc;
	size_t i;

	for (i = 0; i < sizeof markdown / sizeof *markdown; i++) {
		if (!markdown_sniff(markdown[i], strlen(markdown[i])))
			fail_msg("not taken as Markdown: %s", markdown[i]);
	}
	for (i = 0; i < sizeof plain / sizeof *plain; i++) {
		if (markdown_sniff(plain[i], strlen(plain[i])))
			fail_msg("taken as Markdown: %s", plain[i]);
	}
	doc = testlib_load("-", "# Port reopens\n\nThe **harbour** reopened on "
	    "[Monday](https://x.example/a).\n");
	assert_string_equal(doc->title, "Port reopens");
	assert_string_equal(doc->sentences[0].text,
	    "The harbour reopened on Monday.");
	document_free(doc);
	doc = testlib_load("-", "The **harbour** reopened.\n> He said so.\n");
	assert_string_equal(doc->sentences[0].text, "The harbour reopened.");
	document_free(doc);
	/* Plain text on standard input keeps its marks. */
	doc = testlib_load("-",
	    "Prices rose 2*3 times, a *single* star said.\n");
	assert_string_equal(doc->sentences[0].text,
	    "Prices rose 2*3 times, a *single* star said.");
	document_free(doc);
	/* A named file is told by its name: .txt is text, marks and all. */
	doc = testlib_load("notes.txt", "The **harbour** reopened.\n");
	assert_string_equal(doc->sentences[0].text,
	    "The **harbour** reopened.");
	document_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline_marks),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_lines_as_paragraphs),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_plain_bodies),
		cmocka_unit_test(test_plain_matches_md4c),
		cmocka_unit_test(test_lines_match_render),
		cmocka_unit_test(test_slice_ends),
		cmocka_unit_test(test_stdin_sniff),
	};

	return testlib_run_every_level(tests);
}
