/*
 * taxfile: the life of the taxonomy file the reader edits: reading it,
 * adopting the shipped default as the user's own copy before the first
 * edit, changing a keyword or adding a topic in place (taxedit.h) and
 * saving safely (savefile.h), keeping the last text that loaded well to
 * discard a bad edit with, the texts before each edit of the session to
 * undo them one by one, and the stamp that tells a change made
 * elsewhere.  A taxfile owns its strings (taxfile_free).
 *
 * Functions returning -1 set *cause to an allocated one-line message.
 */
#ifndef PARALLAX_TAXFILE_H
#define PARALLAX_TAXFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "savefile.h"
#include "taxedit.h"

struct taxonomy;

/* The file's text before one edit of the session. */
struct taxfile_version {
	char *text;
	size_t len;
};

/* Edits of a session that taxfile_undo can take back. */
#define TAXFILE_UNDO_MAX 100

struct taxfile {
	char *path;		/* the file in use (the user's copy once edited) */
	bool is_default;	/* path is the shipped default: edits go to a copy */
	struct savefile_stamp stamp;	/* path as it was when last read */
	char *good;		/* path's text when it last loaded well */
	size_t goodlen;
	struct taxfile_version *undo;	/* before each edit, oldest first */
	size_t nundo;
};

/* One quick edit of the file's text. */
struct taxfile_change {
	enum { TAXFILE_ADD, TAXFILE_REMOVE, TAXFILE_TOPIC } kind;
	const char *id;		/* the topic changed or created */
	const char *label;	/* TAXFILE_TOPIC: the new topic's label */
	enum taxedit_list list;
	const char *keyword;
};

/* taxfile_change: the file changed on disk since it was read. */
#define TAXFILE_CHANGED_ELSEWHERE 1

/* Starts on PATH (the shipped default when IS_DEFAULT), just loaded well:
 * its stamp and text are recorded as they are now. */
void taxfile_init(struct taxfile *tf, const char *path, bool is_default);
void taxfile_free(struct taxfile *tf);

/* Records the file's stamp as it is now. */
void taxfile_stat(struct taxfile *tf);

/* Whether the file changed on disk since it was last read. */
bool taxfile_changed(const struct taxfile *tf);

/*
 * Reads and validates the file (recording its stamp); on success keeps its
 * text as the last good one.  Errors as taxonomy_load_file.
 */
int taxfile_load(struct taxfile *tf, struct taxonomy **out, char **errors);

/* Writes the last good text back over a bad edit. */
int taxfile_discard(struct taxfile *tf, char **cause);

/*
 * Before the first edit of the shipped default, copies it to the user's
 * file (paths_user_taxonomy) and uses that.  Returns 1 when it copied, 0
 * when there was nothing to do, -1 on error.
 */
int taxfile_adopt_default(struct taxfile *tf, char **cause);

/*
 * Applies C to the file and saves it (adopting the default first; *copied
 * says whether it did).  Returns 0, -1, or TAXFILE_CHANGED_ELSEWHERE
 * without saving when the file changed on disk since it was read.
 */
int taxfile_change(struct taxfile *tf, const struct taxfile_change *c,
    bool *copied, char **cause);

/* Remembers the file's text as it is now, before an edit made outside
 * taxfile_change (in $EDITOR), so that taxfile_undo can go back to it. */
void taxfile_remember(struct taxfile *tf);

/* Forgets the text last remembered when the file is that text still (the
 * editor left it as it was). */
void taxfile_forget_unchanged(struct taxfile *tf);

/*
 * Writes back the text before the session's last edit not yet undone.
 * Returns 0, -1 (*cause set: nothing to undo, or the write failed), or
 * TAXFILE_CHANGED_ELSEWHERE without writing.
 */
int taxfile_undo(struct taxfile *tf, char **cause);

/* The line of the first error in ERRORS ("FILE:LINE:COL: ..."), or 0. */
size_t taxfile_error_line(const struct taxfile *tf, const char *errors);

#endif
