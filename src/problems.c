#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

void
problems_add(struct problems *pr, size_t line, size_t column,
    const char *fmt, ...)
{
	struct problem *p;
	va_list ap;
	char *raw;

	if (pr->n > PROBLEMS_MAX)
		return;
	if (pr->n == pr->cap) {
		pr->cap = pr->cap * 2 + 16;
		pr->list = xreallocarray(pr->list, pr->cap, sizeof *pr->list);
	}
	p = &pr->list[pr->n];
	p->line = line;
	p->column = column;
	p->seq = pr->n++;
	if (pr->n > PROBLEMS_MAX) {
		p->message = xstrdup("too many problems, stopping here");
		return;
	}
	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	/* Whatever a message quotes, it stays one printable line. */
	p->message = text_field(raw, strlen(raw));
	if (p->message == NULL)
		p->message = xstrdup("invalid value");
	free(raw);
}

static int
problems_cmp(const void *a, const void *b)
{
	const struct problem *pa = a, *pb = b;

	if (pa->line != pb->line)
		return pa->line < pb->line ? -1 : 1;
	if (pa->column != pb->column)
		return pa->column < pb->column ? -1 : 1;
	return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

char *
problems_format(struct problems *pr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (pr->n > 1)
		qsort(pr->list, pr->n, sizeof *pr->list, problems_cmp);
	for (i = 0; i < pr->n; i++)
		strbuf_addf(&sb, "%s:%zu:%zu: %s\n", pr->name,
		    pr->list[i].line, pr->list[i].column,
		    pr->list[i].message);
	return strbuf_detach(&sb);
}

void
problems_free(struct problems *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		free(pr->list[i].message);
	free(pr->list);
	pr->list = NULL;
	pr->n = pr->cap = 0;
}

char *
problems_quote(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, start;
	int32_t cp;

	strbuf_addch(&sb, '\'');
	while (i < len && i < 60) {
		start = i;
		cp = text_decode(s, len, &i);
		if (cp < 0) {
			for (; start < i; start++)
				strbuf_addf(&sb, "\\x%02x",
				    (unsigned char)s[start]);
		} else if (cp < 0x20 || cp == 0x7f)
			strbuf_addf(&sb, "\\x%02x", (unsigned)cp);
		else if ((cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			strbuf_addf(&sb, "\\u%04x", (unsigned)cp);
		else
			strbuf_add(&sb, s + start, i - start);
	}
	if (i < len)
		strbuf_addstr(&sb, "...");
	strbuf_addch(&sb, '\'');
	return strbuf_detach(&sb);
}
