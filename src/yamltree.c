#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "strbuf.h"
#include "xalloc.h"
#include "yamltree.h"

struct yamltree_anchor {
	char *name;		/* the node's own copy */
	struct ynode *node;
};

struct yamltree {
	struct ynode *root;
	const char *buf;
	size_t len;
	unsigned flags;
	struct problems *pr;
	int fatal;		/* parsing stopped: the problem is reported */
	struct ynode **pool;	/* every node, for freeing */
	size_t npool, cappool;
	struct yamltree_anchor *anchors;
	size_t nanchors;
	size_t aliased;		/* nodes reached through aliases so far */
	/* libyaml counts characters (after a BOM); spans are bytes.  Events
	 * come in text order, so one cursor walks the text once. */
	size_t cursor_char, cursor_byte, first_byte;
};

static int
yamltree_is_lead(const struct yamltree *t, size_t i)
{
	return ((unsigned char)t->buf[i] & 0xc0) != 0x80;
}

/* The byte offset of character INDEX, or the end of the text past it. */
static size_t
yamltree_byte_at(struct yamltree *t, size_t index)
{
	while (t->cursor_char < index && t->cursor_byte < t->len) {
		t->cursor_byte++;
		while (t->cursor_byte < t->len && !yamltree_is_lead(t,
		    t->cursor_byte))
			t->cursor_byte++;
		t->cursor_char++;
	}
	while (t->cursor_char > index) {
		do
			t->cursor_byte--;
		while (t->cursor_byte > t->first_byte &&
		    !yamltree_is_lead(t, t->cursor_byte));
		t->cursor_char--;
	}
	return t->cursor_byte;
}

static void
yamltree_start_cursor(struct yamltree *t)
{
	size_t i = 0;

	if (t->len >= 3 && memcmp(t->buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < t->len && !yamltree_is_lead(t, i))
		i++;
	t->first_byte = t->cursor_byte = i;
	t->cursor_char = 0;
}

static struct ynode *
yamltree_new_node(struct yamltree *t, enum ynode_kind kind,
    const yaml_event_t *ev)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->line = ev->start_mark.line + 1;
	n->column = ev->start_mark.column + 1;
	n->start = yamltree_byte_at(t, ev->start_mark.index);
	n->end = yamltree_byte_at(t, ev->end_mark.index);
	n->weight = 1;
	if (t->npool == t->cappool) {
		t->cappool = t->cappool * 2 + 64;
		t->pool = xreallocarray(t->pool, t->cappool, sizeof *t->pool);
	}
	t->pool[t->npool++] = n;
	return n;
}

static void
yamltree_add_kid(struct ynode *parent, struct ynode *kid)
{
	if (parent->nkids == parent->capkids) {
		parent->capkids = parent->capkids * 2 + 4;
		parent->kids = xreallocarray(parent->kids, parent->capkids,
		    sizeof *parent->kids);
	}
	parent->kids[parent->nkids++] = kid;
	parent->weight += kid->weight;
	if (parent->weight > SIZE_MAX / 4)
		parent->weight = SIZE_MAX / 4;
}

