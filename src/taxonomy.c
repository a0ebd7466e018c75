#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "matcher.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "text.h"
#include "xalloc.h"

/* Limits that keep hostile files cheap: refused, with a message. */
#define TAXONOMY_MAX_DEPTH 64		/* nested collections */
#define TAXONOMY_ALIAS_BUDGET 10000	/* nodes reachable through aliases */
#define TAXONOMY_MAX_ANCHORS 1000
#define TAXONOMY_MAX_PROBLEMS 200
#define TAXONOMY_MAX_BYTES ((size_t)64 << 20)

enum ynode_kind {
	Y_SCALAR,
	Y_SEQUENCE,
	Y_MAPPING
};

/* A node of the parsed document; mappings hold key, value, key, ... */
struct ynode {
	enum ynode_kind kind;
	size_t line, column;	/* 1-based */
	char *value;		/* scalars */
	size_t len;
	int plain;		/* a plain (unquoted) scalar */
	struct ynode **kids;
	size_t nkids, capkids;
	size_t weight;		/* nodes, counting what aliases reach */
	char *anchor;
};

struct problem {
	size_t line, column;
	size_t seq;
	char *message;
};

struct loader {
	const char *name;
	const char *buf;
	size_t len;
	struct ynode **pool;
	size_t npool, cappool;
	struct anchor {
		char *name;
		struct ynode *node;
	} *anchors;
	size_t nanchors;
	size_t aliased;
	struct problem *problems;
	size_t nproblems, capproblems;
	int fatal;		/* parsing stopped: report only that */
	struct taxonomy *tax;
	size_t captopics;
	size_t *ids;		/* hash set of topic indices, by id */
	size_t capids;		/* a power of two, or 0 */
	size_t nids;
};

static const char *root_keys[] = { "version", "topics", NULL };
static const char *topic_keys[] = {
	"id", "label", "color", "keywords", "match-case", "exclude", "topics",
	NULL
};
static const char *colours[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	NULL
};

static void
problem(struct loader *ld, size_t line, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
problem(struct loader *ld, size_t line, size_t column, const char *fmt, ...)
{
	struct problem *p;
	va_list ap;
	char *raw;

	if (ld->nproblems > TAXONOMY_MAX_PROBLEMS)
		return;
	if (ld->nproblems == ld->capproblems) {
		ld->capproblems = ld->capproblems * 2 + 16;
		ld->problems = xreallocarray(ld->problems, ld->capproblems,
		    sizeof *ld->problems);
	}
	p = &ld->problems[ld->nproblems];
	p->line = line;
	p->column = column;
	p->seq = ld->nproblems++;
	if (ld->nproblems > TAXONOMY_MAX_PROBLEMS) {
		p->message = xstrdup("too many problems, stopping here");
		return;
	}
	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	/* Whatever a message quotes, it stays one printable line. */
	p->message = text_field(raw, strlen(raw));
	if (p->message == NULL)
		p->message = xstrdup("invalid value");
	free(raw);
}

/*
 * A value quoted for a message, cut short and made printable: C0, DEL,
 * C1 and bidi controls are escaped, since messages reach a terminal.
 */
static char *
quote(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, start;
	int32_t cp;

	strbuf_addch(&sb, '\'');
	while (i < len && i < 60) {
		start = i;
		cp = text_decode(s, len, &i);
		if (cp < 0) {
			for (; start < i; start++)
				strbuf_addf(&sb, "\\x%02x",
				    (unsigned char)s[start]);
		} else if (cp < 0x20 || cp == 0x7f)
			strbuf_addf(&sb, "\\x%02x", (unsigned)cp);
		else if ((cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			strbuf_addf(&sb, "\\u%04x", (unsigned)cp);
		else
			strbuf_add(&sb, s + start, i - start);
	}
	if (i < len)
		strbuf_addstr(&sb, "...");
	strbuf_addch(&sb, '\'');
	return strbuf_detach(&sb);
}

static struct ynode *
new_node(struct loader *ld, enum ynode_kind kind, const yaml_mark_t *mark)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->line = mark->line + 1;
	n->column = mark->column + 1;
	n->weight = 1;
	if (ld->npool == ld->cappool) {
		ld->cappool = ld->cappool * 2 + 64;
		ld->pool = xreallocarray(ld->pool, ld->cappool,
		    sizeof *ld->pool);
	}
	ld->pool[ld->npool++] = n;
	return n;
}

static void
add_kid(struct ynode *parent, struct ynode *kid)
{
	if (parent->nkids == parent->capkids) {
		parent->capkids = parent->capkids * 2 + 4;
		parent->kids = xreallocarray(parent->kids, parent->capkids,
		    sizeof *parent->kids);
	}
	parent->kids[parent->nkids++] = kid;
}

/* Line and column of a byte offset, for reader errors that carry only one. */
static void
offset_position(const struct loader *ld, size_t offset, size_t *line,
    size_t *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && i < ld->len; i++) {
		if (ld->buf[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)ld->buf[i] & 0xc0) != 0x80)
			(*column)++;
	}
}

