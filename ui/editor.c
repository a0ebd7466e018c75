/* editor: $EDITOR round trip, reload and watching the taxonomy file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "claims.h"
#include "curses.h"
#include "document.h"
#include "editor.h"
#include "overlay.h"
#include "paths.h"
#include "reader.h"
#include "story.h"
#include "strbuf.h"
#include "savefile.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "tui.h"
#include "xalloc.h"

void
editor_stat(struct reader *r)
{
	char *cause;

	if (savefile_stamp_file(r->taxpath, &r->stamp, &cause) != 0) {
		r->stamp.exists = false;
		free(cause);
	}
}

/* The whole file, or NULL with *cause set. */
static char *
editor_read(const char *path, size_t *len, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) != 0)
		strbuf_add(&sb, buf, n);
	if (ferror(fp)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		fclose(fp);
		strbuf_free(&sb);
		return NULL;
	}
	fclose(fp);
	strbuf_addstr(&sb, "");
	*len = sb.len;
	return strbuf_detach(&sb);
}

void
editor_keep(struct reader *r)
{
	char *text, *cause;
	size_t len;

	if ((text = editor_read(r->taxpath, &len, &cause)) == NULL) {
		free(cause);
		return;
	}
	free(r->good);
	r->good = text;
	r->goodlen = len;
}

int
editor_discard(struct reader *r)
{
	char *cause;

	if (r->good == NULL)
		return reader_message(r, true, "no earlier version to go back to");
	if (savefile_write(r->taxpath, r->good, r->goodlen, &cause) != 0) {
		reader_message(r, true, "%s", cause);
		free(cause);
		return DIRTY_STATUS;
	}
	editor_stat(r);
	return reader_message(r, false, "edit discarded: %s is as it was",
	    r->taxpath);
}

size_t
editor_error_line(const char *errors, const char *path)
{
	size_t len = strlen(path);

	if (strncmp(errors, path, len) != 0 || errors[len] != ':')
		return 0;
	return (size_t)strtoul(errors + len + 1, NULL, 10);
}

/* Tagged content sentences, for saying how a re-tag changed the counts. */
static size_t
editor_tagged(const struct story *story)
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
editor_reload(struct reader *r, bool offer_edit)
{
	struct taxonomy *tax;
	char *errors, *first;
	size_t tagged, claims, line, nerr = 0;
	const char *p;
	bool kept;

	editor_stat(r);
	if (taxonomy_load_file(r->taxpath, &tax, &errors) != 0) {
		for (p = errors; *p != '\0'; p++)
			nerr += *p == '\n' && p[1] != '\0';
		nerr++;
		if (offer_edit) {
			line = editor_error_line(errors, r->taxpath);
			overlay_message(r, "Taxonomy errors: the taxonomy in use "
			    "is unchanged", errors);
			r->overlay.line = line;
			return DIRTY_OVERLAY | DIRTY_STATUS;
		}
		first = xstrndup(errors, strcspn(errors, "\n"));
		reader_message(r, true, "%s%s", first, nerr > 1 ?
		    " (and more: r reloads, e edits)" : "");
		free(first);
		free(errors);
		return DIRTY_STATUS;
	}
	editor_keep(r);
	/* Overlays showing claims, topics or an explanation point into what
	 * the re-tag replaces. */
	if (r->overlay.kind != OVERLAY_HELP &&
	    r->overlay.kind != OVERLAY_MESSAGE)
		overlay_close(r);
	tagged = editor_tagged(r->story);
	claims = r->story->claims != NULL ? r->story->claims->n : 0;
	kept = story_retag(r->story, tax);
	reader_rebuild(r);
	if (!kept) {
		/* The loop links once the new tags are drawn. */
		r->relink_claims = claims;
		reader_message(r, false, "re-tagged: %zu -> %zu tagged "
		    "sentences", tagged, editor_tagged(r->story));
		return DIRTY_ALL;
	}
	reader_message(r, false, "re-tagged: %zu -> %zu tagged sentences, "
	    "%zu -> %zu claims", tagged, editor_tagged(r->story), claims,
	    claims);
	return DIRTY_ALL;
}

int
editor_watch(struct reader *r)
{
	if (!savefile_changed(r->taxpath, &r->stamp))
		return 0;
	return editor_reload(r, false);
}

/*
 * Copies the shipped default to the user's file before the first edit.
 * Returns 1 when it copied, 0 when the user's file was there, -1 on error.
 */
static int
editor_adopt_default(struct reader *r)
{
	char *user = paths_user_taxonomy(), *dir, *slash, buf[8192];
	FILE *in, *out;
	size_t n;
	int ok;

	if (access(user, F_OK) == 0) {
		free(r->taxpath);
		r->taxpath = user;
		return 0;
	}
	dir = xstrdup(user);
	for (slash = strchr(dir + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			break;
		*slash = '/';
	}
	free(dir);
	in = fopen(r->taxpath, "rb");
	out = in != NULL ? fopen(user, "wbx") : NULL;
	ok = in != NULL && out != NULL;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) != 0)
		ok = fwrite(buf, 1, n, out) == n;
	if (in != NULL)
		fclose(in);
	if (out != NULL && fclose(out) != 0)
		ok = 0;
	if (!ok) {
		reader_message(r, true, "cannot copy the taxonomy to %s: %s",
		    user, strerror(errno));
		if (out != NULL)
			unlink(user);
		free(user);
		return -1;
	}
	free(r->taxpath);
	r->taxpath = user;
	return 1;
}

