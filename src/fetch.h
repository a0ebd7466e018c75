/*
 * fetch: http:// and https:// URLs, fetched with libcurl, all at once
 * (curl multi), through a cache.
 *
 * Limits: at most FETCH_MAX_REDIRECTS redirects (to http or https only),
 * connect and total timeouts (FETCH_CONNECT_TIMEOUT and FETCH_TIMEOUT
 * seconds, or $PARALLAX_CONNECT_TIMEOUT and $PARALLAX_TIMEOUT, which tests
 * set short), a body of at most DOCUMENT_MAX_BYTES after gzip or deflate
 * is undone (the transfer is stopped as soon as it passes), an honest
 * User-Agent (parallax/VERSION).
 *
 * The cache: each fetched body is kept under $XDG_CACHE_HOME/parallax/
 * (~/.cache/parallax/ when unset) with its ETag and Last-Modified, and
 * the next fetch of the URL asks the server whether it changed (a 304
 * keeps the cached body), so reopening a story does not download it
 * again.  OFFLINE reads the cache only.  A failed cache write loses
 * nothing but the cache.
 */
#ifndef PARALLAX_FETCH_H
#define PARALLAX_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#define FETCH_MAX_REDIRECTS 5
#define FETCH_CONNECT_TIMEOUT 10
#define FETCH_TIMEOUT 30

/* One URL to fetch; fetch_all fills in the rest. */
struct fetch {
	const char *url;	/* the caller's */
	char *data;		/* the body, NUL-terminated, or NULL on failure */
	size_t len;
	char *final_url;	/* after redirects */
	char *charset;		/* from Content-Type, or NULL */
	char *error;		/* "URL: why", one line, when data is NULL */
	bool from_cache;	/* read from the cache (offline, or a 304) */
};

/* Progress: DONE of TOTAL URLs fetched; called on the caller's thread at
 * least every 200 ms.  Returning false stops: what is still being fetched
 * fails ("URL: stopped"). */
typedef bool (*fetch_progress_fn)(void *ctx, size_t done, size_t total);

/* Whether S is a URL fetch reads (http:// or https://, any case). */
bool fetch_is_url(const char *s);

/*
 * Fetches the N URLs of F in parallel (from the cache only when OFFLINE),
 * calling ON_PROGRESS (when not NULL) as they finish.  The caller frees
 * each with fetch_free.
 */
void fetch_all(struct fetch *f, size_t n, bool offline,
    fetch_progress_fn on_progress, void *progress_ctx);

void fetch_free(struct fetch *f);

#endif
