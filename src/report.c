/* report: the Markdown summary of a story. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "coverage.h"
#include "discrepancy.h"
#include "document.h"
#include "drift.h"
#include "outlets.h"
#include "report.h"
#include "spread.h"
#include "story.h"
#include "taxonomy.h"
#include "xalloc.h"

void
report_escape(struct strbuf *sb, const char *text, size_t len)
{
	size_t i;
	char c;

	for (i = 0; i < len; i++) {
		c = text[i];
		if (c == '\n' || c == '\t' || c == '\r') {
			strbuf_addch(sb, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|~&#!{}", c) != NULL)
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, c);
	}
}

static void
report_escstr(struct strbuf *sb, const char *s)
{
	report_escape(sb, s, strlen(s));
}

static const char *
report_outlet(const struct document *d)
{
	const char *slash;

	if (d->outlet != NULL && *d->outlet != '\0')
		return d->outlet;
	slash = strrchr(d->path, '/');
	return slash != NULL ? slash + 1 : d->path;
}

static const struct sentence *
report_sentence(const struct story *story, size_t doc, size_t sentence)
{
	return &story->docs[doc]->sentences[sentence];
}

static const char *
report_topic(const struct story *story, size_t t)
{
	const struct topic *topic = &story->taxonomy->topics[t];

	return topic->label != NULL ? topic->label : topic->id;
}

/* "Anadolu, Interfax and NBC News", or "A, B, ... and 12 more" */
static void
report_sources(struct strbuf *sb, const struct story *story,
    const struct claim *cl)
{
	size_t i, shown = cl->ndocs;

	if (shown > REPORT_MAX_NAMES)
		shown = REPORT_MAX_NAMES - 1;
	for (i = 0; i < shown; i++) {
		if (i != 0)
			strbuf_addstr(sb, i + 1 == cl->ndocs ? " and " : ", ");
		report_escstr(sb, report_outlet(story->docs[cl->docs[i]]));
	}
	if (shown < cl->ndocs)
		strbuf_addf(sb, " and %zu more", cl->ndocs - shown);
}

static void
report_claim_text(struct strbuf *sb, const struct story *story,
    const struct claim *cl)
{
	const struct sentence *s = report_sentence(story, cl->rep.doc,
	    cl->rep.sentence);
	struct span unit = claims_ref_span(s, &cl->rep);

	report_escape(sb, s->text + unit.start, unit.end - unit.start);
}

/* A shared claim's sort key: more sources first, then more sentences. */
struct report_rank {
	size_t ndocs;
	size_t nrefs;
	size_t id;
};

static int
report_rankcmp(const void *x, const void *y)
{
	const struct report_rank *a = x, *b = y;

	if (a->ndocs != b->ndocs)
		return a->ndocs > b->ndocs ? -1 : 1;
	if (a->nrefs != b->nrefs)
		return a->nrefs > b->nrefs ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Claims carried by two sources or more, most widely carried first. */
static size_t *
report_shared(const struct claims *claims, size_t *n)
{
	struct report_rank *rank;
	size_t *ids, i, k;

	rank = xreallocarray(NULL, claims->n + 1, sizeof *rank);
	for (i = k = 0; i < claims->n; i++) {
		if (claims->items[i].boilerplate || claims->items[i].ndocs < 2)
			continue;
		rank[k].ndocs = claims->items[i].ndocs;
		rank[k].nrefs = claims->items[i].nrefs;
		rank[k].id = i;
		k++;
	}
	qsort(rank, k, sizeof *rank, report_rankcmp);
	ids = xreallocarray(NULL, k + 1, sizeof *ids);
	for (i = 0; i < k; i++)
		ids[i] = rank[i].id;
	free(rank);
	*n = k;
	return ids;
}

static void
report_header(struct strbuf *sb, const struct story *story,
    const struct coverage *cov, size_t nshared)
{
	size_t d, i, nsent = 0, nclutter = 0, nclaims = 0;

	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			nsent++;
			nclutter += story->docs[d]->sentences[i].boilerplate;
		}
	}
	for (i = 0; i < story->claims->n; i++)
		nclaims += !story->claims->items[i].boilerplate;
	strbuf_addstr(sb, "# Story report\n\n");
	strbuf_addf(sb, "%zu source%s, %zu sentences (%zu of them site "
	    "clutter, left out below), %zu claims: %zu carried by two "
	    "sources or more.\n\n", story->ndocs, story->ndocs == 1 ? "" : "s",
	    nsent, nclutter, nclaims, nshared);
	strbuf_addstr(sb, "## Sources\n\n");
	strbuf_addstr(sb, "| # | Source | Title | Sentences | Claims | "
	    "Shared | Only here |\n|--:|---|---|--:|--:|--:|--:|\n");
	for (d = 0; d < story->ndocs; d++) {
		nsent = 0;
		for (i = 0; i < story->docs[d]->nsentences; i++)
			nsent += !story->docs[d]->sentences[i].boilerplate;
		strbuf_addf(sb, "| %zu | ", d + 1);
		report_escstr(sb, report_outlet(story->docs[d]));
		strbuf_addstr(sb, " | ");
		if (story->docs[d]->title != NULL)
			report_escstr(sb, story->docs[d]->title);
		strbuf_addf(sb, " | %zu | %zu | %zu | %zu |\n", nsent,
		    cov->sources[d].nclaims, cov->sources[d].nshared,
		    cov->sources[d].nunique);
	}
	strbuf_addch(sb, '\n');
}

