#include "config.h"

#include <ctype.h>
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

/* Stores VALUE (taking it) under the key K[0, N). */
static void
frontmatter_set(struct document *doc, const char *k, size_t n, char *value)
{
	static const char *const known[] = {
		"outlet", "title", "url", "date", "author"
	};
	char **slots[] = {
		&doc->outlet, &doc->title, &doc->url, &doc->date, &doc->author
	};
	size_t i;

	for (i = 0; i < sizeof known / sizeof *known; i++) {
		if (strlen(known[i]) == n && memcmp(k, known[i], n) == 0) {
			free(*slots[i]);
			*slots[i] = value;
			return;
		}
	}
	/* Room doubles at each power of two: most sources carry a few
	 * keys of their own (topic, bias, id). */
	if ((doc->nextra & (doc->nextra - 1)) == 0)
		doc->extra = xreallocarray(doc->extra,
		    doc->nextra == 0 ? 1 : 2 * doc->nextra, sizeof *doc->extra);
	doc->extra[doc->nextra].key = text_field(k, n);
	if (doc->extra[doc->nextra].key == NULL)
		doc->extra[doc->nextra].key = xstrdup("");
	doc->extra[doc->nextra].value = value != NULL ? value : xstrdup("");
	doc->nextra++;
}

/* The byte C may be part of a simple key. */
static bool
frontmatter_key_byte(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/*
 * Front matter that is not YAML only because a value holds ": " unquoted
 * ("title: Ceasefire: what we know"), as people write it by hand: every
 * line is "key: value" and no value starts with YAML syntax.  Returns
 * false, changing nothing, otherwise.
 */
static bool
frontmatter_simple(struct document *doc, const char *s, size_t len)
{
	size_t i, e, k, v, pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < len; i = e + 1) {
			e = frontmatter_line_end(s, len, i);
			for (k = i; k < e && frontmatter_key_byte(s[k]); k++)
				;
			if (k == i || k >= e || s[k] != ':' ||
			    (k + 1 < e && s[k + 1] != ' ')) {
				if (e > i)
					return false;
				if (e == len)
					break;
				continue;
			}
			for (v = k + 1; v < e && s[v] == ' '; v++)
				;
			if (v < e && strchr("[{\"'|>&*!%@`#", s[v]) != NULL)
				return false;
			if (pass == 1)
				frontmatter_set(doc, s + i, k - i,
				    text_field(s + v, e - v));
			if (e == len)
				break;
		}
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

	/* Eight bytes at a time: only a word holding a byte that may matter
	 * (a control byte, DEL, '#', or the lead byte of NEL, LS or PS) is
	 * looked at byte by byte; a byte at a time, this took most of
	 * reading a source's front matter. */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, sizeof w);
		if ((scan_zero_bytes(w & (ones * 0xe0)) |
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

	if (frontmatter_is_plain(s, len) && frontmatter_simple(doc, s, len))
		return 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		if (frontmatter_simple(doc, s, len))
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
		    strlen((const char *)key->data.scalar.value), text);
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
