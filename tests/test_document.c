#include "testlib.h"

#include <fcntl.h>
#include <unistd.h>

#include "document.h"
#include "namecard.h"
#include "strbuf.h"
#include "xalloc.h"

/* Loads TEXT expecting failure; returns the message. */
static char *
load_fails(const char *name, const char *text, size_t len)
{
	struct document *doc = NULL;
	char *cause = NULL;

	assert_int_equal(document_load_buffer(name, text, len, &doc, &cause),
	    -1);
	assert_null(doc);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	return cause;
}

#define load_fails_str(name, text) load_fails(name, text, strlen(text))

static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", testlib_tmpdir, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void
assert_sentence(const struct document *doc, size_t i, const char *want)
{
	assert_true(i < doc->nsentences);
	assert_string_equal(doc->sentences[i].text, want);
	assert_int_equal(doc->sentences[i].len, strlen(want));
}

/* The quoted text of quote Q of sentence I. */
static void
assert_quote(const struct document *doc, size_t i, size_t q, const char *want)
{
	const struct sentence *s = &doc->sentences[i];

	assert_true(q < s->nquotes);
	assert_int_equal(s->quotes[q].end - s->quotes[q].start, strlen(want));
	assert_memory_equal(s->text + s->quotes[q].start, want, strlen(want));
}

static void
test_front_matter(void **state)
{
	struct document *doc = testlib_load("x/file.md",
	    "---\noutlet: Meridian Wire\ntitle: \"Truce: day one\"\n"
	    "url: https://example.org/a\ndate: 2026-03-14\nauthor: [A. Writer, "
	    "B. Writer]\nsection: Politics\ntags: [a, b]\n---\n"
	    "Truce: day one\nThe truce held. Guns fell silent.\n");

	assert_string_equal(doc->outlet, "Meridian Wire");
	assert_string_equal(doc->title, "Truce: day one");
	assert_string_equal(doc->url, "https://example.org/a");
	assert_string_equal(doc->date, "2026-03-14");
	assert_string_equal(doc->author, "A. Writer, B. Writer");
	assert_int_equal(doc->nextra, 2);
	assert_string_equal(doc->extra[0].key, "section");
	assert_string_equal(doc->extra[0].value, "Politics");
	assert_string_equal(doc->extra[1].key, "tags");
	assert_string_equal(doc->extra[1].value, "a, b");
	/* The body's copy of the title is not a sentence. */
	assert_int_equal(doc->nsentences, 2);
	assert_sentence(doc, 0, "The truce held.");
	document_free(doc);
}

/* "title: Ceasefire: what we know" is not YAML, but people write it. */
static void
test_front_matter_hand_written(void **state)
{
	struct document *doc = testlib_load("n.md",
	    "---\noutlet: NewsHeap\ntitle: "
	    "Ceasefire: what we know\nauthor:\n---\n\nText here.\n");

	assert_string_equal(doc->outlet, "NewsHeap");
	assert_string_equal(doc->title, "Ceasefire: what we know");
	assert_null(doc->author);
	assert_int_equal(doc->nsentences, 1);
	document_free(doc);
}

/*
 * Plain "key: value" lines are read without libyaml, UTF-8 too; whatever
 * YAML might read differently still goes to it: a comment, a Unicode line
 * break, a value continued on an indented line.
 */