static void
syntax_problem(struct loader *ld, const yaml_parser_t *p)
{
	const char *what = p->problem != NULL ? p->problem : "invalid YAML";
	size_t line, column;

	if (p->error == YAML_READER_ERROR) {
		offset_position(ld, p->problem_offset, &line, &column);
		problem(ld, line, column, "YAML: %s", what);
	} else if (p->context != NULL)
		problem(ld, p->problem_mark.line + 1, p->problem_mark.column + 1,
		    "YAML: %s %s", what, p->context);
	else
		problem(ld, p->problem_mark.line + 1, p->problem_mark.column + 1,
		    "YAML: %s", what);
	ld->fatal = 1;
}

static void
set_anchor(struct loader *ld, struct ynode *n, const yaml_char_t *anchor)
{
	if (anchor != NULL)
		n->anchor = xstrdup((const char *)anchor);
}

static void
register_anchor(struct loader *ld, struct ynode *n)
{
	size_t i;

	if (n->anchor == NULL)
		return;
	for (i = 0; i < ld->nanchors; i++) {
		if (strcmp(ld->anchors[i].name, n->anchor) == 0) {
			ld->anchors[i].node = n;
			return;
		}
	}
	if (ld->nanchors == TAXONOMY_MAX_ANCHORS) {
		problem(ld, n->line, n->column,
		    "more than %d anchors: refused", TAXONOMY_MAX_ANCHORS);
		ld->fatal = 1;
		return;
	}
	ld->anchors = xreallocarray(ld->anchors, ld->nanchors + 1,
	    sizeof *ld->anchors);
	ld->anchors[ld->nanchors].name = n->anchor;
	ld->anchors[ld->nanchors].node = n;
	ld->nanchors++;
}

static struct ynode *
resolve_alias(struct loader *ld, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	size_t i;

	for (i = ld->nanchors; i-- > 0;) {
		if (strcmp(ld->anchors[i].name, name) != 0)
			continue;
		ld->aliased += ld->anchors[i].node->weight;
		if (ld->aliased > TAXONOMY_ALIAS_BUDGET) {
			problem(ld, ev->start_mark.line + 1,
			    ev->start_mark.column + 1,
			    "aliases expand to more than %d nodes: refused",
			    TAXONOMY_ALIAS_BUDGET);
			ld->fatal = 1;
			return NULL;
		}
		return ld->anchors[i].node;
	}
	problem(ld, ev->start_mark.line + 1, ev->start_mark.column + 1,
	    "unknown alias '*%s'", name);
	ld->fatal = 1;
	return NULL;
}

