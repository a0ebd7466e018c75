/*
 * Hostile inputs: each one either works or gives a one-line message naming
 * the file, and never crashes, hangs or lets a control byte through.  Big
 * inputs are generated in memory or in a temporary directory.
 */
#include "testlib.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "document.h"
#include "story.h"
#include "tagger.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "text.h"
#include "invariants.h"
#include "strbuf.h"
#include "xalloc.h"

/* Seconds of CPU-independent wall time since START. */
static double
elapsed(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	    (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* TMPDIR/NAME, allocated. */
static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", testlib_tmpdir, name);
}

/* Writes LEN bytes of DATA to TMPDIR/NAME and returns its path. */
static char *
tmp_file(const char *name, const void *data, size_t len)
{
	char *path = tmp_path(name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* A refusal: one line that names the source and says WHY. */
static void
assert_message(char *cause, const char *name, const char *why)
{
	assert_non_null(cause);
	assert_non_null(strstr(cause, name));
	assert_non_null(strstr(cause, why));
	assert_null(strchr(cause, '\n'));
	assert_null(inv_terminal_safe(cause, strlen(cause)));
	free(cause);
}

/* Every string of DOC that reaches a screen is terminal-safe. */
static void
assert_document_safe(const struct document *doc)
{
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		assert_int_equal(strlen(doc->sentences[i].text),
		    doc->sentences[i].len);
		assert_null(inv_terminal_safe(doc->sentences[i].text,
		    doc->sentences[i].len));
	}
	if (doc->title != NULL)
		assert_null(inv_terminal_safe(doc->title, strlen(doc->title)));
	assert_null(inv_terminal_safe(doc->outlet, strlen(doc->outlet)));
}

/* The whole body, sentences joined by spaces. */
static char *
document_text(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		if (i > 0)
			strbuf_addch(&sb, ' ');
		strbuf_add(&sb, doc->sentences[i].text, doc->sentences[i].len);
	}
	strbuf_addstr(&sb, "");
	return strbuf_detach(&sb);
}

static void
test_empty_file(void **state)
{
	struct document *doc;
	char *cause = NULL, *path = tmp_file("empty.txt", "", 0);

	assert_int_equal(document_load_file(path, &doc, &cause), -1);
	assert_null(doc);
	assert_message(cause, path, "empty");
	/* White space only is empty too. */
	assert_int_equal(document_load_buffer("blank.txt", " \n\t\n", 4, &doc,
	    &cause), -1);
	assert_message(cause, "blank.txt", "empty");
	free(path);
}

/* NUL bytes mark binary files; a lone one must never cut text short. */
static void
test_nul_bytes(void **state)
{
	static const char text[] = "First sentence here.\0Second one after.";
	struct document *doc;
	char *cause = NULL, *body;

	if (document_load_buffer("nul.txt", text, sizeof text - 1, &doc,
	    &cause) != 0) {
		assert_message(cause, "nul.txt", "binary");
		return;
	}
	assert_document_safe(doc);
	body = document_text(doc);
	assert_non_null(strstr(body, "Second one after."));
	free(body);
	document_free(doc);
}

/* A 100 MB file is refused before it is read (the file is sparse). */
static void
test_huge_source_refused(void **state)
{
	struct document *doc;
	struct timespec start;
	char *cause = NULL, *path = tmp_path("huge.txt");
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(ftruncate(fileno(fp), (off_t)100 << 20), 0);
	assert_int_equal(fclose(fp), 0);
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(document_load_file(path, &doc, &cause), -1);
	assert_true(elapsed(&start) < 1.0);
	assert_message(cause, path, "too large");
	free(path);
}

/* Repeats UNIT until the text is LEN bytes. */
static char *
repeated(const char *unit, size_t len)
{
	size_t n = strlen(unit), i;
	char *buf = xmalloc(len + 1);

	for (i = 0; i < len; i++)
		buf[i] = unit[i % n];
	buf[len] = '\0';
	return buf;
}

#define SENTENCE_63 "Troops crossed the river at dawn, the ministry said on Tuesday."

/* A 4 KiB paragraph of 64 sentences, so 16 MiB is a whole number of them. */
static const char *
paragraph(void)
{
	static char buf[4097];
	size_t i;

	if (buf[0] == '\0') {
		for (i = 0; i < 64; i++)
			strcat(buf, i < 63 ? SENTENCE_63 " " : SENTENCE_63 "\n");
		assert_int_equal(strlen(buf), 4096);
	}
	return buf;
}

/* One byte over the limit is refused, the limit itself is read. */
static void
test_limit_edges(void **state)
{
	struct document *doc;
	char *cause = NULL, *text, *path;

	text = repeated(paragraph(), DOCUMENT_MAX_BYTES + 1);
	assert_int_equal(document_load_buffer("over.txt", text,
	    DOCUMENT_MAX_BYTES + 1, &doc, &cause), -1);
	assert_message(cause, "over.txt", "too large");

	path = tmp_file("under.txt", text, DOCUMENT_MAX_BYTES);
	free(text);
	assert_int_equal(document_load_file(path, &doc, &cause), 0);
	assert_int_equal(doc->nsentences, DOCUMENT_MAX_BYTES / 4096 * 64);
	assert_string_equal(doc->sentences[doc->nsentences - 1].text,
	    SENTENCE_63);
	document_free(doc);
	free(path);
}

static void
test_megabyte_line(void **state)
{
	struct document *doc;
	char *cause = NULL, *text = repeated("x", 1 << 20);
	size_t i, total = 0;

	assert_int_equal(document_load_buffer("line.txt", text, 1 << 20, &doc,
	    &cause), 0);
	for (i = 0; i < doc->nsentences; i++)
		total += doc->sentences[i].len;
	if (doc->title != NULL)
		total += strlen(doc->title);
	assert_int_equal(total, 1 << 20);
	document_free(doc);
	free(text);
}

static void
test_hundred_thousand_sentences(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct document *doc;
	char *cause = NULL;
	size_t i;

	for (i = 0; i < 100000; i++)
		strbuf_addf(&sb, "Officials counted %zu trucks today.%s", i,
		    i % 10 == 9 ? "\n" : " ");
	assert_int_equal(document_load_buffer("many.txt", sb.data, sb.len, &doc,
	    &cause), 0);
	assert_int_equal(doc->nsentences, 100000);
	assert_string_equal(doc->sentences[99999].text,
	    "Officials counted 99999 trucks today.");
	document_free(doc);
	strbuf_free(&sb);
}

/* A directory, a dangling symlink and a FIFO given as sources. */
/* A BOM opening a later paragraph: sentence text must be what the JSON
 * writer prints, or match offsets point at the wrong bytes. */
static void
test_bom_inside_the_file(void **state)
{
	static const char text[] = "Para one is here.\n"
	    "\xef\xbb\xbfNATO membership is here.\n";
	struct document *doc;
	char *cause = NULL, *again;
	size_t i, len;

	assert_int_equal(document_load_buffer("bom.txt", text, sizeof text - 1,
	    &doc, &cause), 0);
	assert_int_equal(doc->nsentences, 2);
	for (i = 0; i < doc->nsentences; i++) {
		again = text_sanitize(doc->sentences[i].text,
		    doc->sentences[i].len, &len);
		assert_int_equal(len, doc->sentences[i].len);
		assert_memory_equal(again, doc->sentences[i].text, len);
		free(again);
	}
	assert_string_equal(doc->sentences[1].text, "NATO membership is here.");
	document_free(doc);
}

static void
test_unreadable_sources(void **state)
{
	struct document *doc;
	char *cause = NULL, *path;

	assert_int_equal(document_load_file(testlib_tmpdir, &doc, &cause), -1);
	assert_message(cause, testlib_tmpdir, "directory");

	path = tmp_path("dangling.txt");
	assert_int_equal(symlink("/nonexistent/parallax/source.txt", path), 0);
	assert_int_equal(document_load_file(path, &doc, &cause), -1);
	assert_message(cause, path, strerror(ENOENT));
	free(path);

	/* A FIFO with no writer: read as empty at once, never a hang. */
	path = tmp_path("fifo.txt");
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(document_load_file(path, &doc, &cause), -1);
	assert_message(cause, path, "empty");
	free(path);

	path = tmp_file("secret.txt", "Hidden text.", 12);
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() != 0) {
		assert_int_equal(document_load_file(path, &doc, &cause), -1);
		assert_message(cause, path, strerror(EACCES));
	}
	free(path);
}