static void
test_front_matter_plain_lines(void **state)
{
	struct document *doc = testlib_load("p.md", "---\ntitle: Truce  holds\n"
	    "url: https://example.org/a#top\nx_y: 1\nauthor:\n---\nText.\n");

	assert_string_equal(doc->title, "Truce  holds");
	assert_string_equal(doc->url, "https://example.org/a#top");
	assert_null(doc->author);
	assert_int_equal(doc->nextra, 1);
	assert_string_equal(doc->extra[0].key, "x_y");
	assert_string_equal(doc->extra[0].value, "1");
	document_free(doc);

	doc = testlib_load("c.md",
	    "---\ntitle: Truce holds # draft\n---\nText.\n");
	assert_string_equal(doc->title, "Truce holds");
	document_free(doc);
	/* A comment among the first sixteen bytes, which are looked at
	 * together. */
	doc = testlib_load("c16.md",
	    "---\nurl: x # the wire's copy\n---\nText.\n");
	assert_string_equal(doc->url, "x");
	document_free(doc);

	doc = testlib_load("u.md",
	    "---\ntitle: Z\xc3\xbcrich  talks\n---\nText.\n");
	assert_string_equal(doc->title, "Z\xc3\xbcrich  talks");
	document_free(doc);

	/* A line separator (U+2028) is a line break to YAML: the white
	 * space after it goes. */
	doc = testlib_load("ls.md",
	    "---\ntitle: Truce\xe2\x80\xa8 holds\n---\nText.\n");
	assert_string_equal(doc->title, "Truce\xe2\x80\xa8holds");
	document_free(doc);

	doc = testlib_load("uc.md",
	    "---\ntitle: Z\xc3\xbcrich: talks \xe2\x80\x9cgo\xe2\x80\x9d\n"
	    "author:\n---\nText.\n");
	assert_string_equal(doc->title, "Z\xc3\xbcrich: talks \xe2\x80\x9cgo\xe2\x80\x9d");
	assert_null(doc->author);
	document_free(doc);

	doc = testlib_load("i.md", "---\ntitle: Truce\n  holds\n---\nText.\n");
	assert_string_equal(doc->title, "Truce holds");
	document_free(doc);

	/* Double quotes as YAML reads them: with no escape inside, the
	 * bytes between them, trimmed; an escape, a second quote or more
	 * after the closing one is libyaml's. */
	doc = testlib_load("q.md", "---\ntitle: \"'Truce': day one \"  \n"
	    "author: \"\"\nurl: \"a\\\"b\"\ndate: \"x \\u00e9\"\n---\nText.\n");
	assert_string_equal(doc->title, "'Truce': day one");
	assert_null(doc->author);
	assert_string_equal(doc->url, "a\"b");
	assert_string_equal(doc->date, "x \xc3\xa9");
	document_free(doc);
	doc = testlib_load("q2.md",
	    "---\ntitle: \"Truce\" # day one\n---\nText.\n");
	assert_string_equal(doc->title, "Truce");
	document_free(doc);
	free(load_fails_str("q3.md",
	    "---\ntitle: \"Truce\" holds\n---\nText.\n"));
}

/* Plain front matter is kept in one block: a key given twice keeps its
 * last value (the first, in the block, is not freed apart), a key of the
 * source's own with no value keeps "", and a field given a string of its
 * own later (as input.c gives a URL) is freed apart. */
static void
test_front_matter_block(void **state)
{
	struct document *doc = testlib_load("d.md", "---\ntitle: First\n"
	    "title: Second\nsection:\nauthor: A. Writer\nauthor:\n---\n"
	    "Text.\n");

	assert_string_equal(doc->title, "Second");
	assert_null(doc->author);
	assert_null(doc->url);
	assert_int_equal(doc->nextra, 1);
	assert_string_equal(doc->extra[0].key, "section");
	assert_string_equal(doc->extra[0].value, "");
	assert_non_null(doc->strings);
	doc->url = xstrdup("https://example.org/a");
	document_free(doc);
}

/* Longer front matter than the simple reader keeps from its first pass
 * is stored whole and in order: plain, and hand-written (a value with
 * ": ", which libyaml refuses). */
