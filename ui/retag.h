/*
 * retag: the reader's side of its taxonomy file (reader.taxfile): reload
 * and re-tag the story, watch the file for edits made elsewhere, discard a
 * bad edit, change a keyword or add a topic in place, edit in $EDITOR.  A
 * taxonomy that does not validate never replaces the one in use.  Each
 * returns dirty flags, with REACT_RETAGGED when the story was re-tagged:
 * whatever points into the old taxonomy (an open overlay) must go.
 *
 * Where ERRORS is not NULL, a taxonomy that does not validate gives its
 * errors there (allocated) for the caller to show; else the first goes to
 * the status line.
 */
#ifndef PARALLAX_UI_RETAG_H
#define PARALLAX_UI_RETAG_H

#include <stdbool.h>
#include <stddef.h>

struct reader;

/* Reloads the taxonomy file and re-tags the story. */
int retag_reload(struct reader *r, char **errors);

/* Reloads when the file changed on disk since it was last read. */
int retag_watch(struct reader *r);

/* Puts the last good text back after an edit that does not validate. */
int retag_discard(struct reader *r);

/* Edits the file at LINE (0: the top) in $EDITOR, then reloads. */
int retag_edit(struct reader *r, size_t line, char **errors);

/*
 * Adds KEYWORD to (ADD) or removes it from list LIST (enum taxedit_list)
 * of TOPIC, changing only the lines it must and saving safely, then
 * re-tags.
 */
int retag_change_keyword(struct reader *r, size_t topic, int list,
    const char *keyword, bool add);

/* Takes back the session's last edit of the file (retag_change_keyword,
 * retag_new_topic, retag_edit), then re-tags. */
int retag_undo(struct reader *r);

/* Adds a top-level topic ID with LABEL and KEYWORD, then re-tags. */
int retag_new_topic(struct reader *r, const char *id, const char *label,
    const char *keyword);

#endif
