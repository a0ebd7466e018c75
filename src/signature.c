/* signature: the map and reduce lines of grouping as map/reduce. */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"
#include "group.h"
#include "json.h"
#include "signature.h"
#include "strbuf.h"
#include "xalloc.h"

/* Names one source across the lines: its id and path together, since two
 * copies of one URL are still two sources. */
static uint64_t
signature_article(const struct group_article *art)
{
	return fnv_string(fnv_bytes(fnv_string(FNV_BASIS, art->id), "\n", 1),
	    art->path);
}

static void
signature_field(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, ",\"%s\":", name);
	json_cstr(fp, value);
}

void
signature_write(FILE *fp, const struct group_article *art)
{
	uint64_t a = signature_article(art);
	uint64_t *keys = xreallocarray(NULL, (size_t)art->nterms * 3 + 1,
	    sizeof *keys);
	size_t i, n = group_keys(art, keys);

	for (i = 0; i < n; i++)
		fprintf(fp, "k:%016" PRIx64 "\t{\"article\":\"%016" PRIx64
		    "\"}\n", keys[i], a);
	free(keys);
	fprintf(fp, "r:%016" PRIx64 "\t{\"article\":\"%016" PRIx64 "\"", a, a);
	signature_field(fp, "id", art->id);
	signature_field(fp, "path", art->path);
	signature_field(fp, "outlet", art->outlet);
	signature_field(fp, "title", art->title);
	signature_field(fp, "date", art->date);
	if (art->day == GROUP_NO_DAY)
		fputs(",\"day\":null", fp);
	else
		fprintf(fp, ",\"day\":%" PRId32, art->day);
	fputs(",\"terms\":\"", fp);
	for (i = 0; i < art->nterms; i++)
		fprintf(fp, "%s%016" PRIx64 ":%" PRIu32 ":%d", i ? " " : "",
		    art->terms[i].hash, art->terms[i].count,
		    (int)art->terms[i].place);
	fputs("\"}\n", fp);
}

/* A cursor over one line's JSON value. */
struct signature_scan {
	const char *p;
	bool bad;
};

static void
signature_utf8(struct strbuf *sb, unsigned long c)
{
	char b[4];

	if (c < 0x80) {
		strbuf_addch(sb, (char)c);
		return;
	}
	if (c < 0x800) {
		b[0] = (char)(0xc0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3f));
		strbuf_add(sb, b, 2);
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | c >> 18);
		b[1] = (char)(0x80 | (c >> 12 & 0x3f));
		b[2] = (char)(0x80 | (c >> 6 & 0x3f));
		b[3] = (char)(0x80 | (c & 0x3f));
		strbuf_add(sb, b, 4);
	}
}

/* A JSON string at the cursor, allocated; NULL for null. */
static char *
signature_string(struct signature_scan *sc)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned long c;
	const char *p = sc->p;
	int n;

	if (strncmp(p, "null", 4) == 0) {
		sc->p += 4;
		return NULL;
	}
	if (*p++ != '"')
		goto bad;
	while (*p != '"') {
		if (*p == '\0')
			goto bad;
		if (*p != '\\') {
			strbuf_addch(&sb, *p++);
			continue;
		}
		switch (*++p) {
		case 'n': strbuf_addch(&sb, '\n'); break;
		case 't': strbuf_addch(&sb, '\t'); break;
		case 'r': strbuf_addch(&sb, '\r'); break;
		case 'b': strbuf_addch(&sb, '\b'); break;
		case 'f': strbuf_addch(&sb, '\f'); break;
		case '"': case '\\': case '/': strbuf_addch(&sb, *p); break;
		case 'u':
			if (sscanf(p + 1, "%4lx%n", &c, &n) != 1 || n != 4)
				goto bad;
			signature_utf8(&sb, c);
			p += 4;
			break;
		default:
			goto bad;
		}
		p++;
	}
	sc->p = p + 1;
	strbuf_addch(&sb, '\0');
	sb.len--;
	return strbuf_detach(&sb);
bad:
	sc->bad = true;
	strbuf_free(&sb);
	return NULL;
}

/* Expects the member NAME next (after '{' or ','); moves past its ':'. */
static bool
signature_member(struct signature_scan *sc, const char *name)
{
	size_t len = strlen(name);

	if (sc->bad || (*sc->p != '{' && *sc->p != ',') || sc->p[1] != '"' ||
	    strncmp(sc->p + 2, name, len) != 0 || sc->p[2 + len] != '"' ||
	    sc->p[3 + len] != ':') {
		sc->bad = true;
		return false;
	}
	sc->p += 4 + len;
	return true;
}

static uint64_t
signature_hex(struct signature_scan *sc)
{
	char *s = signature_string(sc), *end;
	uint64_t v = 0;

	if (s == NULL || strlen(s) != 16)
		sc->bad = true;
	else {
		v = strtoull(s, &end, 16);
		if (*end != '\0')
			sc->bad = true;
	}
	free(s);
	return v;
}

/* The terms "HASH:COUNT:PLACE ..." into ART. */
static bool
signature_terms(const char *s, struct group_article *art)
{
	size_t cap = 16;
	unsigned long long h;
	unsigned count;
	int place, n;

	art->terms = xreallocarray(NULL, cap, sizeof *art->terms);
	art->nterms = 0;
	while (*s != '\0') {
		if (sscanf(s, "%16llx:%u:%d%n", &h, &count, &place, &n) != 3 ||
		    place < 0 || place > 2 || (s[n] != ' ' && s[n] != '\0'))
			return false;
		if (art->nterms == cap) {
			cap *= 2;
			art->terms = xreallocarray(art->terms, cap,
			    sizeof *art->terms);
		}
		art->terms[art->nterms].hash = h;
		art->terms[art->nterms].count = count;
		art->terms[art->nterms].place = (uint8_t)place;
		art->nterms++;
		s += n + (s[n] == ' ');
	}
	return true;
}

