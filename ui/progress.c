#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "progress.h"

/* Work shorter than this shows no progress at all. */
#define PROGRESS_DELAY 1.0
/* And a longer one redraws its line at most this often. */
#define PROGRESS_EVERY 0.1

static double
progress_elapsed(const struct progress *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - p->start.tv_sec) +
	    (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
}

void
progress_start(struct progress *p)
{
	p->tty = isatty(STDERR_FILENO) != 0;
	p->shown_at = -1;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

bool
progress_update(void *ctx, enum story_step step, size_t done, size_t total)
{
	static const char *const what[] = { "fetching URLs",
	    "reading sources", "grouping stories", "linking claims" };
	struct progress *p = ctx;
	double t;

	if (!p->tty)
		return true;
	t = progress_elapsed(p);
	if (t < PROGRESS_DELAY || (p->shown_at >= 0 &&
	    t - p->shown_at < PROGRESS_EVERY && done != total))
		return true;
	if (total == 0)
		fprintf(stderr, "\rparallax: %s...\033[K", what[step]);
	else
		fprintf(stderr, "\rparallax: %s: %zu of %zu (%zu%%)\033[K",
		    what[step], done, total, done * 100 / total);
	fflush(stderr);
	p->shown_at = t;
	return true;
}

void
progress_end(struct progress *p)
{
	if (p->shown_at >= 0) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->shown_at = -1;
}
