/*
 * latency: key-to-screen latency of a full-screen program in a
 * pseudo-terminal, as a user would feel it.
 *
 *	latency [-c COLSxROWS] [-f TEXT] [-n N] [-r] [-t SECONDS] [-w TEXT]
 *	    -k KEYS... COMMAND...
 *
 * Starts COMMAND on a pty.  With -f it times the first frame as the moment
 * TEXT first appears (a frame that keeps changing, such as a loading
 * screen's progress, never settles).  Then it waits (SECONDS at most,
 * default 30) until the -w TEXT appears and the output settles: the first
 * frame without -f, else the screen loaded.  With -r it then waits as long
 * again for the program's own next redraw (the reader's, once it has
 * linked the claims) and times it, so keys are measured on a ready reader.  Then for each -k it sends each key of
 * KEYS in turn, N times over, and measures from the write of the key to
 * the last byte of the redraw it caused (a redraw is over when nothing
 * more comes for QUIET_MS, which is not counted).  Prints the first-frame
 * time and, per key, the median, 99th percentile and maximum, in ms.
 * Finally sends 'q' until the program exits.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

#define QUIET_MS 30
#define NO_OUTPUT_MS 1000
#define MAX_STEPS 16
#define MAX_KEYS 8

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Reads from FD until nothing comes for QUIET ms, or until TIMEOUT ms pass
 * without a first byte.  Returns the time of the last byte read, or -1 if
 * nothing came.  When WANT is set, output before WANT appeared does not
 * count as the end of the burst.
 */
static double
drain(int fd, int quiet, int timeout, const char *want)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	static char win[256 + 65536];
	size_t carry = 0, keep;
	double last = -1;
	ssize_t n;
	int found = want == NULL, wait;

	for (;;) {
		wait = last < 0 || !found ? timeout : quiet;
		if (poll(&pfd, 1, wait) <= 0)
			return found ? last : -1;
		if ((n = read(fd, win + carry, 65536)) <= 0)
			return found ? last : -1;
		last = now_ms();
		if (found)
			continue;
		/* The end of the previous read stays in front: WANT may
		 * straddle two reads. */
		win[carry + (size_t)n] = '\0';
		found = strstr(win, want) != NULL;
		keep = strlen(want) < 255 ? strlen(want) : 255;
		if (keep > carry + (size_t)n)
			keep = carry + (size_t)n;
		memmove(win, win + carry + (size_t)n - keep, keep);
		carry = keep;
	}
}

/* The time TEXT first appears in FD's output, or -1 after TIMEOUT ms. */
static double
appear(int fd, int timeout, const char *text)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	static char win[256 + 65536];
	size_t carry = 0, keep;
	double deadline = now_ms() + timeout, left;
	ssize_t n;

	while ((left = deadline - now_ms()) > 0) {
		if (poll(&pfd, 1, (int)left + 1) <= 0 ||
		    (n = read(fd, win + carry, 65536)) <= 0)
			return -1;
		win[carry + (size_t)n] = '\0';
		if (strstr(win, text) != NULL)
			return now_ms();
		keep = strlen(text) < 255 ? strlen(text) : 255;
		if (keep > carry + (size_t)n)
			keep = carry + (size_t)n;
		memmove(win, win + carry + (size_t)n - keep, keep);
		carry = keep;
	}
	return -1;
}

