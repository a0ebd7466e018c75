#include "testlib.h"

#include "phrasefilter.h"
#include "scan.h"

/* Bytes that are near misses for the sets below: neighbours of each
 * member, the same bytes with the high bit flipped, and the bytes around
 * the capitals. */
static const unsigned char scan_fillers[] = {
	' ', 'a', 'z', '@', '[', 0x09, 0x0b, '-', '/', ' ', '9', ';', '>',
	0xe1, 0xe3, 0x62, 0x8a, 0xae, 0xa1, 0xbf, 0xba, 0x80, 0xff, 0x00,
	0xc1, 0xda, 0x7f, '"' + 1, '\'' - 1
};

static const struct scan_set scan_stops =
    SCAN_SET(6, false, '\n', '.', '!', '?', ':', 0xe2);
static const struct scan_set scan_stops_upper =
    SCAN_SET(6, true, '\n', '.', '!', '?', ':', 0xe2);
static const struct scan_set scan_marks =
    SCAN_SET(3, false, '"', '\'', 0xe2, 0, 0, 0);

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

/* Fills BUF[0, LEN) with bytes outside SET. */
static void
fill(char *buf, size_t len, const struct scan_set *set, unsigned *seed)
{
	size_t k;

	for (k = 0; k < len; k++) {
		do {
			*seed = *seed * 1103515245 + 12345;
			buf[k] = (char)scan_fillers[(*seed >> 16) %
			    sizeof scan_fillers];
		} while (scan_is_member((unsigned char)buf[k], set));
	}
}

/* Both ways of filling a block agree, at every block of BUF. */
static void
check_blocks(const char *buf, size_t len, const struct scan_set *set)
{
	size_t base;

	for (base = 0; base < len; base += 64)
		assert_int_equal(scan_block(buf, len, base, set),
		    scan_block_portable(buf, len, base, set));
}

/* One cursor walked through every member from every start agrees with
 * the naive answer, and so does a fresh cursor at each start. */
static void
check_cursor(const char *buf, size_t len, const struct scan_set *set)
{
	struct scan_cursor walk, fresh;
	size_t from, at;

	scan_start(&walk, buf, len);
	for (from = 0; from <= len; from++) {
		at = scan_naive(buf, len, from, set);
		scan_start(&fresh, buf, len);
		assert_int_equal(scan_next(&fresh, from, set), at);
		assert_int_equal(scan_next(&walk, from, set), at);
	}
	check_blocks(buf, len, set);
}

/*
 * Lengths around a word of eight and blocks of 64, a member at every
 * offset (so at every offset within a word and a block), among near
 * misses: bytes that differ from a member in the high bit only, and the
 * neighbours of the capitals.
 */