/* The value of an r: line into ART. */
static bool
signature_record(struct signature_scan *sc, struct group_article *art)
{
	char *terms = NULL;
	long day;
	int n;

	memset(art, 0, sizeof *art);
	if (signature_member(sc, "id"))
		art->id = signature_string(sc);
	if (signature_member(sc, "path"))
		art->path = signature_string(sc);
	if (signature_member(sc, "outlet"))
		art->outlet = signature_string(sc);
	if (signature_member(sc, "title"))
		art->title = signature_string(sc);
	if (signature_member(sc, "date"))
		art->date = signature_string(sc);
	art->day = GROUP_NO_DAY;
	if (signature_member(sc, "day")) {
		if (strncmp(sc->p, "null", 4) == 0)
			sc->p += 4;
		else if (sscanf(sc->p, "%ld%n", &day, &n) == 1 &&
		    day > GROUP_NO_DAY && day <= INT32_MAX) {
			art->day = (int32_t)day;
			sc->p += n;
		} else
			sc->bad = true;
	}
	if (signature_member(sc, "terms"))
		terms = signature_string(sc);
	if (!sc->bad && (art->id == NULL || art->path == NULL ||
	    terms == NULL || !signature_terms(terms, art) ||
	    strcmp(sc->p, "}") != 0))
		sc->bad = true;
	free(terms);
	return !sc->bad;
}

/* The articles met so far, by their line name. */
struct signature_names {
	uint64_t *name;
	size_t *index;
	size_t n, cap;
};

struct signature_post {
	uint64_t key;
	uint64_t article;
};

static int
signature_u64_cmp(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

/* The index of the article named NAME, or (size_t)-1. */
static size_t
signature_lookup(const struct signature_names *names, const uint64_t *sorted,
    const size_t *order, uint64_t name)
{
	size_t lo = 0, hi = names->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sorted[mid] < name)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < names->n && sorted[lo] == name ? order[lo] : (size_t)-1;
}

static int
signature_pair_cmp(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return signature_u64_cmp(x[0], y[0]);
}

/* Joins the k: lines with the articles and clusters. */
static void
signature_finish(struct group_set *set, struct signature_names *names,
    const struct signature_post *posts, size_t nposts)
{
	uint64_t (*pairs)[2] = xreallocarray(NULL, names->n + 1,
	    sizeof *pairs);
	uint64_t *sorted = xreallocarray(NULL, names->n + 1, sizeof *sorted);
	size_t *order = xreallocarray(NULL, names->n + 1, sizeof *order);
	size_t i, index;

	for (i = 0; i < names->n; i++) {
		pairs[i][0] = names->name[i];
		pairs[i][1] = names->index[i];
	}
	qsort(pairs, names->n, sizeof *pairs, signature_pair_cmp);
	for (i = 0; i < names->n; i++) {
		sorted[i] = pairs[i][0];
		order[i] = (size_t)pairs[i][1];
	}
	for (i = 0; i < nposts; i++) {
		index = signature_lookup(names, sorted, order,
		    posts[i].article);
		if (index != (size_t)-1)
			group_set_post(set, posts[i].key, index);
	}
	free(pairs);
	free(sorted);
	free(order);
	group_set_cluster(set);
}

int
signature_read(FILE *fp, struct group_set **out, char **cause)
{
	struct group_set *set = group_set_new();
	struct signature_names names = { NULL, NULL, 0, 0 };
	struct signature_post *posts = NULL;
	struct signature_scan sc;
	struct group_article art;
	size_t nposts = 0, capposts = 0, lineno = 0, linecap = 0;
	char *line = NULL, *tab;
	unsigned long long key;
	uint64_t article = 0;
	ssize_t len;
	int n, rc = 0;

	*cause = NULL;
	while (rc == 0 && (len = getline(&line, &linecap, fp)) > 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		tab = strchr(line, '\t');
		sc.bad = tab == NULL || (line[0] != 'k' && line[0] != 'r') ||
		    line[1] != ':' || sscanf(line + 2, "%16llx%n", &key, &n) != 1 ||
		    line + 2 + n != tab;
		if (!sc.bad) {
			sc.p = tab + 1;
			if (signature_member(&sc, "article"))
				article = signature_hex(&sc);
		}
		if (!sc.bad && line[0] == 'k') {
			sc.bad = strcmp(sc.p, "}") != 0;
			if (!sc.bad) {
				if (nposts == capposts) {
					capposts = capposts ? capposts * 2 : 4096;
					posts = xreallocarray(posts, capposts,
					    sizeof *posts);
				}
				posts[nposts].key = key;
				posts[nposts].article = article;
				nposts++;
			}
		} else if (!sc.bad) {
			if (!signature_record(&sc, &art) || article != key ||
			    signature_article(&art) != article) {
				group_article_clear(&art);
				sc.bad = true;
			} else {
				if (names.n == names.cap) {
					names.cap = names.cap ? names.cap * 2 : 256;
					names.name = xreallocarray(names.name,
					    names.cap, sizeof *names.name);
					names.index = xreallocarray(names.index,
					    names.cap, sizeof *names.index);
				}
				names.name[names.n] = article;
				names.index[names.n++] = group_set_add(set, &art);
			}
		}
		if (sc.bad) {
			*cause = xasprintf("%zu: not a signature line", lineno);
			rc = -1;
		}
	}
	free(line);
	if (rc == 0)
		signature_finish(set, &names, posts, nposts);
	free(names.name);
	free(names.index);
	free(posts);
	if (rc != 0) {
		group_set_free(set);
		set = NULL;
	}
	*out = set;
	return rc;
}
