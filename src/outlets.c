#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "outlets.h"
#include "problems.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamltree.h"

/* A folded name or a domain, and the outlet it leads to. */
struct outlets_key {
	char *key;
	size_t outlet;
	size_t line, column;	/* where it is written, for duplicates */
};

struct outlets_loader {
	struct problems pr;
	struct outlets *o;
	size_t capnames, capdomains;
};

static const char *outlets_root_keys[] = {
	"version", "leanings", "blindspot", "outlets", NULL
};
static const char *outlets_entry_keys[] = {
	"name", "aliases", "leaning", "country", "kind", "owner", "tags", NULL
};
static const char *outlets_leaning_keys[] = { "name", "letter", NULL };
static const char *outlets_blindspot_keys[] = { "share", "min-rated", NULL };
static const char *outlets_default_scale[] = { "left", "center", "right" };

#define OUTLETS_DEFAULT_PERCENT 75
#define OUTLETS_DEFAULT_MIN_RATED 3

static bool
outlets_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A name as it is compared: ASCII case folded, runs of spaces one. */
static char *
outlets_fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	bool space = false;

	for (; *s != '\0'; s++) {
		if (outlets_is_space(*s)) {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&sb, ' ');
		space = false;
		strbuf_addch(&sb, *s >= 'A' && *s <= 'Z' ?
		    (char)(*s - 'A' + 'a') : *s);
	}
	if (sb.data == NULL)
		return xstrdup("");
	return strbuf_detach(&sb);
}

/*
 * S as a domain ("cnn.com", "www.cnn.com" -> "cnn.com"), or NULL when it
 * does not look like one: host characters only, two labels at least, a
 * top-level label of letters.
 */
static char *
outlets_domain(const char *s, size_t len)
{
	const char *last;
	char *d;
	size_t i;

	if (len == 0 || s[0] == '.' || s[len - 1] == '.' || s[0] == '-')
		return NULL;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '.') || (s[i] == '.' && s[i + 1] == '.'))
			return NULL;
	d = xstrndup(s, len);
	for (i = 0; i < len; i++)
		if (d[i] >= 'A' && d[i] <= 'Z')
			d[i] = (char)(d[i] - 'A' + 'a');
	if ((last = strrchr(d, '.')) == NULL) {
		free(d);
		return NULL;
	}
	for (last++; *last != '\0'; last++)
		if (*last < 'a' || *last > 'z') {
			free(d);
			return NULL;
		}
	if (strncmp(d, "www.", 4) == 0 && strchr(d + 4, '.') != NULL)
		memmove(d, d + 4, strlen(d + 4) + 1);
	return d;
}

static void
outlets_add_key(struct outlets_key **keys, size_t *n, size_t *cap,
    char *key, size_t outlet, const struct ynode *at)
{
	if (*n == *cap) {
		*cap = *cap * 2 + 32;
		*keys = xreallocarray(*keys, *cap, sizeof **keys);
	}
	(*keys)[*n].key = key;
	(*keys)[*n].outlet = outlet;
	(*keys)[*n].line = at->line;
	(*keys)[*n].column = at->column;
	(*n)++;
}

/* A string field, made safe for the screen; NULL (reported) when bad. */
static char *
outlets_string(struct outlets_loader *ld, const struct ynode *v,
    const char *what)
{
	char *raw = yamltree_string(&ld->pr, v, what), *s;

	if (raw == NULL)
		return NULL;
	s = text_sanitize(raw, strlen(raw), NULL);
	free(raw);
	return s;
}

/* An optional string: absent or null gives NULL without a problem. */
static char *
outlets_optional(struct outlets_loader *ld, const struct ynode *v,
    const char *what)
{
	if (v == NULL || yamltree_is_null(v))
		return NULL;
	return outlets_string(ld, v, what);
}

