#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "xalloc.h"
#include "yamltree.h"

/* A taxonomy's text and its tree, aliases kept as they are written. */
struct doc {
	const char *buf;
	size_t len;
	struct yamltree *tree;
	const struct ynode *root;
};

/* One splice: replace DEL bytes at AT with INS. */
struct splice {
	size_t at;
	size_t del;
	struct strbuf ins;
};

static const char *list_keys[] = {
	"keywords", "match-case", "exclude", "ambiguous"
};

/* Reads the document's nodes with their spans; -1 on any YAML error. */
static int
taxedit_doc_parse(struct doc *d, const char *buf, size_t len)
{
	struct problems pr = PROBLEMS_INIT("taxonomy");

	d->buf = buf;
	d->len = len;
	d->tree = yamltree_parse(buf, len, YAMLTREE_KEEP_ALIASES, &pr);
	d->root = d->tree != NULL ? yamltree_root(d->tree) : NULL;
	problems_free(&pr);
	return d->tree != NULL ? 0 : -1;
}

/* The value of KEY in mapping MAP, or NULL; *keyp gets the key node. */
static const struct ynode *
taxedit_map_get(const struct ynode *map, const char *key, const struct ynode **keyp)
{
	size_t i;

	if (map == NULL || map->kind != YNODE_MAPPING)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		if (map->kids[i]->kind == YNODE_SCALAR &&
		    strcmp(map->kids[i]->value, key) == 0) {
			if (keyp != NULL)
				*keyp = map->kids[i];
			return map->kids[i + 1];
		}
	}
	return NULL;
}

static const struct ynode *
taxedit_find_topic(const struct ynode *container, const char *id)
{
	const struct ynode *list = taxedit_map_get(container, "topics", NULL), *v;
	const struct ynode *found;
	size_t i;

	if (list == NULL || list->kind != YNODE_SEQUENCE)
		return NULL;
	for (i = 0; i < list->nkids; i++) {
		v = taxedit_map_get(list->kids[i], "id", NULL);
		if (v != NULL && v->kind == YNODE_SCALAR &&
		    strcmp(v->value, id) == 0)
			return list->kids[i];
		if ((found = taxedit_find_topic(list->kids[i], id)) != NULL)
			return found;
	}
	return NULL;
}

/* Where a node's own text ends (a block collection: its last item's). */
static size_t
taxedit_content_end(const struct ynode *n)
{
	while ((n->kind == YNODE_SEQUENCE || n->kind == YNODE_MAPPING) &&
	    !n->flow && n->nkids > 0)
		n = n->kids[n->nkids - 1];
	return n->end;
}

/* YAML breaks lines at LF, CR LF and a lone CR: a line edited must end
 * where the reader's does, or removing "- a\r- b" would take both. */
static size_t
taxedit_line_start(const struct doc *d, size_t off)
{
	while (off > 0 && d->buf[off - 1] != '\n' && d->buf[off - 1] != '\r')
		off--;
	return off;
}

/* Just after the line break ending the line that holds OFF. */
static size_t
taxedit_next_line(const struct doc *d, size_t off)
{
	for (; off < d->len; off++) {
		if (d->buf[off] == '\n')
			return off + 1;
		if (d->buf[off] == '\r')
			return off + 1 + (off + 1 < d->len &&
			    d->buf[off + 1] == '\n');
	}
	return d->len;
}

/* S as a YAML scalar: plain when nothing in it could be misread. */
static void
taxedit_add_scalar(struct strbuf *sb, const char *s)
{
	static const char *reserved[] = { "null", "true", "false", "yes",
		"no", "on", "off", "y", "n", NULL };
	const unsigned char *p;
	bool plain = s[0] != '\0';
	size_t i;

	for (p = (const unsigned char *)s; *p != '\0' && plain; p++)
		plain = *p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    (p != (const unsigned char *)s && strchr(" _.'*-", *p) &&
		    !(*p == ' ' && p[1] == '\0'));
	for (i = 0; plain && reserved[i] != NULL; i++)
		if (strcasecmp(s, reserved[i]) == 0)
			plain = false;
	if (plain) {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			strbuf_addf(sb, "\\x%02x", *p);
		else
			strbuf_addch(sb, (char)*p);
	}
	strbuf_addch(sb, '"');
}

