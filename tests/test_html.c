/*
 * test_html: HTML pages and fragments as sources: the article kept and
 * the clutter left out, metadata, headings, charsets, content sniffing
 * and hostile markup.
 */
#include "testlib.h"

#include "charset.h"
#include "document.h"
#include "draft.h"
#include "html.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static struct document *
load_html(const char *html)
{
	struct document *doc = NULL;
	char *cause = NULL;

	if (document_load_buffer("page.html", html, strlen(html), &doc,
	    &cause) != 0)
		fail_msg("%s", cause);
	return doc;
}

/* Every sentence's text, a paragraph a line, headings marked "# ". */
static char *
body_of(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		const struct sentence *s = &doc->sentences[i];

		if (i == 0 || s->paragraph != doc->sentences[i - 1].paragraph) {
			if (i != 0)
				strbuf_addch(&sb, '\n');
			if (s->heading)
				strbuf_addstr(&sb, "# ");
		} else
			strbuf_addch(&sb, ' ');
		strbuf_add(&sb, s->text, s->len);
	}
	strbuf_addch(&sb, '\0');
	return strbuf_detach(&sb);
}

/* Prose long enough to be an article. */
#define PROSE1 "The council voted on Tuesday to close the old bridge to " \
	"lorries, after engineers found cracks in two of its piers, and " \
	"said repairs would take most of the year."
#define PROSE2 "Residents of the east bank, who cross it every day, said " \
	"the detour would add twenty minutes to each trip, and shops near " \
	"the bridge fear losing trade."
#define PROSE3 "The mayor said a temporary footbridge would open in May, " \
	"paid for from the council's reserves, while the repairs go on."
#define PROSE4 "Engineers will inspect the other two bridges over the " \
	"river next month, the council said, and publish their report."

static const char page[] =
    "<!DOCTYPE html><html><head><title>Bridge closes to lorries | The "
    "Valley Times</title>"
    "<meta property=\"og:site_name\" content=\"The Valley Times\">"
    "<meta name=\"author\" content=\"Meta Author\">"
    "<link rel=\"canonical\" href=\"https://valley.example/news/bridge\">"
    "<script type=\"application/ld+json\">{\"@context\":"
    "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":"
    "\"x\"},{\"@type\":[\"NewsArticle\"],\"headline\":\"Bridge closes "
    "to lorries\",\"datePublished\":\"2024-03-05T09:30:00Z\",\"author\":"
    "[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"name\":\"Bo "
    "Chan\"}],\"publisher\":{\"name\":\"Valley Media\"}}]}</script>"
    "<style>p { color: red }</style></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport"
    "</a></nav>"
    "<div class=\"sidebar\"><p>Most read: a long list of other stories "
    "that nobody came here for, with commas, and more commas.</p></div>"
    "<article><h1>Bridge closes to lorries</h1>"
    "<p>" PROSE1 "</p><script>document.write('tracking')</script>"
    "<figure><img src=a.jpg><figcaption>The bridge, seen from the east "
    "bank. Photo: J. Smith</figcaption></figure>"
    "<h2>Detour</h2><p>" PROSE2 "</p>"
    "<div class=\"share-tools\"><a href=#>Share on Facebook</a></div>"
    "<p>" PROSE3 "</p><p>" PROSE4 "</p></article>"
    "<footer><p>Copyright 2024 The Valley Times, all rights reserved, "
    "and more words to look like prose.</p></footer></body></html>";

static void
test_page(void **state)
{
	struct document *doc = load_html(page);
	char *body = body_of(doc);

	assert_string_equal(doc->title, "Bridge closes to lorries");
	assert_string_equal(doc->outlet, "The Valley Times");
	assert_string_equal(doc->date, "2024-03-05T09:30:00Z");
	assert_string_equal(doc->author, "Ann Lee, Bo Chan");
	assert_string_equal(doc->url, "https://valley.example/news/bridge");
	assert_string_equal(body, PROSE1 "\n# Detour\n" PROSE2 "\n" PROSE3
	    "\n" PROSE4);
	free(body);
	document_free(doc);
}

