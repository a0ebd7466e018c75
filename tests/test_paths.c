#include "testlib.h"

#include <unistd.h>

#include "paths.h"

static int
setup(void **state)
{
	unsetenv("PARALLAX_TAXONOMY");
	return testlib_tmpdir_setup(state);
}

static void
test_option_wins(void **state)
{
	bool def;
	char *p;

	setenv("PARALLAX_TAXONOMY", "/env/tax.yaml", 1);
	p = paths_taxonomy("/opt/tax.yaml", &def);
	assert_string_equal(p, "/opt/tax.yaml");
	assert_false(def);
	free(p);
	unsetenv("PARALLAX_TAXONOMY");
}

static void
test_env_before_user(void **state)
{
	bool def;
	char *p;

	setenv("PARALLAX_TAXONOMY", "/env/tax.yaml", 1);
	p = paths_taxonomy(NULL, &def);
	assert_string_equal(p, "/env/tax.yaml");
	assert_false(def);
	free(p);
	unsetenv("PARALLAX_TAXONOMY");
}

static void
test_user_file_when_present(void **state)
{
	char dir[512], file[512];
	bool def;
	char *p;
	FILE *fp;

	setenv("XDG_CONFIG_HOME", testlib_tmpdir, 1);
	p = paths_user_taxonomy();
	snprintf(file, sizeof file, "%s/parallax/taxonomy.yaml", testlib_tmpdir);
	assert_string_equal(p, file);
	free(p);

	/* Absent: the default is used. */
	p = paths_taxonomy(NULL, &def);
	assert_true(def);
	assert_non_null(strstr(p, "taxonomy.yaml"));
	free(p);

	snprintf(dir, sizeof dir, "%s/parallax", testlib_tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	fp = fopen(file, "w");
	assert_non_null(fp);
	fputs("version: 1\ntopics: []\n", fp);
	fclose(fp);
	p = paths_taxonomy(NULL, &def);
	assert_string_equal(p, file);
	assert_false(def);
	free(p);
}

static void
test_home_fallback(void **state)
{
	char *p;

	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/reader", 1);
	p = paths_user_taxonomy();
	assert_string_equal(p, "/home/reader/.config/parallax/taxonomy.yaml");
	free(p);
	/* A relative XDG_CONFIG_HOME is invalid per the spec and ignored. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = paths_user_taxonomy();
	assert_string_equal(p, "/home/reader/.config/parallax/taxonomy.yaml");
	free(p);
}

static void
test_build_tree_default(void **state)
{
	char *p = paths_default_taxonomy();
	char *s = paths_sample_dir();

	/* The tests run from the build tree, so the in-tree copies are used. */
	assert_string_equal(p, ABS_SRCDIR "/config/taxonomy.yaml");
	assert_string_equal(s, ABS_SRCDIR "/config/sample");
	assert_int_equal(access(p, R_OK), 0);
	free(p);
	free(s);
}

/* Paths shown in the status line: ~ for home, then from the left by
 * whole components, the file name always whole. */
static void
test_shorten(void **state)
{
	static const struct {
		const char *path, *home;
		size_t maxw;
		const char *want;
	} cases[] = {
		{ "/home/ann/.config/parallax/taxonomy.yaml", "/home/ann", 80,
		    "~/.config/parallax/taxonomy.yaml" },
		{ "/home/ann/.config/parallax/taxonomy.yaml", "/home/ann", 26,
		    "\u2026/parallax/taxonomy.yaml" },
		{ "/home/ann/.config/parallax/taxonomy.yaml", "/home/ann", 10,
		    "\u2026/taxonomy.yaml" },
		{ "/home/annie/t.yaml", "/home/ann", 80, "/home/annie/t.yaml" },
		{ "/home/ann", "/home/ann", 80, "~" },
		{ "/usr/share/parallax/taxonomy.yaml", NULL, 28,
		    "\u2026/parallax/taxonomy.yaml" },
		{ "/usr/share/parallax/taxonomy.yaml", "", 80,
		    "/usr/share/parallax/taxonomy.yaml" },
		{ "taxonomy-with-a-long-name.yaml", NULL, 5,
		    "taxonomy-with-a-long-name.yaml" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = paths_shorten(cases[i].path, cases[i].home, "\u2026",
		    cases[i].maxw);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shorten),
		cmocka_unit_test(test_option_wins),
		cmocka_unit_test(test_env_before_user),
		cmocka_unit_test(test_user_file_when_present),
		cmocka_unit_test(test_home_fallback),
		cmocka_unit_test(test_build_tree_default),
	};
	return cmocka_run_group_tests(tests, setup, testlib_tmpdir_teardown);
}
