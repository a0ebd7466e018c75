#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "fnv.h"
#include "matcher.h"
#include "problems.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "text.h"
#include "xalloc.h"
#include "yamltree.h"

struct loader {
	struct problems pr;
	struct taxonomy *tax;
	size_t captopics;
	size_t *ids;		/* hash set of topic indices, by id */
	size_t capids;		/* a power of two, or 0 */
	size_t nids;
	/* A phrase list's strings, one after another, and where each
	 * begins, while taxonomy_phrase_list reads it. */
	struct strbuf bytes;
	size_t *offsets;
	size_t capoffsets;
};

static const char *root_keys[] = {
	"version", "topics", "echo", "offices", "places", "states", "heads",
	NULL
};
static const char *topic_keys[] = {
	"id", "label", "color", "keywords", "match-case", "ambiguous", "exclude",
	"topics", NULL
};
static const char *colours[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	NULL
};

static int
taxonomy_valid_id(const char *id)
{
	const char *p;

	for (p = id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return p != id;
}

static int
taxonomy_valid_colour(const char *c)
{
	size_t i;

	if (strncmp(c, "bright-", 7) == 0)
		c += 7;
	for (i = 0; colours[i] != NULL; i++)
		if (strcmp(colours[i], c) == 0)
			return 1;
	return 0;
}

/*
 * What is wrong with "{state}" opening PHRASE, or NULL: it stands for a
 * name of the 'states' list (rule 11), which taxonomy_load_root reads
 * before the topics, right before a word.  Elsewhere it is text.
 */
static const char *
taxonomy_state_problem(const struct loader *ld, const char *phrase,
    size_t len)
{
	if (len < TAXONOMY_STATE_LEN ||
	    memcmp(phrase, TAXONOMY_STATE, TAXONOMY_STATE_LEN) != 0)
		return NULL;
	if (len == TAXONOMY_STATE_LEN || phrase[TAXONOMY_STATE_LEN] != ' ')
		return "'{state}' must come before a word";
	if (ld->tax->nstates == 0)
		return "'{state}' needs the taxonomy's 'states' list";
	return NULL;
}

/*
 * A list of keywords: every item checked, the good ones kept, in one
 * allocation with the list (a taxonomy has thousands of keywords).
 */
static char **
taxonomy_phrase_list(struct loader *ld, const struct ynode *v, const char *what,
    size_t *count)
{
	const struct ynode *item;
	const char *why;
	char **out = NULL, *q, *strings;
	size_t i;

	*count = 0;
	if (v == NULL || yamltree_is_null(v))
		return NULL;
	if (v->kind != YNODE_SEQUENCE) {
		problems_add(&ld->pr, v->line, v->column,
		    "'%s' must be a list of strings, not %s", what,
		    yamltree_kind_name(v));
		return NULL;
	}
	strbuf_reset(&ld->bytes);
	xgrow((void **)&ld->offsets, &ld->capoffsets, v->nkids,
	    sizeof *ld->offsets);
	for (i = 0; i < v->nkids; i++) {
		item = v->kids[i];
		if (item->kind != YNODE_SCALAR) {
			problems_add(&ld->pr, item->line, item->column,
			    "an item of '%s' must be a string, not %s", what,
			    yamltree_kind_name(item));
			continue;
		}
		why = yamltree_is_null(item) ? "empty keyword" :
		    matcher_phrase_problem(item->value, item->len);
		if (why == NULL && item->value[0] == '{')
			why = taxonomy_state_problem(ld, item->value, item->len);
		if (why != NULL) {
			q = problems_quote(item->value, item->len);
			problems_add(&ld->pr, item->line, item->column,
			    "%s: %s", why, q);
			free(q);
			continue;
		}
		ld->offsets[(*count)++] = ld->bytes.len;
		if (text_is_clean(item->value, item->len)) {
			/* With its NUL, in one copy. */
			strbuf_grow(&ld->bytes, item->len + 1);
			memcpy(ld->bytes.data + ld->bytes.len, item->value,
			    item->len + 1);
			ld->bytes.len += item->len + 1;
		} else {
			q = text_sanitize(item->value, item->len, NULL);
			strbuf_add(&ld->bytes, q, strlen(q) + 1);
			free(q);
		}
	}
	out = xmalloc((*count + 1) * sizeof *out + ld->bytes.len);
	strings = (char *)(out + *count + 1);
	if (ld->bytes.len != 0)
		memcpy(strings, ld->bytes.data, ld->bytes.len);
	for (i = 0; i < *count; i++)
		out[i] = strings + ld->offsets[i];
	out[*count] = NULL;
	return out;
}

static uint64_t
taxonomy_hash_id(const char *id)
{
	return fnv_string(FNV_BASIS, id);
}

/*
 * Records topic IDX under its id; returns the index of an earlier topic
 * with the same id, or TOPIC_NO_PARENT.  A hash set keeps 100,000 topics
 * fast.
 */
static size_t
taxonomy_claim_id(struct loader *ld, size_t idx)
{
	const char *id = ld->tax->topics[idx].id;
	size_t i, j, *old = ld->ids, ocap = ld->capids;

	if ((ld->nids + 1) * 2 > ld->capids) {
		ld->capids = ld->capids == 0 ? 64 : ld->capids * 2;
		ld->ids = xreallocarray(NULL, ld->capids, sizeof *ld->ids);
		for (i = 0; i < ld->capids; i++)
			ld->ids[i] = TOPIC_NO_PARENT;
		for (i = 0; i < ocap; i++) {
			if (old[i] == TOPIC_NO_PARENT)
				continue;
			for (j = taxonomy_hash_id(ld->tax->topics[old[i]].id) &
			    (ld->capids - 1); ld->ids[j] != TOPIC_NO_PARENT;
			    j = (j + 1) & (ld->capids - 1))
				;
			ld->ids[j] = old[i];
		}
		free(old);
	}
	for (j = taxonomy_hash_id(id) & (ld->capids - 1); ld->ids[j] != TOPIC_NO_PARENT;
	    j = (j + 1) & (ld->capids - 1))
		if (strcmp(ld->tax->topics[ld->ids[j]].id, id) == 0)
			return ld->ids[j];
	ld->ids[j] = idx;
	ld->nids++;
	return TOPIC_NO_PARENT;
}

static void taxonomy_load_topics(struct loader *, const struct ynode *, size_t, size_t);

static void
taxonomy_load_topic(struct loader *ld, const struct ynode *n, size_t parent,
    size_t depth)
{
	const struct ynode *v[9], *k[9];
	struct topic *t;
	struct taxonomy *tax = ld->tax;
	size_t idx, i;
	char *q;

	if (n->kind != YNODE_MAPPING) {
		problems_add(&ld->pr, n->line, n->column,
		    "a topic must be a mapping with id and label, not %s",
		    yamltree_kind_name(n));
		return;
	}
	yamltree_check_keys(&ld->pr, n, topic_keys, v, k);
	if (tax->ntopics == ld->captopics) {
		ld->captopics = ld->captopics * 2 + 16;
		tax->topics = xreallocarray(tax->topics, ld->captopics,
		    sizeof *tax->topics);
	}
	idx = tax->ntopics++;
	t = &tax->topics[idx];
	memset(t, 0, sizeof *t);
	t->parent = parent;
	t->depth = depth;
	t->line = n->line;
	t->column = n->column;
	if (v[0] == NULL)
		problems_add(&ld->pr, n->line, n->column, "topic has no 'id'");
	else if ((t->id = yamltree_string(&ld->pr, v[0], "'id'")) != NULL) {
		if (!taxonomy_valid_id(t->id)) {
			q = problems_quote(t->id, strlen(t->id));
			problems_add(&ld->pr, v[0]->line, v[0]->column,
			    "bad id %s: use lowercase letters, digits and '-'",
			    q);
			free(q);
		}
		if ((i = taxonomy_claim_id(ld, idx)) != TOPIC_NO_PARENT) {
			/* Quoted: a bad id may hold a line break. */
			q = problems_quote(t->id, strlen(t->id));
			problems_add(&ld->pr, v[0]->line, v[0]->column,
			    "duplicate id %s (first at line %zu)", q,
			    tax->topics[i].line);
			free(q);
		}
	}
	if (v[1] == NULL)
		problems_add(&ld->pr, n->line, n->column,
		    "topic has no 'label'");
	else if ((t->label = yamltree_string(&ld->pr, v[1],
	    "'label'")) != NULL) {
		/* Labels reach the screen: no control or bidi override may
		 * act.  Ids need no such care: they are [a-z0-9-]+. */
		q = text_sanitize(t->label, strlen(t->label), NULL);
		free(t->label);
		t->label = q;
	}
	if (v[2] != NULL && !yamltree_is_null(v[2]) &&
	    (t->color = yamltree_string(&ld->pr, v[2], "'color'")) != NULL &&
	    !taxonomy_valid_colour(t->color)) {
		q = problems_quote(t->color, strlen(t->color));
		problems_add(&ld->pr, v[2]->line, v[2]->column,
		    "unknown colour %s "
		    "(use black, red, green, yellow, blue, magenta, cyan, "
		    "white, or bright- before one of them)", q);
		free(q);
	}
	/* The topic array may move while subtopics load: fill, then recurse. */
	t->keywords = taxonomy_phrase_list(ld, v[3], "keywords", &t->nkeywords);
	t->match_case = taxonomy_phrase_list(ld, v[4], "match-case", &t->nmatch_case);
	t->ambiguous = taxonomy_phrase_list(ld, v[5], "ambiguous",
	    &t->nambiguous);
	t->exclude = taxonomy_phrase_list(ld, v[6], "exclude", &t->nexclude);
	if (v[7] != NULL)
		taxonomy_load_topics(ld, v[7], idx, depth + 1);
}

static void
taxonomy_load_topics(struct loader *ld, const struct ynode *v, size_t parent,
    size_t depth)
{
	size_t i;

	if (yamltree_is_null(v))
		return;
	if (v->kind != YNODE_SEQUENCE) {
		problems_add(&ld->pr, v->line, v->column,
		    "'topics' must be a list of topics, not %s",
		    yamltree_kind_name(v));
		return;
	}
	for (i = 0; i < v->nkids; i++)
		taxonomy_load_topic(ld, v->kids[i], parent, depth);
}

/* The largest 'echo': a source's sentences are far fewer than this
 * in any story worth reading. */
#define TAXONOMY_ECHO_MAX 99

static void
taxonomy_load_echo(struct loader *ld, const struct ynode *v)
{
	char *q;

	if (v->kind == YNODE_SCALAR && v->len > 0 && v->len <= 2 &&
	    strspn(v->value, "0123456789") == v->len) {
		ld->tax->echo = (size_t)atoi(v->value);
		return;
	}
	q = v->kind == YNODE_SCALAR ? problems_quote(v->value, v->len) :
	    xstrdup(yamltree_kind_name(v));
	problems_add(&ld->pr, v->line, v->column,
	    "echo must be a number of sentences from 0 to %d, not %s",
	    TAXONOMY_ECHO_MAX, q);
	free(q);
}

/* A list of KEY of one word each, as the last word of a keyword is
 * ('offices', rule 9; 'heads', rule 13); *N its length. */
static char **
taxonomy_load_words(struct loader *ld, const struct ynode *v,
    const char *key, size_t *n)
{
	const struct ynode *item;
	char **words, *q;
	size_t i;

	words = taxonomy_phrase_list(ld, v, key, n);
	for (i = 0; v->kind == YNODE_SEQUENCE && i < v->nkids; i++) {
		item = v->kids[i];
		if (item->kind != YNODE_SCALAR ||
		    memchr(item->value, ' ', item->len) == NULL)
			continue;
		q = problems_quote(item->value, item->len);
		problems_add(&ld->pr, item->line, item->column,
		    "an item of '%s' must be one word, not %s", key, q);
		free(q);
	}
	return words;
}

/*
 * 'heads': each one of the offices (rule 13 gives an office's hit to the
 * body after it, and only offices hit as such).
 */
static void
taxonomy_check_heads(struct loader *ld, const struct ynode *v)
{
	const struct taxonomy *tax = ld->tax;
	const struct ynode *item;
	char *q;
	size_t i, j;

	for (i = 0; v->kind == YNODE_SEQUENCE && i < v->nkids; i++) {
		item = v->kids[i];
		/* More than one word: taxonomy_load_words said so. */
		if (item->kind != YNODE_SCALAR || yamltree_is_null(item) ||
		    memchr(item->value, ' ', item->len) != NULL)
			continue;
		for (j = 0; j < tax->noffices && (strlen(tax->offices[j]) !=
		    item->len || strncasecmp(tax->offices[j], item->value,
		    item->len) != 0); j++)
			;
		if (j < tax->noffices)
			continue;
		q = problems_quote(item->value, item->len);
		problems_add(&ld->pr, item->line, item->column,
		    "an item of 'heads' must be one of 'offices', not %s", q);
		free(q);
	}
}

/*
 * 'places': ids of topics whose capitalised keywords name places and
 * peoples (rule 10); a listed topic's subtopics are places too.
 */
static void
taxonomy_load_places(struct loader *ld, const struct ynode *v)
{
	struct taxonomy *tax = ld->tax;
	const struct ynode *item;
	char **ids, *id, *q;
	size_t i, j, n, t;

	/* Reports a value that is no list of strings. */
	ids = taxonomy_phrase_list(ld, v, "places", &n);
	free(ids);
	for (i = 0; v->kind == YNODE_SEQUENCE && i < v->nkids; i++) {
		item = v->kids[i];
		if (item->kind != YNODE_SCALAR || yamltree_is_null(item))
			continue;
		id = xstrndup(item->value, item->len);
		t = taxonomy_find(tax, id);
		free(id);
		if (t == TOPIC_NO_PARENT) {
			q = problems_quote(item->value, item->len);
			problems_add(&ld->pr, item->line, item->column,
			    "an item of 'places' must be a topic's id, not %s",
			    q);
			free(q);
			continue;
		}
		for (j = t; j < tax->ntopics; j++)
			if (taxonomy_is_ancestor(tax, t, j))
				tax->topics[j].place = 1;
	}
}

static void
taxonomy_load_root(struct loader *ld, const struct ynode *root)
{
	const struct ynode *v[7], *k[7];

	if (root == NULL) {
		problems_add(&ld->pr, 1, 1,
		    "empty taxonomy: expected 'version: 1' and "
		    "'topics'");
		return;
	}
	if (root->kind != YNODE_MAPPING) {
		problems_add(&ld->pr, root->line, root->column,
		    "a taxonomy must be a mapping with 'version' and 'topics', "
		    "not %s", yamltree_kind_name(root));
		return;
	}
	yamltree_check_keys(&ld->pr, root, root_keys, v, k);
	if (v[0] == NULL)
		problems_add(&ld->pr, root->line, root->column,
		    "missing 'version: 1'");
	else if (v[0]->kind != YNODE_SCALAR || strcmp(v[0]->value, "1") != 0) {
		char *q = v[0]->kind == YNODE_SCALAR ?
		    problems_quote(v[0]->value, v[0]->len) :
		    xstrdup(yamltree_kind_name(v[0]));

		problems_add(&ld->pr, v[0]->line, v[0]->column,
		    "version must be 1, not %s", q);
		free(q);
	} else
		ld->tax->version = 1;
	/* Before the topics, whose phrases "{state}" may open. */
	if (v[5] != NULL)
		ld->tax->states = taxonomy_phrase_list(ld, v[5], "states",
		    &ld->tax->nstates);
	if (v[1] == NULL)
		problems_add(&ld->pr, root->line, root->column,
		    "missing 'topics'");
	else
		taxonomy_load_topics(ld, v[1], TOPIC_NO_PARENT, 0);
	if (v[2] != NULL)
		taxonomy_load_echo(ld, v[2]);
	if (v[3] != NULL)
		ld->tax->offices = taxonomy_load_words(ld, v[3], "offices",
		    &ld->tax->noffices);
	if (v[6] != NULL) {
		ld->tax->heads = taxonomy_load_words(ld, v[6], "heads",
		    &ld->tax->nheads);
		taxonomy_check_heads(ld, v[6]);
	}
	if (v[4] != NULL)
		taxonomy_load_places(ld, v[4]);
}

int
taxonomy_load_buffer(const char *name, const char *buf, size_t len,
    struct taxonomy **out, char **errors)
{
	struct loader ld;
	struct yamltree *tree;

	memset(&ld, 0, sizeof ld);
	ld.pr.name = name;
	ld.tax = xcalloc(1, sizeof *ld.tax);
	ld.tax->path = xstrdup(name);
	*out = NULL;
	*errors = NULL;
	if ((tree = yamltree_parse(buf, len, 0, &ld.pr)) != NULL)
		taxonomy_load_root(&ld, yamltree_root(tree));
	yamltree_free(tree);
	free(ld.ids);
	strbuf_free(&ld.bytes);
	free(ld.offsets);
	if (ld.pr.n != 0) {
		*errors = problems_format(&ld.pr);
		problems_free(&ld.pr);
		taxonomy_free(ld.tax);
		return -1;
	}
	*out = ld.tax;
	return 0;
}

int
taxonomy_load_file(const char *path, struct taxonomy **out, char **errors)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	int fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY)) == -1) {
		*errors = xasprintf("%s:1:1: cannot open: %s\n", path,
		    strerror(errno));
		return -1;
	}
	/* Room for the whole file at once: no copy as it grows, and no
	 * page touched twice on a first load. */
	if (fstat(fd, &st) == 0 && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= YAMLTREE_MAX_BYTES)
		strbuf_grow(&sb, (size_t)st.st_size);
	if (strbuf_read_fd(&sb, fd, YAMLTREE_MAX_BYTES) != 0) {
		*errors = xasprintf("%s:1:1: cannot read: %s\n", path,
		    strerror(errno));
		close(fd);
		strbuf_free(&sb);
		return -1;
	}
	close(fd);
	rc = taxonomy_load_buffer(path, sb.data != NULL ? sb.data : "", sb.len,
	    out, errors);
	strbuf_free(&sb);
	return rc;
}

