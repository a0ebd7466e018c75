/*
 * fuzz_taxedit: in-place taxonomy edits on any text.  The input is an
 * operation byte, then two argument lines, then the taxonomy:
 *
 *   OP ARG1 '\n' ARG2 '\n' YAML
 *
 * OP % 3 picks add keyword, remove keyword or add topic; OP / 3 % 4 the
 * list (keywords, match-case, exclude, ambiguous).  ARG1 is the topic (or parent) id,
 * ARG2 the keyword (or, for a new topic, "id label").  An edit either fails
 * with one printable line, or returns text that loads as a taxonomy and
 * differs from the original only where asked: the one list, or the one
 * new topic.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "text.h"

static char **
fuzz_list(const struct topic *t, enum taxedit_list list, size_t *n)
{
	switch (list) {
	case TAXEDIT_MATCH_CASE:
		*n = t->nmatch_case;
		return t->match_case;
	case TAXEDIT_EXCLUDE:
		*n = t->nexclude;
		return t->exclude;
	case TAXEDIT_AMBIGUOUS:
		*n = t->nambiguous;
		return t->ambiguous;
	default:
		*n = t->nkeywords;
		return t->keywords;
	}
}

static bool
fuzz_same_strings(char **a, size_t na, char **b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

static bool
fuzz_same_opt(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Same topic, except perhaps the list SKIP (when SKIP_LIST is set). */
static void
fuzz_same_topic(const struct topic *a, const struct topic *b, bool skip_list,
    enum taxedit_list skip)
{
	enum taxedit_list l;
	char **la, **lb;
	size_t na, nb;

	FUZZ_ASSERT(strcmp(a->id, b->id) == 0);
	FUZZ_ASSERT(strcmp(a->label, b->label) == 0);
	FUZZ_ASSERT(fuzz_same_opt(a->color, b->color));
	FUZZ_ASSERT(a->depth == b->depth);
	for (l = TAXEDIT_KEYWORDS; l <= TAXEDIT_AMBIGUOUS; l++) {
		if (skip_list && l == skip)
			continue;
		la = fuzz_list(a, l, &na);
		lb = fuzz_list(b, l, &nb);
		FUZZ_ASSERT(fuzz_same_strings(la, na, lb, nb));
	}
}

/* Does LIST hold S (as the loader would store it)? */
static size_t
fuzz_count(char **list, size_t n, const char *s)
{
	char *want = text_sanitize(s, strlen(s), NULL);
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += strcmp(list[i], want) == 0;
	free(want);
	return count;
}

static void
fuzz_check_keyword_edit(const struct taxonomy *before,
    const struct taxonomy *after, const char *id, enum taxedit_list list,
    const char *keyword, bool add)
{
	size_t i, t = taxonomy_find(before, id), nb, na, cb, ca;
	char **lb, **la;

	FUZZ_ASSERT(t != TOPIC_NO_PARENT);
	FUZZ_ASSERT(after->ntopics == before->ntopics);
	for (i = 0; i < before->ntopics; i++)
		fuzz_same_topic(&before->topics[i], &after->topics[i], i == t,
		    list);
	lb = fuzz_list(&before->topics[t], list, &nb);
	la = fuzz_list(&after->topics[t], list, &na);
	cb = fuzz_count(lb, nb, keyword);
	ca = fuzz_count(la, na, keyword);
	FUZZ_ASSERT(na == (add ? nb + 1 : nb - 1));
	FUZZ_ASSERT(ca == (add ? cb + 1 : cb - 1));
}

