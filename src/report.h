/*
 * report: the story as a Markdown summary (--report): the sources, the
 * claims by how many sources carry them, quote drift as word diffs, each
 * source's unique claims and omissions, and the topics x sources matrix.
 *
 * Article text is escaped so that no character of it acts as Markdown;
 * it is already sanitised (text.h), so nothing in it can drive a terminal.
 * report_markdown returns an allocated string the caller frees.
 */
#ifndef PARALLAX_REPORT_H
#define PARALLAX_REPORT_H

#include <stdio.h>

#include "strbuf.h"

struct story;

/* Most claims listed under "only here" for one source. */
#define REPORT_MAX_UNIQUE 10
/* Most outlets named for one claim before "and N more". */
#define REPORT_MAX_NAMES 8
/* Most sources given a column in the coverage matrix. */
#define REPORT_MAX_COLUMNS 24

/* Appends the report to SB. */
void report_build(struct strbuf *sb, const struct story *story);

char *report_markdown(const struct story *story);

/* Writes the report to FP; returns 0, or -1 on a write error. */
int report_write(FILE *fp, const struct story *story);

/* Appends TEXT (LEN bytes) to SB with Markdown's special characters
 * escaped and line breaks read as spaces. */
void report_escape(struct strbuf *sb, const char *text, size_t len);

#endif
