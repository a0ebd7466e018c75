#include "testlib.h"

#include <ctype.h>
#include <unistd.h>

#include "claims.h"
#include "coverage.h"
#include "document.h"
#include "drift.h"
#include "export.h"
#include "invariants.h"
#include "lcg.h"
#include "story.h"
#include "tagger.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "xalloc.h"

static struct story *
open_sample(void)
{
	char *paths[] = { strdup(testlib_srcfile("config/sample")) };
	struct story *story;
	char *cause = NULL;

	if (story_open(&story, paths, 1, testlib_bundled_taxonomy(), NULL, &cause) != 0)
		fail_msg("sample story: %s", cause);
	free(paths[0]);
	return story;
}

/* The claim unit REF of a cut sentence states (claims_units), or
 * SENTENCE_NO_CLAIM when REF names a whole sentence. */
static size_t
unit_claim(const struct claims *claims, const struct claim_ref *ref)
{
	const struct claim_unit *u;
	size_t k, n;

	u = claims_units(claims, ref->doc, ref->sentence, &n);
	for (k = 0; k < n; k++) {
		if (ref->end != 0 && u[k].ref.start == ref->start &&
		    u[k].ref.end == ref->end)
			return u[k].claim;
	}
	return SENTENCE_NO_CLAIM;
}

/* The links between sentences (or their units) and claims agree both
 * ways. */
static void
check_claims_consistent(const struct story *story)
{
	const struct claims *claims = story->claims;
	const struct claim_unit *u;
	size_t d, i, j, k, n, total = 0;

	assert_non_null(claims);
	for (i = 0; i < claims->n; i++) {
		const struct claim *c = &claims->items[i];

		assert_int_equal(c->id, i);
		assert_true(c->nrefs >= 1);
		for (j = 0; j < c->nrefs; j++) {
			const struct claim_ref *r = &c->refs[j];

			assert_true(r->doc < story->ndocs);
			assert_true(r->sentence < story->docs[r->doc]->nsentences);
			assert_int_equal(r->end != 0 ? unit_claim(claims, r) :
			    story->docs[r->doc]->sentences[r->sentence].claim, i);
			if (story->docs[r->doc]->sentences[r->sentence].boilerplate)
				assert_int_equal(c->nrefs, 1);
		}
		for (j = 1; j < c->ndocs; j++)
			assert_true(c->docs[j - 1] < c->docs[j]);
		total += c->nrefs;
	}
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			assert_true(story->docs[d]->sentences[i].claim < claims->n);
			/* A cut sentence carries one of its units' claims. */
			u = claims_units(claims, d, i, &n);
			for (k = 0; k < n && u[k].claim !=
			    story->docs[d]->sentences[i].claim; k++)
				continue;
			assert_true(n == 0 || k < n);
			total -= n > 0 ? n : 1;
		}
	}
	assert_int_equal(total, 0);
}

static void
test_sample_story_opens(void **state)
{
	struct story *story = open_sample();
	size_t d, tagged = 0, shared = 0, i;

	assert_int_equal(story->ndocs, 5);
	assert_int_equal(story->nwarnings, 0);
	for (d = 0; d < story->ndocs; d++) {
		assert_non_null(story->docs[d]->outlet);
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			const struct sentence *s = &story->docs[d]->sentences[i];

			if (s->boilerplate)
				assert_int_equal(s->ntopics, 0);
			tagged += s->ntopics != 0;
		}
	}
	assert_true(tagged >= 20);
	check_claims_consistent(story);
	for (i = 0; i < story->claims->n; i++)
		shared += story->claims->items[i].ndocs >= 3;
	assert_true(shared >= 2);	/* the sample is built around shared claims */
	story_free(story);
}

/* A story just opened explains its tags (`x`) with the tagger that made
 * them; it was dropped after reading once, and `x` crashed until a re-tag. */
