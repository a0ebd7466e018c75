#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"
#include "xalloc.h"

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;

	if (want <= sb->cap)
		return;
	if (want < sb->len)
		fatal("string too long");
	sb->cap = sb->cap < 64 ? 64 : sb->cap;
	while (sb->cap < want)
		sb->cap *= 2;
	sb->data = xreallocarray(sb->data, sb->cap, 1);
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_grow(sb, len);
	if (len != 0)
		memcpy(sb->data + sb->len, s, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		fatal("bad format string: %s", fmt);
	strbuf_grow(sb, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)len + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)len;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *p;

	if (sb->data == NULL)
		strbuf_grow(sb, 0), sb->data[0] = '\0';
	p = sb->data;
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

int
strbuf_read_fd(struct strbuf *sb, int fd, size_t cap)
{
	ssize_t got;

	for (;;) {
		strbuf_grow(sb, 65536);
		got = read(fd, sb->data + sb->len, 65536);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		sb->len += (size_t)got;
		sb->data[sb->len] = '\0';
		if (sb->len > cap)
			break;
	}
	return got == -1 ? -1 : 0;
}