/* Reads the first document into a tree of nodes; NULL after a problem. */
static struct ynode *
parse(struct loader *ld)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct ynode *stack[TAXONOMY_MAX_DEPTH + 1], *root = NULL, *n, *top;
	size_t depth = 0, docs = 0;
	int done = 0;

	if (!yaml_parser_initialize(&p))
		fatal("out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)ld->buf,
	    ld->len);
	while (!done && !ld->fatal) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_problem(ld, &p);
			break;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				problem(ld, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "only one YAML document is allowed");
				ld->fatal = 1;
			}
			break;
		case YAML_SCALAR_EVENT:
			n = new_node(ld, Y_SCALAR, &ev.start_mark);
			n->len = ev.data.scalar.length;
			n->value = xmalloc(n->len + 1);
			memcpy(n->value, ev.data.scalar.value, n->len);
			n->value[n->len] = '\0';
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			set_anchor(ld, n, ev.data.scalar.anchor);
			register_anchor(ld, n);
			break;
		case YAML_ALIAS_EVENT:
			n = resolve_alias(ld, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == TAXONOMY_MAX_DEPTH) {
				problem(ld, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "nested deeper than %d levels: refused",
				    TAXONOMY_MAX_DEPTH);
				ld->fatal = 1;
				break;
			}
			n = new_node(ld, ev.type == YAML_SEQUENCE_START_EVENT ?
			    Y_SEQUENCE : Y_MAPPING, &ev.start_mark);
			set_anchor(ld, n, ev.type == YAML_SEQUENCE_START_EVENT ?
			    ev.data.sequence_start.anchor :
			    ev.data.mapping_start.anchor);
			stack[depth++] = n;
			n = NULL;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			n = stack[--depth];
			register_anchor(ld, n);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n == NULL || ld->fatal)
			continue;
		if (depth == 0) {
			if (root == NULL)
				root = n;
			continue;
		}
		top = stack[depth - 1];
		add_kid(top, n);
		top->weight += n->weight;
		if (top->weight > SIZE_MAX / 4)
			top->weight = SIZE_MAX / 4;
	}
	yaml_parser_delete(&p);
	return ld->fatal ? NULL : root;
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t row[64];

	if (lb >= sizeof row / sizeof row[0] || la >= 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < cur)
				cur = row[j] + 1;
			if (row[j - 1] + 1 < cur)
				cur = row[j - 1] + 1;
			tmp = row[j];
			row[j] = cur;
			prev = tmp;
		}
	}
	return row[lb];
}

static void
unknown_key(struct loader *ld, const struct ynode *key, const char **known)
{
	const char *best = NULL;
	size_t d, bestd = SIZE_MAX, i;
	char *q = quote(key->value, key->len);
	struct strbuf list = STRBUF_INIT;

	for (i = 0; known[i] != NULL; i++) {
		d = edit_distance(key->value, known[i]);
		if (d < bestd) {
			bestd = d;
			best = known[i];
		}
		strbuf_addf(&list, "%s%s", i == 0 ? "" : ", ", known[i]);
	}
	if (best != NULL && bestd <= (strlen(key->value) + 2) / 3 + 1)
		problem(ld, key->line, key->column,
		    "unknown key %s (did you mean '%s'?)", q, best);
	else
		problem(ld, key->line, key->column,
		    "unknown key %s (known keys: %s)", q, list.data);
	strbuf_free(&list);
	free(q);
}

static int
is_null(const struct ynode *n)
{
	if (n->kind != Y_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0 || strcmp(n->value, "Null") == 0 ||
	    strcmp(n->value, "NULL") == 0;
}

static const char *
kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case Y_SCALAR:
		return "a string";
	case Y_SEQUENCE:
		return "a list";
	case Y_MAPPING:
		return "a mapping";
	}
	return "?";
}

/*
 * Checks the keys of mapping N against KNOWN; fills VALUES[i] with the value
 * of KNOWN[i] (NULL when absent) and reports unknown and repeated keys.
 */
