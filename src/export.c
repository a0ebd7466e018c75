#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "claims.h"
#include "document.h"
#include "discrepancy.h"
#include "drift.h"
#include "export.h"
#include "json.h"
#include "outlets.h"
#include "spread.h"
#include "story.h"
#include "taxonomy.h"
#include "timeline.h"
#include "xalloc.h"

static void
export_topic_ids(FILE *fp, const struct taxonomy *tax, const size_t *topics,
    size_t n)
{
	size_t i;

	putc('[', fp);
	for (i = 0; i < n; i++) {
		if (i != 0)
			putc(',', fp);
		json_cstr(fp, tax->topics[topics[i]].id);
	}
	putc(']', fp);
}

/* The fields every sentence carries in --json and --jsonl. */
static void
export_sentence_fields(FILE *fp, const struct sentence *s, size_t index,
    const struct taxonomy *tax)
{
	size_t i;

	fprintf(fp, "\"index\":%zu,\"paragraph\":%zu,\"text\":", index,
	    (size_t)s->paragraph);
	json_string(fp, s->text, s->len);
	fprintf(fp, ",\"boilerplate\":%s,", s->boilerplate ? "true" : "false");
	/* Only on headings: the schema grows, earlier output stays. */
	if (s->heading)
		fputs("\"heading\":true,", fp);
	fputs("\"topics\":", fp);
	export_topic_ids(fp, tax, s->topics, s->ntopics);
	fputs(",\"matches\":[", fp);
	for (i = 0; i < s->nmatches; i++) {
		const struct match *m = &s->matches[i];

		if (i != 0)
			putc(',', fp);
		fputs("{\"topic\":", fp);
		json_cstr(fp, tax->topics[m->topic].id);
		fputs(",\"keyword\":", fp);
		json_cstr(fp, m->keyword);
		fprintf(fp, ",\"start\":%zu,\"end\":%zu}", m->start, m->end);
	}
	fputs("],\"quotes\":[", fp);
	for (i = 0; i < s->nquotes; i++) {
		fprintf(fp, "%s{\"start\":%zu,\"end\":%zu}", i != 0 ? "," : "",
		    s->quotes[i].start, s->quotes[i].end);
	}
	putc(']', fp);
}

static void
export_document_meta(FILE *fp, const struct document *doc)
{
	const struct {
		const char *key;
		const char *value;
	} fields[] = {
		{ "path", doc->path }, { "outlet", doc->outlet },
		{ "title", doc->title }, { "url", doc->url },
		{ "date", doc->date }, { "author", doc->author },
		{ "dateline", doc->dateline },
	};
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		fprintf(fp, "%s\"%s\":", i != 0 ? "," : "", fields[i].key);
		json_cstr(fp, fields[i].value);
	}
	fputs(",\"meta\":{", fp);
	for (i = 0; i < doc->nextra; i++) {
		if (i != 0)
			putc(',', fp);
		json_cstr(fp, doc->extra[i].key);
		putc(':', fp);
		json_cstr(fp, doc->extra[i].value);
	}
	putc('}', fp);
}

static void
export_json_taxonomy(FILE *fp, const struct taxonomy *tax, const char *path)
{
	size_t i;

	fputs("\"taxonomy\":{\"path\":", fp);
	json_cstr(fp, path);
	fputs(",\"topics\":[", fp);
	for (i = 0; i < tax->ntopics; i++) {
		const struct topic *t = &tax->topics[i];

		fputs(i != 0 ? ",\n  {\"id\":" : "\n  {\"id\":", fp);
		json_cstr(fp, t->id);
		fputs(",\"label\":", fp);
		json_cstr(fp, t->label);
		fputs(",\"parent\":", fp);
		json_cstr(fp, t->parent == TOPIC_NO_PARENT ? NULL :
		    tax->topics[t->parent].id);
		putc('}', fp);
	}
	fputs("]}", fp);
}

static void
export_drift_end(FILE *fp, const char *key, size_t doc, size_t sentence,
    struct span quote)
{
	char id[32];

	story_source_id(doc, id, sizeof id);
	fprintf(fp, "\"%s\":{\"source\":\"%s\",\"index\":%zu,\"start\":%zu,"
	    "\"end\":%zu}", key, id, sentence, quote.start, quote.end);
}

