/* editor: the $EDITOR round trip with curses suspended. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "curses.h"
#include "editor.h"
#include "xalloc.h"

/* Runs the editor on PATH; returns its wait status, or -1. */
static int
editor_spawn(const char *path, size_t line)
{
	const char *editor = getenv("VISUAL");
	char *cmd, plus[32];
	struct sigaction ign, oint, oquit;
	pid_t pid;
	int status = -1;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	/* The editor may carry arguments ("code -w"): let the shell split it. */
	cmd = xasprintf("%s \"$@\"", editor);
	snprintf(plus, sizeof plus, "+%zu", line);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		if (line != 0)
			execl("/bin/sh", "sh", "-c", cmd, "sh", plus, path,
			    (char *)NULL);
		else
			execl("/bin/sh", "sh", "-c", cmd, "sh", path,
			    (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	free(cmd);
	return status;
}

int
editor_run(const char *path, size_t line)
{
	int status;

	def_prog_mode();
	endwin();
	status = editor_spawn(path, line);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
