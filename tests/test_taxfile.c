/* taxfile: the taxonomy file's life as the reader lives it, in a temp dir. */
#include "config.h"

#include "testlib.h"

#include "taxfile.h"
#include "taxonomy.h"
#include "xalloc.h"

static const char good[] =
    "version: 1\n"
    "topics:\n"
    "  - id: water\n"
    "    label: Water release\n"
    "    keywords: [water, dry season]\n"
    "  - id: fishing\n"
    "    label: Fishing rights\n"
    "    keywords: [fishing rights]\n";

static const char bad[] =
    "version: 1\n"
    "topics:\n"
    "  - id: water\n"
    "    label: Water\n"
    "  - id: water\n"
    "    label: Water again\n";

static char *
read_back(const char *path)
{
	char *text = testlib_read(path, NULL);

	assert_non_null(text);
	return text;
}

/* A bad edit never becomes the good text; discarding puts the good back. */
static void
test_load_and_discard(void **state)
{
	struct taxfile tf;
	struct taxonomy *tax;
	char *errors, *text, *path;

	(void)state;
	path = xstrdup(testlib_write("discard.yaml", good));
	taxfile_init(&tf, path, false);
	assert_string_equal(tf.good, good);
	assert_false(taxfile_changed(&tf));
	testlib_write("discard.yaml", bad);
	assert_true(taxfile_changed(&tf));
	assert_int_equal(taxfile_load(&tf, &tax, &errors), -1);
	/* The errors name the file and the line, for `e` to open it there. */
	assert_int_equal(taxfile_error_line(&tf, errors), 5);
	free(errors);
	assert_false(taxfile_changed(&tf));	/* the bad one was read */
	assert_string_equal(tf.good, good);
	assert_int_equal(taxfile_discard(&tf, &errors), 0);
	text = read_back(path);
	assert_string_equal(text, good);
	free(text);
	assert_int_equal(taxfile_load(&tf, &tax, &errors), 0);
	assert_int_equal(tax->ntopics, 2);
	taxonomy_free(tax);
	taxfile_free(&tf);
	free(path);
}

/* A keyword added and removed changes only its line. */
static void
test_change(void **state)
{
	struct taxfile_change add = { TAXFILE_ADD, "fishing", "Fishing rights",
	    TAXEDIT_KEYWORDS, "trawler" };
	struct taxfile_change topic = { TAXFILE_TOPIC, "ports", "Ports",
	    TAXEDIT_KEYWORDS, "harbour" };
	struct taxfile tf;
	struct taxonomy *tax;
	char *cause, *text, *path;
	bool copied;

	(void)state;
	path = xstrdup(testlib_write("change.yaml", good));
	taxfile_init(&tf, path, false);
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause), 0);
	assert_false(copied);
	text = read_back(path);
	assert_non_null(strstr(text, "keywords: [fishing rights, trawler]"));
	assert_non_null(strstr(text, "keywords: [water, dry season]"));
	free(text);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	add.kind = TAXFILE_REMOVE;
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause), 0);
	text = read_back(path);
	assert_string_equal(text, good);
	free(text);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	assert_int_equal(taxfile_change(&tf, &topic, &copied, &cause), 0);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	assert_int_equal(tax->ntopics, 3);
	assert_string_equal(tax->topics[2].id, "ports");
	assert_string_equal(tax->topics[2].keywords[0], "harbour");
	taxonomy_free(tax);
	taxfile_free(&tf);
	free(path);
}

/* A change made elsewhere since the file was read is never overwritten. */
static void
test_changed_elsewhere(void **state)
{
	struct taxfile_change add = { TAXFILE_ADD, "water", "Water release",
	    TAXEDIT_KEYWORDS, "reservoir" };
	static const char theirs[] =
	    "version: 1\n"
	    "topics:\n"
	    "  - id: water\n"
	    "    label: Water\n"
	    "    keywords: [river]\n";
	struct taxfile tf;
	char *cause, *text, *path;
	bool copied;

	(void)state;
	path = xstrdup(testlib_write("elsewhere.yaml", good));
	taxfile_init(&tf, path, false);
	testlib_write("elsewhere.yaml", theirs);
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause),
	    TAXFILE_CHANGED_ELSEWHERE);
	text = read_back(path);
	assert_string_equal(text, theirs);
	free(text);
	taxfile_free(&tf);
	free(path);
}

