#include "config.h"

#include <dirent.h>

#include "testlib.h"

#include "invariants.h"

#include "problems.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yamltree.h"

/* Parses TEXT; NULL with *errors set, or the tree. */
static struct yamltree *
parse(const char *text, unsigned flags, char **errors)
{
	struct problems pr = PROBLEMS_INIT("t.yaml");
	struct yamltree *tree;

	tree = yamltree_parse(text, strlen(text), flags, &pr);
	*errors = pr.n != 0 ? problems_format(&pr) : NULL;
	assert_true((tree == NULL) == (pr.n == 1));
	problems_free(&pr);
	return tree;
}

static void
expect_refused(const char *text, const char *want)
{
	char *errors = NULL;

	assert_null(parse(text, 0, &errors));
	assert_non_null(errors);
	if (strcmp(errors, want) != 0)
		fail_msg("got:\n%swant:\n%s", errors, want);
	free(errors);
}

/* The text of node N's byte span. */
static void
expect_span(const char *text, const struct ynode *n, const char *want)
{
	char *got = xstrndup(text + n->start, n->end - n->start);

	if (strcmp(got, want) != 0)
		fail_msg("span '%s', want '%s'", got, want);
	free(got);
}

static void
test_positions(void **state)
{
	/* A BOM and two-byte characters: columns count characters, spans
	 * bytes. */
	const char *text = "\xef\xbb\xbf" "a: \xc3\xa9t\xc3\xa9\n"
	    "b: [x, \"\xc3\xbf\"]\n"
	    "c:\n  - {k: v}\n  - w\n";
	const struct ynode *root, *b, *c;
	struct yamltree *tree;
	char *errors = NULL;

	(void)state;
	assert_non_null(tree = parse(text, 0, &errors));
	root = yamltree_root(tree);
	assert_int_equal(root->kind, YNODE_MAPPING);
	assert_false(root->flow);
	assert_int_equal(root->nkids, 6);
	assert_string_equal(root->kids[1]->value, "\xc3\xa9t\xc3\xa9");
	assert_int_equal(root->kids[1]->line, 1);
	assert_int_equal(root->kids[1]->column, 4);
	expect_span(text, root->kids[1], "\xc3\xa9t\xc3\xa9");
	b = root->kids[3];
	assert_int_equal(b->kind, YNODE_SEQUENCE);
	assert_true(b->flow);
	expect_span(text, b, "[x, \"\xc3\xbf\"]");
	assert_true(b->kids[0]->plain);
	assert_false(b->kids[1]->plain);
	assert_int_equal(b->kids[1]->column, 8);
	expect_span(text, b->kids[1], "\"\xc3\xbf\"");
	c = root->kids[5];
	assert_int_equal(c->line, 4);
	assert_int_equal(c->column, 3);
	assert_true(c->kids[0]->flow);
	expect_span(text, c->kids[0], "{k: v}");
	expect_span(text, c->kids[1], "w");
	yamltree_free(tree);
}

static void
test_aliases(void **state)
{
	const char *text = "a: &x [1, 2]\nb: *x\n";
	const struct ynode *root;
	struct yamltree *tree;
	char *errors = NULL;

	(void)state;
	/* A loader reads through an alias... */
	assert_non_null(tree = parse(text, 0, &errors));
	root = yamltree_root(tree);
	assert_ptr_equal(root->kids[3], root->kids[1]);
	yamltree_free(tree);
	/* ...an editor sees it where it is written. */
	assert_non_null(tree = parse(text, YAMLTREE_KEEP_ALIASES, &errors));
	root = yamltree_root(tree);
	assert_int_equal(root->kids[3]->kind, YNODE_ALIAS);
	assert_ptr_equal(root->kids[3]->target, root->kids[1]);
	expect_span(text, root->kids[3], "*x");
	assert_string_equal(yamltree_kind_name(root->kids[3]), "an alias");
	yamltree_free(tree);
	expect_refused("a: *nope\n", "t.yaml:1:4: unknown alias '*nope'\n");
	/* A collection is no target inside itself. */
	expect_refused("a: &s [*s]\n", "t.yaml:1:8: unknown alias '*s'\n");
}

/*
 * TEXT read by the plain block reader and by libyaml: the same tree, or
 * the same refusal.  Returns whether the plain reader took it.
 */