/* Quote drift: pairs of quotes of the same words and their word edits. */
static void
export_json_drifts(FILE *fp, const struct claim *c)
{
	static const char *const kinds[] = {
		[DRIFT_CHANGED] = "changed",
		[DRIFT_ONLY_A] = "dropped",
		[DRIFT_ONLY_B] = "added",
		[DRIFT_MOVED] = "moved",
	};
	size_t i, j;

	fputs(",\"drift\":[", fp);
	for (i = 0; i < c->ndrifts; i++) {
		const struct drift *d = &c->drifts[i];

		fputs(i != 0 ? ",{" : "{", fp);
		export_drift_end(fp, "a", d->doc_a, d->sentence_a, d->quote_a);
		putc(',', fp);
		export_drift_end(fp, "b", d->doc_b, d->sentence_b, d->quote_b);
		fputs(",\"edits\":[", fp);
		for (j = 0; j < d->nedits; j++) {
			const struct drift_edit *e = &d->edits[j];

			fprintf(fp, "%s{\"kind\":\"%s\",\"a\":{\"start\":%zu,"
			    "\"end\":%zu},\"b\":{\"start\":%zu,\"end\":%zu}}",
			    j != 0 ? "," : "", kinds[e->kind], e->a.start,
			    e->a.end, e->b.start, e->b.end);
		}
		fputs("]}", fp);
	}
	putc(']', fp);
}

/* The outlets file in use and its scale. */
static void
export_json_outlets(FILE *fp, const struct outlets *outlets)
{
	size_t i;

	fputs(",\n\"outlets\":", fp);
	if (outlets == NULL) {
		fputs("null", fp);
		return;
	}
	fputs("{\"path\":", fp);
	json_cstr(fp, outlets->path);
	fputs(",\"leanings\":[", fp);
	for (i = 0; i < outlets->nleanings; i++) {
		fputs(i != 0 ? "," : "", fp);
		json_cstr(fp, outlets->leanings[i].name);
	}
	fprintf(fp, "],\"blindspot\":{\"share\":%u,\"min_rated\":%zu}}",
	    outlets->blindspot_percent, outlets->blindspot_min_rated);
}

/* A source's profile, or null when it is unrated. */
static void
export_json_profile(FILE *fp, const struct outlets *outlets,
    const struct outlet *p)
{
	fputs(",\"profile\":", fp);
	if (p == NULL) {
		fputs("null", fp);
		return;
	}
	fputs("{\"name\":", fp);
	json_cstr(fp, p->name);
	fputs(",\"leaning\":", fp);
	json_cstr(fp, p->leaning == OUTLET_UNRATED ? NULL :
	    outlets->leanings[p->leaning].name);
	fputs(",\"country\":", fp);
	json_cstr(fp, p->country);
	fputs(",\"kind\":", fp);
	json_cstr(fp, p->kind);
	putc('}', fp);
}

/* When a source was published, or why it is not placed in time. */
static void
export_json_published(FILE *fp, const struct timeline *tl, size_t doc)
{
	char when[32];

	fputs(",\"published\":", fp);
	if (tl->when[doc] == TIMELINE_PLACED) {
		timeline_format(tl->at[doc], when, sizeof when);
		json_cstr(fp, when);
		fputs(",\"unplaced\":null", fp);
		return;
	}
	fputs("null,\"unplaced\":", fp);
	json_cstr(fp, timeline_reason(tl->when[doc]));
}

/* Distinct outlets per leaning, unrated ones, and the blindspot. */
static void
export_json_leanings(FILE *fp, const struct spread *sp,
    const struct spread_counts *c)
{
	size_t i;

	fputs(",\"leanings\":{", fp);
	for (i = 0; i < sp->nleanings; i++) {
		json_cstr(fp, sp->outlets->leanings[i].name);
		fprintf(fp, ":%zu,", c->by_leaning[i]);
	}
	fprintf(fp, "\"unrated\":%zu},\"blindspot\":", c->unrated);
	json_cstr(fp, c->blindspot == 0 ? NULL :
	    outlets_side_name(sp->outlets, c->blindspot));
}

/* Who had claim I first, and each source's delay after it in seconds. */
static void
export_json_delays(FILE *fp, const struct timeline *tl, const struct claim *c,
    size_t i)
{
	char id[32];
	size_t j;

	fputs(",\"first_source\":", fp);
	if (tl->claims[i].first == TIMELINE_NONE)
		fputs("null", fp);
	else {
		story_source_id(tl->claims[i].first, id, sizeof id);
		fprintf(fp, "\"%s\"", id);
	}
	fputs(",\"delays\":{", fp);
	for (j = 0; j < c->ndocs; j++) {
		story_source_id(c->docs[j], id, sizeof id);
		fprintf(fp, "%s\"%s\":", j != 0 ? "," : "", id);
		if (tl->claims[i].delays[j] < 0)
			fputs("null", fp);
		else
			fprintf(fp, "%lld",
			    (long long)tl->claims[i].delays[j]);
	}
	putc('}', fp);
}