static void
test_opened_story_explains(void **state)
{
	struct story *story = open_sample();
	struct tagger_explanation why;
	const struct sentence *s = NULL;
	size_t i;

	(void)state;
	assert_non_null(story->tagger);
	for (i = 0; s == NULL && i < story->docs[0]->nsentences; i++) {
		if (story->docs[0]->sentences[i].ntopics != 0)
			s = &story->docs[0]->sentences[i];
	}
	assert_non_null(s);
	tagger_explain(story->tagger, s->text, s->len, &why);
	assert_true(why.nmatches != 0);
	tagger_explanation_free(&why);
	story_free(story);
}

static void
test_bad_sources_become_warnings(void **state)
{
	char *paths[] = { "/nonexistent/parallax/source.txt",
	    strdup(testlib_srcfile("config/sample/01-meridian-wire.md")) };
	struct story *story;
	char *cause = NULL;

	assert_int_equal(story_open(&story, paths, 2, testlib_bundled_taxonomy(), NULL,
	    &cause), 0);
	assert_int_equal(story->ndocs, 1);
	assert_int_equal(story->nwarnings, 1);
	assert_non_null(strstr(story->warnings[0], "/nonexistent/parallax/source.txt"));
	story_free(story);
	free(paths[1]);
}

static void
test_no_source_at_all_fails(void **state)
{
	char *paths[] = { "/nonexistent/parallax/a.txt" };
	struct taxonomy *tax = testlib_bundled_taxonomy();
	struct story *story = NULL;
	char *cause = NULL;

	assert_int_equal(story_open(&story, paths, 1, tax, NULL, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "a.txt"));
	free(cause);
	taxonomy_free(tax);	/* still ours on failure */
}

static void
test_retag_replaces_topics(void **state)
{
	static const char yaml[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n";
	struct story *story = open_sample();
	struct taxonomy *tax;
	char *errors = NULL;
	size_t d, i, hits = 0;

	assert_int_equal(taxonomy_load_buffer("t.yaml", yaml, sizeof yaml - 1,
	    &tax, &errors), 0);
	/* Topics changed: the claims stay, with their topics made anew. */
	story_retag(story, tax);
	assert_non_null(story->claims);
	assert_ptr_equal(story->taxonomy, tax);
	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			const struct sentence *s = &story->docs[d]->sentences[i];

			assert_true(s->ntopics <= 1);
			hits += s->ntopics;
			if (s->ntopics == 1)
				assert_non_null(strcasestr(s->text, "ceasefire"));
		}
	}
	assert_true(hits >= 5);
	check_claims_consistent(story);
	story_free(story);
}

/*
 * The coverage follows the claims and the taxonomy: a topic
 * added by an edit that changes no sentence's topics has its row.
 */
static void
test_coverage_follows_claims(void **state)
{
	static const char one[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n";
	static const char two[] =
	    "version: 1\ntopics:\n  - id: only\n    label: Only\n"
	    "    keywords: [ceasefire]\n  - id: none\n    label: None\n"
	    "    keywords: [xylophonist]\n";
	char *paths[] = { strdup(testlib_srcfile("config/sample")) };
	const struct coverage *cov;
	struct story *story;
	struct taxonomy *tax;
	char *cause = NULL;
	size_t d, i, n;

	assert_int_equal(story_load(&story, paths, 1, testlib_bundled_taxonomy(), NULL,
	    &cause), 0);
	assert_null(story->claims);
	assert_null(story->coverage);
	story_link(story);
	cov = story_coverage(story);
	assert_ptr_equal(story->coverage, cov);
	assert_ptr_equal(story_coverage(story), cov);
	assert_int_equal(cov->ndocs, story->ndocs);
	assert_int_equal(cov->ntopics, story->taxonomy->ntopics);
	assert_int_equal(taxonomy_load_buffer("t.yaml", one, sizeof one - 1,
	    &tax, &cause), 0);
	story_retag(story, tax);
	assert_int_equal(story_coverage(story)->ntopics, 1);
	assert_int_equal(taxonomy_load_buffer("t.yaml", two, sizeof two - 1,
	    &tax, &cause), 0);
	story_retag(story, tax);
	cov = story_coverage(story);
	assert_int_equal(cov->ntopics, 2);
	for (d = 0; d < story->ndocs; d++) {
		for (i = n = 0; i < story->docs[d]->nsentences; i++)
			n += story->docs[d]->sentences[i].ntopics;
		assert_int_equal(coverage_count(cov, 0, d), n);
		assert_int_equal(coverage_count(cov, 1, d), 0);
	}
	story_free(story);
	free(paths[0]);
}

static char *
json_of(const struct story *story)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	assert_non_null(fp);
	export_json(fp, story, "tax.yaml");
	fclose(fp);
	return buf;
}