/* The shipped default is copied to the user's file before the first edit. */
static void
test_adopt_default(void **state)
{
	struct taxfile_change add = { TAXFILE_ADD, "water", "Water release",
	    TAXEDIT_KEYWORDS, "reservoir" };
	struct taxfile tf;
	char *cause, *text, *shipped, *user;
	bool copied;

	(void)state;
	shipped = xstrdup(testlib_write("shipped.yaml", good));
	user = xstrdup(testlib_tmpfile("config/parallax/taxonomy.yaml"));
	setenv("XDG_CONFIG_HOME", testlib_tmpfile("config"), 1);
	taxfile_init(&tf, shipped, true);
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause), 0);
	assert_true(copied);
	assert_string_equal(tf.path, user);
	text = read_back(user);
	assert_non_null(strstr(text, "reservoir"));
	free(text);
	/* The shipped file is left as it was. */
	text = read_back(shipped);
	assert_string_equal(text, good);
	free(text);
	/* Once adopted, there is nothing more to copy. */
	assert_int_equal(taxfile_adopt_default(&tf, &cause), 0);
	taxfile_free(&tf);
	/* A user's file already there is used, not overwritten. */
	taxfile_init(&tf, shipped, true);
	assert_int_equal(taxfile_adopt_default(&tf, &cause), 0);
	assert_string_equal(tf.path, user);
	text = read_back(user);
	assert_non_null(strstr(text, "reservoir"));
	free(text);
	taxfile_free(&tf);
	free(shipped);
	free(user);
}

/* Each edit of the session is undone in turn, newest first. */
static void
test_undo(void **state)
{
	struct taxfile_change add = { TAXFILE_ADD, "water", "Water release",
	    TAXEDIT_KEYWORDS, "reservoir" };
	struct taxfile tf;
	struct taxonomy *tax;
	char *cause, *text, *after_one, *path;
	bool copied;

	(void)state;
	path = xstrdup(testlib_write("undo.yaml", good));
	taxfile_init(&tf, path, false);
	assert_int_equal(taxfile_undo(&tf, &cause), -1);	/* nothing yet */
	free(cause);
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause), 0);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	after_one = read_back(path);
	add.keyword = "weir";
	assert_int_equal(taxfile_change(&tf, &add, &copied, &cause), 0);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	/* An edit in $EDITOR that changes nothing is nothing to undo. */
	taxfile_remember(&tf);
	taxfile_forget_unchanged(&tf);
	assert_int_equal(tf.nundo, 2);
	/* A change made elsewhere is never undone over. */
	text = read_back(path);
	testlib_write("undo.yaml", good);
	assert_int_equal(taxfile_undo(&tf, &cause), TAXFILE_CHANGED_ELSEWHERE);
	testlib_write("undo.yaml", text);
	free(text);
	assert_int_equal(taxfile_undo(&tf, &cause), 0);
	text = read_back(path);
	assert_string_equal(text, after_one);
	free(text);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	assert_int_equal(taxfile_undo(&tf, &cause), 0);
	text = read_back(path);
	assert_string_equal(text, good);
	free(text);
	assert_int_equal(taxfile_load(&tf, &tax, &cause), 0);
	taxonomy_free(tax);
	assert_int_equal(taxfile_undo(&tf, &cause), -1);
	free(cause);
	free(after_one);
	taxfile_free(&tf);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_and_discard),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_changed_elsewhere),
		cmocka_unit_test(test_adopt_default),
		cmocka_unit_test(test_undo),
	};

	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