static void
test_outlet_fallbacks(void **state)
{
	struct document *doc;

	/* No site name: the publisher, else the domain. */
	doc = load_html("<html><head><script type=application/ld+json>"
	    "{\"@type\":\"Article\",\"publisher\":{\"name\":\"Pub Co\"},"
	    "\"headline\":\"Caf&eacute; &#163;5 &amp;c &#x1b;[2J &bogus;\"}"
	    "</script></head><body><p>" PROSE1 "</p></body></html>");
	assert_string_equal(doc->outlet, "Pub Co");
	/* JSON-LD escaped as HTML, an escape sequence among it. */
	assert_string_equal(doc->title, "Caf\xc3\xa9 \xc2\xa3" "5 &c "
	    "\xe2\x90\x9b[2J &bogus;");
	document_free(doc);
	doc = load_html("<html><head><meta property=og:url content="
	    "\"https://www.news.example/a/b\"></head><body><p>" PROSE1
	    "</p></body></html>");
	assert_string_equal(doc->outlet, "news.example");
	assert_string_equal(doc->url, "https://www.news.example/a/b");
	document_free(doc);
	/* No metadata at all: the file's name, as for text. */
	doc = load_html("<html><body><p>" PROSE1 "</p></body></html>");
	assert_string_equal(doc->outlet, "page");
	assert_null(doc->title);
	document_free(doc);
}

static void
test_fragment(void **state)
{
	static const char frag[] = "<p>First <b>bold</b> words.</p>"
	    "<script>x()</script><img src=a.png alt=\"Alt text\">"
	    "<ul><li>one</li><li>two</li></ul><h3>Sub</h3>Tail text";
	struct draft d;
	char *cause = NULL;

	draft_init(&d);
	assert_int_equal(html_extract("item", frag, strlen(frag), NULL,
	    HTML_FRAGMENT, &d, &cause), 0);
	assert_string_equal(d.text.data,
	    "First bold words.\none\ntwo\nSub\nTail text\n");
	assert_int_equal(d.nparas, 5);
	assert_true(d.paras[3].heading);
	assert_false(d.paras[0].heading);
	assert_null(d.title);
	draft_free(&d);
}

static void
test_no_article(void **state)
{
	static const char nav[] = "<html><body><nav><ul><li><a href=/a>Home"
	    "</a></li><li><a href=/b>World news and more</a></li></ul></nav>"
	    "<div class=menu><a href=/c>Sport</a> <a href=/d>Weather</a>"
	    "</div></body></html>";
	struct document *doc = NULL;
	char *cause = NULL;

	assert_int_equal(document_load_buffer("nav.html", nav, strlen(nav),
	    &doc, &cause), -1);
	assert_null(doc);
	assert_string_equal(cause, "nav.html: no article found (no prose in "
	    "the page, only navigation and the like)");
	free(cause);
}

static void
test_charsets(void **state)
{
	struct document *doc;
	size_t n;
	char *s;
	const char *used;

	/* windows-1252 by <meta charset>: 0x92 is a right single quote. */
	doc = load_html("<html><head><meta charset=\"windows-1252\"></head>"
	    "<body><p>It\x92s " PROSE1 "</p></body></html>");
	assert_non_null(strstr(doc->sentences[0].text, "It\xe2\x80\x99s"));
	document_free(doc);
	/* ISO-8859-1 by http-equiv is read as windows-1252, as browsers do. */
	doc = load_html("<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=ISO-8859-1\"></head><body><p>"
	    "Caf\xe9 \x93quoted\x94 " PROSE1 "</p></body></html>");
	assert_non_null(strstr(doc->sentences[0].text,
	    "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d"));
	document_free(doc);
	/* Undeclared and not UTF-8: windows-1252, never U+FFFD. */
	s = charset_decode("don\x92t", 6, NULL, &n, &used);
	assert_string_equal(s, "don\xe2\x80\x99t");
	assert_string_equal(used, "WINDOWS-1252");
	free(s);
	/* A declaration that lies: UTF-8 bytes under a latin-1 label. */
	s = charset_decode("<meta charset=latin1>caf\xc3\xa9", 26, NULL, &n,
	    &used);
	assert_string_equal(s + 21, "caf\xc3\xa9");
	free(s);
	/* Declared UTF-8 but not: windows-1252. */
	s = charset_decode("caf\xe9", 4, "UTF-8", &n, &used);
	assert_string_equal(s, "caf\xc3\xa9");
	free(s);
	/* The transport's declaration wins over the page's. */
	s = charset_decode("<meta charset=utf-8>\xa4", 21, "ISO-8859-15", &n,
	    &used);
	assert_string_equal(s + 20, "\xe2\x82\xac");
	free(s);
	/* The XML declaration. */
	{
		static const char xml[] = "<?xml version=\"1.0\" encoding="
		    "'ISO-8859-15'?><html>";
		char name[CHARSET_NAME_MAX + 1];

		assert_non_null(charset_declared(xml, sizeof xml - 1, name));
		assert_string_equal(name, "iso-8859-15");
	}
	/* UTF-16 with a byte order mark, little-endian. */
	{
		static const char html16[] = "\xff\xfe<\0p\0>\0H\0i\0 \0"
		    "\x19\x20\0\0";
		s = charset_decode(html16, sizeof html16 - 3, NULL, &n, &used);
		assert_string_equal(s, "<p>Hi \xe2\x80\x99");
		free(s);
		assert_true(html_sniff("\xff\xfe<\0h\0t\0m\0l\0>\0", 14));
	}
}

