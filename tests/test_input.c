#include "testlib.h"

#include <fcntl.h>
#include <unistd.h>

#include "document.h"
#include "input.h"
#include "xalloc.h"

/* Writes TEXT to DIR/NAME. */
static void
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

/* What the loaders gave, in order. */
struct got {
	struct document *docs[16];
	size_t ndocs;
	char *warnings[16];
	size_t nwarnings;
};

static void
got_document(void *ctx, struct document *doc)
{
	struct got *g = ctx;

	assert_true(g->ndocs < 16);
	g->docs[g->ndocs++] = doc;
}

static void
got_warning(void *ctx, char *message)
{
	struct got *g = ctx;

	assert_true(g->nwarnings < 16);
	g->warnings[g->nwarnings++] = message;
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->ndocs; i++)
		document_free(g->docs[i]);
	for (i = 0; i < g->nwarnings; i++)
		free(g->warnings[i]);
	memset(g, 0, sizeof *g);
}

/* Expands and loads ARGS as the story does. */
static size_t
read_all(char **args, size_t nargs, struct got *g)
{
	struct input_list list;
	size_t i, n = 0;

	memset(g, 0, sizeof *g);
	input_expand(args, nargs, NULL, &list, got_warning, g);
	for (i = 0; i < list.n; i++)
		n += input_load_item(&list.items[i], got_document, got_warning,
		    g);
	input_list_free(&list);
	return n;
}

