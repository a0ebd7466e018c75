/*
 * Opening sources behind the reader: the loader's thread, asking it to
 * stop, the progress steps, story_reload, the sources' fingerprint and the
 * thread that takes it.
 */
#include "testlib.h"

#include <time.h>
#include <unistd.h>

#include "document.h"
#include "group.h"
#include "loader.h"
#include "story.h"
#include "taxonomy.h"
#include "watch.h"
#include "watcher.h"

/* An article of story WHICH (0 or 1), as a source file NAME in DIR. */
static void
write_source(const char *dir, const char *name, int which, const char *outlet)
{
	static const char *const stories[] = {
		"title: Varen dam deal signed after night of talks\n"
		"date: 2026-03-14\n---\n"
		"The two riverside states signed an agreement on the Varen dam "
		"early on Saturday, ending four years of dispute over water.\n\n"
		"The upstream state will release forty cubic metres per second "
		"in the dry season under the Varen dam deal.\n",
		"title: Orbital telescope finds icy comet beyond Neptune\n"
		"date: 2025-07-02\n---\n"
		"Astronomers using an orbital telescope found an icy comet far "
		"beyond Neptune, its tail pointing away from the faint sun.\n\n"
		"The comet will not come near the inner planets for centuries, "
		"the observatory said on Wednesday.\n",
	};
	char path[4096], text[1024];
	const char *file;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(text, sizeof text, "---\noutlet: %s\n%s", outlet,
	    stories[which]);
	file = testlib_write(path + strlen(testlib_tmpdir) + 1, text);
	assert_string_equal(file, path);
}

static char *
make_dir(const char *name)
{
	char *dir = strdup(testlib_tmpfile(name));

	assert_int_equal(mkdir(dir, 0700), 0);
	return dir;
}

/* Waits for the loader, looking every 10 ms, for 60 s at most. */
static void
wait_done(struct loader *ld)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int i;

	for (i = 0; i < 6000 && !loader_done(ld); i++)
		nanosleep(&tick, NULL);
	assert_true(loader_done(ld));
}

/* Waits for the watcher's thread to see a change, looking every 10 ms, for
 * 60 s at most. */
static bool
wait_changed(struct watcher *w, const struct loader *ld)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int i;

	for (i = 0; i < 6000; i++) {
		if (w != NULL ? watcher_changed(w) : loader_changed(ld))
			return true;
		nanosleep(&tick, NULL);
	}
	return false;
}

static void
test_loader_one_story(void **state)
{
	char *dir = make_dir("one"), *cause = NULL;
	struct story_options how = { 2, NULL, NULL, false, NULL };
	struct loader_status st;
	struct loader *ld;
	struct story *story;

	(void)state;
	write_source(dir, "a.md", 0, "Harbour Gazette");
	write_source(dir, "b.md", 0, "Morning Ledger");
	ld = loader_start(&dir, 1, testlib_bundled_taxonomy(), NULL, &how, true);
	wait_done(ld);
	loader_status(ld, &st);
	assert_int_equal(st.step, STORY_READING);
	assert_int_equal(st.done, 2);
	assert_int_equal(st.total, 2);
	assert_null(loader_groups(ld));
	story = loader_take_story(ld, &cause);
	assert_non_null(story);
	assert_int_equal(story->ndocs, 2);
	assert_null(story->claims);	/* linked by the reader */
	assert_int_equal(story->npaths, 1);
	assert_string_equal(story->paths[0], dir);
	loader_free(ld);
	story_free(story);
	free(dir);
}

static void
test_loader_several_stories(void **state)
{
	char *dir = make_dir("several");
	struct loader *ld;

	(void)state;
	write_source(dir, "a.md", 0, "Harbour Gazette");
	write_source(dir, "b.md", 0, "Morning Ledger");
	write_source(dir, "c.md", 1, "Sky Weekly");
	write_source(dir, "d.md", 1, "Star Post");
	ld = loader_start(&dir, 1, testlib_bundled_taxonomy(), NULL, NULL, true);
	wait_done(ld);
	assert_non_null(loader_groups(ld));
	assert_int_equal(group_set_nstories(loader_groups(ld)), 2);
	assert_false(loader_changed(ld));
	/* A new file in the directory: changed, and read again. */
	write_source(dir, "e.md", 1, "Comet Daily");
	assert_true(wait_changed(NULL, ld));
	loader_restart(ld);
	assert_false(loader_changed(ld));
	wait_done(ld);
	assert_int_equal(group_set_count(loader_groups(ld)), 5);
	assert_int_equal(group_set_nstories(loader_groups(ld)), 2);
	loader_free(ld);	/* frees the taxonomy it was not given away */
	free(dir);
}

static void
test_loader_nothing_read(void **state)
{
	char *path = strdup(testlib_tmpfile("missing.md")), *cause = NULL;
	struct loader *ld;

	(void)state;
	ld = loader_start(&path, 1, testlib_bundled_taxonomy(), NULL, NULL, false);
	wait_done(ld);
	assert_null(loader_take_story(ld, &cause));
	assert_non_null(strstr(cause, "missing.md"));
	free(cause);
	loader_free(ld);
	free(path);
}

/* Freed at once: the thread is asked to stop and waited for. */
static void
test_loader_free_while_loading(void **state)
{
	char *dir = make_dir("many");
	char name[32];
	struct loader *ld;
	int i;

	(void)state;
	for (i = 0; i < 200; i++) {
		snprintf(name, sizeof name, "%03d.md", i);
		write_source(dir, name, i % 2, "Harbour Gazette");
	}
	ld = loader_start(&dir, 1, testlib_bundled_taxonomy(), NULL, NULL, true);
	loader_free(ld);
	free(dir);
}