static void
taxedit_add_spaces(struct strbuf *sb, size_t n)
{
	while (n-- > 0)
		strbuf_addch(sb, ' ');
}

/*
 * Text of a new line at the end of the block collection N: the splice
 * goes after the line of its last item; a file without a final line break
 * gets one first.
 */
static void
taxedit_at_block_end(const struct doc *d, const struct ynode *n, struct splice *sp)
{
	sp->at = taxedit_next_line(d, taxedit_content_end(n));
	sp->del = 0;
	if (sp->at == d->len && d->len > 0 && d->buf[d->len - 1] != '\n')
		strbuf_addch(&sp->ins, '\n');
}

/* Spaces to the column of OFF in its line (the line's own prefix width). */
static size_t
taxedit_column(const struct doc *d, size_t off)
{
	return off - taxedit_line_start(d, off);
}

/* A new item VALUE (already YAML) at the end of sequence SEQ. */
static void
taxedit_append_item(const struct doc *d, const struct ynode *seq, const char *value,
    struct splice *sp)
{
	const struct ynode *first;
	size_t gap;

	if (seq->flow) {
		if (seq->nkids == 0) {
			sp->at = seq->start + 1;	/* after '[' */
			strbuf_addstr(&sp->ins, value);
		} else {
			sp->at = taxedit_content_end(seq->kids[seq->nkids - 1]);
			strbuf_addf(&sp->ins, ", %s", value);
		}
		sp->del = 0;
		return;
	}
	/* A block list starts at its first '-'; items keep its layout. */
	first = seq->kids[0];
	gap = taxedit_line_start(d, first->start) == taxedit_line_start(d, seq->start) ?
	    first->start - seq->start : 2;
	taxedit_at_block_end(d, seq, sp);
	taxedit_add_spaces(&sp->ins, taxedit_column(d, seq->start));
	strbuf_addch(&sp->ins, '-');
	taxedit_add_spaces(&sp->ins, gap - 1);
	strbuf_addf(&sp->ins, "%s\n", value);
}

/* A null value (KEY: alone, ~ or null) becomes the flow list [VALUE]. */
static void
taxedit_fill_null(const struct doc *d, const struct ynode *key,
    const struct ynode *value, const char *item, struct splice *sp)
{
	size_t at = key->end;

	if (value->len != 0) {
		sp->at = value->start;
		sp->del = value->end - value->start;
		strbuf_addf(&sp->ins, "[%s]", item);
		return;
	}
	while (at < d->len && d->buf[at] != ':')
		at++;
	sp->at = at < d->len ? at + 1 : at;
	sp->del = 0;
	strbuf_addf(&sp->ins, " [%s]", item);
}

/* A new KEY: VALUE pair at the end of mapping MAP. */
static void
taxedit_append_pair(const struct doc *d, const struct ynode *map, const char *key,
    const char *value, struct splice *sp)
{
	if (map->flow) {
		sp->at = map->nkids == 0 ? map->start + 1 :
		    taxedit_content_end(map->kids[map->nkids - 1]);
		sp->del = 0;
		strbuf_addf(&sp->ins, "%s%s: %s", map->nkids == 0 ? "" : ", ",
		    key, value);
		return;
	}
	taxedit_at_block_end(d, map, sp);
	taxedit_add_spaces(&sp->ins, taxedit_column(d, map->kids[0]->start));
	strbuf_addf(&sp->ins, "%s: %s\n", key, value);
}

/* Applies SP, checks that the result still loads, and hands it over. */
static int
taxedit_finish(const struct doc *d, struct splice *sp, char **out, size_t *outlen,
    char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	struct taxonomy *tax;
	char *errors, *nl;

	strbuf_add(&sb, d->buf, sp->at);
	strbuf_add(&sb, sp->ins.data != NULL ? sp->ins.data : "", sp->ins.len);
	strbuf_add(&sb, d->buf + sp->at + sp->del, d->len - sp->at - sp->del);
	strbuf_free(&sp->ins);
	if (taxonomy_load_buffer("taxonomy", sb.data, sb.len, &tax,
	    &errors) != 0) {
		if ((nl = strchr(errors, '\n')) != NULL)
			*nl = '\0';
		*cause = xasprintf("the edit would make the taxonomy invalid "
		    "(%s)", errors);
		free(errors);
		strbuf_free(&sb);
		return -1;
	}
	taxonomy_free(tax);
	*outlen = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}

