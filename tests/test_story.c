#include "testlib.h"

#include "claims.h"
#include "coverage.h"
#include "document.h"
#include "export.h"
#include "invariants.h"
#include "story.h"
#include "tagger.h"
#include "taxonomy.h"

static struct taxonomy *
default_taxonomy(void)
{
	struct taxonomy *tax;
	char *errors = NULL;

	if (taxonomy_load_file(testlib_srcfile("config/taxonomy.yaml"), &tax,
	    &errors) != 0)
		fail_msg("default taxonomy: %s", errors);
	return tax;
}

static struct story *
open_sample(void)
{
	char *paths[] = { strdup(testlib_srcfile("config/sample")) };
	struct story *story;
	char *cause = NULL;

	if (story_open(&story, paths, 1, default_taxonomy(), &cause) != 0)
		fail_msg("sample story: %s", cause);
	free(paths[0]);
	return story;
}

/* The links between sentences and claims agree both ways. */
static void
check_claims_consistent(const struct story *story)
{
	const struct claims *claims = story->claims;
	size_t d, i, j, total = 0;

	assert_non_null(claims);
	for (i = 0; i < claims->n; i++) {
		const struct claim *c = &claims->items[i];

		assert_int_equal(c->id, i);
		assert_true(c->nrefs >= 1);
		for (j = 0; j < c->nrefs; j++) {
			const struct claim_ref *r = &c->refs[j];

			assert_true(r->doc < story->ndocs);
			assert_true(r->sentence < story->docs[r->doc]->nsentences);
			assert_int_equal(story->docs[r->doc]->sentences[r->sentence].claim, i);
			if (story->docs[r->doc]->sentences[r->sentence].boilerplate)
				assert_int_equal(c->nrefs, 1);
		}
		for (j = 1; j < c->ndocs; j++)
			assert_true(c->docs[j - 1] < c->docs[j]);
		total += c->nrefs;
	}
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++)
			assert_true(story->docs[d]->sentences[i].claim < claims->n);
		total -= story->docs[d]->nsentences;
	}
	assert_int_equal(total, 0);
}

static void
test_sample_story_opens(void **state)
{
	struct story *story = open_sample();
	size_t d, tagged = 0, shared = 0, i;

	assert_int_equal(story->ndocs, 5);
	assert_int_equal(story->nwarnings, 0);
	for (d = 0; d < story->ndocs; d++) {
		assert_non_null(story->docs[d]->outlet);
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			const struct sentence *s = &story->docs[d]->sentences[i];

			if (s->boilerplate)
				assert_int_equal(s->ntopics, 0);
			tagged += s->ntopics != 0;
		}
	}
	assert_true(tagged >= 20);
	check_claims_consistent(story);
	for (i = 0; i < story->claims->n; i++)
		shared += story->claims->items[i].ndocs >= 3;
	assert_true(shared >= 2);	/* the sample is built around shared claims */
	story_free(story);
}

static void
test_bad_sources_become_warnings(void **state)
{
	char *paths[] = { "/nonexistent/parallax/source.txt",
	    strdup(testlib_srcfile("config/sample/01-meridian-wire.md")) };
	struct story *story;
	char *cause = NULL;

	assert_int_equal(story_open(&story, paths, 2, default_taxonomy(),
	    &cause), 0);
	assert_int_equal(story->ndocs, 1);
	assert_int_equal(story->nwarnings, 1);
	assert_non_null(strstr(story->warnings[0], "/nonexistent/parallax/source.txt"));
	story_free(story);
	free(paths[1]);
}

static void
test_no_source_at_all_fails(void **state)
{
	char *paths[] = { "/nonexistent/parallax/a.txt" };
	struct taxonomy *tax = default_taxonomy();
	struct story *story = NULL;
	char *cause = NULL;

	assert_int_equal(story_open(&story, paths, 1, tax, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "a.txt"));
	free(cause);
	taxonomy_free(tax);	/* still ours on failure */
}

static void
test_retag_replaces_topics(void **state)
{
	static const char yaml[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n";
	struct story *story = open_sample();
	struct taxonomy *tax;
	char *errors = NULL;
	size_t d, i, hits = 0;

	assert_int_equal(taxonomy_load_buffer("t.yaml", yaml, sizeof yaml - 1,
	    &tax, &errors), 0);
	story_retag(story, tax);
	assert_ptr_equal(story->taxonomy, tax);
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			const struct sentence *s = &story->docs[d]->sentences[i];

			assert_true(s->ntopics <= 1);
			hits += s->ntopics;
			if (s->ntopics == 1)
				assert_non_null(strcasestr(s->text, "ceasefire"));
		}
	}
	assert_true(hits >= 5);
	check_claims_consistent(story);
	story_free(story);
}

