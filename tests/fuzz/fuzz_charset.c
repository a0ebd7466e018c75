/*
 * fuzz_charset: any bytes decoded as a web page's text, the first byte
 * choosing the charset a transport would declare.  The result is as long
 * as it says and NUL-terminated; decoded through iconv it is valid UTF-8;
 * a valid UTF-8 page with no declaration comes back unchanged; and the
 * declaration found in the bytes is a short lower-case name.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "fuzz.h"
#include "text.h"

static const char *const fuzz_charsets[] = {
	NULL, "utf-8", "windows-1252", "ISO-8859-1", "UTF-16", "utf-16be",
	"euc-kr", "x-bogus",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char declared[CHARSET_NAME_MAX + 1];
	const char *charset, *used, *found;
	char *out;
	size_t n, i;

	if (size == 0)
		return 0;
	charset = fuzz_charsets[data[0] % (sizeof fuzz_charsets /
	    sizeof fuzz_charsets[0])];
	data++;
	size--;
	found = charset_declared((const char *)data, size, declared);
	if (found != NULL) {
		FUZZ_ASSERT(found == declared);
		FUZZ_ASSERT(strlen(found) > 0 &&
		    strlen(found) <= CHARSET_NAME_MAX);
		for (i = 0; found[i] != '\0'; i++)
			FUZZ_ASSERT(!(found[i] >= 'A' && found[i] <= 'Z'));
	}
	out = charset_decode((const char *)data, size, charset, &n, &used);
	FUZZ_ASSERT(out != NULL && used != NULL);
	FUZZ_ASSERT(out[n] == '\0');
	if (strcmp(used, "UTF-8") != 0)
		FUZZ_ASSERT(text_is_valid_utf8(out, n));
	if (charset == NULL && found == NULL && size >= 2 &&
	    text_is_valid_utf8((const char *)data, size) &&
	    memcmp(data, "\xef\xbb\xbf", size < 3 ? size : 3) != 0 &&
	    memcmp(data, "\xff\xfe", 2) != 0 && memcmp(data, "\xfe\xff", 2) != 0)
		FUZZ_ASSERT(n == size && memcmp(out, data, n) == 0);
	free(out);
	return 0;
}
