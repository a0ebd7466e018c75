/* dynlib: a shared library loaded when first needed (see dynlib.h). */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"

bool
dynlib_open(struct dynlib *lib)
{
	const char *err;

	lib->file = getenv(lib->env);
	if (lib->file == NULL || lib->file[0] == '\0')
		lib->file = lib->soname;
	/* RTLD_NOW: a missing symbol is found here, not in the middle of
	 * a transfer or a parse. */
	lib->handle = dlopen(lib->file, RTLD_NOW | RTLD_LOCAL);
	if (lib->handle == NULL) {
		err = dlerror();
		snprintf(lib->why, sizeof lib->why,
		    "cannot load %s, which %s needs (%s): install the Debian "
		    "package %s", lib->name, lib->needed_for, err != NULL ?
		    err : lib->file, lib->package);
		return false;
	}
	return true;
}

bool
dynlib_symbol(struct dynlib *lib, const char *name, void *fn, size_t size)
{
	void *sym;

	dlerror();
	sym = dlsym(lib->handle, name);
	if (sym == NULL) {
		snprintf(lib->why, sizeof lib->why,
		    "%s has no %s: %s %s or later is needed", lib->file, name,
		    lib->name, lib->version);
		return false;
	}
	/* POSIX: a data pointer from dlsym converts to a function
	 * pointer; copied bytewise, as ISO C has no such cast. */
	memcpy(fn, &sym, size);
	return true;
}

void
dynlib_close(struct dynlib *lib)
{
	dlclose(lib->handle);
	lib->handle = NULL;
}
