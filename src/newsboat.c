#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "document.h"
#include "draft.h"
#include "feed.h"
#include "newsboat.h"
#include "xalloc.h"

/* How long a cache newsboat is writing to is waited for, in ms. */
#define NEWSBOAT_BUSY_MS 3000

/* The first bytes of every SQLite 3 database. */
static const char newsboat_magic[16] = "SQLite format 3";

bool
newsboat_sniff(const char *buf, size_t len)
{
	return len >= sizeof newsboat_magic &&
	    memcmp(buf, newsboat_magic, sizeof newsboat_magic) == 0;
}

/* Items feed by feed, as newsboat lists its feeds, oldest first. */
static const char newsboat_query[] =
	"SELECT i.id, i.title, i.url, i.author, i.pubDate, i.content,"
	" f.title, f.url, f.rssurl"
	" FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl"
	" WHERE i.deleted = 0"
	" ORDER BY f.rowid, i.pubDate, i.id";

/* Column I of the row as text, or NULL when it is NULL or empty. */
static const char *
newsboat_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL && s[0] != '\0' ? (const char *)s : NULL;
}

/* One row of newsboat_query as a document. */
static int
newsboat_item(const char *path, sqlite3_stmt *st, struct document **out,
    char **cause)
{
	struct draft d;
	const char *s, *outlet;
	char *name, *date;
	int rc;

	name = xasprintf("%s#%lld", path,
	    (long long)sqlite3_column_int64(st, 0));
	draft_init(&d);
	/* newsboat's own choice of a feed's name (get_feedtitle). */
	if ((outlet = newsboat_text(st, 6)) == NULL &&
	    (outlet = newsboat_text(st, 7)) == NULL)
		outlet = newsboat_text(st, 8);
	if (outlet != NULL)
		draft_set(&d.outlet, outlet, strlen(outlet));
	if ((s = newsboat_text(st, 1)) != NULL)
		draft_set(&d.title, s, strlen(s));
	if ((s = newsboat_text(st, 2)) != NULL)
		draft_set(&d.url, s, strlen(s));
	if ((s = newsboat_text(st, 3)) != NULL)
		draft_set(&d.author, s, strlen(s));
	if (sqlite3_column_type(st, 4) != SQLITE_NULL &&
	    sqlite3_column_int64(st, 4) > 0 &&
	    (date = date_from_epoch(sqlite3_column_int64(st, 4))) != NULL) {
		draft_set(&d.date, date, strlen(date));
		free(date);
	}
	s = newsboat_text(st, 5);
	if (s != NULL && (size_t)sqlite3_column_bytes(st, 5) > DOCUMENT_MAX_BYTES) {
		*cause = xasprintf("%s: too large (%d bytes; the limit is "
		    "%zu MiB)", name, sqlite3_column_bytes(st, 5),
		    DOCUMENT_MAX_BYTES >> 20);
		rc = -1;
	} else
		rc = feed_item_document(name, &d, s, false, out, cause);
	draft_free(&d);
	free(name);
	return rc;
}

/* The cache's error, said for the person who named the file. */
static char *
newsboat_error(const char *path, sqlite3 *db, int rc)
{
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return xasprintf("%s: the cache is busy (newsboat is writing "
		    "to it); try again", path);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return xasprintf("%s: not a newsboat cache, or a damaged one "
		    "(%s)", path, sqlite3_errstr(rc));
	if (rc == SQLITE_ERROR && db != NULL &&
	    strncmp(sqlite3_errmsg(db), "no such", 7) == 0)
		return xasprintf("%s: not a newsboat cache (%s)", path,
		    sqlite3_errmsg(db));
	return xasprintf("%s: %s", path, db != NULL ? sqlite3_errmsg(db) :
	    sqlite3_errstr(rc));
}

size_t
newsboat_read(const char *path, input_document_fn on_document,
    input_warning_fn on_warning, void *ctx)
{
	struct document *doc;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *why;
	size_t n = 0, rows = 0;
	int rc;

	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, NEWSBOAT_BUSY_MS);
		rc = sqlite3_prepare_v2(db, newsboat_query, -1, &st, NULL);
	}
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		rows++;
		if (newsboat_item(path, st, &doc, &why) == 0) {
			on_document(ctx, doc);
			n++;
		} else
			on_warning(ctx, why);
	}
	if (rc != SQLITE_DONE)
		on_warning(ctx, newsboat_error(path, db, rc));
	else if (rows == 0)
		on_warning(ctx, xasprintf("%s: the cache holds no items", path));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}
