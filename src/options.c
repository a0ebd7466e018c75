#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "paths.h"
#include "xalloc.h"

enum {
	OPT_JSON = 256,
	OPT_JSONL,
	OPT_REPORT,
	OPT_STATS,
	OPT_CHECK_TAXONOMY,
	OPT_CHECK_OUTLETS,
	OPT_OUTLETS,
	OPT_NO_COLOR,
	OPT_TUI,
	OPT_NEWSBOAT,
	OPT_OFFLINE,
	OPT_STORIES,
	OPT_STORY,
	OPT_ONE_STORY,
	OPT_SIGNATURES,
	OPT_GROUP_SIGNATURES,
	OPT_NO_STATE,
};

const struct options_spec options_table[] = {
	{ "taxonomy", 't', false, OPTIONS_ARG_YAML, "FILE",
	    "use FILE as the keyword taxonomy", 't' },
	{ "outlets", 0, false, OPTIONS_ARG_YAML, "FILE",
	    "use FILE for the outlets' profiles (leanings)", OPT_OUTLETS },
	{ "jobs", 'j', false, OPTIONS_ARG_WORD, "N",
	    "read and tag sources on N threads (default: one\n"
	    "per CPU; 1: no threads); the output is the same", 'j' },
	{ "newsboat", 0, true, OPTIONS_ARG_FILE, "FILE",
	    "read newsboat's cache (default: its usual place), read\n"
	    "only; its items open before the PATHs", OPT_NEWSBOAT },
	{ "offline", 0, false, OPTIONS_ARG_NONE, NULL,
	    "read URLs from the cache only, never the network", OPT_OFFLINE },
	{ "tui", 0, false, OPTIONS_ARG_NONE, NULL,
	    "open the reader even when stdout is not a terminal", OPT_TUI },
	{ "json", 0, false, OPTIONS_ARG_NONE, NULL,
	    "print the analysis as JSON and exit", OPT_JSON },
	{ "jsonl", 0, false, OPTIONS_ARG_NONE, NULL,
	    "print one JSON object per sentence, streamed;\n"
	    "with no PATH, read source paths from stdin", OPT_JSONL },
	{ "report", 0, false, OPTIONS_ARG_NONE, NULL,
	    "print a Markdown report of the story and exit", OPT_REPORT },
	{ "stats", 0, false, OPTIONS_ARG_NONE, NULL,
	    "print per-topic sentence and source counts, tab-separated",
	    OPT_STATS },
	{ "stories", 0, false, OPTIONS_ARG_NONE, NULL,
	    "list the stories (events) of what was opened and exit;\n"
	    "with --json, as JSON; with --jsonl, give each line\n"
	    "its story's id", OPT_STORIES },
	{ "story", 0, false, OPTIONS_ARG_WORD, "ID",
	    "open, or print, only the story ID (see --stories)", OPT_STORY },
	{ "one-story", 0, false, OPTIONS_ARG_NONE, NULL,
	    "in the reader, read every source as one story\n"
	    "(no story list)", OPT_ONE_STORY },
	{ "signatures", 0, false, OPTIONS_ARG_NONE, NULL,
	    "with --jsonl: write each source's grouping signature\n"
	    "(the map side of grouping as map/reduce)", OPT_SIGNATURES },
	{ "group-signatures", 0, false, OPTIONS_ARG_NONE, NULL,
	    "read signature lines from stdin, write the stories\n"
	    "(the reduce side)", OPT_GROUP_SIGNATURES },
	{ "no-state", 0, false, OPTIONS_ARG_NONE, NULL,
	    "neither read nor write the reading state", OPT_NO_STATE },
	{ "check-taxonomy", 0, true, OPTIONS_ARG_YAML, "FILE",
	    "validate the taxonomy and exit", OPT_CHECK_TAXONOMY },
	{ "check-outlets", 0, true, OPTIONS_ARG_YAML, "FILE",
	    "validate the outlets file and exit", OPT_CHECK_OUTLETS },
	{ "no-color", 0, false, OPTIONS_ARG_NONE, NULL,
	    "draw without colour (also when NO_COLOR is set)", OPT_NO_COLOR },
	{ "help", 'h', false, OPTIONS_ARG_NONE, NULL,
	    "display this help and exit", 'h' },
	{ "version", 'V', false, OPTIONS_ARG_NONE, NULL,
	    "output version information and exit", 'V' },
};
const size_t options_count = sizeof options_table / sizeof options_table[0];

/* The help column; a longer option and argument push their help right. */
#define OPTIONS_HELP_COLUMN 29

