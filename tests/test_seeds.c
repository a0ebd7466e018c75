/*
 * The five seed articles in ../shared/seeds, split as a careful editor
 * would: titles, datelines, sentence counts, quote continuations and
 * clutter.  The seeds are read in place; none of their text is copied
 * here beyond a word or two to find a sentence.  Skips when absent.
 */
#include "testlib.h"

#include <dirent.h>

#include "document.h"
#include "xalloc.h"

/* Loads the seed whose file name starts with PREFIX ("000_"). */
static struct document *
load_seed(const char *prefix, char **rawp)
{
	char *dir = testlib_shared("seeds"), *path = NULL, *cause;
	struct document *doc;
	struct dirent *de;
	DIR *d;

	if (dir == NULL)
		skip();
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			path = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (path == NULL)
		skip();
	if (document_load_file(path, &doc, &cause) != 0)
		fail_msg("%s", cause);
	*rawp = testlib_read(path, NULL);
	assert_non_null(*rawp);
	free(path);
	return doc;
}

static size_t
count_boilerplate(const struct document *doc)
{
	size_t i, n = 0;

	for (i = 0; i < doc->nsentences; i++)
		n += doc->sentences[i].boilerplate;
	return n;
}

/* Properties every seed has: each sentence is a piece of the file as
 * written, starts like a sentence and is not cut after an abbreviation. */
static void
check_common(const struct document *doc, const char *raw)
{
	static const char *const abbrevs[] = {
		" Mr.", " Mrs.", " Gen.", " Dr.", " St.", " No.", " Jan.",
		" Feb.", " e.g.", NULL
	};
	const char *const *a;
	size_t i, n;

	for (i = 0; i < doc->nsentences; i++) {
		const struct sentence *s = &doc->sentences[i];

		assert_non_null(strstr(raw, s->text));
		assert_false(s->text[0] >= 'a' && s->text[0] <= 'z');
		for (a = abbrevs; *a != NULL; a++) {
			n = strlen(*a);
			assert_false(s->len >= n &&
			    strcmp(s->text + s->len - n, *a) == 0);
		}
	}
}

/* The first line of the file, for comparing with the title. */
static char *
first_line(const char *raw)
{
	return xstrndup(raw, strcspn(raw, "\n"));
}

static void
test_seed_000(void **state)
{
	char *raw, *line;
	struct document *doc = load_seed("000_", &raw);
	const struct sentence *s = doc->sentences;

	line = first_line(raw);
	assert_string_equal(doc->title, line);
	assert_string_equal(doc->dateline, "BRUSSELS");
	assert_int_equal(doc->nsentences, 17);
	assert_int_equal(count_boilerplate(doc), 0);
	assert_int_equal(doc->nparagraphs, 14);
	/* A quote of two sentences, then the closing "he said" one. */
	assert_true(s[1].quote_continues && !s[1].quote_continued);
	assert_true(s[2].quote_continued && !s[2].quote_continues);
	assert_int_equal(s[1].paragraph, s[2].paragraph);
	assert_true(s[15].quote_continues && s[16].quote_continued);
	assert_int_equal(s[16].nquotes, 1);
	check_common(doc, raw);
	free(line);
	free(raw);
	document_free(doc);
}

/* The aggregator: an article, then other stories' headlines, teasers and
 * "Read more" links, a tag line and section links, all clutter. */
static void
test_seed_001(void **state)
{
	char *raw;
	struct document *doc = load_seed("001_", &raw);
	size_t i, body = 0;

	assert_null(doc->title);
	assert_null(doc->dateline);
	for (i = 0; i < doc->nsentences; i++) {
		const struct sentence *s = &doc->sentences[i];

		/* The article is the first three paragraphs. */
		assert_int_equal(s->boilerplate, s->paragraph >= 3);
		body += !s->boilerplate;
	}
	assert_int_equal(body, 23);
	assert_int_equal(doc->nsentences, 51);
	/* Headlines glued to their teasers come apart. */
	assert_non_null(strstr(doc->sentences[27].text, "Concerns"));
	assert_true(strncmp(doc->sentences[28].text, "US Defense", 10) == 0);
	assert_string_equal(doc->sentences[25].text, "Similar News:");
	check_common(doc, raw);
	free(raw);
	document_free(doc);
}

/* "Related News" and its list sit in the middle; the article resumes. */
static void
test_seed_002(void **state)
{
	char *raw;
	struct document *doc = load_seed("002_", &raw);
	size_t i;

	assert_null(doc->title);
	assert_int_equal(doc->nsentences, 21);
	assert_int_equal(count_boilerplate(doc), 4);
	for (i = 0; i < doc->nsentences; i++)
		assert_int_equal(doc->sentences[i].boilerplate,
		    i >= 10 && i <= 13);
	assert_string_equal(doc->sentences[10].text, "Related News");
	/* A quote across two sentences in the body after the list. */
	assert_true(doc->sentences[16].quote_continues);
	assert_true(doc->sentences[17].quote_continued);
	check_common(doc, raw);
	free(raw);
	document_free(doc);
}

/* A title with a dash; a four-sentence quote; "Mr. Secretary" inside. */
static void
test_seed_003(void **state)
{
	char *raw, *line;
	struct document *doc = load_seed("003_", &raw);
	const struct sentence *s = doc->sentences;
	size_t i, mr = 0;

	line = first_line(raw);
	assert_string_equal(doc->title, line);
	assert_null(doc->dateline);
	assert_int_equal(doc->nsentences, 17);
	assert_int_equal(count_boilerplate(doc), 0);
	assert_true(s[2].quote_continues && !s[2].quote_continued);
	assert_true(s[3].quote_continues && s[3].quote_continued);
	assert_true(s[4].quote_continues && s[4].quote_continued);
	assert_true(!s[5].quote_continues && s[5].quote_continued);
	for (i = 0; i < doc->nsentences; i++) {
		if (strstr(s[i].text, "Mr. Secretary") != NULL)
			mr++;
	}
	assert_int_equal(mr, 1);
	check_common(doc, raw);
	free(line);
	free(raw);
	document_free(doc);
}

/* Curly quotes throughout; the site's closing lines are clutter. */
static void
test_seed_004(void **state)
{
	char *raw;
	struct document *doc = load_seed("004_", &raw);
	size_t i;

	assert_null(doc->title);
	assert_int_equal(doc->nsentences, 23);
	for (i = 0; i < doc->nsentences; i++)
		assert_int_equal(doc->sentences[i].boilerplate, i >= 19);
	assert_string_equal(doc->sentences[22].text, "More from NBC News:");
	assert_true(doc->sentences[17].quote_continues);
	assert_true(doc->sentences[18].quote_continued);
	/* "won’t" and "Ukraine’s" are apostrophes, not quotes. */
	assert_int_equal(doc->sentences[10].nquotes, 1);
	check_common(doc, raw);
	free(raw);
	document_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_seed_001),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_seed_004),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