static void
test_json_parses_and_is_safe(void **state)
{
	struct story *story = open_sample();
	char *json = json_of(story);
	const char *why = inv_json(json, strlen(json));

	if (why != NULL)
		fail_msg("invalid JSON: %s", why);
	assert_null(inv_terminal_safe(json, strlen(json)));
	assert_non_null(strstr(json, "{\"parallax\":1,"));
	assert_non_null(strstr(json, "\"claims\":["));
	assert_non_null(strstr(json, "\"id\":\"s5\""));
	/* The sample story has a quote that drifts between outlets. */
	assert_non_null(strstr(json, "\"drift\":[{\"a\":{\"source\":"));
	assert_non_null(strstr(json, "\"kind\":\"changed\""));
	free(json);
	story_free(story);
}

static void
test_stats_roll_up(void **state)
{
	static const char yaml[] =
	    "version: 1\ntopics:\n  - id: parent\n    label: P\n"
	    "    keywords: [alpha]\n    topics:\n      - id: child\n"
	    "        label: C\n        keywords: [beta]\n";
	static const char text[] = "Alpha and beta met.\n\nOnly beta here.\n\n"
	    "Nothing here.\n";
	struct taxonomy *tax;
	struct document *doc;
	struct export_stats *st;
	struct tagger *tagger;
	char *errors = NULL, *cause = NULL, *out = NULL;
	size_t size = 0;
	FILE *fp;

	assert_int_equal(taxonomy_load_buffer("t.yaml", yaml, sizeof yaml - 1,
	    &tax, &errors), 0);
	assert_int_equal(document_load_buffer("a.txt", text, sizeof text - 1,
	    &doc, &cause), 0);
	tagger = tagger_new(tax);
	story_tag_document(tagger, doc);
	st = export_stats_new(tax);
	export_stats_add(st, doc);
	export_stats_add(st, doc);	/* a second source with the same text */
	fp = open_memstream(&out, &size);
	export_stats_write(fp, st);
	fclose(fp);
	/* The parent counts its own hit and the child's, once per sentence. */
	assert_string_equal(out, "parent\t4\t2\nchild\t4\t2\n");
	free(out);
	export_stats_free(st);
	tagger_free(tagger);
	document_free(doc);
	taxonomy_free(tax);
}

/* Every claim, with its members and drifts, as a fresh link made it. */
static void
check_same_claims(const struct claims *a, const struct claims *b)
{
	size_t i, j, k;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		const struct claim *x = &a->items[i], *y = &b->items[i];

		assert_int_equal(x->id, y->id);
		assert_int_equal(x->nrefs, y->nrefs);
		assert_memory_equal(x->refs, y->refs,
		    x->nrefs * sizeof *x->refs);
		assert_int_equal(x->ndocs, y->ndocs);
		assert_memory_equal(x->docs, y->docs,
		    x->ndocs * sizeof *x->docs);
		assert_int_equal(x->ntopics, y->ntopics);
		if (x->ntopics != 0)
			assert_memory_equal(x->topics, y->topics,
			    x->ntopics * sizeof *x->topics);
		assert_int_equal(x->rep.doc, y->rep.doc);
		assert_int_equal(x->rep.sentence, y->rep.sentence);
		assert_int_equal(x->boilerplate, y->boilerplate);
		assert_int_equal(x->ndrifts, y->ndrifts);
		for (j = 0; j < x->ndrifts; j++) {
			const struct drift *p = &x->drifts[j];
			const struct drift *q = &y->drifts[j];

			assert_int_equal(p->doc_a, q->doc_a);
			assert_int_equal(p->sentence_a, q->sentence_a);
			assert_int_equal(p->doc_b, q->doc_b);
			assert_int_equal(p->sentence_b, q->sentence_b);
			assert_memory_equal(&p->quote_a, &q->quote_a,
			    sizeof p->quote_a);
			assert_memory_equal(&p->quote_b, &q->quote_b,
			    sizeof p->quote_b);
			assert_true(p->overlap == q->overlap);
			assert_int_equal(p->nedits, q->nedits);
			for (k = 0; k < p->nedits; k++) {
				assert_int_equal(p->edits[k].kind,
				    q->edits[k].kind);
				assert_memory_equal(&p->edits[k].a,
				    &q->edits[k].a, sizeof p->edits[k].a);
				assert_memory_equal(&p->edits[k].b,
				    &q->edits[k].b, sizeof p->edits[k].b);
			}
		}
	}
}

