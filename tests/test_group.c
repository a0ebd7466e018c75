#include "testlib.h"

#include "document.h"
#include "frontmatter.h"
#include "group.h"
#include "signature.h"
#include "stories.h"
#include "xalloc.h"

/* Sources of our own writing: two outlets on one event, one on another. */
static const char *const texts[] = {
	"---\noutlet: Meridian Wire\ntitle: Quarry collapse traps eleven "
	"miners near Velsk\ndate: 2026-03-14\nurl: https://a.test/1\n---\n\n"
	"Eleven miners were trapped on Saturday when a limestone quarry "
	"collapsed near Velsk, rescuers said.\n\nThe Velsk quarry operator "
	"Brannock Stone said drilling had stopped.\n",
	"---\noutlet: Harbour Ledger\ntitle: Rescuers dig for eleven miners "
	"after Velsk quarry collapse\ndate: 2026-03-15\n---\n\n"
	"Rescue teams worked through the night at the collapsed Velsk "
	"limestone quarry, where eleven miners are trapped.\n\nBrannock Stone, "
	"which runs the quarry, suspended drilling.\n",
	"---\noutlet: Eastgate Daily\ntitle: Central bank holds rates as "
	"inflation cools\ndate: 2026-03-14\n---\n\n"
	"The central bank kept its benchmark rate at four percent on "
	"Saturday as inflation cooled for a third month.\n\nGovernor Ilse "
	"Marrow said the board would watch wages.\n",
};
#define NTEXTS (sizeof texts / sizeof *texts)

static void
add_text(struct group_set *set, struct group_terms_ctx *ctx, size_t i,
    const char *date_override)
{
	struct document *doc;
	struct group_article art;
	char *cause = NULL, name[32];

	snprintf(name, sizeof name, "s%zu.md", i);
	if (document_load_buffer(name, texts[i], strlen(texts[i]), &doc,
	    &cause) != 0)
		fail_msg("%s", cause);
	if (date_override != NULL) {
		frontmatter_free_string(doc, doc->date);
		doc->date = date_override[0] != '\0' ? xstrdup(date_override) :
		    NULL;
	}
	group_article_from_document(ctx, doc, &art);
	document_free(doc);
	group_set_add_keyed(set, &art);
}

static struct group_set *
group_texts(const size_t *order, size_t n, const char *const *dates)
{
	struct group_set *set = group_set_new();
	struct group_terms_ctx *ctx = group_terms_new();
	size_t i;

	for (i = 0; i < n; i++)
		add_text(set, ctx, order[i], dates != NULL ? dates[order[i]] :
		    NULL);
	group_terms_free(ctx);
	group_set_cluster(set);
	return set;
}

static void
test_day(void **state)
{
	char buf[11];

	(void)state;
	assert_int_equal(group_day("1970-01-01"), 0);
	assert_int_equal(group_day("2019-05-24"), 18040);
	assert_int_equal(group_day("2019-05-24T10:00:00Z"), 18040);
	assert_int_equal(group_day("Fri, 24 May 2019 10:00:00 +0000"), 18040);
	assert_int_equal(group_day("24 May 2019"), 18040);
	assert_int_equal(group_day("yesterday"), GROUP_NO_DAY);
	assert_int_equal(group_day("2019-13-01"), GROUP_NO_DAY);
	assert_int_equal(group_day(NULL), GROUP_NO_DAY);
	stories_day(18040, buf);
	assert_string_equal(buf, "2019-05-24");
	stories_day(-1, buf);
	assert_string_equal(buf, "1969-12-31");
}

/* One event from two outlets is one story; the other event its own. */
static void
test_one_event(void **state)
{
	size_t order[] = { 0, 1, 2 };
	struct group_set *set = group_texts(order, NTEXTS, NULL);
	const struct group_story *st;

	(void)state;
	assert_int_equal(group_set_nstories(set), 2);
	st = group_set_story(set, 0);
	assert_int_equal(st->nmembers, 2);
	assert_ptr_equal(group_set_story_of(set, 0), group_set_story_of(set, 1));
	assert_ptr_not_equal(group_set_story_of(set, 0),
	    group_set_story_of(set, 2));
	assert_int_equal(st->first, group_day("2026-03-14"));
	assert_int_equal(st->last, group_day("2026-03-15"));
	assert_ptr_equal(group_set_find(set, st->id), st);
	assert_null(group_set_find(set, "000000000000"));
	group_set_free(set);
}

