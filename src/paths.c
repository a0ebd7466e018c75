#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "text.h"
#include "xalloc.h"

static bool
paths_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* True when this executable lives in the build tree, so uninstalled runs
 * use the in-tree config/ rather than a stale or missing install. */
static bool
paths_running_from_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t blen = strlen(ABS_BUILDDIR);

	if (n <= 0)
		return false;
	exe[n] = '\0';
	return strncmp(exe, ABS_BUILDDIR, blen) == 0 && exe[blen] == '/';
}

static char *
paths_data(const char *name)
{
	if (paths_running_from_build_tree())
		return xasprintf("%s/config/%s", ABS_SRCDIR, name);
	return xasprintf("%s/%s", PKGDATADIR, name);
}

/* NAME in the user's configuration directory. */
static char *
paths_user_file(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/parallax/%s", xdg, name);
	if (home == NULL || home[0] == '\0')
		home = ".";
	return xasprintf("%s/.config/parallax/%s", home, name);
}

/* OPTION, else $ENV, else the user's NAME when it exists, else the
 * shipped NAME. */
static char *
paths_find(const char *option, const char *env, const char *name,
    bool *is_default)
{
	const char *value = getenv(env);
	char *user;

	*is_default = false;
	if (option != NULL)
		return xstrdup(option);
	if (value != NULL && value[0] != '\0')
		return xstrdup(value);
	user = paths_user_file(name);
	if (paths_exists(user))
		return user;
	free(user);
	*is_default = true;
	return paths_data(name);
}

char *
paths_user_taxonomy(void)
{
	return paths_user_file("taxonomy.yaml");
}

char *
paths_user_outlets(void)
{
	return paths_user_file("outlets.yaml");
}

char *
paths_default_taxonomy(void)
{
	return paths_data("taxonomy.yaml");
}

char *
paths_shorten(const char *path, const char *home, const char *ellipsis,
    size_t maxw)
{
	size_t hlen = home != NULL ? strlen(home) : 0;
	const char *rest, *slash;
	char *tilde, *out;

	/* $HOME itself (not a longer name beginning with it) becomes ~. */
	if (hlen > 1 && strncmp(path, home, hlen) == 0 &&
	    (path[hlen] == '/' || path[hlen] == '\0'))
		tilde = xasprintf("~%s", path + hlen);
	else
		tilde = xstrdup(path);
	if (text_width(tilde, strlen(tilde)) <= maxw ||
	    strchr(tilde + 1, '/') == NULL)
		return tilde;
	/* Drop directories from the left: the file's own name matters most. */
	rest = tilde;
	while ((slash = strchr(rest + 1, '/')) != NULL) {
		rest = slash;
		if (1 + text_width(rest, strlen(rest)) <= maxw)
			break;
	}
	out = xasprintf("%s%s", ellipsis, rest);
	free(tilde);
	return out;
}

char *
paths_sample_dir(void)
{
	return paths_data("sample");
}

char *
paths_taxonomy(const char *option, bool *is_default)
{
	return paths_find(option, "PARALLAX_TAXONOMY", "taxonomy.yaml",
	    is_default);
}

char *
paths_outlets(const char *option, bool *is_default)
{
	return paths_find(option, "PARALLAX_OUTLETS", "outlets.yaml",
	    is_default);
}

char *
paths_newsboat_cache(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *data, *dot;

	if (home == NULL || home[0] == '\0')
		home = ".";
	data = xdg != NULL && xdg[0] == '/' ?
	    xasprintf("%s/newsboat/cache.db", xdg) :
	    xasprintf("%s/.local/share/newsboat/cache.db", home);
	if (paths_exists(data))
		return data;
	/* newsboat's older place, which it still uses when it exists. */
	dot = xasprintf("%s/.newsboat/cache.db", home);
	if (paths_exists(dot)) {
		free(data);
		return dot;
	}
	free(dot);
	return data;
}