/* A sentence cut into units (claims.h): each unit's bytes and claim. */
static void
export_json_units(FILE *fp, const struct claims *claims, size_t doc,
    size_t sentence)
{
	const struct claim_unit *u;
	size_t k, n = 0;

	if (claims != NULL)
		u = claims_units(claims, doc, sentence, &n);
	if (n == 0)
		return;
	fputs(",\"units\":[", fp);
	for (k = 0; k < n; k++)
		fprintf(fp, "%s{\"start\":%u,\"end\":%u,\"claim\":%zu}",
		    k != 0 ? "," : "", u[k].ref.start, u[k].ref.end,
		    u[k].claim);
	putc(']', fp);
}

static void
export_json_claims(FILE *fp, const struct story *story,
    const struct spread *sp, const struct timeline *tl)
{
	const struct claims *claims = story->claims;
	char id[32];
	size_t i, j;

	fputs(",\n\"claims\":[", fp);
	for (i = 0; claims != NULL && i < claims->n; i++) {
		const struct claim *c = &claims->items[i];
		const struct sentence *rep =
		    &story->docs[c->rep.doc]->sentences[c->rep.sentence];
		struct span unit = claims_ref_span(rep, &c->rep);

		fprintf(fp, "%s{\"id\":%zu,\"topics\":", i != 0 ? ",\n " : "\n ",
		    c->id);
		export_topic_ids(fp, story->taxonomy, c->topics, c->ntopics);
		fputs(",\"sources\":[", fp);
		for (j = 0; j < c->ndocs; j++) {
			story_source_id(c->docs[j], id, sizeof id);
			fprintf(fp, "%s\"%s\"", j != 0 ? "," : "", id);
		}
		fputs("],\"sentences\":[", fp);
		for (j = 0; j < c->nrefs; j++) {
			story_source_id(c->refs[j].doc, id, sizeof id);
			fprintf(fp, "%s{\"source\":\"%s\",\"index\":%zu",
			    j != 0 ? "," : "", id, c->refs[j].sentence);
			if (c->refs[j].end != 0)
				fprintf(fp, ",\"start\":%u,\"end\":%u",
				    c->refs[j].start, c->refs[j].end);
			putc('}', fp);
		}
		fputs("],\"text\":", fp);
		json_string(fp, rep->text + unit.start, unit.end - unit.start);
		export_json_drifts(fp, c);
		export_json_leanings(fp, sp, &sp->claims[i]);
		export_json_delays(fp, tl, c, i);
		putc('}', fp);
	}
	fputs("]", fp);
}

/* One side of a discrepancy: where it is and the figure it gives. */
static void
export_discrepancy_end(FILE *fp, const struct story *story, const char *key,
    struct claim_ref ref, size_t claim, struct span figure)
{
	const struct sentence *s =
	    &story->docs[ref.doc]->sentences[ref.sentence];
	char id[32];

	story_source_id(ref.doc, id, sizeof id);
	fprintf(fp, "\"%s\":{\"source\":\"%s\",\"index\":%zu,\"claim\":%zu,"
	    "\"start\":%zu,\"end\":%zu,\"figure\":", key, id, ref.sentence,
	    claim, figure.start, figure.end);
	json_string(fp, s->text + figure.start, figure.end - figure.start);
	putc('}', fp);
}

/* Sentences of two sources that agree but for a figure. */
static void
export_json_discrepancies(FILE *fp, const struct story *story)
{
	const struct claims *claims = story->claims;
	const struct discrepancy *d;
	size_t i;

	fputs(",\n\"discrepancies\":[", fp);
	for (i = 0; claims != NULL && i < claims->ndiscrepancies; i++) {
		d = &claims->discrepancies[i];
		fputs(i != 0 ? ",\n {" : "\n {", fp);
		export_discrepancy_end(fp, story, "a", d->a, d->claim_a,
		    d->figure_a);
		putc(',', fp);
		export_discrepancy_end(fp, story, "b", d->b, d->claim_b,
		    d->figure_b);
		putc('}', fp);
	}
	putc(']', fp);
}

