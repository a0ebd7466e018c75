#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "curlapi.h"
#include "dynlib.h"

static pthread_once_t curlapi_once = PTHREAD_ONCE_INIT;
static struct curlapi curlapi_table;
static const struct curlapi *curlapi_loaded;
static struct dynlib curlapi_lib = {
	.name = "libcurl",
	.env = "PARALLAX_LIBCURL",
	.soname = CURLAPI_SONAME,
	.needed_for = "fetching URLs",
	.package = "libcurl4",
	.version = "7.85",
};

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

static void
curlapi_load(void)
{
	CURLcode (*global_init)(long flags);

	if (!dynlib_open(&curlapi_lib))
		return;
	/* A library that is not a usable libcurl is let go again. */
#define CURLAPI_FIND(field, symbol) \
	if (!dynlib_symbol(&curlapi_lib, #symbol, &curlapi_table.field, \
	    sizeof curlapi_table.field)) \
		goto unusable;
	CURLAPI_FUNCTIONS(CURLAPI_FIND)
#undef CURLAPI_FIND
	if (!dynlib_symbol(&curlapi_lib, "curl_global_init", &global_init,
	    sizeof global_init))
		goto unusable;
	if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(curlapi_lib.why, sizeof curlapi_lib.why,
		    "%s cannot start (curl_global_init failed)",
		    curlapi_lib.file);
		goto unusable;
	}
	curlapi_loaded = &curlapi_table;
	return;
unusable:
	dynlib_close(&curlapi_lib);
}

const struct curlapi *
curlapi_get(const char **why)
{
	pthread_once(&curlapi_once, curlapi_load);
	if (curlapi_loaded == NULL)
		*why = curlapi_lib.why;
	return curlapi_loaded;
}