/* A list of strings (or null); the good items kept. */
static char **
outlets_list(struct outlets_loader *ld, const struct ynode *v,
    const char *what, const struct ynode ***nodes, size_t *count)
{
	char **out;
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
	out = xreallocarray(NULL, v->nkids + 1, sizeof *out);
	if (nodes != NULL)
		*nodes = xreallocarray(NULL, v->nkids + 1, sizeof **nodes);
	for (i = 0; i < v->nkids; i++) {
		char *s = outlets_string(ld, v->kids[i], "an item of a list");

		if (s == NULL)
			continue;
		if (nodes != NULL)
			(*nodes)[*count] = v->kids[i];
		out[(*count)++] = s;
	}
	return out;
}

static void
outlets_load_leaning(struct outlets_loader *ld, const struct ynode *n,
    struct leaning *l)
{
	const struct ynode *v[2], *k[2];
	char *letter;

	if (n->kind == YNODE_MAPPING) {
		yamltree_check_keys(&ld->pr, n, outlets_leaning_keys, v, k);
		if (v[0] == NULL)
			problems_add(&ld->pr, n->line, n->column,
			    "leaning has no 'name'");
		else
			l->name = outlets_string(ld, v[0], "'name'");
		if (v[1] != NULL &&
		    (letter = outlets_string(ld, v[1], "'letter'")) != NULL) {
			if (strlen(letter) != 1 || letter[0] < '!' ||
			    letter[0] > '~')
				problems_add(&ld->pr, v[1]->line, v[1]->column,
				    "'letter' must be one ASCII letter or "
				    "sign");
			else
				l->letter = letter[0];
			free(letter);
		}
	} else
		l->name = outlets_string(ld, n, "a leaning");
	if (l->letter == '\0' && l->name != NULL)
		l->letter = l->name[0] >= 'a' && l->name[0] <= 'z' ?
		    (char)(l->name[0] - 'a' + 'A') : l->name[0];
}

static void
outlets_load_scale(struct outlets_loader *ld, const struct ynode *v)
{
	struct outlets *o = ld->o;
	size_t i, j;

	if (v == NULL || yamltree_is_null(v)) {
		o->nleanings = 3;
		o->leanings = xcalloc(3, sizeof *o->leanings);
		for (i = 0; i < 3; i++) {
			o->leanings[i].name = xstrdup(outlets_default_scale[i]);
			o->leanings[i].letter =
			    (char)(outlets_default_scale[i][0] - 'a' + 'A');
		}
		return;
	}
	if (v->kind != YNODE_SEQUENCE || v->nkids == 0) {
		problems_add(&ld->pr, v->line, v->column,
		    "'leanings' must be a list of names, from one side to "
		    "the other");
		return;
	}
	o->leanings = xcalloc(v->nkids, sizeof *o->leanings);
	for (i = 0; i < v->nkids; i++) {
		struct leaning *l = &o->leanings[o->nleanings];

		outlets_load_leaning(ld, v->kids[i], l);
		if (l->name == NULL)
			continue;
		for (j = 0; j < o->nleanings; j++) {
			if (strcmp(o->leanings[j].name, l->name) == 0)
				problems_add(&ld->pr, v->kids[i]->line,
				    v->kids[i]->column,
				    "duplicate leaning '%s'", l->name);
			else if (o->leanings[j].letter == l->letter)
				problems_add(&ld->pr, v->kids[i]->line,
				    v->kids[i]->column, "leanings '%s' and "
				    "'%s' share the letter '%c': give one a "
				    "'letter'", o->leanings[j].name, l->name,
				    l->letter);
		}
		o->nleanings++;
	}
}

/* A whole number in [MIN, MAX] from scalar V; false (reported) if not. */
static bool
outlets_number(struct outlets_loader *ld, const struct ynode *v,
    const char *what, size_t min, size_t max, size_t *out)
{
	char *end;
	unsigned long n;

	if (v->kind == YNODE_SCALAR && v->len > 0 && v->value[0] >= '0' &&
	    v->value[0] <= '9') {
		n = strtoul(v->value, &end, 10);
		if (*end == '\0' && n >= min && n <= max) {
			*out = n;
			return true;
		}
	}
	problems_add(&ld->pr, v->line, v->column,
	    "'%s' must be a whole number from %zu to %zu", what, min, max);
	return false;
}

