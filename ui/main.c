/* parallax: the program's entry point. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "options.h"

int
main(int argc, char **argv)
{
	struct options opts;
	char *cause;

	if (options_parse(argc, argv, &opts, &cause) != 0) {
		fprintf(stderr, "parallax: %s (try 'parallax --help')\n", cause);
		free(cause);
		return 2;
	}
	switch (opts.mode) {
	case OPTIONS_MODE_HELP:
		options_usage(stdout);
		break;
	case OPTIONS_MODE_VERSION:
		printf("parallax %s\n", PACKAGE_VERSION);
		break;
	default:
		fprintf(stderr, "parallax: the story cannot be opened yet\n");
		options_free(&opts);
		return 1;
	}
	options_free(&opts);
	return 0;
}
