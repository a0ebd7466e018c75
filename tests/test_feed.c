#include "testlib.h"

#include "date.h"
#include "document.h"
#include "feed.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* What feed_read gave, in order. */
struct got {
	struct document *docs[8];
	size_t ndocs;
	char *warnings[8];
	size_t nwarnings;
};

static void
got_document(void *ctx, struct document *doc)
{
	struct got *g = ctx;

	assert_true(g->ndocs < 8);
	g->docs[g->ndocs++] = doc;
}

static void
got_warning(void *ctx, char *message)
{
	struct got *g = ctx;

	assert_true(g->nwarnings < 8);
	g->warnings[g->nwarnings++] = message;
}

static size_t
read_feed(const char *name, const char *xml, struct got *g)
{
	size_t n;

	memset(g, 0, sizeof *g);
	n = feed_read(name, xml, strlen(xml), got_document, got_warning, g);
	assert_int_equal(n, g->ndocs);
	return n;
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->ndocs; i++)
		document_free(g->docs[i]);
	for (i = 0; i < g->nwarnings; i++)
		free(g->warnings[i]);
}

/* The document's sentences joined by " | ". */
static char *
sentences(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		if (i > 0)
			strbuf_addstr(&sb, " | ");
		strbuf_addstr(&sb, doc->sentences[i].text);
	}
	return strbuf_detach(&sb);
}

static void
assert_sentences(const struct document *doc, const char *want)
{
	char *s = sentences(doc);

	assert_string_equal(s, want);
	free(s);
}

static void
test_dates(void **state)
{
	static const char *const cases[][2] = {
		/* RFC 822 as RSS writes it. */
		{ "Sun, 06 Dec 2026 05:31:00 +0000", "2026-12-06T05:31:00Z" },
		{ "Sun, 06 Dec 2026 05:31:00 GMT", "2026-12-06T05:31:00Z" },
		{ "6 Dec 2026 05:31 +0130", "2026-12-06T04:01:00Z" },
		{ "Mon, 31 Dec 2029 22:00:00 -0500", "2030-01-01T03:00:00Z" },
		{ "Tue, 1 Mar 2028 00:30:00 +0100", "2028-02-29T23:30:00Z" },
		{ "Sat, 05 Dec 26 20:00:00 EST", "2026-12-06T01:00:00Z" },
		{ "05 dec 1999 10:00:00 PDT", "1999-12-05T17:00:00Z" },
		{ "Sun, 06 Dec 2026 05:31:00 +0000 (UTC)", "2026-12-06T05:31:00Z" },
		{ "Sun, 06 Dec 2026", "2026-12-06" },
		{ "Sun, 06 Dec 2026 05:31:00", "2026-12-06T05:31:00" },
		/* ISO 8601 / RFC 3339 as Atom and dc:date write it. */
		{ "2026-12-06T05:31:00Z", "2026-12-06T05:31:00Z" },
		{ "2026-12-06T05:31:00.123+01:00", "2026-12-06T04:31:00Z" },
		{ "2026-12-06t23:31:00-02:30", "2026-12-07T02:01:00Z" },
		{ "2026-12-06 05:31:00", "2026-12-06T05:31:00" },
		{ " 2026-12-06\n", "2026-12-06" },
		{ "2026-12-06T05:31Z", "2026-12-06T05:31:00Z" },
		/* Not dates. */
		{ "yesterday", NULL },
		{ "2026-13-01", NULL },
		{ "2026-02-29", NULL },
		{ "31 Feb 2026 10:00 GMT", NULL },
		{ "Sun, 06 Dec 2026 25:00:00 GMT", NULL },
		{ "2026-12-06T05:31:00+0100 trailing", NULL },
		{ "06 Foo 2026", NULL },
		{ "", NULL },
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = date_normalize(cases[i][0]);
		if (cases[i][1] == NULL) {
			if (got != NULL)
				fail_msg("%s: %s, expected no date", cases[i][0],
				    got);
		} else if (got == NULL || strcmp(got, cases[i][1]) != 0)
			fail_msg("%s: %s, expected %s", cases[i][0],
			    got != NULL ? got : "NULL", cases[i][1]);
		free(got);
	}
	got = date_from_epoch(1538336065);
	assert_string_equal(got, "2018-09-30T19:34:25Z");
	free(got);
	got = date_from_epoch(0);
	assert_string_equal(got, "1970-01-01T00:00:00Z");
	free(got);
	got = date_from_epoch(-1);
	assert_string_equal(got, "1969-12-31T23:59:59Z");
	free(got);
	assert_null(date_from_epoch(INT64_MAX));
}

