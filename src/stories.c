/* stories: the --stories writers. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"
#include "json.h"
#include "stories.h"
#include "xalloc.h"

void
stories_day(int32_t day, char *buf)
{
	/* Howard Hinnant's civil_from_days. */
	int64_t z = (int64_t)day + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(buf, 11, "%04u-%02u-%02u",
	    (unsigned)(y < 0 ? 0 : y % 10000), (unsigned)(m % 100),
	    (unsigned)(d % 100));
}

static void
stories_json_day(FILE *fp, int32_t day)
{
	char buf[11];

	if (day == GROUP_NO_DAY) {
		fputs("null", fp);
		return;
	}
	stories_day(day, buf);
	fprintf(fp, "\"%s\"", buf);
}

/*
 * The distinct outlets of ST in order of first appearance (the members are
 * by date), as an allocated array of pointers into the articles.
 */
static const char **
stories_outlets(const struct group_set *set, const struct group_story *st,
    size_t *n)
{
	const char **out = xcalloc(st->nmembers + 1, sizeof *out);
	const char *o;
	size_t i, j;

	*n = 0;
	for (i = 0; i < st->nmembers; i++) {
		o = group_set_article(set, st->members[i])->outlet;
		if (o == NULL)
			continue;
		for (j = 0; j < *n && strcmp(out[j], o) != 0; j++)
			;
		if (j == *n)
			out[(*n)++] = o;
	}
	return out;
}

void
stories_write_json(FILE *fp, const struct group_set *set)
{
	const struct group_story *st;
	const struct group_article *a;
	const char **outlets;
	size_t i, j, n;

	fputs("{\"parallax\": 1, \"stories\": [", fp);
	for (i = 0; i < group_set_nstories(set); i++) {
		st = group_set_story(set, i);
		fprintf(fp, "%s\n{\"id\": \"%s\", \"title\": ", i ? "," : "",
		    st->id);
		json_cstr(fp, group_set_article(set, st->central)->title);
		fputs(", \"first\": ", fp);
		stories_json_day(fp, st->first);
		fputs(", \"last\": ", fp);
		stories_json_day(fp, st->last);
		fputs(", \"outlets\": [", fp);
		outlets = stories_outlets(set, st, &n);
		for (j = 0; j < n; j++) {
			fputs(j ? ", " : "", fp);
			json_cstr(fp, outlets[j]);
		}
		free(outlets);
		fputs("], \"sources\": [", fp);
		for (j = 0; j < st->nmembers; j++) {
			a = group_set_article(set, st->members[j]);
			fputs(j ? ",\n  " : "\n  ", fp);
			fputs("{\"path\": ", fp);
			json_cstr(fp, a->path);
			fputs(", \"outlet\": ", fp);
			json_cstr(fp, a->outlet);
			fputs(", \"title\": ", fp);
			json_cstr(fp, a->title);
			fputs(", \"date\": ", fp);
			json_cstr(fp, a->date);
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fputs("\n]}\n", fp);
}

void
stories_write_table(FILE *fp, const struct group_set *set)
{
	const struct group_story *st;
	const char *title, **outlets;
	char first[11], last[11];
	size_t i, n;

	fputs("story\tsources\toutlets\tfirst\tlast\ttitle\n", fp);
	for (i = 0; i < group_set_nstories(set); i++) {
		st = group_set_story(set, i);
		outlets = stories_outlets(set, st, &n);
		free(outlets);
		strcpy(first, "-");
		strcpy(last, "-");
		if (st->first != GROUP_NO_DAY) {
			stories_day(st->first, first);
			stories_day(st->last, last);
		}
		title = group_set_article(set, st->central)->title;
		fprintf(fp, "%s\t%zu\t%zu\t%s\t%s\t", st->id, st->nmembers,
		    n, first, last);
		/* The title is sanitised text (document.h); a tab in it
		 * would shift the columns. */
		for (; title != NULL && *title != '\0'; title++)
			fputc(*title == '\t' ? ' ' : *title, fp);
		fputc('\n', fp);
	}
}
