/*
 * taxedit: edits of a taxonomy's text in place, for the reader's quick
 * add and remove.
 *
 * Each edit rewrites only the lines it must: a keyword joins a flow list
 * (`[a, b]`) on the list's own line or a block list as one new line, a
 * removal takes out one item or one line, a new topic is two new lines.
 * Comments, order, quoting and indentation of everything else stay byte
 * for byte.  Positions come from libyaml's events.  The result is checked
 * by loading it as a taxonomy before it is returned.
 *
 * Each function returns 0 and sets *out (allocated, NUL-terminated) and
 * *outlen, or -1 and sets *cause to an allocated one-line message.  The
 * caller frees both.
 */
#ifndef PARALLAX_TAXEDIT_H
#define PARALLAX_TAXEDIT_H

#include <stddef.h>

/* Which list of a topic an edit is about. */
enum taxedit_list {
	TAXEDIT_KEYWORDS,	/* keywords */
	TAXEDIT_MATCH_CASE,	/* match-case */
	TAXEDIT_EXCLUDE,	/* exclude */
	TAXEDIT_AMBIGUOUS	/* ambiguous */
};

int taxedit_add_keyword(const char *buf, size_t len, const char *topic_id,
    enum taxedit_list list, const char *keyword, char **out, size_t *outlen,
    char **cause);
int taxedit_remove_keyword(const char *buf, size_t len, const char *topic_id,
    enum taxedit_list list, const char *keyword, char **out, size_t *outlen,
    char **cause);

/* Adds a topic at the end of PARENT_ID's subtopics, or of the top level. */
int taxedit_add_topic(const char *buf, size_t len, const char *parent_id,
    const char *id, const char *label, char **out, size_t *outlen,
    char **cause);

#endif
