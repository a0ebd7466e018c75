/*
 * The key table is the one truth: dispatch, the help overlay, the KEYS
 * section of parallax(1) and the README's key table must all agree with it.
 */
#include "config.h"

#include "testlib.h"

#include "../ui/action.h"
#include "strbuf.h"

/* The next line of *P (which advances), without its newline, in BUF. */
static int
next_line(const char **p, char *buf, size_t size)
{
	const char *end;
	size_t n;

	if (**p == '\0')
		return 0;
	end = strchr(*p, '\n');
	if (end == NULL)
		end = *p + strlen(*p);
	n = (size_t)(end - *p) < size - 1 ? (size_t)(end - *p) : size - 1;
	memcpy(buf, *p, n);
	buf[n] = '\0';
	*p = *end == '\n' ? end + 1 : end;
	return 1;
}

/* Prints the section the man page should carry, to make fixing it easy. */
static void
print_expected(void)
{
	const struct action_def *t;
	size_t n, i;

	t = action_table(&n);
	fprintf(stderr, "expected KEYS entries:\n");
	for (i = 0; i < n; i++)
		fprintf(stderr, ".TP\n.B \"%s\"\n%s\n", t[i].keys, t[i].help);
}

static void
test_man_keys(void **state)
{
	const struct action_def *t;
	char *man, line[512], want[512];
	const char *p;
	size_t n, i = 0;
	int in_keys = 0, ok = 1;

	(void)state;
	t = action_table(&n);
	man = testlib_read(testlib_srcfile("man/parallax.1"), NULL);
	assert_non_null(man);
	p = man;
	while (next_line(&p, line, sizeof line)) {
		if (strncmp(line, ".SH ", 4) == 0) {
			in_keys = strcmp(line, ".SH KEYS") == 0;
			continue;
		}
		if (!in_keys || strcmp(line, ".TP") != 0)
			continue;
		/* .TP, then .B "KEYS", then the help line. */
		assert_true(next_line(&p, line, sizeof line));
		if (i >= n) {
			fprintf(stderr, "man page lists more keys than the table: %s\n",
			    line);
			ok = 0;
			break;
		}
		snprintf(want, sizeof want, ".B \"%s\"", t[i].keys);
		if (strcmp(line, want) != 0) {
			fprintf(stderr, "man page: '%s', table: '%s'\n", line, want);
			ok = 0;
		}
		assert_true(next_line(&p, line, sizeof line));
		if (strcmp(line, t[i].help) != 0) {
			fprintf(stderr, "man page: '%s', table: '%s'\n", line,
			    t[i].help);
			ok = 0;
		}
		i++;
	}
	if (i != n) {
		fprintf(stderr, "man page lists %zu keys, the table %zu\n", i, n);
		ok = 0;
	}
	if (!ok)
		print_expected();
	free(man);
	assert_true(ok);
}

/*
 * The man page's list of `:` commands names every action, in table order:
 * one ".BR NAME ," line each (hyphens escaped) after the line that starts
 * the list.
 */
static void
test_man_commands(void **state)
{
	const struct action_def *t;
	char *man, line[512], want[512];
	const char *p;
	size_t n, i = 0;

	(void)state;
	t = action_table(&n);
	man = testlib_read(testlib_srcfile("man/parallax.1"), NULL);
	assert_non_null(man);
	p = strstr(man, "The names, in the order of the keys above:\n");
	assert_non_null(p);
	p = strchr(p, '\n') + 1;
	while (next_line(&p, line, sizeof line) &&
	    strncmp(line, ".BR ", 4) == 0) {
		assert_true(i < n);
		snprintf(want, sizeof want, "%s", t[i].name);
		/* roff's \- is the hyphen a reader copies. */
		for (char *h; (h = strstr(line, "\\-")) != NULL;)
			memmove(h, h + 1, strlen(h));
		assert_int_equal(strncmp(line + 4, want, strlen(want)), 0);
		assert_true(line[4 + strlen(want)] == ' ');
		i++;
	}
	free(man);
	assert_int_equal(i, n);
}