static void
check_keys(struct loader *ld, const struct ynode *n, const char **known,
    const struct ynode **values, const struct ynode **keys)
{
	const struct ynode *k;
	size_t i, j;

	for (j = 0; known[j] != NULL; j++)
		values[j] = keys[j] = NULL;
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		if (k->kind != Y_SCALAR) {
			problem(ld, k->line, k->column,
			    "a key must be a plain name, not %s",
			    kind_name(k));
			continue;
		}
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], k->value) == 0 &&
			    strlen(known[j]) == k->len)
				break;
		if (known[j] == NULL) {
			unknown_key(ld, k, known);
			continue;
		}
		if (keys[j] != NULL) {
			problem(ld, k->line, k->column,
			    "duplicate key '%s' (first at line %zu)", known[j],
			    keys[j]->line);
			continue;
		}
		keys[j] = k;
		values[j] = n->kids[i + 1];
	}
}

/* A string field: NULL (with a problem) unless V is a non-blank scalar. */
static char *
string_field(struct loader *ld, const struct ynode *v, const char *what)
{
	size_t i;

	if (v->kind != Y_SCALAR) {
		problem(ld, v->line, v->column, "%s must be a string, not %s",
		    what, kind_name(v));
		return NULL;
	}
	if (memchr(v->value, '\0', v->len) != NULL) {
		problem(ld, v->line, v->column, "%s contains a NUL character",
		    what);
		return NULL;
	}
	for (i = 0; i < v->len; i++)
		if (v->value[i] != ' ' && v->value[i] != '\t')
			break;
	if (i == v->len || is_null(v)) {
		problem(ld, v->line, v->column, "%s is empty", what);
		return NULL;
	}
	return xstrdup(v->value);
}

static int
valid_id(const char *id)
{
	const char *p;

	for (p = id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return p != id;
}

static int
valid_colour(const char *c)
{
	size_t i;

	if (strncmp(c, "bright-", 7) == 0)
		c += 7;
	for (i = 0; colours[i] != NULL; i++)
		if (strcmp(colours[i], c) == 0)
			return 1;
	return 0;
}

/* A list of keywords: every item checked, the good ones kept. */
static char **
phrase_list(struct loader *ld, const struct ynode *v, const char *what,
    size_t *count)
{
	const struct ynode *item;
	const char *why;
	char **out = NULL, *q;
	size_t i;

	*count = 0;
	if (v == NULL || is_null(v))
		return NULL;
	if (v->kind != Y_SEQUENCE) {
		problem(ld, v->line, v->column,
		    "'%s' must be a list of strings, not %s", what,
		    kind_name(v));
		return NULL;
	}
	out = xreallocarray(NULL, v->nkids + 1, sizeof *out);
	for (i = 0; i < v->nkids; i++) {
		item = v->kids[i];
		if (item->kind != Y_SCALAR) {
			problem(ld, item->line, item->column,
			    "an item of '%s' must be a string, not %s", what,
			    kind_name(item));
			continue;
		}
		why = is_null(item) ? "empty keyword" :
		    matcher_phrase_problem(item->value, item->len);
		if (why != NULL) {
			q = quote(item->value, item->len);
			problem(ld, item->line, item->column, "%s: %s", why, q);
			free(q);
			continue;
		}
		out[(*count)++] = text_sanitize(item->value, item->len, NULL);
	}
	return out;
}

static uint64_t
hash_id(const char *id)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001b3ULL;
	return h;
}

/*
 * Records topic IDX under its id; returns the index of an earlier topic
 * with the same id, or TOPIC_NO_PARENT.  A hash set keeps 100,000 topics
 * fast.
 */
static size_t
claim_id(struct loader *ld, size_t idx)
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
			for (j = hash_id(ld->tax->topics[old[i]].id) &
			    (ld->capids - 1); ld->ids[j] != TOPIC_NO_PARENT;
			    j = (j + 1) & (ld->capids - 1))
				;
			ld->ids[j] = old[i];
		}
		free(old);
	}
	for (j = hash_id(id) & (ld->capids - 1); ld->ids[j] != TOPIC_NO_PARENT;
	    j = (j + 1) & (ld->capids - 1))
		if (strcmp(ld->tax->topics[ld->ids[j]].id, id) == 0)
			return ld->ids[j];
	ld->ids[j] = idx;
	ld->nids++;
	return TOPIC_NO_PARENT;
}