static void
fuzz_check_topic_edit(const struct taxonomy *before,
    const struct taxonomy *after, const char *parent, const char *id,
    const char *label)
{
	size_t i, j, t;

	FUZZ_ASSERT(after->ntopics == before->ntopics + 1);
	t = taxonomy_find(after, id);
	FUZZ_ASSERT(t != TOPIC_NO_PARENT);
	FUZZ_ASSERT(taxonomy_find(before, id) == TOPIC_NO_PARENT);
	if (parent == NULL)
		FUZZ_ASSERT(after->topics[t].parent == TOPIC_NO_PARENT);
	else
		FUZZ_ASSERT(after->topics[t].parent ==
		    taxonomy_find(after, parent));
	FUZZ_ASSERT(fuzz_count(&after->topics[t].label, 1, label) == 1);
	for (i = 0, j = 0; i < after->ntopics; i++) {
		if (i == t)
			continue;
		fuzz_same_topic(&before->topics[j++], &after->topics[i], false,
		    TAXEDIT_KEYWORDS);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nl1, *nl2, *yaml;
	struct taxonomy *before = NULL, *after = NULL;
	char *arg1, *arg2, *out = NULL, *cause = NULL, *errors = NULL, *sp = NULL;
	enum taxedit_list list;
	size_t yamllen, outlen = 0;
	int op, rc;

	if (size < 1)
		return 0;
	op = data[0] % 3;
	list = (enum taxedit_list)(data[0] / 3 % 4);
	if ((nl1 = memchr(in + 1, '\n', size - 1)) == NULL)
		return 0;
	if ((nl2 = memchr(nl1 + 1, '\n', size - (size_t)(nl1 + 1 - in))) == NULL)
		return 0;
	arg1 = strndup(in + 1, (size_t)(nl1 - in - 1));
	arg2 = strndup(nl1 + 1, (size_t)(nl2 - nl1 - 1));
	FUZZ_ASSERT(arg1 != NULL && arg2 != NULL);
	yaml = nl2 + 1;
	yamllen = size - (size_t)(yaml - in);

	if (op == 0)
		rc = taxedit_add_keyword(yaml, yamllen, arg1, list, arg2, &out,
		    &outlen, &cause);
	else if (op == 1)
		rc = taxedit_remove_keyword(yaml, yamllen, arg1, list, arg2,
		    &out, &outlen, &cause);
	else {
		/* "id label": the id is the first word. */
		sp = strchr(arg2, ' ');
		if (sp != NULL)
			*sp++ = '\0';
		rc = taxedit_add_topic(yaml, yamllen, *arg1 != '\0' ? arg1 :
		    NULL, arg2, sp != NULL ? sp : arg2, &out, &outlen, &cause);
	}
	if (rc != 0) {
		FUZZ_ASSERT(out == NULL && cause != NULL);
		FUZZ_ASSERT(strchr(cause, '\n') == NULL);
		/* Messages quote the caller's arguments as given: only the
		 * file's own bytes must never come through raw. */
		if (inv_terminal_safe(arg1, strlen(arg1)) == NULL &&
		    inv_terminal_safe(arg2, strlen(arg2)) == NULL)
			FUZZ_CHECK(inv_terminal_safe(cause, strlen(cause)));
		goto done;
	}
	FUZZ_ASSERT(out != NULL && cause == NULL && strlen(out) == outlen);
	/* What an edit returns always loads. */
	if (taxonomy_load_buffer("after.yaml", out, outlen, &after,
	    &errors) != 0) {
		fprintf(stderr, "edited file does not load:\n%s\n", errors);
		abort();
	}
	/* A file that did not load may be mended by the edit (a first topic
	 * in a file without any); only a loading one can be compared. */
	if (taxonomy_load_buffer("before.yaml", yaml, yamllen, &before,
	    &errors) != 0)
		free(errors);
	else if (op == 2)
		fuzz_check_topic_edit(before, after, *arg1 != '\0' ? arg1 :
		    NULL, arg2, sp != NULL ? sp : arg2);
	else
		fuzz_check_keyword_edit(before, after, arg1, list, arg2,
		    op == 0);
	taxonomy_free(before);
	taxonomy_free(after);
done:
	free(out);
	free(cause);
	free(arg1);
	free(arg2);
	return 0;
}
