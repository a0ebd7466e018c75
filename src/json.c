#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "json.h"
#include "text.h"

/* Text already sanitised (sentences) is common: skip the copy for it. */
static bool
json_is_clean(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7f)
			return false;
	}
	return true;
}

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

	if (json_is_clean(s, len)) {
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
