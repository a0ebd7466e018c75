/*
 * curlapi: libcurl, loaded (dlopen) the first time a URL is fetched
 * instead of linked.  Linked, libcurl and the thirty-odd libraries it
 * brings (TLS, Kerberos, LDAP, SSH, IDN) made the dynamic linker resolve
 * about 9,000 more symbols before main on every run, fetching or not:
 * most of parallax's start-up.  Owns the library, loaded once for the
 * process and never unloaded, and the table of the functions fetch calls.
 */
#ifndef PARALLAX_CURLAPI_H
#define PARALLAX_CURLAPI_H

#include <curl/curl.h>

struct curlapi {
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *easy, CURLoption option, ...);
	CURLcode (*easy_getinfo)(CURL *easy, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode code);
	void (*easy_cleanup)(CURL *easy);
	CURLM *(*multi_init)(void);
	CURLMcode (*multi_setopt)(CURLM *multi, CURLMoption option, ...);
	CURLMcode (*multi_add_handle)(CURLM *multi, CURL *easy);
	CURLMcode (*multi_remove_handle)(CURLM *multi, CURL *easy);
	CURLMcode (*multi_perform)(CURLM *multi, int *running);
	CURLMsg *(*multi_info_read)(CURLM *multi, int *left);
	CURLMcode (*multi_poll)(CURLM *multi, struct curl_waitfd extra[],
	    unsigned int nextra, int timeout_ms, int *numfds);
	CURLMcode (*multi_cleanup)(CURLM *multi);
	struct curl_slist *(*slist_append)(struct curl_slist *list,
	    const char *s);
	void (*slist_free_all)(struct curl_slist *list);
};

/* The library to load: $PARALLAX_LIBCURL when set, else libcurl's
 * soname. */
#define CURLAPI_SONAME "libcurl.so.4"

/*
 * libcurl's functions, the library loaded and set up (curl_global_init)
 * the first time; from any thread.  NULL when it cannot be loaded, with
 * *WHY (never NULL then, the module's) saying so in one line, the same
 * every call.
 */
const struct curlapi *curlapi_get(const char **why);

#endif