static void
test_front_matter_long(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct document *doc;
	char want[32];
	size_t i, round;

	for (round = 0; round < 2; round++) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "---\n");
		for (i = 0; i < 40; i++)
			strbuf_addf(&sb, "k%zu: v%zu%s\n", i, i,
			    round == 1 && i == 20 ? ": more" : "");
		strbuf_addstr(&sb, "title: Truce holds  \n---\nText.\n");
		doc = testlib_load("long.md", sb.data);
		assert_string_equal(doc->title, "Truce holds");
		assert_int_equal(doc->nextra, 40);
		for (i = 0; i < 40; i++) {
			snprintf(want, sizeof want, "k%zu", i);
			assert_string_equal(doc->extra[i].key, want);
			snprintf(want, sizeof want, "v%zu%s", i,
			    round == 1 && i == 20 ? ": more" : "");
			assert_string_equal(doc->extra[i].value, want);
		}
		document_free(doc);
	}
	strbuf_free(&sb);
}

static void
test_front_matter_errors(void **state)
{
	char *cause;

	cause = load_fails_str("bad.md", "---\noutlet: A\ntitle: [unclosed\n---\n"
	    "Body.\n");
	assert_true(strncmp(cause, "bad.md:", 7) == 0);
	assert_non_null(strstr(cause, "front matter"));
	free(cause);
	cause = load_fails_str("bad.md", "---\nouter:\n  inner: 1\n---\nBody.\n");
	assert_string_equal(cause, "bad.md:3:3: front matter value of 'outer' "
	    "must be text or a list");
	free(cause);
	cause = load_fails_str("bad.md", "---\n- a\n- b\n---\nBody.\n");
	assert_string_equal(cause, "bad.md:2:1: front matter must be a mapping "
	    "of keys to values");
	free(cause);
	cause = load_fails_str("open.md", "---\ntitle: x\nBody.\n");
	assert_string_equal(cause, "open.md:1:1: front matter opened by --- is "
	    "never closed by a --- line");
	free(cause);
}

/* A list of aliases must not blow a short file up into gigabytes. */
static void
test_front_matter_alias_bomb(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct document *doc;
	size_t i;

	strbuf_addstr(&sb, "---\na: &x ");
	for (i = 0; i < 1000; i++)
		strbuf_addstr(&sb, "xxxxxxxxxx");
	strbuf_addstr(&sb, "\nb: [*x");
	for (i = 0; i < 20000; i++)
		strbuf_addstr(&sb, ", *x");
	strbuf_addstr(&sb, "]\n---\nBody.\n");
	doc = testlib_load("bomb.md", sb.data);
	assert_int_equal(doc->nextra, 2);
	assert_true(strlen(doc->extra[1].value) <= sb.len);
	document_free(doc);
	strbuf_free(&sb);
}

/* A YAML escape must not smuggle ESC into a title. */
static void
test_front_matter_sanitised(void **state)
{
	struct document *doc = testlib_load("e.md",
	    "---\ntitle: \"\\e]0;pwned\\a red\"\n---\nBody.\n");

	assert_string_equal(doc->title,
	    "\xe2\x90\x9b]0;pwned\xe2\x90\x87 red");
	document_free(doc);
}

static void
test_title_rules(void **state)
{
	struct document *doc;

	doc = testlib_load("/some/dir/Brussels Times.txt",
	    "Trump intends to end the war: Defense secretary\nHe said so.\n");
	assert_string_equal(doc->outlet, "Brussels Times");
	assert_string_equal(doc->title,
	    "Trump intends to end the war: Defense secretary");
	assert_int_equal(doc->nsentences, 1);
	document_free(doc);

	/* Ends like a sentence: a lede, not a title. */
	doc = testlib_load("a.txt",
	    "A Ukrainian NATO membership is not realistic.\n"
	    "He said so.\n");
	assert_null(doc->title);
	assert_int_equal(doc->nsentences, 2);
	document_free(doc);

	/* Nothing after it: it does not stand alone. */
	doc = testlib_load("a.txt", "Just one line without a stop\n");
	assert_null(doc->title);
	assert_int_equal(doc->nsentences, 1);
	document_free(doc);

	/* Long: a paragraph, not a title. */
	doc = testlib_load("a.txt",
	    "word word word word word word word word word word "
	    "word word word word word word word word word word word word word "
	    "word word word word word word word word word\nNext.\n");
	assert_null(doc->title);
	document_free(doc);

	/* A Markdown heading. */
	doc = testlib_load("a.md", "# Guns fall silent\n\nThe truce held.\n");
	assert_string_equal(doc->title, "Guns fall silent");
	document_free(doc);
}