/* Runs the editor on PATH with curses suspended; returns its status. */
static int
editor_spawn(const char *path, size_t line)
{
	const char *editor = getenv("VISUAL");
	char *cmd, plus[32];
	struct sigaction ign, oint, oquit;
	pid_t pid;
	int status = -1;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	/* The editor may carry arguments ("code -w"): let the shell split it. */
	cmd = xasprintf("%s \"$@\"", editor);
	snprintf(plus, sizeof plus, "+%zu", line);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		if (line != 0)
			execl("/bin/sh", "sh", "-c", cmd, "sh", plus, path,
			    (char *)NULL);
		else
			execl("/bin/sh", "sh", "-c", cmd, "sh", path,
			    (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	free(cmd);
	return status;
}

int
editor_edit(struct reader *r, size_t line)
{
	char *done;
	int status, copied = 0, dirty;

	if (r->cfg->taxonomy_is_default &&
	    strcmp(r->taxpath, r->cfg->taxonomy_path) == 0 &&
	    (copied = editor_adopt_default(r)) < 0)
		return DIRTY_STATUS;
	def_prog_mode();
	endwin();
	status = editor_spawn(r->taxpath, line);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		editor_stat(r);
		return DIRTY_ALL | reader_message(r, true,
		    "the editor failed (status %d); taxonomy unchanged",
		    status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	dirty = DIRTY_ALL | editor_reload(r, true);
	if (copied && r->message != NULL) {
		done = r->message;
		r->message = NULL;
		reader_message(r, r->message_error, "copied the default to %s; %s",
		    r->taxpath, done);
		free(done);
	}
	return dirty;
}

/* One quick edit of the taxonomy's text. */
struct editor_change {
	enum { CHANGE_ADD, CHANGE_REMOVE, CHANGE_TOPIC } kind;
	const char *id;		/* the topic changed or created */
	const char *label;
	enum taxedit_list list;
	const char *keyword;
};

static int
editor_transform(const struct editor_change *c, const char *buf, size_t len,
    char **out, size_t *outlen, char **cause)
{
	char *mid;
	size_t midlen;
	int rc;

	switch (c->kind) {
	case CHANGE_ADD:
		return taxedit_add_keyword(buf, len, c->id, c->list, c->keyword,
		    out, outlen, cause);
	case CHANGE_REMOVE:
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

/* Applies C to the file, saves it safely and re-tags; says what it did. */
static int
editor_save_change(struct reader *r, const struct editor_change *c)
{
	static const char *verbs[] = { "added to", "removed from",
	    "added to the new topic" };
	char *buf = NULL, *out = NULL, *cause = NULL, *done;
	size_t len, outlen;
	int copied = 0, dirty = DIRTY_STATUS;

	if (r->cfg->taxonomy_is_default &&
	    strcmp(r->taxpath, r->cfg->taxonomy_path) == 0) {
		if ((copied = editor_adopt_default(r)) < 0)
			return DIRTY_STATUS;
		if (copied)
			editor_stat(r);
	}
	/* Never overwrite a change made elsewhere: it is reloaded instead. */
	if (savefile_changed(r->taxpath, &r->stamp)) {
		dirty = editor_reload(r, false);
		reader_message(r, true, "%s changed on disk: reloaded it, "
		    "nothing saved; try again", r->taxpath);
		return dirty;
	}
	if ((buf = editor_read(r->taxpath, &len, &cause)) == NULL ||
	    editor_transform(c, buf, len, &out, &outlen, &cause) != 0 ||
	    savefile_write(r->taxpath, out, outlen, &cause) != 0) {
		reader_message(r, true, "%s", cause);
		goto out;
	}
	dirty = editor_reload(r, false);
	done = r->message;
	r->message = NULL;
	reader_message(r, false, "%s%s%s\"%s\" %s %s; %s",
	    copied ? "copied the default to " : "", copied ? r->taxpath : "",
	    copied ? "; " : "", c->keyword, verbs[c->kind], c->label,
	    done != NULL ? done : "");
	free(done);
out:
	free(cause);
	free(out);
	free(buf);
	return dirty;
}

int
editor_change_keyword(struct reader *r, size_t topic, int list,
    const char *keyword, bool add)
{
	const struct taxonomy *tax = r->story->taxonomy;
	struct editor_change c;
	char *id, *label;
	int dirty;

	if (topic >= tax->ntopics)
		return 0;
	/* Copies: the re-tag frees the taxonomy they come from. */
	id = xstrdup(tax->topics[topic].id);
	label = xstrdup(tax->topics[topic].label);
	c.kind = add ? CHANGE_ADD : CHANGE_REMOVE;
	c.id = id;
	c.label = label;
	c.list = (enum taxedit_list)list;
	c.keyword = keyword;
	dirty = editor_save_change(r, &c);
	free(label);
	free(id);
	return dirty;
}

int
editor_new_topic(struct reader *r, const char *id, const char *label,
    const char *keyword)
{
	struct editor_change c = { CHANGE_TOPIC, id, label, TAXEDIT_KEYWORDS,
	    keyword };

	return editor_save_change(r, &c);
}
