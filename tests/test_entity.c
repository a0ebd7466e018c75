#include "testlib.h"

#include <libxml/HTMLparser.h>

#include "entity.h"

/* libxml2's answer for NAME[0, LEN), as entity.c gave it before it had a
 * table of its own. */
static uint32_t
libxml2_named(const char *name, size_t len)
{
	const htmlEntityDesc *e;
	char z[32];

	if (len == 0 || len >= sizeof z)
		return 0;
	memcpy(z, name, len);
	z[len] = '\0';
	e = htmlEntityLookup((const xmlChar *)z);
	return e != NULL ? e->value : 0;
}

/* Every name libxml2 knows, and every near miss of one (a letter more or
 * less, the case of one changed), give what libxml2 gives. */
static void
test_same_as_libxml2(void **state)
{
	const htmlEntityDesc *e;
	char near[40];
	size_t n, i, found = 0;
	uint32_t cp;

	(void)state;
	for (cp = 0; cp < 0x10000; cp++) {
		if ((e = htmlEntityValueLookup(cp)) == NULL)
			continue;
		found++;
		n = strlen(e->name);
		assert_int_equal(entity_named(e->name, n), cp);
		memcpy(near, e->name, n);
		assert_int_equal(entity_named(near, n - 1),
		    libxml2_named(near, n - 1));
		near[n] = 'x';
		assert_int_equal(entity_named(near, n + 1),
		    libxml2_named(near, n + 1));
		near[n] = ';';
		assert_int_equal(entity_named(near, n + 1),
		    libxml2_named(near, n + 1));
		for (i = 0; i < n; i++) {
			memcpy(near, e->name, n);
			near[i] ^= 0x20;
			assert_int_equal(entity_named(near, n),
			    libxml2_named(near, n));
		}
	}
	assert_int_equal(found, 253);
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(entity_named("amp", 3), '&');
	assert_int_equal(entity_named("rsquo", 5), 0x2019);
	assert_int_equal(entity_named("AElig", 5), 0xc6);
	assert_int_equal(entity_named("zwnj", 4), 0x200c);
	assert_int_equal(entity_named("AMP", 3), 0);
	assert_int_equal(entity_named("ampx", 3), '&');
	assert_int_equal(entity_named("am", 2), 0);
	assert_int_equal(entity_named("", 0), 0);
	/* A name ends at a NUL, as a C string. */
	assert_int_equal(entity_named("amp\0x", 5), '&');
	assert_int_equal(entity_named("nosuchname", 10), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_libxml2),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