static void
test_datelines(void **state)
{
	struct document *doc;

	doc = testlib_load("a.txt",
	    "Title of the story\nBRUSSELS\nU.S. Secretary of "
	    "Defense Pete Hegseth said it.\n");
	assert_string_equal(doc->title, "Title of the story");
	assert_string_equal(doc->dateline, "BRUSSELS");
	assert_int_equal(doc->nsentences, 1);
	assert_sentence(doc, 0, "U.S. Secretary of Defense Pete Hegseth said "
	    "it.");
	assert_int_equal(doc->sentences[0].paragraph, 0);
	document_free(doc);

	doc = testlib_load("a.txt",
	    "MUNICH (AP) \xe2\x80\x94 The minister spoke. "
	    "Then he left.\n");
	assert_string_equal(doc->dateline, "MUNICH (AP)");
	assert_sentence(doc, 0, "The minister spoke.");
	document_free(doc);

	doc = testlib_load("a.txt",
	    "WASHINGTON, Feb 12 (Reuters) - U.S. officials "
	    "said so.\n");
	assert_string_equal(doc->dateline, "WASHINGTON, Feb 12 (Reuters)");
	assert_sentence(doc, 0, "U.S. officials said so.");
	document_free(doc);

	doc = testlib_load("a.txt",
	    "NEW YORK \xe2\x80\x94 \xe2\x80\x9cWe will,\xe2\x80\x9d "
	    "he said.\n");
	assert_string_equal(doc->dateline, "NEW YORK");
	assert_sentence(doc, 0, "\xe2\x80\x9cWe will,\xe2\x80\x9d he said.");
	document_free(doc);

	doc = testlib_load("a.txt",
	    "Kyiv, Ukraine (Reuters) - Officials said so.\n");
	assert_string_equal(doc->dateline, "Kyiv, Ukraine (Reuters)");
	assert_sentence(doc, 0, "Officials said so.");
	document_free(doc);

	/* Capitals that start a sentence are not a dateline; a place in
	 * lower case needs an agency and a dash. */
	doc = testlib_load("a.txt", "Brussels - The talks went on.\n");
	assert_null(doc->dateline);
	document_free(doc);
	doc = testlib_load("a.txt", "NATO allies met in Brussels.\n");
	assert_null(doc->dateline);
	assert_sentence(doc, 0, "NATO allies met in Brussels.");
	document_free(doc);
	doc = testlib_load("a.txt", "UK - based firms grew.\n");
	assert_null(doc->dateline);
	document_free(doc);
}

static void
test_paragraphs(void **state)
{
	struct document *doc;

	/* One paragraph per line. */
	doc = testlib_load("a.txt",
	    "First one. Second one.\r\nThird one.\n\nFourth.");
	assert_int_equal(doc->nparagraphs, 3);
	assert_int_equal(doc->nsentences, 4);
	assert_int_equal(doc->sentences[1].paragraph, 0);
	assert_int_equal(doc->sentences[2].paragraph, 1);
	assert_int_equal(doc->sentences[3].paragraph, 2);
	document_free(doc);

	/* Hard-wrapped Markdown: blank lines part paragraphs. */
	doc = testlib_load("a.md",
	    "The truce took effect on a\nSunday. Guns fell "
	    "silent.\n\nA new\nparagraph.\n- an item\n- another\n"
	    "1. first\n2. second\n");
	assert_int_equal(doc->nparagraphs, 6);
	assert_sentence(doc, 0, "The truce took effect on a Sunday.");
	assert_sentence(doc, 2, "A new paragraph.");
	assert_int_equal(doc->sentences[2].paragraph, 1);
	assert_sentence(doc, 3, "- an item");
	assert_int_equal(doc->sentences[4].paragraph, 3);
	assert_sentence(doc, 5, "1. first");
	assert_int_equal(doc->sentences[6].paragraph, 5);
	document_free(doc);
}