/*
 * The coverage follows the claims and the taxonomy: a topic
 * added by an edit that changes no sentence's topics has its row.
 */
static void
test_coverage_follows_claims(void **state)
{
	static const char one[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n";
	static const char two[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n  - id: none\n    label: None\n"
	    "    keywords: [xylophonist]\n";
	char *paths[] = { strdup(testlib_srcfile("config/sample")) };
	const struct coverage *cov;
	struct story *story;
	struct taxonomy *tax;
	char *cause = NULL;
	size_t d, i, n;

	assert_int_equal(story_load(&story, paths, 1, default_taxonomy(),
	    &cause), 0);
	assert_null(story->claims);
	assert_null(story->coverage);
	story_link(story);
	cov = story_coverage(story);
	assert_ptr_equal(story->coverage, cov);
	assert_ptr_equal(story_coverage(story), cov);
	assert_int_equal(cov->ndocs, story->ndocs);
	assert_int_equal(cov->ntopics, story->taxonomy->ntopics);
	assert_int_equal(taxonomy_load_buffer("t.yaml", one, sizeof one - 1,
	    &tax, &cause), 0);
	story_retag(story, tax);
	assert_int_equal(story_coverage(story)->ntopics, 1);
	assert_int_equal(taxonomy_load_buffer("t.yaml", two, sizeof two - 1,
	    &tax, &cause), 0);
	story_retag(story, tax);
	cov = story_coverage(story);
	assert_int_equal(cov->ntopics, 2);
	for (d = 0; d < story->ndocs; d++) {
		for (i = n = 0; i < story->docs[d]->nsentences; i++)
			n += story->docs[d]->sentences[i].ntopics;
		assert_int_equal(coverage_count(cov, 0, d), n);
		assert_int_equal(coverage_count(cov, 1, d), 0);
	}
	story_free(story);
	free(paths[0]);
}

static char *
json_of(const struct story *story)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	assert_non_null(fp);
	export_json(fp, story, "tax.yaml");
	fclose(fp);
	return buf;
}

static void
test_json_parses_and_is_safe(void **state)
{
	struct story *story = open_sample();
	char *json = json_of(story);
	const char *why = inv_json(json, strlen(json));

	if (why != NULL)
		fail_msg("invalid JSON: %s", why);
	assert_null(inv_terminal_safe(json, strlen(json)));
	assert_non_null(strstr(json, "{\"parallax\":1,"));
	assert_non_null(strstr(json, "\"claims\":["));
	assert_non_null(strstr(json, "\"id\":\"s5\""));
	/* The sample story has a quote that drifts between outlets. */
	assert_non_null(strstr(json, "\"drift\":[{\"a\":{\"source\":"));
	assert_non_null(strstr(json, "\"kind\":\"changed\""));
	free(json);
	story_free(story);
}

static void
test_stats_roll_up(void **state)
{
	static const char yaml[] =
	    "version: 1\ntopics:\n  - id: parent\n    label: P\n"
	    "    keywords: [alpha]\n    topics:\n      - id: child\n"
	    "        label: C\n        keywords: [beta]\n";
	static const char text[] = "Alpha and beta met.\n\nOnly beta here.\n\n"
	    "Nothing here.\n";
	struct taxonomy *tax;
	struct document *doc;
	struct export_stats *st;
	struct tagger *tagger;
	char *errors = NULL, *cause = NULL, *out = NULL;
	size_t size = 0;
	FILE *fp;

	assert_int_equal(taxonomy_load_buffer("t.yaml", yaml, sizeof yaml - 1,
	    &tax, &errors), 0);
	assert_int_equal(document_load_buffer("a.txt", text, sizeof text - 1,
	    &doc, &cause), 0);
	tagger = tagger_new(tax);
	story_tag_document(tagger, doc);
	st = export_stats_new(tax);
	export_stats_add(st, doc);
	export_stats_add(st, doc);	/* a second source with the same text */
	fp = open_memstream(&out, &size);
	export_stats_write(fp, st);
	fclose(fp);
	/* The parent counts its own hit and the child's, once per sentence. */
	assert_string_equal(out, "parent\t4\t2\nchild\t4\t2\n");
	free(out);
	export_stats_free(st);
	tagger_free(tagger);
	document_free(doc);
	taxonomy_free(tax);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_story_opens),
		cmocka_unit_test(test_bad_sources_become_warnings),
		cmocka_unit_test(test_no_source_at_all_fails),
		cmocka_unit_test(test_retag_replaces_topics),
		cmocka_unit_test(test_coverage_follows_claims),
		cmocka_unit_test(test_json_parses_and_is_safe),
		cmocka_unit_test(test_stats_roll_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
