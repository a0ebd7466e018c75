#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "feed.h"
#include "fetch.h"
#include "html.h"
#include "input.h"
#include "newsboat.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* What input_expand grows. */
struct input_growing {
	struct input_list *list;
	size_t cap;
};

static struct input_item *
input_add(struct input_growing *g, const char *name)
{
	struct input_item *item;

	if (g->list->n == g->cap) {
		g->cap = g->cap == 0 ? 16 : g->cap * 2;
		g->list->items = xreallocarray(g->list->items, g->cap,
		    sizeof *g->list->items);
	}
	item = &g->list->items[g->list->n++];
	memset(item, 0, sizeof *item);
	item->name = xstrdup(name);
	return item;
}

static bool
input_has_suffix(const char *name, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}

/* A name a directory's source has: by extension, hidden files left out. */
static bool
input_is_source_name(const char *name)
{
	static const char *const suffixes[] = {
		".txt", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss",
		".atom",
	};
	size_t n = strlen(name), i;

	if (name[0] == '.')
		return false;
	for (i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		if (input_has_suffix(name, n, suffixes[i]))
			return true;
	}
	return false;
}

/* Reads the first SIZE bytes at most of the file at PATH into HEAD;
 * returns how many (0 when it cannot be read). */
static size_t
input_head(const char *path, char *head, size_t size)
{
	ssize_t got;
	int fd;

	/* Non-blocking, so a FIFO cannot hang the look. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1)
		return 0;
	got = read(fd, head, size);
	close(fd);
	return got > 0 ? (size_t)got : 0;
}

/* Whether the file at PATH begins like a feed (feed_sniff). */
static bool
input_file_is_feed(const char *path)
{
	char head[4096];

	return feed_sniff(head, input_head(path, head, sizeof head));
}

/* DIR's first DLEN bytes, "/" and NAME: xasprintf's format took 2,000
 * instructions a file of a large directory, a tenth of reading it. */
static char *
input_join(const char *dir, size_t dlen, const char *name)
{
	size_t nlen = strlen(name);
	char *full = xmalloc(dlen + 1 + nlen + 1);

	memcpy(full, dir, dlen);
	full[dlen] = '/';
	memcpy(full + dlen + 1, name, nlen + 1);
	return full;
}

static int
input_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
input_list_directory(const char *path, char ***paths, size_t *npaths,
    char **cause)
{
	struct stat st;
	struct dirent *de;
	DIR *dir;
	char **names = NULL, *full;
	size_t n = 0, cap = 0, plen = strlen(path);

	*paths = NULL;
	*npaths = 0;
	if (stat(path, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		*paths = xmalloc(sizeof **paths);
		(*paths)[0] = xstrdup(path);
		*npaths = 1;
		return 0;
	}
	if ((dir = opendir(path)) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		full = input_join(path, plen, de->d_name);
		if (!input_is_source_name(de->d_name) &&
		    !input_file_is_feed(full)) {
			free(full);
			continue;
		}
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = full;
	}
	closedir(dir);
	if (n == 0) {
		*cause = xasprintf("%s: no sources in this directory (*.txt, "
		    "*.md, *.html, *.xml, *.rss, *.atom)", path);
		return -1;
	}
	qsort(names, n, sizeof *names, input_cmp_names);
	*paths = names;
	*npaths = n;
	return 0;
}

/* Decodes the %XX escapes of a file:// URL's path; NULL when one is
 * broken or would put a NUL in the path. */
static char *
input_unescape(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int hi, lo;

	strbuf_grow(&sb, len);
	for (i = 0; i < len; i++) {
		if (s[i] != '%') {
			strbuf_addch(&sb, s[i]);
			continue;
		}
		hi = i + 2 < len ? text_hex_digit(s[i + 1]) : -1;
		lo = hi >= 0 ? text_hex_digit(s[i + 2]) : -1;
		if (lo < 0 || (hi == 0 && lo == 0)) {
			strbuf_free(&sb);
			return NULL;
		}
		strbuf_addch(&sb, (char)(hi << 4 | lo));
		i += 2;
	}
	return strbuf_detach(&sb);
}

/*
 * The local path a file:// URL names (RFC 8089: no host, or "localhost"),
 * or NULL with *cause set.
 */
static char *
input_file_url_path(const char *url, char **cause)
{
	const char *rest = url + strlen("file://"), *end;
	char *path;

	if (strncmp(rest, "localhost/", 10) == 0)
		rest += strlen("localhost");
	if (rest[0] != '/') {
		*cause = xasprintf("%s: only local file:// URLs can be read",
		    url);
		return NULL;
	}
	/* A query or fragment is not part of the file's name. */
	end = rest + strcspn(rest, "?#");
	path = input_unescape(rest, (size_t)(end - rest));
	if (path == NULL)
		*cause = xasprintf("%s: a broken %%-escape in the path", url);
	return path;
}

/* Reads standard input whole (at most one byte over the limit, which
 * document_load_buffer then refuses). */
static int
input_read_stdin(char **buf, size_t *len, char **cause)
{
	struct strbuf sb = STRBUF_INIT;

	if (strbuf_read_fd(&sb, STDIN_FILENO, DOCUMENT_MAX_BYTES) != 0) {
		*cause = xasprintf("-: standard input: %s", strerror(errno));
		strbuf_free(&sb);
		return -1;
	}
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return 0;
}

/* A path, or the path a file:// URL names: the directory's sources, or
 * the file. */
static void
input_expand_path(struct input_growing *g, const char *path,
    const char *url, input_warning_fn on_warning, void *ctx)
{
	char **files, *why;
	size_t i, n;
	struct input_item *item;

	if (input_list_directory(path, &files, &n, &why) != 0) {
		on_warning(ctx, why);
		return;
	}
	for (i = 0; i < n; i++) {
		item = input_add(g, files[i]);
		item->path = files[i];
		/* A file a URL names keeps the URL as its url. */
		if (url != NULL && strcmp(files[i], path) == 0)
			item->url = xstrdup(url);
	}
	free(files);
}

/*
 * Fetches the URL items of LIST (those with neither a path nor data) all
 * at once, and drops those that fail, each with its message.
 */
static void
input_fetch(struct input_list *list, const struct input_options *opts,
    input_warning_fn on_warning, void *ctx)
{
	struct fetch *f;
	struct input_item *item;
	size_t i, k, n = 0;

	for (i = 0; i < list->n; i++)
		n += list->items[i].path == NULL && list->items[i].data == NULL;
	if (n == 0)
		return;
	f = xcalloc(n, sizeof *f);
	for (i = k = 0; i < list->n; i++) {
		if (list->items[i].path == NULL && list->items[i].data == NULL)
			f[k++].url = list->items[i].name;
	}
	fetch_all(f, n, opts != NULL && opts->offline,
	    opts != NULL ? opts->on_progress : NULL,
	    opts != NULL ? opts->progress_ctx : NULL);
	for (i = k = 0; i < list->n; i++) {
		item = &list->items[i];
		if (item->path != NULL || item->data != NULL)
			continue;
		item->data = f[k].data;
		item->len = f[k].len;
		item->url = f[k].final_url;
		item->charset = f[k].charset;
		if (f[k].error != NULL)
			on_warning(ctx, f[k].error);
		k++;
	}
	free(f);
	/* The failed ones out, the others in their order. */
	for (i = k = 0; i < list->n; i++) {
		item = &list->items[i];
		if (item->path == NULL && item->data == NULL) {
			free(item->name);
			free(item->url);
			free(item->charset);
		} else
			list->items[k++] = *item;
	}
	list->n = k;
}

void
input_expand(char *const *args, size_t nargs,
    const struct input_options *opts, struct input_list *list,
    input_warning_fn on_warning, void *ctx)
{
	struct input_growing g = { list, 0 };
	struct input_item *item;
	char *why, *path, *buf;
	size_t i, len;

	list->items = NULL;
	list->n = 0;
	for (i = 0; i < nargs; i++) {
		if (fetch_is_url(args[i])) {
			/* Fetched below, all at once. */
			input_add(&g, args[i]);
		} else if (strcmp(args[i], "-") == 0) {
			if (input_read_stdin(&buf, &len, &why) != 0) {
				on_warning(ctx, why);
				continue;
			}
			item = input_add(&g, "-");
			item->data = buf;
			item->len = len;
		} else if (strncmp(args[i], "file://", 7) == 0) {
			if ((path = input_file_url_path(args[i], &why)) == NULL) {
				on_warning(ctx, why);
				continue;
			}
			input_expand_path(&g, path, args[i], on_warning, ctx);
			free(path);
		} else
			input_expand_path(&g, args[i], NULL, on_warning, ctx);
	}
	input_fetch(list, opts, on_warning, ctx);
}

size_t
input_load_item(const struct input_item *item, input_document_fn on_document,
    input_warning_fn on_warning, void *ctx)
{
	struct document *doc;
	const char *data = item->data;
	char head[16], *why, *buf = NULL;
	size_t len = item->len, n;
	int rc;

	if (data == NULL) {
		/* A newsboat cache is told by its first bytes, from the file
		 * read whole (one open a source), or, when that fails (a
		 * cache may be larger than a source can be), by a look at
		 * its head. */
		rc = document_read_file(item->path, &buf, &len, &why);
		if (rc == 0 ? newsboat_sniff(buf, len) :
		    newsboat_sniff(head, input_head(item->path, head,
		    sizeof head))) {
			free(buf);
			if (rc != 0)
				free(why);
			return newsboat_read(item->path, on_document,
			    on_warning, ctx);
		}
		if (rc != 0) {
			on_warning(ctx, why);
			return 0;
		}
		data = buf;
	}
	if (feed_sniff(data, len)) {
		n = feed_read(item->name, data, len, on_document, on_warning,
		    ctx);
		free(buf);
		return n;
	}
	/* A server's charset is the page's unless a byte order mark says
	 * otherwise (charset.h). */
	if (item->charset != NULL && html_sniff(data, len))
		rc = document_load_html(item->name, data, len, item->charset,
		    &doc, &why);
	else
		rc = document_load_buffer(item->name, data, len, &doc, &why);
	free(buf);
	if (rc != 0) {
		on_warning(ctx, why);
		return 0;
	}
	if (doc->url == NULL && item->url != NULL)
		doc->url = xstrdup(item->url);
	on_document(ctx, doc);
	return 1;
}

void
input_list_free(struct input_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->items[i].name);
		free(list->items[i].path);
		free(list->items[i].data);
		free(list->items[i].url);
		free(list->items[i].charset);
	}
	free(list->items);
	list->items = NULL;
	list->n = 0;
}
