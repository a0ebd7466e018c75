#include "config.h"

#include <stdint.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "entity.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Longer references are no entity's: "&" plus a name and ";". */
#define ENTITY_MAX 32

uint32_t
entity_named(const char *name, size_t len)
{
	const htmlEntityDesc *e;
	char z[ENTITY_MAX];

	if (len == 0 || len >= sizeof z)
		return 0;
	memcpy(z, name, len);
	z[len] = '\0';
	e = htmlEntityLookup((const xmlChar *)z);
	return e != NULL ? e->value : 0;
}

void
entity_append(struct strbuf *sb, const char *s, size_t len)
{
	uint32_t cp = 0;
	size_t i;
	int base = 10;

	if (len < 3 || len >= ENTITY_MAX || s[0] != '&' || s[len - 1] != ';')
		goto raw;
	if (s[1] == '#') {
		i = 2;
		if (s[2] == 'x' || s[2] == 'X') {
			base = 16;
			i = 3;
		}
		if (i >= len - 1)
			goto raw;
		for (; i < len - 1; i++) {
			char ch = s[i];
			uint32_t v = ch >= '0' && ch <= '9' ? (uint32_t)(ch - '0') :
			    ch >= 'a' && ch <= 'f' ? (uint32_t)(ch - 'a' + 10) :
			    ch >= 'A' && ch <= 'F' ? (uint32_t)(ch - 'A' + 10) : 99;

			if (v >= (uint32_t)base)
				goto raw;
			if (cp <= 0x10ffff)
				cp = cp * (uint32_t)base + v;
		}
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			cp = 0xfffd;	/* no character */
		text_add_cp(sb, (int32_t)cp);
		return;
	}
	if ((cp = entity_named(s + 1, len - 2)) != 0) {
		text_add_cp(sb, (int32_t)cp);
		return;
	}
raw:
	strbuf_add(sb, s, len);
}

char *
entity_decode(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *amp, *semi;

	strbuf_add(&sb, "", 0);
	while ((amp = strchr(s, '&')) != NULL) {
		strbuf_add(&sb, s, (size_t)(amp - s));
		semi = strchr(amp, ';');
		if (semi == NULL || semi - amp > 31) {
			strbuf_addch(&sb, '&');
			s = amp + 1;
			continue;
		}
		entity_append(&sb, amp, (size_t)(semi - amp) + 1);
		s = semi + 1;
	}
	strbuf_addstr(&sb, s);
	return strbuf_detach(&sb);
}
