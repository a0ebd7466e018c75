/*
 * stories: the story list of a grouped archive (group.h) as the program
 * prints it: `--stories` as a table or, with `--json`, as
 * {"parallax": 1, "stories": [...]}.  Owns nothing; the writers read the
 * group_set they are given.
 */
#ifndef PARALLAX_STORIES_H
#define PARALLAX_STORIES_H

#include <stdint.h>
#include <stdio.h>

struct group_set;

/* Writes DAY (days since 1970-01-01) as YYYY-MM-DD into BUF (11 bytes). */
void stories_day(int32_t day, char *buf);

void stories_write_json(FILE *fp, const struct group_set *set);

/* One line per story: id, articles, outlets, date span, title. */
void stories_write_table(FILE *fp, const struct group_set *set);

#endif
