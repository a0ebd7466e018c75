/*
 * action: the key table.  One row per action gives its name, the keys that
 * trigger it (as codes and as the text shown to people) and a line of help.
 * The same table drives key dispatch, the help overlay and, through
 * tests/test_actions.c, the KEYS section of parallax(1).  The table is
 * static; nothing here allocates.
 */
#ifndef PARALLAX_UI_ACTION_H
#define PARALLAX_UI_ACTION_H

#include <stddef.h>

enum action {
	ACTION_NONE,
	ACTION_DOWN,
	ACTION_UP,
	ACTION_LEFT,
	ACTION_RIGHT,
	ACTION_TOP,
	ACTION_BOTTOM,
	ACTION_PAGE_DOWN,
	ACTION_PAGE_UP,
	ACTION_NEXT_PANE,
	ACTION_PREV_PANE,
	ACTION_NEXT_SOURCE,
	ACTION_PREV_SOURCE,
	ACTION_SELECT,
	ACTION_CLAIM_PREV,
	ACTION_CLAIM_NEXT,
	ACTION_TOPIC,
	ACTION_SEARCH,
	ACTION_SEARCH_NEXT,
	ACTION_SEARCH_PREV,
	ACTION_MATRIX,
	ACTION_DETAIL,
	ACTION_EXPLAIN,
	ACTION_ADD,
	ACTION_DELETE,
	ACTION_EDIT,
	ACTION_RELOAD,
	ACTION_REDRAW,
	ACTION_HELP,
	ACTION_CLOSE,
	ACTION_QUIT,
};

#define ACTION_MAX_KEYS 4
#define ACTION_HELP_MAX 52	/* bytes of help, so it fits at 80 columns */

struct action_def {
	enum action action;
	const char *name;		/* stable identifier, e.g. "next-source" */
	int codes[ACTION_MAX_KEYS];	/* curses key codes, 0-terminated */
	const char *keys;		/* as shown: "J, ]" */
	const char *help;		/* one line, no trailing full stop */
};

/* The table, in the order help and the man page list it. */
const struct action_def *action_table(size_t *n);

/* The action bound to curses key KEY, or ACTION_NONE. */
enum action action_for_key(int key);

#endif
