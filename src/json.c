#include "config.h"

#include <stdlib.h>

#include "json.h"
#include "text.h"

static void
json_escaped(FILE *fp, const char *s, size_t len)
{
	size_t i;

	putc('"', fp);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (c < 0x20)
				fprintf(fp, "\\u%04x", c);
			else
				putc(c, fp);
		}
	}
	putc('"', fp);
}

void
json_string(FILE *fp, const char *s, size_t len)
{
	char *clean;
	size_t cleanlen;

	/* Sentence text is sanitised already: no second pass or copy. */
	if (text_is_clean(s, len)) {
		json_escaped(fp, s, len);
		return;
	}
	clean = text_sanitize(s, len, &cleanlen);
	json_escaped(fp, clean, cleanlen);
	free(clean);
}

void
json_cstr(FILE *fp, const char *s)
{
	size_t len = 0;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	while (s[len] != '\0')
		len++;
	json_string(fp, s, len);
}
