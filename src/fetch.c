#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "curlapi.h"
#include "document.h"
#include "fetch.h"
#include "fnv.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#define FETCH_USER_AGENT PACKAGE_NAME "/" PACKAGE_VERSION \
	" (terminal news reader; one request per URL given)"

/* Transfers at once; the rest wait their turn in curl multi. */
#define FETCH_MAX_CONNECTIONS 8

/* What the cache knows of a URL. */
struct fetch_cached {
	char *final_url;
	char *etag;
	char *last_modified;
	char *charset;
	char *body_path;	/* NULL when nothing is cached */
};

/* One transfer under way. */
struct fetch_xfer {
	const struct curlapi *curl;
	struct fetch *f;
	CURL *easy;
	struct strbuf body;
	bool too_large;
	char *etag;		/* the last response's, for the cache */
	char *last_modified;
	struct curl_slist *headers;
	struct fetch_cached cached;
	char *cache_base;	/* the cache's file names without suffix */
	char errbuf[CURL_ERROR_SIZE];
};

bool
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

/* A timeout in milliseconds: $NAME in seconds (fractions allowed) when
 * it is a positive number, else DEFAULT_SECONDS. */
static long
fetch_timeout_ms(const char *name, long default_seconds)
{
	const char *env = getenv(name);
	char *end;
	double secs;

	if (env != NULL && env[0] != '\0') {
		secs = strtod(env, &end);
		if (*end == '\0' && secs > 0 && secs < 86400)
			return (long)(secs * 1000 + 0.5) > 0 ?
			    (long)(secs * 1000 + 0.5) : 1;
	}
	return default_seconds * 1000;
}

/* $XDG_CACHE_HOME/parallax, or ~/.cache/parallax. */
static char *
fetch_cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/parallax", xdg);
	if (home == NULL || home[0] == '\0')
		home = ".";
	return xasprintf("%s/.cache/parallax", home);
}

/* The cache's name for URL: a 64-bit FNV-1a hash (the meta file holds
 * the URL itself, so a collision is only a miss). */
static char *
fetch_cache_base(const char *dir, const char *url)
{
	return xasprintf("%s/%016llx", dir,
	    (unsigned long long)fnv_string(FNV_BASIS, url));
}

static void
fetch_cached_free(struct fetch_cached *c)
{
	free(c->final_url);
	free(c->etag);
	free(c->last_modified);
	free(c->charset);
	free(c->body_path);
	memset(c, 0, sizeof *c);
}

/* Reads BASE.meta for URL into *C; false when it is not there or is
 * another URL's. */
static bool
fetch_cache_lookup(const char *base, const char *url, struct fetch_cached *c)
{
	char *path = xasprintf("%s.meta", base), *line = NULL, **field;
	size_t cap = 0;
	ssize_t n;
	bool ours = false;
	FILE *fp;

	memset(c, 0, sizeof *c);
	fp = fopen(path, "r");
	free(path);
	if (fp == NULL)
		return false;
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		field = NULL;
		if (strncmp(line, "url ", 4) == 0)
			ours = strcmp(line + 4, url) == 0;
		else if (strncmp(line, "final ", 6) == 0)
			field = &c->final_url;
		else if (strncmp(line, "etag ", 5) == 0)
			field = &c->etag;
		else if (strncmp(line, "last-modified ", 14) == 0)
			field = &c->last_modified;
		else if (strncmp(line, "charset ", 8) == 0)
			field = &c->charset;
		if (field != NULL && *field == NULL)
			*field = xstrdup(strchr(line, ' ') + 1);
	}
	free(line);
	fclose(fp);
	if (ours)
		c->body_path = xasprintf("%s.body", base);
	/* A copy whose body is gone is no copy: fetch it whole again. */
	if (!ours || access(c->body_path, R_OK) != 0) {
		fetch_cached_free(c);
		return false;
	}
	return true;
}

/* Writes LEN bytes of DATA to PATH through a temporary file, so a reader
 * never sees half of it. */
static bool
fetch_write_file(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	FILE *fp = fopen(tmp, "wb");
	bool ok;

	if (fp == NULL) {
		free(tmp);
		return false;
	}
	ok = fwrite(data, 1, len, fp) == len;
	ok = fclose(fp) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

/* Makes DIR and its parents (0700: what one reads is one's own). */
static void
fetch_mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	mkdir(p, 0700);
	free(p);
}

/* A one-line header value: what a line break would split is cut. */
static void
fetch_meta_line(struct strbuf *sb, const char *key, const char *value)
{
	if (value != NULL)
		strbuf_addf(sb, "%s %.*s\n", key, (int)strcspn(value, "\r\n"),
		    value);
}

