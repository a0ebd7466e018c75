/*
 * session: the run of the terminal reader over what a loader opens: the
 * loading screen, then the story list with each story it opens read in
 * the reader (tui.h) and back, or the reader on the one story there is.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "curses.h"
#include "group.h"
#include "loader.h"
#include "loadscreen.h"
#include "screen.h"
#include "session.h"
#include "story.h"
#include "storylist.h"
#include "tui.h"
#include "watcher.h"
#include "xalloc.h"

/* The story list's own loop: returns STORYLIST_OPEN (with
 * STORYLIST_TIMELINE for the timeline key), STORYLIST_RELOAD (r, or LD's
 * sources changed on disk) or STORYLIST_QUIT (after SIGHUP, with *STATUS
 * set). */
static int
session_list_loop(struct storylist *sl, const struct loader *ld, int *status)
{
	int key, react = STORYLIST_REDRAW;

	for (;;) {
		if (react & STORYLIST_REDRAW) {
			storylist_resize(sl, LINES);
			storylist_draw(sl, stdscr);
			curs_set(sl->searching ? 1 : 0);
			doupdate();
		}
		key = wgetch(stdscr);
		if (screen_hung_up()) {
			*status = 128 + SIGHUP;
			return STORYLIST_QUIT;
		}
		if (key == ERR)
			react = loader_changed(ld) ? STORYLIST_RELOAD : 0;
		else if (key == KEY_RESIZE)
			react = STORYLIST_REDRAW;
		else
			react = storylist_key(sl, key);
		if (react & (STORYLIST_OPEN | STORYLIST_QUIT | STORYLIST_RELOAD))
			return react;
	}
}

/* What the story list says first: what could not be opened, else after a
 * reload how many stories there are now. */
static char *
session_stories_message(const struct loader *ld, bool reloaded)
{
	const struct group_set *set = loader_groups(ld);
	char *const *warnings;
	size_t n;

	warnings = loader_warnings(ld, &n);
	if (n != 0)
		return xasprintf("%s%s", warnings[0], n > 1 ? " (and more)" :
		    "");
	if (reloaded)
		return xasprintf("reloaded: %zu stories, %zu sources",
		    group_set_nstories(set), group_set_count(set));
	return NULL;
}

/*
 * The story list of LD's stories, until the person quits or they are to be
 * read again (*AGAIN: `r`, or a change on disk), with *AT the id of the
 * story the cursor was on; an *AT given is where the cursor starts (and is
 * freed).
 */
static int
session_stories(const struct loader *ld, session_open_fn open, void *ctx,
    const struct tui_config *cfg, bool color, char **at, bool *again)
{
	const struct group_set *set = loader_groups(ld);
	struct storylist sl;
	struct story *story;
	char *cause = NULL;
	bool back = true;
	int status = 0, list;

	storylist_init(&sl, set, cfg->outlets, cfg->state);
	sl.message = session_stories_message(ld, *at != NULL);
	if (*at != NULL) {
		storylist_resize(&sl, LINES);
		storylist_select_id(&sl, *at);
		free(*at);
		*at = NULL;
	}
	*again = false;
	while (back) {
		list = session_list_loop(&sl, ld, &status);
		if (list & STORYLIST_RELOAD) {
			*at = xstrdup(sl.nshown != 0 ? group_set_story(set,
			    storylist_selected(&sl))->id : "");
			*again = true;
			break;
		}
		if (!(list & STORYLIST_OPEN))
			break;
		story = open(ctx, storylist_selected(&sl), &cause);
		if (story == NULL) {
			free(sl.message);
			sl.message = cause;
			continue;
		}
		status = tui_read(story, cfg, color,
		    (list & STORYLIST_TIMELINE) != 0, &back);
		/* story_free waits for a link still running, so no stale
		 * thread shares the machine with the next story's. */
		story_free(story);
		storylist_reload(&sl);
		werase(stdscr);
	}
	storylist_free(&sl);
	return status;
}

int
session_run(struct loader *ld, session_open_fn open, void *ctx,
    const struct tui_config *cfg, struct story **story)
{
	struct tui_config list_cfg = *cfg;
	struct screen ts;
	char *cause = NULL, *at = NULL;
	bool back, again = true;
	int status = 0;

	*story = NULL;
	if (screen_open(&ts, cfg->no_color) != 0)
		return 1;
	list_cfg.story_list = true;
	while (again) {
		again = false;
		if (!loadscreen_run(ld, cfg->hint)) {
			status = screen_hung_up() ? 128 + SIGHUP : 0;
		} else if (loader_groups(ld) != NULL) {
			wtimeout(stdscr, WATCHER_PERIOD_MS);
			list_cfg.outlets = loader_outlets(ld);
			status = session_stories(ld, open, ctx, &list_cfg, ts.color,
			    &at, &again);
			if (again)
				loader_restart(ld);
		} else if ((*story = loader_take_story(ld, &cause)) != NULL) {
			status = tui_read(*story, cfg, ts.color, false, &back);
		}
	}
	free(at);
	screen_close(&ts);
	if (cause != NULL) {
		fprintf(stderr, "parallax: %s\n", cause);
		free(cause);
		status = 1;
	}
	return status;
}
