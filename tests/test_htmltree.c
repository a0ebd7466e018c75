/*
 * test_htmltree: our HTML tokenizer (htmltok) and the tree it builds by
 * libxml2 2.9.14's rules (htmltree): tags, attributes, references, raw
 * bodies, implied and misnested elements, as libxml2 read them (its
 * xmllint --html gave the trees below) except where htmltok.c says.
 */
#include "testlib.h"

#include "htmltok.h"
#include "htmltree.h"
#include "strbuf.h"

static const char *const tag_names[] = {
#define TAG_NAME(name) #name,
	HTMLTREE_TAGS(TAG_NAME)
#undef TAG_NAME
};

/* HTML's tokens, one "|" apart: "<name a=v b>" (a "/" before the '>'
 * when self-closing), "</name>", text as it is, a raw body as "R:...". */
static char *
tokens_of(const char *html, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	struct htmltok z;
	size_t i;

	strbuf_addstr(&sb, "");
	htmltok_init(&z, html, len);
	while (htmltok_next(&z) != HTMLTOK_EOF) {
		if (sb.len > 0)
			strbuf_addch(&sb, '|');
		switch (z.kind) {
		case HTMLTOK_START:
			strbuf_addf(&sb, "<%s", z.name);
			for (i = 0; z.atts[i] != NULL; i += 2) {
				strbuf_addf(&sb, " %s", z.atts[i]);
				if (z.atts[i + 1] != NULL)
					strbuf_addf(&sb, "=%s", z.atts[i + 1]);
			}
			strbuf_addstr(&sb, z.self_closing ? "/>" : ">");
			break;
		case HTMLTOK_END:
			strbuf_addf(&sb, "</%s>", z.name);
			break;
		case HTMLTOK_RAW:
			strbuf_addstr(&sb, "R:");
			/* FALLTHROUGH */
		default:
			strbuf_add(&sb, z.text, z.len);
			break;
		}
	}
	htmltok_free(&z);
	return strbuf_detach(&sb);
}

static void
test_tokens(void **state)
{
	static const char *const cases[][2] = {
		{ "<p>a</p><script>var x = \"<p>no</p>\";</script><p>b</p>",
		  "<p>|a|</p>|<script>|R:var x = \"<p>no</p>\";|</script>|"
		  "<p>|b|</p>" },
		{ "<STYLE type=text/css>p { color: red }</Style >x",
		  "<style type=text/css>|R:p { color: red }|</style>|x" },
		{ "<script type=\"application/ld+json\">{\"a\": \"&amp;\"}"
		  "</script>",
		  "<script type=application/ld+json>|R:{\"a\": \"&amp;\"}|"
		  "</script>" },
		{ "<!-- <script> --><p>kept</p>", "<p>|kept|</p>" },
		{ "<a title=\"<script>\">x</a><p>y</p>",
		  "<a title=<script>>|x|</a>|<p>|y|</p>" },
		{ "<a title='x>y <style>' href=z>t</a>",
		  "<a title=x>y <style> href=z>|t|</a>" },
		/* A raw body ends at "</" and its name, as libxml2 ends it. */
		{ "<script>if (a </scrip) b()</SCRIPTx>tail",
		  "<script>|R:if (a </scrip) b()|</scriptx>|tail" },
		{ "<scripts>text</scripts>", "<scripts>|text|</scripts>" },
		{ "<p>a < b</p></script><script", "<p>|a < b|</p>|</script>|"
		  "<script>" },
		{ "<script src=x.js>unclosed", "<script src=x.js>|R:unclosed" },
		{ "<script src=\"x.js\"/><p>a", "<script src=x.js/>|<p>|a" },
		/* An unquoted value ends at '>' or a blank only. */
		{ "<script src=x.js/><p>a", "<script src=x.js/>|R:<p>a" },
		{ "<!-- unclosed <script>x", "" },
		/* Attributes: names in lower case, the first value wins,
		 * unquoted values, no value, and junk skipped. */
		{ "<input Disabled value=a&amp;b id=\"x\" ID=y data-x='q&quot;'"
		  " @click=z  c = \"d\">",
		  "<input disabled value=a&b id=x data-x=q\" c=d>" },
		{ "<a href=x/>t", "<a href=x/>|t" },
		{ "<a\nhref=x\tclass=y\r\n>t", "<a href=x class=y>|t" },
		{ "<br/>x<div/>y", "<br/>|x|<div/>|y" },
		/* References: a name needs its ';', a number does not. */
		{ "x &amp &lt; &#65 &#x42; &foo; &#0; &#146; &hellip; &#; &#xZ",
		  "x &amp < A B &foo;  \xe2\x80\x99 \xe2\x80\xa6 &#; &#xZ" },
		/* <title> and <textarea>: text without tags, references
		 * decoded; <noscript>: raw. */
		{ "<title>a <b>c</b> &amp;</title>",
		  "<title>|a <b>c</b> &|</title>" },
		{ "<textarea><p>x</textarea>y", "<textarea>|<p>x|</textarea>|y" },
		{ "<noscript><img src=a></noscript>b",
		  "<noscript>|R:<img src=a>|</noscript>|b" },
		/* Declarations, instructions and junk after "</" are
		 * skipped; a '<' that starts no markup is text. */
		{ "<!DOCTYPE html><?xml x?><![CDATA[c]]>d</ x>e",
		  "d|e" },
		{ "1 < 2 <3 <", "1 < 2 <3 <" },
		{ "</p foo=\"bar\">x", "</p>|x" },
		{ "<p", "<p>" },
		{ "<a href=\"x", "<a href=x>" },
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = tokens_of(cases[i][0], strlen(cases[i][0]));
		if (strcmp(got, cases[i][1]) != 0)
			fail_msg("\"%s\" read as \"%s\", not \"%s\"",
			    cases[i][0], got, cases[i][1]);
		free(got);
	}
	/* A NUL byte is a space. */
	got = tokens_of("<p>a\0b</p>", 10);
	assert_string_equal(got, "<p>|a b|</p>");
	free(got);
}

