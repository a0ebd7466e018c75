#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "document.h"
#include "frontmatter.h"
#include "scan.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* End of the line at S[I], without its newline. */
static size_t
frontmatter_line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);

	return nl != NULL ? (size_t)(nl - s) : len;
}

/*
 * The text of a YAML value: a scalar, or a sequence of scalars joined by
 * ", "; NULL for anything else.  Aliases can repeat a long scalar many
 * times, so the result stops at LIMIT bytes, which no plain value exceeds.
 */
static char *
frontmatter_text(yaml_document_t *ydoc, yaml_node_t *node, size_t limit)
{
	struct strbuf sb = STRBUF_INIT;
	yaml_node_item_t *item;
	yaml_node_t *child;
	char *out;

	if (node->type == YAML_SCALAR_NODE)
		return text_field((const char *)node->data.scalar.value,
		    node->data.scalar.length);
	if (node->type != YAML_SEQUENCE_NODE)
		return NULL;
	for (item = node->data.sequence.items.start;
	    item < node->data.sequence.items.top && sb.len < limit; item++) {
		child = yaml_document_get_node(ydoc, *item);
		if (child == NULL || child->type != YAML_SCALAR_NODE) {
			strbuf_free(&sb);
			return NULL;
		}
		if (sb.len != 0)
			strbuf_addstr(&sb, ", ");
		strbuf_add(&sb, (const char *)child->data.scalar.value,
		    child->data.scalar.length);
	}
	out = text_field(sb.data != NULL ? sb.data : "",
	    sb.len < limit ? sb.len : limit);
	strbuf_free(&sb);
	return out;
}

/* S[0, LEN) as a string. */
static char *
frontmatter_copy(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);

	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

/* The slot of a known key K[0, N), or NULL: told apart by length and
 * first byte before one comparison, since every source sets them. */
static char **
frontmatter_slot(struct document *doc, const char *k, size_t n)
{
	switch (n) {
	case 3:
		return memcmp(k, "url", 3) == 0 ? &doc->url : NULL;
	case 4:
		return memcmp(k, "date", 4) == 0 ? &doc->date : NULL;
	case 5:
		return memcmp(k, "title", 5) == 0 ? &doc->title : NULL;
	case 6:
		if (k[0] == 'o')
			return memcmp(k, "outlet", 6) == 0 ? &doc->outlet : NULL;
		return memcmp(k, "author", 6) == 0 ? &doc->author : NULL;
	default:
		return NULL;
	}
}

/* The keys of its own a source has room for at first (a power of two). */
#define FRONTMATTER_EXTRA_ROOM 4

/* The next of DOC's own keys, to be filled. */
static struct meta *
frontmatter_extra_next(struct document *doc)
{
	/* Room for four keys, then doubling at each power of two: most
	 * sources carry a few keys of their own (topic, bias, id), and
	 * growing by one, two and four cost three reallocations a source. */
	if (doc->nextra == 0 || (doc->nextra >= FRONTMATTER_EXTRA_ROOM &&
	    (doc->nextra & (doc->nextra - 1)) == 0))
		doc->extra = xreallocarray(doc->extra, doc->nextra == 0 ?
		    FRONTMATTER_EXTRA_ROOM : 2 * doc->nextra, sizeof *doc->extra);
	return &doc->extra[doc->nextra++];
}

/* Stores VALUE (taking it) under the key K[0, N); PLAIN says the key is
 * a simple one (frontmatter_key_bytes), which needs no text_field. */
static void
frontmatter_set(struct document *doc, const char *k, size_t n, char *value,
    bool plain)
{
	char **slot = frontmatter_slot(doc, k, n);
	struct meta *m;

	if (slot != NULL) {
		frontmatter_free_string(doc, *slot);
		*slot = value;
		return;
	}
	m = frontmatter_extra_next(doc);
	m->key = plain ? frontmatter_copy(k, n) : text_field(k, n);
	if (m->key == NULL)
		m->key = xstrdup("");
	m->value = value != NULL ? value : xstrdup("");
}

/* The bytes a simple key is made of: ASCII letters and digits, '_' and
 * '-' (isalnum's answer in the C locale, by table). */
