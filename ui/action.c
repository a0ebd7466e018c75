/* action: the key table that drives dispatch, help and the man page. */
#include "config.h"

#include "action.h"
#include "curses.h"

#define CTRL(c) ((c) & 0x1f)

static const struct action_def actions[] = {
	{ ACTION_DOWN, "down", { 'j', KEY_DOWN }, "j, Down",
	    "move down: next source, sentence or claim" },
	{ ACTION_UP, "up", { 'k', KEY_UP }, "k, Up",
	    "move up: previous source, sentence or claim" },
	{ ACTION_LEFT, "left", { 'h', KEY_LEFT }, "h, Left",
	    "scroll the coverage matrix left" },
	{ ACTION_RIGHT, "right", { 'l', KEY_RIGHT }, "l, Right",
	    "scroll the coverage matrix right" },
	{ ACTION_TOP, "top", { 'g', KEY_HOME }, "g, Home",
	    "go to the first row" },
	{ ACTION_BOTTOM, "bottom", { 'G', KEY_END }, "G, End",
	    "go to the last row" },
	{ ACTION_PAGE_DOWN, "page-down", { KEY_NPAGE, ' ', CTRL('f') },
	    "PgDn, Space, Ctrl-F", "scroll one page down" },
	{ ACTION_PAGE_UP, "page-up", { KEY_PPAGE, 'b', CTRL('b') },
	    "PgUp, b, Ctrl-B", "scroll one page up" },
	{ ACTION_NEXT_PANE, "next-pane", { '\t' }, "Tab",
	    "focus the next pane" },
	{ ACTION_PREV_PANE, "previous-pane", { KEY_BTAB }, "Shift-Tab",
	    "focus the previous pane" },
	{ ACTION_NEXT_SOURCE, "next-source", { 'J', ']' }, "J, ]",
	    "next source, keeping the reading position" },
	{ ACTION_PREV_SOURCE, "previous-source", { 'K', '[' }, "K, [",
	    "previous source, keeping the reading position" },
	{ ACTION_SELECT, "select", { '\n', '\r', KEY_ENTER }, "Enter",
	    "claim: select its sentence; sentence: claim detail" },
	{ ACTION_CLAIM_PREV, "claim-previous", { '<' }, "<",
	    "the same claim in the previous source carrying it" },
	{ ACTION_CLAIM_NEXT, "claim-next", { '>' }, ">",
	    "the same claim in the next source carrying it" },
	{ ACTION_TOPIC, "topic-filter", { 't' }, "t",
	    "topic filter: narrow sources, sentences, claims" },
	{ ACTION_SEARCH, "search", { '/' }, "/",
	    "search the article, then the other sources" },
	{ ACTION_SEARCH_NEXT, "search-next", { 'n' }, "n",
	    "next search hit" },
	{ ACTION_SEARCH_PREV, "search-previous", { 'N' }, "N",
	    "previous search hit" },
	{ ACTION_MATRIX, "matrix", { 'm' }, "m",
	    "coverage matrix: topics by sources" },
	{ ACTION_DETAIL, "claim-detail", { 'c' }, "c",
	    "claim detail: every source's wording" },
	{ ACTION_EXPLAIN, "explain", { 'x' }, "x",
	    "explain the sentence's topics and vetoes" },
	{ ACTION_ADD, "add-keyword", { 'a' }, "a",
	    "add a keyword to a topic (prefilled from a search)" },
	{ ACTION_DELETE, "remove-keyword", { 'd' }, "d",
	    "explain: remove keyword; errors: discard the edit" },
	{ ACTION_EDIT, "edit", { 'e' }, "e",
	    "edit the taxonomy in $VISUAL or $EDITOR, re-tag" },
	{ ACTION_RELOAD, "reload", { 'r' }, "r",
	    "reload the taxonomy and re-tag" },
	{ ACTION_REDRAW, "redraw", { CTRL('l') }, "Ctrl-L",
	    "redraw the screen" },
	{ ACTION_HELP, "help", { '?', KEY_F(1) }, "?, F1",
	    "this help" },
	{ ACTION_CLOSE, "close", { 27 }, "Escape",
	    "close the overlay, else clear search and filter" },
	{ ACTION_QUIT, "quit", { 'q' }, "q",
	    "close the overlay, else quit" },
};

const struct action_def *
action_table(size_t *n)
{
	*n = sizeof actions / sizeof actions[0];
	return actions;
}

enum action
action_for_key(int key)
{
	size_t i, j;

	if (key == 0)
		return ACTION_NONE;
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		for (j = 0; j < ACTION_MAX_KEYS && actions[i].codes[j] != 0; j++) {
			if (actions[i].codes[j] == key)
				return actions[i].action;
		}
	}
	return ACTION_NONE;
}