static void load_topics(struct loader *, const struct ynode *, size_t, size_t);

static void
load_topic(struct loader *ld, const struct ynode *n, size_t parent,
    size_t depth)
{
	const struct ynode *v[8], *k[8];
	struct topic *t;
	struct taxonomy *tax = ld->tax;
	size_t idx, i;
	char *q;

	if (n->kind != Y_MAPPING) {
		problem(ld, n->line, n->column,
		    "a topic must be a mapping with id and label, not %s",
		    kind_name(n));
		return;
	}
	check_keys(ld, n, topic_keys, v, k);
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
		problem(ld, n->line, n->column, "topic has no 'id'");
	else if ((t->id = string_field(ld, v[0], "'id'")) != NULL) {
		if (!valid_id(t->id)) {
			q = quote(t->id, strlen(t->id));
			problem(ld, v[0]->line, v[0]->column,
			    "bad id %s: use lowercase letters, digits and '-'",
			    q);
			free(q);
		}
		if ((i = claim_id(ld, idx)) != TOPIC_NO_PARENT) {
			/* Quoted: a bad id may hold a line break. */
			q = quote(t->id, strlen(t->id));
			problem(ld, v[0]->line, v[0]->column,
			    "duplicate id %s (first at line %zu)", q,
			    tax->topics[i].line);
			free(q);
		}
	}
	if (v[1] == NULL)
		problem(ld, n->line, n->column, "topic has no 'label'");
	else if ((t->label = string_field(ld, v[1], "'label'")) != NULL) {
		/* Labels reach the screen: no control or bidi override may
		 * act.  Ids need no such care: they are [a-z0-9-]+. */
		q = text_sanitize(t->label, strlen(t->label), NULL);
		free(t->label);
		t->label = q;
	}
	if (v[2] != NULL && !is_null(v[2]) &&
	    (t->color = string_field(ld, v[2], "'color'")) != NULL &&
	    !valid_colour(t->color)) {
		q = quote(t->color, strlen(t->color));
		problem(ld, v[2]->line, v[2]->column, "unknown colour %s "
		    "(use black, red, green, yellow, blue, magenta, cyan, "
		    "white, or bright- before one of them)", q);
		free(q);
	}
	/* The topic array may move while subtopics load: fill, then recurse. */
	t->keywords = phrase_list(ld, v[3], "keywords", &t->nkeywords);
	t->match_case = phrase_list(ld, v[4], "match-case", &t->nmatch_case);
	t->exclude = phrase_list(ld, v[5], "exclude", &t->nexclude);
	if (v[6] != NULL)
		load_topics(ld, v[6], idx, depth + 1);
}

static void
load_topics(struct loader *ld, const struct ynode *v, size_t parent,
    size_t depth)
{
	size_t i;

	if (is_null(v))
		return;
	if (v->kind != Y_SEQUENCE) {
		problem(ld, v->line, v->column,
		    "'topics' must be a list of topics, not %s", kind_name(v));
		return;
	}
	for (i = 0; i < v->nkids; i++)
		load_topic(ld, v->kids[i], parent, depth);
}

static void
load_root(struct loader *ld, const struct ynode *root)
{
	const struct ynode *v[2], *k[2];

	if (root == NULL) {
		problem(ld, 1, 1, "empty taxonomy: expected 'version: 1' and "
		    "'topics'");
		return;
	}
	if (root->kind != Y_MAPPING) {
		problem(ld, root->line, root->column,
		    "a taxonomy must be a mapping with 'version' and 'topics', "
		    "not %s", kind_name(root));
		return;
	}
	check_keys(ld, root, root_keys, v, k);
	if (v[0] == NULL)
		problem(ld, root->line, root->column, "missing 'version: 1'");
	else if (v[0]->kind != Y_SCALAR || strcmp(v[0]->value, "1") != 0) {
		char *q = v[0]->kind == Y_SCALAR ?
		    quote(v[0]->value, v[0]->len) : xstrdup(kind_name(v[0]));

		problem(ld, v[0]->line, v[0]->column,
		    "version must be 1, not %s", q);
		free(q);
	} else
		ld->tax->version = 1;
	if (v[1] == NULL)
		problem(ld, root->line, root->column, "missing 'topics'");
	else
		load_topics(ld, v[1], TOPIC_NO_PARENT, 0);
}