/* Parses BUF and finds topic ID (or the root, for a NULL ID). */
static const struct ynode *
taxedit_open_doc(struct doc *d, const char *buf, size_t len, const char *id,
    char **cause)
{
	const struct ynode *n;

	if (taxedit_doc_parse(d, buf, len) != 0 || d->root == NULL ||
	    d->root->kind != YNODE_MAPPING) {
		*cause = xstrdup("the taxonomy has errors: fix them first");
		return NULL;
	}
	if (id == NULL)
		return d->root;
	if ((n = taxedit_find_topic(d->root, id)) == NULL ||
	    n->kind != YNODE_MAPPING) {
		*cause = xasprintf("no topic '%s' in the taxonomy", id);
		return NULL;
	}
	return n;
}

static const struct ynode *
taxedit_find_item(const struct ynode *seq, const char *value, size_t *index)
{
	size_t i;

	for (i = 0; seq->kind == YNODE_SEQUENCE && i < seq->nkids; i++) {
		if (seq->kids[i]->kind == YNODE_SCALAR &&
		    strcmp(seq->kids[i]->value, value) == 0) {
			*index = i;
			return seq->kids[i];
		}
	}
	return NULL;
}

int
taxedit_add_keyword(const char *buf, size_t len, const char *topic_id,
    enum taxedit_list list, const char *keyword, char **out, size_t *outlen,
    char **cause)
{
	struct splice sp = { 0, 0, STRBUF_INIT };
	struct strbuf item = STRBUF_INIT, flow = STRBUF_INIT;
	const struct ynode *topic, *value, *key = NULL;
	const char *name = list_keys[list];
	struct doc d;
	size_t i;
	int rc = -1;

	if ((topic = taxedit_open_doc(&d, buf, len, topic_id, cause)) == NULL)
		goto out;
	taxedit_add_scalar(&item, keyword);
	value = taxedit_map_get(topic, name, &key);
	if (value == NULL) {
		strbuf_addf(&flow, "[%s]", item.data);
		taxedit_append_pair(&d, topic, name, flow.data, &sp);
	} else if (yamltree_is_null(value))
		taxedit_fill_null(&d, key, value, item.data, &sp);
	else if (value->kind != YNODE_SEQUENCE) {
		*cause = xasprintf("'%s' of '%s' is not a plain list: edit the "
		    "file instead", name, topic_id);
		goto out;
	} else if (taxedit_find_item(value, keyword, &i) != NULL) {
		*cause = xasprintf("'%s' is already in '%s' of '%s'", keyword,
		    name, topic_id);
		goto out;
	} else
		taxedit_append_item(&d, value, item.data, &sp);
	rc = taxedit_finish(&d, &sp, out, outlen, cause);
out:
	strbuf_free(&sp.ins);
	strbuf_free(&item);
	strbuf_free(&flow);
	yamltree_free(d.tree);
	return rc;
}

