/* state: the reading state in SQLite. */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "document.h"
#include "fnv.h"
#include "state.h"
#include "xalloc.h"

struct state {
	sqlite3 *db;
	sqlite3_stmt *get;
	sqlite3_stmt *put;
	char *path;
};

char *
state_default_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/parallax/state.db", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.local/state/parallax/state.db", home);
	return NULL;
}

/* mkdir -p of the directory that holds PATH. */
static int
state_mkdirs(const char *path)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; rc == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

static const char state_schema[] =
	"PRAGMA journal_mode=WAL;"
	"CREATE TABLE IF NOT EXISTS source ("
	"  key TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL,"
	"  changed INTEGER NOT NULL);";

/*
 * Sets up the schema.  Turning WAL on needs the file to itself for a moment
 * and SQLite answers "locked" at once, without its busy handler, while
 * another process opens the same new file: so that step is retried for as
 * long as a write would wait.
 */
static int
state_schema_exec(sqlite3 *db)
{
	int rc, waited;

	for (waited = 0;; waited += 10) {
		rc = sqlite3_exec(db, state_schema, NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= STATE_BUSY_MS)
			return rc;
		sqlite3_sleep(10);
	}
}

struct state *
state_open(const char *path, char **warning)
{
	struct state *st = xcalloc(1, sizeof *st);
	const char *why = NULL;

	*warning = NULL;
	st->path = xstrdup(path);
	if (state_mkdirs(path) != 0)
		why = strerror(errno);
	else if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(st->db, STATE_BUSY_MS) != SQLITE_OK ||
	    state_schema_exec(st->db) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db,
	    "SELECT read FROM source WHERE key = ?1", -1, &st->get,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db,
	    "INSERT INTO source (key, read, changed) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT(key) DO UPDATE SET read = ?2, changed = ?3", -1,
	    &st->put, NULL) != SQLITE_OK)
		why = st->db != NULL ? sqlite3_errmsg(st->db) : "out of memory";
	if (why != NULL) {
		*warning = xasprintf("%s: %s; reading state not kept", path,
		    why);
		state_close(st);
		return NULL;
	}
	return st;
}

char *
state_key(const struct document *doc)
{
	uint64_t h = FNV_BASIS;
	size_t i;

	if (doc->url != NULL && doc->url[0] != '\0')
		return xasprintf("url:%s", doc->url);
	if (doc->title != NULL)
		h = fnv_string(h, doc->title);
	for (i = 0; i < doc->nsentences; i++)
		h = fnv_string(fnv_bytes(h, "\n", 1), doc->sentences[i].text);
	return xasprintf("text:%016llx", (unsigned long long)h);
}

bool
state_is_read(struct state *st, const char *key)
{
	bool read = false;

	sqlite3_bind_text(st->get, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st->get) == SQLITE_ROW)
		read = sqlite3_column_int(st->get, 0) != 0;
	sqlite3_reset(st->get);
	return read;
}

int
state_set_read(struct state *st, const char *key, bool read, char **warning)
{
	int rc;

	sqlite3_bind_text(st->put, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st->put, 2, read);
	sqlite3_bind_int64(st->put, 3, (sqlite3_int64)time(NULL));
	rc = sqlite3_step(st->put);
	sqlite3_reset(st->put);
	if (rc != SQLITE_DONE) {
		*warning = xasprintf("%s: %s; reading state no longer kept",
		    st->path, sqlite3_errmsg(st->db));
		return -1;
	}
	return 0;
}

void
state_close(struct state *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->get);
	sqlite3_finalize(st->put);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}
