#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draft.h"
#include "entity.h"
#include "htmlmeta.h"
#include "jsonvalue.h"
#include "strbuf.h"
#include "xalloc.h"

/* ATTS's value of NAME, or NULL. */
static const char *
htmlmeta_attr(const char *const *atts, const char *name)
{
	size_t i;

	for (i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	}
	return NULL;
}

/* Keeps a copy of VALUE in *SLOT when the slot is empty. */
static void
htmlmeta_copy(char **slot, const char *value)
{
	if (value != NULL && *slot == NULL && value[0] != '\0')
		*slot = xstrdup(value);
}

/* A date worth keeping starts like ISO 8601: YYYY-MM-DD. */
static bool
htmlmeta_is_iso_date(const char *s)
{
	size_t i;

	if (s == NULL)
		return false;
	while (*s == ' ')
		s++;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' &&
		    s[i] <= '9'))
			return false;
	}
	return true;
}

static void
htmlmeta_meta(struct htmlmeta *m, const char *const *atts)
{
	static const char *dates[] = {
		"article:published_time", "og:article:published_time",
		"date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
		"dcterms.created", "sailthru.date", "parsely-pub-date",
		"article.published", "published_time",
	};
	const char *attr = htmlmeta_attr(atts, "property"), *content;
	char *key;
	size_t i;

	if (attr == NULL)
		attr = htmlmeta_attr(atts, "name");
	if (attr == NULL)
		attr = htmlmeta_attr(atts, "itemprop");
	if (attr == NULL ||
	    (content = htmlmeta_attr(atts, "content")) == NULL)
		return;
	key = xstrdup(attr);
	for (i = 0; key[i] != '\0'; i++)
		key[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ?
		    key[i] - 'A' + 'a' : key[i]);
	if (strcmp(key, "og:title") == 0 || strcmp(key, "twitter:title") == 0)
		htmlmeta_copy(&m->og_title, content);
	else if (strcmp(key, "og:site_name") == 0 ||
	    strcmp(key, "application-name") == 0)
		htmlmeta_copy(&m->og_site, content);
	else if (strcmp(key, "og:url") == 0)
		htmlmeta_copy(&m->og_url, content);
	else if (strcmp(key, "author") == 0 ||
	    strcmp(key, "article:author") == 0 ||
	    strcmp(key, "byl") == 0 || strcmp(key, "parsely-author") == 0 ||
	    strcmp(key, "sailthru.author") == 0 ||
	    strcmp(key, "dc.creator") == 0) {
		/* article:author is often a profile's URL: not a name. */
		if (strstr(content, "://") == NULL)
			htmlmeta_copy(&m->author, content);
	} else {
		for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
			if (strcmp(key, dates[i]) == 0)
				break;
		}
		if (i < sizeof dates / sizeof dates[0] &&
		    htmlmeta_is_iso_date(content))
			htmlmeta_copy(&m->date, content);
	}
	free(key);
}

/* Whether the JSON-LD object V has an article's @type. */
static bool
htmlmeta_is_article(const struct jsonvalue *v)
{
	const struct jsonvalue *type = jsonvalue_get(v, "@type");
	size_t i, n;
	const char *t;

	if (type == NULL)
		return false;
	n = type->kind == JSONVALUE_ARRAY ? type->nitems : 1;
	for (i = 0; i < n; i++) {
		t = jsonvalue_string(type->kind == JSONVALUE_ARRAY ?
		    &type->items[i] : type);
		if (t != NULL && (strstr(t, "Article") != NULL ||
		    strcmp(t, "BlogPosting") == 0 ||
		    strcmp(t, "LiveBlogPosting") == 0))
			return true;
	}
	return false;
}

/* A person or organisation: a string, {"name": ...}, or a list of
 * them, joined with ", ". */