static void
fetch_cache_store(const struct fetch_xfer *x)
{
	struct strbuf meta = STRBUF_INIT;
	char *dir, *body;

	dir = xstrndup(x->cache_base, (size_t)(strrchr(x->cache_base, '/') -
	    x->cache_base));
	fetch_mkdirs(dir);
	free(dir);
	fetch_meta_line(&meta, "url", x->f->url);
	fetch_meta_line(&meta, "final", x->f->final_url);
	fetch_meta_line(&meta, "etag", x->etag);
	fetch_meta_line(&meta, "last-modified", x->last_modified);
	fetch_meta_line(&meta, "charset", x->f->charset);
	body = xasprintf("%s.body", x->cache_base);
	/* The body first: a meta file always has its body. */
	if (fetch_write_file(body, x->f->data, x->f->len)) {
		free(body);
		body = xasprintf("%s.meta", x->cache_base);
		fetch_write_file(body, meta.data, meta.len);
	}
	free(body);
	strbuf_free(&meta);
}

/* Fills F from the cache entry C; false (and F's error) when the body
 * cannot be read. */
static bool
fetch_from_cache(struct fetch *f, const struct fetch_cached *c)
{
	char *why;

	if (document_read_file(c->body_path, &f->data, &f->len, &why) != 0) {
		f->error = xasprintf("%s: the cached copy cannot be read (%s)",
		    f->url, why);
		free(why);
		return false;
	}
	f->final_url = xstrdup(c->final_url != NULL ? c->final_url : f->url);
	f->charset = c->charset != NULL ? xstrdup(c->charset) : NULL;
	f->from_cache = true;
	return true;
}

static size_t
fetch_on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct fetch_xfer *x = ctx;

	n *= size;
	/* Counted after gzip or deflate is undone: a bomb stops here. */
	if (n > DOCUMENT_MAX_BYTES - x->body.len) {
		x->too_large = true;
		return 0;
	}
	strbuf_add(&x->body, data, n);
	return n;
}

/* Sets *FIELD to the value of header LINE when it is NAME's. */
static void
fetch_header_value(char **field, const char *line, size_t n,
    const char *name)
{
	size_t k = strlen(name), end;

	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return;
	k++;
	while (k < n && (line[k] == ' ' || line[k] == '\t'))
		k++;
	end = n;
	while (end > k && (line[end - 1] == '\r' || line[end - 1] == '\n' ||
	    line[end - 1] == ' '))
		end--;
	free(*field);
	*field = end > k ? xstrndup(line + k, end - k) : NULL;
}

static size_t
fetch_on_header(char *line, size_t size, size_t n, void *ctx)
{
	struct fetch_xfer *x = ctx;

	n *= size;
	/* A new response (after a redirect): its own validators only. */
	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		free(x->etag);
		free(x->last_modified);
		x->etag = x->last_modified = NULL;
	}
	fetch_header_value(&x->etag, line, n, "ETag");
	fetch_header_value(&x->last_modified, line, n, "Last-Modified");
	return n;
}

/* The charset parameter of a Content-Type, lower case, or NULL. */
static char *
fetch_charset(const char *type)
{
	const char *p;
	char *cs;
	size_t n, i;

	if (type == NULL)
		return NULL;
	for (p = type; (p = strchr(p, ';')) != NULL; ) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset=", 8) != 0)
			continue;
		p += 8;
		if (*p == '"')
			p++;
		n = strcspn(p, "\"; \t");
		if (n == 0 || n > 40)
			return NULL;
		cs = xstrndup(p, n);
		for (i = 0; i < n; i++)
			cs[i] = (char)(cs[i] >= 'A' && cs[i] <= 'Z' ?
			    cs[i] - 'A' + 'a' : cs[i]);
		return cs;
	}
	return NULL;
}

static CURL *
fetch_easy(struct fetch_xfer *x)
{
	const struct curlapi *c = x->curl;
	CURL *e = c->easy_init();
	struct strbuf h = STRBUF_INIT;

	if (e == NULL)
		fatal("fetch: out of memory");
	c->easy_setopt(e, CURLOPT_URL, x->f->url);
	c->easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	c->easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	c->easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	c->easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	c->easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    fetch_timeout_ms("PARALLAX_CONNECT_TIMEOUT", FETCH_CONNECT_TIMEOUT));
	c->easy_setopt(e, CURLOPT_TIMEOUT_MS,
	    fetch_timeout_ms("PARALLAX_TIMEOUT", FETCH_TIMEOUT));
	c->easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)DOCUMENT_MAX_BYTES);
	c->easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	c->easy_setopt(e, CURLOPT_USERAGENT, FETCH_USER_AGENT);
	c->easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	c->easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_on_body);
	c->easy_setopt(e, CURLOPT_WRITEDATA, x);
	c->easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_on_header);
	c->easy_setopt(e, CURLOPT_HEADERDATA, x);
	c->easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	c->easy_setopt(e, CURLOPT_PRIVATE, x);
	/* Revalidation: the server says 304 when the copy is current. */
	if (x->cached.etag != NULL) {
		strbuf_addf(&h, "If-None-Match: %s", x->cached.etag);
		x->headers = c->slist_append(x->headers, h.data);
		strbuf_reset(&h);
	}
	if (x->cached.last_modified != NULL) {
		strbuf_addf(&h, "If-Modified-Since: %s",
		    x->cached.last_modified);
		x->headers = c->slist_append(x->headers, h.data);
	}
	strbuf_free(&h);
	if (x->headers != NULL)
		c->easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	return e;
}