static int
problem_cmp(const void *a, const void *b)
{
	const struct problem *pa = a, *pb = b;

	if (pa->line != pb->line)
		return pa->line < pb->line ? -1 : 1;
	if (pa->column != pb->column)
		return pa->column < pb->column ? -1 : 1;
	return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

static char *
format_problems(struct loader *ld)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	qsort(ld->problems, ld->nproblems, sizeof *ld->problems, problem_cmp);
	for (i = 0; i < ld->nproblems; i++) {
		strbuf_addf(&sb, "%s:%zu:%zu: %s\n", ld->name,
		    ld->problems[i].line, ld->problems[i].column,
		    ld->problems[i].message);
	}
	return strbuf_detach(&sb);
}

static void
loader_free(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->npool; i++) {
		free(ld->pool[i]->value);
		free(ld->pool[i]->kids);
		free(ld->pool[i]->anchor);
		free(ld->pool[i]);
	}
	free(ld->pool);
	free(ld->anchors);
	free(ld->ids);
	for (i = 0; i < ld->nproblems; i++)
		free(ld->problems[i].message);
	free(ld->problems);
}

int
taxonomy_load_buffer(const char *name, const char *buf, size_t len,
    struct taxonomy **out, char **errors)
{
	struct loader ld;
	struct ynode *root;

	memset(&ld, 0, sizeof ld);
	ld.name = name;
	ld.buf = buf;
	ld.len = len;
	ld.tax = xcalloc(1, sizeof *ld.tax);
	ld.tax->path = xstrdup(name);
	*out = NULL;
	*errors = NULL;
	if (len > TAXONOMY_MAX_BYTES)
		problem(&ld, 1, 1, "larger than %zu MiB: refused",
		    TAXONOMY_MAX_BYTES >> 20);
	else if ((root = parse(&ld)) != NULL || ld.nproblems == 0)
		load_root(&ld, root);
	if (ld.nproblems != 0) {
		*errors = format_problems(&ld);
		taxonomy_free(ld.tax);
		loader_free(&ld);
		return -1;
	}
	*out = ld.tax;
	loader_free(&ld);
	return 0;
}

int
taxonomy_load_file(const char *path, struct taxonomy **out, char **errors)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	FILE *fp;
	size_t n;
	int rc;

	*out = NULL;
	if ((fp = fopen(path, "rb")) == NULL) {
		*errors = xasprintf("%s:1:1: cannot open: %s\n", path,
		    strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) != 0) {
		strbuf_add(&sb, chunk, n);
		if (sb.len > TAXONOMY_MAX_BYTES)
			break;
	}
	if (ferror(fp)) {
		*errors = xasprintf("%s:1:1: cannot read: %s\n", path,
		    strerror(errno));
		fclose(fp);
		strbuf_free(&sb);
		return -1;
	}
	fclose(fp);
	rc = taxonomy_load_buffer(path, sb.data != NULL ? sb.data : "", sb.len,
	    out, errors);
	strbuf_free(&sb);
	return rc;
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
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
		free_list(t->keywords, t->nkeywords);
		free_list(t->match_case, t->nmatch_case);
		free_list(t->exclude, t->nexclude);
	}
	free(tax->topics);
	free(tax->path);
	free(tax);
}

size_t
taxonomy_find(const struct taxonomy *tax, const char *id)
{
	size_t i;

	for (i = 0; i < tax->ntopics; i++)
		if (strcmp(tax->topics[i].id, id) == 0)
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