static void
test_readme_keys(void **state)
{
	const struct action_def *t;
	char *readme, line[512], want[512];
	const char *p;
	size_t n, i = 0;
	int in_keys = 0;

	(void)state;
	t = action_table(&n);
	readme = testlib_read(testlib_srcfile("README.md"), NULL);
	assert_non_null(readme);
	p = readme;
	while (next_line(&p, line, sizeof line)) {
		if (strncmp(line, "## ", 3) == 0) {
			in_keys = strcmp(line, "## Keys") == 0;
			continue;
		}
		if (!in_keys || strncmp(line, "| `", 3) != 0)
			continue;
		assert_true(i < n);
		snprintf(want, sizeof want, "| `%s` | %s |", t[i].keys, t[i].help);
		assert_string_equal(line, want);
		i++;
	}
	free(readme);
	assert_int_equal(i, n);
}

/* Every key reaches its own action and no key is bound twice. */
static void
test_dispatch(void **state)
{
	const struct action_def *t;
	size_t n, i, j, k, l;

	(void)state;
	t = action_table(&n);
	for (i = 0; i < n; i++) {
		assert_non_null(t[i].name);
		assert_true(t[i].codes[0] != 0);
		assert_true(strlen(t[i].help) > 0);
		assert_true(t[i].help[strlen(t[i].help) - 1] != '.');
		/* `:` finds each action by its name: one word, unique. */
		assert_true(strcspn(t[i].name, " \t") == strlen(t[i].name));
		for (k = i + 1; k < n; k++)
			assert_string_not_equal(t[i].name, t[k].name);
		/* Help fits beside its keys in the overlay at 80 columns. */
		assert_true(strlen(t[i].help) <= ACTION_HELP_MAX);
		assert_true(strlen(t[i].keys) < 22);
		for (j = 0; j < ACTION_MAX_KEYS && t[i].codes[j] != 0; j++) {
			assert_int_equal(action_for_key(t[i].codes[j]), t[i].action);
			for (k = i + 1; k < n; k++) {
				for (l = 0; l < ACTION_MAX_KEYS && t[k].codes[l] != 0; l++)
					assert_true(t[k].codes[l] != t[i].codes[j]);
			}
		}
	}
	assert_int_equal(action_for_key('Z'), ACTION_NONE);
	assert_int_equal(action_for_key(0), ACTION_NONE);
}

/* DESIGN.md's keys are all bound. */
static void
test_design_keys(void **state)
{
	static const struct {
		int key;
		enum action action;
	} want[] = {
		{ 'j', ACTION_DOWN }, { 'k', ACTION_UP }, { 'g', ACTION_TOP },
		{ 'G', ACTION_BOTTOM }, { ' ', ACTION_PAGE_DOWN },
		{ '\t', ACTION_NEXT_PANE }, { 'J', ACTION_NEXT_SOURCE },
		{ 'K', ACTION_PREV_SOURCE }, { ']', ACTION_NEXT_SOURCE },
		{ '[', ACTION_PREV_SOURCE }, { '\r', ACTION_SELECT },
		{ '<', ACTION_CLAIM_PREV }, { '>', ACTION_CLAIM_NEXT },
		{ 't', ACTION_TOPIC }, { '/', ACTION_SEARCH },
		{ 'n', ACTION_SEARCH_NEXT }, { 'N', ACTION_SEARCH_PREV },
		{ 'm', ACTION_MATRIX }, { 'c', ACTION_DETAIL },
		{ 'e', ACTION_EDIT }, { 'r', ACTION_RELOAD },
		{ '?', ACTION_HELP }, { 'q', ACTION_QUIT }, { 27, ACTION_CLOSE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(action_for_key(want[i].key), want[i].action);
}

/* The enum is generated from the table: each row is its action's. */
static void
test_enum_from_table(void **state)
{
	const struct action_def *t;
	size_t n, i;

	(void)state;
	t = action_table(&n);
	assert_int_equal(n, ACTION_COUNT - 1);
	for (i = 0; i < n; i++) {
		assert_int_equal(t[i].action, (enum action)(i + 1));
		assert_ptr_equal(action_def(t[i].action), &t[i]);
	}
}

/* Footers name each action by the first key the table shows for it. */
static void
test_footer(void **state)
{
	static const struct action_hint hints[] = {
		{ ACTION_SELECT, "chooses" }, { ACTION_PAGE_DOWN, "pages" },
		{ ACTION_QUIT, "closes" },
	};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	action_footer(&sb, hints, 3);
	assert_string_equal(sb.data, "Enter chooses, PgDn pages, q closes");
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_keys),
		cmocka_unit_test(test_man_commands),
		cmocka_unit_test(test_readme_keys),
		cmocka_unit_test(test_dispatch),
		cmocka_unit_test(test_design_keys),
		cmocka_unit_test(test_enum_from_table),
		cmocka_unit_test(test_footer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