static void
outlets_load_blindspot(struct outlets_loader *ld, const struct ynode *n)
{
	const struct ynode *v[2], *k[2];
	size_t share;

	ld->o->blindspot_percent = OUTLETS_DEFAULT_PERCENT;
	ld->o->blindspot_min_rated = OUTLETS_DEFAULT_MIN_RATED;
	if (n == NULL || yamltree_is_null(n))
		return;
	if (n->kind != YNODE_MAPPING) {
		problems_add(&ld->pr, n->line, n->column,
		    "'blindspot' must be a mapping with 'share' and "
		    "'min-rated', not %s", yamltree_kind_name(n));
		return;
	}
	yamltree_check_keys(&ld->pr, n, outlets_blindspot_keys, v, k);
	if (v[0] != NULL && outlets_number(ld, v[0], "share", 51, 100, &share))
		ld->o->blindspot_percent = (unsigned)share;
	if (v[1] != NULL)
		outlets_number(ld, v[1], "min-rated", 1, 1000000,
		    &ld->o->blindspot_min_rated);
}

static size_t
outlets_find_leaning(const struct outlets *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->nleanings; i++)
		if (o->leanings[i].name != NULL &&
		    strcmp(o->leanings[i].name, name) == 0)
			return i;
	return OUTLET_UNRATED;
}

static void
outlets_scale_list(const struct outlets *o, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < o->nleanings; i++)
		strbuf_addf(sb, "%s%s", i == 0 ? "" : ", ",
		    o->leanings[i].name != NULL ? o->leanings[i].name : "?");
}

/* Records a name or alias under its folded form, and as a domain when it
 * looks like one. */
static void
outlets_index(struct outlets_loader *ld, size_t idx, const char *name,
    const struct ynode *at)
{
	struct outlets *o = ld->o;
	char *domain = outlets_domain(name, strlen(name));

	outlets_add_key(&o->names, &o->nnames, &ld->capnames,
	    outlets_fold(name), idx, at);
	if (domain != NULL)
		outlets_add_key(&o->domains, &o->ndomains, &ld->capdomains,
		    domain, idx, at);
}

static void
outlets_load_entry(struct outlets_loader *ld, const struct ynode *n)
{
	const struct ynode *v[7], *k[7], **alias_nodes = NULL;
	struct outlets *o = ld->o;
	struct outlet *e;
	char *leaning, *q;
	size_t idx, i;

	if (n->kind != YNODE_MAPPING) {
		problems_add(&ld->pr, n->line, n->column,
		    "an outlet must be a mapping with a name, not %s",
		    yamltree_kind_name(n));
		return;
	}
	yamltree_check_keys(&ld->pr, n, outlets_entry_keys, v, k);
	idx = o->n++;
	e = &o->items[idx];
	memset(e, 0, sizeof *e);
	e->leaning = OUTLET_UNRATED;
	e->line = n->line;
	e->column = n->column;
	if (v[0] == NULL)
		problems_add(&ld->pr, n->line, n->column,
		    "outlet has no 'name'");
	else if ((e->name = outlets_string(ld, v[0], "'name'")) != NULL)
		outlets_index(ld, idx, e->name, v[0]);
	e->aliases = outlets_list(ld, v[1], "aliases", &alias_nodes,
	    &e->naliases);
	for (i = 0; i < e->naliases; i++)
		outlets_index(ld, idx, e->aliases[i], alias_nodes[i]);
	free(alias_nodes);
	if ((leaning = outlets_optional(ld, v[2], "'leaning'")) != NULL) {
		e->leaning = outlets_find_leaning(o, leaning);
		if (e->leaning == OUTLET_UNRATED && o->nleanings > 0) {
			struct strbuf scale = STRBUF_INIT;

			outlets_scale_list(o, &scale);
			q = problems_quote(leaning, strlen(leaning));
			problems_add(&ld->pr, v[2]->line, v[2]->column,
			    "unknown leaning %s (the scale is: %s)", q,
			    scale.data);
			free(q);
			strbuf_free(&scale);
		}
		free(leaning);
	}
	e->country = outlets_optional(ld, v[3], "'country'");
	e->kind = outlets_optional(ld, v[4], "'kind'");
	e->owner = outlets_optional(ld, v[5], "'owner'");
	e->tags = outlets_list(ld, v[6], "tags", NULL, &e->ntags);
}

