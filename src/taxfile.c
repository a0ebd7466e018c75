/* taxfile: reading, adopting, changing and saving the taxonomy file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "savefile.h"
#include "taxedit.h"
#include "taxfile.h"
#include "taxonomy.h"
#include "xalloc.h"

void
taxfile_init(struct taxfile *tf, const char *path, bool is_default)
{
	char *cause;

	memset(tf, 0, sizeof *tf);
	tf->path = xstrdup(path);
	tf->is_default = is_default;
	taxfile_stat(tf);
	/* The caller loaded it: its text is the last good one. */
	if ((tf->good = savefile_read(path, &tf->goodlen, &cause)) == NULL)
		free(cause);
}

void
taxfile_free(struct taxfile *tf)
{
	size_t i;

	for (i = 0; i < tf->nundo; i++)
		free(tf->undo[i].text);
	free(tf->undo);
	free(tf->path);
	free(tf->good);
	memset(tf, 0, sizeof *tf);
}

void
taxfile_stat(struct taxfile *tf)
{
	char *cause;

	if (savefile_stamp_file(tf->path, &tf->stamp, &cause) != 0) {
		tf->stamp.exists = false;
		free(cause);
	}
}

bool
taxfile_changed(const struct taxfile *tf)
{
	return savefile_changed(tf->path, &tf->stamp);
}

int
taxfile_load(struct taxfile *tf, struct taxonomy **out, char **errors)
{
	char *text, *cause;
	size_t len;

	taxfile_stat(tf);
	if (taxonomy_load_file(tf->path, out, errors) != 0)
		return -1;
	if ((text = savefile_read(tf->path, &len, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	free(tf->good);
	tf->good = text;
	tf->goodlen = len;
	return 0;
}

int
taxfile_discard(struct taxfile *tf, char **cause)
{
	if (tf->good == NULL) {
		*cause = xstrdup("no earlier version to go back to");
		return -1;
	}
	if (savefile_write(tf->path, tf->good, tf->goodlen, cause) != 0)
		return -1;
	taxfile_stat(tf);
	return 0;
}

int
taxfile_adopt_default(struct taxfile *tf, char **cause)
{
	char *user;

	if (!tf->is_default)
		return 0;
	user = paths_user_taxonomy();
	if (access(user, F_OK) == 0) {
		free(tf->path);
		tf->path = user;
		tf->is_default = false;
		taxfile_stat(tf);
		return 0;
	}
	if (savefile_copy_new(tf->path, user, "the taxonomy", cause) != 0) {
		free(user);
		return -1;
	}
	free(tf->path);
	tf->path = user;
	tf->is_default = false;
	taxfile_stat(tf);
	return 1;
}

/* Pushes TEXT (taken over) as the text before an edit. */
static void
taxfile_push(struct taxfile *tf, char *text, size_t len)
{
	if (tf->nundo == TAXFILE_UNDO_MAX) {
		/* The oldest edit can no longer be undone. */
		free(tf->undo[0].text);
		memmove(tf->undo, tf->undo + 1, --tf->nundo * sizeof *tf->undo);
	}
	tf->undo = xreallocarray(tf->undo, tf->nundo + 1, sizeof *tf->undo);
	tf->undo[tf->nundo++] = (struct taxfile_version){ text, len };
}

void
taxfile_remember(struct taxfile *tf)
{
	char *text, *cause;
	size_t len;

	if ((text = savefile_read(tf->path, &len, &cause)) == NULL) {
		free(cause);
		return;
	}
	taxfile_push(tf, text, len);
}

void
taxfile_forget_unchanged(struct taxfile *tf)
{
	struct taxfile_version *top;
	char *text, *cause;
	size_t len;

	if (tf->nundo == 0)
		return;
	top = &tf->undo[tf->nundo - 1];
	if ((text = savefile_read(tf->path, &len, &cause)) == NULL) {
		free(cause);
		return;
	}
	if (len == top->len && memcmp(text, top->text, len) == 0) {
		free(top->text);
		tf->nundo--;
	}
	free(text);
}

int
taxfile_undo(struct taxfile *tf, char **cause)
{
	struct taxfile_version *top;

	if (tf->nundo == 0) {
		*cause = xstrdup("nothing to undo: no taxonomy edit in this "
		    "session");
		return -1;
	}
	if (taxfile_changed(tf))
		return TAXFILE_CHANGED_ELSEWHERE;
	top = &tf->undo[tf->nundo - 1];
	if (savefile_write(tf->path, top->text, top->len, cause) != 0)
		return -1;
	free(top->text);
	tf->nundo--;
	return 0;
}

/* The text of C applied to BUF. */
static int
taxfile_transform(const struct taxfile_change *c, const char *buf, size_t len,
    char **out, size_t *outlen, char **cause)
{
	char *mid;
	size_t midlen;
	int rc;

	switch (c->kind) {
	case TAXFILE_ADD:
		return taxedit_add_keyword(buf, len, c->id, c->list, c->keyword,
		    out, outlen, cause);
	case TAXFILE_REMOVE:
		return taxedit_remove_keyword(buf, len, c->id, c->list,
		    c->keyword, out, outlen, cause);
	default:
		if (taxedit_add_topic(buf, len, NULL, c->id, c->label, &mid,
		    &midlen, cause) != 0)
			return -1;
		rc = taxedit_add_keyword(mid, midlen, c->id, TAXEDIT_KEYWORDS,
		    c->keyword, out, outlen, cause);
		free(mid);
		return rc;
	}
}

int
taxfile_change(struct taxfile *tf, const struct taxfile_change *c,
    bool *copied, char **cause)
{
	char *buf = NULL, *out = NULL;
	size_t len, outlen;
	int rc;

	*copied = false;
	if ((rc = taxfile_adopt_default(tf, cause)) < 0)
		return -1;
	*copied = rc == 1;
	/* Never overwrite a change made elsewhere: the caller reloads. */
	if (taxfile_changed(tf))
		return TAXFILE_CHANGED_ELSEWHERE;
	rc = -1;
	if ((buf = savefile_read(tf->path, &len, cause)) != NULL &&
	    taxfile_transform(c, buf, len, &out, &outlen, cause) == 0 &&
	    savefile_write(tf->path, out, outlen, cause) == 0) {
		taxfile_push(tf, buf, len);
		buf = NULL;
		rc = 0;
	}
	free(out);
	free(buf);
	return rc;
}

size_t
taxfile_error_line(const struct taxfile *tf, const char *errors)
{
	size_t len = strlen(tf->path);

	if (strncmp(errors, tf->path, len) != 0 || errors[len] != ':')
		return 0;
	return (size_t)strtoul(errors + len + 1, NULL, 10);
}
