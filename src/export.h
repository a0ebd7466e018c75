/*
 * export: the machine-readable outputs (--json, --jsonl, --stats), written
 * to a stdio stream.  The exporters read the model and own nothing.
 * The Markdown report lives in report.h.
 */
#ifndef PARALLAX_EXPORT_H
#define PARALLAX_EXPORT_H

#include <stddef.h>
#include <stdio.h>

struct document;
struct story;
struct taxonomy;

/* The whole analysis in the schema of parallax(1), JSON section. */
void export_json(FILE *fp, const struct story *story, const char *taxonomy_path);

/* One JSON object per sentence of DOC, one per line.  Sources are named
 * by path, so the output of parts concatenates to the output of the whole.
 * STORY, when not NULL, is the id of the story DOC belongs to. */
void export_jsonl_document(FILE *fp, const struct document *doc,
    const struct taxonomy *tax, const char *story);

/*
 * Per-topic counts for --stats: sentences and sources carrying a topic or
 * any of its subtopics.  Fed one document at a time, in bounded memory.
 */
struct export_stats;
struct export_stats *export_stats_new(const struct taxonomy *tax);
void export_stats_add(struct export_stats *stats, const struct document *doc);
void export_stats_write(FILE *fp, const struct export_stats *stats);
void export_stats_free(struct export_stats *stats);

#endif
