/*
 * testlib: what the cmocka tests share: locating ../shared and the source
 * tree, reading files, loading a source from a string, skipping cleanly
 * when test material is absent, and running a group at every level of
 * block routines.
 */
#ifndef PARALLAX_TESTLIB_H
#define PARALLAX_TESTLIB_H

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "document.h"
#include "scan.h"
#include "taxonomy.h"

/* ../shared/SUB beside the source tree, or NULL when it is absent. */
static inline char *
testlib_shared(const char *sub)
{
	const char *base = getenv("PARALLAX_SHARED");
	static char path[4096];
	struct stat st;

	if (base == NULL)
		return NULL;
	snprintf(path, sizeof path, "%s/%s", base, sub);
	if (stat(path, &st) != 0)
		return NULL;
	return path;
}

/* A file of the source tree (config/taxonomy.yaml, ...). */
static inline const char *
testlib_srcfile(const char *rel)
{
	static char path[4096];
	const char *base = getenv("PARALLAX_SRCDIR");

	snprintf(path, sizeof path, "%s/%s", base != NULL ? base : ".", rel);
	return path;
}

/*
 * A private directory for a test group's files: testlib_tmpdir_setup and
 * testlib_tmpdir_teardown are the group's cmocka setup and teardown, the
 * second removing the directory with everything in it.
 */
static char testlib_tmpdir[] = "/tmp/parallax-test-XXXXXX";

static inline int
testlib_tmpdir_setup(void **state)
{
	(void)state;
	return mkdtemp(testlib_tmpdir) != NULL ? 0 : -1;
}

static inline int
testlib_tmpdir_teardown(void **state)
{
	char cmd[2 * sizeof testlib_tmpdir + 32];

	(void)state;
	/* A test may have taken a directory's permissions away. */
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'",
	    testlib_tmpdir, testlib_tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* testlib_tmpdir/NAME, in a static buffer. */
static inline const char *
testlib_tmpfile(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof path, "%s/%s", testlib_tmpdir, name);
	return path;
}

/* Writes TEXT as testlib_tmpdir/NAME; returns its path (a static buffer). */
static inline const char *
testlib_write(const char *name, const char *text)
{
	const char *path = testlib_tmpfile(name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* The whole file, NUL-terminated, or NULL. */
static inline char *
testlib_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (fp == NULL)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got != 0);
	fclose(fp);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* TEXT loaded as a source named NAME (document_load_buffer), or the test
 * fails.  The caller frees the document. */
static inline struct document *
testlib_load(const char *name, const char *text)
{
	struct document *doc = NULL;
	char *cause = NULL;

	if (document_load_buffer(name, text, strlen(text), &doc, &cause) != 0)
		fail_msg("%s", cause);
	return doc;
}

/* The bundled taxonomy (config/taxonomy.yaml), loaded or the test fails. */
static inline struct taxonomy *
testlib_bundled_taxonomy(void)
{
	struct taxonomy *tax;
	char *errors = NULL;

	if (taxonomy_load_file(testlib_srcfile("config/taxonomy.yaml"), &tax,
	    &errors) != 0)
		fail_msg("config/taxonomy.yaml: %s", errors);
	return tax;
}

/*
 * Runs the array of tests TESTS once at every level of block routines
 * this build and CPU have (scan.h), each run named after its level, and
 * leaves the best level chosen.  Evaluates to the number of failures.
 */
#define testlib_run_every_level(tests)					\
	testlib_every_level((tests), sizeof(tests) / sizeof((tests)[0]))

static inline int
testlib_every_level(const struct CMUnitTest *tests, size_t n)
{
	static const char *const names[] = { "portable", "sse2", "avx2" };
	int level, max = scan_level_max(), failed = 0;

	for (level = SCAN_LEVEL_PORTABLE; level <= max; level++) {
		scan_level = level;
		failed += _cmocka_run_group_tests(names[level], tests, n, NULL,
		    NULL);
	}
	scan_level = max;
	return failed;
}

#endif
