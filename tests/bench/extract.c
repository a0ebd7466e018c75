/*
 * extract: the bench's article extraction: every page of the
 * article-extraction benchmark (DIR: ../shared/data/article-extraction)
 * read into memory first, then extracted whole (HTML to document) three
 * times; prints the benchmark's F1 (extraction.h) and the best CPU time
 * of the three.  Also the best times of the parsing alone: parallax's
 * own (htmltree.h: tokenizer and tree, no metadata), and libxml2's HTML
 * parser with its SAX events going nowhere (the parser readability-lxml's
 * lxml uses, and parallax's before it had its own): the floor under any
 * extractor built on it.  tests/bench/extraction.sh runs it beside
 * readability-lxml.
 */
#include "config.h"

#include <time.h>

#include <libxml/HTMLparser.h>

#include "../extraction.h"
#include "htmltree.h"

#define EXTRACT_ROUNDS 3

static double
extract_cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The best CPU time of libxml2's parse of the N PAGES, its SAX events
 * going nowhere. */
static double
extract_parse_time(char **pages, const size_t *lens, size_t n)
{
	htmlSAXHandler none;
	htmlParserCtxtPtr ctxt;
	double best = -1, start, took;
	size_t i;
	int round;

	memset(&none, 0, sizeof none);
	for (round = 0; round < EXTRACT_ROUNDS; round++) {
		start = extract_cpu_seconds();
		for (i = 0; i < n; i++) {
			if ((ctxt = htmlNewParserCtxt()) == NULL)
				fatal("extract: out of memory");
			memcpy(ctxt->sax, &none, sizeof none);
			htmlCtxtReadMemory(ctxt, pages[i], (int)lens[i], NULL,
			    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NONET |
			    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			    HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
			htmlFreeParserCtxt(ctxt);
		}
		took = extract_cpu_seconds() - start;
		if (best < 0 || took < best)
			best = took;
	}
	return best;
}

/* The best CPU time of parallax's own parse of the N PAGES into trees. */
static double
extract_tree_time(char **pages, const size_t *lens, size_t n)
{
	struct htmltree t;
	double best = -1, start, took;
	size_t i;
	int round;

	for (round = 0; round < EXTRACT_ROUNDS; round++) {
		start = extract_cpu_seconds();
		for (i = 0; i < n; i++) {
			htmltree_parse(&t, pages[i], lens[i], NULL);
			htmltree_free(&t);
		}
		took = extract_cpu_seconds() - start;
		if (best < 0 || took < best)
			best = took;
	}
	return best;
}

int
main(int argc, char **argv)
{
	struct extraction_score score = { 0 };
	struct jsonvalue *truth;
	char **pages, *path, *json, *body, *cause;
	size_t *lens, i, n, len;
	double best = -1, parse, tree, start, took;
	int round;

	if (argc != 2) {
		fprintf(stderr, "usage: extract DIR\n");
		return 2;
	}
	path = xasprintf("%s/ground-truth.json", argv[1]);
	if (document_read_file(path, &json, &len, &cause) != 0) {
		fprintf(stderr, "extract: %s\n", cause);
		return 1;
	}
	free(path);
	if ((truth = jsonvalue_parse(json, len)) == NULL ||
	    truth->kind != JSONVALUE_OBJECT) {
		fprintf(stderr, "extract: %s: no ground truth\n", argv[1]);
		return 1;
	}
	n = truth->nitems;
	pages = xcalloc(n, sizeof *pages);
	lens = xcalloc(n, sizeof *lens);
	for (i = 0; i < n; i++) {
		if ((pages[i] = extraction_page(argv[1], truth->items[i].key,
		    &lens[i])) == NULL) {
			fprintf(stderr, "extract: %s: unreadable page\n",
			    truth->items[i].key);
			return 1;
		}
	}
	for (round = 0; round < EXTRACT_ROUNDS; round++) {
		start = extract_cpu_seconds();
		for (i = 0; i < n; i++) {
			struct document *doc = NULL;

			cause = NULL;
			if (document_load_html("page.html", pages[i], lens[i],
			    NULL, &doc, &cause) != 0)
				free(cause);
			if (round == 0) {
				body = doc != NULL ? extraction_body(doc) :
				    xstrdup("");
				extraction_add(&score, jsonvalue_string(
				    jsonvalue_get(&truth->items[i],
				    "articleBody")), body);
				free(body);
			}
			document_free(doc);
		}
		took = extract_cpu_seconds() - start;
		if (best < 0 || took < best)
			best = took;
	}
	tree = extract_tree_time(pages, lens, n);
	parse = extract_parse_time(pages, lens, n);
	printf("parallax: %zu pages, F1 %.3f (P %.3f R %.3f), %.3f s CPU "
	    "(best of %d; its own parse alone %.3f s, libxml2's parse alone "
	    "%.3f s)\n", score.npages, extraction_f1(&score),
	    extraction_precision(&score), extraction_recall(&score), best,
	    EXTRACT_ROUNDS, tree, parse);
	for (i = 0; i < n; i++)
		free(pages[i]);
	free(pages);
	free(lens);
	jsonvalue_free(truth);
	free(json);
	return 0;
}