static void
options_usage_row(FILE *fp, const struct options_spec *spec)
{
	const char *line, *nl;
	int width;

	if (spec->short_name != 0)
		width = fprintf(fp, "  -%c, --%s", spec->short_name, spec->name);
	else
		width = fprintf(fp, "      --%s", spec->name);
	if (spec->metavar != NULL)
		width += fprintf(fp, spec->optional ? "[=%s]" : "=%s",
		    spec->metavar);
	for (line = spec->help; line != NULL; line = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		fprintf(fp, "%*s%.*s\n", width + 2 > OPTIONS_HELP_COLUMN ? 2 :
		    OPTIONS_HELP_COLUMN - width, "",
		    nl != NULL ? (int)(nl - line) : (int)strlen(line), line);
		width = 0;
	}
}

void
options_usage(FILE *fp)
{
	size_t i;

	fputs(
"Usage: parallax [OPTION]... [PATH]...\n"
"Read one news story through many sources, claim by claim.\n"
"\n"
"PATH is a source file, a directory of sources (*.txt, *.md, *.html, *.htm,\n"
"*.xhtml, *.xml, *.rss, *.atom, read in name order), an http:// or https://\n"
"URL (fetched, and cached under $XDG_CACHE_HOME/parallax), a file:// URL,\n"
"or - for standard input.  With no PATH, the bundled sample story opens.\n"
"An HTML page (by name or content) keeps its article only, with its title,\n"
"outlet, date, author and URL; Markdown is rendered, not shown raw.\n"
"\n", fp);
	for (i = 0; i < options_count; i++)
		options_usage_row(fp, &options_table[i]);
	fputs(
"\n"
"Taxonomy search order: --taxonomy, $PARALLAX_TAXONOMY,\n"
"$XDG_CONFIG_HOME/parallax/taxonomy.yaml, then the installed default.\n"
"The outlets file is found the same way: --outlets, $PARALLAX_OUTLETS,\n"
"$XDG_CONFIG_HOME/parallax/outlets.yaml, then the installed default.\n"
"\n"
"Exit status: 0 success, 1 bad input (taxonomy, outlets or sources), 2 usage\n"
"error.  In the reader, press ? for the keys.  See parallax(1),\n"
"parallax-taxonomy(5) and parallax-outlets(5).\n",
	    fp);
}

/* getopt_long's tables, made from options_table. */
static void
options_getopt_tables(struct option *longopts, char *shortopts)
{
	size_t i, n = 0;

	shortopts[n++] = ':';
	for (i = 0; i < options_count; i++) {
		const struct options_spec *spec = &options_table[i];

		longopts[i].name = spec->name;
		longopts[i].has_arg = spec->arg == OPTIONS_ARG_NONE ?
		    no_argument : spec->optional ? optional_argument :
		    required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = spec->id;
		if (spec->short_name != 0) {
			shortopts[n++] = spec->short_name;
			if (spec->arg != OPTIONS_ARG_NONE)
				shortopts[n++] = ':';
			if (spec->arg != OPTIONS_ARG_NONE && spec->optional)
				shortopts[n++] = ':';
		}
	}
	memset(&longopts[options_count], 0, sizeof longopts[0]);
	shortopts[n] = '\0';
}

/* -j's N: a whole number of threads, at least one. */
static int
options_parse_jobs(struct options *opts, const char *arg, char **cause)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' ||
	    n < 1 || n > OPTIONS_MAX_JOBS) {
		*cause = xasprintf("invalid number of jobs '%s' (1 to %d)", arg,
		    OPTIONS_MAX_JOBS);
		return -1;
	}
	opts->jobs = (unsigned)n;
	return 0;
}

static int
options_set_mode(struct options *opts, enum options_mode mode, const char *name,
    char **cause)
{
	if (opts->mode != OPTIONS_MODE_AUTO && opts->mode != mode) {
		*cause = xasprintf("--%s cannot be combined with another output mode",
		    name);
		return -1;
	}
	opts->mode = mode;
	return 0;
}

/* The story options that only make sense with certain modes. */
static int
options_check(const struct options *opts, char **cause)
{
	if (opts->signatures && opts->mode != OPTIONS_MODE_JSONL) {
		*cause = xstrdup("--signatures needs --jsonl");
		return -1;
	}
	if (opts->group_signatures && opts->mode != OPTIONS_MODE_AUTO &&
	    opts->mode != OPTIONS_MODE_JSON) {
		*cause = xstrdup("--group-signatures prints a table or, with "
		    "--json, JSON");
		return -1;
	}
	if (opts->stories && opts->mode != OPTIONS_MODE_AUTO &&
	    opts->mode != OPTIONS_MODE_JSON && opts->mode != OPTIONS_MODE_JSONL) {
		*cause = xstrdup("--stories prints a table, JSON (--json) or "
		    "each sentence's story (--jsonl)");
		return -1;
	}
	if (opts->story != NULL && (opts->stories || opts->signatures ||
	    opts->group_signatures || opts->one_story)) {
		*cause = xstrdup("--story picks one story to read or print; "
		    "it cannot be combined with --stories, --one-story or the "
		    "signatures");
		return -1;
	}
	return 0;
}