static void
report_claims(struct strbuf *sb, const struct story *story,
    const size_t *ids, size_t n)
{
	const struct claim *cl;
	size_t i, t, last = 0;

	strbuf_addstr(sb, "## Claims by coverage\n\n");
	if (n == 0) {
		strbuf_addstr(sb, "No claim is carried by more than one "
		    "source.\n\n");
		return;
	}
	for (i = 0; i < n; i++) {
		cl = &story->claims->items[ids[i]];
		if (cl->ndocs != last) {
			if (last != 0)
				strbuf_addch(sb, '\n');
			strbuf_addf(sb, "### %zu of %zu sources\n\n", cl->ndocs,
			    story->ndocs);
			last = cl->ndocs;
		}
		strbuf_addstr(sb, "- ");
		report_claim_text(sb, story, cl);
		strbuf_addstr(sb, "\\\n  *");
		report_sources(sb, story, cl);
		strbuf_addch(sb, '*');
		for (t = 0; t < cl->ntopics; t++) {
			strbuf_addstr(sb, t == 0 ? " · " : ", ");
			report_escstr(sb, report_topic(story, cl->topics[t]));
		}
		strbuf_addch(sb, '\n');
	}
	strbuf_addch(sb, '\n');
}

/* "left 4, center 2, right 1, unrated 3" */
static void
report_counts(struct strbuf *sb, const struct spread *sp,
    const struct spread_counts *c)
{
	size_t i;

	for (i = 0; i < sp->nleanings; i++)
		strbuf_addf(sb, "%s %zu, ", sp->outlets->leanings[i].name,
		    c->by_leaning[i]);
	strbuf_addf(sb, "unrated %zu", c->unrated);
}

/*
 * Distinct outlets by leaning, for the story and each outlet's profile,
 * then the shared claims carried mostly by one side.
 */
static void
report_leanings(struct strbuf *sb, const struct story *story,
    const struct spread *sp, const size_t *ids, size_t n)
{
	const struct outlets *o = sp->outlets;
	const struct claim *cl;
	size_t i, nblind = 0;

	strbuf_addstr(sb, "## Coverage by leaning\n\n");
	if (o == NULL) {
		strbuf_addstr(sb, "No outlets file: every source is "
		    "unrated.\n\n");
		return;
	}
	strbuf_addstr(sb, "Outlets: ");
	report_counts(sb, sp, &sp->story);
	strbuf_addstr(sb, ".");
	if (sp->story.blindspot != 0)
		strbuf_addf(sb, " **Blindspot:** carried mostly by the %s.",
		    outlets_side_name(o, sp->story.blindspot));
	strbuf_addf(sb, "\n\nA blindspot is a story or claim carried by "
	    "%u%% or more of its rated outlets on one side, with %zu rated "
	    "at least (", o->blindspot_percent, o->blindspot_min_rated);
	report_escstr(sb, o->path);
	strbuf_addstr(sb, ").\n\n");
	for (i = 0; i < n; i++) {
		cl = &story->claims->items[ids[i]];
		if (sp->claims[ids[i]].blindspot == 0)
			continue;
		if (nblind++ == 0)
			strbuf_addstr(sb, "### Blindspot claims\n\n");
		strbuf_addstr(sb, "- ");
		report_claim_text(sb, story, cl);
		strbuf_addf(sb, "\\\n  *the %s: ", outlets_side_name(o,
		    sp->claims[ids[i]].blindspot));
		report_counts(sb, sp, &sp->claims[ids[i]]);
		strbuf_addstr(sb, "*\n");
	}
	if (nblind == 0)
		strbuf_addstr(sb, "No shared claim is a blindspot.\n");
	strbuf_addch(sb, '\n');
}

