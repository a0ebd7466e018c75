/*
 * extraction: scoring parallax's article extraction on the public
 * article-extraction benchmark (../shared/data/article-extraction), with
 * the benchmark's own metric: both texts split into \w+ tokens (Unicode
 * letters, numbers and '_'), word 4-gram shingles with their counts, per
 * page TP/FP/FN normalised to sum 1, precision and recall averaged over
 * pages, F1 of the two means.  Shared by test_extraction and the bench.
 * Pages are read in place (gzip -dc); nothing of them is kept.
 */
#ifndef PARALLAX_EXTRACTION_H
#define PARALLAX_EXTRACTION_H

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "document.h"
#include "jsonvalue.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Pages held out of tuning: those whose ID starts with one of these. */
#define EXTRACTION_HELD_OUT "014"

struct extraction_score {
	double precision;	/* sums over pages, then means */
	double recall;
	size_t nprecision;	/* pages counted in the precision mean */
	size_t npages;
};

static inline bool
extraction_is_word(int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);

	return cp == '_' || (cat >= UTF8PROC_CATEGORY_LU &&
	    cat <= UTF8PROC_CATEGORY_LO) || (cat >= UTF8PROC_CATEGORY_ND &&
	    cat <= UTF8PROC_CATEGORY_NO);
}

static inline int
extraction_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The sorted hashes of TEXT's word 4-grams (one shorter n-gram when
 * there are fewer than four words, none when there are none). */
static inline uint64_t *
extraction_shingles(const char *text, size_t *n)
{
	uint64_t *words = NULL, *out;
	size_t nw = 0, cap = 0, pos = 0, len = strlen(text), start, i, k, m;
	int32_t cp;
	uint64_t h;

	while (pos < len) {
		start = pos;
		cp = text_decode(text, len, &pos);
		if (cp < 0 || !extraction_is_word(cp))
			continue;
		h = 1469598103934665603ULL;
		for (;;) {
			for (k = start; k < pos; k++)
				h = (h ^ (unsigned char)text[k]) *
				    1099511628211ULL;
			start = pos;
			if (pos >= len)
				break;
			cp = text_decode(text, len, &pos);
			if (cp < 0 || !extraction_is_word(cp))
				break;
		}
		if (nw == cap) {
			cap = cap * 2 + 64;
			words = xreallocarray(words, cap, sizeof *words);
		}
		words[nw++] = h;
	}
	m = nw >= 4 ? nw - 3 : nw > 0;
	out = xreallocarray(NULL, m + 1, sizeof *out);
	for (i = 0; i < m; i++) {
		h = 0;
		for (k = i; k < i + 4 && k < nw; k++)
			h = h * 0x9e3779b97f4a7c15ULL + words[k] + k - i;
		out[i] = h;
	}
	free(words);
	qsort(out, m, sizeof *out, extraction_cmp_u64);
	*n = m;
	return out;
}

/* Adds one page: TRUTH against PREDICTED. */
static inline void
extraction_add(struct extraction_score *s, const char *truth,
    const char *predicted)
{
	size_t nt, np, i = 0, j = 0;
	uint64_t *t = extraction_shingles(truth, &nt);
	uint64_t *p = extraction_shingles(predicted, &np);
	double tp = 0, fp, fn;

	while (i < nt && j < np) {
		if (t[i] == p[j]) {
			tp++;
			i++;
			j++;
		} else if (t[i] < p[j])
			i++;
		else
			j++;
	}
	free(t);
	free(p);
	fp = (double)np - tp;
	fn = (double)nt - tp;
	s->npages++;
	if (fp == 0 && fn == 0) {
		s->precision += 1;
		s->recall += 1;
		s->nprecision++;
		return;
	}
	/* TP/(TP+FP) is the same whether or not the three are first
	 * normalised to sum 1, as the benchmark does. */
	if (tp + fp > 0) {
		s->precision += tp / (tp + fp);
		s->nprecision++;
	}
	s->recall += tp + fn > 0 ? tp / (tp + fn) : 0;
}

static inline double
extraction_precision(const struct extraction_score *s)
{
	return s->nprecision != 0 ? s->precision / (double)s->nprecision : 0;
}

static inline double
extraction_recall(const struct extraction_score *s)
{
	return s->npages != 0 ? s->recall / (double)s->npages : 0;
}

static inline double
extraction_f1(const struct extraction_score *s)
{
	double p = extraction_precision(s), r = extraction_recall(s);

	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* What parallax keeps of a page: its dateline and the text of its
 * sentences that are not boilerplate, one paragraph a line. */
static inline char *
extraction_body(const struct document *doc)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (doc->dateline != NULL) {
		strbuf_addstr(&sb, doc->dateline);
		strbuf_addch(&sb, ' ');
	}
	for (i = 0; i < doc->nsentences; i++) {
		if (doc->sentences[i].boilerplate)
			continue;
		strbuf_add(&sb, doc->sentences[i].text, doc->sentences[i].len);
		strbuf_addch(&sb, i + 1 < doc->nsentences &&
		    doc->sentences[i + 1].paragraph !=
		    doc->sentences[i].paragraph ? '\n' : ' ');
	}
	strbuf_addch(&sb, '\0');
	return strbuf_detach(&sb);
}

/* The decompressed page DIR/html/ID.html.gz, or NULL. */
static inline char *
extraction_page(const char *dir, const char *id, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char *cmd = xasprintf("gzip -dc '%s/html/%s.html.gz'", dir, id);
	FILE *fp = popen(cmd, "r");
	size_t got;

	free(cmd);
	if (fp == NULL)
		return NULL;
	do {
		strbuf_grow(&sb, 65536);
		got = fread(sb.data + sb.len, 1, 65536, fp);
		sb.len += got;
	} while (got > 0);
	if (pclose(fp) != 0) {
		strbuf_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

#endif