static void
check_same_coverage(const struct story *a, const struct story *b)
{
	struct coverage *x = coverage_build(a->docs, a->ndocs, a->claims,
	    a->taxonomy);
	struct coverage *y = coverage_build(b->docs, b->ndocs, b->claims,
	    b->taxonomy);
	size_t d;

	assert_int_equal(x->ntopics, y->ntopics);
	assert_int_equal(x->ndocs, y->ndocs);
	if (x->ntopics != 0) {
		assert_memory_equal(x->counts, y->counts,
		    x->ntopics * x->ndocs * sizeof *x->counts);
		assert_memory_equal(x->nsources, y->nsources,
		    x->ntopics * sizeof *x->nsources);
	}
	for (d = 0; d < x->ndocs; d++) {
		const struct coverage_source *p = &x->sources[d];
		const struct coverage_source *q = &y->sources[d];

		assert_int_equal(p->nclaims, q->nclaims);
		assert_int_equal(p->nshared, q->nshared);
		assert_int_equal(p->nunique, q->nunique);
		if (p->nunique != 0)
			assert_memory_equal(p->unique, q->unique,
			    p->nunique * sizeof *p->unique);
		assert_int_equal(p->nomitted, q->nomitted);
		if (p->nomitted != 0)
			assert_memory_equal(p->omitted, q->omitted,
			    p->nomitted * sizeof *p->omitted);
	}
	coverage_free(x);
	coverage_free(y);
}

/* A re-tagged story against the same sources opened with its taxonomy. */
static void
check_same_story(const struct story *a, const struct story *b)
{
	char *ja, *jb;
	size_t d, i;

	assert_int_equal(a->ndocs, b->ndocs);
	for (d = 0; d < a->ndocs; d++) {
		assert_int_equal(a->docs[d]->nsentences,
		    b->docs[d]->nsentences);
		for (i = 0; i < a->docs[d]->nsentences; i++) {
			const struct sentence *x = &a->docs[d]->sentences[i];
			const struct sentence *y = &b->docs[d]->sentences[i];

			assert_int_equal(x->claim, y->claim);
			assert_int_equal(x->ntopics, y->ntopics);
			if (x->ntopics != 0)
				assert_memory_equal(x->topics, y->topics,
				    x->ntopics * sizeof *x->topics);
		}
	}
	check_claims_consistent(a);
	check_same_claims(a->claims, b->claims);
	check_same_coverage(a, b);
	ja = json_of(a);
	jb = json_of(b);
	assert_string_equal(ja, jb);
	free(ja);
	free(jb);
}

static struct taxonomy *
taxonomy_of(const char *text)
{
	struct taxonomy *tax;
	char *errors = NULL;

	if (taxonomy_load_buffer("tax.yaml", text, strlen(text), &tax,
	    &errors) != 0)
		fail_msg("edited taxonomy: %s", errors);
	return tax;
}

/* TEXT with the first FROM replaced by TO, allocated. */
static char *
replace_once(const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);

	assert_non_null(p);
	return xasprintf("%.*s%s%s", (int)(p - text), text, to,
	    p + strlen(from));
}