static int
outlets_key_cmp(const void *a, const void *b)
{
	const struct outlets_key *ka = a, *kb = b;
	int c = strcmp(ka->key, kb->key);

	if (c != 0)
		return c;
	if (ka->line != kb->line)
		return ka->line < kb->line ? -1 : 1;
	return ka->column < kb->column ? -1 : ka->column > kb->column;
}

/*
 * Sorts KEYS for lookup; a key that leads to two outlets is a problem at
 * its later place, a key an outlet repeats is kept once.
 */
static void
outlets_sort_keys(struct outlets_loader *ld, struct outlets_key *keys,
    size_t *n, const char *what)
{
	const struct outlets *o = ld->o;
	size_t i, out = 0;
	char *q;

	if (*n == 0)
		return;
	qsort(keys, *n, sizeof *keys, outlets_key_cmp);
	for (i = 0; i < *n; i++) {
		if (out > 0 && strcmp(keys[out - 1].key, keys[i].key) == 0) {
			if (keys[out - 1].outlet != keys[i].outlet) {
				q = problems_quote(keys[i].key,
				    strlen(keys[i].key));
				problems_add(&ld->pr, keys[i].line,
				    keys[i].column, "%s %s already leads to "
				    "'%s' (line %zu)", what, q,
				    o->items[keys[out - 1].outlet].name,
				    keys[out - 1].line);
				free(q);
			}
			free(keys[i].key);
			continue;
		}
		keys[out++] = keys[i];
	}
	*n = out;
}

static void
outlets_load_root(struct outlets_loader *ld, const struct ynode *root)
{
	const struct ynode *v[4], *k[4], *list;
	struct outlets *o = ld->o;
	size_t i;

	if (root == NULL || root->kind != YNODE_MAPPING) {
		problems_add(&ld->pr, root != NULL ? root->line : 1,
		    root != NULL ? root->column : 1, "an outlets file must be "
		    "a mapping with 'version: 1' and 'outlets'");
		return;
	}
	yamltree_check_keys(&ld->pr, root, outlets_root_keys, v, k);
	if (v[0] == NULL)
		problems_add(&ld->pr, root->line, root->column,
		    "missing 'version: 1'");
	else if (v[0]->kind != YNODE_SCALAR || strcmp(v[0]->value, "1") != 0)
		problems_add(&ld->pr, v[0]->line, v[0]->column,
		    "version must be 1");
	outlets_load_scale(ld, v[1]);
	outlets_load_blindspot(ld, v[2]);
	if ((list = v[3]) == NULL) {
		problems_add(&ld->pr, root->line, root->column,
		    "missing 'outlets'");
		return;
	}
	if (yamltree_is_null(list))
		return;
	if (list->kind != YNODE_SEQUENCE) {
		problems_add(&ld->pr, list->line, list->column,
		    "'outlets' must be a list of outlets, not %s",
		    yamltree_kind_name(list));
		return;
	}
	o->items = xcalloc(list->nkids + 1, sizeof *o->items);
	for (i = 0; i < list->nkids; i++)
		outlets_load_entry(ld, list->kids[i]);
	outlets_sort_keys(ld, o->names, &o->nnames, "the name");
	outlets_sort_keys(ld, o->domains, &o->ndomains, "the domain");
}

int
outlets_load_buffer(const char *name, const char *buf, size_t len,
    struct outlets **out, char **errors)
{
	struct outlets_loader ld;
	struct yamltree *tree;

	memset(&ld, 0, sizeof ld);
	ld.pr.name = name;
	ld.o = xcalloc(1, sizeof *ld.o);
	ld.o->path = xstrdup(name);
	*out = NULL;
	*errors = NULL;
	if ((tree = yamltree_parse(buf, len, 0, &ld.pr)) != NULL)
		outlets_load_root(&ld, yamltree_root(tree));
	yamltree_free(tree);
	if (ld.pr.n != 0) {
		*errors = problems_format(&ld.pr);
		problems_free(&ld.pr);
		outlets_free(ld.o);
		return -1;
	}
	*out = ld.o;
	return 0;
}