/* Tags TEXT as one sentence with TAX and checks what it found. */
static void
expect_tags(const struct taxonomy *tax, const char *text, size_t nmatches,
    size_t ntopics)
{
	struct tagger *tg = tagger_new(tax);
	struct sentence s;

	memset(&s, 0, sizeof s);
	s.text = xstrdup(text);
	s.len = strlen(s.text);
	tagger_tag(tg, &s);
	assert_int_equal(s.nmatches, nmatches);
	assert_int_equal(s.ntopics, ntopics);
	free(s.text);
	free(s.matches);
	free(s.topics);
	tagger_free(tg);
}

/* Loads TEXT as a taxonomy; on failure checks every error line is
 * positioned and safe to print. */
static struct taxonomy *
load_taxonomy(const char *text, size_t len)
{
	struct taxonomy *tax = NULL;
	char *errors = NULL, *line, *save = NULL;
	unsigned long ln, col;
	int used;

	if (taxonomy_load_buffer("hostile.yaml", text, len, &tax, &errors) == 0)
		return tax;
	assert_null(tax);
	assert_non_null(errors);
	assert_null(inv_terminal_safe(errors, strlen(errors)));
	for (line = strtok_r(errors, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		used = 0;
		assert_int_equal(sscanf(line, "hostile.yaml:%lu:%lu: %n", &ln,
		    &col, &used), 2);
		assert_true(used > 0 && line[used] != '\0');
		assert_true(ln >= 1 && col >= 1);
	}
	free(errors);
	return NULL;
}

/* The errors of TEXT, which must not load, as one string. */
static char *
taxonomy_errors(const char *text)
{
	struct taxonomy *tax = NULL;
	char *errors = NULL;

	assert_int_equal(taxonomy_load_buffer("hostile.yaml", text,
	    strlen(text), &tax, &errors), -1);
	assert_null(load_taxonomy(text, strlen(text)));
	return errors;
}

static void
test_hundred_thousand_keywords(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct taxonomy *tax;
	size_t i;

	strbuf_addstr(&sb, "version: 1\ntopics:\n  - id: many\n    label: Many\n"
	    "    keywords:\n");
	for (i = 0; i < 100000; i++)
		strbuf_addf(&sb, "      - keyword %zu here\n", i);
	tax = load_taxonomy(sb.data, sb.len);
	assert_non_null(tax);
	assert_int_equal(tax->topics[0].nkeywords, 100000);
	expect_tags(tax, "They said keyword 99999 here, and keyword 7 here.",
	    2, 1);
	taxonomy_free(tax);
	strbuf_free(&sb);
}

/* Nine levels of nine aliases: a billion nodes if expanded. */
static char *
alias_bomb(const char *indent)
{
	struct strbuf sb = STRBUF_INIT;
	int level, i;

	strbuf_addf(&sb, "%sa0: &a0 [lol]\n", indent);
	for (level = 1; level < 10; level++) {
		strbuf_addf(&sb, "%sa%d: &a%d [", indent, level, level);
		for (i = 0; i < 9; i++)
			strbuf_addf(&sb, "%s*a%d", i > 0 ? ", " : "", level - 1);
		strbuf_addstr(&sb, "]\n");
	}
	return strbuf_detach(&sb);
}

static void
test_alias_bomb(void **state)
{
	struct timespec start;
	struct document *doc;
	char *bomb = alias_bomb(""), *text, *errors, *cause = NULL;

	clock_gettime(CLOCK_MONOTONIC, &start);
	text = xasprintf("version: 1\n%stopics:\n  - id: x\n    label: X\n"
	    "    keywords: *a9\n", bomb);
	errors = taxonomy_errors(text);
	assert_true(elapsed(&start) < 0.5);
	assert_non_null(strstr(errors, "alias"));
	free(errors);
	free(text);

	/* The same bomb as a source's front matter. */
	clock_gettime(CLOCK_MONOTONIC, &start);
	text = xasprintf("---\n%stitle: Bomb\n---\nThe body is here.\n", bomb);
	if (document_load_buffer("bomb.md", text, strlen(text), &doc,
	    &cause) == 0) {
		assert_document_safe(doc);
		document_free(doc);
	} else
		assert_message(cause, "bomb.md", "front matter");
	assert_true(elapsed(&start) < 0.5);
	free(text);
	free(bomb);
}

/* 10,000 nested collections: refused with a position, without recursing. */
static void
test_deep_nesting(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct document *doc;
	char *errors, *cause = NULL;
	size_t i;

	strbuf_addstr(&sb, "version: 1\ntopics: ");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "[");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "]");
	errors = taxonomy_errors(sb.data);
	assert_non_null(strstr(errors, "nest"));
	free(errors);

	/* Subtopics 10,000 deep. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "version: 1\ntopics: ");
	for (i = 0; i < 10000; i++)
		strbuf_addf(&sb, "[{id: t%zu, label: T, keywords: [k], topics: ",
		    i);
	strbuf_addstr(&sb, "[]");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "}]");
	errors = taxonomy_errors(sb.data);
	assert_non_null(strstr(errors, "nest"));
	free(errors);

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "---\ntags: ");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "[");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "]");
	strbuf_addstr(&sb, "\n---\nBody text.\n");
	if (document_load_buffer("deep.md", sb.data, sb.len, &doc, &cause) == 0)
		document_free(doc);
	else
		assert_message(cause, "deep.md", "front matter");
	strbuf_free(&sb);
}

/* Keywords that are all punctuation: refused with a position, or loaded
 * and matched without trouble. */
