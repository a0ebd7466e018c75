/*
 * options: the command line, parsed with getopt_long into plain values.
 * Strings point into argv; the paths array is allocated (options_free).
 */
#ifndef PARALLAX_OPTIONS_H
#define PARALLAX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum options_mode {
	OPTIONS_MODE_AUTO,	/* the reader on a terminal, else JSON */
	OPTIONS_MODE_TUI,
	OPTIONS_MODE_JSON,
	OPTIONS_MODE_JSONL,
	OPTIONS_MODE_REPORT,
	OPTIONS_MODE_STATS,
	OPTIONS_MODE_CHECK_TAXONOMY,
	OPTIONS_MODE_CHECK_OUTLETS,
	OPTIONS_MODE_HELP,
	OPTIONS_MODE_VERSION,
};

struct options {
	enum options_mode mode;
	const char *taxonomy;		/* -t/--taxonomy, or NULL */
	const char *check_file;		/* --check-taxonomy=FILE, or NULL */
	const char *outlets;		/* --outlets, or NULL */
	const char *check_outlets;	/* --check-outlets=FILE, or NULL */
	bool no_color;
	char **paths;
	size_t npaths;
};

/*
 * Parses ARGV.  Returns 0, or -1 with *cause set to an allocated one-line
 * usage error (the caller prints it and exits 2).
 */
int options_parse(int argc, char **argv, struct options *opts, char **cause);

/* Writes the --help text. */
void options_usage(FILE *fp);

void options_free(struct options *opts);

#endif
