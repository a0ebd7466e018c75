/* retag: reload, watch, quick changes and $EDITOR for the taxonomy file. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "document.h"
#include "editor.h"
#include "paths.h"
#include "reader.h"
#include "retag.h"
#include "story.h"
#include "taxfile.h"
#include "taxonomy.h"
#include "xalloc.h"

/* The file's path as messages name it: the home directory as ~. */
static char *
retag_path(const struct reader *r)
{
	return paths_shorten(r->taxfile.path, getenv("HOME"), "", SIZE_MAX);
}

/* Tagged content sentences, for saying how a re-tag changed the counts. */
static size_t
retag_tagged(const struct story *story)
{
	const struct document *doc;
	size_t d, s, n = 0;

	for (d = 0; d < story->ndocs; d++) {
		doc = story->docs[d];
		for (s = 0; s < doc->nsentences; s++)
			n += doc->sentences[s].ntopics != 0;
	}
	return n;
}

int
retag_reload(struct reader *r, char **errors)
{
	struct taxonomy *tax;
	char *errs, *first, *path;
	size_t tagged, nerr = 0, plen = strlen(r->taxfile.path);
	const char *p;

	if (taxfile_load(&r->taxfile, &tax, &errs) != 0) {
		if (errors != NULL) {
			*errors = errs;
			return DIRTY_STATUS;
		}
		for (p = errs; *p != '\0'; p++)
			nerr += *p == '\n' && p[1] != '\0';
		nerr++;
		first = xstrndup(errs, strcspn(errs, "\n"));
		/* "FILE:LINE:COL: ..." names the file as messages do. */
		path = retag_path(r);
		if (strncmp(first, r->taxfile.path, plen) == 0)
			reader_message(r, true, "%s%s%s", path, first + plen,
			    nerr > 1 ? " (and more: r reloads, e edits)" : "");
		else
			reader_message(r, true, "%s%s", first, nerr > 1 ?
			    " (and more: r reloads, e edits)" : "");
		free(path);
		free(first);
		free(errs);
		return DIRTY_STATUS;
	}
	tagged = retag_tagged(r->story);
	story_retag(r->story, tax);
	reader_rebuild(r);
	reader_message(r, false, "re-tagged: %zu -> %zu tagged sentences",
	    tagged, retag_tagged(r->story));
	return DIRTY_ALL | REACT_RETAGGED;
}

int
retag_watch(struct reader *r)
{
	if (!taxfile_changed(&r->taxfile))
		return 0;
	return retag_reload(r, NULL);
}

int
retag_discard(struct reader *r)
{
	char *cause, *path;

	if (taxfile_discard(&r->taxfile, &cause) != 0) {
		reader_message(r, true, "%s", cause);
		free(cause);
		return DIRTY_ALL;
	}
	path = retag_path(r);
	reader_message(r, false, "edit discarded: %s is as it was", path);
	free(path);
	return DIRTY_ALL;
}

/* Puts PREFIX before the message set since (the re-tag's counts). */
static void
retag_prefix_message(struct reader *r, const char *prefix)
{
	char *done = r->message;

	r->message = NULL;
	reader_message(r, r->message_error, "%s%s", prefix,
	    done != NULL ? done : "");
	free(done);
}

int
retag_edit(struct reader *r, size_t line, char **errors)
{
	char *cause, *prefix, *path;
	int copied, status, dirty;

	if ((copied = taxfile_adopt_default(&r->taxfile, &cause)) < 0) {
		reader_message(r, true, "%s", cause);
		free(cause);
		return DIRTY_STATUS;
	}
	/* What the editor changes, `U` can take back. */
	taxfile_remember(&r->taxfile);
	status = editor_run(r->taxfile.path, line);
	taxfile_forget_unchanged(&r->taxfile);
	if (status != 0) {
		taxfile_stat(&r->taxfile);
		return DIRTY_ALL | reader_message(r, true,
		    "the editor failed (status %d); taxonomy unchanged", status);
	}
	dirty = DIRTY_ALL | retag_reload(r, errors);
	if (copied && r->message != NULL) {
		path = retag_path(r);
		prefix = xasprintf("copied the default to %s; ", path);
		free(path);
		retag_prefix_message(r, prefix);
		free(prefix);
	}
	return dirty;
}

/* Applies C to the file, saves it safely and re-tags; says what it did. */
static int
retag_save_change(struct reader *r, const struct taxfile_change *c)
{
	static const char *verbs[] = { "added to", "removed from",
	    "added to the new topic" };
	char *cause = NULL, *prefix, *path;
	bool copied;
	int rc, dirty;

	rc = taxfile_change(&r->taxfile, c, &copied, &cause);
	path = retag_path(r);
	if (rc == TAXFILE_CHANGED_ELSEWHERE) {
		dirty = retag_reload(r, NULL);
		reader_message(r, true, "%s changed on disk: reloaded it, "
		    "nothing saved; try again", path);
		free(path);
		return dirty | DIRTY_STATUS;
	}
	if (rc != 0) {
		reader_message(r, true, "%s", cause);
		free(cause);
		free(path);
		return DIRTY_STATUS;
	}
	dirty = retag_reload(r, NULL);
	prefix = xasprintf("%s%s%s\"%s\" %s %s; ",
	    copied ? "copied the default to " : "", copied ? path : "",
	    copied ? "; " : "", c->keyword, verbs[c->kind], c->label);
	free(path);
	retag_prefix_message(r, prefix);
	free(prefix);
	return dirty;
}

int
retag_change_keyword(struct reader *r, size_t topic, int list,
    const char *keyword, bool add)
{
	const struct taxonomy *tax = r->story->taxonomy;
	struct taxfile_change c;
	char *id, *label;
	int dirty;

	if (topic >= tax->ntopics)
		return 0;
	/* Copies: the re-tag frees the taxonomy they come from. */
	id = xstrdup(tax->topics[topic].id);
	label = xstrdup(tax->topics[topic].label);
	c.kind = add ? TAXFILE_ADD : TAXFILE_REMOVE;
	c.id = id;
	c.label = label;
	c.list = (enum taxedit_list)list;
	c.keyword = keyword;
	dirty = retag_save_change(r, &c);
	free(label);
	free(id);
	return dirty;
}

int
retag_undo(struct reader *r)
{
	char *cause, *path, *prefix;
	int rc, dirty;

	rc = taxfile_undo(&r->taxfile, &cause);
	if (rc == TAXFILE_CHANGED_ELSEWHERE) {
		dirty = retag_reload(r, NULL);
		path = retag_path(r);
		reader_message(r, true, "%s changed on disk: reloaded it, "
		    "nothing undone", path);
		free(path);
		return dirty | DIRTY_STATUS;
	}
	if (rc != 0) {
		reader_message(r, true, "%s", cause);
		free(cause);
		return DIRTY_STATUS;
	}
	dirty = retag_reload(r, NULL);
	prefix = xasprintf("undid the last taxonomy edit (%zu more to undo); ",
	    r->taxfile.nundo);
	retag_prefix_message(r, prefix);
	free(prefix);
	return dirty;
}

int
retag_new_topic(struct reader *r, const char *id, const char *label,
    const char *keyword)
{
	struct taxfile_change c = { TAXFILE_TOPIC, id, label, TAXEDIT_KEYWORDS,
	    keyword };

	return retag_save_change(r, &c);
}