static void
test_punctuation_keywords(void **state)
{
	static const char *const marks[] = {
		"...", "!!!", "?", "-", "--", "\\u2014", "'", "\\\"\\\"", "*",
		"**", ".*", "(", ")", "[]", "#", "&", "@", "%", "\\u2026",
		"\\u00bf?", ",", ";", ":", "/", "\\\\", "|", "~", "^", "`", "+",
		"<>", "{}", "$", "=", "\\u00b7", "\\u201c\\u201d",
	};
	struct strbuf sb = STRBUF_INIT;
	struct taxonomy *tax;
	struct tagger *tg;
	struct sentence s;
	size_t i, j;

	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "version: 1\ntopics:\n  - id: p\n    label: P\n"
		    "    keywords: [\"%s\", real]\n", marks[i]);
		tax = load_taxonomy(sb.data, sb.len);
		if (tax == NULL)
			continue;
		tg = tagger_new(tax);
		memset(&s, 0, sizeof s);
		s.text = xstrdup("Wait... what?! -- \"yes\" (no) [x] #1 & @a 50% "
		    "\xe2\x80\x94 \xe2\x80\xa6 \xc2\xbf? a, b; c: d/e\\f|g~h^i`j+k "
		    "<l> {m} $n =o \xc2\xb7 \xe2\x80\x9cp\xe2\x80\x9d real.");
		s.len = strlen(s.text);
		tagger_tag(tg, &s);
		for (j = 0; j < s.nmatches; j++)
			assert_null(inv_span(s.text, s.len, s.matches[j].start,
			    s.matches[j].end));
		assert_int_equal(s.ntopics, 1);
		free(s.text);
		free(s.matches);
		free(s.topics);
		tagger_free(tg);
		taxonomy_free(tax);
	}
	strbuf_free(&sb);
}

