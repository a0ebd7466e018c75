/*
 * bench_hyperscan KEYWORDS TEXT: Hyperscan's matching alone, the anchor the
 * real-text benchmark sets parallax's whole path beside.  Every line of
 * KEYWORDS is one pattern, matched caseless (ASCII, as grep -i and rg -i on
 * these keywords) between word boundaries, the keyword's bytes literal;
 * TEXT is scanned in one block, best of three.  Prints one line:
 *   keywords=K compile_s=S scan_s=S mb_s=M matches=N
 */
#include "config.h"

#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	if (fp == NULL) {
		perror(path);
		exit(1);
	}
	*len = 0;
	do {
		if (*len + 65536 > cap) {
			cap = (cap + 65536) * 2;
			buf = realloc(buf, cap + 1);
			if (buf == NULL) {
				fputs("bench_hyperscan: out of memory\n", stderr);
				exit(1);
			}
		}
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "\b" + every byte of the keyword as \xHH + "\b". */
static char *
pattern(const char *kw, size_t len)
{
	char *p = malloc(len * 4 + 8), *q = p;
	size_t i;

	if (p == NULL)
		exit(1);
	q += sprintf(q, "\\b");
	for (i = 0; i < len; i++)
		q += sprintf(q, "\\x%02x", (unsigned char)kw[i]);
	sprintf(q, "\\b");
	return p;
}

static int
count(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	(*(unsigned long *)ctx)++;
	return 0;
}

int
main(int argc, char **argv)
{
	hs_database_t *db;
	hs_compile_error_t *err;
	hs_scratch_t *scratch = NULL;
	char *kwtext, *text, *line, *end, **pats;
	unsigned int *flags, *ids;
	size_t kwlen, len, n = 0, i;
	unsigned long matches = 0;
	double t0, compile_s, best = 0, t;
	int run;

	if (argc != 3) {
		fputs("usage: bench_hyperscan KEYWORDS TEXT\n", stderr);
		return 2;
	}
	kwtext = slurp(argv[1], &kwlen);
	text = slurp(argv[2], &len);
	pats = calloc(kwlen + 1, sizeof *pats);
	flags = calloc(kwlen + 1, sizeof *flags);
	ids = calloc(kwlen + 1, sizeof *ids);
	if (pats == NULL || flags == NULL || ids == NULL)
		return 1;
	for (line = kwtext; *line != '\0'; line = end + (*end != '\0')) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (end == line)
			continue;
		pats[n] = pattern(line, (size_t)(end - line));
		flags[n] = HS_FLAG_CASELESS;
		ids[n] = (unsigned int)n;
		n++;
	}
	t0 = now();
	if (hs_compile_multi((const char *const *)pats, flags, ids,
	    (unsigned int)n, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
		fprintf(stderr, "bench_hyperscan: pattern %d: %s\n",
		    err->expression, err->message);
		return 1;
	}
	compile_s = now() - t0;
	if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
		fputs("bench_hyperscan: no scratch\n", stderr);
		return 1;
	}
	for (run = 0; run < 3; run++) {
		matches = 0;
		t0 = now();
		if (hs_scan(db, text, (unsigned int)len, 0, scratch, count,
		    &matches) != HS_SUCCESS) {
			fputs("bench_hyperscan: scan failed\n", stderr);
			return 1;
		}
		t = now() - t0;
		if (run == 0 || t < best)
			best = t;
	}
	printf("keywords=%zu compile_s=%.3f scan_s=%.3f mb_s=%.1f matches=%lu\n",
	    n, compile_s, best, (double)len / 1048576 / best, matches);
	hs_free_scratch(scratch);
	hs_free_database(db);
	for (i = 0; i < n; i++)
		free(pats[i]);
	free(pats);
	free(flags);
	free(ids);
	free(kwtext);
	free(text);
	return 0;
}
