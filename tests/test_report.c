#include "testlib.h"

#include "claims.h"
#include "fixture.h"
#include "report.h"
#include "story.h"
#include "taxonomy.h"

static struct topic topics[] = {
	{ .id = "security", .label = "Security", .parent = TOPIC_NO_PARENT },
	{ .id = "troops", .label = "Troops", .parent = 0, .depth = 1 },
	{ .id = "energy", .label = "Energy", .parent = TOPIC_NO_PARENT },
};
static struct taxonomy tax = { .path = "test.yaml", .version = 1,
    .topics = topics, .ntopics = 3 };

static const char *const a[] = {
	"The talks in Velmar opened with six delegations.",
	"[t1] \"Chasing this illusory aim will only prolong the siege,\" the "
	    "envoy said.",
	"[t2] Gas is flowing again through the eastern pipeline.",
	NULL,
};
static const char *const b[] = {
	"Talks in Velmar opened with six delegations, officials said.",
	"[t1] \"Pursuing this illusion will only prolong the siege,\" the envoy "
	    "warned.",
	"[t2] Heating bills fell for farmers after the winter deal.",
	NULL,
};
static const char *const c[] = {
	"Six delegations opened talks in Velmar.",
	"A reader wrote: *all* of this is _staged_ [sic] <b>|</b> & more.",
	NULL,
};

struct fx {
	struct story story;
	struct document *docs[3];
	char *md;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);

	fx->docs[0] = fixture_doc("Meridian Wire", "Talks open", a);
	fx->docs[1] = fixture_doc("Harbour Ledger", NULL, b);
	fx->docs[2] = fixture_doc("Star*News", "A title with_underscores_", c);
	fx->story.taxonomy = &tax;
	fx->story.docs = fx->docs;
	fx->story.ndocs = 3;
	fx->story.claims = claims_link(fx->docs, 3, &tax);
	fx->md = report_markdown(&fx->story);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	size_t i;

	free(fx->md);
	claims_free(fx->story.claims);
	for (i = 0; i < 3; i++)
		fixture_free(fx->docs[i]);
	free(fx);
	return 0;
}

static void
assert_has(const char *md, const char *want)
{
	if (strstr(md, want) == NULL)
		fail_msg("report lacks \"%s\":\n%s", want, md);
}

static void
test_sections(void **state)
{
	struct fx *fx = *state;

	assert_has(fx->md, "# Story report\n\n3 sources, 8 sentences");
	assert_has(fx->md, "\n## Sources\n\n| # | Source | Title |");
	assert_has(fx->md, "| 1 | Meridian Wire | Talks open | 3 |");
	assert_has(fx->md, "\n## Claims by coverage\n\n### 3 of 3 sources\n");
	assert_has(fx->md, "*Meridian Wire, Harbour Ledger and Star\\*News*");
	assert_has(fx->md, "### 2 of 3 sources");
	assert_has(fx->md, "*Meridian Wire and Harbour Ledger* · Troops\n");
	assert_has(fx->md, "\n## Quote drift\n");
	assert_has(fx->md, "\n## Sources one by one\n\n### 1. Meridian Wire\n");
	assert_has(fx->md, "\n## Coverage matrix\n");
}

static void
test_drift_as_word_diff(void **state)
{
	struct fx *fx = *state;

	assert_has(fx->md, "- Meridian Wire: “~~Chasing~~ this ~~illusory "
	    "aim~~ will only prolong the siege,”\\\n  Harbour Ledger: "
	    "“**Pursuing** this **illusion** will only prolong the siege,”\n");
}

static void
test_unique_and_omissions(void **state)
{
	struct fx *fx = *state;

	assert_has(fx->md, "**Only here** (1):\n\n- Gas is flowing again");
	/* Star*News leaves out what both others cover. */
	assert_has(fx->md, "**Leaves out:** Security (covered by 2 of the 2 "
	    "others), Energy (covered by 2 of the 2 others).");
	assert_has(fx->md, "| ↳ Troops | 1 | 1 | – | 2/3 |");
	assert_has(fx->md, "| Energy | 1 | 1 | – | 2/3 |");
}

/* Article text never acts as Markdown. */
static void
test_escaping(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;

	assert_has(fx->md, "A reader wrote: \\*all\\* of this is \\_staged\\_ "
	    "\\[sic\\] \\<b\\>\\|\\</b\\> \\& more.");
	assert_has(fx->md, "*A title with\\_underscores\\_*");
	report_escape(&sb, "# not a heading\n`code` ~~x~~ !",
	    strlen("# not a heading\n`code` ~~x~~ !"));
	assert_string_equal(sb.data,
	    "\\# not a heading \\`code\\` \\~\\~x\\~\\~ \\!");
	strbuf_free(&sb);
}

static void
test_single_source(void **state)
{
	struct document *doc = fixture_doc("solo", NULL, a);
	struct story story = { .taxonomy = &tax, .docs = &doc, .ndocs = 1 };
	char *md;

	story.claims = claims_link(&doc, 1, &tax);
	md = report_markdown(&story);
	assert_has(md, "No claim is carried by more than one source.");
	assert_has(md, "Every quote shared by two sources or more is worded "
	    "the same in each.");
	assert_null(strstr(md, "Leaves out"));
	free(md);
	claims_free(story.claims);
	fixture_free(doc);
}

/* A claim carried by many sources names a few and counts the rest. */
static void
test_many_outlets(void **state)
{
	enum { N = 12 };
	static const char *const texts[] = {
		"The Ostrin bridge reopens to traffic in May.",
		NULL,
	};
	struct document *docs[N];
	struct story story = { .taxonomy = &tax, .docs = docs, .ndocs = N };
	char name[16], *md;
	size_t i;

	for (i = 0; i < N; i++) {
		snprintf(name, sizeof name, "o%zu", i);
		docs[i] = fixture_doc(name, NULL, texts);
	}
	story.claims = claims_link(docs, N, &tax);
	md = report_markdown(&story);
	assert_has(md, "### 12 of 12 sources");
	assert_has(md, "*o0, o1, o2, o3, o4, o5, o6 and 5 more*");
	free(md);
	claims_free(story.claims);
	for (i = 0; i < N; i++)
		fixture_free(docs[i]);
}

static void
test_write(void **state)
{
	struct fx *fx = *state;
	FILE *fp = tmpfile();
	char buf[65536];
	size_t n;

	assert_non_null(fp);
	assert_int_equal(report_write(fp, &fx->story), 0);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	assert_string_equal(buf, fx->md);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_drift_as_word_diff),
		cmocka_unit_test(test_unique_and_omissions),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_single_source),
		cmocka_unit_test(test_many_outlets),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