static void
test_list_directory(void **state)
{
	char *dir = xasprintf("%s/story", testlib_tmpdir), *sub, **paths, *cause;
	static const char *const names[] = {
		"a.md", "b.txt", "c.html", "d.htm", "e.xhtml", "f.xml",
		"g.rss", "h.atom", "news",
	};
	size_t n, i;

	assert_int_equal(mkdir(dir, 0755), 0);
	put(dir, "h.atom", "");
	put(dir, "b.txt", "");
	put(dir, "g.rss", "");
	put(dir, "a.md", "");
	put(dir, "f.xml", "");
	put(dir, "e.xhtml", "");
	put(dir, "d.htm", "");
	put(dir, "c.html", "");
	put(dir, "c.json", "");
	put(dir, "photo.jpg", "");
	/* A feed by its content, whatever its name. */
	put(dir, "news", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">");
	put(dir, ".hidden.txt", "");

	assert_int_equal(input_list_directory(dir, &paths, &n, &cause), 0);
	assert_int_equal(n, 9);
	for (i = 0; i < n; i++) {
		sub = xasprintf("%s/%s", dir, names[i]);
		assert_string_equal(paths[i], sub);
		free(sub);
		free(paths[i]);
	}
	free(paths);

	sub = xasprintf("%s/b.txt", dir);
	assert_int_equal(input_list_directory(sub, &paths, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(paths[0], sub);
	free(paths[0]);
	free(paths);
	free(sub);

	sub = xasprintf("%s/empty", testlib_tmpdir);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(input_list_directory(sub, &paths, &n, &cause), -1);
	assert_non_null(strstr(cause, "empty: no sources in this directory"));
	free(cause);
	free(sub);
	assert_int_equal(input_list_directory("/nonexistent", &paths, &n,
	    &cause), -1);
	assert_string_equal(cause, "/nonexistent: No such file or directory");
	free(cause);
	free(dir);
}

/* Arguments expand in their order; each failure is one message naming
 * its argument, and the rest still load. */
static void
test_argument_order_and_failures(void **state)
{
	char *dir = xasprintf("%s/order", testlib_tmpdir);
	char *one = xasprintf("%s/one.txt", dir);
	char *url = xasprintf("file://%s/two%%20words.md", dir);
	char *args[] = { url, "/nonexistent/x.txt", one, dir };
	struct got g;

	assert_int_equal(mkdir(dir, 0755), 0);
	put(dir, "one.txt", "One is the first source. It has two sentences.\n");
	put(dir, "two words.md", "Two is the second source. It says so.\n");
	assert_int_equal(read_all(args, 4, &g), 4);
	assert_int_equal(g.nwarnings, 1);
	assert_string_equal(g.warnings[0],
	    "/nonexistent/x.txt: No such file or directory");
	/* A file:// URL names the file; the source keeps it as its url. */
	assert_non_null(strstr(g.docs[0]->path, "/two words.md"));
	assert_string_equal(g.docs[0]->url, url);
	assert_string_equal(g.docs[0]->outlet, "two words");
	assert_string_equal(g.docs[1]->path, one);
	assert_null(g.docs[1]->url);
	/* The directory's, in name order. */
	assert_non_null(strstr(g.docs[2]->path, "/one.txt"));
	assert_non_null(strstr(g.docs[3]->path, "/two words.md"));
	got_free(&g);
	free(url);
	free(one);
	free(dir);
}

static void
test_file_urls(void **state)
{
	char *dir = xasprintf("%s/urls", testlib_tmpdir);
	char *local = xasprintf("file://localhost%s/a.txt", dir);
	char *query = xasprintf("file://%s/a.txt?x=1#top", dir);
	char *args[] = {
		local, query, "file://example.com/a.txt", "file:///a%2",
		"file:///a%00b",
	};
	struct got g;

	assert_int_equal(mkdir(dir, 0755), 0);
	put(dir, "a.txt", "A source read through a URL. It opens.\n");
	assert_int_equal(read_all(args, 5, &g), 2);
	assert_int_equal(g.nwarnings, 3);
	assert_string_equal(g.warnings[0], "file://example.com/a.txt: only "
	    "local file:// URLs can be read");
	assert_string_equal(g.warnings[1],
	    "file:///a%2: a broken %-escape in the path");
	assert_string_equal(g.warnings[2],
	    "file:///a%00b: a broken %-escape in the path");
	got_free(&g);
	free(query);
	free(local);
	free(dir);
}

/* A feed is one argument and many documents, in the feed's order,
 * between the arguments around it. */
static void
test_feed_items(void **state)
{
	char *dir = xasprintf("%s/feed", testlib_tmpdir);
	char *feed = xasprintf("%s/feed.xml", dir);
	char *before = xasprintf("%s/a.txt", dir);
	char *args[] = { before, feed, before };
	struct got g;

	assert_int_equal(mkdir(dir, 0755), 0);
	put(dir, "a.txt", "A plain source. It opens.\n");
	put(dir, "feed.xml", "<rss><channel><title>Wire</title>"
	    "<item><title>One</title><description>First item.</description>"
	    "</item><item><title>Two</title><description>Second item."
	    "</description></item></channel></rss>");
	assert_int_equal(read_all(args, 3, &g), 4);
	assert_int_equal(g.nwarnings, 0);
	assert_string_equal(g.docs[1]->title, "One");
	assert_string_equal(g.docs[1]->outlet, "Wire");
	assert_non_null(strstr(g.docs[1]->path, "feed.xml#1"));
	assert_string_equal(g.docs[2]->title, "Two");
	assert_string_equal(g.docs[3]->path, before);
	got_free(&g);
	free(before);
	free(feed);
	free(dir);
}

/* "-" is standard input, read once, named "-". */
static void
test_stdin(void **state)
{
	char *path = xasprintf("%s/stdin.txt", testlib_tmpdir);
	char *args[] = { "-" };
	struct got g;
	int fd, saved;

	put(testlib_tmpdir, "stdin.txt", "Read from standard input. Twice over.\n");
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	saved = dup(STDIN_FILENO);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	assert_int_equal(read_all(args, 1, &g), 1);
	dup2(saved, STDIN_FILENO);
	close(saved);
	close(fd);
	assert_string_equal(g.docs[0]->path, "-");
	assert_int_equal(g.docs[0]->nsentences, 2);
	got_free(&g);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_directory),
		cmocka_unit_test(test_argument_order_and_failures),
		cmocka_unit_test(test_file_urls),
		cmocka_unit_test(test_feed_items),
		cmocka_unit_test(test_stdin),
	};
	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