static void
test_quotes(void **state)
{
	struct document *doc;
	const struct sentence *s;

	doc = testlib_load("a.txt", "He called it an \xe2\x80\x9cunrealistic "
	    "objective,\xe2\x80\x9d and said \"no\" twice.\n");
	assert_int_equal(doc->sentences[0].nquotes, 2);
	assert_quote(doc, 0, 0, "unrealistic objective,");
	assert_quote(doc, 0, 1, "no");
	assert_false(doc->sentences[0].quote_continues);
	document_free(doc);

	/* A quote over three sentences. */
	doc = testlib_load("a.txt",
	    "\"NATO is not realistic. Instead, troops must "
	    "back it. No NATO mission,\" he said. Then he left.\n");
	assert_int_equal(doc->nsentences, 4);
	s = doc->sentences;
	assert_true(s[0].quote_continues && !s[0].quote_continued);
	assert_true(s[1].quote_continues && s[1].quote_continued);
	assert_true(!s[2].quote_continues && s[2].quote_continued);
	assert_false(s[3].quote_continues || s[3].quote_continued);
	assert_quote(doc, 0, 0, "NATO is not realistic.");
	assert_quote(doc, 1, 0, "Instead, troops must back it.");
	assert_quote(doc, 2, 0, "No NATO mission,");
	assert_int_equal(s[3].nquotes, 0);
	document_free(doc);

	/* A quote over paragraphs reopens at each one. */
	doc = testlib_load("a.txt", "\xe2\x80\x9c" "First part of it.\n"
	    "\xe2\x80\x9cSecond part of it.\xe2\x80\x9d\nAfter.\n");
	s = doc->sentences;
	assert_true(s[0].quote_continues);
	assert_true(s[1].quote_continued);
	assert_false(s[1].quote_continues);
	assert_quote(doc, 0, 0, "First part of it.");
	assert_quote(doc, 1, 0, "Second part of it.");
	assert_false(s[2].quote_continued);
	document_free(doc);

	/* An unclosed quote does not leak into the next paragraph. */
	doc = testlib_load("a.txt", "\"Never closed.\nNext paragraph.\n");
	assert_false(doc->sentences[0].quote_continues);
	assert_false(doc->sentences[1].quote_continued);
	assert_int_equal(doc->sentences[1].nquotes, 0);
	document_free(doc);

	/* Quotes inside quotes; apostrophes are not quotes. */
	doc = testlib_load("a.txt",
	    "\xe2\x80\x9cThey said \xe2\x80\x98no\xe2\x80\x99 to "
	    "Ukraine\xe2\x80\x99s plan,\xe2\x80\x9d he said. 'Fine,' she said "
	    "of Biden's policy.\n");
	assert_int_equal(doc->sentences[0].nquotes, 1);
	assert_quote(doc, 0, 0, "They said \xe2\x80\x98no\xe2\x80\x99 to "
	    "Ukraine\xe2\x80\x99s plan,");
	assert_int_equal(doc->sentences[1].nquotes, 1);
	assert_quote(doc, 1, 0, "Fine,");
	document_free(doc);
}

/* A name's pop-up card run into its sentence is cut out, and the quote
 * after it follows, even when its headlines end in stops the splitter
 * would cut at; a name said twice, or "MORE" in prose, stay. */
