#include "testlib.h"

#include "json.h"

/* Runs the writer into a memory stream and returns what it wrote. */
static char *
written(const char *s, size_t len)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	assert_non_null(fp);
	if (s == NULL)
		json_cstr(fp, NULL);
	else
		json_string(fp, s, len);
	fclose(fp);
	return buf;
}

static void
expect(const char *s, size_t len, const char *want)
{
	char *got = written(s, len);

	assert_string_equal(got, want);
	free(got);
}

static void
test_plain_and_escapes(void **state)
{
	expect("NATO", 4, "\"NATO\"");
	expect("a \"b\" \\ c", 9, "\"a \\\"b\\\" \\\\ c\"");
	expect("line\nnext\tcol", 13, "\"line\\nnext\\tcol\"");
	expect(NULL, 0, "null");
	expect("", 0, "\"\"");
}

static void
test_utf8_kept(void **state)
{
	/* Curly quotes and accents pass through unescaped. */
	expect("\xe2\x80\x9cZ\xc3\xbcrich\xe2\x80\x9d", 13,
	    "\"\xe2\x80\x9cZ\xc3\xbcrich\xe2\x80\x9d\"");
}

static void
test_controls_never_reach_output(void **state)
{
	/* ESC, BEL, C1 CSI and invalid bytes: no raw control and no \u001b
	 * escape that `jq -r` would turn back into one. */
	const char in[] = "a\x1b]0;pwned\x07" "b\xc2\x9b" "31mc\xff";
	char *got = written(in, sizeof in - 1);
	size_t i;

	for (i = 0; got[i] != '\0'; i++) {
		unsigned char c = (unsigned char)got[i];

		assert_true(c >= 0x20 && c != 0x7f);
	}
	assert_null(strstr(got, "\\u00"));
	assert_non_null(strstr(got, "pwned"));
	assert_non_null(strstr(got, "\xef\xbf\xbd"));	/* U+FFFD */
	assert_true(got[0] == '"' && got[1] == 'a');
	free(got);
}

static void
test_embedded_nul(void **state)
{
	char *got = written("a\0b", 3);

	assert_true(got[0] == '"' && got[strlen(got) - 1] == '"');
	assert_non_null(strchr(got, 'b'));
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_escapes),
		cmocka_unit_test(test_utf8_kept),
		cmocka_unit_test(test_controls_never_reach_output),
		cmocka_unit_test(test_embedded_nul),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
