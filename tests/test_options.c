#include "testlib.h"

#include "options.h"

static int
parse(struct options *opts, char **cause, int argc, ...)
{
	static char *argv[32];
	va_list ap;
	int i;

	va_start(ap, argc);
	for (i = 0; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	argv[argc] = NULL;
	va_end(ap);
	return options_parse(argc, argv, opts, cause);
}

static void
test_defaults(void **state)
{
	struct options o;
	char *cause;

	assert_int_equal(parse(&o, &cause, 1, "parallax"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_AUTO);
	assert_null(o.taxonomy);
	assert_false(o.no_color);
	assert_int_equal(o.jobs, 0);
	assert_int_equal(o.npaths, 0);
	options_free(&o);
}

static void
test_jobs(void **state)
{
	static const char *const bad[] = { "0", "-2", "", "3x", "257",
	    "99999999999999999999" };
	struct options o;
	char *cause;
	size_t i;

	assert_int_equal(parse(&o, &cause, 4, "parallax", "-j", "7", "d"), 0);
	assert_int_equal(o.jobs, 7);
	assert_int_equal(o.npaths, 1);
	options_free(&o);
	assert_int_equal(parse(&o, &cause, 2, "parallax", "--jobs=1"), 0);
	assert_int_equal(o.jobs, 1);
	options_free(&o);
	assert_int_equal(parse(&o, &cause, 2, "parallax", "-j256"), 0);
	assert_int_equal(o.jobs, OPTIONS_MAX_JOBS);
	options_free(&o);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(parse(&o, &cause, 3, "parallax", "-j",
		    bad[i]), -1);
		assert_non_null(strstr(cause, "invalid number of jobs"));
		free(cause);
	}
}

static void
test_modes_and_paths(void **state)
{
	struct options o;
	char *cause;

	assert_int_equal(parse(&o, &cause, 5, "parallax", "--json", "-t",
	    "tax.yaml", "dir"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_JSON);
	assert_string_equal(o.taxonomy, "tax.yaml");
	assert_int_equal(o.npaths, 1);
	assert_string_equal(o.paths[0], "dir");
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 4, "parallax", "a.txt",
	    "--taxonomy=x.yaml", "b.md"), 0);
	assert_string_equal(o.taxonomy, "x.yaml");
	assert_int_equal(o.npaths, 2);
	assert_string_equal(o.paths[1], "b.md");
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 3, "parallax", "--stats",
	    "--no-color"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_STATS);
	assert_true(o.no_color);
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 2, "parallax", "--report"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_REPORT);
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 2, "parallax", "--jsonl"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_JSONL);
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 2, "parallax", "--tui"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_TUI);
	options_free(&o);
}

static void
test_check_taxonomy(void **state)
{
	struct options o;
	char *cause;

	assert_int_equal(parse(&o, &cause, 2, "parallax", "--check-taxonomy"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_CHECK_TAXONOMY);
	assert_null(o.check_file);
	options_free(&o);

	assert_int_equal(parse(&o, &cause, 2, "parallax",
	    "--check-taxonomy=my.yaml"), 0);
	assert_string_equal(o.check_file, "my.yaml");
	options_free(&o);
}

static void
test_help_version(void **state)
{
	struct options o;
	char *cause;

	assert_int_equal(parse(&o, &cause, 3, "parallax", "--bogus-later",
	    "-h"), -1);
	free(cause);
	assert_int_equal(parse(&o, &cause, 2, "parallax", "-h"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_HELP);
	assert_int_equal(parse(&o, &cause, 2, "parallax", "--version"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_VERSION);
	assert_int_equal(parse(&o, &cause, 2, "parallax", "-V"), 0);
	assert_int_equal(o.mode, OPTIONS_MODE_VERSION);
}

static void
test_usage_errors(void **state)
{
	struct options o;
	char *cause;

	assert_int_equal(parse(&o, &cause, 2, "parallax", "--frobnicate"), -1);
	assert_string_equal(cause, "unrecognized option '--frobnicate'");
	free(cause);

	assert_int_equal(parse(&o, &cause, 2, "parallax", "-x"), -1);
	assert_string_equal(cause, "invalid option -- 'x'");
	free(cause);

	assert_int_equal(parse(&o, &cause, 2, "parallax", "-t"), -1);
	assert_string_equal(cause, "option '-t' requires an argument");
	free(cause);

	assert_int_equal(parse(&o, &cause, 3, "parallax", "--json",
	    "--report"), -1);
	assert_non_null(strstr(cause, "--report"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_jobs),
		cmocka_unit_test(test_modes_and_paths),
		cmocka_unit_test(test_check_taxonomy),
		cmocka_unit_test(test_help_version),
		cmocka_unit_test(test_usage_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
