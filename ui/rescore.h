/*
 * rescore: the outlets file in the reader: watched like the taxonomy (a
 * change on disk re-scores coverage by leaning at once) and edited with
 * `O` in $VISUAL or $EDITOR, the shipped default first copied to the
 * user's own file.  A file with errors leaves the outlets in use as they
 * were and says the first error as FILE:LINE:COL.  It owns its path
 * (rescore_free).
 */
#ifndef PARALLAX_UI_RESCORE_H
#define PARALLAX_UI_RESCORE_H

#include <stdbool.h>

#include "savefile.h"

struct reader;

struct rescore {
	char *path;		/* NULL: no outlets file */
	bool is_default;	/* the shipped default: `O` edits a copy */
	struct savefile_stamp stamp;	/* as it was when last read */
};

void rescore_init(struct rescore *rs, const char *path, bool is_default);
void rescore_free(struct rescore *rs);

/* Reads the file again and re-scores; returns dirty flags. */
int rescore_reload(struct rescore *rs, struct reader *r);

/* rescore_reload when the file changed on disk. */
int rescore_watch(struct rescore *rs, struct reader *r);

/* `O`: the editor on the file, then rescore_reload. */
int rescore_edit(struct rescore *rs, struct reader *r);

#endif