void
taxonomy_free(struct taxonomy *tax)
{
	struct topic *t;
	size_t i;

	if (tax == NULL)
		return;
	for (i = 0; i < tax->ntopics; i++) {
		t = &tax->topics[i];
		free(t->id);
		free(t->label);
		free(t->color);
		free(t->keywords);
		free(t->match_case);
		free(t->exclude);
		free(t->ambiguous);
	}
	free(tax->offices);
	free(tax->heads);
	free(tax->states);
	free(tax->topics);
	free(tax->path);
	free(tax);
}

size_t
taxonomy_find(const struct taxonomy *tax, const char *id)
{
	size_t i;

	/* A topic the loader refused for want of an id has none. */
	for (i = 0; i < tax->ntopics; i++)
		if (tax->topics[i].id != NULL &&
		    strcmp(tax->topics[i].id, id) == 0)
			return i;
	return TOPIC_NO_PARENT;
}

int
taxonomy_is_ancestor(const struct taxonomy *tax, size_t ancestor,
    size_t topic)
{
	while (topic != TOPIC_NO_PARENT && topic < tax->ntopics) {
		if (topic == ancestor)
			return 1;
		topic = tax->topics[topic].parent;
	}
	return 0;
}

int
taxonomy_covers(const struct taxonomy *tax, size_t topic,
    const size_t *topics, size_t ntopics)
{
	size_t i;

	for (i = 0; i < ntopics; i++)
		if (taxonomy_is_ancestor(tax, topic, topics[i]))
			return 1;
	return 0;
}