/*
 * Found by fuzz_taxonomy: a duplicate id holding a line break was echoed
 * raw, splitting its error in two lines, the second without a position.
 */
static void
test_duplicate_id_with_line_break(void **state)
{
	static const char yaml[] = "version: 1\ntopics:\n"
	    "  - id: \"x\\ny\\e]0;t\\a\"\n    label: X\n    keywords: [k]\n"
	    "  - id: \"x\\ny\\e]0;t\\a\"\n    label: Y\n    keywords: [k]\n";
	char *errors = taxonomy_errors(yaml);

	assert_non_null(strstr(errors, "hostile.yaml:6:9: duplicate id "));
	free(errors);
}

/*
 * Found by fuzz_export: a sentence of nothing but Unicode white space
 * (U+1680, which segmenting does not trim) has no tokens, and the matcher
 * did pointer arithmetic on its still-NULL token array (UBSan).
 */
static void
test_sentence_of_unicode_spaces(void **state)
{
	static const char yaml[] = "version: 1\ntopics:\n  - id: t\n"
	    "    label: T\n    keywords: [troops]\n";
	struct taxonomy *tax = load_taxonomy(yaml, strlen(yaml));

	assert_non_null(tax);
	expect_tags(tax, "\xe1\x9a\x80\xe1\x9a\x80\xe3\x80\x80", 0, 0);
	taxonomy_free(tax);
}

