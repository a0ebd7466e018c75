/*
 * The public hostile corpora of ../shared/data, read in place: the YAML
 * test suite as taxonomies, the Big List of Naughty Strings as article
 * text and as keywords, Markus Kuhn's UTF-8 stress test as a source.
 * Each test skips when its corpus is absent.
 */
#include "testlib.h"

#include "document.h"
#include "invariants.h"
#include "strbuf.h"
#include "tagger.h"
#include "taxonomy.h"
#include "text.h"
#include "xalloc.h"

/* A corpus file, read whole, or NULL (then the test skips). */
static char *
corpus(const char *sub, size_t *len)
{
	const char *path = testlib_shared(sub);

	return path != NULL ? testlib_read(path, len) : NULL;
}

/* Every line of ERRORS is "NAME:LINE:COL: message". */
static void
assert_positioned(const char *errors, const char *name)
{
	const char *line = errors, *end;
	unsigned long ln, col;
	int used;

	assert_true(*errors != '\0');
	assert_null(inv_terminal_safe(errors, strlen(errors)));
	for (; *line != '\0'; line = *end == '\n' ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		assert_int_equal(strncmp(line, name, strlen(name)), 0);
		used = 0;
		assert_int_equal(sscanf(line + strlen(name), ":%lu:%lu: %n", &ln,
		    &col, &used), 2);
		assert_true(used > 0 && line + strlen(name) + used < end);
		assert_true(ln >= 1 && col >= 1);
	}
}

/* A loaded taxonomy keeps the rules: safe labels, usable keywords. */
static void
assert_taxonomy_sane(const struct taxonomy *tax)
{
	size_t i, j;

	for (i = 0; i < tax->ntopics; i++) {
		assert_true(tax->topics[i].id[0] != '\0');
		assert_null(inv_terminal_safe(tax->topics[i].label,
		    strlen(tax->topics[i].label)));
		assert_true(tax->topics[i].parent == TOPIC_NO_PARENT ||
		    tax->topics[i].parent < i);
		for (j = 0; j < tax->topics[i].nkeywords; j++)
			assert_null(inv_terminal_safe(tax->topics[i].keywords[j],
			    strlen(tax->topics[i].keywords[j])));
	}
}

/* Tags TEXT (sanitised first) with TAX; matches must be sane spans. */
static size_t
tag_text(const struct taxonomy *tax, const char *text, size_t len)
{
	struct tagger *tg = tagger_new(tax);
	struct sentence s;
	size_t i, ntopics, slen;

	memset(&s, 0, sizeof s);
	s.text = text_sanitize(text, len, &slen);
	s.len = (uint32_t)slen;
	tagger_tag(tg, &s);
	for (i = 0; i < s.nmatches; i++) {
		assert_true(s.matches[i].topic < tax->ntopics);
		assert_null(inv_span(s.text, s.len, s.matches[i].start,
		    s.matches[i].end));
	}
	ntopics = s.ntopics;
	free(s.text);
	free(s.matches);
	free(s.topics);
	tagger_free(tg);
	return ntopics;
}

/* Loads PATH, then its text indented under a topic's `keywords:`, so the
 * case also meets the validator deep inside a taxonomy.  Returns how many
 * of the two loaded. */
static size_t
load_case(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct taxonomy *tax = NULL;
	char *errors = NULL, *text, *line, *end;
	size_t len = 0, loaded = 0;

	if (taxonomy_load_file(path, &tax, &errors) == 0) {
		assert_null(errors);
		assert_taxonomy_sane(tax);
		taxonomy_free(tax);
		loaded++;
	} else {
		assert_null(tax);
		assert_positioned(errors, path);
		free(errors);
	}
	assert_non_null(text = testlib_read(path, &len));
	strbuf_addstr(&sb, "version: 1\ntopics:\n  - id: t\n    label: T\n"
	    "    keywords:\n");
	for (line = text; line < text + len; line = end + 1) {
		if ((end = memchr(line, '\n', (size_t)(text + len - line))) == NULL)
			end = text + len;
		strbuf_addf(&sb, "      %.*s\n", (int)(end - line), line);
	}
	tax = NULL;
	errors = NULL;
	if (taxonomy_load_buffer("embedded.yaml", sb.data, sb.len, &tax,
	    &errors) == 0) {
		assert_taxonomy_sane(tax);
		assert_int_equal(tag_text(tax, text, len) <= 1, 1);
		taxonomy_free(tax);
		loaded++;
	} else {
		assert_positioned(errors, "embedded.yaml");
		free(errors);
	}
	free(text);
	strbuf_free(&sb);
	return loaded;
}

/*
 * All 402 cases of the YAML test suite as taxonomies, alone and as a
 * topic's keywords: each loads and is sane, or fails with positioned
 * errors.  Most valid YAML is not shaped like a taxonomy, and some invalid
 * YAML libyaml accepts: both then meet the validator, and nothing crashes
 * or hangs.
 */
