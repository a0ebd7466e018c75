/*
 * signature: grouping (group.h) as map/reduce, for archives past one
 * machine.  The map side (`--jsonl --signatures`) writes, per source, one
 * line per band key, `k:KEY<TAB>{"article":"A"}`, and one line with what
 * the reduce side needs, `r:A<TAB>{"article":"A","id":...,"path":...,
 * "outlet":...,"title":...,"date":...,"day":N,"terms":"HASH:COUNT:PLACE ..."}`
 * (A: 16 hex digits naming the source).  Lines are
 * KEY<TAB>VALUE, as Hadoop streaming and Spark's pipe() shuffle them; the
 * reduce side (`--group-signatures`) takes them in any order, groups them
 * and gives the stories `--stories` gives for the same sources.
 */
#ifndef PARALLAX_SIGNATURE_H
#define PARALLAX_SIGNATURE_H

#include <stdio.h>

struct group_article;
struct group_set;

/* Writes ART's lines. */
void signature_write(FILE *fp, const struct group_article *art);

/*
 * Reads signature lines from FP into a new, clustered group_set (*OUT).
 * Returns 0, or -1 with *CAUSE set to "LINE: message" for the first line
 * that is not a signature (the caller frees it).
 */
int signature_read(FILE *fp, struct group_set **out, char **cause);

#endif
