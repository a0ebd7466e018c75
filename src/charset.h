/*
 * charset: a web page's bytes as UTF-8, decoded with iconv.  Which
 * encoding: a byte order mark, else the one the transport declared (an
 * HTTP Content-Type), else the page's own declaration (<meta charset>,
 * http-equiv Content-Type, the XML declaration) in its first bytes, else
 * UTF-8 when the bytes are valid UTF-8, else windows-1252.  ISO-8859-1
 * and US-ASCII are read as windows-1252 (as browsers do), and a page
 * whose 8-bit declaration lies about bytes that are valid UTF-8 is read
 * as UTF-8, one declared UTF-8 that is not as windows-1252.
 */
#ifndef PARALLAX_CHARSET_H
#define PARALLAX_CHARSET_H

#include <stddef.h>

/* The longest encoding name kept. */
#define CHARSET_NAME_MAX 40

/*
 * The encoding the page declares in its first bytes, copied into NAME
 * (CHARSET_NAME_MAX + 1 bytes, lower case); returns NAME, or NULL.
 */
const char *charset_declared(const char *buf, size_t len, char *name);

/*
 * Decodes BUF (LEN bytes) to UTF-8 as above.  DECLARED is the transport's
 * charset or NULL.  Bytes the encoding cannot decode become U+FFFD.
 * Returns an allocated, NUL-terminated string the caller frees, its
 * length in *OUTLEN; *USED (when not NULL) is set to a static name of the
 * encoding read.
 */
char *charset_decode(const char *buf, size_t len, const char *declared,
    size_t *outlen, const char **used);

#endif
