#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#include "savefile.h"
#include "strbuf.h"
#include "taxonomy.h"

#define PATH_MAX_LEN 512

/* DIR/NAME in BUF (PATH_MAX_LEN bytes). */
static const char *
path_in(char *buf, const char *name)
{
	snprintf(buf, PATH_MAX_LEN, "%s/%s", testlib_tmpdir, name);
	return buf;
}

static void
put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

static void
expect_content(const char *path, const char *want)
{
	char *got = testlib_read(path, NULL);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Files named NAME... or .NAME... (temporary files left behind count). */
static int
entries(const char *name)
{
	struct dirent *de;
	DIR *d = opendir(testlib_tmpdir);
	size_t len = strlen(name);
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strncmp(de->d_name, name, len) == 0 ||
		    (de->d_name[0] == '.' &&
		    strncmp(de->d_name + 1, name, len) == 0);
	closedir(d);
	return n;
}

static void
test_save_keeps_backup_and_mode(void **state)
{
	char pb[PATH_MAX_LEN], bb[PATH_MAX_LEN];
	const char *p = path_in(pb, "tax.yaml");
	const char *backup = path_in(bb, "tax.yaml~");
	char *cause = NULL;
	struct stat st;

	put(p, "old\n", 0640);
	assert_int_equal(savefile_write(p, "new text\n", 9, &cause), 0);
	expect_content(p, "new text\n");
	expect_content(backup, "old\n");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(entries("tax.yaml"), 2);
	/* The next save moves the backup along, keeping the one before. */
	assert_int_equal(savefile_write(p, "third\n", 6, &cause), 0);
	expect_content(backup, "new text\n");
	expect_content(path_in(bb, "tax.yaml~2"), "old\n");
	assert_int_equal(entries("tax.yaml"), 3);
}

/* The last SAVEFILE_BACKUPS versions are kept, newest in FILE~. */
static void
test_backups_rotate(void **state)
{
	char pb[PATH_MAX_LEN], bb[PATH_MAX_LEN], text[32], name[32];
	const char *p = path_in(pb, "rot.yaml");
	char *cause = NULL;
	int i;

	put(p, "version 0\n", 0644);
	for (i = 1; i <= SAVEFILE_BACKUPS + 2; i++) {
		snprintf(text, sizeof text, "version %d\n", i);
		assert_int_equal(savefile_write(p, text, strlen(text), &cause), 0);
	}
	expect_content(p, "version 7\n");
	expect_content(path_in(bb, "rot.yaml~"), "version 6\n");
	for (i = 2; i <= SAVEFILE_BACKUPS; i++) {
		snprintf(name, sizeof name, "rot.yaml~%d", i);
		snprintf(text, sizeof text, "version %d\n", 7 - i);
		expect_content(path_in(bb, name), text);
	}
	/* Nothing older, and no file left behind. */
	assert_int_equal(entries("rot.yaml"), 1 + SAVEFILE_BACKUPS);
}

static void
test_new_file_and_symlink(void **state)
{
	char pb[PATH_MAX_LEN], lb[PATH_MAX_LEN], bb[PATH_MAX_LEN];
	const char *p = path_in(pb, "fresh.yaml");
	const char *link = path_in(lb, "link.yaml");
	const char *backup = path_in(bb, "fresh.yaml~");
	char *cause = NULL;
	struct stat st;

	assert_int_equal(savefile_write(p, "a\n", 2, &cause), 0);
	expect_content(p, "a\n");
	assert_int_equal(access(backup, F_OK), -1);
	assert_int_equal(symlink(p, link), 0);
	assert_int_equal(savefile_write(link, "b\n", 2, &cause), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_content(p, "b\n");
	expect_content(backup, "a\n");
}

static void
test_change_detection(void **state)
{
	char pb[PATH_MAX_LEN];
	const char *p = path_in(pb, "watched.yaml");
	struct savefile_stamp st;
	struct timespec times[2];
	char *cause = NULL;
	struct stat sb;

	put(p, "version: 1\n", 0644);
	assert_int_equal(savefile_stamp_file(p, &st, &cause), 0);
	assert_true(st.exists);
	assert_false(savefile_changed(p, &st));
	/* Same size, same mtime, other bytes: the hash sees it. */
	assert_int_equal(stat(p, &sb), 0);
	put(p, "version: 2\n", 0644);
	times[0] = sb.st_atim;
	times[1] = sb.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, p, times, 0), 0);
	assert_true(savefile_changed(p, &st));
	/* Only touched: no change. */
	put(p, "version: 1\n", 0644);
	assert_false(savefile_changed(p, &st));
	unlink(p);
	assert_true(savefile_changed(p, &st));
	assert_int_equal(savefile_stamp_file(p, &st, &cause), 0);
	assert_false(st.exists);
	assert_false(savefile_changed(p, &st));
}

