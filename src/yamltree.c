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

/* Nodes come in blocks: a taxonomy has thousands, one allocation each
 * was a tenth of loading it. */
#define YAMLTREE_BLOCK_NODES 512

struct yamltree_block {
	struct yamltree_block *next;
	size_t used;
	struct ynode nodes[YAMLTREE_BLOCK_NODES];
};

struct yamltree {
	struct ynode *root;
	const char *buf;
	size_t len;
	unsigned flags;
	struct problems *pr;
	int fatal;		/* parsing stopped: the problem is reported */
	bool fast;		/* read by the plain block reader */
	struct yamltree_block *blocks;	/* every node, newest block first */
	/* The plain reader's scalar values, one after another, each
	 * NUL-terminated: no value outgrows its own text and the byte after
	 * it, so LEN + 1 bytes hold them all.  NULL when libyaml read the
	 * text, whose values are allocated one by one. */
	char *values;
	size_t nvalues;
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

/* A node of KIND at LINE and COLUMN (1-based), spanning bytes START..END. */
static struct ynode *
yamltree_node_at(struct yamltree *t, enum ynode_kind kind, size_t line,
    size_t column, size_t start, size_t end)
{
	struct yamltree_block *b = t->blocks;
	struct ynode *n;

	if (b == NULL || b->used == YAMLTREE_BLOCK_NODES) {
		b = xmalloc(sizeof *b);
		b->next = t->blocks;
		b->used = 0;
		t->blocks = b;
	}
	n = &b->nodes[b->used++];
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->column = column;
	n->start = start;
	n->end = end;
	n->weight = 1;
	return n;
}

static struct ynode *
yamltree_new_node(struct yamltree *t, enum ynode_kind kind,
    const yaml_event_t *ev)
{
	size_t start = yamltree_byte_at(t, ev->start_mark.index);

	return yamltree_node_at(t, kind, ev->start_mark.line + 1,
	    ev->start_mark.column + 1, start,
	    yamltree_byte_at(t, ev->end_mark.index));
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

/* Frees every node and forgets the root. */
static void
yamltree_free_nodes(struct yamltree *t)
{
	struct yamltree_block *b;
	size_t i;

	while ((b = t->blocks) != NULL) {
		for (i = 0; i < b->used; i++) {
			if (t->values == NULL)
				free(b->nodes[i].value);
			free(b->nodes[i].kids);
			free(b->nodes[i].anchor);
		}
		t->blocks = b->next;
		free(b);
	}
	free(t->values);
	t->values = NULL;
	t->nvalues = 0;
	t->root = NULL;
}

/*
 * The plain block subset, read without libyaml.  A taxonomy as people
 * write it (block mappings and sequences, one-line plain, single- or
 * double-quoted scalars without escapes, comments) is most of what
 * loading costs when libyaml reads it: 22 of 47 million instructions for
 * the bundled file.  This reader accepts only text it reads exactly as
 * libyaml would, to the same tree with the same positions and spans
 * (tests/test_yamltree.c and fuzz_taxonomy compare the two), and gives up
 * on anything else, which then goes to libyaml: flow collections,
 * anchors, tags, block scalars, multi-line scalars, escapes, tabs,
 * carriage returns, a BOM, empty items, and every error.
 */
struct yamltree_fast {
	struct yamltree *t;
	const char *s;
	size_t len;
	size_t pos;		/* the next token, or len at the end */
	size_t line;		/* 1-based line of pos */
	size_t line_start;	/* offset of that line */
	size_t depth;		/* collections open */
};

/*
 * Bytes libyaml reads as characters of a line: printable ASCII and the
 * well-formed UTF-8 it accepts, less the characters it reads as line
 * breaks (NEL, LS, PS), the BOM it skips at a line's start, and C1
 * controls.  Tabs and carriage returns are left to libyaml too.
 */
static bool
yamltree_fast_text(const unsigned char *u, size_t len)
{
	static const uint32_t least[] = { 0, 0x80, 0x800, 0x10000 };
	size_t i = 0, n, k;
	uint32_t c;

	uint64_t w, flagged;

	while (i < len) {
		/* Eight bytes at a time: a byte below 0x20 (the borrow of
		 * w - 0x20 reaches its top bit) or above 0x7e (w + 1 or w
		 * itself has it) is flagged, and so may be a byte a borrow or
		 * carry reaches from it; every byte before the first flagged
		 * one is printable ASCII. */
		while (i + 8 <= len) {
			memcpy(&w, u + i, 8);
			flagged = (((w - 0x2020202020202020ULL) & ~w) |
			    (w + 0x0101010101010101ULL) | w) &
			    0x8080808080808080ULL;
			if (flagged != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
				i += (size_t)__builtin_clzll(flagged) / 8;
#else
				i += (size_t)__builtin_ctzll(flagged) / 8;
#endif
				break;
			}
			i += 8;
		}
		if (i == len)
			break;
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7f)
				return false;
			i++;
			continue;
		}
		if (u[i] >= 0xc0 && u[i] <= 0xdf)
			n = 1, c = u[i] & 0x1f;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			n = 2, c = u[i] & 0x0f;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			n = 3, c = u[i] & 0x07;
		else
			return false;
		if (len - i <= n)
			return false;
		for (k = 1; k <= n; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (u[i + k] & 0x3f);
		}
		i += n + 1;
		if (c < least[n] || c > 0x10ffff || c < 0xa0 ||
		    (c >= 0xd800 && c <= 0xdfff) || c == 0x2028 ||
		    c == 0x2029 || c == 0xfeff || c == 0xfffe || c == 0xffff)
			return false;
	}
	return true;
}

