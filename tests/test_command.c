/*
 * The `:` command line: names from the key table, unique starts, counts,
 * words, sentence numbers, and Tab's completion, without a terminal.
 */
#include "config.h"

#include "testlib.h"

#include "../ui/command.h"
#include "strbuf.h"

/* Parses LINE, expecting success; the command is the caller's to free. */
static struct command
parse_ok(const char *line)
{
	struct strbuf why = STRBUF_INIT;
	struct command cmd;

	assert_int_equal(command_parse(line, &cmd, &why), 0);
	assert_int_equal(why.len, 0);
	strbuf_free(&why);
	return cmd;
}

/* Parses LINE, expecting an error that contains WANT. */
static void
parse_fails(const char *line, const char *want)
{
	struct strbuf why = STRBUF_INIT;
	struct command cmd;

	assert_int_equal(command_parse(line, &cmd, &why), -1);
	assert_non_null(why.data);
	if (strstr(why.data, want) == NULL)
		fail_msg("'%s': '%s' lacks '%s'", line, why.data, want);
	assert_int_equal(cmd.action, ACTION_NONE);
	assert_null(cmd.arg);
	strbuf_free(&why);
}

static void
test_names(void **state)
{
	const struct action_def *t;
	struct command cmd;
	size_t n, i;

	(void)state;
	/* Every action answers to its own name. */
	t = action_table(&n);
	for (i = 0; i < n; i++) {
		cmd = parse_ok(t[i].name);
		assert_int_equal(cmd.action, t[i].action);
		assert_int_equal(cmd.count, 1);
		assert_int_equal(cmd.sentence, 0);
		command_free(&cmd);
	}
	/* A unique start, with blanks around. */
	cmd = parse_ok("  q ");
	assert_int_equal(cmd.action, ACTION_QUIT);
	cmd = parse_ok("mat");
	assert_int_equal(cmd.action, ACTION_MATRIX);
	/* A whole name wins over the longer names it starts. */
	cmd = parse_ok("search");
	assert_int_equal(cmd.action, ACTION_SEARCH);
	cmd = parse_ok("edit");
	assert_int_equal(cmd.action, ACTION_EDIT);
	/* Nothing typed is nothing to do. */
	cmd = parse_ok("   ");
	assert_int_equal(cmd.action, ACTION_NONE);
	assert_int_equal(cmd.sentence, 0);
}

static void
test_errors(void **state)
{
	(void)state;
	parse_fails("frob", "unknown command: frob");
	parse_fails("h", "h is ambiguous: half-page-down half-page-up help");
	parse_fails("down x", "down takes a count, not \"x\"");
	parse_fails("down 5 6", "down takes a count, not \"5 6\"");
	parse_fails("down 0", "down takes a count");
	parse_fails("12x", "not a sentence number: 12x");
	parse_fails("3 4", "not a sentence number: 3 4");
	parse_fails("0", "not a sentence number: 0");
	parse_fails("99999999999999999999999", "not a sentence number");
}

static void
test_arguments(void **state)
{
	struct command cmd;

	(void)state;
	cmd = parse_ok("down 5");
	assert_int_equal(cmd.action, ACTION_DOWN);
	assert_int_equal(cmd.count, 5);
	assert_null(cmd.arg);
	/* A count is capped as a typed one is (`:n 99999999` would search
	 * for as long). */
	cmd = parse_ok("search-next 99999999");
	assert_int_equal(cmd.count, ACTION_COUNT_MAX);
	cmd = parse_ok("filter  Fishing rights  ");
	assert_int_equal(cmd.action, ACTION_TOPIC);
	assert_string_equal(cmd.arg, "Fishing rights");
	command_free(&cmd);
	assert_null(cmd.arg);
	cmd = parse_ok("search dam deal");
	assert_int_equal(cmd.action, ACTION_SEARCH);
	assert_string_equal(cmd.arg, "dam deal");
	command_free(&cmd);
	cmd = parse_ok("add-keyword sluice");
	assert_int_equal(cmd.action, ACTION_ADD);
	assert_string_equal(cmd.arg, "sluice");
	command_free(&cmd);
	/* Without words, the action runs as its key: `t` opens the picker. */
	cmd = parse_ok("filter");
	assert_int_equal(cmd.action, ACTION_TOPIC);
	assert_null(cmd.arg);
	cmd = parse_ok(" 12 ");
	assert_int_equal(cmd.action, ACTION_NONE);
	assert_int_equal(cmd.sentence, 12);
}

/* Tab pressed on LINE as typed so far (a round of presses: TAB). */
static void
press_tab(struct strbuf *line, struct command_tab *tab, const char *want,
    size_t matches)
{
	assert_int_equal(command_complete(line, tab), matches);
	assert_string_equal(line->data != NULL ? line->data : "", want);
}

static void
test_complete(void **state)
{
	struct strbuf line = STRBUF_INIT;
	struct command_tab tab = { NULL, 0 };

	(void)state;
	/* One name: completed at once. */
	strbuf_addstr(&line, "mat");
	press_tab(&line, &tab, "matrix", 1);
	command_tab_end(&tab);
	/* Several: their common start first, then each in turn, round. */
	strbuf_reset(&line);
	strbuf_addstr(&line, "half");
	press_tab(&line, &tab, "half-page-", 2);
	press_tab(&line, &tab, "half-page-down", 2);
	press_tab(&line, &tab, "half-page-up", 2);
	press_tab(&line, &tab, "half-page-down", 2);
	command_tab_end(&tab);
	/* Nothing to add: straight to the names, in table order. */
	strbuf_reset(&line);
	strbuf_addstr(&line, "h");
	press_tab(&line, &tab, "half-page-down", 3);
	press_tab(&line, &tab, "half-page-up", 3);
	press_tab(&line, &tab, "help", 3);
	press_tab(&line, &tab, "half-page-down", 3);
	command_tab_end(&tab);
	/* An empty line: every name. */
	strbuf_reset(&line);
	press_tab(&line, &tab, "down", ACTION_COUNT - 1);
	press_tab(&line, &tab, "up", ACTION_COUNT - 1);
	command_tab_end(&tab);
	/* No name starts so, or past the first word: left alone. */
	strbuf_reset(&line);
	strbuf_addstr(&line, "zz");
	press_tab(&line, &tab, "zz", 0);
	strbuf_reset(&line);
	strbuf_addstr(&line, "filter f");
	press_tab(&line, &tab, "filter f", 0);
	command_tab_end(&tab);
	strbuf_free(&line);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
