#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "text.h"
#include "xalloc.h"

void
draft_init(struct draft *d)
{
	memset(d, 0, sizeof *d);
}

/* Length of the white space at S[I]: ASCII blanks and U+00A0, or 0. */
static size_t
draft_space_at(const char *s, size_t len, size_t i)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
	    s[i] == '\f' || s[i] == '\v')
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

void
draft_add(struct draft *d, const char *s, size_t len, bool heading)
{
	char *clean, *flat;
	size_t i, n, k, start, out = 0;
	bool space = false;

	flat = xmalloc(len + 1);
	for (i = 0; i < len; i += k) {
		if ((k = draft_space_at(s, len, i)) != 0) {
			space = out > 0;
			continue;
		}
		if (space)
			flat[out++] = ' ';
		space = false;
		flat[out++] = s[i];
		k = 1;
	}
	if (out == 0) {
		free(flat);
		return;
	}
	clean = text_sanitize(flat, out, &n);
	free(flat);
	/* Sanitising drops byte order marks, which may have stood between
	 * the spaces and the ends. */
	for (start = 0; start < n && clean[start] == ' '; start++)
		;
	while (n > start && clean[n - 1] == ' ')
		n--;
	if (n == start) {
		free(clean);
		return;
	}
	if (d->nparas == d->cap) {
		d->cap = d->cap == 0 ? 16 : d->cap * 2;
		d->paras = xreallocarray(d->paras, d->cap, sizeof *d->paras);
	}
	d->paras[d->nparas].start = d->text.len;
	strbuf_add(&d->text, clean + start, n - start);
	d->paras[d->nparas].end = d->text.len;
	d->paras[d->nparas].heading = heading;
	d->nparas++;
	strbuf_addch(&d->text, '\n');
	free(clean);
}

void
draft_drop_last(struct draft *d)
{
	d->text.len = d->paras[--d->nparas].start;
	d->text.data[d->text.len] = '\0';
}

void
draft_set(char **field, const char *s, size_t len)
{
	if (*field == NULL && s != NULL)
		*field = text_field(s, len);
}

size_t
draft_text_len(const struct draft *d)
{
	return d->text.len - d->nparas;
}

void
draft_free_paras(struct draft *d)
{
	strbuf_free(&d->text);
	free(d->paras);
	d->paras = NULL;
	d->nparas = d->cap = 0;
}

void
draft_free(struct draft *d)
{
	draft_free_paras(d);
	free(d->title);
	free(d->outlet);
	free(d->url);
	free(d->date);
	free(d->author);
	draft_init(d);
}
