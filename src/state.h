/*
 * state: which sources were read, remembered across runs in an SQLite
 * database, $XDG_STATE_HOME/parallax/state.db (~/.local/state/... when
 * unset).  A source is keyed by its URL, else by a hash of its text, so a
 * moved or renamed file keeps its state.  Several parallax processes may
 * use one file at once: it is in WAL mode and each one waits up to
 * STATE_BUSY_MS for another's write.  A state file that cannot be opened,
 * read or written gives one warning and the caller goes on without state.
 *
 * A state object owns its database connection; state_close releases it.
 */
#ifndef PARALLAX_STATE_H
#define PARALLAX_STATE_H

#include <stdbool.h>

struct document;
struct state;

#define STATE_BUSY_MS 5000

/* The default state file, allocated: $XDG_STATE_HOME/parallax/state.db,
 * else $HOME/.local/state/parallax/state.db; NULL when neither is set. */
char *state_default_path(void);

/*
 * Opens (creating it and its directory when missing) the state file at
 * PATH.  Returns the state, or NULL with *WARNING set to an allocated
 * one-line message naming the file.
 */
struct state *state_open(const char *path, char **warning);

/* DOC's key, allocated: "url:" and its URL, else "text:" and a 64-bit
 * hash of its title and sentences in hex. */
char *state_key(const struct document *doc);

/* Whether the source with KEY was marked read. */
bool state_is_read(struct state *st, const char *key);

/* Marks the source with KEY read or unread.  Returns 0, or -1 with
 * *WARNING set (the state should then be closed and not used again). */
int state_set_read(struct state *st, const char *key, bool read,
    char **warning);

void state_close(struct state *st);

#endif
