/*
 * stem: English word stems (Snowball's Porter2, through libstemmer), so
 * that "deployed", "deploys" and "deploying" compare equal.
 *
 * A stem object owns its libstemmer instance and is not thread-safe; the
 * string stem_word returns belongs to it and lives until the next call.
 */
#ifndef PARALLAX_STEM_H
#define PARALLAX_STEM_H

#include <stddef.h>

struct stem;

struct stem *stem_new(void);

/* Stems WORD (LEN bytes of lower-case UTF-8); sets *outlen. */
const char *stem_word(struct stem *stem, const char *word, size_t len,
    size_t *outlen);

void stem_free(struct stem *stem);

#endif
