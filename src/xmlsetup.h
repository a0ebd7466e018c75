/*
 * xmlsetup: libxml2's global state, set up once for the process.  The
 * parsers run on the loading pool's threads, and libxml2 sets up its
 * globals (xmlInitParser) without a lock of its own: two threads doing it
 * at once race (ThreadSanitizer saw a feed and a page do so).  Every
 * module that parses with libxml2 calls xmlsetup_once first.  Nothing to
 * free.
 */
#ifndef PARALLAX_XMLSETUP_H
#define PARALLAX_XMLSETUP_H

void xmlsetup_once(void);

#endif