static bool
yamltree_fast_at_end(const struct yamltree_fast *f, size_t i)
{
	return i >= f->len || f->s[i] == '\n';
}

/* Whether C may end a plain scalar or its value: a line break, a blank,
 * or what a key or a comment begins with. */
static bool
yamltree_fast_stop(char c)
{
	return c == '\n' || c == ' ' || c == ':' || c == '#';
}

/* From the start of a line, past blank and comment lines to the next
 * token, or to the end. */
static void
yamltree_fast_next(struct yamltree_fast *f, size_t i)
{
	for (;;) {
		f->line_start = i;
		while (i < f->len && f->s[i] == ' ')
			i++;
		if (i < f->len && f->s[i] == '#')
			while (i < f->len && f->s[i] != '\n')
				i++;
		if (i >= f->len) {
			f->pos = f->len;
			return;
		}
		if (f->s[i] != '\n') {
			f->pos = i;
			return;
		}
		i++;
		f->line++;
	}
}

/* Past the rest of the line at I (blanks, a comment) to the next token. */
static bool
yamltree_fast_end_line(struct yamltree_fast *f, size_t i)
{
	size_t blanks = i;

	while (i < f->len && f->s[i] == ' ')
		i++;
	if (i < f->len && f->s[i] == '#' && i > blanks)
		while (i < f->len && f->s[i] != '\n')
			i++;
	if (!yamltree_fast_at_end(f, i))
		return false;
	if (i < f->len) {
		i++;
		f->line++;
	}
	yamltree_fast_next(f, i);
	return true;
}

static size_t
yamltree_fast_column(const struct yamltree_fast *f)
{
	return f->pos - f->line_start;
}

/* The end of a key ("name:" then a blank or the line's end) at I, or 0. */
static size_t
yamltree_fast_key(const struct yamltree_fast *f, size_t i)
{
	size_t k = i;

	while (k < f->len && ((f->s[k] >= 'a' && f->s[k] <= 'z') ||
	    (f->s[k] >= 'A' && f->s[k] <= 'Z') ||
	    (f->s[k] >= '0' && f->s[k] <= '9') || f->s[k] == '_' ||
	    (f->s[k] == '-' && k > i)))
		k++;
	/* libyaml takes no key of over 1,024 characters. */
	if (k == i || k - i > 1000 || k >= f->len || f->s[k] != ':' ||
	    !(yamltree_fast_at_end(f, k + 1) || f->s[k + 1] == ' '))
		return 0;
	return k;
}

static bool
yamltree_fast_item(const struct yamltree_fast *f)
{
	return f->pos + 1 < f->len && f->s[f->pos] == '-' &&
	    f->s[f->pos + 1] == ' ';
}

static struct ynode *
yamltree_fast_node(struct yamltree_fast *f, enum ynode_kind kind, size_t at,
    size_t end)
{
	return yamltree_node_at(f->t, kind, f->line, at - f->line_start + 1,
	    at, end);
}

