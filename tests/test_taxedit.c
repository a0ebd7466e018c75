#include "config.h"

#include "testlib.h"

#include <dirent.h>

#include "taxedit.h"
#include "taxonomy.h"

/* A taxonomy written the way people write them: comments, odd spacing. */
static const char messy[] =
    "# My taxonomy  \n"
    "version: 1   # always 1\n"
    "\n"
    "topics:\n"
    "# --- alliances ---\n"
    "-   id: alliances      # four-space items\n"
    "    label: \"Alliances\"\n"
    "    keywords:\n"
    "        - NATO           # the big one\n"
    "        - 'alliance*'\n"
    "\n"
    "        - \"Article 5\"\n"
    "    match-case: [ EU ,  NATO ]   # flow, spaced\n"
    "    topics:\n"
    "    -   id: membership\n"
    "        label: Membership\n"
    "        keywords: [join* NATO]\n"
    "-   {id: troops, label: Troops, keywords: [troop*]}\n"
    "-   id: energy\n"
    "    label: Energy\n"
    "    exclude:\n"
    "    keywords: ~\n";

/* OUT must equal BUF with the bytes [at, at + del) replaced by INS. */
static void
expect_splice(const char *buf, const char *out, size_t outlen, size_t at,
    size_t del, const char *ins)
{
	size_t len = strlen(buf), inslen = strlen(ins);

	if (outlen != len - del + inslen || memcmp(out, buf, at) != 0 ||
	    memcmp(out + at, ins, inslen) != 0 ||
	    memcmp(out + at + inslen, buf + at + del, len - at - del) != 0)
		fail_msg("unexpected edit:\n%s", out);
}

static size_t
offset_after(const char *buf, const char *needle)
{
	const char *p = strstr(buf, needle);

	assert_non_null(p);
	return (size_t)(p - buf) + strlen(needle);
}

static size_t
offset_of(const char *buf, const char *needle)
{
	const char *p = strstr(buf, needle);

	assert_non_null(p);
	return (size_t)(p - buf);
}

/* OUT loads, and topic ID has KEYWORD in its keywords (or not). */
static void
expect_keyword(const char *out, size_t len, const char *id,
    const char *keyword, int present)
{
	struct taxonomy *tax = NULL;
	char *errors = NULL;
	size_t t, i;
	int found = 0;

	if (taxonomy_load_buffer("out", out, len, &tax, &errors) != 0)
		fail_msg("%s", errors);
	t = taxonomy_find(tax, id);
	assert_int_not_equal(t, TOPIC_NO_PARENT);
	for (i = 0; i < tax->topics[t].nkeywords; i++)
		found |= strcmp(tax->topics[t].keywords[i], keyword) == 0;
	assert_int_equal(found, present);
	taxonomy_free(tax);
}