static void
test_yaml_suite_as_taxonomies(void **state)
{
	char *manifest, *line, *save = NULL, *path, *base;
	char id[64];
	size_t loaded = 0, refused = 0, error_cases = 0, cases = 0, n;
	int is_error;

	if ((manifest = corpus("data/yaml-test-suite/manifest.tsv", NULL)) == NULL)
		skip();
	base = xstrdup(testlib_shared("data/yaml-test-suite/cases"));
	line = strtok_r(manifest, "\n", &save);	/* the header */
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		assert_int_equal(sscanf(line, "%63[^\t]\t%d", id, &is_error), 2);
		path = xasprintf("%s/%s.yaml", base, id);
		n = load_case(path);
		loaded += n;
		refused += 2 - n;
		cases++;
		error_cases += is_error;
		free(path);
	}
	assert_int_equal(cases, 402);
	assert_int_equal(error_cases, 94);
	/* Embedded lists of plain words make some valid taxonomies. */
	assert_true(loaded > 0);
	print_message("yaml-test-suite: %zu loads, %zu refused with "
	    "positions\n", loaded, refused);
	free(base);
	free(manifest);
}

/* The strings of blns.txt: every line that is neither empty nor a comment. */
static char **
naughty_strings(size_t *n, char **buf)
{
	char **v = NULL, *line, *next;

	*n = 0;
	if ((*buf = corpus("data/naughty-strings/blns.txt", NULL)) == NULL)
		return NULL;
	for (line = *buf; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = line;
	}
	return v;
}

/* Title, dateline and sentences of DOC, joined by spaces. */
static char *
visible_text(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (doc->title != NULL)
		strbuf_addf(&sb, "%s ", doc->title);
	if (doc->dateline != NULL)
		strbuf_addf(&sb, "%s ", doc->dateline);
	for (i = 0; i < doc->nsentences; i++)
		strbuf_addf(&sb, "%s ", doc->sentences[i].text);
	strbuf_addstr(&sb, "");
	return strbuf_detach(&sb);
}

/* Every ASCII letter-and-digit word of S is in TEXT. */
static void
assert_words_kept(const char *s, const char *text)
{
	char word[256];
	size_t i = 0, n;

	while (s[i] != '\0') {
		for (n = 0; n < sizeof word - 1 && ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'));
		    n++)
			word[n] = s[i++];
		word[n] = '\0';
		if (n > 0 && strstr(text, word) == NULL)
			fail_msg("word '%s' of '%s' lost: '%s'", word, s, text);
		if (n == 0)
			i++;
	}
}

/*
 * Each naughty string alone and inside a sentence, as a source: it loads
 * or is refused with a message, no sentence carries a raw control, and
 * the visible words survive.
 */
static void
test_naughty_strings_as_text(void **state)
{
	struct document *doc;
	char **v, *buf, *text, *cause, *visible;
	size_t n, i, pass, loaded = 0;

	if ((v = naughty_strings(&n, &buf)) == NULL)
		skip();
	assert_int_equal(n, 516);
	for (i = 0; i < n; i++) {
		for (pass = 0; pass < 2; pass++) {
			text = pass == 0 ? xstrdup(v[i]) :
			    xasprintf("Officials said the word was %s today.\n",
			    v[i]);
			cause = NULL;
			if (document_load_buffer("naughty.txt", text, strlen(text),
			    &doc, &cause) != 0) {
				assert_non_null(strstr(cause, "naughty.txt: "));
				assert_null(strchr(cause, '\n'));
				assert_null(inv_terminal_safe(cause, strlen(cause)));
				free(cause);
				free(text);
				continue;
			}
			visible = visible_text(doc);
			assert_null(inv_terminal_safe(visible, strlen(visible)));
			assert_words_kept(v[i], visible);
			loaded++;
			free(visible);
			document_free(doc);
			free(text);
		}
	}
	/* Only the blank strings and the binary-looking ones are refused. */
	assert_true(loaded > 2 * n - 40);
	free(v);
	free(buf);
}

/* S as a YAML double-quoted scalar. */
static void
yaml_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(sb, "\\x%02x", c);
		else
			strbuf_addch(sb, (char)c);
	}
	strbuf_addch(sb, '"');
}

/* A one-topic taxonomy whose label and only keyword are S. */
static char *
taxonomy_with_keyword(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "version: 1\ntopics:\n  - id: naughty\n    label: ");
	yaml_quoted(&sb, s);
	strbuf_addstr(&sb, "\n    keywords:\n      - ");
	yaml_quoted(&sb, s);
	strbuf_addstr(&sb, "\n");
	return strbuf_detach(&sb);
}

/*
 * Each naughty string as a label and keyword: the loader accepts it or
 * gives a positioned error.  Then one taxonomy of every accepted string
 * tags the whole list.
 */
