/*
 * gencompletion: writes parallax's shell completion for bash, zsh or fish,
 * made from the program's own option table (src/options.c), so the scripts
 * offer exactly the options the program parses.  Run by make; installs
 * nothing itself.
 *
 * Usage: gencompletion bash|zsh|fish > FILE
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "options.h"

/* What a source PATH can be, by extension (directories are offered too). */
static const char *const gencompletion_source_exts[] = {
	"txt", "md", "markdown", "html", "htm", "xhtml", "xml", "rss", "atom",
};
#define GENCOMPLETION_NSOURCE_EXTS \
	(sizeof gencompletion_source_exts / sizeof gencompletion_source_exts[0])
static const char *const gencompletion_yaml_exts[] = { "yaml", "yml" };

/* The first line of an option's help, which is what a menu has room for. */
static int
gencompletion_summary_len(const struct options_spec *spec)
{
	const char *nl = strchr(spec->help, '\n');

	return nl != NULL ? (int)(nl - spec->help) : (int)strlen(spec->help);
}

static void
gencompletion_bash_exts(const char *const *exts, size_t n)
{
	size_t i;

	fputs("_parallax_files", stdout);
	for (i = 0; i < n; i++)
		printf(" %s", exts[i]);
	fputs("\n", stdout);
}

static void
gencompletion_bash(void)
{
	size_t i;

	fputs(
"# bash completion for parallax(1), generated from its option table.\n"
"\n"
"# Files ending in one of the extensions given, and directories.\n"
"_parallax_files()\n"
"{\n"
"\tlocal IFS=$'\\n' ext\n"
"\tcompopt -o filenames 2>/dev/null\n"
"\tfor ext in \"$@\"; do\n"
"\t\tCOMPREPLY+=($(compgen -f -X \"!*.$ext\" -- \"$cur\"))\n"
"\tdone\n"
"\tCOMPREPLY+=($(compgen -d -- \"$cur\"))\n"
"}\n"
"\n"
"_parallax()\n"
"{\n"
"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= opt= IFS=$' \\t\\n'\n"
"\tCOMPREPLY=()\n"
"\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
"\t# COMP_WORDBREAKS splits --opt=arg into three words: --opt, =, arg.\n"
"\tif [[ $cur == = ]]; then\n"
"\t\topt=$prev cur=\n"
"\telif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
"\t\topt=${COMP_WORDS[COMP_CWORD-2]}\n"
"\telse\n"
"\t\tcase $prev in\n", stdout);
	/* A separate word is the argument only when one is required. */
	fputs("\t\t", stdout);
	{
		int first = 1;

		for (i = 0; i < options_count; i++) {
			const struct options_spec *spec = &options_table[i];

			if (spec->arg == OPTIONS_ARG_NONE || spec->optional)
				continue;
			printf("%s--%s", first ? "" : "|", spec->name);
			if (spec->short_name != 0)
				printf("|-%c", spec->short_name);
			first = 0;
		}
		if (first)
			fputs("--", stdout);	/* no such option: match nothing real */
	}
	fputs(") opt=$prev ;;\n"
"\t\tesac\n"
"\tfi\n"
"\tcase $opt in\n", stdout);
	for (i = 0; i < options_count; i++) {
		const struct options_spec *spec = &options_table[i];

		if (spec->arg == OPTIONS_ARG_NONE)
			continue;
		printf("\t--%s", spec->name);
		if (spec->short_name != 0)
			printf("|-%c", spec->short_name);
		fputs(")\n\t\t", stdout);
		switch (spec->arg) {
		case OPTIONS_ARG_YAML:
			gencompletion_bash_exts(gencompletion_yaml_exts, 2);
			break;
		case OPTIONS_ARG_FILE:
			fputs("compopt -o filenames 2>/dev/null\n"
			    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n", stdout);
			break;
		default:
			fputs(":\n", stdout);	/* nothing to offer */
			break;
		}
		fputs("\t\treturn ;;\n", stdout);
	}
	fputs(
"\tesac\n"
"\tif [[ $cur == -* ]]; then\n"
"\t\tCOMPREPLY=($(compgen -W '", stdout);
	for (i = 0; i < options_count; i++) {
		const struct options_spec *spec = &options_table[i];

		printf("%s--%s", i > 0 ? " " : "", spec->name);
		if (spec->short_name != 0)
			printf(" -%c", spec->short_name);
	}
	fputs("' -- \"$cur\"))\n"
"\t\treturn\n"
"\tfi\n"
"\t", stdout);
	gencompletion_bash_exts(gencompletion_source_exts,
	    GENCOMPLETION_NSOURCE_EXTS);
	fputs(
"}\n"
"complete -F _parallax parallax\n", stdout);
}

/* Text inside a zsh _arguments spec's [description]. */
static void
gencompletion_zsh_text(const char *s, int len)
{
	int i;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '\'':
			fputs("'\\''", stdout);
			break;
		case '[': case ']': case ':': case '\\':
			printf("\\%c", s[i]);
			break;
		default:
			putchar(s[i]);
			break;
		}
	}
}

