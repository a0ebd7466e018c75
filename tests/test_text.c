#include "testlib.h"

#include "scan.h"
#include "text.h"

static char *
san(const char *in, size_t len)
{
	size_t outlen;
	char *out = text_sanitize(in, len, &outlen);

	assert_int_equal(strlen(out), outlen);
	return out;
}

static void
assert_sanitizes(const char *in, size_t len, const char *want)
{
	char *out = san(in, len);

	assert_string_equal(out, want);
	free(out);
}

#define SAN(lit, want) assert_sanitizes(lit, sizeof lit - 1, want)

static void
test_valid_text_survives(void **state)
{
	SAN("plain ASCII\twith tab\nand newline", "plain ASCII\twith tab\nand newline");
	SAN("κόσμε “curly” ’ — 中文 😀", "κόσμε “curly” ’ — 中文 😀");
	SAN("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf");	/* U+10FFFF */
}

/* Invalid sequences: each maximal invalid subpart is one U+FFFD. */
static void
test_invalid_bytes(void **state)
{
	SAN("a\xffz", "a\xef\xbf\xbdz");
	SAN("a\xc0\xafz", "a\xef\xbf\xbd\xef\xbf\xbdz");	/* overlong '/' */
	SAN("a\xed\xa0\x80z", "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz");	/* surrogate */
	SAN("a\xe2\x82z", "a\xef\xbf\xbdz");	/* truncated euro sign */
	SAN("\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	SAN("end\xe2", "end\xef\xbf\xbd");
}

/* ESC [ 31 m once turned the rest of the screen red. */
static void
test_controls_become_pictures(void **state)
{
	SAN("\x1b[31mred", "\xe2\x90\x9b[31mred");
	SAN("bell\x07", "bell\xe2\x90\x87");
	SAN("nul\0x", "nul\xe2\x90\x80x");
	SAN("del\x7f", "del\xe2\x90\xa1");
	/* C1: CSI as a code point (U+009B) and OSC (U+009D). */
	SAN("\xc2\x9b" "2J\xc2\x9d", "\xef\xbf\xbd" "2J\xef\xbf\xbd");
}

/* RLO made "gnp.exe" look like "exe.png". */
static void
test_bidi_controls(void **state)
{
	SAN("a\xe2\x80\xae" "b", "a\xef\xbf\xbd" "b");
	SAN("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	SAN("\xe2\x80\x8f", "\xe2\x80\x8f");	/* RLM is a mark, not an override */
}

static void
test_line_ends_and_bom(void **state)
{
	SAN("a\r\nb\rc\n\r\nd", "a\nb\nc\n\nd");
	SAN("\xef\xbb\xbftitle", "title");
	SAN("\xef\xbb\xbf\xef\xbb\xbftitle", "title");	/* idempotent */
	SAN("x\xef\xbb\xbfy", "xy");	/* a BOM glued in mid-file goes too */
	SAN("", "");
}

static void
test_field(void **state)
{
	char *f;

	f = text_field("  A title\twith\r\nbreaks \x1b ", 25);
	assert_string_equal(f, "A title with breaks \xe2\x90\x9b");
	free(f);
	assert_null(text_field(" \n\t ", 4));
	assert_null(text_field("", 0));
}

static void
test_decode(void **state)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
	size_t pos = 0, len = strlen(s);

	assert_int_equal(text_decode(s, len, &pos), 'a');
	assert_int_equal(text_decode(s, len, &pos), 0xe9);
	assert_int_equal(text_decode(s, len, &pos), 0x20ac);
	assert_int_equal(text_decode(s, len, &pos), 0x1f600);
	assert_int_equal(pos, len);
	assert_int_equal(text_decode(s, len, &pos), -1);
	pos = 0;
	assert_int_equal(text_decode("\x80x", 2, &pos), -1);
	assert_int_equal(pos, 1);
}

static void
test_width(void **state)
{
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0x301), 0);	/* combining acute */
	assert_int_equal(text_cp_width(0x200d), 0);	/* ZWJ */
	assert_int_equal(text_cp_width(0x4e2d), 2);
	assert_int_equal(text_cp_width(0x1f600), 2);
	assert_int_equal(text_cp_width(0xfffd), 1);
	assert_int_equal(text_cp_width(0x241b), 1);
	assert_true(text_cp_width(0x0378) >= 0);	/* unassigned */
	assert_true(text_cp_width(-5) >= 0);
	assert_int_equal(text_width("e\xcc\x81" "t\xc3\xa9", 6), 3);
	assert_int_equal(text_width("中文ab", 8), 6);
	assert_int_equal(text_width("", 0), 0);
}