static const char rss2[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
"  xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
"<channel><title> Harbour  Gazette </title><link>https://gazette.example/</link>\n"
"<item><title>Port strike ends</title><link>https://gazette.example/a1</link>\n"
"<pubDate>Sun, 06 Dec 2026 05:31:00 +0100</pubDate><dc:creator>Ana Ruiz</dc:creator>\n"
"<description>Only the summary.</description>\n"
"<content:encoded><![CDATA[<p>The union said the strike <b>had ended</b>.</p>"
"<p>Talks lasted &ldquo;nine hours&rdquo;.</p><script>var x = 1;</script>"
"<style>p { color: red }</style>]]></content:encoded></item>\n"
"<item><title>Second &amp; last</title><guid>https://gazette.example/a2</guid>\n"
"<description>&lt;p&gt;Escaped markup, one.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description></item>\n"
"<item><title>Title only</title><author>desk@gazette.example (News Desk)</author></item>\n"
"</channel></rss>\n";

static void
test_rss2(void **state)
{
	struct got g;
	struct document *d;

	assert_true(feed_sniff(rss2, strlen(rss2)));
	assert_int_equal(read_feed("g.xml", rss2, &g), 3);
	assert_int_equal(g.nwarnings, 0);
	d = g.docs[0];
	assert_string_equal(d->path, "g.xml#1");
	assert_string_equal(d->outlet, "Harbour  Gazette");
	assert_string_equal(d->title, "Port strike ends");
	assert_string_equal(d->url, "https://gazette.example/a1");
	assert_string_equal(d->date, "2026-12-06T04:31:00Z");
	assert_string_equal(d->author, "Ana Ruiz");
	/* content:encoded wins over the description; scripts and styles
	 * are not text; each <p> its own paragraph. */
	assert_sentences(d, "The union said the strike had ended. | "
	    "Talks lasted \u201cnine hours\u201d.");
	assert_int_equal(d->nparagraphs, 2);
	d = g.docs[1];
	assert_string_equal(d->title, "Second & last");
	assert_string_equal(d->url, "https://gazette.example/a2");
	assert_null(d->date);
	assert_sentences(d, "Escaped markup, one. | Two.");
	d = g.docs[2];
	assert_string_equal(d->title, "Title only");
	assert_string_equal(d->author, "desk@gazette.example (News Desk)");
	assert_int_equal(d->nsentences, 0);
	got_free(&g);
}

static const char rss1[] =
"<?xml version=\"1.0\"?>\n"
"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
"  xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
"<channel rdf:about=\"https://ledger.example/\"><title>Morning Ledger</title>\n"
"<items><rdf:Seq><rdf:li resource=\"https://ledger.example/1\"/></rdf:Seq></items></channel>\n"
"<item rdf:about=\"https://ledger.example/1\"><title>Council votes</title>\n"
"<link>https://ledger.example/1</link><dc:date>2026-12-05T18:00:00+01:00</dc:date>\n"
"<dc:creator>K. Obi</dc:creator><description>The council voted on Friday.</description></item>\n"
"</rdf:RDF>\n";

static void
test_rss1(void **state)
{
	struct got g;
	struct document *d;

	assert_true(feed_sniff(rss1, strlen(rss1)));
	assert_int_equal(read_feed("l.rdf", rss1, &g), 1);
	d = g.docs[0];
	assert_string_equal(d->outlet, "Morning Ledger");
	assert_string_equal(d->title, "Council votes");
	assert_string_equal(d->url, "https://ledger.example/1");
	assert_string_equal(d->date, "2026-12-05T17:00:00Z");
	assert_string_equal(d->author, "K. Obi");
	assert_sentences(d, "The council voted on Friday.");
	got_free(&g);
}

static const char atom[] =
"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
"<!-- a comment before the root -->\n"
"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Valley Wire</title>\n"
"<entry><title>Bridge reopens</title>\n"
"<link rel=\"self\" href=\"https://wire.example/self\"/>\n"
"<link rel=\"alternate\" href=\"https://wire.example/bridge\"/>\n"
"<updated>2026-12-06T10:00:00Z</updated><published>2026-12-05T22:15:00-05:00</published>\n"
"<author><name>J. Doe</name><email>j@wire.example</email></author>\n"
"<summary>Summary, not the text.</summary>\n"
"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
"<p>The bridge reopened on Saturday.</p><p>Traffic resumed.</p></div></content></entry>\n"
"<entry><title>Plain</title><updated>2026-12-05</updated>\n"
"<link href=\"https://wire.example/plain\"/>"
"<content type=\"text\">Text &lt;b&gt; stays as written.</content></entry>\n"
"<entry><title>Escaped</title><summary type=\"html\">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</summary></entry>\n"
"</feed>\n";

static void
test_atom(void **state)
{
	struct got g;
	struct document *d;

	assert_true(feed_sniff(atom, strlen(atom)));
	assert_int_equal(read_feed("w.atom", atom, &g), 3);
	d = g.docs[0];
	assert_string_equal(d->outlet, "Valley Wire");
	assert_string_equal(d->url, "https://wire.example/bridge");
	/* published before updated: the date it first ran. */
	assert_string_equal(d->date, "2026-12-06T03:15:00Z");
	assert_string_equal(d->author, "J. Doe");
	assert_sentences(d, "The bridge reopened on Saturday. | "
	    "Traffic resumed.");
	d = g.docs[1];
	assert_string_equal(d->url, "https://wire.example/plain");
	assert_string_equal(d->date, "2026-12-05");
	assert_sentences(d, "Text <b> stays as written.");
	assert_sentences(g.docs[2], "One. | Two.");
	got_free(&g);
}

/* Terminal controls and bidi overrides from a feed never come through. */
static void
test_sanitised(void **state)
{
	static const char xml[] =
	    "<rss><channel><title>Out\xe2\x80\xaelet&#x9b;31m</title><item>"
	    "<title>T&#x9b;itle</title><link>https://x.example/&#x202e;</link>"
	    "<description>Body &amp;#x1b;]0;pwned&amp;#7; text.</description>"
	    "</item></channel></rss>";
	struct got g;
	struct document *d;

	assert_int_equal(read_feed("s.rss", xml, &g), 1);
	d = g.docs[0];
	assert_null(strstr(d->outlet, "\xc2\x9b"));
	assert_null(strstr(d->outlet, "\xe2\x80\xae"));
	assert_null(strstr(d->title, "\xc2\x9b"));
	assert_null(strstr(d->url, "\xe2\x80\xae"));
	assert_null(strchr(d->sentences[0].text, 0x1b));
	assert_null(strchr(d->sentences[0].text, 7));
	got_free(&g);
}

static void
test_bad_feeds(void **state)
{
	static const char bomb[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "]>\n<rss><channel><title>T</title><item><title>&c;</title>"
	    "</item></channel></rss>";
	static const char external[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<rss><channel><title>T</title><item><title>&x;</title>"
	    "</item></channel></rss>";
	static const char truncated[] =
	    "<rss><channel><title>T</title><item><title>cut";
	static const char empty[] =
	    "<rss><channel><title>Nothing yet</title></channel></rss>";
	static const char nochannel[] = "<rss><item/></rss>";
	struct strbuf deep = STRBUF_INIT;
	struct got g;
	char *xml;
	size_t i;

	assert_true(feed_sniff(bomb, strlen(bomb)));
	assert_int_equal(read_feed("bomb.xml", bomb, &g), 0);
	assert_int_equal(g.nwarnings, 1);
	assert_non_null(strstr(g.warnings[0], "bomb.xml:"));
	assert_non_null(strstr(g.warnings[0], "an entity bomb?"));
	got_free(&g);
	assert_int_equal(read_feed("ext.xml", external, &g), 0);
	assert_int_equal(g.nwarnings, 1);
	assert_non_null(strstr(g.warnings[0], "declares entities"));
	got_free(&g);
	assert_int_equal(read_feed("cut.rss", truncated, &g), 0);
	assert_int_equal(g.nwarnings, 1);
	assert_non_null(strstr(g.warnings[0], "cut.rss:1:"));
	assert_null(strchr(g.warnings[0], '\n'));
	got_free(&g);
	assert_int_equal(read_feed("e.rss", empty, &g), 0);
	assert_string_equal(g.warnings[0], "e.rss: the feed has no items");
	got_free(&g);
	assert_int_equal(read_feed("n.rss", nochannel, &g), 0);
	assert_string_equal(g.warnings[0], "n.rss: not a feed (no RSS "
	    "channel or Atom feed in it)");
	got_free(&g);
	/* libxml2 quotes the feed's bytes in its messages: sanitised (the
	 * fuzzer's first find). */
	xml = testlib_read(testlib_srcfile(
	    "tests/fuzz/seeds/feed/bad-utf8-in-error"), NULL);
	assert_non_null(xml);
	assert_int_equal(read_feed("u.rss", xml, &g), 0);
	assert_int_equal(g.nwarnings, 1);
	assert_true(text_is_clean(g.warnings[0], strlen(g.warnings[0])));
	got_free(&g);
	free(xml);
	/* 100,000 deep: libxml2's depth bound, one message, no crash. */
	strbuf_addstr(&deep, "<feed><title>D</title><entry><title>");
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&deep, "<a>");
	assert_int_equal(read_feed("deep.atom", deep.data, &g), 0);
	assert_int_equal(g.nwarnings, 1);
	assert_non_null(strstr(g.warnings[0], "deep.atom:1:"));
	assert_non_null(strstr(g.warnings[0], "nested too deeply"));
	got_free(&g);
	strbuf_free(&deep);
}

static void
test_sniff(void **state)
{
	static const char *const feeds[] = {
		"<rss version=\"2.0\">",
		"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<feed xmlns=\"x\">",
		"<!-- c --><?xml-stylesheet href=\"a\"?>\n<rdf:RDF>",
		"<!DOCTYPE rss [<!ENTITY a \"<b>\">]><rss>",
		"<RDF>",
	};
	static const char *const others[] = {
		"<html><body>", "<!DOCTYPE html><html>", "plain text",
		"<rssx>", "<feeds>", "<?xml version=\"1.0\"?><svg>", "<", "",
		"<!-- never closed", "<x:RDFa>",
	};
	size_t i;

	for (i = 0; i < sizeof feeds / sizeof *feeds; i++) {
		if (!feed_sniff(feeds[i], strlen(feeds[i])))
			fail_msg("not taken as a feed: %s", feeds[i]);
	}
	for (i = 0; i < sizeof others / sizeof *others; i++) {
		if (feed_sniff(others[i], strlen(others[i])))
			fail_msg("taken as a feed: %s", others[i]);
	}
}

/* A file newsboat saved (its blank lines are one space): its header is
 * metadata, its link markers and links list are out. */
static void
test_saved_article(void **state)
{
	static const char saved[] =
	    "Feed: Harbour Gazette\n"
	    "Title: Port strike ends after nine hours of talks between the\n"
	    "union and the port authority\n"
	    "Author: Ana Ruiz\n"
	    "Date: Sun, 06 Dec 2026 05:31:00 +0100\n"
	    "Link: https://gazette.example/2026/12/06/port-strike-ends-after-\n"
	    "talks\n"
	    "Flags: N\n"
	    " \n"
	    "The union said[1] on Sunday that the strike had ended. Talks \n"
	    "lasted nine hours.\n"
	    " \n"
	    "[image 2: The quay] A second [3] paragraph[3].\n"
	    " \n"
	    "Links: \n"
	    "[1]: https://gazette.example/union (link)\n"
	    "[2]: https://gazette.example/photo.jpg (image)\n"
	    "[3]: https://gazette.example/more (link)\n";
	static const char not_saved[] =
	    "Title: a line that looks like a key\n\nBody text here.\n";
	struct document *doc;
	char *cause;

	assert_int_equal(document_load_buffer("saved.txt", saved,
	    strlen(saved), &doc, &cause), 0);
	assert_string_equal(doc->outlet, "Harbour Gazette");
	assert_string_equal(doc->title, "Port strike ends after nine hours of "
	    "talks between the union and the port authority");
	assert_string_equal(doc->author, "Ana Ruiz");
	assert_string_equal(doc->date, "2026-12-06T04:31:00Z");
	assert_string_equal(doc->url,
	    "https://gazette.example/2026/12/06/port-strike-ends-after-talks");
	/* newsboat's link markers go; a bracket after a space is the
	 * text's own. */
	assert_sentences(doc, "The union said on Sunday that the strike had "
	    "ended. | Talks lasted nine hours. | A second [3] paragraph.");
	document_free(doc);
	/* One key alone is not newsboat's header. */
	assert_int_equal(document_load_buffer("n.txt", not_saved,
	    strlen(not_saved), &doc, &cause), 0);
	assert_string_equal(doc->outlet, "n");
	assert_null(doc->url);
	document_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_rss1),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_sanitised),
		cmocka_unit_test(test_bad_feeds),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_saved_article),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
