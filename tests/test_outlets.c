#include "config.h"

#include "testlib.h"

#include "outlets.h"

static const char *good =
    "version: 1\n"
    "outlets:\n"
    "  - name: CNN\n"
    "    aliases: [CNN (Web News), cnn.com]\n"
    "    leaning: left\n"
    "    country: US\n"
    "    kind: broadcaster\n"
    "    owner: Warner Bros. Discovery\n"
    "    tags: [cable, tv]\n"
    "  - name: Agence France-Presse\n"
    "    aliases: [AFP, www.afp.com]\n"
    "    kind: wire\n"
    "  - {name: The Hill, aliases: [thehill.com], leaning: center}\n"
    "  - {name: Blogs, aliases: [blogs.cnn.com], leaning: right}\n";

static struct outlets *
load_ok(const char *text)
{
	struct outlets *o = NULL;
	char *errors = NULL;

	if (outlets_load_buffer("o.yaml", text, strlen(text), &o,
	    &errors) != 0)
		fail_msg("errors:\n%s", errors);
	assert_non_null(o);
	return o;
}

static void
expect_errors(const char *text, const char *want)
{
	struct outlets *o = NULL;
	char *errors = NULL;

	assert_int_equal(outlets_load_buffer("o.yaml", text, strlen(text),
	    &o, &errors), -1);
	assert_null(o);
	if (strcmp(errors, want) != 0)
		fail_msg("got:\n%swant:\n%s", errors, want);
	free(errors);
}

static void
test_load(void **state)
{
	struct outlets *o = load_ok(good);
	const struct outlet *e = &o->items[0];

	(void)state;
	assert_int_equal(o->n, 4);
	assert_int_equal(o->nleanings, 3);
	assert_string_equal(o->leanings[2].name, "right");
	assert_int_equal(o->leanings[2].letter, 'R');
	assert_int_equal(o->blindspot_percent, 75);
	assert_int_equal(o->blindspot_min_rated, 3);
	assert_string_equal(e->name, "CNN");
	assert_int_equal(e->naliases, 2);
	assert_string_equal(o->leanings[e->leaning].name, "left");
	assert_string_equal(e->country, "US");
	assert_string_equal(e->kind, "broadcaster");
	assert_string_equal(e->owner, "Warner Bros. Discovery");
	assert_int_equal(e->ntags, 2);
	assert_int_equal(e->line, 3);
	assert_int_equal(o->items[1].leaning, OUTLET_UNRATED);
	assert_null(o->items[1].country);
	outlets_free(o);
}

static void
test_match(void **state)
{
	struct outlets *o = load_ok(good);

	(void)state;
	/* By name or alias, ignoring case and spacing. */
	assert_string_equal(outlets_match(o, "cnn", NULL)->name, "CNN");
	assert_string_equal(outlets_match(o, "  CNN   (web  news) ",
	    NULL)->name, "CNN");
	assert_string_equal(outlets_match(o, "afp", NULL)->name,
	    "Agence France-Presse");
	/* By the URL's host: www. and other subdomains reach the domain,
	 * and the longest domain that is an outlet's wins. */
	assert_string_equal(outlets_match(o, "Unknown Name",
	    "https://www.cnn.com/2020/x")->name, "CNN");
	assert_string_equal(outlets_match(o, NULL,
	    "http://user@edition.CNN.com:8080/a?b")->name, "CNN");
	assert_string_equal(outlets_match(o, NULL,
	    "https://politicalticker.blogs.cnn.com/x")->name, "Blogs");
	assert_string_equal(outlets_match(o, NULL,
	    "https://afp.com/en")->name, "Agence France-Presse");
	/* An outlet named by its domain. */
	assert_string_equal(outlets_match(o, "www.thehill.com", NULL)->name,
	    "The Hill");
	/* Unknown stays unrated: no guessing from look-alikes. */
	assert_null(outlets_match(o, "CNN International", NULL));
	assert_null(outlets_match(o, NULL, "https://notcnn.com/x"));
	assert_null(outlets_match(o, NULL, "https://com/x"));
	assert_null(outlets_match(o, NULL, "not a url"));
	assert_null(outlets_match(NULL, "CNN", NULL));
	outlets_free(o);
}