/* The longest all-letter word of the first content sentence without the
 * first topic that has one of six letters or more: a keyword that gives
 * the topic to a sentence that lacked it. */
static char *
new_keyword(const struct story *story)
{
	const struct sentence *s;
	size_t d, i, j, start, best = 0, bestlen = 0;

	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			s = &story->docs[d]->sentences[i];
			if (s->boilerplate ||
			    (s->ntopics != 0 && s->topics[0] == 0))
				continue;
			for (j = 0; j <= s->len; j = start + 1) {
				for (start = j; start < s->len &&
				    isalpha((unsigned char)s->text[start]);
				    start++)
					continue;
				if (start - j > bestlen) {
					best = j;
					bestlen = start - j;
				}
			}
			if (bestlen >= 6)
				return xasprintf("%.*s", (int)bestlen,
				    s->text + best);
			bestlen = 0;
		}
	}
	fail_msg("no sentence without the first topic has a long word");
	return NULL;
}

/* A keyword that tags a sentence of STORY, one of several of its topic
 * (*TOPIC), so that it can be taken out. */
static const char *
tagging_keyword(const struct story *story, const struct topic **topic)
{
	const struct sentence *s;
	const struct match *m;
	const struct topic *t;
	size_t d, i, j, k;

	for (d = 0; d < story->ndocs; d++) {
		for (i = 0; i < story->docs[d]->nsentences; i++) {
			s = &story->docs[d]->sentences[i];
			for (j = 0; j < s->nmatches; j++) {
				m = &s->matches[j];
				t = &story->taxonomy->topics[m->topic];
				for (k = 0; k < t->nkeywords; k++) {
					if (t->nkeywords < 2 ||
					    t->keywords[k] != m->keyword)
						continue;
					*topic = t;
					return m->keyword;
				}
			}
		}
	}
	fail_msg("no keyword of several of a topic tags a sentence");
	return NULL;
}

/*
 * Points the rep of a claim of two or more sentences at another of them,
 * which a re-link would undo.  Returns the claim's id and its rep in
 * *REP, or SIZE_MAX when no claim has two sentences.
 */
static size_t
probe_claims(struct claims *claims, struct claim_ref *rep)
{
	struct claim *cl;
	size_t i;

	for (i = 0; i < claims->n; i++) {
		cl = &claims->items[i];
		if (cl->nrefs < 2)
			continue;
		*rep = cl->rep;
		cl->rep = cl->refs[cl->refs[0].doc == rep->doc &&
		    cl->refs[0].sentence == rep->sentence];
		return i;
	}
	return SIZE_MAX;
}

/*
 * Edits the taxonomy TEXT of a story opened from PATH as a reader does
 * (a topic renamed, keywords added and taken out, a topic added, the file
 * put back) and checks, after each re-tag, that the story is the one a
 * fresh open with the edited taxonomy gives.
 */
