/* command: `:` lines read against the key table's names. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "command.h"
#include "document.h"
#include "reader.h"
#include "search.h"
#include "story.h"
#include "strbuf.h"
#include "taxonomy.h"
#include "xalloc.h"

/* Whether action A takes words rather than a count as its argument. */
static bool
command_takes_words(enum action a)
{
	return a == ACTION_TOPIC || a == ACTION_SEARCH || a == ACTION_ADD;
}

/*
 * The action NAME (LEN bytes) names: exactly, else as the start of one
 * name only.  ACTION_NONE with WHY set when none or several do.
 */
static enum action
command_lookup(const char *name, size_t len, struct strbuf *why)
{
	const struct action_def *t;
	enum action found = ACTION_NONE;
	size_t n, i, matches = 0;

	t = action_table(&n);
	for (i = 0; i < n; i++) {
		if (strlen(t[i].name) == len &&
		    strncmp(t[i].name, name, len) == 0)
			return t[i].action;
	}
	for (i = 0; i < n; i++) {
		if (strncmp(t[i].name, name, len) == 0) {
			matches++;
			found = t[i].action;
		}
	}
	if (matches == 1)
		return found;
	if (matches == 0) {
		strbuf_addf(why, "unknown command: %.*s (Tab completes)",
		    (int)len, name);
		return ACTION_NONE;
	}
	strbuf_addf(why, "%.*s is ambiguous:", (int)len, name);
	for (i = 0; i < n; i++) {
		if (strncmp(t[i].name, name, len) == 0)
			strbuf_addf(why, " %s", t[i].name);
	}
	return ACTION_NONE;
}

/* The decimal number that is all of S's LEN bytes (1 or more), or 0. */
static long
command_number(const char *s, size_t len)
{
	long v = 0;
	size_t i;

	if (len == 0 || strspn(s, "0123456789") < len)
		return 0;
	for (i = 0; i < len; i++) {
		if (v > (LONG_MAX - 9) / 10)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
command_parse(const char *line, struct command *cmd, struct strbuf *why)
{
	const char *name, *arg;
	size_t len, alen;
	long number;

	memset(cmd, 0, sizeof *cmd);
	cmd->count = 1;
	name = line + strspn(line, " \t");
	len = strcspn(name, " \t");
	arg = name + len + strspn(name + len, " \t");
	/* The argument, without the blanks after it. */
	for (alen = strlen(arg); alen > 0 && isspace((unsigned char)arg[alen - 1]);
	    alen--)
		;
	if (len == 0)
		return 0;
	if (isdigit((unsigned char)*name)) {
		number = alen == 0 ? command_number(name, len) : 0;
		if (number == 0) {
			strbuf_addf(why, "not a sentence number: %.*s",
			    (int)(arg + alen - name), name);
			return -1;
		}
		cmd->sentence = (size_t)number;
		return 0;
	}
	if ((cmd->action = command_lookup(name, len, why)) == ACTION_NONE)
		return -1;
	if (alen == 0)
		return 0;
	if (command_takes_words(cmd->action)) {
		cmd->arg = xstrndup(arg, alen);
		return 0;
	}
	if ((number = command_number(arg, alen)) == 0) {
		strbuf_addf(why, "%s takes a count, not \"%.*s\"",
		    action_def(cmd->action)->name, (int)alen, arg);
		cmd->action = ACTION_NONE;
		return -1;
	}
	cmd->count = number < ACTION_COUNT_MAX ? number : ACTION_COUNT_MAX;
	return 0;
}

/* `:N`: sentence N of the source read, in the article. */
static int
command_goto_sentence(struct reader *r, size_t n)
{
	size_t have = r->story->docs[r->doc]->nsentences;

	if (n > have)
		return reader_message(r, true, "no sentence %zu: this source "
		    "has %zu", n, have);
	if (!reader_sentence_shown(r, r->doc, n - 1))
		return reader_message(r, true, "sentence %zu is not shown "
		    "under the topic filter (Escape clears it)", n);
	r->focus = PANE_ARTICLE;
	return reader_select(r, n - 1) | DIRTY_PANES | DIRTY_FRAME;
}

/* `:filter TOPIC`: the topic with that id, else that label. */
static int
command_filter(struct reader *r, const char *name)
{
	const struct taxonomy *tax = r->story->taxonomy;
	size_t i = taxonomy_find(tax, name);

	if (i == TOPIC_NO_PARENT) {
		for (i = 0; i < tax->ntopics &&
		    strcasecmp(tax->topics[i].label, name) != 0; i++)
			;
	}
	if (i < tax->ntopics)
		return reader_set_filter(r, i);
	return reader_message(r, true, "no topic %s (t lists them)", name);
}

int
command_run(struct reader *r, const char *line, struct command *cmd)
{
	struct strbuf why = STRBUF_INIT;
	int dirty = 0;

	if (command_parse(line, cmd, &why) != 0)
		dirty = reader_message(r, true, "%s", why.data);
	else if (cmd->sentence != 0)
		dirty = command_goto_sentence(r, cmd->sentence);
	else if (cmd->arg != NULL && cmd->action == ACTION_TOPIC)
		dirty = command_filter(r, cmd->arg);
	else if (cmd->arg != NULL && cmd->action == ACTION_SEARCH)
		dirty = search_submit(r, cmd->arg);
	else
		return 0;	/* the caller's: an action, or a keyword's words */
	strbuf_free(&why);
	command_free(cmd);
	cmd->action = ACTION_NONE;
	return dirty;
}

void
command_free(struct command *cmd)
{
	free(cmd->arg);
	cmd->arg = NULL;
}

void
command_tab_end(struct command_tab *tab)
{
	if (tab->stem != NULL) {
		strbuf_free(tab->stem);
		free(tab->stem);
		tab->stem = NULL;
	}
}

size_t
command_complete(struct strbuf *line, struct command_tab *tab)
{
	const struct action_def *t;
	const char *stem;
	size_t n, i, k, matches = 0, first = 0, common = 0, slen;

	stem = tab->stem != NULL ? tab->stem->data : line->data;
	if (stem == NULL)
		stem = "";
	slen = strlen(stem);
	if (strcspn(stem, " \t") != slen)
		return 0;
	t = action_table(&n);
	for (i = 0; i < n; i++) {
		if (strncmp(t[i].name, stem, slen) != 0)
			continue;
		if (matches++ == 0) {
			first = i;
			common = strlen(t[i].name);
		}
		for (k = slen; k < common && t[i].name[k] == t[first].name[k];
		    k++)
			;
		common = k;
	}
	if (matches == 0)
		return 0;
	if (tab->stem == NULL && common > slen) {
		/* The first press: what every name starting so shares. */
		strbuf_reset(line);
		strbuf_add(line, t[first].name, common);
		return matches;
	}
	if (tab->stem == NULL) {
		tab->stem = xcalloc(1, sizeof *tab->stem);
		strbuf_addstr(tab->stem, stem);
		tab->at = n - 1;
	}
	/* The next name starting with the stem, after the last one put. */
	for (k = 1; k <= n; k++) {
		i = (tab->at + k) % n;
		if (strncmp(t[i].name, tab->stem->data, slen) == 0)
			break;
	}
	tab->at = i;
	strbuf_reset(line);
	strbuf_addstr(line, t[i].name);
	return matches;
}