static const bool frontmatter_key_bytes[256] = {
	['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,
	['_'] = 1, ['-'] = 1
};

/* One line of simple front matter. */
struct frontmatter_line {
	size_t key;		/* the key's first byte */
	size_t colon;		/* the ':' after it */
	size_t value;		/* the value's first byte (spaces skipped) */
	size_t vend;		/* the value's end */
	size_t end;		/* the line's end, without its newline */
};

/*
 * Whether S[V, E) is a double-quoted YAML scalar that holds no escape and
 * no other quotation mark, and so means its bytes as they stand: a title
 * quoted because it has ": " or starts with a quote.  Then sets *VALUE
 * and *VEND to them.
 */
static bool
frontmatter_quoted(const char *s, size_t v, size_t e, size_t *value,
    size_t *vend)
{
	while (e > v && s[e - 1] == ' ')
		e--;
	if (e - v < 2 || s[v] != '"' || s[e - 1] != '"' ||
	    memchr(s + v + 1, '"', e - v - 2) != NULL ||
	    memchr(s + v + 1, '\\', e - v - 2) != NULL)
		return false;
	*value = v + 1;
	*vend = e - 1;
	return true;
}

/* Reads the line at S[I] as "key: value" into *L, a value in double
 * quotes too when QUOTED (frontmatter_quoted).  Returns 1 for such a
 * line, 0 for an empty one, -1 for anything else. */
static int
frontmatter_simple_line(const char *s, size_t len, size_t i, bool quoted,
    struct frontmatter_line *l)
{
	size_t e = frontmatter_line_end(s, len, i), k, v;

	l->key = i;
	l->end = e;
	for (k = i; k < e && frontmatter_key_bytes[(unsigned char)s[k]]; k++)
		;
	if (k == i || k >= e || s[k] != ':' || (k + 1 < e && s[k + 1] != ' '))
		return e > i ? -1 : 0;
	for (v = k + 1; v < e && s[v] == ' '; v++)
		;
	l->colon = k;
	l->value = v;
	l->vend = e;
	if (v < e && strchr("[{\"'|>&*!%@`#", s[v]) != NULL &&
	    !(quoted && frontmatter_quoted(s, v, e, &l->value, &l->vend)))
		return -1;
	return 1;
}

/* S[*START, *END) without the spaces at its ends. */
static void
frontmatter_trim(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && s[*start] == ' ')
		(*start)++;
	while (*end > *start && s[*end - 1] == ' ')
		(*end)--;
}

/*
 * A value of plain front matter (frontmatter_is_plain) as text_field
 * would give it: sanitised text with no tab or line break in it, so only
 * the spaces at its ends go.
 */
static char *
frontmatter_plain_value(const char *s, size_t len)
{
	size_t start = 0;

	frontmatter_trim(s, &start, &len);
	return len != start ? frontmatter_copy(s + start, len - start) : NULL;
}

/* S[*AT, *AT + N), then a NUL, into BLOCK; *AT moves past them. */
static char *
frontmatter_place(char *block, size_t *at, const char *s, size_t n)
{
	char *out = block + *at;

	memcpy(out, s, n);
	out[n] = '\0';
	*at += n + 1;
	return out;
}

/*
 * Stores the N simple LINES of plain front matter S, every key and value
 * in one block (doc->strings), as frontmatter_store would one by one: a
 * source's ten strings cost ten allocations and ten frees.
 */
static void
frontmatter_store_block(struct document *doc, const char *s,
    const struct frontmatter_line *lines, size_t n)
{
	const struct frontmatter_line *l;
	size_t k, vs, ve, size = 0, at = 0;
	char **slot;
	struct meta *m;

	for (k = 0; k < n; k++) {
		l = &lines[k];
		vs = l->value;
		ve = l->vend;
		frontmatter_trim(s, &vs, &ve);
		if (frontmatter_slot(doc, s + l->key, l->colon - l->key) == NULL)
			size += l->colon - l->key + 1 + ve - vs + 1;
		else if (ve > vs)
			size += ve - vs + 1;
	}
	doc->strings = size != 0 ? xmalloc(size) : NULL;
	doc->nstrings = size;
	for (k = 0; k < n; k++) {
		l = &lines[k];
		vs = l->value;
		ve = l->vend;
		frontmatter_trim(s, &vs, &ve);
		slot = frontmatter_slot(doc, s + l->key, l->colon - l->key);
		if (slot != NULL) {
			frontmatter_free_string(doc, *slot);
			*slot = ve > vs ? frontmatter_place(doc->strings, &at,
			    s + vs, ve - vs) : NULL;
			continue;
		}
		m = frontmatter_extra_next(doc);
		m->key = frontmatter_place(doc->strings, &at, s + l->key,
		    l->colon - l->key);
		m->value = frontmatter_place(doc->strings, &at, s + vs,
		    ve - vs);
	}
}

