/* editor: the $EDITOR round trip with curses suspended. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "editor.h"
#include "spawn.h"
#include "xalloc.h"

int
editor_run(const char *path, size_t line)
{
	const char *editor = getenv("VISUAL");
	char *cmd, *file, plus[32], *argv[7], **arg = argv;
	int status;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	/* The editor may carry arguments ("code -w"): let the shell split it. */
	cmd = xasprintf("%s \"$@\"", editor);
	snprintf(plus, sizeof plus, "+%zu", line);
	*arg++ = "/bin/sh";
	*arg++ = "-c";
	*arg++ = cmd;
	*arg++ = "sh";
	if (line != 0)
		*arg++ = plus;
	*arg++ = file = xstrdup(path);
	*arg = NULL;
	status = spawn_run(argv);
	free(file);
	free(cmd);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
