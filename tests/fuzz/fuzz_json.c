/*
 * fuzz_json: any bytes through the JSON string writer.  The output must be
 * one strict JSON string, safe to print raw, and must decode (as jq -r
 * would) to exactly the sanitised input, which is itself terminal-safe.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "json.h"
#include "text.h"

/* Hex value of the four digits at S (already validated). */
static unsigned
fuzz_hex4(const char *s)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v = (v << 4) | (unsigned)(c <= '9' ? c - '0' :
		    (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* Decodes a validated JSON string literal into OUT (at least LEN bytes). */
static size_t
fuzz_unescape(const char *s, size_t len, char *out)
{
	size_t i, n = 0;
	unsigned cp;

	for (i = 1; i + 1 < len; i++) {
		if (s[i] != '\\') {
			out[n++] = s[i];
			continue;
		}
		switch (s[++i]) {
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'u':
			cp = fuzz_hex4(s + i + 1);
			i += 4;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (fuzz_hex4(s + i + 3) - 0xdc00);
				i += 6;
			}
			if (cp < 0x80)
				out[n++] = (char)cp;
			else if (cp < 0x800) {
				out[n++] = (char)(0xc0 | (cp >> 6));
				out[n++] = (char)(0x80 | (cp & 0x3f));
			} else if (cp < 0x10000) {
				out[n++] = (char)(0xe0 | (cp >> 12));
				out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
				out[n++] = (char)(0x80 | (cp & 0x3f));
			} else {
				out[n++] = (char)(0xf0 | (cp >> 18));
				out[n++] = (char)(0x80 | ((cp >> 12) & 0x3f));
				out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
				out[n++] = (char)(0x80 | (cp & 0x3f));
			}
			break;
		default:
			out[n++] = s[i];
		}
	}
	return n;
}

/* Writes IN as a JSON string and checks what comes out. */
static void
fuzz_check_string(const char *in, size_t len, int cstr)
{
	char *buf = NULL, *decoded, *want;
	size_t size = 0, n, wantlen;
	FILE *fp;

	fp = open_memstream(&buf, &size);
	FUZZ_ASSERT(fp != NULL);
	if (cstr)
		json_cstr(fp, in);
	else
		json_string(fp, in, len);
	FUZZ_ASSERT(fclose(fp) == 0);

	FUZZ_CHECK(inv_json(buf, size));
	FUZZ_CHECK(inv_terminal_safe(buf, size));
	FUZZ_ASSERT(size >= 2 && buf[0] == '"');

	decoded = malloc(size);
	FUZZ_ASSERT(decoded != NULL);
	n = fuzz_unescape(buf, size, decoded);
	FUZZ_CHECK(inv_terminal_safe(decoded, n));
	want = text_sanitize(in, len, &wantlen);
	FUZZ_ASSERT(n == wantlen && memcmp(decoded, want, n) == 0);
	free(want);
	free(decoded);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cstr;

	fuzz_check_string((const char *)data, size, 0);

	cstr = malloc(size + 1);
	FUZZ_ASSERT(cstr != NULL);
	memcpy(cstr, data, size);
	cstr[size] = '\0';
	fuzz_check_string(cstr, strlen(cstr), 1);
	free(cstr);
	return 0;
}
