/* stem: a thin wrapper over libstemmer's English stemmer. */
#include "config.h"

#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

#include "stem.h"
#include "xalloc.h"

struct stem {
	struct sb_stemmer *sb;
};

struct stem *
stem_new(void)
{
	struct stem *stem = xmalloc(sizeof *stem);

	stem->sb = sb_stemmer_new("english", "UTF_8");
	if (stem->sb == NULL)
		fatal("libstemmer has no English stemmer");
	return stem;
}

const char *
stem_word(struct stem *stem, const char *word, size_t len, size_t *outlen)
{
	const sb_symbol *out;

	if (len > INT_MAX) {
		*outlen = len;
		return word;
	}
	out = sb_stemmer_stem(stem->sb, (const sb_symbol *)word, (int)len);
	if (out == NULL)
		fatal("out of memory in libstemmer");
	*outlen = (size_t)sb_stemmer_length(stem->sb);
	return (const char *)out;
}

void
stem_free(struct stem *stem)
{
	if (stem == NULL)
		return;
	sb_stemmer_delete(stem->sb);
	free(stem);
}