/* Stores the simple line L of S: PLAIN says S is plain
 * (frontmatter_is_plain), so its value needs no text_field. */
static void
frontmatter_store(struct document *doc, const char *s,
    const struct frontmatter_line *l, bool plain)
{
	frontmatter_set(doc, s + l->key, l->colon - l->key, plain ?
	    frontmatter_plain_value(s + l->value, l->vend - l->value) :
	    text_field(s + l->value, l->vend - l->value), true);
}

/* Lines of simple front matter kept from the pass that checks them; a
 * longer one is read again to store it. */
#define FRONTMATTER_LINES 32

/*
 * Front matter that is not YAML only because a value holds ": " unquoted
 * ("title: Ceasefire: what we know"), as people write it by hand: every
 * line is "key: value" and no value starts with YAML syntax.  Returns
 * false, changing nothing, otherwise.  PLAIN as frontmatter_store; a
 * plain value may also be in double quotes (frontmatter_quoted), which
 * libyaml would be asked to read otherwise.
 */
static bool
frontmatter_simple(struct document *doc, const char *s, size_t len,
    bool plain)
{
	struct frontmatter_line lines[FRONTMATTER_LINES], l;
	size_t i, n = 0, k;
	int rc;

	for (i = 0; i < len; i = l.end + 1) {
		if ((rc = frontmatter_simple_line(s, len, i, plain, &l)) < 0)
			return false;
		if (rc > 0 && n++ < FRONTMATTER_LINES)
			lines[n - 1] = l;
		if (l.end == len)
			break;
	}
	if (n <= FRONTMATTER_LINES && plain && doc->strings == NULL) {
		frontmatter_store_block(doc, s, lines, n);
		return true;
	}
	if (n <= FRONTMATTER_LINES) {
		for (k = 0; k < n; k++)
			frontmatter_store(doc, s, &lines[k], plain);
		return true;
	}
	for (i = 0; i < len; i = l.end + 1) {
		if (frontmatter_simple_line(s, len, i, plain, &l) > 0)
			frontmatter_store(doc, s, &l, plain);
		if (l.end == len)
			break;
	}
	return true;
}

/* Whether the byte at U[I] keeps the front matter from being plain. */
static bool
frontmatter_not_plain_at(const unsigned char *u, size_t len, size_t i)
{
	if (u[i] == '\n')
		return false;
	if (u[i] < 0x20 || u[i] == 0x7f ||
	    (u[i] == '#' && i > 0 && u[i - 1] == ' '))
		return true;
	if (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x85)
		return true;
	return u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9);
}

#ifdef SCAN_SSE2
/* The bytes among the 16 at U that frontmatter_not_plain_at may refuse
 * (a control byte but '\n', DEL, '#', the lead byte of NEL, LS or PS),
 * as bits. */
static unsigned
frontmatter_suspects16(const unsigned char *u)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u), m;

	m = _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
	    _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xe0)),
	    _mm_setzero_si128()));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f)));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('#')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xc2)));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe2)));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * Printable lines with no comment (" #") and no line break but '\n': when
 * every line of these is "key: value", libyaml would read the same as
 * frontmatter_simple, at a fraction of the cost.  Beyond ASCII, YAML sees
 * only NEL, LS and PS (U+0085, U+2028, U+2029) as anything but a letter of
 * a plain scalar: it folds them as line breaks.  (Real front matter, a
 * title with curly quotes or an accented name, was read by libyaml at 13
 * instructions a byte of the whole source, 18% of the time.)
 */