static void
htmlmeta_names(const struct jsonvalue *v, struct strbuf *out)
{
	const char *name;
	size_t i;

	if (v == NULL)
		return;
	if (v->kind == JSONVALUE_ARRAY) {
		for (i = 0; i < v->nitems; i++)
			htmlmeta_names(&v->items[i], out);
		return;
	}
	name = v->kind == JSONVALUE_STRING ? v->str :
	    jsonvalue_string(jsonvalue_get(v, "name"));
	if (name == NULL || name[0] == '\0' || strstr(name, "://") != NULL)
		return;
	if (out->len > 0)
		strbuf_addstr(out, ", ");
	strbuf_addstr(out, name);
}

/* Sets *FIELD from S unless set; references in S are decoded, since
 * pages escape JSON-LD (and some their meta tags twice) as HTML. */
static void
htmlmeta_set(char **field, const char *s)
{
	char *plain;

	if (s == NULL || *field != NULL)
		return;
	plain = entity_decode(s);
	draft_set(field, plain, strlen(plain));
	free(plain);
}

static void
htmlmeta_set_names(char **field, const struct jsonvalue *v)
{
	struct strbuf sb = STRBUF_INIT;

	htmlmeta_names(v, &sb);
	if (sb.len > 0)
		htmlmeta_set(field, sb.data);
	strbuf_free(&sb);
}

/* Takes what an article object of JSON-LD says. */
static void
htmlmeta_article(struct htmlmeta *m, const struct jsonvalue *v)
{
	const char *date = jsonvalue_string(jsonvalue_get(v, "datePublished"));
	const char *body = jsonvalue_string(jsonvalue_get(v, "articleBody"));
	const struct jsonvalue *page = jsonvalue_get(v, "mainEntityOfPage");
	struct strbuf sb = STRBUF_INIT;

	htmlmeta_set(&m->d->title,
	    jsonvalue_string(jsonvalue_get(v, "headline")));
	if (htmlmeta_is_iso_date(date))
		htmlmeta_set(&m->d->date, date);
	htmlmeta_set_names(&m->d->author, jsonvalue_get(v, "author"));
	if (m->publisher == NULL) {
		htmlmeta_names(jsonvalue_get(v, "publisher"), &sb);
		if (sb.len > 0)
			m->publisher = strbuf_detach(&sb);
		strbuf_free(&sb);
	}
	htmlmeta_copy(&m->canonical, jsonvalue_string(jsonvalue_get(v, "url")));
	htmlmeta_copy(&m->canonical, jsonvalue_string(page));
	htmlmeta_copy(&m->canonical,
	    jsonvalue_string(jsonvalue_get(page, "@id")));
	if (body != NULL && m->body == NULL)
		m->body = entity_decode(body);
}

/* The article objects of one JSON-LD value: itself, its elements, its
 * @graph's. */
static void
htmlmeta_jsonld_value(struct htmlmeta *m, const struct jsonvalue *v,
    int depth)
{
	const struct jsonvalue *graph = jsonvalue_get(v, "@graph");
	size_t i;

	if (depth > 2)
		return;
	if (v->kind == JSONVALUE_ARRAY) {
		for (i = 0; i < v->nitems; i++)
			htmlmeta_jsonld_value(m, &v->items[i], depth + 1);
	} else if (htmlmeta_is_article(v))
		htmlmeta_article(m, v);
	if (graph != NULL)
		htmlmeta_jsonld_value(m, graph, depth + 1);
}

void
htmlmeta_init(struct htmlmeta *m, struct draft *d)
{
	memset(m, 0, sizeof *m);
	m->d = d;
}

void
htmlmeta_start(struct htmlmeta *m, const char *name, const char *const *atts,
    int depth)
{
	const char *v;

	/* (Only names that start with one of these letters are read.) */
	if (depth > HTMLMETA_MAX_DEPTH || strchr("mlts", name[0]) == NULL)
		return;
	if (strcmp(name, "meta") == 0)
		htmlmeta_meta(m, atts);
	else if (strcmp(name, "link") == 0) {
		if ((v = htmlmeta_attr(atts, "rel")) != NULL &&
		    strcasecmp(v, "canonical") == 0)
			htmlmeta_copy(&m->canonical,
			    htmlmeta_attr(atts, "href"));
	} else if (strcmp(name, "time") == 0) {
		v = htmlmeta_attr(atts, "datetime");
		if (htmlmeta_is_iso_date(v))
			htmlmeta_copy(&m->time, v);
	} else if (m->reading != HTMLMETA_NONE)
		return;		/* one text at a time */
	else if (strcmp(name, "title") == 0) {
		m->reading = HTMLMETA_TITLE;
		strbuf_reset(&m->text);
	} else if (strcmp(name, "script") == 0 &&
	    (v = htmlmeta_attr(atts, "type")) != NULL &&
	    strcasecmp(v, "application/ld+json") == 0) {
		m->reading = HTMLMETA_JSONLD;
		strbuf_reset(&m->text);
	}
}