static bool
expect_same_as_libyaml(const char *text, size_t len)
{
	struct problems p1 = PROBLEMS_INIT("t.yaml");
	struct problems p2 = PROBLEMS_INIT("t.yaml");
	struct yamltree *a = yamltree_parse(text, len, 0, &p1);
	struct yamltree *b = yamltree_parse(text, len, YAMLTREE_LIBYAML, &p2);
	const char *why;
	bool fast = a != NULL && yamltree_read_fast(a);

	assert_true((a == NULL) == (b == NULL));
	if (a != NULL && (why = inv_yamltree_same(yamltree_root(a),
	    yamltree_root(b))) != NULL)
		fail_msg("%s in:\n%.*s", why, (int)len, text);
	assert_false(b != NULL && yamltree_read_fast(b));
	yamltree_free(a);
	yamltree_free(b);
	problems_free(&p1);
	problems_free(&p2);
	return fast;
}

static void
test_plain_reader(void **state)
{
	/* Every construct the plain reader takes: comments, quotes, empty
	 * values, indentless and nested sequences, two-byte characters. */
	static const char text[] =
	    "version: 1   # the only one\n"
	    "# a comment line\n"
	    "topics:\n"
	    "- id: a-1\n"
	    "  label: 'it''s \"x\"'\n"
	    "  color:\n"
	    "  keywords:   # why\n"
	    "  - one  two  \n"
	    "  -   \"#MeToo\"\n"
	    "  - \xc3\xa9t\xc3\xa9 9/11 U.S. a:b a#b ~\n"
	    "  exclude:\n"
	    "      - x y\n"
	    "\n"
	    "  topics:\n"
	    "    -   id: b\n"
	    "        label: B\n"
	    "        match-case:\n"
	    "- id: c\n"
	    "  more:\n"
	    "    k: v\n"
	    "    k2:";
	char buf[sizeof text];
	static const char edits[] = " -:#\n'\"[&*!|>\t\r";
	size_t i, n = sizeof text - 1, fast = 0, tried = 0;
	const char *c;

	(void)state;
	assert_true(expect_same_as_libyaml(text, n));
	/* Each byte replaced, removed, or the text cut there: whatever the
	 * plain reader still takes, it reads as libyaml does. */
	for (i = 0; i < n; i++) {
		memcpy(buf, text, n);
		for (c = edits; *c != '\0'; c++) {
			buf[i] = *c;
			fast += expect_same_as_libyaml(buf, n);
			tried++;
		}
		memcpy(buf, text, i);
		memcpy(buf + i, text + i + 1, n - i - 1);
		fast += expect_same_as_libyaml(buf, n - 1);
		fast += expect_same_as_libyaml(text, i);
		tried += 2;
	}
	/* Both readers were exercised. */
	assert_true(fast > tried / 10 && fast < tried);
}

/* The bundled taxonomy and the test ones are what the plain reader is for. */
static void
test_plain_reader_files(void **state)
{
	static const char *const files[] = {
		"config/taxonomy.yaml", "tests/tui/taxonomy.yaml",
		"tests/fuzz/seeds/taxonomy/nested.yaml"
	};
	const char *suite = testlib_shared("data/yaml-test-suite/cases");
	char path[8192], *text;
	struct dirent *e;
	size_t i, len = 0;
	DIR *dir;

	(void)state;
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		text = testlib_read(testlib_srcfile(files[i]), &len);
		assert_non_null(text);
		if (!expect_same_as_libyaml(text, len) && i == 0)
			fail_msg("%s is not read by the plain reader", files[i]);
		free(text);
	}
	/* The YAML test suite, when ../shared is there: some of its cases
	 * are plain block YAML too. */
	if (suite == NULL || (dir = opendir(suite)) == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", suite, e->d_name);
		text = testlib_read(path, &len);
		assert_non_null(text);
		expect_same_as_libyaml(text, len);
		free(text);
	}
	closedir(dir);
}