static bool
frontmatter_is_plain(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull;
	const unsigned char *u = (const unsigned char *)s;
	uint64_t w;
	size_t i = 0, k;
#ifdef SCAN_SSE2
	unsigned m;

	/* Sixteen bytes at a time, only the bytes that may matter looked
	 * at: eight at a time below cost 2,200 instructions a source. */
	for (; scan_level >= SCAN_LEVEL_SSE2 && len - i >= 16; i += 16) {
		for (m = frontmatter_suspects16(u + i); m != 0; m &= m - 1) {
			if (frontmatter_not_plain_at(u, len,
			    i + (size_t)__builtin_ctz(m)))
				return false;
		}
	}
#endif
	/* Eight bytes at a time: only a word holding a byte that may matter
	 * (a control byte but '\n', DEL, '#', or the lead byte of NEL, LS or
	 * PS) is looked at byte by byte; a byte at a time, this took most of
	 * reading a source's front matter.  The zero-byte test is exact, so
	 * a line's end hides no control byte beside it. */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, sizeof w);
		if (((scan_zero_bytes(w & (ones * 0xe0)) &
		    ~scan_zero_bytes(w ^ (ones * '\n'))) |
		    scan_zero_bytes(w ^ (ones * 0x7f)) |
		    scan_zero_bytes(w ^ (ones * '#')) |
		    scan_zero_bytes(w ^ (ones * 0xc2)) |
		    scan_zero_bytes(w ^ (ones * 0xe2))) == 0)
			continue;
		for (k = i; k < i + 8; k++) {
			if (frontmatter_not_plain_at(u, len, k))
				return false;
		}
	}
	for (; i < len; i++) {
		if (frontmatter_not_plain_at(u, len, i))
			return false;
	}
	return true;
}

/*
 * Parses the YAML S (which starts on line 2 of the file) into DOC.
 * Returns 0, or -1 with *cause as "NAME:LINE:COL: message".
 */
static int
frontmatter_yaml(struct document *doc, const char *name, const char *s,
    size_t len, char **cause)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	yaml_node_t *root, *key, *value;
	yaml_node_pair_t *pair;
	char *text;
	int rc = -1;

	if (frontmatter_is_plain(s, len) && frontmatter_simple(doc, s, len, true))
		return 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		if (frontmatter_simple(doc, s, len, false))
			rc = 0;
		else {
			*cause = xasprintf("%s:%zu:%zu: front matter: %s", name,
			    parser.problem_mark.line + 2,
			    parser.problem_mark.column + 1,
			    parser.problem != NULL ? parser.problem :
			    "bad YAML");
		}
		yaml_parser_delete(&parser);
		return rc;
	}
	root = yaml_document_get_root_node(&ydoc);
	if (root == NULL) {
		rc = 0;
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		*cause = xasprintf("%s:%zu:%zu: front matter must be a mapping "
		    "of keys to values", name, root->start_mark.line + 2,
		    root->start_mark.column + 1);
		goto out;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		key = yaml_document_get_node(&ydoc, pair->key);
		value = yaml_document_get_node(&ydoc, pair->value);
		if (key == NULL || value == NULL)
			continue;
		if (key->type != YAML_SCALAR_NODE) {
			*cause = xasprintf("%s:%zu:%zu: front matter keys must "
			    "be plain words", name, key->start_mark.line + 2,
			    key->start_mark.column + 1);
			goto out;
		}
		if (value->type == YAML_MAPPING_NODE) {
			text = text_field((const char *)key->data.scalar.value,
			    key->data.scalar.length);
			*cause = xasprintf("%s:%zu:%zu: front matter value of "
			    "'%s' must be text or a list", name,
			    value->start_mark.line + 2,
			    value->start_mark.column + 1,
			    text != NULL ? text : "");
			free(text);
			goto out;
		}
		text = frontmatter_text(&ydoc, value, len);
		frontmatter_set(doc, (const char *)key->data.scalar.value,
		    strlen((const char *)key->data.scalar.value), text, false);
	}
	rc = 0;
out:
	yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	return rc;
}

/* A "---" line (or, closing, "...") with nothing else on it. */
static bool
frontmatter_fence(const char *s, size_t start, size_t end, bool open)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	return end - start == 3 && (memcmp(s + start, "---", 3) == 0 ||
	    (!open && memcmp(s + start, "...", 3) == 0));
}

size_t
frontmatter_read(struct document *doc, const char *name, const char *text,
    size_t len, char **cause)
{
	size_t end = frontmatter_line_end(text, len, 0), i, e;

	if (!frontmatter_fence(text, 0, end, true) || end == len)
		return 0;
	for (i = end + 1; i < len; i = e + 1) {
		e = frontmatter_line_end(text, len, i);
		if (frontmatter_fence(text, i, e, false)) {
			if (frontmatter_yaml(doc, name, text + end + 1,
			    i - end - 1, cause) != 0)
				return (size_t)-1;
			return e < len ? e + 1 : len;
		}
		if (e == len)
			break;
	}
	*cause = xasprintf("%s:1:1: front matter opened by --- is never "
	    "closed by a --- line", name);
	return (size_t)-1;
}

void
frontmatter_free_string(struct document *doc, char *s)
{
	if ((uintptr_t)s - (uintptr_t)doc->strings >= doc->nstrings)
		free(s);
}