static void
test_missing_dir(void **state)
{
	char tb[PATH_MAX_LEN];
	char *cause = NULL;

	/* A directory that does not exist, a "directory" that is a file. */
	assert_int_equal(savefile_write(path_in(tb, "none/tax.yaml"), "x", 1,
	    &cause), -1);
	assert_non_null(strstr(cause, "none/tax.yaml: cannot create a "
	    "temporary file: No such file or directory (the file is "
	    "unchanged)"));
	free(cause);
	put(path_in(tb, "plain"), "x", 0644);
	assert_int_equal(savefile_write(path_in(tb, "plain/tax.yaml"), "x", 1,
	    &cause), -1);
	assert_non_null(strstr(cause, "Not a directory"));
	free(cause);

}

/* A read-only directory; root writes anyway, so this skips as root. */
static void
test_read_only_dir(void **state)
{
	char pb[PATH_MAX_LEN], qb[PATH_MAX_LEN], tb[PATH_MAX_LEN];
	const char *p = path_in(pb, "ro/tax.yaml");
	const char *probe = path_in(qb, "ro/probe");
	char *cause = NULL;
	int fd;

	assert_int_equal(mkdir(path_in(tb, "ro"), 0755), 0);
	put(p, "old\n", 0644);
	assert_int_equal(chmod(tb, 0555), 0);
	if ((fd = open(probe, O_WRONLY | O_CREAT, 0644)) != -1) {
		close(fd);
		unlink(probe);
		skip();
	}
	assert_int_equal(savefile_write(p, "new\n", 4, &cause), -1);
	assert_non_null(strstr(cause, "Permission denied"));
	free(cause);
	expect_content(p, "old\n");
}

/* A full disk, as root too: a file size limit makes write() fail. */
static void
test_full_disk(void **state)
{
	char pb[PATH_MAX_LEN], bb[PATH_MAX_LEN];
	const char *p = path_in(pb, "full.yaml");
	char big[4096], *cause = NULL;
	struct rlimit rl = { 1024, 1024 };
	pid_t pid;
	int status;

	put(p, "old\n", 0644);
	memset(big, 'x', sizeof big);
	if ((pid = fork()) == 0) {
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(2);
		if (savefile_write(p, big, sizeof big, &cause) != -1)
			_exit(3);
		_exit(strstr(cause, "full.yaml: cannot write: File too large "
		    "(the file is unchanged)") != NULL ? 0 : 4);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	expect_content(p, "old\n");
	assert_int_equal(access(path_in(bb, "full.yaml~"), F_OK), -1);
	assert_int_equal(entries("full.yaml"), 1);
}

static char *
taxonomy_text(const char *word, size_t topics)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addstr(&sb, "version: 1\ntopics:\n");
	for (i = 0; i < topics; i++)
		strbuf_addf(&sb, "  - id: t%zu\n    label: %s %zu\n"
		    "    keywords: [%s%zu, other%zu]\n", i, word, i, word, i, i);
	return strbuf_detach(&sb);
}

/*
 * A saver killed at random moments, while it writes the two versions in
 * turn, leaves a file that parses and is one of them, whole, every time.
 */
static void
test_crash_safety(void **state)
{
	char pb[PATH_MAX_LEN], tb[PATH_MAX_LEN];
	const char *p = path_in(pb, "crash.yaml");
	char *a = taxonomy_text("alpha", 300), *b = taxonomy_text("beta", 300);
	char *got, *cause = NULL, *errors = NULL;
	struct taxonomy *tax;
	struct dirent *de;
	unsigned seed = (unsigned)time(NULL);
	int round, status, olds = 0, news = 0, midway = 0;
	pid_t pid;
	DIR *d;

	put(p, a, 0644);
	for (round = 0; round < 300; round++) {
		if ((pid = fork()) == 0) {
			for (int i = 0;; i++) {
				const char *t = i % 2 ? a : b;

				if (savefile_write(p, t, strlen(t), &cause) != 0)
					_exit(1);
			}
		}
		assert_true(pid > 0);
		usleep((useconds_t)(rand_r(&seed) % 4000));
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		got = testlib_read(p, NULL);
		assert_non_null(got);
		if (strcmp(got, a) == 0)
			olds++;
		else if (strcmp(got, b) == 0)
			news++;
		else
			fail_msg("round %d: neither version", round);
		assert_int_equal(taxonomy_load_file(p, &tax, &errors), 0);
		taxonomy_free(tax);
		free(got);
		/* A killed save may leave its temporary file: clear them. */
		d = opendir(testlib_tmpdir);
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, ".crash.yaml.", 12) == 0) {
				unlink(path_in(tb, de->d_name));
				midway++;
			}
		closedir(d);
	}
	print_message("crash safety: 300 kills (%d in the middle of a save), "
	    "then %d times the first version, %d times the second\n", midway,
	    olds, news);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_keeps_backup_and_mode),
		cmocka_unit_test(test_backups_rotate),
		cmocka_unit_test(test_new_file_and_symlink),
		cmocka_unit_test(test_change_detection),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test(test_read_only_dir),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_crash_safety),
	};

	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