/* The tree under node I: "name(children)", text as it is. */
static void
tree_add(const struct htmltree *t, uint32_t i, struct strbuf *sb)
{
	const struct htmltree_node *n = &t->nodes[i];
	uint32_t c;

	if (n->tag == HTMLTREE_TAG_TEXT) {
		strbuf_add(sb, htmltree_str(t, i), n->len);
		return;
	}
	strbuf_addstr(sb, n->tag == HTMLTREE_TAG_OTHER ? "?" :
	    tag_names[n->tag - HTMLTREE_TAG_a]);
	if (n->child == 0)
		return;
	strbuf_addch(sb, '(');
	for (c = n->child; c != 0; c = t->nodes[c].next) {
		if (c != n->child)
			strbuf_addch(sb, ' ');
		tree_add(t, c, sb);
	}
	strbuf_addch(sb, ')');
}

static char *
tree_of(const char *html)
{
	struct strbuf sb = STRBUF_INIT;
	struct htmltree t;
	uint32_t c;

	strbuf_addstr(&sb, "");
	htmltree_parse(&t, html, strlen(html), NULL);
	for (c = t.nodes[0].child; c != 0; c = t.nodes[c].next) {
		if (sb.len > 0)
			strbuf_addch(&sb, ' ');
		tree_add(&t, c, &sb);
	}
	htmltree_free(&t);
	return strbuf_detach(&sb);
}

static void
test_tree(void **state)
{
	static const char *const cases[][2] = {
		{ "<p>a<div>b</div>", "html(body(p(a) div(b)))" },
		{ "<table><tr><td>a<td>b</table>",
		  "html(body(table(tr(td(a) td(b)))))" },
		{ "<ul><li>a<li>b</ul>", "html(body(ul(li(a) li(b))))" },
		{ "<dl><dt>a<dd>b<dt>c</dl>", "html(body(dl(dt(a) dd(b) dt(c))))" },
		{ "<select><option>a<option>b</select>",
		  "html(body(select(option(a) option(b))))" },
		{ "<p>a<p>b<h2>c</h2>", "html(body(p(a) p(b) h2(c)))" },
		{ "hello <b>x", "html(body(p(hello  b(x))))" },
		{ "<p>a</div>b</p>", "html(body(p(ab)))" },
		{ "<div><p>a</span>b</div>c", "html(body(div(p(ab)) c))" },
		/* A misplaced end tag does not close past an element that
		 * outranks it. */
		{ "<div><table><tr><td>x</div>y</td></tr></table>z</div>",
		  "html(body(div(table(tr(td(xy))) z)))" },
		{ "<html><head><title>t</title></head><body>a</body></html>"
		  "tail", "html(head(title(t)) body(a)) html(p(tail))" },
		{ "<head><noscript><link></noscript><meta name=a content=b>"
		  "</head><body class=z>x",
		  "html(head(noscript meta) body(x))" },
		{ "<title>t</title><p>x", "html(head(title(t)) body(p(x)))" },
		{ "<body><body><p>x</body></body>y", "html(body(p(x)) p(y))" },
		/* Void elements, HTML 5's too: libxml2 2.9.14 put what
		 * follows an <embed>, <source> or <wbr> inside it. */
		{ "<div><img src=a>x<br>y<embed src=b>z<wbr>w</div>",
		  "html(body(div(img x br y embed z wbr w)))" },
		{ "<div/>x<span/>y", "html(body(div x span y))" },
		{ "<custom-el>a<custom-el>b</custom-el>c</custom-el>d",
		  "html(body(?(a ?(b) c) d))" },
	};
	struct strbuf sb = STRBUF_INIT;
	struct htmltree t;
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = tree_of(cases[i][0]);
		if (strcmp(got, cases[i][1]) != 0)
			fail_msg("\"%s\" built as \"%s\", not \"%s\"",
			    cases[i][0], got, cases[i][1]);
		free(got);
	}
	/* 100,000 open elements and 20,000 end tags that close none: the
	 * tree keeps HTMLTREE_MAX_DEPTH levels (<html>, <body>, <div>s),
	 * the text below them goes. */
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "<div>");
	strbuf_addstr(&sb, "x");
	for (i = 0; i < 20000; i++)
		strbuf_addstr(&sb, "</table>");
	assert_int_equal(htmltree_parse(&t, sb.data, sb.len, NULL), 0);
	assert_int_equal(t.n, 1 + HTMLTREE_MAX_DEPTH);
	htmltree_free(&t);
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