#define SNIFF(s) html_sniff(s, sizeof s - 1)

static void
test_sniff(void **state)
{
	struct document *doc;

	assert_true(SNIFF("\xef\xbb\xbf  <!-- x --><!DOCTYPE HTML>"));
	assert_true(SNIFF("<?xml version=\"1.0\"?>\n<html xmlns=x>"));
	assert_true(SNIFF("<HEAD><title>x</title>"));
	assert_false(SNIFF("Text that mentions <html> tags."));
	assert_false(SNIFF("<!-- unterminated"));
	/* Content decides, whatever the name. */
	{
		struct document *d = NULL;
		char *cause = NULL;
		static const char html[] = "<!doctype html><title>Sniffed "
		    "title here</title><p>" PROSE1 "</p>";

		assert_int_equal(document_load_buffer("saved.txt", html,
		    strlen(html), &d, &cause), 0);
		assert_string_equal(d->title, "Sniffed title here");
		assert_string_equal(d->sentences[0].text,
		    "The council voted on Tuesday to close the old bridge to "
		    "lorries, after engineers found cracks in two of its "
		    "piers, and said repairs would take most of the year.");
		document_free(d);
	}
	/* Text that merely mentions markup stays text. */
	{
		static const char text[] = "Use <b>bold</b> sparingly.";
		char *cause = NULL;

		assert_int_equal(document_load_buffer("notes.txt", text,
		    strlen(text), &doc, &cause), 0);
		assert_string_equal(doc->sentences[0].text, text);
		document_free(doc);
	}
}

static void
test_hostile(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct document *doc = NULL;
	char *cause = NULL;
	size_t i;
	int rc;

	/* Escapes, controls and bidi overrides through entities. */
	doc = load_html("<html><head><title>T&#27;[31mitle&#x202e;</title>"
	    "</head><body><p>Red &#x1b;[31mtext&#x9b;2J and &#8238;bidi "
	    "and &#0; nul, " PROSE1 "</p></body></html>");
	assert_null(strchr(doc->title, '\x1b'));
	assert_null(strstr(doc->title, "\xe2\x80\xae"));
	assert_null(strchr(doc->sentences[0].text, '\x1b'));
	assert_null(strstr(doc->sentences[0].text, "\xc2\x9b"));
	assert_null(strstr(doc->sentences[0].text, "\xe2\x80\xae"));
	document_free(doc);
	/* 100,000 nested elements, then the article. */
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "<div>");
	strbuf_addstr(&sb, "<p>" PROSE1 "</p>");
	rc = document_load_buffer("deep.html", sb.data, sb.len, &doc, &cause);
	assert_true(rc == 0 || strncmp(cause, "deep.html: ", 11) == 0);
	document_free(doc);
	free(cause);
	cause = NULL;
	doc = NULL;
	/* Truncated markup. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<html><body><p>" PROSE1 "</p><p>" PROSE2
	    "<a href=\"x");
	assert_int_equal(document_load_buffer("cut.html", sb.data, sb.len,
	    &doc, &cause), 0);
	assert_true(doc->nsentences >= 2);
	document_free(doc);
	strbuf_free(&sb);
}

/* What draft_add keeps of S, folded byte by byte: white space runs
 * (ASCII and U+00A0) are one space, none at either end. */