/* Line and column of a byte offset, for reader errors that carry only one. */
static void
yamltree_offset_position(const struct yamltree *t, size_t offset,
    size_t *line, size_t *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && i < t->len; i++) {
		if (t->buf[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (yamltree_is_lead(t, i))
			(*column)++;
	}
}

static void
yamltree_syntax_problem(struct yamltree *t, const yaml_parser_t *p)
{
	const char *what = p->problem != NULL ? p->problem : "invalid YAML";
	size_t line, column;

	if (p->error == YAML_READER_ERROR) {
		yamltree_offset_position(t, p->problem_offset, &line, &column);
		problems_add(t->pr, line, column, "YAML: %s", what);
	} else if (p->context != NULL)
		problems_add(t->pr, p->problem_mark.line + 1,
		    p->problem_mark.column + 1, "YAML: %s %s", what,
		    p->context);
	else
		problems_add(t->pr, p->problem_mark.line + 1,
		    p->problem_mark.column + 1, "YAML: %s", what);
	t->fatal = 1;
}

static void
yamltree_set_anchor(struct ynode *n, const yaml_char_t *anchor)
{
	if (anchor != NULL)
		n->anchor = xstrdup((const char *)anchor);
}

/* A node is an alias's target once complete, so none contains itself. */
static void
yamltree_register_anchor(struct yamltree *t, struct ynode *n)
{
	size_t i;

	if (n->anchor == NULL)
		return;
	for (i = 0; i < t->nanchors; i++) {
		if (strcmp(t->anchors[i].name, n->anchor) == 0) {
			t->anchors[i].node = n;
			return;
		}
	}
	if (t->nanchors == YAMLTREE_MAX_ANCHORS) {
		problems_add(t->pr, n->line, n->column,
		    "more than %d anchors: refused", YAMLTREE_MAX_ANCHORS);
		t->fatal = 1;
		return;
	}
	t->anchors = xreallocarray(t->anchors, t->nanchors + 1,
	    sizeof *t->anchors);
	t->anchors[t->nanchors].name = n->anchor;
	t->anchors[t->nanchors].node = n;
	t->nanchors++;
}

static struct ynode *
yamltree_alias(struct yamltree *t, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct ynode *target, *n;
	size_t i;

	for (i = t->nanchors; i-- > 0;)
		if (strcmp(t->anchors[i].name, name) == 0)
			break;
	if (i == SIZE_MAX) {
		problems_add(t->pr, ev->start_mark.line + 1,
		    ev->start_mark.column + 1, "unknown alias '*%s'", name);
		t->fatal = 1;
		return NULL;
	}
	target = t->anchors[i].node;
	t->aliased += target->weight;
	if (t->aliased > YAMLTREE_ALIAS_BUDGET) {
		problems_add(t->pr, ev->start_mark.line + 1,
		    ev->start_mark.column + 1,
		    "aliases expand to more than %d nodes: refused",
		    YAMLTREE_ALIAS_BUDGET);
		t->fatal = 1;
		return NULL;
	}
	if (!(t->flags & YAMLTREE_KEEP_ALIASES))
		return target;
	n = yamltree_new_node(t, YNODE_ALIAS, ev);
	n->target = target;
	return n;
}

static struct ynode *
yamltree_scalar(struct yamltree *t, const yaml_event_t *ev)
{
	struct ynode *n = yamltree_new_node(t, YNODE_SCALAR, ev);

	n->len = ev->data.scalar.length;
	n->value = xmalloc(n->len + 1);
	memcpy(n->value, ev->data.scalar.value, n->len);
	n->value[n->len] = '\0';
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	yamltree_set_anchor(n, ev->data.scalar.anchor);
	yamltree_register_anchor(t, n);
	return n;
}

static struct ynode *
yamltree_collection(struct yamltree *t, const yaml_event_t *ev)
{
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;
	struct ynode *n = yamltree_new_node(t, seq ? YNODE_SEQUENCE :
	    YNODE_MAPPING, ev);

	n->flow = seq ?
	    ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE :
	    ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	yamltree_set_anchor(n, seq ? ev->data.sequence_start.anchor :
	    ev->data.mapping_start.anchor);
	return n;
}

/* Builds the tree from libyaml's events; T->fatal after a problem. */
static void
yamltree_build(struct yamltree *t)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct ynode *stack[YAMLTREE_MAX_DEPTH], *n;
	size_t depth = 0, docs = 0;
	int done = 0;

	if (!yaml_parser_initialize(&p))
		fatal("out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)t->buf,
	    t->len);
	while (!done && !t->fatal) {
		if (!yaml_parser_parse(&p, &ev)) {
			yamltree_syntax_problem(t, &p);
			break;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				problems_add(t->pr, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "only one YAML document is allowed");
				t->fatal = 1;
			}
			break;
		case YAML_SCALAR_EVENT:
			n = yamltree_scalar(t, &ev);
			break;
		case YAML_ALIAS_EVENT:
			n = yamltree_alias(t, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == YAMLTREE_MAX_DEPTH) {
				problems_add(t->pr, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "nested deeper than %d levels: refused",
				    YAMLTREE_MAX_DEPTH);
				t->fatal = 1;
				break;
			}
			stack[depth++] = yamltree_collection(t, &ev);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			n = stack[--depth];
			n->end = yamltree_byte_at(t, ev.end_mark.index);
			yamltree_register_anchor(t, n);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n == NULL || t->fatal)
			continue;
		if (depth > 0)
			yamltree_add_kid(stack[depth - 1], n);
		else if (t->root == NULL)
			t->root = n;
	}
	yaml_parser_delete(&p);
}

