#include "config.h"

#include "testlib.h"


#include <dirent.h>
#include <regex.h>
#include <time.h>

#include "strbuf.h"
#include "taxonomy.h"

/* Loads TEXT; returns the error text (allocated) or NULL on success. */
static char *
load(const char *text, struct taxonomy **out)
{
	struct taxonomy *tax = NULL;
	char *errors = NULL;
	int rc;

	rc = taxonomy_load_buffer("t.yaml", text, strlen(text), &tax, &errors);
	if (rc == 0) {
		assert_null(errors);
		assert_non_null(tax);
		if (out != NULL)
			*out = tax;
		else
			taxonomy_free(tax);
		return NULL;
	}
	assert_int_equal(rc, -1);
	assert_null(tax);
	assert_non_null(errors);
	return errors;
}

/* TEXT must fail with exactly WANT (every line, in order). */
static void
expect_errors(const char *text, const char *want)
{
	char *got = load(text, NULL);

	if (got == NULL)
		fail_msg("loaded, but want:\n%s", want);
	if (strcmp(got, want) != 0)
		fail_msg("got:\n%swant:\n%s", got, want);
	free(got);
}

static void
test_valid(void **state)
{
	struct taxonomy *tax = NULL;
	const struct topic *t;

	assert_null(load(
	    "# comment\n"
	    "version: 1\n"
	    "topics:\n"
	    "  - id: nato-membership   # x\n"
	    "    label: NATO membership\n"
	    "    color: blue\n"
	    "    keywords:\n"
	    "      - NATO membership\n"
	    "      - join* NATO\n"
	    "    match-case: [NATO]\n"
	    "    exclude: [NATO summit]\n"
	    "    topics:\n"
	    "      - id: article-5\n"
	    "        label: Article 5\n"
	    "        keywords: [Article 5]\n"
	    "  - {id: troops, label: Troops, color: bright-red, keywords: [troop*]}\n",
	    &tax));
	assert_int_equal(tax->version, 1);
	assert_int_equal(tax->ntopics, 3);
	t = &tax->topics[0];
	assert_string_equal(t->id, "nato-membership");
	assert_string_equal(t->label, "NATO membership");
	assert_string_equal(t->color, "blue");
	assert_int_equal(t->nkeywords, 2);
	assert_string_equal(t->keywords[1], "join* NATO");
	assert_int_equal(t->nmatch_case, 1);
	assert_string_equal(t->match_case[0], "NATO");
	assert_int_equal(t->nexclude, 1);
	assert_int_equal(t->parent, TOPIC_NO_PARENT);
	assert_int_equal(t->line, 4);
	assert_int_equal(t->column, 5);
	t = &tax->topics[1];
	assert_string_equal(t->id, "article-5");
	assert_int_equal(t->parent, 0);
	assert_int_equal(t->depth, 1);
	assert_null(t->color);
	t = &tax->topics[2];
	assert_string_equal(t->id, "troops");
	assert_int_equal(t->depth, 0);
	assert_int_equal(taxonomy_find(tax, "article-5"), 1);
	assert_int_equal(taxonomy_find(tax, "nope"), TOPIC_NO_PARENT);
	assert_true(taxonomy_is_ancestor(tax, 0, 1));
	assert_true(taxonomy_is_ancestor(tax, 1, 1));
	assert_false(taxonomy_is_ancestor(tax, 1, 0));
	assert_false(taxonomy_is_ancestor(tax, 2, 1));
	taxonomy_free(tax);
}

static void
test_roll_up(void **state)
{
	struct taxonomy *tax = NULL;
	const size_t sub[] = { 2 }, top[] = { 0 }, other[] = { 3 };

	assert_null(load("version: 1\ntopics:\n"
	    "- {id: a, label: A, topics: [{id: b, label: B, topics: "
	    "[{id: c, label: C}]}]}\n- {id: d, label: D}\n", &tax));
	assert_int_equal(tax->ntopics, 4);
	assert_true(taxonomy_covers(tax, 0, sub, 1));	/* grandchild */
	assert_true(taxonomy_covers(tax, 1, sub, 1));
	assert_true(taxonomy_covers(tax, 2, sub, 1));
	assert_false(taxonomy_covers(tax, 2, top, 1));	/* not downward */
	assert_false(taxonomy_covers(tax, 0, other, 1));
	assert_false(taxonomy_covers(tax, 0, NULL, 0));
	taxonomy_free(tax);
}

