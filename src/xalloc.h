/*
 * xalloc: allocation that never returns NULL.  Out of memory is fatal: the
 * registered hook runs first (the UI uses it to restore the terminal), then
 * a one-line message and abort().
 */
#ifndef PARALLAX_XALLOC_H
#define PARALLAX_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*xalloc_fatal_hook)(void);

void xalloc_set_fatal_hook(xalloc_fatal_hook hook);

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
/*
 * Makes *BUF (of *CAP elements of SIZE bytes) hold NEED, doubling from 64:
 * for buffers that grow by appending and are reused.  Inline, because hot
 * loops call it for every element they append and it rarely has work.
 */
void xgrow_to(void **buf, size_t *cap, size_t need, size_t size);

static inline void
xgrow(void **buf, size_t *cap, size_t need, size_t size)
{
	if (need > *cap)
		xgrow_to(buf, cap, need, size);
}

char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* Frees the N strings of LIST, then LIST. */
void xfree_strings(char **list, size_t n);

/* A broken invariant: run the hook, print, abort. */
_Noreturn void fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif
