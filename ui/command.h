/*
 * command: the line typed after `:`, as less and vim users expect.  A
 * command is an action's name from the key table (ui/action.h), or a
 * unique start of one (`:q`, `:mat`), with an optional argument: a topic
 * for `filter`, words for `search` and `add-keyword`, a count for the
 * others (`:down 5`).  A number alone is a sentence to go to.  The names
 * come from the table, so the commands are exactly the keys' actions.
 * Nothing here draws; a parsed command owns its words (command_free), a
 * round of Tab presses its stem (command_tab_end).  command_run changes
 * the reader for what needs no key; the rest is the caller's dispatch.
 */
#ifndef PARALLAX_UI_COMMAND_H
#define PARALLAX_UI_COMMAND_H

#include <stddef.h>

#include "action.h"

struct reader;
struct strbuf;

struct command {
	enum action action;	/* ACTION_NONE: a sentence, or an error */
	long count;		/* the count argument, or 1 */
	size_t sentence;	/* `:N`: N (1-based); 0 when not a number */
	char *arg;		/* the words of actions that take them, or
				 * NULL; the command's (command_free) */
};

/*
 * Reads LINE into CMD.  Returns 0, or -1 with a one-line reason in WHY
 * (an unknown or ambiguous name, an argument the action does not take).
 * An empty line is no command (ACTION_NONE, no sentence), as in vim.
 */
int command_parse(const char *line, struct command *cmd, struct strbuf *why);

void command_free(struct command *cmd);

/*
 * Reads LINE into CMD and runs on R what needs no key: an error is said in
 * R's status line, `:N` selects sentence N of the source read, `:filter
 * TOPIC` (an id, else a label) and `:search WORDS` act.  Returns the dirty
 * flags.  What is left in CMD (action not ACTION_NONE: run it as its key,
 * with its count; add-keyword with words: start adding them) is the
 * caller's, who frees CMD (command_free) either way.
 */
int command_run(struct reader *r, const char *line, struct command *cmd);

/*
 * What Tab remembers between presses: the start typed before the first
 * press, and where among the names starting with it the last one was.
 * Any other key ends a round (command_tab_end).
 */
struct command_tab {
	struct strbuf *stem;	/* NULL between rounds */
	size_t at;		/* the table row last put in the line */
};

/*
 * Tab on LINE, as vim's command line does it: the first press fills the
 * longest common start of the action names that start with LINE; when
 * that adds nothing, each press puts the next such name in LINE (in table
 * order, back to the first after the last).  Returns how many names start
 * with what was typed (0: LINE is unchanged; only the first word is
 * completed).
 */
size_t command_complete(struct strbuf *line, struct command_tab *tab);

/* Ends a round of Tab presses (the next Tab starts from the line). */
void command_tab_end(struct command_tab *tab);

#endif