/* Markus Kuhn's stress test: no control byte survives, kosme does. */
static void
test_kuhn_stress_file(void **state)
{
	char *dir = testlib_shared("data/utf8-test"), path[4200], *buf, *out;
	size_t len = 0, outlen, i;

	if (dir == NULL)
		skip();
	snprintf(path, sizeof path, "%s/UTF-8-test.txt", dir);
	buf = testlib_read(path, &len);
	if (buf == NULL)
		skip();
	out = text_sanitize(buf, len, &outlen);
	/* kosme, written with U+1F79 as the file does */
	assert_non_null(strstr(out, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"));
	for (i = 0; i < outlen; i++) {
		unsigned char c = (unsigned char)out[i];

		assert_false(c < 0x20 && c != '\t' && c != '\n');
		assert_false(c == 0x7f);
	}
	/* Sanitising is idempotent: the output is valid and clean. */
	{
		size_t againlen;
		char *again = text_sanitize(out, outlen, &againlen);

		assert_int_equal(againlen, outlen);
		assert_memory_equal(again, out, outlen);
		free(again);
	}
	free(out);
	free(buf);
}

/* text_is_clean of S at the portable level, the others' reference. */
static bool
portable_clean(const char *s, size_t len)
{
	int level = scan_level;
	bool clean;

	scan_level = SCAN_LEVEL_PORTABLE;
	clean = text_is_clean(s, len);
	scan_level = level;
	return clean;
}

/*
 * text_is_clean against its definition, text that sanitises to itself,
 * and against the portable level: one byte or character that may not be
 * plain at every offset of runs of ASCII long enough for every block size
 * (8, 16 and 32 bytes) and the tails after.  General punctuation (E2 80
 * xx), which the AVX2 run takes in its stride, comes on its own, in pairs
 * and with its neighbours that are not clean or are other characters.
 */
static void
test_clean_at_every_offset(void **state)
{
	static const char *const odd[] = {
		"\x1f", "\x7f", "\t", "\n", "\r", "\x80", "\xc3\xa9",
		"\xc2\x85", "\xe2\x80\x9c", "\xe2\x80\xae", "\xef\xbb\xbf",
		"\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xff", "~", " ",
		"\xe2\x80\x80", "\xe2\x80\xbf", "\xe2\x80\xa9",
		"\xe2\x80\xaa", "\xe2\x80\xa8\xe2\x80\xab",
		"\xe2\x81\xa6", "\xe2\x80\xc0", "\xe2\x80\x41", "\xe2\x80",
		"\xe2\x80\x9c\xe2\x80\x9d", "\xe2\x80\x99\x1f",
		"\xe2\x80\x94\xc3\xa9", "\x80\xe2\x80\x9c",
		"\xe2\xe2\x80\x9c", "\xe2\x80\x80\x80"
	};
	char buf[120], *out;
	size_t len, at, k, n, outlen;

	for (len = 0; len <= 100; len++) {
		for (at = 0; at <= len; at++) {
			for (k = 0; k < sizeof odd / sizeof *odd; k++) {
				n = strlen(odd[k]);
				memset(buf, 'a' + (char)(len % 26), len + n);
				if (at < len)
					memcpy(buf + at, odd[k], n);
				out = text_sanitize(buf, len + n, &outlen);
				assert_int_equal(text_is_clean(buf, len + n),
				    outlen == len + n &&
				    memcmp(out, buf, outlen) == 0);
				assert_int_equal(text_is_clean(buf, len + n),
				    portable_clean(buf, len + n));
				free(out);
			}
		}
	}
}

/* Each level of block routines this build and CPU can run. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_text_survives),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_controls_become_pictures),
		cmocka_unit_test(test_bidi_controls),
		cmocka_unit_test(test_line_ends_and_bom),
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_kuhn_stress_file),
		cmocka_unit_test(test_clean_at_every_offset),
	};

	return testlib_run_every_level(tests);
}