int
options_parse(int argc, char **argv, struct options *opts, char **cause)
{
	struct option *longopts;
	char *shortopts;
	int c, i, rc = 0;

	longopts = xcalloc(options_count + 1, sizeof *longopts);
	shortopts = xcalloc(3 * options_count + 2, 1);
	options_getopt_tables(longopts, shortopts);
	memset(opts, 0, sizeof *opts);
	*cause = NULL;
	optind = 0;	/* glibc: full reset, so tests can parse repeatedly */
	opterr = 0;
	while (rc == 0 &&
	    (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			opts->taxonomy = optarg;
			break;
		case 'j':
			rc = options_parse_jobs(opts, optarg, cause);
			break;
		case OPT_JSON:
			rc = options_set_mode(opts, OPTIONS_MODE_JSON, "json", cause);
			break;
		case OPT_JSONL:
			rc = options_set_mode(opts, OPTIONS_MODE_JSONL, "jsonl", cause);
			break;
		case OPT_REPORT:
			rc = options_set_mode(opts, OPTIONS_MODE_REPORT, "report", cause);
			break;
		case OPT_STATS:
			rc = options_set_mode(opts, OPTIONS_MODE_STATS, "stats", cause);
			break;
		case OPT_TUI:
			rc = options_set_mode(opts, OPTIONS_MODE_TUI, "tui", cause);
			break;
		case OPT_CHECK_TAXONOMY:
			rc = options_set_mode(opts, OPTIONS_MODE_CHECK_TAXONOMY,
			    "check-taxonomy", cause);
			opts->check_file = optarg;
			break;
		case OPT_OUTLETS:
			opts->outlets = optarg;
			break;
		case OPT_CHECK_OUTLETS:
			rc = options_set_mode(opts, OPTIONS_MODE_CHECK_OUTLETS,
			    "check-outlets", cause);
			opts->check_outlets = optarg;
			break;
		case OPT_NO_COLOR:
			opts->no_color = true;
			break;
		case OPT_STORIES:
			opts->stories = true;
			break;
		case OPT_STORY:
			opts->story = optarg;
			break;
		case OPT_ONE_STORY:
			opts->one_story = true;
			break;
		case OPT_SIGNATURES:
			opts->signatures = true;
			break;
		case OPT_GROUP_SIGNATURES:
			opts->group_signatures = true;
			break;
		case OPT_NO_STATE:
			opts->no_state = true;
			break;
		case OPT_OFFLINE:
			opts->offline = true;
			break;
		case OPT_NEWSBOAT:
			free(opts->newsboat);
			opts->newsboat = optarg != NULL ? xstrdup(optarg) :
			    paths_newsboat_cache();
			break;
		case 'h':
			opts->mode = OPTIONS_MODE_HELP;
			goto done;
		case 'V':
			opts->mode = OPTIONS_MODE_VERSION;
			goto done;
		case ':':
			*cause = xasprintf("option '%s' requires an argument",
			    argv[optind - 1]);
			rc = -1;
			break;
		default:
			if (optopt != 0 && optopt < 256)
				*cause = xasprintf("invalid option -- '%c'", optopt);
			else
				*cause = xasprintf("unrecognized option '%s'",
				    argv[optind - 1]);
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = options_check(opts, cause);
	if (rc != 0)
		goto done;
	opts->npaths = (size_t)(argc - optind);
	opts->paths = xcalloc(opts->npaths + 2, sizeof *opts->paths);
	if (opts->newsboat != NULL)
		opts->paths[0] = opts->newsboat;
	for (i = optind; i < argc; i++)
		opts->paths[(opts->newsboat != NULL) + i - optind] = argv[i];
	opts->npaths += opts->newsboat != NULL;
done:
	if (rc != 0) {
		free(opts->newsboat);
		opts->newsboat = NULL;
	}
	free(longopts);
	free(shortopts);
	return rc != 0 ? -1 : 0;
}

void
options_free(struct options *opts)
{
	free(opts->paths);
	opts->paths = NULL;
	free(opts->newsboat);
	opts->newsboat = NULL;
	opts->npaths = 0;
}