/* Edits of one side, in that side's order, for marking up its quote. */
struct report_mark {
	struct span sp;
	const char *open;
	const char *close;
};

static int
report_markcmp(const void *x, const void *y)
{
	const struct report_mark *a = x, *b = y;

	return a->sp.start < b->sp.start ? -1 : a->sp.start > b->sp.start;
}

/*
 * One side of a drift: the quote with the words the other side lacks
 * struck (side A) or in bold (side B), and moved words in italics.
 */
static void
report_quote(struct strbuf *sb, const char *text, struct span q,
    const struct drift *d, bool side_a)
{
	struct report_mark *marks;
	const struct drift_edit *e;
	size_t i, n = 0, pos = q.start;

	marks = xreallocarray(NULL, d->nedits + 1, sizeof *marks);
	for (i = 0; i < d->nedits; i++) {
		e = &d->edits[i];
		marks[n].sp = side_a ? e->a : e->b;
		if (marks[n].sp.start == marks[n].sp.end)
			continue;
		if (e->kind == DRIFT_MOVED)
			marks[n].open = marks[n].close = "*";
		else
			marks[n].open = marks[n].close = side_a ? "~~" : "**";
		n++;
	}
	qsort(marks, n, sizeof *marks, report_markcmp);
	strbuf_addstr(sb, "“");
	for (i = 0; i < n; i++) {
		if (marks[i].sp.start < pos)
			continue;
		report_escape(sb, text + pos, marks[i].sp.start - pos);
		strbuf_addstr(sb, marks[i].open);
		report_escape(sb, text + marks[i].sp.start,
		    marks[i].sp.end - marks[i].sp.start);
		strbuf_addstr(sb, marks[i].close);
		pos = marks[i].sp.end;
	}
	report_escape(sb, text + pos, q.end - pos);
	strbuf_addstr(sb, "”");
	free(marks);
}

static void
report_drift(struct strbuf *sb, const struct story *story)
{
	const struct claims *claims = story->claims;
	const struct claim *cl;
	const struct drift *d;
	size_t i, k, shown = 0;
	bool header;

	strbuf_addstr(sb, "## Quote drift\n\n");
	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		header = false;
		for (k = 0; k < cl->ndrifts; k++) {
			d = &cl->drifts[k];
			if (d->nedits == 0)
				continue;
			if (shown == 0)
				strbuf_addstr(sb, "The same words quoted "
				    "differently: ~~struck~~ words are missing "
				    "from the second outlet's quote, **bold** "
				    "words replace or add to them, *italic* "
				    "words moved.\n\n");
			if (!header) {
				strbuf_addstr(sb, "**");
				report_claim_text(sb, story, cl);
				strbuf_addstr(sb, "**\n\n");
				header = true;
			}
			strbuf_addstr(sb, "- ");
			report_escstr(sb, report_outlet(story->docs[d->doc_a]));
			strbuf_addstr(sb, ": ");
			report_quote(sb, report_sentence(story, d->doc_a,
			    d->sentence_a)->text, d->quote_a, d, true);
			strbuf_addstr(sb, "\\\n  ");
			report_escstr(sb, report_outlet(story->docs[d->doc_b]));
			strbuf_addstr(sb, ": ");
			report_quote(sb, report_sentence(story, d->doc_b,
			    d->sentence_b)->text, d->quote_b, d, false);
			strbuf_addch(sb, '\n');
			shown++;
		}
		if (header)
			strbuf_addch(sb, '\n');
	}
	if (shown == 0)
		strbuf_addstr(sb, "Every quote shared by two sources or more "
		    "is worded the same in each.\n\n");
}

/* One side of a discrepancy: the outlet, then its sentence with the
 * figure in bold. */
static void
report_figure(struct strbuf *sb, const struct story *story,
    struct claim_ref ref, struct span figure)
{
	const struct sentence *s = report_sentence(story, ref.doc,
	    ref.sentence);

	report_escstr(sb, report_outlet(story->docs[ref.doc]));
	strbuf_addstr(sb, ": ");
	report_escape(sb, s->text, figure.start);
	strbuf_addstr(sb, "**");
	report_escape(sb, s->text + figure.start, figure.end - figure.start);
	strbuf_addstr(sb, "**");
	report_escape(sb, s->text + figure.end, s->len - figure.end);
}

