/* browser: the URL round trip to $BROWSER or xdg-open, no shell. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>

#include "browser.h"
#include "spawn.h"
#include "xalloc.h"

/* Words of a command the browser's argv holds at most. */
#define BROWSER_MAX_WORDS 16

static bool
browser_scheme_ok(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncasecmp(url, "file://", 7) == 0;
}

/*
 * The argv that opens URL (the caller's copy), into ARGV
 * (BROWSER_MAX_WORDS + 2 entries), its words in the allocated *COPY:
 * $BROWSER's first command (it may list several, colon-separated) split at
 * white space, with URL for a "%s" word or after the last, else xdg-open
 * URL.
 */
static void
browser_argv(char *url, char **argv, char **copy)
{
	const char *env = getenv("BROWSER");
	char *word, *save = NULL;
	bool placed = false;
	size_t n = 0;

	*copy = NULL;
	if (env != NULL && env[strspn(env, " \t:")] != '\0') {
		*copy = xstrndup(env + strspn(env, ":"),
		    strcspn(env + strspn(env, ":"), ":"));
		for (word = strtok_r(*copy, " \t", &save);
		    word != NULL && n < BROWSER_MAX_WORDS;
		    word = strtok_r(NULL, " \t", &save)) {
			placed |= strcmp(word, "%s") == 0;
			argv[n++] = strcmp(word, "%s") == 0 ? url : word;
		}
	}
	if (n == 0)
		argv[n++] = "xdg-open";
	if (!placed)
		argv[n++] = url;
	argv[n] = NULL;
}

int
browser_open(const char *url, char **why)
{
	char *argv[BROWSER_MAX_WORDS + 2], *copy, *arg;
	int status;

	if (!browser_scheme_ok(url)) {
		*why = xstrdup("only http, https and file URLs are opened");
		return -1;
	}
	arg = xstrdup(url);
	browser_argv(arg, argv, &copy);
	status = spawn_run(argv);
	if (status == -1 || !WIFEXITED(status))
		*why = xasprintf("%s did not run", argv[0]);
	else if (WEXITSTATUS(status) == 127)
		*why = xasprintf("%s cannot be run (set $BROWSER)", argv[0]);
	else if (WEXITSTATUS(status) != 0)
		*why = xasprintf("%s failed (exit status %d)", argv[0],
		    WEXITSTATUS(status));
	else
		*why = NULL;
	free(copy);
	free(arg);
	return *why != NULL ? -1 : 0;
}
