#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curlapi.h"

static pthread_once_t curlapi_once = PTHREAD_ONCE_INIT;
static struct curlapi curlapi_table;
static const struct curlapi *curlapi_loaded;
static char curlapi_why[512];

/* Each function of the table with the symbol it is found by. */
#define CURLAPI_FUNCTIONS(X) \
	X(easy_init, curl_easy_init) \
	X(easy_setopt, curl_easy_setopt) \
	X(easy_getinfo, curl_easy_getinfo) \
	X(easy_strerror, curl_easy_strerror) \
	X(easy_cleanup, curl_easy_cleanup) \
	X(multi_init, curl_multi_init) \
	X(multi_setopt, curl_multi_setopt) \
	X(multi_add_handle, curl_multi_add_handle) \
	X(multi_remove_handle, curl_multi_remove_handle) \
	X(multi_perform, curl_multi_perform) \
	X(multi_info_read, curl_multi_info_read) \
	X(multi_poll, curl_multi_poll) \
	X(multi_cleanup, curl_multi_cleanup) \
	X(slist_append, curl_slist_append) \
	X(slist_free_all, curl_slist_free_all)

/* Finds NAME in LIB (loaded from FILE) into *FN, a function pointer of
 * SIZE bytes; false, with the reason kept, if it is absent. */
static bool
curlapi_symbol(void *lib, const char *file, const char *name, void *fn,
    size_t size)
{
	void *sym;

	dlerror();
	sym = dlsym(lib, name);
	if (sym == NULL) {
		snprintf(curlapi_why, sizeof curlapi_why,
		    "%s has no %s: libcurl 7.85 or later is needed", file,
		    name);
		return false;
	}
	/* POSIX: a data pointer from dlsym converts to a function
	 * pointer; copied bytewise, as ISO C has no such cast. */
	memcpy(fn, &sym, size);
	return true;
}

static void
curlapi_load(void)
{
	const char *file = getenv("PARALLAX_LIBCURL");
	CURLcode (*global_init)(long flags);
	const char *err;
	void *lib;

	if (file == NULL || file[0] == '\0')
		file = CURLAPI_SONAME;
	/* RTLD_NOW: a missing symbol is found here, not mid-transfer. */
	lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL) {
		err = dlerror();
		snprintf(curlapi_why, sizeof curlapi_why,
		    "cannot load libcurl, which fetching URLs needs (%s): "
		    "install the Debian package libcurl4", err != NULL ? err :
		    file);
		return;
	}
	/* A library that is not a usable libcurl is let go again. */
#define CURLAPI_FIND(field, symbol) \
	if (!curlapi_symbol(lib, file, #symbol, &curlapi_table.field, \
	    sizeof curlapi_table.field)) \
		goto unusable;
	CURLAPI_FUNCTIONS(CURLAPI_FIND)
#undef CURLAPI_FIND
	if (!curlapi_symbol(lib, file, "curl_global_init", &global_init,
	    sizeof global_init))
		goto unusable;
	if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(curlapi_why, sizeof curlapi_why,
		    "%s cannot start (curl_global_init failed)", file);
		goto unusable;
	}
	curlapi_loaded = &curlapi_table;
	return;
unusable:
	dlclose(lib);
}

const struct curlapi *
curlapi_get(const char **why)
{
	pthread_once(&curlapi_once, curlapi_load);
	if (curlapi_loaded == NULL)
		*why = curlapi_why;
	return curlapi_loaded;
}