static void
test_unknown_keys(void **state)
{
	expect_errors(
	    "version: 1\n"
	    "topics:\n"
	    "  - id: a\n"
	    "    label: A\n"
	    "    colour: red\n"
	    "    keyword: [x]\n"
	    "    matchcase: [y]\n"
	    "    zzzzzzzz: 1\n"
	    "topic: []\n",
	    "t.yaml:5:5: unknown key 'colour' (did you mean 'color'?)\n"
	    "t.yaml:6:5: unknown key 'keyword' (did you mean 'keywords'?)\n"
	    "t.yaml:7:5: unknown key 'matchcase' (did you mean 'match-case'?)\n"
	    "t.yaml:8:5: unknown key 'zzzzzzzz' (known keys: id, label, color, "
	    "keywords, match-case, ambiguous, exclude, topics)\n"
	    "t.yaml:9:1: unknown key 'topic' (did you mean 'topics'?)\n");
}

static void
test_types(void **state)
{
	expect_errors(
	    "version: 1\n"
	    "topics:\n"
	    "  - id: [a]\n"
	    "    label: {x: 1}\n"
	    "    keywords: NATO\n"
	    "    exclude: [[a], b]\n"
	    "  - just a string\n"
	    "  - id: b\n"
	    "    label: B\n"
	    "    topics: {id: c}\n",
	    "t.yaml:3:9: 'id' must be a string, not a list\n"
	    "t.yaml:4:12: 'label' must be a string, not a mapping\n"
	    "t.yaml:5:15: 'keywords' must be a list of strings, not a string\n"
	    "t.yaml:6:15: an item of 'exclude' must be a string, not a list\n"
	    "t.yaml:7:5: a topic must be a mapping with id and label, not a string\n"
	    "t.yaml:10:13: 'topics' must be a list of topics, not a mapping\n");
	expect_errors("- a\n- b\n",
	    "t.yaml:1:1: a taxonomy must be a mapping with 'version' and "
	    "'topics', not a list\n");
	expect_errors("topics: x\nversion: 1\n",
	    "t.yaml:1:9: 'topics' must be a list of topics, not a string\n");
}

static void
test_ids(void **state)
{
	expect_errors(
	    "version: 1\n"
	    "topics:\n"
	    "  - {id: a, label: A}\n"
	    "  - {id: Bad Id, label: B}\n"
	    "  - {id: a, label: C, topics: [{id: a, label: D}]}\n"
	    "  - {id: 'x_y', label: E}\n"
	    "  - {label: F}\n"
	    "  - {id: g}\n"
	    "  - {id: h, label: '  '}\n",
	    "t.yaml:4:10: bad id 'Bad Id': use lowercase letters, digits and '-'\n"
	    "t.yaml:5:10: duplicate id 'a' (first at line 3)\n"
	    "t.yaml:5:37: duplicate id 'a' (first at line 3)\n"
	    "t.yaml:6:10: bad id 'x_y': use lowercase letters, digits and '-'\n"
	    "t.yaml:7:5: topic has no 'id'\n"
	    "t.yaml:8:5: topic has no 'label'\n"
	    "t.yaml:9:20: 'label' is empty\n");
}

static void
test_keywords(void **state)
{
	expect_errors(
	    "version: 1\n"
	    "topics:\n"
	    "  - id: a\n"
	    "    label: A\n"
	    "    keywords:\n"
	    "      - ''\n"
	    "      - '   '\n"
	    "      -\n"
	    "      - '*troop'\n"
	    "      - 'de*ploy'\n"
	    "      - 'ok*'\n"
	    "      - \"nul\\0byte\"\n"
	    "    match-case: ['a * b']\n"
	    "    exclude: ['x**']\n",
	    "t.yaml:6:9: empty keyword: ''\n"
	    "t.yaml:7:9: keyword is only white space: '   '\n"
	    "t.yaml:8:8: empty keyword: ''\n"
	    "t.yaml:9:9: '*' must end a word (as in deploy*): '*troop'\n"
	    "t.yaml:10:9: '*' must end a word (as in deploy*): 'de*ploy'\n"
	    "t.yaml:12:9: keyword contains a NUL character: 'nul\\x00byte'\n"
	    "t.yaml:13:18: '*' must end a word (as in deploy*): 'a * b'\n"
	    "t.yaml:14:15: '*' must end a word (as in deploy*): 'x**'\n");
}

