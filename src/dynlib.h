/*
 * dynlib: a shared library loaded (dlopen) the first time a feature needs
 * it, not linked at start-up: libcurl for URLs (curlapi.h), libxml2 for
 * feeds (xmlapi.h).  Each gives its functions a table of its own; this
 * opens the library, finds each symbol, and words why a library could not
 * serve, the same way for both.
 *
 * The caller owns the struct dynlib (a static one: the library stays
 * loaded for the rest of the run once usable) and loads it once
 * (pthread_once).
 */
#ifndef PARALLAX_DYNLIB_H
#define PARALLAX_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

struct dynlib {
	/* Set by the caller. */
	const char *name;	/* "libcurl", for messages */
	const char *env;	/* a variable naming another file to load */
	const char *soname;	/* the file loaded when ENV is unset */
	const char *needed_for;	/* "fetching URLs" */
	const char *package;	/* the Debian package that installs it */
	const char *version;	/* the oldest version with every symbol */

	/* Set here. */
	void *handle;		/* dlopen's, or NULL */
	const char *file;	/* the file loaded: ENV's or SONAME */
	char why[512];		/* why it cannot serve, once it cannot */
};

/* Loads LIB's file; false, with LIB->why set, when it cannot be loaded. */
bool dynlib_open(struct dynlib *lib);

/* Finds NAME into *FN, a pointer of SIZE bytes; false, with LIB->why set,
 * when the library has no such symbol. */
bool dynlib_symbol(struct dynlib *lib, const char *name, void *fn,
    size_t size);

/* Lets go of a library found unusable (LIB->why says why). */
void dynlib_close(struct dynlib *lib);

#endif