/* The same archive read in another order gives the same story ids. */
static void
test_stable_ids(void **state)
{
	size_t fwd[] = { 0, 1, 2 }, rev[] = { 2, 1, 0 };
	struct group_set *a = group_texts(fwd, NTEXTS, NULL);
	struct group_set *b = group_texts(rev, NTEXTS, NULL);
	size_t i;

	(void)state;
	assert_int_equal(group_set_nstories(a), group_set_nstories(b));
	for (i = 0; i < group_set_nstories(a); i++)
		assert_string_equal(group_set_story(a, i)->id,
		    group_set_story(b, i)->id);
	assert_string_equal(group_set_story_of(a, 0)->id,
	    group_set_story_of(b, 2)->id);
	group_set_free(a);
	group_set_free(b);
}

/* Days apart, the same words are two events; without a date, the text
 * alone decides. */
static void
test_dates(void **state)
{
	size_t order[] = { 0, 1, 2 };
	const char *apart[] = { "2026-03-01", "2026-03-20", "2026-03-01" };
	const char *undated[] = { "2026-03-14", "", "2026-03-14" };
	struct group_set *set;

	(void)state;
	set = group_texts(order, NTEXTS, apart);
	assert_int_equal(group_set_nstories(set), 3);
	group_set_free(set);
	set = group_texts(order, NTEXTS, undated);
	assert_int_equal(group_set_nstories(set), 2);
	assert_ptr_equal(group_set_story_of(set, 0), group_set_story_of(set, 1));
	group_set_free(set);
}

/* The map side's lines, shuffled, give the reduce side the same stories. */
static void
test_signatures(void **state)
{
	size_t order[] = { 0, 1, 2 };
	struct group_set *direct = group_texts(order, NTEXTS, NULL), *reduced;
	struct group_terms_ctx *ctx = group_terms_new();
	struct group_article art;
	struct document *doc;
	char *buf = NULL, *cause = NULL, *lines[256], *p, *a = NULL, *b = NULL;
	size_t len = 0, n = 0, i, la = 0, lb = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	for (i = 0; i < NTEXTS; i++) {
		char name[32];

		snprintf(name, sizeof name, "s%zu.md", i);
		assert_int_equal(document_load_buffer(name, texts[i],
		    strlen(texts[i]), &doc, &cause), 0);
		group_article_from_document(ctx, doc, &art);
		signature_write(fp, &art);
		group_article_clear(&art);
		document_free(doc);
	}
	fclose(fp);
	group_terms_free(ctx);
	/* Reversed: every key's lines in another order. */
	for (p = strtok(buf, "\n"); p != NULL && n < 256; p = strtok(NULL, "\n"))
		lines[n++] = p;
	assert_true(n < 256);
	fp = open_memstream(&a, &la);
	for (i = n; i-- > 0;)
		fprintf(fp, "%s\n", lines[i]);
	fclose(fp);
	fp = fmemopen(a, la, "r");
	assert_int_equal(signature_read(fp, &reduced, &cause), 0);
	fclose(fp);
	free(a);
	fp = open_memstream(&a, &la);
	stories_write_json(fp, direct);
	fclose(fp);
	fp = open_memstream(&b, &lb);
	stories_write_json(fp, reduced);
	fclose(fp);
	assert_string_equal(a, b);
	free(a);
	free(b);
	group_set_free(reduced);

	fp = fmemopen("k:0123456789abcdef\t{\"article\":\"x\"}\n", 34, "r");
	assert_int_equal(signature_read(fp, &reduced, &cause), -1);
	assert_null(reduced);
	assert_string_equal(cause, "1: not a signature line");
	free(cause);
	fclose(fp);
	free(buf);
	group_set_free(direct);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_one_event),
		cmocka_unit_test(test_stable_ids),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_signatures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
