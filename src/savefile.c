#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fnv.h"
#include "savefile.h"
#include "strbuf.h"
#include "xalloc.h"

static uint64_t
savefile_hash(const char *p, size_t n)
{
	return fnv_bytes(FNV_BASIS, p, n);
}

void
savefile_stamp_data(const char *data, size_t len, struct savefile_stamp *st)
{
	memset(st, 0, sizeof *st);
	st->exists = true;
	st->size = (long long)len;
	st->hash = savefile_hash(data, len);
}

/* The whole file, or -1 with errno set. */
static int
savefile_read_all(const char *path, struct strbuf *sb)
{
	int fd, rc, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	rc = strbuf_read_fd(sb, fd, SIZE_MAX);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

char *
savefile_read(const char *path, size_t *len, char **cause)
{
	struct strbuf sb = STRBUF_INIT;

	if (savefile_read_all(path, &sb) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		strbuf_free(&sb);
		return NULL;
	}
	strbuf_addstr(&sb, "");
	*len = sb.len;
	return strbuf_detach(&sb);
}

int
savefile_stamp_file(const char *path, struct savefile_stamp *st, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat sbuf;

	memset(st, 0, sizeof *st);
	if (stat(path, &sbuf) == -1) {
		if (errno == ENOENT)
			return 0;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (savefile_read_all(path, &sb) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		strbuf_free(&sb);
		return -1;
	}
	savefile_stamp_data(sb.data != NULL ? sb.data : "", sb.len, st);
	st->mtime = sbuf.st_mtim;
	strbuf_free(&sb);
	return 0;
}

bool
savefile_changed(const char *path, const struct savefile_stamp *st)
{
	struct savefile_stamp now;
	char *cause = NULL;

	if (savefile_stamp_file(path, &now, &cause) == -1) {
		free(cause);
		return true;
	}
	if (now.exists != st->exists)
		return true;
	return now.exists && (now.size != st->size || now.hash != st->hash);
}

static int
savefile_write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * The older backups move one along (FILE~ to FILE~2, ..., the oldest
 * dropped), then FILE~ becomes the current FILE: a hard link, or a copy
 * where none.
 */
static int
savefile_keep_backup(const char *target, const char *backup, mode_t mode)
{
	struct strbuf sb = STRBUF_INIT;
	char *older, *newer;
	int fd, rc, i;

	for (i = SAVEFILE_BACKUPS; i > 1; i--) {
		older = xasprintf("%s%d", backup, i);
		newer = i > 2 ? xasprintf("%s%d", backup, i - 1) :
		    xstrdup(backup);
		rc = rename(newer, older);
		free(older);
		free(newer);
		if (rc == -1 && errno != ENOENT)
			return -1;
	}
	if (unlink(backup) == -1 && errno != ENOENT)
		return -1;
	if (link(target, backup) == 0)
		return 0;
	if (savefile_read_all(target, &sb) == -1) {
		strbuf_free(&sb);
		return -1;
	}
	fd = open(backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	rc = fd == -1 || savefile_write_all(fd, sb.data != NULL ? sb.data : "",
	    sb.len) == -1 || fsync(fd) == -1 ? -1 : 0;
	if (fd != -1 && close(fd) == -1)
		rc = -1;
	strbuf_free(&sb);
	return rc;
}

int
savefile_write(const char *path, const char *data, size_t len, char **cause)
{
	char *real, *target, *dircopy, *basecopy, *dir, *tmp, *backup = NULL;
	const char *what = "cannot create a temporary file";
	struct stat st;
	bool exists;
	mode_t mode, mask;
	int fd, dfd, saved, rc = -1;

	/* A symbolic link stays one: its target is what gets replaced. */
	real = realpath(path, NULL);
	target = real != NULL ? real : xstrdup(path);
	dircopy = xstrdup(target);
	basecopy = xstrdup(target);
	dir = dirname(dircopy);
	tmp = xasprintf("%s/.%s.XXXXXX", dir, basename(basecopy));
	exists = stat(target, &st) == 0;
	if (exists)
		mode = st.st_mode & 07777;
	else {
		mask = umask(022);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		goto fail;
	}
	what = "cannot write";
	if (fchmod(fd, mode) == -1 || savefile_write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		goto fail;
	}
	if (close(fd) == -1) {
		saved = errno;
		unlink(tmp);
		goto fail;
	}
	if (exists) {
		what = "cannot keep the previous version";
		backup = xasprintf("%s~", target);
		if (savefile_keep_backup(target, backup, mode) == -1) {
			saved = errno;
			unlink(tmp);
			goto fail;
		}
	}
	what = "cannot replace";
	if (rename(tmp, target) == -1) {
		saved = errno;
		unlink(tmp);
		goto fail;
	}
	/* The rename itself must reach the disk. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
	goto out;
fail:
	*cause = xasprintf("%s: %s: %s (the file is unchanged)", path, what,
	    strerror(saved));
out:
	free(real != NULL ? real : target);
	free(dircopy);
	free(basecopy);
	free(tmp);
	free(backup);
	return rc;
}

/* Makes the directories above PATH. */
static void
savefile_mkdirs(const char *path)
{
	char *dir = xstrdup(path), *slash;

	for (slash = strchr(dir + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			break;
		*slash = '/';
	}
	free(dir);
}

int
savefile_copy_new(const char *from, const char *to, const char *what,
    char **cause)
{
	char *text;
	size_t len;
	FILE *out;
	bool ok;

	savefile_mkdirs(to);
	if ((text = savefile_read(from, &len, cause)) == NULL)
		return -1;
	/* "x": never over a file that appeared meanwhile. */
	out = fopen(to, "wbx");
	ok = out != NULL && fwrite(text, 1, len, out) == len;
	if (out != NULL && fclose(out) != 0)
		ok = false;
	free(text);
	if (!ok) {
		*cause = xasprintf("cannot copy %s to %s: %s", what, to,
		    strerror(errno));
		if (out != NULL)
			unlink(to);
		return -1;
	}
	return 0;
}
