/*
 * note: a paragraph that is a note about the text or its writer rather than
 * the story: a columnist's bio, the line that closes it ("The opinions
 * expressed ... are his own."), an editor's note, a correction, a
 * clarification, a disclosure.  Each test reads one sentence; which
 * paragraph it makes a note (opening or closing the body) is
 * boilerplate.c's say.  Split out of furniture.c, whose line reading and
 * openings it uses.  Nothing is allocated or freed.
 */
#ifndef PARALLAX_NOTE_H
#define PARALLAX_NOTE_H

#include <stdbool.h>
#include <stddef.h>

struct sentence;

/* The first line of a writer's bio ("Michael Kruse is a senior staff
 * writer for Politico."), by its words alone. */
bool note_bio(const struct sentence *s);

/* The last line of a columnist's bio ("The opinions expressed in this
 * commentary are his own."), or the note run into it where the page had
 * no stop: its paragraph is the bio. */
bool note_bio_end(const struct sentence *s);

/* The I-th opening of the bio's last line, and of a note about the text,
 * in their case, or NULL past the last (plainline.c's). */
const char *note_bio_end_opening(size_t i);
const char *note_text_opening(size_t i);

/* A note about the text itself opening a paragraph: an editor's note, a
 * correction, a clarification, a disclosure ("Correction, Jan. 3, 2020:
 * This story originally misstated ..."): its paragraph is the note. */
bool note_text(const struct sentence *s);

/* A note about the piece itself: "This story was produced with support
 * from ...", "This column was first published in ...", "This report
 * contains material from Reuters." ("This", the piece, what is said of
 * it), or what the text is ("This is a rush transcript."): its paragraph
 * is the note.  Within the body "This report ..." may be prose, so
 * boilerplate.c asks it of the body's last paragraph, and of its first
 * only when OPENING and the sentence says what the text is. */
bool note_piece(const struct sentence *s, bool opening);

#endif
