/*
 * fuzz_htmltree: any bytes (not decoded first: invalid UTF-8 and NUL
 * bytes too) through our HTML tokenizer, then into a tree.  Each token
 * is well formed and the tokenizer always moves on; the tree's links
 * agree, its depth stays bounded and its strings stay in bounds.
 * Nothing crashes, leaks or runs away.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "htmltok.h"
#include "htmltree.h"

static void
fuzz_check_tokens(const char *data, size_t size)
{
	struct htmltok z;
	size_t ntokens = 0, i;
	const char *s;

	htmltok_init(&z, data, size);
	while (htmltok_next(&z) != HTMLTOK_EOF) {
		/* A token takes a byte at least (a raw body comes with
		 * its start tag's). */
		FUZZ_ASSERT(++ntokens <= 2 * size);
		FUZZ_ASSERT(z.p > data && z.p <= data + size);
		switch (z.kind) {
		case HTMLTOK_START:
			for (i = 0; z.atts[i] != NULL; i += 2) {
				for (s = z.atts[i]; *s != '\0'; s++)
					FUZZ_ASSERT(!(*s >= 'A' && *s <= 'Z'));
			}
			/* FALLTHROUGH */
		case HTMLTOK_END:
			FUZZ_ASSERT(z.name[0] != '\0');
			for (s = z.name; *s != '\0'; s++)
				FUZZ_ASSERT(strchr("abcdefghijklmnopqrstuvwxyz"
				    "0123456789:._-", *s) != NULL);
			break;
		case HTMLTOK_TEXT:
		case HTMLTOK_RAW:
			FUZZ_ASSERT(z.len <= 4 * size);
			FUZZ_ASSERT(z.len == 0 ||
			    memchr(z.text, '\0', z.len) == NULL);
			break;
		case HTMLTOK_EOF:
			break;
		}
	}
	FUZZ_ASSERT(z.p == data + size);
	htmltok_free(&z);
}

static void
fuzz_check_tree(const struct htmltree *t)
{
	const struct htmltree_node *n;
	uint32_t i, c, last;
	size_t depth;

	FUZZ_ASSERT(t->n >= 1 && t->n <= t->cap);
	for (i = 1; i < t->n; i++) {
		n = &t->nodes[i];
		FUZZ_ASSERT(n->parent < i && n->tag < HTMLTREE_NTAGS);
		FUZZ_ASSERT(t->nodes[n->parent].tag != HTMLTREE_TAG_TEXT);
		FUZZ_ASSERT((size_t)n->str + n->len <= t->strings.len);
		for (depth = 0, c = i; c != 0; c = t->nodes[c].parent)
			depth++;
		FUZZ_ASSERT(depth <= HTMLTREE_MAX_DEPTH);
		if (n->tag == HTMLTREE_TAG_TEXT)
			FUZZ_ASSERT(n->len > 0 && memchr(htmltree_str(t, i),
			    '\0', n->len) == NULL);
		else if (n->names != 0)
			FUZZ_ASSERT(n->names <= t->nnames &&
			    n->str == t->names[n->names - 1]);
	}
	for (i = 0; i < t->n; i++) {
		last = 0;
		for (c = t->nodes[i].child; c != 0; c = t->nodes[c].next) {
			FUZZ_ASSERT(c > i && c < t->n);
			FUZZ_ASSERT(t->nodes[c].parent == i);
			last = c;
		}
		FUZZ_ASSERT(t->nodes[i].last == last);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct htmltree t;

	fuzz_check_tokens((const char *)data, size);
	(void)htmltree_parse(&t, (const char *)data, size, NULL);
	fuzz_check_tree(&t);
	htmltree_free(&t);
	return 0;
}