static void
test_name_card(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "The bill passed with the help "
	    "of Sen. Ann Lee Annabel (Ann) Marie LeeCity budget vote slips to "
	    "spring Council sides with mayor on parks 2024 races heat up MORE, "
	    "who said \"we will win\" today.\n\n"
	    "Mayor Bo Diaz Robert (Bo) Diaz2024 races heat up Parks win MORE's "
	    "plan passed.\n\n"
	    "Ann Lee met Ann LeeAnn at noon and said MORE was needed.\n\n"
	    "Rep. Jo Park Joanne Park2024 races heat up. Parks win in the "
	    "fall MORE (D-Ore.) said it would pass.\n\n"
	    "Speaker Bo Diaz Bo Lee Diaz Council sides with mayor on parks "
	    "MORE (D-Ore.) spoke.\n\n"
	    "Then Al Roe Al Bo King budget slips MORE said no.\n");

	assert_sentence(doc, 0, "The bill passed with the help of Sen. Ann "
	    "Lee, who said \"we will win\" today.");
	assert_int_equal(doc->sentences[0].nquotes, 1);
	assert_quote(doc, 0, 0, "we will win");
	assert_sentence(doc, 1, "Mayor Bo Diaz's plan passed.");
	assert_sentence(doc, 2,
	    "Ann Lee met Ann LeeAnn at noon and said MORE was needed.");
	assert_sentence(doc, 3, "Rep. Jo Park (D-Ore.) said it would pass.");
	/* A full name apart from its first headline; a first name said
	 * twice is no card's. */
	assert_sentence(doc, 4, "Speaker Bo Diaz (D-Ore.) spoke.");
	assert_sentence(doc, 5,
	    "Then Al Roe Al Bo King budget slips MORE said no.");
	assert_int_equal(doc->nsentences, 6);
	document_free(doc);
}

/* The whole text's look for a card finds "MORE" wherever it stands, the
 * text's last four bytes too, and reads no byte past its length. */
static void
test_name_card_hint(void **state)
{
	assert_true(namecard_may_hold("races heat up MORE", 18));
	assert_true(namecard_may_hold("MORE", 4));
	assert_false(namecard_may_hold("MORE", 3));
	assert_false(namecard_may_hold("Mr. Moore met MOR", 17));
	assert_false(namecard_may_hold("", 0));
}

static void
test_sanitised_body(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "Red \x1b[31malert\x1b[0m here. Bidi \xe2\x80\xae" "txt.exe ok.\n");

	assert_sentence(doc, 0, "Red \xe2\x90\x9b[31malert\xe2\x90\x9b[0m here.");
	assert_sentence(doc, 1, "Bidi \xef\xbf\xbdtxt.exe ok.");
	document_free(doc);
}

static void
test_limits(void **state)
{
	struct document *doc = NULL;
	char *cause, *path;
	int fd;

	cause = load_fails("e.txt", "", 0);
	assert_string_equal(cause, "e.txt: empty file");
	free(cause);
	cause = load_fails("w.txt", " \n\t\n", 4);
	assert_string_equal(cause, "w.txt: empty file (no text)");
	free(cause);
	cause = load_fails("b.bin", "text\0more", 9);
	assert_string_equal(cause, "b.bin: binary file, not text");
	free(cause);
	cause = load_fails("b.bin", "\xff\xfe\x01\x02\x90\x91\x92\x93" "ab", 10);
	assert_string_equal(cause, "b.bin: binary file, not text");
	free(cause);

	path = xasprintf("%s/big.txt", testlib_tmpdir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd != -1);
	assert_int_equal(ftruncate(fd, (off_t)DOCUMENT_MAX_BYTES + 1), 0);
	close(fd);
	assert_int_equal(document_load_file(path, &doc, &cause), -1);
	assert_non_null(strstr(cause, "big.txt: too large"));
	free(cause);
	free(path);

	assert_int_equal(document_load_file("/nonexistent/x.txt", &doc,
	    &cause), -1);
	assert_string_equal(cause,
	    "/nonexistent/x.txt: No such file or directory");
	free(cause);
	assert_int_equal(document_load_file(testlib_tmpdir, &doc, &cause), -1);
	assert_non_null(strstr(cause, ": is a directory"));
	free(cause);
	if (geteuid() != 0) {
		path = write_file("secret.txt", "Hidden text.\n");
		chmod(path, 0);
		assert_int_equal(document_load_file(path, &doc, &cause), -1);
		assert_non_null(strstr(cause, "Permission denied"));
		free(cause);
		free(path);
	}

	path = write_file("ok.txt", "A line. Another.\n");
	assert_int_equal(document_load_file(path, &doc, &cause), 0);
	assert_string_equal(doc->path, path);
	assert_string_equal(doc->outlet, "ok");
	assert_int_equal(doc->nsentences, 2);
	document_free(doc);
	free(path);
}