static void
check_set(const struct scan_set *set, const unsigned char *members,
    size_t nmembers)
{
	static const size_t lens[] = {
		0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 71, 100,
		127, 128, 129, 140
	};
	char buf[160];
	size_t len, at, m, l;
	unsigned seed = 1;

	for (l = 0; l < sizeof lens / sizeof *lens; l++) {
		len = lens[l];
		for (at = 0; at <= len; at++) {
			for (m = 0; m < nmembers; m++) {
				fill(buf, len, set, &seed);
				if (at < len)
					buf[at] = (char)members[m];
				check_cursor(buf, len, set);
			}
		}
	}
	/* Members everywhere, and in runs. */
	for (len = 0; len <= 140; len += 7) {
		fill(buf, len, set, &seed);
		for (at = 0; at < len; at++) {
			seed = seed * 1103515245 + 12345;
			if ((seed >> 16) % 3 == 0)
				buf[at] = (char)members[(seed >> 8) % nmembers];
		}
		check_cursor(buf, len, set);
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
	struct scan_cursor c;
	const char *s = "@[`{\xc1\xda\xc5" "abc";

	check_set(&scan_stops_upper, m, sizeof m);
	/* Not capitals: the bytes either side, and the same bytes with the
	 * high bit set. */
	scan_start(&c, s, 10);
	assert_int_equal(scan_next(&c, 0, &scan_stops_upper), 10);
	assert_int_equal(scan_block_portable(s, 10, 0, &scan_stops_upper), 0);
}

static void
test_marks(void **state)
{
	static const unsigned char m[] = { '"', '\'', 0xe2 };

	check_set(&scan_marks, m, sizeof m);
}

/* Two members in one word: the first is found, then the second; the
 * cursor moves on to the next block and back again. */
static void
test_two_in_a_word(void **state)
{
	char buf[200];
	struct scan_cursor c;
	size_t len = sizeof buf;

	memset(buf, 'x', len);
	buf[3] = '.';
	buf[7] = '?';
	buf[130] = '!';
	buf[199] = '\n';
	scan_start(&c, buf, len);
	assert_int_equal(scan_next(&c, 0, &scan_stops), 3);
	assert_int_equal(scan_next(&c, 4, &scan_stops), 7);
	assert_int_equal(scan_next(&c, 8, &scan_stops), 130);
	assert_int_equal(scan_next(&c, 131, &scan_stops), 199);
	assert_int_equal(scan_next(&c, 5, &scan_stops), 7);
	assert_int_equal(scan_next(&c, 200, &scan_stops), 200);
	assert_int_equal(scan_next(&c, 250, &scan_stops), 200);
}

/* Every byte at every offset of a block, against scan_is_member: the
 * nibble tables SCAN_SET builds hold each set exactly. */
static void
test_every_byte(void **state)
{
	static const struct scan_set *const sets[] = {
		&scan_stops, &scan_stops_upper, &scan_marks
	};
	char buf[64];
	size_t k, b, at;
	uint64_t want;

	for (k = 0; k < sizeof sets / sizeof *sets; k++) {
		for (b = 0; b < 256; b++) {
			for (at = 0; at < 64; at++) {
				memset(buf, 'x', sizeof buf);
				buf[at] = (char)b;
				want = scan_is_member((unsigned char)b,
				    sets[k]) ? (uint64_t)1 << at : 0;
				assert_int_equal(scan_block(buf, 64, 0,
				    sets[k]), want);
			}
		}
	}
}

/* scan_bits2 over whole buffers of every length up to a few blocks, for
 * two sets at once, and scan_bits_next over every range of them, against
 * the byte loop. */
static void
test_bits(void **state)
{
	static const unsigned char m[] = {
		'\n', '.', '!', '?', ':', 0xe2, '"', '\''
	};
	uint64_t bits[6], marks[6], camels[6], want;
	char buf[320];
	size_t len, i, end, k, j;
	unsigned seed = 7;

	for (len = 0; len <= sizeof buf; len += len < 140 ? 1 : 37) {
		fill(buf, len, &scan_stops, &seed);
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245 + 12345;
			if ((seed >> 16) % 9 == 0)
				buf[i] = (char)m[(seed >> 8) % sizeof m];
			else if ((seed >> 16) % 9 == 1)
				buf[i] = (char)("AZaz@[`{"[(seed >> 8) % 8]);
		}
		/* Joins across blocks, in half the buffers. */
		for (i = 64; i < len && len % 2 == 0; i += 64) {
			buf[i - 1] = 'q';
			buf[i] = 'Q';
		}
		memset(bits, 0xa5, sizeof bits);
		memset(camels, 0xa5, sizeof camels);
		scan_bits2(buf, len, &scan_stops, bits, &scan_marks, marks,
		    camels);
		for (k = 0; 64 * k < len; k++) {
			assert_int_equal(bits[k], scan_block_portable(buf,
			    len, 64 * k, &scan_stops));
			assert_int_equal(marks[k], scan_block_portable(buf,
			    len, 64 * k, &scan_marks));
			/* A camel join, across blocks too. */
			for (want = 0, j = 64 * k; j < len && j < 64 * k + 64;
			    j++) {
				if (j > 0 && buf[j] >= 'A' && buf[j] <= 'Z' &&
				    buf[j - 1] >= 'a' && buf[j - 1] <= 'z')
					want |= (uint64_t)1 << (j % 64);
			}
			assert_int_equal(camels[k], want);
		}
		for (end = 0; end <= len; end += 1 + end / 16) {
			for (i = 0; i <= end + 1; i++)
				assert_int_equal(scan_bits_next(bits, i, end),
				    scan_naive(buf, end, i, &scan_stops));
		}
	}
}