struct yamltree *
yamltree_parse(const char *buf, size_t len, unsigned flags,
    struct problems *pr)
{
	struct yamltree *t;

	if (len > YAMLTREE_MAX_BYTES) {
		problems_add(pr, 1, 1, "larger than %zu MiB: refused",
		    YAMLTREE_MAX_BYTES >> 20);
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	t->buf = buf;
	t->len = len;
	t->flags = flags;
	t->pr = pr;
	yamltree_start_cursor(t);
	yamltree_build(t);
	if (t->fatal) {
		yamltree_free(t);
		return NULL;
	}
	return t;
}

const struct ynode *
yamltree_root(const struct yamltree *tree)
{
	return tree->root;
}

void
yamltree_free(struct yamltree *tree)
{
	size_t i;

	if (tree == NULL)
		return;
	for (i = 0; i < tree->npool; i++) {
		free(tree->pool[i]->value);
		free(tree->pool[i]->kids);
		free(tree->pool[i]->anchor);
		free(tree->pool[i]);
	}
	free(tree->pool);
	free(tree->anchors);
	free(tree);
}

bool
yamltree_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain && (n->len == 0 ||
	    strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	    strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

const char *
yamltree_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_SCALAR:
		return "a string";
	case YNODE_SEQUENCE:
		return "a list";
	case YNODE_MAPPING:
		return "a mapping";
	case YNODE_ALIAS:
		return "an alias";
	}
	return "?";
}

static size_t
yamltree_edit_distance(const char *a, const char *b)
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
yamltree_unknown_key(struct problems *pr, const struct ynode *key,
    const char **known)
{
	const char *best = NULL;
	size_t d, bestd = SIZE_MAX, i;
	char *q = problems_quote(key->value, key->len);
	struct strbuf list = STRBUF_INIT;

	for (i = 0; known[i] != NULL; i++) {
		d = yamltree_edit_distance(key->value, known[i]);
		if (d < bestd) {
			bestd = d;
			best = known[i];
		}
		strbuf_addf(&list, "%s%s", i == 0 ? "" : ", ", known[i]);
	}
	if (best != NULL && bestd <= (strlen(key->value) + 2) / 3 + 1)
		problems_add(pr, key->line, key->column,
		    "unknown key %s (did you mean '%s'?)", q, best);
	else
		problems_add(pr, key->line, key->column,
		    "unknown key %s (known keys: %s)", q, list.data);
	strbuf_free(&list);
	free(q);
}

void
yamltree_check_keys(struct problems *pr, const struct ynode *n,
    const char **known, const struct ynode **values,
    const struct ynode **keys)
{
	const struct ynode *k;
	size_t i, j;

	for (j = 0; known[j] != NULL; j++)
		values[j] = keys[j] = NULL;
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		if (k->kind != YNODE_SCALAR) {
			problems_add(pr, k->line, k->column,
			    "a key must be a plain name, not %s",
			    yamltree_kind_name(k));
			continue;
		}
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], k->value) == 0 &&
			    strlen(known[j]) == k->len)
				break;
		if (known[j] == NULL) {
			yamltree_unknown_key(pr, k, known);
			continue;
		}
		if (keys[j] != NULL) {
			problems_add(pr, k->line, k->column,
			    "duplicate key '%s' (first at line %zu)", known[j],
			    keys[j]->line);
			continue;
		}
		keys[j] = k;
		values[j] = n->kids[i + 1];
	}
}

char *
yamltree_string(struct problems *pr, const struct ynode *v, const char *what)
{
	size_t i;

	if (v->kind != YNODE_SCALAR) {
		problems_add(pr, v->line, v->column,
		    "%s must be a string, not %s", what,
		    yamltree_kind_name(v));
		return NULL;
	}
	if (memchr(v->value, '\0', v->len) != NULL) {
		problems_add(pr, v->line, v->column,
		    "%s contains a NUL character", what);
		return NULL;
	}
	for (i = 0; i < v->len; i++)
		if (v->value[i] != ' ' && v->value[i] != '\t')
			break;
	if (i == v->len || yamltree_is_null(v)) {
		problems_add(pr, v->line, v->column, "%s is empty", what);
		return NULL;
	}
	return xstrdup(v->value);
}
