/*
 * fuzz_signature: any bytes as the reduce side's input (--group-signatures).
 * It either fails with a line number or groups: every article in exactly
 * one story, each story's members listed once, its central article among
 * them, the stories written as JSON.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "group.h"
#include "signature.h"
#include "stories.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct group_set *set;
	const struct group_story *st;
	char *cause = NULL, *out = NULL;
	size_t i, j, n, outlen = 0, *seen;
	FILE *fp;

	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	FUZZ_ASSERT(fp != NULL);
	if (signature_read(fp, &set, &cause) != 0) {
		FUZZ_ASSERT(set == NULL && cause != NULL);
		FUZZ_ASSERT(strchr(cause, '\n') == NULL);
		free(cause);
		fclose(fp);
		return 0;
	}
	fclose(fp);
	n = group_set_count(set);
	seen = calloc(n + 1, sizeof *seen);
	FUZZ_ASSERT(seen != NULL);
	for (i = 0; i < group_set_nstories(set); i++) {
		st = group_set_story(set, i);
		FUZZ_ASSERT(st->nmembers >= 1);
		for (j = 0; j < st->nmembers; j++) {
			FUZZ_ASSERT(st->members[j] < n);
			FUZZ_ASSERT(seen[st->members[j]]++ == 0);
			FUZZ_ASSERT(group_set_story_of(set, st->members[j]) == st);
		}
		FUZZ_ASSERT(group_set_story_of(set, st->central) == st);
		FUZZ_ASSERT(group_set_find(set, st->id) != NULL);
	}
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(seen[i] == 1);
	fp = open_memstream(&out, &outlen);
	FUZZ_ASSERT(fp != NULL);
	stories_write_json(fp, set);
	stories_write_table(fp, set);
	fclose(fp);
	free(out);
	free(seen);
	group_set_free(set);
	return 0;
}
