/*
 * paths: where parallax finds its files.  Every function returns an
 * allocated path the caller frees.
 */
#ifndef PARALLAX_PATHS_H
#define PARALLAX_PATHS_H

#include <stdbool.h>

/*
 * The taxonomy to use: OPTION (--taxonomy) when given, else
 * $PARALLAX_TAXONOMY, else the user's file when it exists, else the
 * default.  *is_default tells whether the shipped default was chosen.
 */
char *paths_taxonomy(const char *option, bool *is_default);

/* $XDG_CONFIG_HOME/parallax/taxonomy.yaml, or ~/.config/parallax/... */
char *paths_user_taxonomy(void);

/* The shipped default taxonomy (in-tree when run from the build tree). */
char *paths_default_taxonomy(void);

/* The outlets file, searched like the taxonomy: OPTION (--outlets),
 * $PARALLAX_OUTLETS, $XDG_CONFIG_HOME/parallax/outlets.yaml, the default. */
char *paths_outlets(const char *option, bool *is_default);
char *paths_user_outlets(void);

/*
 * newsboat's cache: $XDG_DATA_HOME/newsboat/cache.db (XDG_DATA_HOME
 * defaulting to ~/.local/share) when it exists, else ~/.newsboat/cache.db
 * when that exists, else the first, for the message saying it is missing.
 */
char *paths_newsboat_cache(void);

/*
 * PATH as shown to a person in at most MAXW columns: HOME (when not NULL
 * or empty) as "~", then whole leading directories dropped for ELLIPSIS
 * (counted as one column) and "/" until it fits; the file name is kept
 * whole even when it alone is wider.
 */
char *paths_shorten(const char *path, const char *home, const char *ellipsis,
    size_t maxw);

/* The bundled sample story directory. */
char *paths_sample_dir(void);

#endif
