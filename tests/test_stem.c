#include "testlib.h"

#include "stem.h"

static void
assert_stem(struct stem *st, const char *word, const char *want)
{
	size_t len;
	const char *got = stem_word(st, word, strlen(word), &len);

	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
}

static void
test_english(void **state)
{
	struct stem *st = stem_new();

	assert_stem(st, "deployed", "deploy");
	assert_stem(st, "deploying", "deploy");
	assert_stem(st, "troops", "troop");
	assert_stem(st, "negotiations", "negoti");
	assert_stem(st, "negotiated", "negoti");
	assert_stem(st, "nato", "nato");
	assert_stem(st, "", "");
	/* UTF-8 goes through whole. */
	assert_stem(st, "élysée", "élysé");
	stem_free(st);
	stem_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