int
outlets_load_file(const char *path, struct outlets **out, char **errors)
{
	char *buf, *cause;
	size_t len, plen = strlen(path);
	int rc;

	*out = NULL;
	if (document_read_file(path, &buf, &len, &cause) != 0) {
		/* The cause names the file already: keep only why. */
		*errors = xasprintf("%s:1:1: cannot read: %s\n", path,
		    strncmp(cause, path, plen) == 0 && cause[plen] == ':' ?
		    cause + plen + 2 : cause);
		free(cause);
		return -1;
	}
	rc = outlets_load_buffer(path, buf, len, out, errors);
	free(buf);
	return rc;
}

void
outlets_free(struct outlets *o)
{
	struct outlet *e;
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->n; i++) {
		e = &o->items[i];
		free(e->name);
		xfree_strings(e->aliases, e->naliases);
		free(e->country);
		free(e->kind);
		free(e->owner);
		xfree_strings(e->tags, e->ntags);
	}
	for (i = 0; i < o->nleanings; i++)
		free(o->leanings[i].name);
	for (i = 0; i < o->nnames; i++)
		free(o->names[i].key);
	for (i = 0; i < o->ndomains; i++)
		free(o->domains[i].key);
	free(o->names);
	free(o->domains);
	free(o->leanings);
	free(o->items);
	free(o->path);
	free(o);
}

static const struct outlet *
outlets_lookup(const struct outlets *o, const struct outlets_key *keys,
    size_t n, const char *key)
{
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(keys[mid].key, key);
		if (c == 0)
			return &o->items[keys[mid].outlet];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The host of URL (lowercased, no port or user), or NULL. */
static char *
outlets_url_host(const char *url)
{
	const char *p = strstr(url, "://"), *end, *at;

	if (p == NULL)
		return NULL;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at != NULL)
		p = at + 1;
	if (memchr(p, ':', (size_t)(end - p)) != NULL)
		end = memchr(p, ':', (size_t)(end - p));
	if (end > p && end[-1] == '.')
		end--;
	return outlets_domain(p, (size_t)(end - p));
}

/* HOST or the nearest parent domain of it that is an outlet's. */
static const struct outlet *
outlets_by_host(const struct outlets *o, const char *host)
{
	const struct outlet *e;
	const char *dot;

	while (host != NULL && strchr(host, '.') != NULL) {
		if ((e = outlets_lookup(o, o->domains, o->ndomains,
		    host)) != NULL)
			return e;
		dot = strchr(host, '.');
		host = dot + 1;
	}
	return NULL;
}

const struct outlet *
outlets_match(const struct outlets *o, const char *name, const char *url)
{
	const struct outlet *e = NULL;
	char *key;

	if (o == NULL)
		return NULL;
	if (name != NULL) {
		key = outlets_fold(name);
		e = outlets_lookup(o, o->names, o->nnames, key);
		free(key);
		if (e == NULL && (key = outlets_domain(name,
		    strlen(name))) != NULL) {
			e = outlets_by_host(o, key);
			free(key);
		}
	}
	if (e == NULL && url != NULL && (key = outlets_url_host(url)) != NULL) {
		e = outlets_by_host(o, key);
		free(key);
	}
	return e;
}

int
outlets_side(const struct outlets *o, size_t leaning)
{
	size_t n = o->nleanings;

	if (leaning == OUTLET_UNRATED || leaning >= n)
		return 0;
	if (n % 2 == 1 && leaning == n / 2)
		return 0;
	return leaning < n / 2 ? -1 : 1;
}

const char *
outlets_side_name(const struct outlets *o, int side)
{
	if (o->nleanings == 0 || side == 0)
		return NULL;
	return o->leanings[side < 0 ? 0 : o->nleanings - 1].name;
}
