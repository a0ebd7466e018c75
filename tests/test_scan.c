#include "testlib.h"

#include "scan.h"

/* Bytes that are near misses for the sets below: neighbours of each
 * member, the same bytes with the high bit flipped, and the bytes around
 * the capitals. */
static const unsigned char scan_fillers[] = {
	' ', 'a', 'z', '@', '[', 0x09, 0x0b, '-', '/', ' ', '9', ';', '>',
	0xe1, 0xe3, 0x62, 0x8a, 0xae, 0xa1, 0xbf, 0xba, 0x80, 0xff, 0x00,
	0xc1, 0xda, 0x7f, '"' + 1, '\'' - 1
};

static const struct scan_set scan_stops = {
	{ '\n', '.', '!', '?', ':', 0xe2 }, false
};
static const struct scan_set scan_stops_upper = {
	{ '\n', '.', '!', '?', ':', 0xe2 }, true
};
static const struct scan_set scan_marks = {
	{ '"', '\'', 0xe2, 0xe2, 0xe2, 0xe2 }, false
};

/* The answer one byte at a time. */
static size_t
scan_naive(const char *s, size_t len, size_t i, const struct scan_set *set)
{
	for (; i < len; i++) {
		if (scan_is_member((unsigned char)s[i], set))
			return i;
	}
	return len;
}

/* Every length up to 40, a member at every offset (or none), every start:
 * both the SSE2 loop (when built) and the eight-byte loop agree with the
 * naive one, including members right after a word boundary and bytes
 * that only differ from a member in their high bit. */
static void
check_set(const struct scan_set *set, const unsigned char *members,
    size_t nmembers)
{
	char buf[48];
	size_t len, at, from, m, k, want;
	unsigned seed = 1;

	for (len = 0; len <= 40; len++) {
		for (at = 0; at <= len; at++) {
			for (m = 0; m < nmembers; m++) {
				for (k = 0; k < len; k++) {
					seed = seed * 1103515245 + 12345;
					do {
						buf[k] = (char)scan_fillers[(seed >>
						    16) % sizeof scan_fillers];
						seed = seed * 1103515245 + 12345;
					} while (scan_is_member((unsigned char)
					    buf[k], set));
				}
				if (at < len)
					buf[at] = (char)members[m];
				for (from = 0; from <= len; from++) {
					want = scan_naive(buf, len, from, set);
					assert_int_equal(want, from <= at &&
					    at < len ? at : len);
					assert_int_equal(scan_portable(buf, len,
					    from, set), want);
					assert_int_equal(scan_find(buf, len,
					    from, set), want);
				}
			}
		}
	}
}

static void
test_stops(void **state)
{
	static const unsigned char m[] = { '\n', '.', '!', '?', ':', 0xe2 };

	check_set(&scan_stops, m, sizeof m);
}

static void
test_stops_and_capitals(void **state)
{
	static const unsigned char m[] = { '.', 0xe2, 'A', 'M', 'Z' };

	check_set(&scan_stops_upper, m, sizeof m);
	/* Not capitals: the bytes either side, and the same bytes with the
	 * high bit set. */
	assert_int_equal(scan_find("@[`{\xc1\xda\xc5" "abc", 10, 0,
	    &scan_stops_upper), 10);
	assert_int_equal(scan_portable("@[`{\xc1\xda\xc5" "abc", 10, 0,
	    &scan_stops_upper), 10);
}

static void
test_marks(void **state)
{
	static const unsigned char m[] = { '"', '\'', 0xe2 };

	check_set(&scan_marks, m, sizeof m);
}

/* Two members in one word: the first is found, then the second. */
static void
test_two_in_a_word(void **state)
{
	const char *s = "abc.def?ghijklmnopqrstuvwxyz0123.";
	size_t len = strlen(s);

	assert_int_equal(scan_find(s, len, 0, &scan_stops), 3);
	assert_int_equal(scan_find(s, len, 4, &scan_stops), 7);
	assert_int_equal(scan_find(s, len, 8, &scan_stops), len - 1);
	assert_int_equal(scan_portable(s, len, 4, &scan_stops), 7);
	assert_int_equal(scan_portable(s, len, 8, &scan_stops), len - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stops),
		cmocka_unit_test(test_stops_and_capitals),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_two_in_a_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