/* Markus Kuhn's stress test, stray NUL and all, is text: it loads, its
 * valid text survives and no control byte gets through. */
static void
test_kuhn_stress_file(void **state)
{
	char *dir = testlib_shared("data/utf8-test"), *path, *cause;
	struct document *doc;
	bool kosme = false;
	size_t i, j;

	if (dir == NULL)
		skip();
	path = xasprintf("%s/UTF-8-test.txt", dir);
	assert_int_equal(document_load_file(path, &doc, &cause), 0);
	for (i = 0; i < doc->nsentences; i++) {
		const unsigned char *t =
		    (const unsigned char *)doc->sentences[i].text;

		if (strstr(doc->sentences[i].text, "\xce\xba\xe1\xbd\xb9\xcf"
		    "\x83\xce\xbc\xce\xb5") != NULL)
			kosme = true;
		for (j = 0; j < doc->sentences[i].len; j++) {
			assert_false(t[j] < 0x20 && t[j] != '\t' && t[j] != '\n');
			assert_false(t[j] == 0x7f);
			/* No C1 control encoded as UTF-8 either. */
			assert_false(t[j] == 0xc2 && t[j + 1] >= 0x80 &&
			    t[j + 1] <= 0x9f);
		}
	}
	assert_true(kosme);
	document_free(doc);
	free(path);
}

static void
test_clear_tags(void **state)
{
	struct document *doc = testlib_load("a.txt", "One. Two.\n");
	struct sentence *s = &doc->sentences[0];

	assert_int_equal(s->claim, SENTENCE_NO_CLAIM);
	s->topics = xcalloc(2, sizeof *s->topics);
	s->ntopics = 2;
	s->matches = xcalloc(1, sizeof *s->matches);
	s->nmatches = 1;
	s->claim = 7;
	document_clear_tags(doc);
	assert_null(s->topics);
	assert_int_equal(s->ntopics, 0);
	assert_null(s->matches);
	assert_int_equal(s->nmatches, 0);
	assert_int_equal(s->claim, SENTENCE_NO_CLAIM);
	document_free(doc);
}

/* A story holds hundreds of thousands of sentences: a field added to the
 * record must not grow it past the 64 bytes document.h promises. */
static void
test_sentence_record_size(void **state)
{
	assert_true(sizeof(struct sentence) <= 64);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_front_matter_hand_written),
		cmocka_unit_test(test_front_matter_plain_lines),
		cmocka_unit_test(test_front_matter_long),
		cmocka_unit_test(test_front_matter_block),
		cmocka_unit_test(test_front_matter_errors),
		cmocka_unit_test(test_front_matter_alias_bomb),
		cmocka_unit_test(test_front_matter_sanitised),
		cmocka_unit_test(test_title_rules),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_name_card),
		cmocka_unit_test(test_name_card_hint),
		cmocka_unit_test(test_sanitised_body),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_kuhn_stress_file),
		cmocka_unit_test(test_clear_tags),
		cmocka_unit_test(test_sentence_record_size),
	};
	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
