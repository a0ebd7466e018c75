/*
 * measure: runs a command and prints its wall time, CPU time and peak
 * resident memory, so the benchmarks need neither GNU time nor bash's
 * `time` and read every figure the same way.
 *
 *	measure [-o FILE] [-t SECONDS] COMMAND [ARG]...
 *
 * The command's standard output goes to FILE (default /dev/null).  One
 * line goes to standard output:
 *
 *	wall=SECONDS user=SECONDS sys=SECONDS maxrss_kb=KB vcsw=N status=N
 *
 * vcsw is the voluntary context switches (the times a thread slept: on
 * a lock, a condition, I/O), which tell whether threads wait for each
 * other.  status is the exit status, or 128+signal, or "timeout" when -t
 * expired (the command is then killed).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void
on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: measure [-o file] [-t seconds] command "
	    "[arg]...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *out = "/dev/null";
	struct sigaction sa;
	struct rusage ru;
	unsigned timeout = 0;
	double start, wall;
	pid_t pid;
	int ch, fd, status;
	char *end;

	/* '+': options end at the command, whose own options pass through. */
	while ((ch = getopt(argc, argv, "+o:t:")) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 't':
			timeout = (unsigned)strtoul(optarg, &end, 10);
			if (*end != '\0')
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind == argc)
		usage();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);

	start = now();
	if ((pid = fork()) == -1) {
		perror("measure: fork");
		return 1;
	}
	if (pid == 0) {
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1) {
			fprintf(stderr, "measure: %s: %s\n", out,
			    strerror(errno));
			_exit(127);
		}
		dup2(fd, STDOUT_FILENO);
		close(fd);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "measure: %s: %s\n", argv[optind],
		    strerror(errno));
		_exit(127);
	}
	alarm(timeout);
	while (wait4(pid, &status, 0, &ru) == -1) {
		if (errno != EINTR) {
			perror("measure: wait4");
			return 1;
		}
		if (timed_out)
			kill(pid, SIGKILL);
	}
	wall = now() - start;
	printf("wall=%.3f user=%.3f sys=%.3f maxrss_kb=%ld vcsw=%ld status=",
	    wall, seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss,
	    ru.ru_nvcsw);
	if (timed_out)
		printf("timeout\n");
	else if (WIFSIGNALED(status))
		printf("%d\n", 128 + WTERMSIG(status));
	else
		printf("%d\n", WEXITSTATUS(status));
	return 0;
}
