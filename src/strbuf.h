/*
 * strbuf: a growable byte string, always NUL-terminated.  The owner frees
 * `data` with strbuf_free, or takes it with strbuf_detach.
 */
#ifndef PARALLAX_STRBUF_H
#define PARALLAX_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const char *s, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Appends what FD gives until its end, or until more than CAP bytes are
 * held (one read past CAP, so the caller can tell "too large" apart from
 * "exactly CAP").  Returns 0, or -1 with errno set by read.
 */
int strbuf_read_fd(struct strbuf *sb, int fd, size_t cap);
void strbuf_reset(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

#endif