/*
 * Found by fuzz_taxedit: an id starting with an invisible U+FEFF was
 * sanitised into a valid one, so adding topic "\uFEFFv" reported success
 * and wrote a topic that loaded as "v".
 */
static void
test_invisible_id(void **state)
{
	static const char yaml[] = "version: 1\ntopics:\n"
	    "  - id: \"\\ufeffv\"\n    label: V\n    keywords: [k]\n";
	static const char base[] = "version: 1\ntopics:\n  - id: nato\n"
	    "    label: N\n";
	char *errors = taxonomy_errors(yaml), *out = NULL, *cause = NULL;
	size_t outlen;

	assert_non_null(strstr(errors, "hostile.yaml:3:9: bad id"));
	free(errors);
	assert_int_equal(taxedit_add_topic(base, sizeof base - 1, NULL,
	    "\xef\xbb\xbfv", "V", &out, &outlen, &cause), -1);
	assert_null(out);
	free(cause);
}

/*
 * Found by fuzz_taxonomy: an unknown key holding a C1 control (NEL, YAML's
 * "\N") or a bidi override was echoed raw in its error message.
 */
static void
test_controls_in_error_messages(void **state)
{
	char *errors = taxonomy_errors("\"\\N\\t\": 3\n\"\\u202e\\e[2J\": 4\n");

	assert_non_null(strstr(errors, "'\\u0085\\x09'"));
	assert_non_null(strstr(errors, "'\\u202e\\x1b[2J'"));
	free(errors);
}

/*
 * 10,000 empty sources, a dangling link and a directory beside one good
 * source, and a missing directory: the story opens with the good one and
 * one warning for each of the others.
 */
static void
test_story_survives_bad_sources(void **state)
{
	struct story *story;
	struct taxonomy *tax;
	static const char yaml[] = "version: 1\ntopics:\n  - id: t\n"
	    "    label: T\n    keywords: [troop*]\n";
	char *dir = tmp_path("mixed"), *name, *cause = NULL, *paths[2];
	FILE *fp;
	size_t i;

	assert_int_equal(mkdir(dir, 0700), 0);
	for (i = 0; i < 10000; i++) {
		name = xasprintf("%s/%05zu.txt", dir, i);
		assert_non_null(fp = fopen(name, "w"));
		assert_int_equal(fclose(fp), 0);
		free(name);
	}
	name = xasprintf("%s/zz-good.md", dir);
	assert_non_null(fp = fopen(name, "w"));
	fputs("Troops crossed the river at dawn, officials said.\n", fp);
	assert_int_equal(fclose(fp), 0);
	free(name);
	name = xasprintf("%s/zz-link.txt", dir);
	assert_int_equal(symlink("/nonexistent/parallax.txt", name), 0);
	free(name);
	name = xasprintf("%s/zz-dir.txt", dir);
	assert_int_equal(mkdir(name, 0700), 0);
	free(name);

	tax = load_taxonomy(yaml, strlen(yaml));
	assert_non_null(tax);
	paths[0] = dir;
	paths[1] = "/nonexistent/parallax-dir";
	assert_int_equal(story_open(&story, paths, 2, tax, NULL, &cause), 0);
	assert_int_equal(story->ndocs, 1);
	assert_int_equal(story->nwarnings, 10000 + 3);
	for (i = 0; i < story->nwarnings; i++) {
		assert_null(strchr(story->warnings[i], '\n'));
		assert_null(inv_terminal_safe(story->warnings[i],
		    strlen(story->warnings[i])));
	}
	assert_int_equal(story->docs[0]->sentences[0].ntopics, 1);
	story_free(story);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_huge_source_refused),
		cmocka_unit_test(test_limit_edges),
		cmocka_unit_test(test_megabyte_line),
		cmocka_unit_test(test_hundred_thousand_sentences),
		cmocka_unit_test(test_unreadable_sources),
		cmocka_unit_test(test_bom_inside_the_file),
		cmocka_unit_test(test_hundred_thousand_keywords),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_punctuation_keywords),
		cmocka_unit_test(test_duplicate_id_with_line_break),
		cmocka_unit_test(test_sentence_of_unicode_spaces),
		cmocka_unit_test(test_invisible_id),
		cmocka_unit_test(test_controls_in_error_messages),
		cmocka_unit_test(test_story_survives_bad_sources),
	};

	return cmocka_run_group_tests(tests, testlib_tmpdir_setup,
	    testlib_tmpdir_teardown);
}