static void
test_add_block(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;

	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "Washington summit", &out, &len,
	    &cause), 0);
	expect_splice(messy, out, len, offset_after(messy,
	    "- \"Article 5\"\n"), 0, "        - Washington summit\n");
	expect_keyword(out, len, "alliances", "Washington summit", 1);
	free(out);

	/* Text that YAML could misread is quoted. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "U.S.: \"no\" # yes", &out, &len,
	    &cause), 0);
	expect_splice(messy, out, len, offset_after(messy,
	    "- \"Article 5\"\n"), 0,
	    "        - \"U.S.: \\\"no\\\" # yes\"\n");
	expect_keyword(out, len, "alliances", "U.S.: \"no\" # yes", 1);
	free(out);
}

static void
test_add_flow(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;

	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_MATCH_CASE, "OSCE", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[ EU ,  NATO"), 0,
	    ", OSCE");
	free(out);
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "membership", TAXEDIT_KEYWORDS, "accession", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[join* NATO"), 0,
	    ", accession");
	expect_keyword(out, len, "membership", "accession", 1);
	free(out);
	/* Inside a flow mapping too. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "troops", TAXEDIT_KEYWORDS, "boots on the ground", &out, &len,
	    &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[troop*"), 0,
	    ", boots on the ground");
	free(out);
	/* A flow mapping without the list gets one. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "troops", TAXEDIT_EXCLUDE, "toy", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[troop*]"), 0,
	    ", exclude: [toy]");
	free(out);
}

static void
test_add_to_null_and_missing(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;

	/* keywords: ~ */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "energy", TAXEDIT_KEYWORDS, "gas", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_of(messy, "~\n"), 1, "[gas]");
	expect_keyword(out, len, "energy", "gas", 1);
	free(out);
	/* exclude: (nothing) */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "energy", TAXEDIT_EXCLUDE, "gas station", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "    exclude:"), 0,
	    " [gas station]");
	free(out);
	/* No match-case key at all: one new line after the topic's last. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "energy", TAXEDIT_MATCH_CASE, "LNG", &out, &len, &cause), 0);
	expect_splice(messy, out, len, sizeof messy - 1, 0,
	    "    match-case: [LNG]\n");
	free(out);
	/* The subtopic's mapping gets its own indentation. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "membership", TAXEDIT_EXCLUDE, "club", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[join* NATO]\n"),
	    0, "        exclude: [club]\n");
	free(out);
}

static void
test_remove(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;

	/* A block item goes with its line, comment included. */
	assert_int_equal(taxedit_remove_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "NATO", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_of(messy, "        - NATO"),
	    strlen("        - NATO           # the big one\n"), "");
	expect_keyword(out, len, "alliances", "NATO", 0);
	expect_keyword(out, len, "alliances", "alliance*", 1);
	free(out);
	/* Flow items take one comma with them: first, last, only. */
	assert_int_equal(taxedit_remove_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_MATCH_CASE, "EU", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_of(messy, "EU ,"),
	    strlen("EU ,  "), "");
	free(out);
	assert_int_equal(taxedit_remove_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_MATCH_CASE, "NATO", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[ EU"),
	    strlen(" ,  NATO"), "");
	free(out);
	assert_int_equal(taxedit_remove_keyword(messy, sizeof messy - 1,
	    "troops", TAXEDIT_KEYWORDS, "troop*", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_of(messy, "troop*"),
	    strlen("troop*"), "");
	free(out);
}

static void
test_add_topic(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;
	struct taxonomy *tax = NULL;
	char *errors = NULL;

	assert_int_equal(taxedit_add_topic(messy, sizeof messy - 1, NULL,
	    "sanctions", "Sanctions & trade", &out, &len, &cause), 0);
	expect_splice(messy, out, len, sizeof messy - 1, 0,
	    "-   id: sanctions\n    label: \"Sanctions & trade\"\n");
	assert_int_equal(taxonomy_load_buffer("out", out, len, &tax, &errors),
	    0);
	assert_string_equal(tax->topics[tax->ntopics - 1].label,
	    "Sanctions & trade");
	taxonomy_free(tax);
	free(out);
	/* Under a parent with subtopics, and under one without. */
	assert_int_equal(taxedit_add_topic(messy, sizeof messy - 1,
	    "alliances", "partners", "Partners", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[join* NATO]\n"),
	    0, "    -   id: partners\n        label: Partners\n");
	free(out);
	assert_int_equal(taxedit_add_topic(messy, sizeof messy - 1,
	    "energy", "gas", "Gas", &out, &len, &cause), 0);
	expect_splice(messy, out, len, sizeof messy - 1, 0,
	    "    topics:\n      - id: gas\n        label: Gas\n");
	free(out);
	assert_int_equal(taxedit_add_topic(messy, sizeof messy - 1,
	    "troops", "peacekeepers", "Peacekeepers", &out, &len, &cause), 0);
	expect_splice(messy, out, len, offset_after(messy, "[troop*]"), 0,
	    ", topics: [{id: peacekeepers, label: Peacekeepers}]");
	free(out);
}

static void
test_refusals(void **state)
{
	char *out = NULL, *cause = NULL;
	size_t len;

	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1, "nope",
	    TAXEDIT_KEYWORDS, "x", &out, &len, &cause), -1);
	assert_string_equal(cause, "no topic 'nope' in the taxonomy");
	free(cause);
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "NATO", &out, &len, &cause), -1);
	assert_string_equal(cause, "'NATO' is already in 'keywords' of "
	    "'alliances'");
	free(cause);
	assert_int_equal(taxedit_remove_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "nothing", &out, &len, &cause), -1);
	free(cause);
	/* The result is checked: a keyword the loader refuses is refused. */
	assert_int_equal(taxedit_add_keyword(messy, sizeof messy - 1,
	    "alliances", TAXEDIT_KEYWORDS, "*bad", &out, &len, &cause), -1);
	assert_non_null(strstr(cause, "the edit would make the taxonomy "
	    "invalid (taxonomy:13:11: '*' must end a word"));
	free(cause);
	assert_int_equal(taxedit_add_topic(messy, sizeof messy - 1, NULL,
	    "troops", "Again", &out, &len, &cause), -1);
	assert_non_null(strstr(cause, "duplicate id 'troops'"));
	free(cause);
	assert_int_equal(taxedit_add_keyword("version: [", 10, "a",
	    TAXEDIT_KEYWORDS, "x", &out, &len, &cause), -1);
	assert_string_equal(cause, "the taxonomy has errors: fix them first");
	free(cause);
}

