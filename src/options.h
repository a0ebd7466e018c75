/*
 * options: the command line, parsed with getopt_long into plain values.
 * Strings point into argv; the paths array and the newsboat cache's path
 * are allocated (options_free).
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

/* Threads -j accepts at most. */
#define OPTIONS_MAX_JOBS 256

struct options {
	enum options_mode mode;
	const char *taxonomy;		/* -t/--taxonomy, or NULL */
	const char *check_file;		/* --check-taxonomy=FILE, or NULL */
	const char *outlets;		/* --outlets, or NULL */
	const char *check_outlets;	/* --check-outlets=FILE, or NULL */
	bool no_color;
	bool offline;			/* --offline */
	unsigned jobs;			/* -j/--jobs, or 0: one per CPU */
	char *newsboat;			/* --newsboat's cache, or NULL; also
					 * the first of paths */
	bool stories;			/* --stories */
	const char *story;		/* --story=ID, or NULL */
	bool one_story;			/* --one-story */
	bool signatures;		/* --jsonl --signatures */
	bool group_signatures;		/* --group-signatures */
	bool no_state;			/* --no-state */
	char **paths;
	size_t npaths;
};

/* What an option's argument is, for the help text and shell completion. */
enum options_arg {
	OPTIONS_ARG_NONE,	/* takes no argument */
	OPTIONS_ARG_YAML,	/* a YAML file */
	OPTIONS_ARG_FILE,	/* any file */
	OPTIONS_ARG_WORD,	/* a value nothing can complete (an id, a number) */
};

/*
 * One row of the command line: getopt's table, --help and the shell
 * completion scripts (completion/gencompletion.c) are all made from these
 * rows, so an option exists in all of them or in none.
 */
struct options_spec {
	const char *name;	/* long name, without the dashes */
	char short_name;	/* 0 when there is none */
	bool optional;		/* the argument may be left out (--name[=ARG]) */
	enum options_arg arg;
	const char *metavar;	/* the argument's name in --help, or NULL */
	const char *help;	/* one line or several, '\n'-separated */
	int id;			/* what options_parse switches on */
};

/* The rows, in --help order; options_count of them. */
extern const struct options_spec options_table[];
extern const size_t options_count;

/*
 * Parses ARGV.  Returns 0, or -1 with *cause set to an allocated one-line
 * usage error (the caller prints it and exits 2).
 */
int options_parse(int argc, char **argv, struct options *opts, char **cause);

/* Writes the --help text. */
void options_usage(FILE *fp);

void options_free(struct options *opts);

#endif
