/*
 * fuzz_taxonomy: any bytes as a taxonomy file.  A load either gives
 * positioned errors, one "fuzz.yaml:LINE:COL: message" a line, or a
 * taxonomy that keeps every rule of parallax-taxonomy(5): ids of
 * [a-z0-9-]+ and unique, parents before children, usable keywords,
 * terminal-safe labels.  A loaded taxonomy is then compiled and used.
 * Whatever the plain block YAML reader takes, it must read as libyaml.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fuzz.h"
#include "matcher.h"
#include "tagger.h"
#include "taxonomy.h"
#include "yamltree.h"

#define FUZZ_NAME "fuzz.yaml"

/* Every line of ERRORS is "FUZZ_NAME:LINE:COL: message". */
static void
fuzz_check_errors(const char *errors)
{
	const char *line = errors, *end, *p;
	char *num;
	unsigned long v;

	FUZZ_ASSERT(*errors != '\0');
	FUZZ_CHECK(inv_terminal_safe(errors, strlen(errors)));
	for (; *line != '\0'; line = *end == '\n' ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		FUZZ_ASSERT(strncmp(line, FUZZ_NAME ":", strlen(FUZZ_NAME) + 1) == 0);
		p = line + strlen(FUZZ_NAME) + 1;
		v = strtoul(p, &num, 10);
		FUZZ_ASSERT(num > p && v >= 1 && *num == ':');
		p = num + 1;
		v = strtoul(p, &num, 10);
		FUZZ_ASSERT(num > p && v >= 1 && *num == ':' && num[1] == ' ');
		FUZZ_ASSERT(num + 2 < end);
	}
}

static void
fuzz_check_phrases(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(list[i] != NULL);
		FUZZ_ASSERT(matcher_phrase_problem(list[i],
		    strlen(list[i])) == NULL);
		FUZZ_CHECK(inv_terminal_safe(list[i], strlen(list[i])));
	}
}

static void
fuzz_check_taxonomy(const struct taxonomy *tax)
{
	const struct topic *t;
	size_t i, j;

	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		FUZZ_ASSERT(t->id != NULL && t->id[0] != '\0');
		FUZZ_ASSERT(strspn(t->id, "abcdefghijklmnopqrstuvwxyz"
		    "0123456789-") == strlen(t->id));
		for (j = 0; j < i; j++)
			FUZZ_ASSERT(strcmp(tax->topics[j].id, t->id) != 0);
		FUZZ_ASSERT(taxonomy_find(tax, t->id) == i);
		FUZZ_ASSERT(t->label != NULL);
		FUZZ_CHECK(inv_terminal_safe(t->label, strlen(t->label)));
		if (t->color != NULL)
			FUZZ_CHECK(inv_terminal_safe(t->color, strlen(t->color)));
		if (t->parent == TOPIC_NO_PARENT)
			FUZZ_ASSERT(t->depth == 0);
		else {
			FUZZ_ASSERT(t->parent < i);
			FUZZ_ASSERT(t->depth == tax->topics[t->parent].depth + 1);
		}
		fuzz_check_phrases(t->keywords, t->nkeywords);
		fuzz_check_phrases(t->match_case, t->nmatch_case);
		fuzz_check_phrases(t->exclude, t->nexclude);
		fuzz_check_phrases(t->ambiguous, t->nambiguous);
		/* 'places' covers a listed topic's subtopics (rule 10). */
		FUZZ_ASSERT(t->parent == TOPIC_NO_PARENT ||
		    !tax->topics[t->parent].place || t->place);
	}
	fuzz_check_phrases(tax->offices, tax->noffices);
	for (i = 0; i < tax->noffices; i++)
		FUZZ_ASSERT(strchr(tax->offices[i], ' ') == NULL);
}

/*
 * Tags one sentence holding every keyword, each followed by SEP (" of the "
 * gives rule 9 names to read, " New " rule 10's); the matches must be
 * sane.
 */
