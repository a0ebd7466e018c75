/*
 * action: the key table.  One row per action gives its name, the keys that
 * trigger it (as codes and as the text shown to people) and a line of help.
 * ACTION_TABLE below is the one list: the enum is generated from it, and
 * the same rows drive key dispatch, the help overlay, the overlays'
 * footers and, through tests/test_actions.c, the KEYS section of
 * parallax(1) and the README.  The table is static; nothing here allocates.
 */
#ifndef PARALLAX_UI_ACTION_H
#define PARALLAX_UI_ACTION_H

#include <stddef.h>

struct strbuf;

/*
 * X(ID, NAME, (CODES...), KEYS, HELP), in the order help and the man page
 * list them.  CODES are curses key codes (at most ACTION_MAX_KEYS); they
 * are expanded only in action.c, where curses is included.
 */
#define ACTION_TABLE(X) \
	X(DOWN, "down", ('j', KEY_DOWN), "j, Down", \
	    "move down: next source, sentence or claim") \
	X(UP, "up", ('k', KEY_UP), "k, Up", \
	    "move up: previous source, sentence or claim") \
	X(LEFT, "left", ('h', KEY_LEFT), "h, Left", \
	    "scroll the coverage matrix left") \
	X(RIGHT, "right", ('l', KEY_RIGHT), "l, Right", \
	    "scroll the coverage matrix right") \
	X(TOP, "top", ('g', KEY_HOME), "g, Home", \
	    "go to the first row") \
	X(BOTTOM, "bottom", ('G', KEY_END), "G, End", \
	    "go to the last row") \
	X(PAGE_DOWN, "page-down", (KEY_NPAGE, ' ', CTRL('f')), "PgDn, Space, Ctrl-F", \
	    "scroll one page down") \
	X(PAGE_UP, "page-up", (KEY_PPAGE, 'b', CTRL('b')), "PgUp, b, Ctrl-B", \
	    "scroll one page up") \
	X(HALF_DOWN, "half-page-down", (CTRL('d')), "Ctrl-D", \
	    "scroll half a page down") \
	X(HALF_UP, "half-page-up", (CTRL('u')), "Ctrl-U", \
	    "scroll half a page up") \
	X(NEXT_PANE, "next-pane", ('\t'), "Tab", \
	    "focus the next pane") \
	X(PREV_PANE, "previous-pane", (KEY_BTAB), "Shift-Tab", \
	    "focus the previous pane") \
	X(NEXT_SOURCE, "next-source", ('J', ']'), "J, ]", \
	    "next source, keeping the reading position") \
	X(PREV_SOURCE, "previous-source", ('K', '['), "K, [", \
	    "previous source, keeping the reading position") \
	X(SELECT, "select", ('\n', '\r', KEY_ENTER), "Enter", \
	    "claim: select its sentence; sentence: claim detail") \
	X(CLAIM_PREV, "claim-previous", ('<'), "<", \
	    "the same claim in the previous source carrying it") \
	X(CLAIM_NEXT, "claim-next", ('>'), ">", \
	    "the same claim in the next source carrying it") \
	X(TOPIC, "filter", ('t'), "t", \
	    "topic filter: narrow sources, sentences, claims") \
	X(SEARCH, "search", ('/'), "/", \
	    "search the article, then the other sources") \
	X(SEARCH_NEXT, "search-next", ('n'), "n", \
	    "next search hit") \
	X(SEARCH_PREV, "search-previous", ('N'), "N", \
	    "previous search hit") \
	X(MATRIX, "matrix", ('m'), "m", \
	    "coverage matrix: topics by sources") \
	X(DETAIL, "claim-detail", ('c'), "c", \
	    "claim detail: every source's wording") \
	X(FOLD, "fold-unique", ('z'), "z", \
	    "fold away claims only here, or show them again") \
	X(TIMELINE, "timeline", ('w'), "w", \
	    "timeline: sources by time, who had the claim first") \
	X(EXPLAIN, "explain", ('x'), "x", \
	    "explain the sentence's topics and vetoes") \
	X(ADD, "add-keyword", ('a'), "a", \
	    "add a keyword to a topic (prefilled from a search)") \
	X(DELETE, "remove-keyword", ('d'), "d", \
	    "explain: remove keyword; errors: discard the edit") \
	X(EDIT, "edit", ('e'), "e", \
	    "edit the taxonomy in $VISUAL or $EDITOR, re-tag") \
	X(EDIT_OUTLETS, "edit-outlets", ('O'), "O", \
	    "edit the outlets file in $EDITOR, re-score") \
	X(RELOAD, "reload", ('r'), "r", \
	    "reload the sources and the taxonomy, re-tag") \
	X(UNDO, "undo", ('U'), "U", \
	    "undo the session's last taxonomy edit") \
	X(OPEN_URL, "open-url", ('o'), "o", \
	    "open the source's URL in $BROWSER, else xdg-open") \
	X(REDRAW, "redraw", (CTRL('l')), "Ctrl-L", \
	    "redraw the screen") \
	X(HELP, "help", ('?', KEY_F(1)), "?, F1", \
	    "this help") \
	X(COMMAND, "command", (':'), ":", \
	    "a command: an action's name, or a sentence number") \
	X(CLOSE, "close", (27), "Escape", \
	    "close the overlay, else clear search and filter") \
	X(QUIT, "quit", ('q'), "q", \
	    "close the overlay, else quit") \
	X(STORIES, "story-list", ('s'), "s", \
	    "back to the story list, at the same story") \
	X(BLINDSPOTS, "blindspots", ('B'), "B", \
	    "story list: only the blindspot stories, or all again") \
	X(TOGGLE_READ, "toggle-read", ('u'), "u", \
	    "mark the story or source read or unread")

enum action {
	ACTION_NONE,
#define ACTION_ENUM(id, name, codes, keys, help) ACTION_##id,
	ACTION_TABLE(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

#define ACTION_MAX_KEYS 4
/* The largest count a key or a command repeats an action (`5j`, `:down
 * 5`): more would only keep the reader busy (`n` searches each time). */
#define ACTION_COUNT_MAX 9999
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

/* The row of action A (not ACTION_NONE). */
const struct action_def *action_def(enum action a);

/* The action bound to curses key KEY, or ACTION_NONE. */
enum action action_for_key(int key);

/* One hint of an overlay's footer: the action's first key, then VERB. */
struct action_hint {
	enum action action;
	const char *verb;	/* "closes", "adds it" */
};

/*
 * Appends "KEY VERB, KEY VERB" for the N hints to SB, each KEY the first
 * key the table shows for the action, so footers never name a key the
 * table does not bind.
 */
void action_footer(struct strbuf *sb, const struct action_hint *hints,
    size_t n);

#endif