static void
test_bounds(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *errors = NULL;
	int i;

	(void)state;
	for (i = 0; i < YAMLTREE_MAX_DEPTH + 1; i++)
		strbuf_addch(&sb, '[');
	assert_null(parse(sb.data, 0, &errors));
	assert_string_equal(errors,
	    "t.yaml:1:65: nested deeper than 64 levels: refused\n");
	free(errors);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "- &a [x, x, x, x, x, x, x, x, x, x]\n");
	for (i = 0; i < 1001; i++)
		strbuf_addstr(&sb, "- [*a, *a, *a]\n");
	assert_null(parse(sb.data, 0, &errors));
	assert_non_null(strstr(errors,
	    "aliases expand to more than 10000 nodes: refused"));
	free(errors);
	strbuf_reset(&sb);
	for (i = 0; i < YAMLTREE_MAX_ANCHORS + 1; i++)
		strbuf_addf(&sb, "- &a%d x\n", i);
	assert_null(parse(sb.data, 0, &errors));
	assert_string_equal(errors,
	    "t.yaml:1001:3: more than 1000 anchors: refused\n");
	free(errors);
	strbuf_free(&sb);
	expect_refused("a: 1\n---\nb: 2\n",
	    "t.yaml:2:1: only one YAML document is allowed\n");
	expect_refused("a: [1\n", "t.yaml:2:1: YAML: did not find expected "
	    "',' or ']' while parsing a flow sequence\n");
}

static void
test_empty_and_null(void **state)
{
	const char *nulls[] = { "", "~", "null", "Null", "NULL" };
	struct yamltree *tree;
	char *errors = NULL, *text;
	size_t i;

	(void)state;
	assert_non_null(tree = parse("# nothing\n", 0, &errors));
	assert_null(yamltree_root(tree));
	yamltree_free(tree);
	for (i = 0; i < sizeof nulls / sizeof *nulls; i++) {
		text = xasprintf("k: %s\n", nulls[i]);
		assert_non_null(tree = parse(text, 0, &errors));
		assert_true(yamltree_is_null(yamltree_root(tree)->kids[1]));
		yamltree_free(tree);
		free(text);
	}
	assert_non_null(tree = parse("k: 'null'\n", 0, &errors));
	assert_false(yamltree_is_null(yamltree_root(tree)->kids[1]));
	yamltree_free(tree);
}

static void
test_check_keys(void **state)
{
	static const char *known[] = { "name", "leaning", NULL };
	const struct ynode *v[2], *k[2];
	struct problems pr = PROBLEMS_INIT("t.yaml");
	struct yamltree *tree;
	char *errors = NULL, *s;
	const char *text = "name: A\nleanign: left\nname: B\n[x]: 1\n"
	    "zzzzzzzz: 2\nleaning: '  '\n";

	(void)state;
	assert_non_null(tree = parse(text, 0, &errors));
	yamltree_check_keys(&pr, yamltree_root(tree), known, v, k);
	assert_string_equal(v[0]->value, "A");
	assert_int_equal(k[0]->line, 1);
	assert_non_null(v[1]);
	s = yamltree_string(&pr, v[0], "'name'");
	assert_string_equal(s, "A");
	free(s);
	assert_null(yamltree_string(&pr, v[1], "'leaning'"));
	errors = problems_format(&pr);
	assert_string_equal(errors,
	    "t.yaml:2:1: unknown key 'leanign' (did you mean 'leaning'?)\n"
	    "t.yaml:3:1: duplicate key 'name' (first at line 1)\n"
	    "t.yaml:4:1: a key must be a plain name, not a list\n"
	    "t.yaml:5:1: unknown key 'zzzzzzzz' (known keys: name, leaning)\n"
	    "t.yaml:6:10: 'leaning' is empty\n");
	free(errors);
	problems_free(&pr);
	yamltree_free(tree);
}

static void
test_problems_cap(void **state)
{
	struct problems pr = PROBLEMS_INIT("f");
	char *text, *q;
	size_t i;

	(void)state;
	for (i = 0; i < PROBLEMS_MAX + 10; i++)
		problems_add(&pr, PROBLEMS_MAX + 10 - i, 1, "p%zu", i);
	assert_int_equal(pr.n, PROBLEMS_MAX + 1);
	text = problems_format(&pr);
	assert_non_null(strstr(text, "f:10:1: too many problems, stopping "
	    "here\n"));
	assert_true(strncmp(text, "f:10:1: too many", 16) == 0);
	free(text);
	problems_free(&pr);
	/* Quoted values stay printable. */
	q = problems_quote("a\x1b[31m\xe2\x80\xae", 9);
	assert_string_equal(q, "'a\\x1b[31m\\u202e'");
	free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_plain_reader),
		cmocka_unit_test(test_plain_reader_files),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_check_keys),
		cmocka_unit_test(test_problems_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
