/* watch: a fingerprint of the files and directories sources come from. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fetch.h"
#include "fnv.h"
#include "watch.h"

/* One entry: its name and what stat says of it (nothing: it is gone). */
static uint64_t
watch_entry(const char *name, const struct stat *st)
{
	uint64_t h = fnv_bytes(FNV_BASIS, name, strlen(name) + 1);
	int64_t f[4];

	if (st == NULL)
		return h;
	f[0] = (int64_t)st->st_size;
	f[1] = (int64_t)st->st_mtim.tv_sec;
	f[2] = (int64_t)st->st_mtim.tv_nsec;
	f[3] = (int64_t)st->st_ino;
	return fnv_bytes(h, f, sizeof f);
}

/* A directory's entries, summed so that the order readdir gives them in
 * does not count. */
static uint64_t
watch_directory(const char *path)
{
	struct dirent *de;
	struct stat st;
	uint64_t sum = 0;
	DIR *dir;
	int fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return 0;
	if ((dir = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while ((de = readdir(dir)) != NULL) {
		/* Hidden files (an editor's swap file) are never sources. */
		if (de->d_name[0] == '.')
			continue;
		sum += watch_entry(de->d_name, fstatat(fd, de->d_name, &st, 0)
		    == 0 ? &st : NULL);
	}
	closedir(dir);
	return sum;
}

uint64_t
watch_fingerprint(char *const *paths, size_t npaths)
{
	struct stat st;
	uint64_t h = FNV_BASIS, e;
	size_t i;
	const char *path;

	for (i = 0; i < npaths; i++) {
		path = paths[i];
		if (strcmp(path, "-") == 0 || fetch_is_url(path))
			continue;
		if (strncmp(path, "file://", 7) == 0)
			path += 7;
		/* A directory is its entries: its own times change with a
		 * hidden file's too. */
		if (stat(path, &st) != 0)
			e = watch_entry(path, NULL);
		else if (S_ISDIR(st.st_mode))
			e = watch_entry(path, NULL) + watch_directory(path);
		else
			e = watch_entry(path, &st);
		h = fnv_bytes(h, &e, sizeof e);
	}
	return h;
}