void
export_json(FILE *fp, const struct story *story, const char *taxonomy_path)
{
	struct spread *sp = spread_build(story->docs, story->ndocs,
	    story->claims, story->outlets);
	struct timeline *tl = timeline_build(story->docs, story->ndocs,
	    story->claims);
	char id[32];
	size_t d, i;

	fputs("{\"parallax\":1,\n", fp);
	export_json_taxonomy(fp, story->taxonomy, taxonomy_path);
	export_json_outlets(fp, story->outlets);
	fputs(",\n\"sources\":[", fp);
	for (d = 0; d < story->ndocs; d++) {
		const struct document *doc = story->docs[d];

		story_source_id(d, id, sizeof id);
		fprintf(fp, "%s{\"id\":\"%s\",", d != 0 ? ",\n " : "\n ", id);
		export_document_meta(fp, doc);
		export_json_profile(fp, story->outlets, sp->profiles[d]);
		export_json_published(fp, tl, d);
		fputs(",\"sentences\":[", fp);
		for (i = 0; i < doc->nsentences; i++) {
			const struct sentence *s = &doc->sentences[i];

			fputs(i != 0 ? ",\n  {" : "\n  {", fp);
			export_sentence_fields(fp, s, i, story->taxonomy);
			fputs(",\"claim\":", fp);
			if (s->claim == SENTENCE_NO_CLAIM)
				fputs("null", fp);
			else
				fprintf(fp, "%zu", s->claim);
			export_json_units(fp, story->claims, d, i);
			putc('}', fp);
		}
		fputs("]}", fp);
	}
	fputs("]", fp);
	export_json_leanings(fp, sp, &sp->story);
	export_json_claims(fp, story, sp, tl);
	export_json_discrepancies(fp, story);
	fputs("}\n", fp);
	timeline_free(tl);
	spread_free(sp);
}

void
export_jsonl_document(FILE *fp, const struct document *doc,
    const struct taxonomy *tax, const char *story)
{
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		fputs("{\"source\":", fp);
		json_cstr(fp, doc->path);
		fputs(",\"outlet\":", fp);
		json_cstr(fp, doc->outlet);
		if (story != NULL)
			fprintf(fp, ",\"story\":\"%s\"", story);
		putc(',', fp);
		export_sentence_fields(fp, &doc->sentences[i], i, tax);
		fputs("}\n", fp);
	}
}

struct export_stats {
	const struct taxonomy *tax;
	size_t *sentences;
	size_t *sources;
	size_t *last_sentence;	/* stamp: counted for this sentence already */
	size_t *last_source;	/* stamp: counted for this source already */
	size_t sentence_stamp;
	size_t source_stamp;
};

struct export_stats *
export_stats_new(const struct taxonomy *tax)
{
	struct export_stats *st = xcalloc(1, sizeof *st);
	size_t n = tax->ntopics;

	st->tax = tax;
	st->sentences = xcalloc(n, sizeof *st->sentences);
	st->sources = xcalloc(n, sizeof *st->sources);
	st->last_sentence = xcalloc(n, sizeof *st->last_sentence);
	st->last_source = xcalloc(n, sizeof *st->last_source);
	return st;
}

void
export_stats_add(struct export_stats *st, const struct document *doc)
{
	size_t i, j, t;

	st->source_stamp++;
	for (i = 0; i < doc->nsentences; i++) {
		const struct sentence *s = &doc->sentences[i];

		st->sentence_stamp++;
		for (j = 0; j < s->ntopics; j++) {
			/* A subtopic hit counts once for each ancestor too. */
			for (t = s->topics[j]; t != TOPIC_NO_PARENT;
			    t = st->tax->topics[t].parent) {
				if (st->last_sentence[t] == st->sentence_stamp)
					break;
				st->last_sentence[t] = st->sentence_stamp;
				st->sentences[t]++;
				if (st->last_source[t] != st->source_stamp) {
					st->last_source[t] = st->source_stamp;
					st->sources[t]++;
				}
			}
		}
	}
}

void
export_stats_write(FILE *fp, const struct export_stats *st)
{
	size_t i;

	for (i = 0; i < st->tax->ntopics; i++)
		fprintf(fp, "%s\t%zu\t%zu\n", st->tax->topics[i].id,
		    st->sentences[i], st->sources[i]);
}

void
export_stats_free(struct export_stats *st)
{
	if (st == NULL)
		return;
	free(st->sentences);
	free(st->sources);
	free(st->last_sentence);
	free(st->last_source);
	free(st);
}