/* Room for a value of at most LEN bytes in the values block. */
static char *
yamltree_fast_room(struct yamltree_fast *f, size_t len)
{
	struct yamltree *t = f->t;
	char *v = t->values + t->nvalues;

	if (len + 1 > f->len + 1 - t->nvalues)
		fatal("yamltree: a value outgrew its text");
	return v;
}

/* Copies LEN bytes of S as N's value. */
static void
yamltree_fast_value_of(struct yamltree_fast *f, struct ynode *n,
    const char *s, size_t len)
{
	n->value = yamltree_fast_room(f, len);
	memcpy(n->value, s, len);
	n->value[len] = '\0';
	n->len = len;
	f->t->nvalues += len + 1;
}

/*
 * The scalar at I that ends its line (plain, or quoted without escapes),
 * with the line; NULL when it is none of these.
 */
static struct ynode *
yamltree_fast_scalar(struct yamltree_fast *f, size_t i)
{
	const char *s = f->s;
	struct ynode *n;
	size_t e, last, k;
	char *v;

	if (s[i] == '"' || s[i] == '\'') {
		for (e = i + 1; !yamltree_fast_at_end(f, e); e++) {
			if (s[e] == '\\' && s[i] == '"')
				return NULL;
			if (s[e] != s[i])
				continue;
			if (s[i] == '\'' && e + 1 < f->len && s[e + 1] == '\'')
				e++;
			else
				break;
		}
		if (yamltree_fast_at_end(f, e))
			return NULL;
		n = yamltree_fast_node(f, YNODE_SCALAR, i, e + 1);
		n->value = v = yamltree_fast_room(f, e - i - 1);
		for (k = i + 1; k < e; k++) {
			*v++ = s[k];
			if (s[k] == '\'' && s[i] == '\'')
				k++;
		}
		*v = '\0';
		n->len = (size_t)(v - n->value);
		f->t->nvalues += n->len + 1;
	} else {
		if (strchr("-?:,[]{}#&*!|>%@`", s[i]) != NULL)
			return NULL;
		for (e = last = i; !yamltree_fast_at_end(f, e); e++) {
			/* A run of bytes that end nothing (most of a
			 * scalar) at once. */
			if (!yamltree_fast_stop(s[e])) {
				while (e + 1 < f->len &&
				    !yamltree_fast_stop(s[e + 1]))
					e++;
				last = e + 1;
				continue;
			}
			if (s[e] == ':' && (yamltree_fast_at_end(f, e + 1) ||
			    s[e + 1] == ' '))
				return NULL;
			if (s[e] == '#' && s[e - 1] == ' ')
				break;
			if (s[e] != ' ')
				last = e + 1;
		}
		n = yamltree_fast_node(f, YNODE_SCALAR, i, last);
		yamltree_fast_value_of(f, n, s + i, last - i);
		n->plain = true;
	}
	return yamltree_fast_end_line(f, n->end) ? n : NULL;
}

static struct ynode *yamltree_fast_mapping(struct yamltree_fast *, size_t);

/*
 * Opens a collection at the token; false past the depth bound, which
 * libyaml then reports.
 */
static struct ynode *
yamltree_fast_open(struct yamltree_fast *f, enum ynode_kind kind)
{
	if (f->depth == YAMLTREE_MAX_DEPTH)
		return NULL;
	f->depth++;
	return yamltree_fast_node(f, kind, f->pos, f->pos);
}

/*
 * A block sequence of items at COLUMN; INDENTLESS when it sits at its
 * key's column, where a line that is no item ends it.  libyaml ends a
 * block collection at the next token (past comments), or at the end.
 */
static struct ynode *
yamltree_fast_sequence(struct yamltree_fast *f, size_t column,
    bool indentless)
{
	struct ynode *seq, *item;
	size_t i, key;

	if ((seq = yamltree_fast_open(f, YNODE_SEQUENCE)) == NULL)
		return NULL;
	for (;;) {
		for (i = f->pos + 1; i < f->len && f->s[i] == ' '; i++)
			;
		if (yamltree_fast_at_end(f, i) || f->s[i] == '#')
			return NULL;
		if ((key = yamltree_fast_key(f, i)) != 0) {
			f->pos = i;
			item = yamltree_fast_mapping(f, i - f->line_start);
		} else
			item = yamltree_fast_scalar(f, i);
		if (item == NULL)
			return NULL;
		yamltree_add_kid(seq, item);
		if (f->pos < f->len && yamltree_fast_column(f) == column &&
		    yamltree_fast_item(f))
			continue;
		if (f->pos < f->len && (yamltree_fast_column(f) > column ||
		    (yamltree_fast_column(f) == column && !indentless)))
			return NULL;
		break;
	}
	seq->end = f->pos;
	f->depth--;
	return seq;
}

