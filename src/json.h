/*
 * json: the small JSON writer the exporters share.  Strings are sanitised
 * (text.h) before escaping, so no control character reaches a terminal even
 * through `jq -r`.  Writes to a stdio stream; owns nothing.
 */
#ifndef PARALLAX_JSON_H
#define PARALLAX_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Writes S (LEN bytes of any encoding) as a quoted JSON string. */
void json_string(FILE *fp, const char *s, size_t len);

/* Writes S as a JSON string, or null when S is NULL. */
void json_cstr(FILE *fp, const char *s);

#endif