static void
check_retags(const char *path, const char *text)
{
	char *paths[] = { xstrdup(path) }, *cause = NULL, *edits[6], *word;
	char *from, *to, *out;
	const char *keyword;
	struct story *story, *fresh;
	const struct topic *t, *other = NULL;
	struct claim *cl;
	struct claim_ref rep;
	size_t outlen, i, id;

	if (story_open(&story, paths, 1, taxonomy_of(text), NULL, &cause) != 0)
		fail_msg("%s: %s", path, cause);
	t = &story->taxonomy->topics[0];
	from = xasprintf("id: %s\n", t->id);
	to = xasprintf("id: %s-renamed\n", t->id);
	edits[0] = replace_once(text, from, to);
	free(from);
	free(to);
	/* A keyword in a sentence the topic lacked. */
	word = new_keyword(story);
	from = xasprintf("%s-renamed", t->id);
	assert_int_equal(taxedit_add_keyword(edits[0], strlen(edits[0]), from,
	    TAXEDIT_KEYWORDS, word, &edits[1], &outlen, &cause), 0);
	/* A keyword that tagged something, taken out. */
	keyword = tagging_keyword(story, &other);
	if (taxedit_remove_keyword(edits[1], strlen(edits[1]),
	    other == t ? from : other->id, TAXEDIT_KEYWORDS, keyword,
	    &edits[2], &outlen, &cause) != 0)
		fail_msg("%s", cause);
	free(from);
	assert_int_equal(taxedit_add_topic(edits[2], strlen(edits[2]), NULL,
	    "relink-added", "Added", &out, &outlen, &cause), 0);
	assert_int_equal(taxedit_add_keyword(out, outlen, "relink-added",
	    TAXEDIT_KEYWORDS, word, &edits[3], &outlen, &cause), 0);
	free(out);
	edits[4] = xstrdup(edits[0]);
	edits[5] = xstrdup(text);
	free(word);
	for (i = 0; i < 6; i++) {
		/* No edit links again (a probed rep survives), and the kept
		 * claims, their topics made anew, are a fresh open's. */
		id = probe_claims(story->claims, &rep);
		story_retag(story, taxonomy_of(edits[i]));
		assert_non_null(story->claims);
		if (id != SIZE_MAX) {
			cl = &story->claims->items[id];
			assert_false(cl->rep.doc == rep.doc &&
			    cl->rep.sentence == rep.sentence);
			cl->rep = rep;
		}
		if (story_open(&fresh, paths, 1, taxonomy_of(edits[i]), NULL,
		    &cause) != 0)
			fail_msg("%s: %s", path, cause);
		check_same_story(story, fresh);
		story_free(fresh);
		free(edits[i]);
	}
	story_free(story);
	free(paths[0]);
}

static void
test_retag_links_as_a_fresh_open(void **state)
{
	char *text = testlib_read(testlib_srcfile("config/taxonomy.yaml"),
	    NULL);
	const char *seeds = testlib_shared("seeds");

	assert_non_null(text);
	if (seeds != NULL)
		check_retags(seeds, text);
	check_retags(testlib_srcfile("config/sample"), text);
	free(text);
}

static const char *const gen_words[] = {
	"troops", "border", "ceasefire", "talks", "envoy", "sanctions",
	"harbour", "grain", "convoy", "summit", "treaty", "pipeline",
	"election", "ballots", "drones", "missiles", "refugees", "corridor",
	"minister", "council", "budget", "tariffs", "exports", "reactor",
	"inspectors", "garrison", "frontier", "shelling", "hostages",
	"monitors", "observers", "embassy",
};

#define GEN_NWORDS (sizeof gen_words / sizeof *gen_words)

/*
 * Writes a story of 24 sources into DIR: each states some of 12 claims in
 * its own order and words (a negation, a number, a quote now and then)
 * and adds lines of its own.  Returns a taxonomy for it, allocated.
 */