/* Files without a final line break, and UTF-8 before the edit point. */
static void
test_edges(void **state)
{
	static const char block[] = "version: 1\ntopics:\n- id: energie\n"
	    "  label: \xc3\x89nergie \xe2\x80\x94 gaz\n  keywords:\n  - gaz";
	static const char flow[] = "version: 1\ntopics:\n- id: x\n"
	    "  label: \xc3\x89\n  keywords: [\xc3\xa9t\xc3\xa9]";
	static const char cr[] = "version: 1\ntopics:\n- id: x\n"
	    "  label: X\n  keywords:\n  - a\r  - b\n";
	char *out = NULL, *cause = NULL;
	size_t len;

	assert_int_equal(taxedit_add_keyword(block, sizeof block - 1,
	    "energie", TAXEDIT_KEYWORDS, "p\xc3\xa9trole", &out, &len,
	    &cause), 0);
	expect_splice(block, out, len, sizeof block - 1, 0,
	    "\n  - p\xc3\xa9trole\n");
	free(out);
	assert_int_equal(taxedit_add_keyword(flow, sizeof flow - 1, "x",
	    TAXEDIT_KEYWORDS, "hiver", &out, &len, &cause), 0);
	expect_splice(flow, out, len, sizeof flow - 2, 0, ", hiver");
	free(out);
	/* A lone CR ends a line as LF does (fuzz_taxedit found this). */
	assert_int_equal(taxedit_remove_keyword(cr, sizeof cr - 1, "x",
	    TAXEDIT_KEYWORDS, "a", &out, &len, &cause), 0);
	expect_splice(cr, out, len, offset_of(cr, "  - a"), strlen("  - a\r"),
	    "");
	expect_keyword(out, len, "x", "b", 1);
	free(out);
}

/*
 * On the default taxonomy, adding a keyword to any non-empty list and
 * removing it again gives back the file byte for byte.
 */
static void
test_round_trip(void **state)
{
	struct taxonomy *tax = NULL;
	const struct topic *tp;
	char *buf, *errors = NULL, *added, *back, *cause = NULL;
	size_t len = 0, alen, blen, t, counts[4], trips = 0;
	int list;

	buf = testlib_read(testlib_srcfile("config/taxonomy.yaml"), &len);
	assert_non_null(buf);
	assert_int_equal(taxonomy_load_buffer("t", buf, len, &tax, &errors), 0);
	for (t = 0; t < tax->ntopics; t++) {
		tp = &tax->topics[t];
		counts[TAXEDIT_KEYWORDS] = tp->nkeywords;
		counts[TAXEDIT_MATCH_CASE] = tp->nmatch_case;
		counts[TAXEDIT_EXCLUDE] = tp->nexclude;
		counts[TAXEDIT_AMBIGUOUS] = tp->nambiguous;
		for (list = TAXEDIT_KEYWORDS; list <= TAXEDIT_AMBIGUOUS; list++) {
			if (counts[list] == 0)
				continue;
			if (taxedit_add_keyword(buf, len, tp->id, list,
			    "zz round trip", &added, &alen, &cause) != 0 ||
			    taxedit_remove_keyword(added, alen, tp->id, list,
			    "zz round trip", &back, &blen, &cause) != 0)
				fail_msg("%s: %s", tp->id, cause);
			if (blen != len || memcmp(back, buf, len) != 0)
				fail_msg("%s: another file after a round trip:"
				    "\n%s", tp->id, back);
			free(added);
			free(back);
			trips++;
		}
	}
	assert_true(trips >= tax->ntopics);
	taxonomy_free(tax);
	free(buf);
}

/*
 * Edits on every case of the YAML test suite: refused cleanly or done,
 * never a crash, and a done edit still loads.
 */
static void
test_yaml_suite(void **state)
{
	const char *dir = testlib_shared("data/yaml-test-suite/cases");
	char path[8192], *buf, *out, *cause;
	struct dirent *de;
	size_t len = 0, outlen, done = 0, refused = 0;
	DIR *d;
	int rc;

	if (dir == NULL)
		skip();
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".yaml") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		buf = testlib_read(path, &len);
		assert_non_null(buf);
		for (int op = 0; op < 3; op++) {
			out = cause = NULL;
			rc = op == 0 ? taxedit_add_keyword(buf, len, "a",
			    TAXEDIT_KEYWORDS, "k", &out, &outlen, &cause) :
			    op == 1 ? taxedit_remove_keyword(buf, len, "a",
			    TAXEDIT_KEYWORDS, "k", &out, &outlen, &cause) :
			    taxedit_add_topic(buf, len, NULL, "new-topic",
			    "New", &out, &outlen, &cause);
			if (rc == 0) {
				assert_null(cause);
				assert_non_null(out);
				done++;
			} else {
				assert_null(out);
				assert_non_null(cause);
				refused++;
			}
			free(out);
			free(cause);
		}
		free(buf);
	}
	closedir(d);
	print_message("yaml-test-suite edits: %zu done, %zu refused\n", done,
	    refused);
	assert_int_equal(done + refused, 3 * 402);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_block),
		cmocka_unit_test(test_add_flow),
		cmocka_unit_test(test_add_to_null_and_missing),
		cmocka_unit_test(test_remove),
		cmocka_unit_test(test_add_topic),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_yaml_suite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