static char *
fold_by_hand(const char *s, size_t len, size_t *n)
{
	char *out = xmalloc(len + 1), *clean;
	size_t i, k = 0;
	bool space = false;

	for (i = 0; i < len; i++) {
		if (strchr(" \t\n\r\f\v", s[i]) != NULL && s[i] != '\0') {
			space = k > 0;
			continue;
		}
		if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0) {
			space = k > 0;
			i++;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = s[i];
	}
	clean = text_sanitize(out, k, n);
	free(out);
	/* Sanitising may leave a space at an end (a byte order mark gone). */
	for (i = 0; i < *n && clean[i] == ' '; i++)
		;
	memmove(clean, clean + i, *n - i);
	*n -= i;
	while (*n > 0 && clean[*n - 1] == ' ')
		(*n)--;
	if (*n == 0) {
		free(clean);
		return NULL;
	}
	return clean;
}

/*
 * A paragraph with nothing to fold skips the byte-by-byte loop, eight
 * bytes at a time: every mix of words, single and double spaces, tabs,
 * line breaks, NBSP, a lone 0xc2 and control bytes, at every offset
 * against the eight-byte words, is kept as folding by hand keeps it.
 */
static void
test_draft_folding(void **state)
{
	static const char *const pieces[] = { "a", "bc", "d\xc3\xa9" "f", " ",
	    "  ", "\t", "\n", "\xc2\xa0", "\xc2", "\x01", "\xef\xbb\xbf",
	    "ghijklm" };
	const size_t npieces = sizeof pieces / sizeof *pieces;
	struct strbuf sb = STRBUF_INIT;
	struct draft d;
	uint32_t seed = 1;
	size_t round, j, count, n;
	char *want;

	for (round = 0; round < 20000; round++) {
		strbuf_reset(&sb);
		count = round % 23;
		for (j = 0; j < count; j++) {
			seed = seed * 1103515245u + 12345u;
			/* Mostly words and single spaces, as in prose. */
			strbuf_addstr(&sb, pieces[(seed >> 16) % 4 == 0 ?
			    (seed >> 8) % npieces : (j % 2 == 0 ? (seed >> 20) % 3 :
			    3)]);
		}
		draft_init(&d);
		draft_add(&d, sb.data != NULL ? sb.data : "", sb.len, false);
		want = fold_by_hand(sb.data != NULL ? sb.data : "", sb.len, &n);
		if (want == NULL) {
			assert_int_equal(d.nparas, 0);
		} else {
			assert_int_equal(d.nparas, 1);
			if (d.paras[0].end - d.paras[0].start != n ||
			    memcmp(d.text.data + d.paras[0].start, want, n) != 0)
				fail_msg("round %zu: \"%.*s\" kept as \"%.*s\", "
				    "not \"%s\"", round, (int)sb.len, sb.data,
				    (int)(d.paras[0].end - d.paras[0].start),
				    d.text.data + d.paras[0].start, want);
		}
		free(want);
		draft_free(&d);
	}
	strbuf_free(&sb);
}

/* Script bodies are never prose, and a comment that mentions a script
 * does not swallow the prose after it (htmltok's own cases are in
 * test_htmltree). */
static void
test_raw_bodies(void **state)
{
	struct document *doc;
	char *body;

	/* A comment that mentions a script does not swallow the prose. */
	doc = load_html("<html><body><!-- <script> --><p>" PROSE1 "</p>"
	    "<script>document.write('" PROSE2 "')</script><p>" PROSE3
	    "</p></body></html>");
	body = body_of(doc);
	assert_string_equal(body, PROSE1 "\n" PROSE3);
	free(body);
	document_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_outlet_fallbacks),
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_no_article),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_raw_bodies),
		cmocka_unit_test(test_draft_folding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
