#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dateline.h"
#include "text.h"

static bool
dateline_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The case of the letter at S[*pos]: 'U', 'L', or 0 for a non-letter.
 * Advances *pos. */
static int
dateline_case_at(const char *s, size_t len, size_t *pos)
{
	int32_t cp = text_decode(s, len, pos);

	if (cp < 0)
		return 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 'U';
	case UTF8PROC_CATEGORY_LL:
		return 'L';
	default:
		return 0;
	}
}

/* Length of a separator ("—", "–", "-", "--", ":") at S[I], or 0. */
static size_t
dateline_sep(const char *s, size_t len, size_t i)
{
	if (i + 3 <= len && (memcmp(s + i, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s + i, "\xe2\x80\x93", 3) == 0))
		return 3;
	if (i + 2 <= len && memcmp(s + i, "--", 2) == 0)
		return 2;
	if (i < len && (s[i] == '-' || s[i] == ':'))
		return 1;
	return 0;
}

size_t
dateline_find(const char *s, size_t len, char **dateline)
{
	size_t i, pos, words = 0, letters, upper = 0, end = 0, n, q;
	bool agency = false, sep = false, caps = true;

	/* The place: capitalised words, in capitals unless an agency and a
	 * dash follow ("Kyiv (Reuters) -"). */
	for (;;) {
		size_t w = words == 0 ? 0 : end + 1;
		bool ok = true;
		int c;

		if (words > 0 && (end >= len || s[end] != ' '))
			break;
		pos = w;
		letters = 0;
		while (pos < len && !dateline_is_space(s[pos]) &&
		    s[pos] != ',' && s[pos] != '(') {
			size_t at = pos;

			if ((c = dateline_case_at(s, len, &pos)) == 'U')
				letters++;
			else if (c == 'L' && letters > 0)
				caps = false;
			else if (s[at] == '.' || s[at] == '\'' || s[at] == '-')
				pos = at + 1;
			else {
				ok = false;
				break;
			}
		}
		if (!ok || letters == 0)
			break;
		words++;
		upper += letters;
		end = pos;
		if (pos < len && (s[pos] == ',' || s[pos] == '('))
			break;
	}
	i = end;
	if (words == 0 || words > 4 || (caps && upper < 3))
		return 0;
	/* ", Feb 12" or ", Ukraine": short, up to the agency or the dash. */
	if (i < len && s[i] == ',') {
		for (q = i + 1; q < len && q - i <= 40 && s[q] != '(' &&
		    dateline_sep(s, len, q) == 0; q++)
			;
		if (q - i > 40)
			return 0;
		while (q > i && s[q - 1] == ' ')
			q--;
		i = end = q;
	}
	pos = i;
	while (pos < len && s[pos] == ' ')
		pos++;
	if (pos < len && s[pos] == '(') {
		for (q = pos + 1; q < len && q - pos <= 30 && s[q] != ')'; q++) {
			if (strchr(",;!?\"", s[q]) != NULL)
				break;
		}
		if (q < len && s[q] == ')') {
			agency = true;
			i = end = q + 1;
		}
	}
	pos = i;
	while (pos < len && s[pos] == ' ')
		pos++;
	if ((n = dateline_sep(s, len, pos)) != 0 &&
	    (pos + n == len || s[pos + n] == ' ')) {
		sep = true;
		i = pos + n;
	}
	while (i < len && dateline_is_space(s[i]))
		i++;
	if (!caps && !(agency && sep))
		return 0;
	if (i < len) {
		/* Text follows: only a bracketed agency or a dash may part
		 * it from the place, and it must start like a sentence. */
		pos = i;
		if (!agency && !sep)
			return 0;
		if (dateline_case_at(s, len, &pos) != 'U' && !(s[i] >= '0' &&
		    s[i] <= '9') && !(s[i] == '"' ||
		    (len - i >= 3 && memcmp(s + i, "\xe2\x80\x9c", 3) == 0)))
			return 0;
	}
	*dateline = text_field(s, end);
	return i;
}