static int
compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One row: median, 99th percentile and maximum of N sorted times. */
static void
report(char key, double *times, size_t n, size_t missed)
{
	qsort(times, n, sizeof *times, compare);
	if (n == 0) {
		printf("%-6c %6zu %8s %8s %8s %7zu\n", key, n, "-", "-", "-",
		    missed);
		return;
	}
	printf("%-6c %6zu %8.2f %8.2f %8.2f %7zu\n", key, n, times[n / 2],
	    times[n * 99 / 100], times[n - 1], missed);
}

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: latency [-c COLSxROWS] [-f TEXT] [-n N] [-r] "
	    "[-t SECONDS] [-w TEXT] -k KEYS [-k KEYS]... command [arg]...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 48, 160, 0, 0 };
	const char *steps[MAX_STEPS], *wait_for = NULL, *first_text = NULL;
	size_t nsteps = 0, presses = 50, i, j, k, nkeys;
	size_t got[MAX_KEYS], missed[MAX_KEYS];
	double start, frame, loaded, ready, sent, last, *times;
	char *end;
	pid_t pid;
	int ch, fd, status, first = 30000;
	bool wait_ready = false;

	while ((ch = getopt(argc, argv, "+c:f:k:n:rt:w:")) != -1) {
		switch (ch) {
		case 'c':
			ws.ws_col = (unsigned short)strtoul(optarg, &end, 10);
			if (*end != 'x')
				usage();
			ws.ws_row = (unsigned short)strtoul(end + 1, &end, 10);
			if (*end != '\0' || ws.ws_col == 0 || ws.ws_row == 0)
				usage();
			break;
		case 'f':
			first_text = optarg;
			break;
		case 'k':
			if (nsteps == MAX_STEPS || *optarg == '\0' ||
			    strlen(optarg) > MAX_KEYS)
				usage();
			steps[nsteps++] = optarg;
			break;
		case 'n':
			presses = strtoul(optarg, &end, 10);
			if (*end != '\0' || presses == 0)
				usage();
			break;
		case 'r':
			wait_ready = true;
			break;
		case 't':
			first = (int)strtoul(optarg, &end, 10) * 1000;
			if (*end != '\0' || first <= 0)
				usage();
			break;
		case 'w':
			wait_for = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind == argc || nsteps == 0)
		usage();

	setenv("TERM", "xterm-256color", 1);
	signal(SIGPIPE, SIG_IGN);
	start = now_ms();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("latency: forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "latency: %s: %s\n", argv[optind],
		    strerror(errno));
		_exit(127);
	}
	if (first_text != NULL &&
	    (frame = appear(fd, first, first_text)) < 0) {
		fprintf(stderr, "latency: no first frame showing %s\n",
		    first_text);
		kill(pid, SIGKILL);
		return 1;
	}
	loaded = drain(fd, 200, first, wait_for);
	if (loaded < 0) {
		fprintf(stderr, "latency: no %s%s%s\n",
		    first_text != NULL ? "loaded screen" : "first frame",
		    wait_for != NULL ? " showing " : "",
		    wait_for != NULL ? wait_for : "");
		kill(pid, SIGKILL);
		return 1;
	}
	if (first_text != NULL) {
		printf("first frame: %.0f ms\n", frame - start);
		printf("loaded: %.0f ms\n", loaded - start);
	} else
		printf("first frame: %.0f ms\n", loaded - start);
	if (wait_ready) {
		ready = drain(fd, 200, first, NULL);
		if (ready < 0)
			printf("ready: no redraw after the first frame in %d s\n",
			    first / 1000);
		else
			printf("ready (claims linked): %.0f ms\n",
			    ready - start);
	}
	printf("%-6s %6s %8s %8s %8s %7s\n", "key", "n", "p50-ms", "p99-ms",
	    "max-ms", "silent");
	fflush(stdout);

	times = NULL;
	for (i = 0; i < nsteps; i++) {
		/* Keys of one step are sent in turn, each measured. */
		nkeys = strlen(steps[i]);
		times = xreallocarray(times, nkeys * presses, sizeof *times);
		memset(missed, 0, sizeof missed);
		for (k = 0; k < nkeys; k++)
			got[k] = 0;
		for (j = 0; j < presses; j++) {
			for (k = 0; k < nkeys; k++) {
				sent = now_ms();
				if (write(fd, &steps[i][k], 1) != 1)
					break;
				last = drain(fd, QUIET_MS, NO_OUTPUT_MS, NULL);
				if (last < 0)
					missed[k]++;
				else
					times[k * presses + got[k]++] =
					    last - sent;
			}
		}
		for (k = 0; k < nkeys; k++)
			report(steps[i][k], times + k * presses, got[k],
			    missed[k]);
	}
	free(times);

	for (i = 0; i < 5; i++) {
		write(fd, "q", 1);
		drain(fd, QUIET_MS, 500, NULL);
		if (waitpid(pid, &status, WNOHANG) == pid)
			return 0;
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
}
