/*
 * savefile: saving a file the user edits by hand so that nothing is ever
 * lost, and noticing when someone else changed it.
 *
 * A save writes a temporary file in the same directory, flushes and fsyncs
 * it, keeps the previous version as FILE~ (and the ones before as FILE~2
 * up to FILE~5), renames the new one over FILE and fsyncs the directory: after a crash at any moment FILE is either the
 * old or the new version, whole.  The file's mode is kept; a symbolic link
 * is followed and its target replaced.  A stamp remembers what a file was
 * when it was read (size, modification time, content hash) so the caller
 * can ask before overwriting a change made elsewhere.
 *
 * Functions returning -1 set *cause to an allocated one-line message that
 * names the file; the caller frees it.
 */
#ifndef PARALLAX_SAVEFILE_H
#define PARALLAX_SAVEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Versions a save keeps: FILE~, FILE~2, ... FILE~SAVEFILE_BACKUPS. */
#define SAVEFILE_BACKUPS 5

struct savefile_stamp {
	bool exists;
	long long size;
	struct timespec mtime;
	uint64_t hash;		/* of the content */
};

/* The whole file PATH, NUL-terminated (*LEN bytes before the NUL), or
 * NULL with *cause set. */
char *savefile_read(const char *path, size_t *len, char **cause);

/* The stamp of DATA as just read from a file (size and hash only). */
void savefile_stamp_data(const char *data, size_t len,
    struct savefile_stamp *st);

/* Stamps the file as it is now; a missing file gives exists = false. */
int savefile_stamp_file(const char *path, struct savefile_stamp *st,
    char **cause);

/*
 * True when PATH differs from STAMP: appeared, vanished, or another size or
 * content (a different mtime alone with the same content is no change).
 */
bool savefile_changed(const char *path, const struct savefile_stamp *st);

/* Saves LEN bytes of DATA as PATH, safely (see above). */
int savefile_write(const char *path, const char *data, size_t len,
    char **cause);

/*
 * Copies FROM to TO, making the directories above TO, and never over a
 * file TO that exists (or appears meanwhile): a shipped default becoming
 * the user's own.  WHAT names the file in the message ("the taxonomy").
 */
int savefile_copy_new(const char *from, const char *to, const char *what,
    char **cause);

#endif
