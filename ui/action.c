/* action: the key table that drives dispatch, help, footers and the man page. */
#include "config.h"

#include <string.h>

#include "action.h"
#include "curses.h"
#include "strbuf.h"

#define CTRL(c) ((c) & 0x1f)
#define ACTION_CODES(...) __VA_ARGS__

static const struct action_def actions[] = {
#define ACTION_ROW(id, name, codes, keys, help) \
	{ ACTION_##id, name, { ACTION_CODES codes }, keys, help },
	ACTION_TABLE(ACTION_ROW)
#undef ACTION_ROW
};

const struct action_def *
action_table(size_t *n)
{
	*n = sizeof actions / sizeof actions[0];
	return actions;
}

const struct action_def *
action_def(enum action a)
{
	/* The rows are in enum order: the enum is generated from them. */
	return &actions[a - 1];
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

void
action_footer(struct strbuf *sb, const struct action_hint *hints, size_t n)
{
	const char *keys;
	size_t i;

	for (i = 0; i < n; i++) {
		keys = action_def(hints[i].action)->keys;
		strbuf_addf(sb, "%s%.*s %s", i > 0 ? ", " : "",
		    (int)strcspn(keys, ","), keys, hints[i].verb);
	}
}
