/* spawn: a program run in the foreground with curses suspended. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "curses.h"
#include "spawn.h"

/* Forks and execs ARGV, then waits; the wait status, or -1. */
static int
spawn_wait(char *const argv[])
{
	struct sigaction ign, oint, oquit;
	pid_t pid;
	int status = -1;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	return pid > 0 ? status : -1;
}

int
spawn_run(char *const argv[])
{
	int status;

	def_prog_mode();
	endwin();
	status = spawn_wait(argv);
	reset_prog_mode();
	clearok(curscr, TRUE);
	return status;
}