static void
report_discrepancies(struct strbuf *sb, const struct story *story)
{
	const struct claims *claims = story->claims;
	const struct discrepancy *d;
	size_t i;

	strbuf_addstr(sb, "## Discrepancies\n\n");
	if (claims->ndiscrepancies == 0) {
		strbuf_addstr(sb, "No two outlets give different figures for "
		    "what they otherwise state alike.\n\n");
		return;
	}
	strbuf_addstr(sb, "Two outlets state the same thing but give "
	    "different figures for it (in **bold**): at least one of them "
	    "is wrong, out of date or counting otherwise.\n\n");
	for (i = 0; i < claims->ndiscrepancies; i++) {
		d = &claims->discrepancies[i];
		strbuf_addstr(sb, "- ");
		report_figure(sb, story, d->a, d->figure_a);
		strbuf_addstr(sb, "\\\n  ");
		report_figure(sb, story, d->b, d->figure_b);
		strbuf_addch(sb, '\n');
	}
	strbuf_addch(sb, '\n');
}

/* What the claims above rest on, so a reader can weigh them. */
static void
report_method(struct strbuf *sb)
{
	strbuf_addstr(sb, "## How claims are formed\n\n"
	    "A claim is what sentences of different sources state alike. "
	    "A sentence that states two facts (\"X rose, and Y said Z\", "
	    "\"X; Y\", a second verb of the same subject, \"says (that) "
	    "X and that Y\") is cut into "
	    "units, each linked on its own, so a claim's member states its "
	    "fact and no other; a list, a quotation and a side clause are "
	    "never cut. "
	    "Each sentence is compared by its content words (stemmed, "
	    "weighted by how rare they are in the story; words WordNet "
	    "gives a sense in common count as one, so \"fired\" meets "
	    "\"dismissed\"), its figures with what they count (\"7.7%\" "
	    "is \"7.7 per cent\", \"five\" is 5, \"twice\" 2, \"a "
	    "quarter of\" 25 percent of, \"since 1992\" in an article "
	    "of 2017 25 years) and its "
	    "polarity (\"not\", \"ruled out\"); names alone in common are "
	    "nothing, and one word or figure beyond them is a theme, not a "
	    "fact: its likeness "
	    "counts half, so two words or figures beyond names (a year is "
	    "not such a figure; a precise one such as 38,000 or 7.7, unlike "
	    "1,000, counts as two) are needed to link by themselves; one "
	    "event (the main verb, read with WordNet: \"added\" meets "
	    "\"rose\", never \"fell\") of one participant (the word "
	    "nearest the verb) counts as one more word in common. What "
	    "frames a sentence (who said it, a relative "
	    "or subordinate clause, even one that runs on past a comma to "
	    "its verb, an apposition, an aside) weighs half "
	    "what its main clause does. Sentences that quote the same five "
	    "words or more state the same thing, whatever the framing, "
	    "though less surely when they name different speakers. Two "
	    "sentences found a claim only when they are closely alike and "
	    "their main clauses share two words or figures beyond names "
	    "(or a quotation); when they share only words, the words their "
	    "main clauses share beyond names must make a good part of their "
	    "likeness, not names, framing and asides, and the subjects of "
	    "their main verbs must not be two names neither sentence holds "
	    "the other of (two actors who did alike); and unless they quote "
	    "the same words, what their main clauses share must make a good "
	    "part of one of them and some of the other, so that two "
	    "sentences each stating another fact beside a shared piece stay "
	    "apart. Every sentence in a "
	    "claim must agree with the others on average and "
	    "with each at least a little, not through a chain of "
	    "neighbours. A claim holds one sentence per source, a second "
	    "only when another source closely restates it, so a source's "
	    "neighbouring facts stay apart. Sentences that give different figures for the "
	    "same quantity are different claims; when the rest of what "
	    "they say agrees they are a discrepancy. Quote drift compares "
	    "only the quoted words of a claim's sentences that share a run "
	    "of five quoted words, with case, quote marks and contractions "
	    "(\"it's\", \"it is\") set aside. Site clutter and headings "
	    "are never claims.\n\n");
}