/* What went wrong, said for the person who gave the URL. */
static char *
fetch_error(const struct fetch_xfer *x, CURLcode rc)
{
	const char *url = x->f->url;
	char *why, *msg;

	if (x->too_large || rc == CURLE_FILESIZE_EXCEEDED)
		return xasprintf("%s: too large (the limit is %zu MiB)", url,
		    DOCUMENT_MAX_BYTES >> 20);
	if (rc == CURLE_TOO_MANY_REDIRECTS)
		return xasprintf("%s: too many redirects (more than %d)", url,
		    FETCH_MAX_REDIRECTS);
	/* libcurl's words may quote what the server sent: sanitised. */
	why = x->errbuf[0] != '\0' ? text_field(x->errbuf, strlen(x->errbuf)) :
	    NULL;
	msg = xasprintf(rc == CURLE_OPERATION_TIMEDOUT ? "%s: timed out (%s)" :
	    "%s: %s", url, why != NULL ? why : x->curl->easy_strerror(rc));
	free(why);
	return msg;
}

/* A transfer is over: F gets its body, the cache's copy or an error. */
static void
fetch_finish(struct fetch_xfer *x, CURLcode rc)
{
	struct fetch *f = x->f;
	const char *type = NULL, *final = NULL;
	long code = 0;

	x->curl->easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK)
		f->error = fetch_error(x, rc);
	else if (code == 304 && x->cached.body_path != NULL)
		fetch_from_cache(f, &x->cached);
	else if (code < 200 || code > 299)
		f->error = xasprintf("%s: the server answered HTTP %ld", f->url,
		    code);
	else if (x->body.len == 0)
		f->error = xasprintf("%s: the server sent nothing", f->url);
	else {
		x->curl->easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &type);
		x->curl->easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL,
		    &final);
		f->final_url = xstrdup(final != NULL ? final : f->url);
		f->charset = fetch_charset(type);
		f->len = x->body.len;
		f->data = strbuf_detach(&x->body);
		fetch_cache_store(x);
	}
}

void
fetch_all(struct fetch *f, size_t n, bool offline,
    fetch_progress_fn on_progress, void *progress_ctx)
{
	const struct curlapi *curl = NULL;
	const char *no_curl = NULL;
	struct fetch_xfer *xs;
	struct CURLMsg *msg;
	struct fetch_xfer *x;
	CURLM *multi = NULL;
	char *dir;
	size_t i, done = 0;
	int running = 0, left;

	if (n == 0)
		return;
	/* Offline, libcurl is not even loaded. */
	if (!offline && (curl = curlapi_get(&no_curl)) != NULL) {
		if ((multi = curl->multi_init()) == NULL)
			fatal("fetch: out of memory");
		curl->multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
		    (long)FETCH_MAX_CONNECTIONS);
	}
	dir = fetch_cache_dir();
	xs = xcalloc(n, sizeof *xs);
	for (i = 0; i < n; i++) {
		x = &xs[i];
		x->curl = curl;
		x->f = &f[i];
		x->cache_base = fetch_cache_base(dir, f[i].url);
		fetch_cache_lookup(x->cache_base, f[i].url, &x->cached);
		if (offline || curl == NULL) {
			if (curl == NULL && !offline)
				f[i].error = xasprintf("%s: %s", f[i].url,
				    no_curl);
			else if (x->cached.body_path == NULL)
				f[i].error = xasprintf("%s: not in the cache "
				    "(--offline)", f[i].url);
			else
				fetch_from_cache(&f[i], &x->cached);
			done++;
			continue;
		}
		x->easy = fetch_easy(x);
		curl->multi_add_handle(multi, x->easy);
	}
	/* Nothing to transfer (offline, or no libcurl): told as done. */
	if (multi == NULL && on_progress != NULL)
		on_progress(progress_ctx, done, n);
	while (multi != NULL) {
		if (curl->multi_perform(multi, &running) != CURLM_OK)
			fatal("fetch: curl multi failed");
		while ((msg = curl->multi_info_read(multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			curl->easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&x);
			fetch_finish(x, msg->data.result);
			done++;
		}
		if (on_progress != NULL && !on_progress(progress_ctx, done, n))
			break;
		if (running == 0)
			break;
		curl->multi_poll(multi, NULL, 0, 200, NULL);
	}
	for (i = 0; i < n; i++) {
		if (f[i].data == NULL && f[i].error == NULL)
			f[i].error = xasprintf("%s: stopped", f[i].url);
		if (xs[i].easy != NULL) {
			curl->multi_remove_handle(multi, xs[i].easy);
			curl->easy_cleanup(xs[i].easy);
		}
		if (xs[i].headers != NULL)
			curl->slist_free_all(xs[i].headers);
		strbuf_free(&xs[i].body);
		free(xs[i].etag);
		free(xs[i].last_modified);
		fetch_cached_free(&xs[i].cached);
		free(xs[i].cache_base);
	}
	if (multi != NULL)
		curl->multi_cleanup(multi);
	free(xs);
	free(dir);
}

void
fetch_free(struct fetch *f)
{
	free(f->data);
	free(f->final_url);
	free(f->charset);
	free(f->error);
	memset(f, 0, sizeof *f);
}
