/*
 * problems: what a loader finds wrong in one file, reported all together
 * as "FILE:LINE:COL: message" lines sorted by position.
 *
 * Each message is made one printable line whatever it quotes.  After
 * PROBLEMS_MAX problems one "too many problems, stopping here" ends the
 * list.  The list owns its messages; NAME stays the caller's.
 * problems_free releases the messages.
 */
#ifndef PARALLAX_PROBLEMS_H
#define PARALLAX_PROBLEMS_H

#include <stddef.h>

#define PROBLEMS_MAX 200

struct problem {
	size_t line, column;	/* 1-based */
	size_t seq;		/* order of finding, among equal positions */
	char *message;
};

struct problems {
	const char *name;	/* the file, as messages name it */
	struct problem *list;
	size_t n, cap;
};

#define PROBLEMS_INIT(name) { (name), NULL, 0, 0 }

void problems_add(struct problems *pr, size_t line, size_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Every problem, sorted, one line each; allocated (the caller frees). */
char *problems_format(struct problems *pr);

void problems_free(struct problems *pr);

/*
 * S quoted for a message, cut short and made printable: C0, DEL, C1 and
 * bidi controls are escaped, since messages reach a terminal.  Allocated.
 */
char *problems_quote(const char *s, size_t len);

#endif
