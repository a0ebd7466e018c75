/*
 * testlib: what the cmocka tests share: locating ../shared and the source
 * tree, reading files, and skipping cleanly when test material is absent.
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

#endif
