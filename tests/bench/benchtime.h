/*
 * benchtime: what the bench programs that time runs in process share: a
 * CPU clock in milliseconds and the order to sort such times in.  Header
 * only; nothing is allocated.
 */
#ifndef PARALLAX_BENCHTIME_H
#define PARALLAX_BENCHTIME_H

#include <time.h>

/* CLOCK's time (a CPU clock: the process's or the thread's), in ms. */
static inline double
benchtime_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort's order for doubles, ascending. */
static inline int
benchtime_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#endif