void
htmlmeta_text(struct htmlmeta *m, const char *s, size_t len)
{
	if (m->reading != HTMLMETA_NONE)
		strbuf_add(&m->text, s, len);
}

void
htmlmeta_end(struct htmlmeta *m, const char *name)
{
	struct jsonvalue *v;

	if (m->reading == HTMLMETA_TITLE && strcmp(name, "title") == 0) {
		if (m->text.len > 0)
			htmlmeta_copy(&m->title, m->text.data);
	} else if (m->reading == HTMLMETA_JSONLD &&
	    strcmp(name, "script") == 0) {
		if ((v = jsonvalue_parse(m->text.data != NULL ?
		    m->text.data : "", m->text.len)) != NULL) {
			htmlmeta_jsonld_value(m, v, 0);
			jsonvalue_free(v);
		}
	} else
		return;
	m->reading = HTMLMETA_NONE;
}

/* The host of an http(s) URL without "www.", as an outlet of last resort. */
static void
htmlmeta_domain(char **field, const char *url)
{
	const char *host, *end;

	if (url == NULL || (host = strstr(url, "://")) == NULL)
		return;
	host += 3;
	if (strncmp(host, "www.", 4) == 0)
		host += 4;
	for (end = host; *end != '\0' && *end != '/' && *end != ':' &&
	    *end != '?' && *end != '#'; end++)
		;
	if (end > host)
		draft_set(field, host, (size_t)(end - host));
}

/* The <title> without the site's name after a separator ("Headline |
 * Site", "Headline - Site"). */
static void
htmlmeta_title(struct htmlmeta *m)
{
	static const char *seps[] = { " | ", " - ", " \xe2\x80\x93 ",
	    " \xe2\x80\x94 ", " :: " };
	char *cut = NULL, *at;
	size_t i;

	if (m->title == NULL)
		return;
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		for (at = m->title; (at = strstr(at, seps[i])) != NULL; at++)
			if (cut == NULL || at > cut)
				cut = at;
	}
	/* Cut when what follows is the site's name, or the headline before
	 * it is long enough not to be a site's name itself. */
	if (cut != NULL && !(m->og_site != NULL &&
	    strcasecmp(cut + strspn(cut, " |-:\xe2\x80\x93\x94"),
	    m->og_site) == 0) && cut - m->title < 15)
		cut = NULL;
	draft_set(&m->d->title, m->title, cut != NULL ?
	    (size_t)(cut - m->title) : strlen(m->title));
}

char *
htmlmeta_finish(struct htmlmeta *m)
{
	struct draft *d = m->d;

	htmlmeta_set(&d->title, m->og_title);
	htmlmeta_title(m);
	htmlmeta_set(&d->outlet, m->og_site);
	htmlmeta_set(&d->outlet, m->publisher);
	htmlmeta_set(&d->url, m->canonical);
	htmlmeta_set(&d->url, m->og_url);
	htmlmeta_domain(&d->outlet, d->url);
	htmlmeta_set(&d->date, m->date);
	htmlmeta_set(&d->date, m->time);
	htmlmeta_set(&d->author, m->author);
	free(m->og_title);
	free(m->og_site);
	free(m->og_url);
	free(m->title);
	free(m->canonical);
	free(m->date);
	free(m->author);
	free(m->time);
	free(m->publisher);
	strbuf_free(&m->text);
	return m->body;
}