static void
test_colours(void **state)
{
	expect_errors(
	    "version: 1\n"
	    "topics:\n"
	    "  - {id: a, label: A, color: purple}\n"
	    "  - {id: b, label: B, color: bright-blue}\n"
	    "  - {id: c, label: C, color: BLUE}\n"
	    "  - {id: d, label: D, color: }\n",
	    "t.yaml:3:30: unknown colour 'purple' (use black, red, green, "
	    "yellow, blue, magenta, cyan, white, or bright- before one of them)\n"
	    "t.yaml:5:30: unknown colour 'BLUE' (use black, red, green, "
	    "yellow, blue, magenta, cyan, white, or bright- before one of them)\n");
}

static void
test_version(void **state)
{
	expect_errors("version: 2\ntopics: []\n",
	    "t.yaml:1:10: version must be 1, not '2'\n");
	expect_errors("version: [1]\ntopics: []\n",
	    "t.yaml:1:10: version must be 1, not a list\n");
	expect_errors("topics: []\n", "t.yaml:1:1: missing 'version: 1'\n");
	expect_errors("version: 1\n", "t.yaml:1:1: missing 'topics'\n");
	expect_errors("version: 1\nversion: 1\ntopics: []\n",
	    "t.yaml:2:1: duplicate key 'version' (first at line 1)\n");
	expect_errors("", "t.yaml:1:1: empty taxonomy: expected 'version: 1' "
	    "and 'topics'\n");
	expect_errors("version: 1\necho: 100\ntopics: []\n",
	    "t.yaml:2:7: echo must be a number of sentences from 0 to 99, "
	    "not '100'\n");
	expect_errors("version: 1\necho: -1\ntopics: []\n",
	    "t.yaml:2:7: echo must be a number of sentences from 0 to 99, "
	    "not '-1'\n");
	expect_errors("version: 1\noffices: [chair, vice chair]\n"
	    "topics: []\n", "t.yaml:2:18: an item of 'offices' must be one "
	    "word, not 'vice chair'\n");
	expect_errors("version: 1\noffices: [president]\n"
	    "heads: [president, vice president]\ntopics: []\n",
	    "t.yaml:3:20: an item of 'heads' must be one word, not "
	    "'vice president'\n");
	expect_errors("version: 1\noffices: [President, chair]\n"
	    "heads: [president, mayor, chair]\ntopics: []\n",
	    "t.yaml:3:20: an item of 'heads' must be one of 'offices', not "
	    "'mayor'\n");
	expect_errors("version: 1\nplaces: [world, nowhere]\n"
	    "topics:\n  - id: world\n    label: World\n",
	    "t.yaml:2:17: an item of 'places' must be a topic's id, not "
	    "'nowhere'\n");
	/* A topic refused for want of an id is no place to look up (it
	 * crashed fuzz_taxonomy). */
	expect_errors("version: 1\nplaces: [world]\n"
	    "topics:\n  - label: No id\n  - id: world\n    label: World\n",
	    "t.yaml:4:5: topic has no 'id'\n");
	/* Rule 11's "{state}" opening a phrase stands for a name of
	 * 'states', before a word; elsewhere it is text. */
	expect_errors("version: 1\ntopics:\n  - id: law\n    label: Law\n"
	    "    exclude: [\"{state} attorney general\"]\n",
	    "t.yaml:5:15: '{state}' needs the taxonomy's 'states' list: "
	    "'{state} attorney general'\n");
	expect_errors("version: 1\nstates: [Texas]\ntopics:\n  - id: law\n"
	    "    label: Law\n    exclude: [\"the {state} court\", "
	    "\"{state}\", \"{state}'s court\"]\n",
	    "t.yaml:6:36: '{state}' must come before a word: '{state}'\n"
	    "t.yaml:6:47: '{state}' must come before a word: "
	    "'{state}'s court'\n");
	expect_errors("# only a comment\n", "t.yaml:1:1: empty taxonomy: "
	    "expected 'version: 1' and 'topics'\n");
}

static void
test_syntax(void **state)
{
	expect_errors("version: 1\ntopics: [a, b\n",
	    "t.yaml:3:1: YAML: did not find expected ',' or ']' while parsing "
	    "a flow sequence\n");
	expect_errors("version: 1\n  topics: x\n",
	    "t.yaml:2:9: YAML: mapping values are not allowed in this context\n");
	expect_errors("version: 1\ntopics: []\n---\nversion: 1\n",
	    "t.yaml:3:1: only one YAML document is allowed\n");
	expect_errors("version: 1\ntopics: [\xff]\n",
	    "t.yaml:2:10: YAML: invalid leading UTF-8 octet\n");
	expect_errors("version: *nope\n",
	    "t.yaml:1:10: unknown alias '*nope'\n");
}

