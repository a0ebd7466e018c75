#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
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
};

static const struct option long_options[] = {
	{ "taxonomy", required_argument, NULL, 't' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "check-taxonomy", optional_argument, NULL, OPT_CHECK_TAXONOMY },
	{ "outlets", required_argument, NULL, OPT_OUTLETS },
	{ "check-outlets", optional_argument, NULL, OPT_CHECK_OUTLETS },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "tui", no_argument, NULL, OPT_TUI },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

void
options_usage(FILE *fp)
{
	fputs(
"Usage: parallax [OPTION]... [PATH]...\n"
"Read one news story through many sources, claim by claim.\n"
"\n"
"PATH is a source file, a directory of sources (*.txt, *.md, *.html, *.htm,\n"
"*.xhtml, *.xml, *.rss, *.atom, read in name order), a file:// URL, or -\n"
"for standard input.  With no PATH, the bundled sample story opens.\n"
"\n"
"  -t, --taxonomy=FILE        use FILE as the keyword taxonomy\n"
"      --outlets=FILE         use FILE for the outlets' profiles (leanings)\n"
"      --tui                  open the reader even when stdout is not a terminal\n"
"      --json                 print the analysis as JSON and exit\n"
"      --jsonl                print one JSON object per sentence, streamed;\n"
"                             with no PATH, read source paths from stdin\n"
"      --report               print a Markdown report of the story and exit\n"
"      --stats                print per-topic sentence and source counts, tab-separated\n"
"      --check-taxonomy[=FILE]  validate the taxonomy and exit\n"
"      --check-outlets[=FILE]  validate the outlets file and exit\n"
"      --no-color             draw without colour (also when NO_COLOR is set)\n"
"  -h, --help                 display this help and exit\n"
"  -V, --version              output version information and exit\n"
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

static int
set_mode(struct options *opts, enum options_mode mode, const char *name,
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

int
options_parse(int argc, char **argv, struct options *opts, char **cause)
{
	int c, i, rc = 0;

	memset(opts, 0, sizeof *opts);
	*cause = NULL;
	optind = 0;	/* glibc: full reset, so tests can parse repeatedly */
	opterr = 0;
	while (rc == 0 &&
	    (c = getopt_long(argc, argv, ":t:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 't':
			opts->taxonomy = optarg;
			break;
		case OPT_JSON:
			rc = set_mode(opts, OPTIONS_MODE_JSON, "json", cause);
			break;
		case OPT_JSONL:
			rc = set_mode(opts, OPTIONS_MODE_JSONL, "jsonl", cause);
			break;
		case OPT_REPORT:
			rc = set_mode(opts, OPTIONS_MODE_REPORT, "report", cause);
			break;
		case OPT_STATS:
			rc = set_mode(opts, OPTIONS_MODE_STATS, "stats", cause);
			break;
		case OPT_TUI:
			rc = set_mode(opts, OPTIONS_MODE_TUI, "tui", cause);
			break;
		case OPT_CHECK_TAXONOMY:
			rc = set_mode(opts, OPTIONS_MODE_CHECK_TAXONOMY,
			    "check-taxonomy", cause);
			opts->check_file = optarg;
			break;
		case OPT_OUTLETS:
			opts->outlets = optarg;
			break;
		case OPT_CHECK_OUTLETS:
			rc = set_mode(opts, OPTIONS_MODE_CHECK_OUTLETS,
			    "check-outlets", cause);
			opts->check_outlets = optarg;
			break;
		case OPT_NO_COLOR:
			opts->no_color = true;
			break;
		case 'h':
			opts->mode = OPTIONS_MODE_HELP;
			return 0;
		case 'V':
			opts->mode = OPTIONS_MODE_VERSION;
			return 0;
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
	if (rc != 0)
		return -1;
	opts->npaths = (size_t)(argc - optind);
	opts->paths = xcalloc(opts->npaths + 1, sizeof *opts->paths);
	for (i = optind; i < argc; i++)
		opts->paths[i - optind] = argv[i];
	return 0;
}

void
options_free(struct options *opts)
{
	free(opts->paths);
	opts->paths = NULL;
	opts->npaths = 0;
}
