/*
 * editor: the taxonomy from inside the reader.  `e` runs $VISUAL, else
 * $EDITOR, else vi on the file with curses suspended; `r` reloads; the file
 * is watched for edits made elsewhere.  A taxonomy that does not validate
 * never replaces the one in use: its errors are shown instead.
 */
#ifndef PARALLAX_UI_EDITOR_H
#define PARALLAX_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

struct reader;

/* Records the taxonomy file's state so later changes can be noticed. */
void editor_stat(struct reader *r);

/* Keeps the file's text as the last good one, for discarding bad edits. */
void editor_keep(struct reader *r);

/* Puts the last good text back after an edit that does not validate. */
int editor_discard(struct reader *r);

/* Edits the taxonomy at LINE (0: the top); returns the dirty flags. */
int editor_edit(struct reader *r, size_t line);

/*
 * Reloads the taxonomy and re-tags the story.  Errors go to the status
 * line, or to an overlay offering to edit again when OFFER_EDIT.
 */
int editor_reload(struct reader *r, bool offer_edit);

/* Reloads when the file changed on disk since it was last read. */
int editor_watch(struct reader *r);

/*
 * Adds KEYWORD to (ADD) or removes it from list LIST (enum taxedit_list) of
 * TOPIC in the taxonomy file, changing only the lines it must and saving
 * safely, then re-tags.  Returns the dirty flags.
 */
int editor_change_keyword(struct reader *r, size_t topic, int list,
    const char *keyword, bool add);

/* Adds a top-level topic ID with LABEL and KEYWORD, then re-tags. */
int editor_new_topic(struct reader *r, const char *id, const char *label,
    const char *keyword);

/* The line of the first error in ERRORS ("FILE:LINE:COL: ..."), or 0. */
size_t editor_error_line(const char *errors, const char *path);

#endif