static void
gencompletion_zsh_glob(const char *const *exts, size_t n)
{
	size_t i;

	fputs("_files -g \"*.(", stdout);
	for (i = 0; i < n; i++)
		printf("%s%s", i > 0 ? "|" : "", exts[i]);
	fputs(")(-.)\"", stdout);
}

static void
gencompletion_zsh_action(const struct options_spec *spec)
{
	const char *what = spec->metavar != NULL ? spec->metavar : "value";

	/* "::" marks an optional argument, ":" a required one. */
	printf("%s%s:", spec->optional ? "::" : ":", what);
	switch (spec->arg) {
	case OPTIONS_ARG_YAML:
		gencompletion_zsh_glob(gencompletion_yaml_exts, 2);
		break;
	case OPTIONS_ARG_FILE:
		fputs("_files", stdout);
		break;
	default:
		fputs(" ", stdout);	/* a value: nothing to offer */
		break;
	}
}

static void
gencompletion_zsh(void)
{
	size_t i;

	fputs(
"#compdef parallax\n"
"# zsh completion for parallax(1), generated from its option table.\n"
"\n"
"_arguments -s -S \\\n", stdout);
	for (i = 0; i < options_count; i++) {
		const struct options_spec *spec = &options_table[i];
		const char *eq = spec->arg == OPTIONS_ARG_NONE ? "" :
		    spec->optional ? "=-" : "=";

		fputs("\t", stdout);
		if (spec->short_name != 0)
			printf("'(-%c --%s)'{-%c%s,--%s%s}'[", spec->short_name,
			    spec->name, spec->short_name,
			    spec->arg == OPTIONS_ARG_NONE ? "" : "+",
			    spec->name, eq);
		else
			printf("'--%s%s[", spec->name, eq);
		gencompletion_zsh_text(spec->help,
		    gencompletion_summary_len(spec));
		fputs("]", stdout);
		if (spec->arg != OPTIONS_ARG_NONE)
			gencompletion_zsh_action(spec);
		fputs("' \\\n", stdout);
	}
	fputs("\t'*:source:", stdout);
	gencompletion_zsh_glob(gencompletion_source_exts,
	    GENCOMPLETION_NSOURCE_EXTS);
	fputs("'\n", stdout);
}

/* Text inside a fish single-quoted string. */
static void
gencompletion_fish_text(const char *s, int len)
{
	int i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			putchar('\\');
		putchar(s[i]);
	}
}

static void
gencompletion_fish(void)
{
	size_t i;

	fputs("# fish completion for parallax(1), generated from its option table.\n",
	    stdout);
	for (i = 0; i < options_count; i++) {
		const struct options_spec *spec = &options_table[i];

		fputs("complete -c parallax", stdout);
		if (spec->short_name != 0)
			printf(" -s %c", spec->short_name);
		printf(" -l %s", spec->name);
		if (spec->arg == OPTIONS_ARG_YAML)
			fputs(" -r -k -a '(__fish_complete_suffix .yaml)'", stdout);
		else if (spec->arg == OPTIONS_ARG_FILE)
			fputs(" -r -F", stdout);
		else if (spec->arg == OPTIONS_ARG_WORD)
			fputs(" -x", stdout);
		fputs(" -d '", stdout);
		gencompletion_fish_text(spec->help,
		    gencompletion_summary_len(spec));
		fputs("'\n", stdout);
	}
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "bash") == 0)
		gencompletion_bash();
	else if (argc == 2 && strcmp(argv[1], "zsh") == 0)
		gencompletion_zsh();
	else if (argc == 2 && strcmp(argv[1], "fish") == 0)
		gencompletion_fish();
	else {
		fputs("usage: gencompletion bash|zsh|fish\n", stderr);
		return 2;
	}
	return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}
