#include "testlib.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "document.h"
#include "state.h"
#include "xalloc.h"

static char *
temp_dir(void)
{
	char tmpl[] = "/tmp/parallax-state-XXXXXX";

	if (mkdtemp(tmpl) == NULL)
		fail_msg("mkdtemp");
	return xstrdup(tmpl);
}

static void
remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
test_default_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	p = state_default_path();
	assert_string_equal(p, "/x/state/parallax/state.db");
	free(p);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/u", 1);
	p = state_default_path();
	assert_string_equal(p, "/home/u/.local/state/parallax/state.db");
	free(p);
}

/* Read marks persist; the file and its directories are made on demand. */
static void
test_persists(void **state)
{
	char *dir = temp_dir(), *path = xasprintf("%s/a/b/state.db", dir);
	char *warning = NULL;
	struct state *st;

	(void)state;
	st = state_open(path, &warning);
	assert_non_null(st);
	assert_null(warning);
	assert_false(state_is_read(st, "url:https://a.test/1"));
	assert_int_equal(state_set_read(st, "url:https://a.test/1", true,
	    &warning), 0);
	assert_int_equal(state_set_read(st, "text:00ff", true, &warning), 0);
	assert_int_equal(state_set_read(st, "text:00ff", false, &warning), 0);
	state_close(st);
	st = state_open(path, &warning);
	assert_non_null(st);
	assert_true(state_is_read(st, "url:https://a.test/1"));
	assert_false(state_is_read(st, "text:00ff"));
	state_close(st);
	remove_tree(dir);
	free(path);
	free(dir);
}

/* A source is its URL, else its text: a moved file keeps its key. */
static void
test_keys(void **state)
{
	struct document *a = testlib_load("one/a.md",
	    "Title\n\nSame words here.\n");
	struct document *b = testlib_load("two/b.md",
	    "Title\n\nSame words here.\n");
	struct document *c = testlib_load("c.md",
	    "Title\n\nOther words here.\n");
	struct document *u = testlib_load("u.md",
	    "---\nurl: https://a.test/x\n---\n\nSame words here.\n");
	char *ka = state_key(a), *kb = state_key(b), *kc = state_key(c);
	char *ku = state_key(u);

	(void)state;
	assert_string_equal(ka, kb);
	assert_string_not_equal(ka, kc);
	assert_int_equal(strncmp(ka, "text:", 5), 0);
	assert_string_equal(ku, "url:https://a.test/x");
	free(ka);
	free(kb);
	free(kc);
	free(ku);
	document_free(a);
	document_free(b);
	document_free(c);
	document_free(u);
}

/* A corrupt or unwritable state file is one warning, no state. */
static void
test_broken(void **state)
{
	char *dir = temp_dir(), *path = xasprintf("%s/state.db", dir);
	char *ro = xasprintf("%s/ro", dir), *under = xasprintf("%s/x/s.db", ro);
	char *warning = NULL;
	FILE *fp;

	(void)state;
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("this is not an SQLite database, just some text that is long "
	    "enough to be read as a header and rejected\n", fp);
	fclose(fp);
	assert_null(state_open(path, &warning));
	assert_non_null(warning);
	assert_non_null(strstr(warning, path));
	assert_null(strchr(warning, '\n'));
	free(warning);
	warning = NULL;
	assert_int_equal(mkdir(ro, 0500), 0);
	if (geteuid() != 0) {	/* root writes anywhere */
		assert_null(state_open(under, &warning));
		assert_non_null(warning);
		free(warning);
	}
	remove_tree(dir);
	free(path);
	free(ro);
	free(under);
	free(dir);
}

#define WRITERS 3
#define MARKS 150

/* Processes writing at once neither lose marks nor corrupt the file. */
static void
test_concurrent(void **state)
{
	char *dir = temp_dir(), *path = xasprintf("%s/state.db", dir);
	char key[64], *warning = NULL;
	struct state *st;
	sqlite3 *db;
	sqlite3_stmt *q;
	pid_t pids[WRITERS];
	int i, j, status, ok;

	(void)state;
	for (i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			st = state_open(path, &warning);
			ok = st != NULL;
			for (j = 0; ok && j < MARKS; j++) {
				snprintf(key, sizeof key, "text:%d-%d", i, j);
				ok = state_set_read(st, key, true, &warning) == 0 &&
				    state_is_read(st, key);
			}
			if (!ok)	/* what failed, for the test's log */
				fprintf(stderr, "writer %d: %s\n", i,
				    warning != NULL ? warning : "no warning");
			state_close(st);
			_exit(ok ? 0 : 1);
		}
	}
	for (i = 0; i < WRITERS; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1,
	    &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT count(*) FROM source WHERE read = 1", -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), WRITERS * MARKS);
	sqlite3_finalize(q);
	sqlite3_close(db);
	remove_tree(dir);
	free(path);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_persists),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_concurrent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