static void
report_per_source(struct strbuf *sb, const struct story *story,
    const struct coverage *cov)
{
	const struct coverage_source *src;
	size_t d, i, others = story->ndocs - 1;

	strbuf_addstr(sb, "## Sources one by one\n\n");
	for (d = 0; d < story->ndocs; d++) {
		src = &cov->sources[d];
		strbuf_addf(sb, "### %zu. ", d + 1);
		report_escstr(sb, report_outlet(story->docs[d]));
		strbuf_addstr(sb, "\n\n");
		if (story->docs[d]->title != NULL) {
			strbuf_addch(sb, '*');
			report_escstr(sb, story->docs[d]->title);
			strbuf_addstr(sb, "*\\\n");
		}
		strbuf_addf(sb, "%zu claim%s, %zu shared with other "
		    "sources.\n\n", src->nclaims, src->nclaims == 1 ? "" : "s",
		    src->nshared);
		if (src->nunique != 0 && story->ndocs > 1) {
			strbuf_addf(sb, "**Only here** (%zu):\n\n",
			    src->nunique);
			for (i = 0; i < src->nunique && i < REPORT_MAX_UNIQUE;
			    i++) {
				strbuf_addstr(sb, "- ");
				report_claim_text(sb, story,
				    &story->claims->items[src->unique[i]]);
				strbuf_addch(sb, '\n');
			}
			if (src->nunique > REPORT_MAX_UNIQUE)
				strbuf_addf(sb, "- … and %zu more.\n",
				    src->nunique - REPORT_MAX_UNIQUE);
			strbuf_addch(sb, '\n');
		}
		if (cov->ntopics == 0 || story->ndocs < 2)
			continue;
		if (src->nomitted == 0) {
			strbuf_addstr(sb, "**Leaves out:** no topic that most "
			    "other sources cover.\n\n");
			continue;
		}
		strbuf_addstr(sb, "**Leaves out:** ");
		for (i = 0; i < src->nomitted; i++) {
			if (i != 0)
				strbuf_addstr(sb, ", ");
			report_escstr(sb, report_topic(story, src->omitted[i]));
			strbuf_addf(sb, " (covered by %zu of the %zu others)",
			    cov->nsources[src->omitted[i]], others);
		}
		strbuf_addstr(sb, ".\n\n");
	}
}

static void
report_matrix(struct strbuf *sb, const struct story *story,
    const struct coverage *cov)
{
	size_t t, d, k, cols = story->ndocs, n;

	if (cov->ntopics == 0)
		return;
	if (cols > REPORT_MAX_COLUMNS)
		cols = REPORT_MAX_COLUMNS;
	strbuf_addstr(sb, "## Coverage matrix\n\n");
	strbuf_addstr(sb, "Sentences per topic and source (numbered as "
	    "above; a subtopic's sentences count for its parent too); "
	    "– marks a gap.");
	if (cols < story->ndocs)
		strbuf_addf(sb, " The first %zu sources are shown.", cols);
	strbuf_addstr(sb, "\n\n| Topic |");
	for (d = 0; d < cols; d++)
		strbuf_addf(sb, " %zu |", d + 1);
	strbuf_addstr(sb, " Sources |\n|---|");
	for (d = 0; d < cols; d++)
		strbuf_addstr(sb, "--:|");
	strbuf_addstr(sb, "--:|\n");
	for (t = 0; t < cov->ntopics; t++) {
		for (d = n = 0; d < story->ndocs; d++)
			n += coverage_count(cov, t, d) != 0;
		if (n == 0)
			continue;
		strbuf_addstr(sb, "| ");
		for (k = 0; k < story->taxonomy->topics[t].depth; k++)
			strbuf_addstr(sb, "↳ ");
		report_escstr(sb, report_topic(story, t));
		strbuf_addstr(sb, " |");
		for (d = 0; d < cols; d++) {
			if (coverage_count(cov, t, d) == 0)
				strbuf_addstr(sb, " – |");
			else
				strbuf_addf(sb, " %zu |",
				    coverage_count(cov, t, d));
		}
		strbuf_addf(sb, " %zu/%zu |\n", n, story->ndocs);
	}
	strbuf_addch(sb, '\n');
}

void
report_build(struct strbuf *sb, const struct story *story)
{
	struct coverage *cov;
	struct spread *sp;
	size_t *shared, nshared;

	cov = coverage_build(story->docs, story->ndocs, story->claims,
	    story->taxonomy);
	sp = spread_build(story->docs, story->ndocs, story->claims,
	    story->outlets);
	shared = report_shared(story->claims, &nshared);
	report_header(sb, story, cov, nshared);
	report_leanings(sb, story, sp, shared, nshared);
	report_claims(sb, story, shared, nshared);
	report_drift(sb, story);
	report_discrepancies(sb, story);
	report_per_source(sb, story, cov);
	report_matrix(sb, story, cov);
	report_method(sb);
	free(shared);
	spread_free(sp);
	coverage_free(cov);
}

char *
report_markdown(const struct story *story)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_grow(&sb, 4096);
	report_build(&sb, story);
	return strbuf_detach(&sb);
}

int
report_write(FILE *fp, const struct story *story)
{
	char *md = report_markdown(story);
	size_t len = strlen(md);
	int rc;

	rc = fwrite(md, 1, len, fp) == len && fflush(fp) == 0 ? 0 : -1;
	free(md);
	return rc;
}