static char *
generate_story(const char *dir)
{
	static const char *const syl[] = {
		"ka", "lo", "mer", "tin", "sa", "vo", "ral", "pe", "dun", "ish",
		"or", "qua", "bel", "nor", "ti", "gan", "us", "fre", "mol",
		"zen",
	};
	struct lcg rng = { 42 };
	uint32_t k, v, j, w, nsent;
	char *path;
	FILE *fp;
	size_t src;

	for (src = 0; src < 24; src++) {
		path = xasprintf("%s/%02zu.txt", dir, src);
		fp = fopen(path, "w");
		assert_non_null(fp);
		for (nsent = 0; nsent < 10; nsent++) {
			k = lcg_next(&rng) % 12;
			v = lcg_next(&rng) % 6;
			if (lcg_next(&rng) % 4 == 0) {
				/* A line of its own. */
				for (j = 0; j < 7; j++) {
					w = lcg_next(&rng) % 400;
					fprintf(fp, "%s%s%s%s", j ? " " : "",
					    syl[w % 20], syl[w / 20],
					    syl[(w * 7) % 20]);
				}
				fputs(".\n\n", fp);
				continue;
			}
			fputs(v == 3 ? "The envoy said \xe2\x80\x9c" :
			    "Officials ", fp);
			if (v == 1)
				fputs("did not say ", fp);
			for (j = 0; j < 6; j++) {
				w = (k * 5 + ((j + v) % 6) * 7) % GEN_NWORDS;
				if (v == 4 && j == 2)
					continue;
				fprintf(fp, "%s%s", j ? " " : "", gen_words[w]);
				if (lcg_next(&rng) % 3 == 0)
					fputs(" and", fp);
			}
			if (k % 4 == 0)
				fprintf(fp, " %u", v == 5 ? 40 : 30);
			fputs(v == 3 ? ".\xe2\x80\x9d\n\n" : ".\n\n", fp);
		}
		fclose(fp);
		free(path);
	}
	return xasprintf("version: 1\ntopics:\n"
	    "  - id: alpha\n    label: Alpha\n    keywords: [%s, %s, %s]\n"
	    "  - id: beta\n    label: Beta\n    keywords: [%s, %s]\n"
	    "    topics:\n      - id: gamma\n        label: Gamma\n"
	    "        keywords: [%s, %s]\n", gen_words[0], gen_words[1],
	    gen_words[2], gen_words[3], gen_words[4], gen_words[5],
	    gen_words[6]);
}

static void
test_retag_links_generated_story(void **state)
{
	char dir[] = "/tmp/parallax-story-XXXXXX", *text, *cmd;

	assert_non_null(mkdtemp(dir));
	text = generate_story(dir);
	check_retags(dir, text);
	free(text);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Linked on a thread, the story comes out as linked in place. */
static void
test_link_on_a_thread(void **state)
{
	static const char one[] = "version: 1\ntopics:\n  - id: t\n"
	    "    label: T\n    keywords: [ceasefire]\n";
	char *paths[] = { strdup(testlib_srcfile("config/sample")) };
	struct story *story, *fresh = open_sample();
	char *cause = NULL;

	if (story_load(&story, paths, 1, testlib_bundled_taxonomy(), NULL, &cause) != 0)
		fail_msg("sample story: %s", cause);
	assert_false(story_link_finish(story, false));	/* not begun */
	story_link_start(story);
	while (!story_link_finish(story, false)) {
		assert_null(story->claims);
		usleep(1000);
	}
	assert_null(story->linking);
	check_same_story(story, fresh);
	story_free(fresh);
	story_free(story);
	/* A re-tag waits for a link still running and keeps its claims,
	 * which are those of a fresh open with the new taxonomy. */
	if (story_load(&story, paths, 1, testlib_bundled_taxonomy(), NULL, &cause) != 0)
		fail_msg("sample story: %s", cause);
	story_link_start(story);
	story_retag(story, taxonomy_of(one));
	assert_null(story->linking);
	assert_non_null(story->claims);
	if (story_open(&fresh, paths, 1, taxonomy_of(one), NULL, &cause) != 0)
		fail_msg("sample story: %s", cause);
	check_same_story(story, fresh);
	story_free(fresh);
	story_link_start(story);	/* the claims are there: nothing to do */
	assert_null(story->linking);
	story_free(story);
	/* A free waits too. */
	if (story_load(&story, paths, 1, testlib_bundled_taxonomy(), NULL, &cause) != 0)
		fail_msg("sample story: %s", cause);
	story_link_start(story);
	story_free(story);
	free(paths[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_story_opens),
		cmocka_unit_test(test_opened_story_explains),
		cmocka_unit_test(test_bad_sources_become_warnings),
		cmocka_unit_test(test_no_source_at_all_fails),
		cmocka_unit_test(test_retag_replaces_topics),
		cmocka_unit_test(test_coverage_follows_claims),
		cmocka_unit_test(test_json_parses_and_is_safe),
		cmocka_unit_test(test_stats_roll_up),
		cmocka_unit_test(test_retag_links_as_a_fresh_open),
		cmocka_unit_test(test_retag_links_generated_story),
		cmocka_unit_test(test_link_on_a_thread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