struct stopping {
	size_t calls;
	size_t read;
};

/* Asks to stop once the first source is read. */
static bool
stop_after_one(void *ctx, enum story_step step, size_t done, size_t total)
{
	struct stopping *s = ctx;

	(void)total;
	s->calls++;
	return step != STORY_READING || done < 1;
}

static void
count_document(void *ctx, struct document *doc)
{
	((struct stopping *)ctx)->read++;
}

static void
ignore_warning(void *ctx, char *message)
{
	(void)ctx;
	free(message);
}

static void
test_progress_stops_reading(void **state)
{
	char *dir = make_dir("stop");
	char name[32];
	struct stopping s = { 0, 0 };
	struct story_options how = { 1, stop_after_one, &s, false, NULL };
	int i;

	(void)state;
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "%02d.md", i);
		write_source(dir, name, 0, "Harbour Gazette");
	}
	/* One thread: the items are read one by one, so none after the
	 * first is read once the callback said stop. */
	story_read(&dir, 1, &how, NULL, count_document, ignore_warning, &s);
	assert_int_equal(s.read, 1);
	free(dir);
}

static void
test_story_reload(void **state)
{
	char *dir = make_dir("reload"), *cause = NULL;
	char path[4096];
	struct story *story;

	(void)state;
	write_source(dir, "a.md", 0, "Harbour Gazette");
	write_source(dir, "b.md", 0, "Morning Ledger");
	assert_int_equal(story_open(&story, &dir, 1, testlib_bundled_taxonomy(), NULL,
	    &cause), 0);
	assert_int_equal(story->ndocs, 2);
	assert_non_null(story->claims);
	write_source(dir, "c.md", 0, "Valley Wire");
	assert_int_equal(story_reload(story, NULL, &cause), 0);
	assert_int_equal(story->ndocs, 3);
	assert_string_equal(story->docs[2]->outlet, "Valley Wire");
	assert_null(story->claims);	/* to be linked again */
	story_link(story);
	/* Nothing left to read: the story stays as it was. */
	snprintf(path, sizeof path, "%s/a.md", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/b.md", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/c.md", dir);
	unlink(path);
	assert_int_equal(story_reload(story, NULL, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(story->ndocs, 3);
	assert_non_null(story->claims);
	story_free(story);
	free(dir);
}

static void
test_watch_fingerprint(void **state)
{
	char *dir = make_dir("watch"), *args[2];
	char path[4096], url[] = "https://example.org/a", dash[] = "-";
	uint64_t before, after;

	(void)state;
	write_source(dir, "a.md", 0, "Harbour Gazette");
	write_source(dir, "b.md", 0, "Morning Ledger");
	args[0] = dir;
	before = watch_fingerprint(args, 1);
	assert_true(before == watch_fingerprint(args, 1));
	/* A hidden file (an editor's swap file) is no change. */
	write_source(dir, ".a.md.swp", 1, "x");
	assert_true(before == watch_fingerprint(args, 1));
	write_source(dir, "a.md", 1, "Harbour Gazette");
	after = watch_fingerprint(args, 1);
	assert_true(after != before);
	write_source(dir, "c.md", 0, "Valley Wire");
	before = watch_fingerprint(args, 1);
	assert_true(after != before);
	snprintf(path, sizeof path, "%s/c.md", dir);
	assert_int_equal(unlink(path), 0);
	assert_true(after == watch_fingerprint(args, 1));
	/* A file named on its own; a URL and "-" are not watched. */
	snprintf(path, sizeof path, "%s/b.md", dir);
	args[0] = path;
	args[1] = url;
	before = watch_fingerprint(args, 2);
	args[1] = dash;
	assert_true(before == watch_fingerprint(args, 2));
	write_source(dir, "b.md", 1, "Morning Ledger");
	assert_true(before != watch_fingerprint(args, 2));
	free(dir);
}

static void
test_watcher(void **state)
{
	struct timespec tick = { 0, 30 * 1000 * 1000 };
	char *dir = make_dir("watcher");
	struct watcher *w;
	int i;

	(void)state;
	write_source(dir, "a.md", 0, "Harbour Gazette");
	w = watcher_start(&dir, 1, 10);
	assert_false(watcher_changed(w));	/* starts the thread */
	nanosleep(&tick, NULL);
	assert_false(watcher_changed(w));
	write_source(dir, "b.md", 0, "Morning Ledger");
	assert_true(wait_changed(w, NULL));
	/* The sources read again: what the thread took before is stale. */
	watcher_rebase(w);
	for (i = 0; i < 3; i++) {
		assert_false(watcher_changed(w));
		nanosleep(&tick, NULL);
	}
	write_source(dir, "a.md", 1, "Harbour Gazette");
	assert_true(wait_changed(w, NULL));
	watcher_stop(w);
	watcher_stop(NULL);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loader_one_story),
		cmocka_unit_test(test_loader_several_stories),
		cmocka_unit_test(test_loader_nothing_read),
		cmocka_unit_test(test_loader_free_while_loading),
		cmocka_unit_test(test_progress_stops_reading),
		cmocka_unit_test(test_story_reload),
		cmocka_unit_test(test_watch_fingerprint),
		cmocka_unit_test(test_watcher),
	};

	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