static void
test_scale(void **state)
{
	struct outlets *o = load_ok("version: 1\n"
	    "leanings: [left, {name: lean-left, letter: l}, center,\n"
	    "  {name: lean-right, letter: r}, right]\n"
	    "blindspot: {share: 80, min-rated: 4}\n"
	    "outlets: []\n");
	struct outlets *even = load_ok("version: 1\nleanings: [a, b, c, d]\n"
	    "outlets:\n");

	(void)state;
	assert_int_equal(o->nleanings, 5);
	assert_int_equal(o->leanings[1].letter, 'l');
	assert_int_equal(o->blindspot_percent, 80);
	assert_int_equal(o->blindspot_min_rated, 4);
	assert_int_equal(outlets_side(o, 0), -1);
	assert_int_equal(outlets_side(o, 1), -1);
	assert_int_equal(outlets_side(o, 2), 0);
	assert_int_equal(outlets_side(o, 3), 1);
	assert_int_equal(outlets_side(o, 4), 1);
	assert_int_equal(outlets_side(o, OUTLET_UNRATED), 0);
	assert_string_equal(outlets_side_name(o, -1), "left");
	assert_string_equal(outlets_side_name(o, 1), "right");
	assert_int_equal(outlets_side(even, 1), -1);
	assert_int_equal(outlets_side(even, 2), 1);
	outlets_free(o);
	outlets_free(even);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_errors("outlets: []\n", "o.yaml:1:1: missing 'version: 1'\n");
	expect_errors("- a\n", "o.yaml:1:1: an outlets file must be a "
	    "mapping with 'version: 1' and 'outlets'\n");
	expect_errors("version: 1\n"
	    "leanings: [left, lean-left, right]\n"
	    "blindspot: {share: 40, min_rated: 2}\n"
	    "outlets:\n"
	    "  - name: A\n"
	    "    leaning: centre\n"
	    "    tags: x\n"
	    "  - {name: B, aliases: [a, www.b.org], kidn: paper}\n"
	    "  - {aliases: [b.org]}\n"
	    "  - [x]\n"
	    "  - {name: '  ', country: [US]}\n",
	    "o.yaml:2:18: leanings 'left' and 'lean-left' share the letter "
	    "'L': give one a 'letter'\n"
	    "o.yaml:3:20: 'share' must be a whole number from 51 to 100\n"
	    "o.yaml:3:24: unknown key 'min_rated' (did you mean "
	    "'min-rated'?)\n"
	    "o.yaml:6:14: unknown leaning 'centre' (the scale is: left, "
	    "lean-left, right)\n"
	    "o.yaml:7:11: 'tags' must be a list of strings, not a string\n"
	    "o.yaml:8:25: the name 'a' already leads to 'A' (line 5)\n"
	    "o.yaml:8:40: unknown key 'kidn' (did you mean 'kind'?)\n"
	    "o.yaml:9:5: outlet has no 'name'\n"
	    "o.yaml:9:16: the domain 'b.org' already leads to 'B' (line 8)\n"
	    "o.yaml:10:5: an outlet must be a mapping with a name, not a "
	    "list\n"
	    "o.yaml:11:12: 'name' is empty\n"
	    "o.yaml:11:27: 'country' must be a string, not a list\n");
	expect_errors("version: 1\noutlets: [\n",
	    "o.yaml:3:1: YAML: did not find expected node content while "
	    "parsing a flow node\n");
}

static void
test_file(void **state)
{
	struct outlets *o = NULL;
	char *errors = NULL;

	(void)state;
	assert_int_equal(outlets_load_file(testlib_srcfile(
	    "config/outlets.yaml"), &o, &errors), 0);
	assert_non_null(outlets_match(o, "Reuters", NULL));
	assert_string_equal(outlets_match(o, "AP", NULL)->kind, "wire");
	outlets_free(o);
	assert_int_equal(outlets_load_file("/nonexistent/o.yaml", &o,
	    &errors), -1);
	assert_string_equal(errors, "/nonexistent/o.yaml:1:1: cannot read: "
	    "No such file or directory\n");
	free(errors);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