int
taxedit_remove_keyword(const char *buf, size_t len, const char *topic_id,
    enum taxedit_list list, const char *keyword, char **out, size_t *outlen,
    char **cause)
{
	struct splice sp = { 0, 0, STRBUF_INIT };
	const struct ynode *topic, *value, *item;
	const char *name = list_keys[list];
	struct doc d;
	size_t i, from, to;
	int rc = -1;

	if ((topic = taxedit_open_doc(&d, buf, len, topic_id, cause)) == NULL)
		goto out;
	value = taxedit_map_get(topic, name, NULL);
	if (value == NULL || value->kind != YNODE_SEQUENCE ||
	    (item = taxedit_find_item(value, keyword, &i)) == NULL) {
		*cause = xasprintf("'%s' is not in '%s' of '%s'", keyword,
		    name, topic_id);
		goto out;
	}
	if (value->flow) {
		/* The item and the comma that joins it to a neighbour. */
		if (i + 1 < value->nkids) {
			from = item->start;
			to = value->kids[i + 1]->start;
		} else if (i > 0) {
			from = taxedit_content_end(value->kids[i - 1]);
			to = item->end;
		} else {
			from = item->start;
			to = item->end;
		}
	} else {
		from = taxedit_line_start(&d, item->start);
		to = taxedit_next_line(&d, item->end);
	}
	sp.at = from;
	sp.del = to - from;
	rc = taxedit_finish(&d, &sp, out, outlen, cause);
out:
	strbuf_free(&sp.ins);
	yamltree_free(d.tree);
	return rc;
}

int
taxedit_add_topic(const char *buf, size_t len, const char *parent_id,
    const char *id, const char *label, char **out, size_t *outlen,
    char **cause)
{
	struct splice sp = { 0, 0, STRBUF_INIT };
	struct strbuf idq = STRBUF_INIT, labelq = STRBUF_INIT;
	struct strbuf flow = STRBUF_INIT;
	const struct ynode *parent, *seq, *key = NULL, *first;
	struct doc d;
	size_t dash, gap;
	int rc = -1;

	if ((parent = taxedit_open_doc(&d, buf, len, parent_id, cause)) == NULL)
		goto out;
	taxedit_add_scalar(&idq, id);
	taxedit_add_scalar(&labelq, label);
	strbuf_addf(&flow, "{id: %s, label: %s}", idq.data, labelq.data);
	seq = taxedit_map_get(parent, "topics", &key);
	if (seq != NULL && yamltree_is_null(seq))
		taxedit_fill_null(&d, key, seq, flow.data, &sp);
	else if (seq != NULL && seq->kind != YNODE_SEQUENCE) {
		*cause = xstrdup("'topics' is not a plain list: edit the file "
		    "instead");
		goto out;
	} else if (seq != NULL && (seq->flow || seq->nkids == 0))
		taxedit_append_item(&d, seq, flow.data, &sp);
	else if (seq != NULL) {
		/* Two lines laid out like the first topic of the list. */
		first = seq->kids[0]->kind == YNODE_MAPPING &&
		    seq->kids[0]->nkids > 0 ? seq->kids[0]->kids[0] :
		    seq->kids[0];
		dash = taxedit_column(&d, seq->start);
		gap = taxedit_line_start(&d, first->start) == taxedit_line_start(&d,
		    seq->start) ? first->start - seq->start : 2;
		taxedit_at_block_end(&d, seq, &sp);
		taxedit_add_spaces(&sp.ins, dash);
		strbuf_addch(&sp.ins, '-');
		taxedit_add_spaces(&sp.ins, gap - 1);
		strbuf_addf(&sp.ins, "id: %s\n", idq.data);
		taxedit_add_spaces(&sp.ins, dash + gap);
		strbuf_addf(&sp.ins, "label: %s\n", labelq.data);
	} else if (parent->flow || parent->nkids == 0) {
		strbuf_reset(&idq);
		strbuf_addf(&idq, "[%s]", flow.data);
		taxedit_append_pair(&d, parent, "topics", idq.data, &sp);
	} else {
		dash = taxedit_column(&d, parent->kids[0]->start);
		taxedit_at_block_end(&d, parent, &sp);
		taxedit_add_spaces(&sp.ins, dash);
		strbuf_addstr(&sp.ins, "topics:\n");
		taxedit_add_spaces(&sp.ins, dash + 2);
		strbuf_addf(&sp.ins, "- id: %s\n", idq.data);
		taxedit_add_spaces(&sp.ins, dash + 4);
		strbuf_addf(&sp.ins, "label: %s\n", labelq.data);
	}
	rc = taxedit_finish(&d, &sp, out, outlen, cause);
out:
	strbuf_free(&sp.ins);
	strbuf_free(&idq);
	strbuf_free(&labelq);
	strbuf_free(&flow);
	yamltree_free(d.tree);
	return rc;
}