#ifdef SCAN_AVX2
/* Phrases that share anchors and first bytes, one as short as an anchor,
 * with spaces and punctuation: the shapes of sitephrase's. */
static const char *const filter_phrases[] = {
	"headlines", "click here", "click here to", "pic.twitter.com",
	"story continues below", "story continued below", "abcd",
	"in your inbox every", "contributed to this report",
	"contributed reporting"
};
#define FILTER_N (sizeof filter_phrases / sizeof *filter_phrases)

/* The phrases of filter_phrases in S[0, LEN), one place at a time. */
static uint64_t
filter_naive(const char *s, size_t len)
{
	uint64_t found = 0;
	size_t j, i, k, n;

	for (j = 0; j < FILTER_N; j++) {
		n = strlen(filter_phrases[j]);
		for (i = 0; i + n <= len; i++) {
			for (k = 0; k < n && (s[i + k] == filter_phrases[j][k] ||
			    (s[i + k] >= 'A' && s[i + k] <= 'Z' &&
			    s[i + k] - 'A' + 'a' == filter_phrases[j][k])); k++)
				;
			if (k == n)
				found |= (uint64_t)1 << j;
		}
	}
	return found;
}

/* Near misses of the phrases: their letters, a space, a stop, a capital,
 * the bytes of a curly quote. */
static const char filter_fillers[] = "abcdehilnoprstuwy .TCHI\xe2\x80\x9c";

/*
 * phrasefilter_find_each against the naive search: texts of every
 * length to past two blocks, back to back with NULs between them, each
 * with a phrase planted at each place (in capitals or not) among filler
 * made of its letters; read from an allocation of the exact size, so a
 * read past the end shows under valgrind or ASan.
 */
static void
test_phrasefilter(void **state)
{
	static struct phrasefilter f;
	unsigned seed = 7;
	size_t len, at, j, n, t, k, start, ntexts;
	char *buf;
	uint64_t found[3];
	size_t starts[3], lens[3];

	(void)state;
	if (scan_level < SCAN_LEVEL_AVX2)
		skip();
	phrasefilter_build(&f, filter_phrases, FILTER_N);
	for (len = 0; len <= 70; len++) {
		for (at = 0; at <= len; at += 1 + (len > 40)) {
			j = (len * 7 + at) % FILTER_N;
			n = strlen(filter_phrases[j]);
			ntexts = 1 + (len + at) % 3;
			for (t = start = 0; t < ntexts; t++) {
				lens[t] = len - t * (len / 4);
				start += lens[t] + (t + 1 < ntexts);
			}
			buf = malloc(start > 0 ? start : 1);
			assert_non_null(buf);
			for (t = start = 0; t < ntexts; t++) {
				starts[t] = start;
				for (k = 0; k < lens[t]; k++) {
					seed = seed * 1103515245 + 12345;
					buf[start + k] = filter_fillers[(seed >> 16) %
					    (sizeof filter_fillers - 1)];
				}
				if (at + n <= lens[t]) {
					memcpy(buf + start + at, filter_phrases[j], n);
					if (seed & 0x100)
						buf[start + at] = (char)(buf[start + at] & ~0x20);
				}
				start += lens[t];
				if (t + 1 < ntexts)
					buf[start++] = '\0';
			}
			memset(found, 0, sizeof found);
			phrasefilter_find_each(&f, buf, start, found);
			for (t = 0; t < ntexts; t++)
				assert_int_equal(found[t], filter_naive(buf +
				    starts[t], lens[t]));
			free(buf);
		}
	}
}
#endif

/* Each level this build and CPU can run, so a machine with AVX2 tests
 * SSE2 and the portable loop too. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stops),
		cmocka_unit_test(test_stops_and_capitals),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_two_in_a_word),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_bits),
#ifdef SCAN_AVX2
		cmocka_unit_test(test_phrasefilter),
#endif
	};

	if (scan_level != scan_level_max())
		return 1;	/* the constructor chose another */
	return testlib_run_every_level(tests);
}
