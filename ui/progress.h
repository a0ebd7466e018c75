/*
 * progress: long work's progress on standard error when it is a terminal,
 * one line rewritten in place ("parallax: reading sources: 1234 of 7754",
 * "parallax: grouping stories..."), shown only once the work has taken
 * more than a second and wiped when it ends, so short runs and redirected
 * output never see it.
 */
#ifndef PARALLAX_PROGRESS_H
#define PARALLAX_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "story.h"

struct progress {
	struct timespec start;
	double shown_at;	/* seconds since START of the last line, or < 0 */
	bool tty;
};

void progress_start(struct progress *p);

/* DONE of TOTAL in STEP; a story_progress_fn, CTX a struct progress.
 * Never asks to stop. */
bool progress_update(void *ctx, enum story_step step, size_t done,
    size_t total);

/* Wipes the line, if one was drawn. */
void progress_end(struct progress *p);

#endif