static void
test_naughty_strings_as_keywords(void **state)
{
	struct strbuf all = STRBUF_INIT, body = STRBUF_INIT;
	struct taxonomy *tax;
	char **v, *buf, *yaml, *errors, *sentence;
	size_t n, i, accepted = 0, tagged = 0;

	if ((v = naughty_strings(&n, &buf)) == NULL)
		skip();
	strbuf_addstr(&all, "version: 1\ntopics:\n  - id: all\n    label: All\n"
	    "    keywords:\n");
	for (i = 0; i < n; i++) {
		yaml = taxonomy_with_keyword(v[i]);
		tax = NULL;
		errors = NULL;
		if (taxonomy_load_buffer("naughty.yaml", yaml, strlen(yaml), &tax,
		    &errors) != 0) {
			assert_positioned(errors, "naughty.yaml");
			free(errors);
			free(yaml);
			continue;
		}
		assert_taxonomy_sane(tax);
		sentence = xasprintf("They said %s again.", v[i]);
		tagged += tag_text(tax, sentence, strlen(sentence)) != 0;
		free(sentence);
		taxonomy_free(tax);
		free(yaml);
		strbuf_addstr(&all, "      - ");
		yaml_quoted(&all, v[i]);
		strbuf_addstr(&all, "\n");
		strbuf_addf(&body, "%s\n", v[i]);
		accepted++;
	}
	/* Most strings hold a word; each of those must find itself. */
	assert_true(accepted > n / 2);
	assert_true(tagged > accepted / 2);
	tax = NULL;
	errors = NULL;
	assert_int_equal(taxonomy_load_buffer("all.yaml", all.data, all.len,
	    &tax, &errors), 0);
	assert_int_equal(tax->topics[0].nkeywords, accepted);
	assert_int_equal(tag_text(tax, body.data, body.len), 1);
	print_message("naughty keywords: %zu of %zu accepted, %zu tag their "
	    "own sentence\n", accepted, n, tagged);
	taxonomy_free(tax);
	strbuf_free(&all);
	strbuf_free(&body);
	free(v);
	free(buf);
}

/* Is LINE (LEN bytes) valid UTF-8 with no control but tab? */
static bool
clean_line(const char *line, size_t len)
{
	return inv_terminal_safe(line, len) == NULL &&
	    memchr(line, '\n', len) == NULL;
}

/*
 * Markus Kuhn's stress test: invalid sequences become U+FFFD, valid lines
 * come through unchanged, nothing raw reaches a screen, whole or by line.
 */
static void
test_utf8_stress(void **state)
{
	struct document *doc;
	struct taxonomy *tax;
	char *buf, *out, *cause, *line, *end, *visible, *yaml, *errors;
	size_t len, outlen, lines = 0, clean = 0;

	if ((buf = corpus("data/utf8-test/UTF-8-test.txt", &len)) == NULL)
		skip();
	out = text_sanitize(buf, len, &outlen);
	assert_null(inv_terminal_safe(out, outlen));
	assert_non_null(strstr(out, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"));
	assert_non_null(strstr(out, "\xef\xbf\xbd"));
	free(out);

	assert_int_equal(document_load_buffer("UTF-8-test.txt", buf, len, &doc,
	    &cause), 0);
	visible = visible_text(doc);
	assert_null(inv_terminal_safe(visible, strlen(visible)));
	assert_non_null(strstr(visible,
	    "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"));
	free(visible);
	document_free(doc);

	for (line = buf; line < buf + len; line = end + 1) {
		end = memchr(line, '\n', (size_t)(buf + len - line));
		if (end == NULL)
			end = buf + len;
		lines++;
		out = text_sanitize(line, (size_t)(end - line), &outlen);
		assert_null(inv_terminal_safe(out, outlen));
		if (clean_line(line, (size_t)(end - line))) {
			/* Valid text survives byte for byte. */
			assert_int_equal(outlen, (size_t)(end - line));
			assert_memory_equal(out, line, outlen);
			clean++;
		}
		cause = NULL;
		if (document_load_buffer("line.txt", line, (size_t)(end - line),
		    &doc, &cause) == 0) {
			visible = visible_text(doc);
			assert_null(inv_terminal_safe(visible, strlen(visible)));
			free(visible);
			document_free(doc);
		} else
			free(cause);
		/* The sanitised line as a keyword. */
		yaml = taxonomy_with_keyword(out);
		tax = NULL;
		errors = NULL;
		if (taxonomy_load_buffer("line.yaml", yaml, strlen(yaml), &tax,
		    &errors) == 0) {
			assert_taxonomy_sane(tax);
			assert_int_equal(tag_text(tax, line,
			    (size_t)(end - line)), 1);
			taxonomy_free(tax);
		} else {
			assert_positioned(errors, "line.yaml");
			free(errors);
		}
		free(yaml);
		free(out);
	}
	assert_true(lines >= 300);
	assert_true(clean > 150);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_suite_as_taxonomies),
		cmocka_unit_test(test_naughty_strings_as_text),
		cmocka_unit_test(test_naughty_strings_as_keywords),
		cmocka_unit_test(test_utf8_stress),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