static void
fuzz_tag(const struct taxonomy *tax, const char *sep)
{
	struct sentence s;
	struct tagger *tg = tagger_new(tax);
	size_t i, j, k, n, len = 0, pos, nsep = strlen(sep);
	char *text, **list;

	for (i = 0; i < tax->ntopics; i++) {
		for (j = 0; j < tax->topics[i].nkeywords; j++)
			len += strlen(tax->topics[i].keywords[j]) + nsep;
		for (j = 0; j < tax->topics[i].nambiguous; j++)
			len += strlen(tax->topics[i].ambiguous[j]) + nsep;
	}
	text = malloc(len + 1);
	FUZZ_ASSERT(text != NULL);
	pos = 0;
	for (i = 0; i < tax->ntopics; i++)
		for (k = 0; k < 2; k++) {
			list = k ? tax->topics[i].ambiguous :
			    tax->topics[i].keywords;
			n = k ? tax->topics[i].nambiguous :
			    tax->topics[i].nkeywords;
			for (j = 0; j < n; j++) {
				size_t m = strlen(list[j]);

				memcpy(text + pos, list[j], m);
				memcpy(text + pos + m, sep, nsep);
				pos += m + nsep;
			}
		}
	text[pos] = '\0';
	memset(&s, 0, sizeof s);
	s.text = text;
	s.len = pos;
	s.claim = SENTENCE_NO_CLAIM;
	tagger_tag(tg, &s);
	for (i = 0; i < s.nmatches; i++) {
		FUZZ_ASSERT(s.matches[i].topic < tax->ntopics);
		FUZZ_CHECK(inv_span(s.text, s.len, s.matches[i].start,
		    s.matches[i].end));
		FUZZ_ASSERT(i == 0 || s.matches[i].start >= s.matches[i - 1].start);
		/* Alone, a sentence keeps no match that nothing backs. */
		FUZZ_ASSERT(s.matches[i].support != MATCH_UNBACKED);
	}
	for (i = 0; i < s.ntopics; i++) {
		FUZZ_ASSERT(s.topics[i] < tax->ntopics);
		FUZZ_ASSERT(i == 0 || s.topics[i] > s.topics[i - 1]);
	}
	free(s.matches);
	free(s.topics);
	free(text);
	tagger_free(tg);
}

/*
 * Whatever yamltree's plain block reader takes, it reads to the tree
 * libyaml gives: positions, spans, styles and values.
 */
static void
fuzz_check_plain_reader(const char *text, size_t len)
{
	struct problems p1 = PROBLEMS_INIT(FUZZ_NAME);
	struct problems p2 = PROBLEMS_INIT(FUZZ_NAME);
	struct yamltree *a = yamltree_parse(text, len, 0, &p1);
	struct yamltree *b;

	if (a != NULL && yamltree_read_fast(a)) {
		b = yamltree_parse(text, len, YAMLTREE_LIBYAML, &p2);
		FUZZ_ASSERT(b != NULL);
		FUZZ_CHECK(inv_yamltree_same(yamltree_root(a),
		    yamltree_root(b)));
		yamltree_free(b);
	}
	yamltree_free(a);
	problems_free(&p1);
	problems_free(&p2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct taxonomy *tax = NULL;
	char *errors = NULL;

	fuzz_check_plain_reader((const char *)data, size);

	if (taxonomy_load_buffer(FUZZ_NAME, (const char *)data, size, &tax,
	    &errors) != 0) {
		FUZZ_ASSERT(tax == NULL && errors != NULL);
		fuzz_check_errors(errors);
		free(errors);
		return 0;
	}
	FUZZ_ASSERT(tax != NULL && errors == NULL);
	fuzz_check_taxonomy(tax);
	fuzz_tag(tax, " . ");
	if (tax->noffices != 0)
		fuzz_tag(tax, " of the ");
	/* Each keyword after a capitalised word gives rule 10 names. */
	fuzz_tag(tax, " New ");
	taxonomy_free(tax);
	return 0;
}
