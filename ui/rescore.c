/* rescore: reload, watch and $EDITOR for the outlets file. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "editor.h"
#include "outlets.h"
#include "paths.h"
#include "reader.h"
#include "rescore.h"
#include "spread.h"
#include "story.h"
#include "xalloc.h"

static void
rescore_stat(struct rescore *rs)
{
	char *cause;

	if (savefile_stamp_file(rs->path, &rs->stamp, &cause) != 0) {
		rs->stamp.exists = false;
		free(cause);
	}
}

void
rescore_init(struct rescore *rs, const char *path, bool is_default)
{
	memset(rs, 0, sizeof *rs);
	if (path == NULL)
		return;
	rs->path = xstrdup(path);
	rs->is_default = is_default;
	rescore_stat(rs);
}

void
rescore_free(struct rescore *rs)
{
	free(rs->path);
	rs->path = NULL;
}

int
rescore_reload(struct rescore *rs, struct reader *r)
{
	struct outlets *outlets;
	char *errors, *path;
	size_t d, rated = 0, plen = strlen(rs->path);
	const struct spread *sp;

	rescore_stat(rs);
	path = paths_shorten(rs->path, getenv("HOME"), "", SIZE_MAX);
	if (outlets_load_file(rs->path, &outlets, &errors) != 0) {
		/* The first error, its FILE as messages name it. */
		errors[strcspn(errors, "\n")] = '\0';
		reader_message(r, true, "%s%s (outlets unchanged; O edits)",
		    strncmp(errors, rs->path, plen) == 0 ? path : "",
		    strncmp(errors, rs->path, plen) == 0 ? errors + plen :
		    errors);
		free(errors);
		free(path);
		return DIRTY_STATUS;
	}
	story_set_outlets(r->story, outlets);
	sp = story_spread(r->story);
	for (d = 0; d < r->story->ndocs; d++)
		rated += sp->profiles[d] != NULL &&
		    sp->profiles[d]->leaning != OUTLET_UNRATED;
	reader_message(r, false, "re-scored by %s: %zu of %zu sources rated",
	    path, rated, r->story->ndocs);
	free(path);
	return DIRTY_ALL;
}

int
rescore_watch(struct rescore *rs, struct reader *r)
{
	if (rs->path == NULL || !savefile_changed(rs->path, &rs->stamp))
		return 0;
	return rescore_reload(rs, r);
}

int
rescore_edit(struct rescore *rs, struct reader *r)
{
	char *user, *cause;
	int status;

	if (rs->path == NULL)
		return reader_message(r, true, "no outlets file to edit");
	if (rs->is_default) {
		user = paths_user_outlets();
		if (access(user, F_OK) != 0 && savefile_copy_new(rs->path,
		    user, "the outlets file", &cause) != 0) {
			free(user);
			reader_message(r, true, "%s", cause);
			free(cause);
			return DIRTY_STATUS;
		}
		free(rs->path);
		rs->path = user;
		rs->is_default = false;
	}
	status = editor_run(rs->path, 0);
	if (status != 0)
		return DIRTY_ALL | reader_message(r, true, "the editor failed "
		    "(status %d); outlets unchanged", status);
	return DIRTY_ALL | rescore_reload(rs, r);
}