static void
test_aliases(void **state)
{
	struct taxonomy *tax = NULL;
	struct strbuf sb = STRBUF_INIT;
	clock_t t0;
	char *err;
	int i, j;

	/* A few aliases are fine. */
	assert_null(load("version: 1\ntopics:\n"
	    "- {id: a, label: A, keywords: &k [x, y]}\n"
	    "- {id: b, label: B, keywords: *k}\n", &tax));
	assert_int_equal(tax->topics[1].nkeywords, 2);
	assert_string_equal(tax->topics[1].keywords[1], "y");
	taxonomy_free(tax);

	/* A billion laughs is refused at once. */
	strbuf_addstr(&sb, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (i = 1; i < 10; i++) {
		strbuf_addf(&sb, "a%d: &a%d [", i, i);
		for (j = 0; j < 9; j++)
			strbuf_addf(&sb, "%s*a%d", j ? ", " : "", i - 1);
		strbuf_addstr(&sb, "]\n");
	}
	t0 = clock();
	err = load(sb.data, NULL);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5);
	if (strstr(err, "t.yaml:5:10: ") == NULL || strstr(err,
	    "aliases expand to more than 10000 nodes: refused") == NULL)
		fail_msg("%s", err);
	free(err);
	strbuf_free(&sb);

	/* So is nesting 10,000 deep. */
	for (i = 0; i < 10000; i++)
		strbuf_addch(&sb, '[');
	t0 = clock();
	err = load(sb.data, NULL);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5);
	assert_string_equal(err, "t.yaml:1:65: nested deeper than 64 levels: "
	    "refused\n");
	free(err);
	strbuf_free(&sb);
}

static void
test_every_problem(void **state)
{
	char *err = load("version: 3\ntopics:\n- {id: A, label: x, colour: r}\n"
	    "- {id: b, keywords: ['']}\n", NULL);
	size_t lines = 0;
	const char *p;

	for (p = err; *p != '\0'; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 5);
	free(err);
}

static void
test_file(void **state)
{
	struct taxonomy *tax = NULL;
	char *err = NULL;

	assert_int_equal(taxonomy_load_file("/nonexistent/tax.yaml", &tax,
	    &err), -1);
	assert_null(tax);
	assert_string_equal(err, "/nonexistent/tax.yaml:1:1: cannot open: "
	    "No such file or directory\n");
	free(err);
	assert_int_equal(taxonomy_load_file(
	    testlib_srcfile("config/taxonomy.yaml"), &tax, &err), 0);
	assert_true(tax->ntopics > 0);
	taxonomy_free(tax);
}

/*
 * Every case of the YAML test suite loads or fails with positioned errors
 * only; never a crash or a hang.
 */
static void
test_yaml_suite(void **state)
{
	const char *dir = testlib_shared("data/yaml-test-suite/cases");
	char path[8192], *err, *line, *save;
	struct taxonomy *tax;
	struct dirent *de;
	regex_t re;
	DIR *d;
	size_t loaded = 0, refused = 0, syntax = 0;

	if (dir == NULL)
		skip();
	assert_int_equal(regcomp(&re, "^.+:[1-9][0-9]*:[1-9][0-9]*: .+$",
	    REG_EXTENDED | REG_NOSUB), 0);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".yaml") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		tax = NULL;
		err = NULL;
		if (taxonomy_load_file(path, &tax, &err) == 0) {
			assert_null(err);
			taxonomy_free(tax);
			loaded++;
			continue;
		}
		assert_null(tax);
		assert_true(strlen(err) > 0);
		syntax += strstr(err, ": YAML: ") != NULL;
		for (line = strtok_r(err, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			if (regexec(&re, line, 0, NULL, 0) != 0)
				fail_msg("unpositioned error: %s", line);
		free(err);
		refused++;
	}
	closedir(d);
	regfree(&re);
	print_message("yaml-test-suite: %zu loaded, %zu refused with "
	    "positioned errors (%zu by libyaml, %zu by the schema)\n", loaded,
	    refused, syntax, refused - syntax);
	assert_int_equal(loaded + refused, 402);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_roll_up),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_keywords),
		cmocka_unit_test(test_colours),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_every_problem),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_yaml_suite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