/* The value after the key whose ':' is at COLON, in a mapping at COLUMN. */
static struct ynode *
yamltree_fast_value(struct yamltree_fast *f, size_t column, size_t colon)
{
	size_t i, line = f->line, line_start = f->line_start;
	struct ynode *n;

	for (i = colon + 1; i < f->len && f->s[i] == ' '; i++)
		;
	if (!yamltree_fast_at_end(f, i) && f->s[i] != '#')
		return yamltree_fast_scalar(f, i);
	if (!yamltree_fast_end_line(f, colon + 1))
		return NULL;
	if (f->pos < f->len && yamltree_fast_column(f) > column)
		return yamltree_fast_item(f) ? yamltree_fast_sequence(f,
		    yamltree_fast_column(f), false) :
		    yamltree_fast_mapping(f, yamltree_fast_column(f));
	if (f->pos < f->len && yamltree_fast_column(f) == column &&
	    yamltree_fast_item(f))
		return yamltree_fast_sequence(f, column, true);
	/* Nothing: libyaml's empty scalar sits right after the ':'. */
	n = yamltree_node_at(f->t, YNODE_SCALAR, line,
	    colon + 1 - line_start + 1, colon + 1, colon + 1);
	yamltree_fast_value_of(f, n, "", 0);
	n->plain = true;
	return n;
}

/* A block mapping of keys at COLUMN, its first key at the token. */
static struct ynode *
yamltree_fast_mapping(struct yamltree_fast *f, size_t column)
{
	struct ynode *map, *key, *value;
	size_t colon;

	if ((map = yamltree_fast_open(f, YNODE_MAPPING)) == NULL)
		return NULL;
	do {
		if ((colon = yamltree_fast_key(f, f->pos)) == 0)
			return NULL;
		key = yamltree_fast_node(f, YNODE_SCALAR, f->pos, colon);
		yamltree_fast_value_of(f, key, f->s + f->pos, colon - f->pos);
		key->plain = true;
		yamltree_add_kid(map, key);
		if ((value = yamltree_fast_value(f, column, colon)) == NULL)
			return NULL;
		yamltree_add_kid(map, value);
		if (f->pos < f->len && yamltree_fast_column(f) > column)
			return NULL;
	} while (f->pos < f->len && yamltree_fast_column(f) == column);
	map->end = f->pos;
	f->depth--;
	return map;
}

/* Reads T's text when it is in the subset; false, leaving nodes in the
 * pool to free, when libyaml must read it. */
static bool
yamltree_fast_build(struct yamltree *t)
{
	struct yamltree_fast f;

	if (!yamltree_fast_text((const unsigned char *)t->buf, t->len))
		return false;
	memset(&f, 0, sizeof f);
	t->values = xmalloc(t->len + 1);
	f.t = t;
	f.s = t->buf;
	f.len = t->len;
	f.line = 1;
	yamltree_fast_next(&f, 0);
	if (f.pos == f.len || f.pos != f.line_start)
		return false;
	t->root = yamltree_fast_mapping(&f, 0);
	return t->root != NULL;
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
	t->fast = !(flags & YAMLTREE_LIBYAML) && yamltree_fast_build(t);
	if (!t->fast) {
		yamltree_free_nodes(t);
		yamltree_start_cursor(t);
		yamltree_build(t);
	}
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

bool
yamltree_read_fast(const struct yamltree *tree)
{
	return tree->fast;
}

void
yamltree_free(struct yamltree *tree)
{
	if (tree == NULL)
		return;
	yamltree_free_nodes(tree);
	free(tree->anchors);
	free(tree);
}

bool
yamltree_is_null(const struct ynode *n)
{
	/* By length first: a taxonomy asks of every keyword.  A plain
	 * scalar holds no NUL (YAML forbids the character). */
	return n->kind == YNODE_SCALAR && n->plain && (n->len == 0 ||
	    (n->len == 1 && n->value[0] == '~') || (n->len == 4 &&
	    (memcmp(n->value, "null", 4) == 0 ||
	    memcmp(n->value, "Null", 4) == 0 ||
	    memcmp(n->value, "NULL", 4) == 0)));
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
