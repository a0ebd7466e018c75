#include "testlib.h"

#include "claims.h"
#include "fixture.h"
#include "strbuf.h"
#include "xalloc.h"

/* A story of up to eight sources, each a NULL-terminated sentence list. */
struct story_fx {
	struct document *docs[8];
	size_t ndocs;
	struct claims *claims;
};

static void
fx_add(struct story_fx *fx, const char *outlet, const char *const *texts)
{
	fx->docs[fx->ndocs++] = fixture_doc(outlet, NULL, texts);
}

static void
fx_link(struct story_fx *fx)
{
	fx->claims = claims_link(fx->docs, fx->ndocs, NULL);
}

/* The story most tests tell: sources "a" and "b", linked. */
static void
fx_link_two(struct story_fx *fx, const char *const *a, const char *const *b)
{
	fx_add(fx, "a", a);
	fx_add(fx, "b", b);
	fx_link(fx);
}

static void
fx_free(struct story_fx *fx)
{
	size_t i;

	claims_free(fx->claims);
	for (i = 0; i < fx->ndocs; i++)
		fixture_free(fx->docs[i]);
}

static size_t
fx_claim(struct story_fx *fx, size_t doc, const char *needle)
{
	size_t c = fixture_claim(fx->docs[doc], needle);

	assert_int_not_equal(c, SENTENCE_NO_CLAIM);
	return c;
}

#define LINKED(fx, d1, s1, d2, s2) \
	assert_int_equal(fx_claim(fx, d1, s1), fx_claim(fx, d2, s2))
#define APART(fx, d1, s1, d2, s2) \
	assert_int_not_equal(fx_claim(fx, d1, s1), fx_claim(fx, d2, s2))

/* Filler every source carries, so that IDF has a story to work on. */
#define FILLER(x) \
	"The talks in Velmar opened on Monday with delegations from " x ".", \
	"Officials spent the morning on procedure and seating."

static const char *const ledger[] = {
	FILLER("six countries"),
	"The minister does not believe that joining the alliance is a "
	    "realistic outcome of the talks.",
	"Returning to the valley's pre-2019 borders is an unrealistic "
	    "objective, she said.",
	"There will be no U.S. troops deployed to the valley, the envoy said.",
	"\"Spending 2 percent of output is not enough,\" she said.",
	"[bp] Read more: our coverage of the valley.",
	NULL,
};

static const char *const wire[] = {
	FILLER("several nations"),
	"Joining the alliance is not a viable outcome of the talks, the "
	    "minister said.",
	"She called a return to the borders the valley had before 2019 "
	    "unrealistic.",
	"Any security guarantee must be backed by capable European troops.",
	"The envoy made clear that American troops will not be sent to the "
	    "valley.",
	"\"The government has called for 5 percent and I agree,\" she said.",
	"[bp] Read more: our coverage of the valley.",
	NULL,
};

static const char *const herald[] = {
	FILLER("the region"),
	"We are focusing on securing our own borders, the minister added.",
	"She said five percent of output should go to defence.",
	"The delegates later toured the restored bridge at Ostrin.",
	NULL,
};

static void
test_contract(void **state)
{
	struct story_fx fx = { .ndocs = 0 };
	const struct claim *cl;
	const struct sentence *s;
	size_t i, k, d, seen = 0;

	fx_add(&fx, "ledger", ledger);
	fx_add(&fx, "wire", wire);
	fx_add(&fx, "herald", herald);
	fx_link(&fx);
	for (i = 0; i < fx.claims->n; i++) {
		cl = &fx.claims->items[i];
		assert_int_equal(cl->id, i);
		assert_true(cl->nrefs >= 1);
		for (k = 0; k < cl->nrefs; k++) {
			s = &fx.docs[cl->refs[k].doc]->sentences[
			    cl->refs[k].sentence];
			assert_int_equal(s->claim, i);
			if (k > 0)
				assert_true(cl->refs[k - 1].doc <
				    cl->refs[k].doc ||
				    (cl->refs[k - 1].doc == cl->refs[k].doc &&
				    cl->refs[k - 1].sentence <
				    cl->refs[k].sentence));
			assert_int_equal(s->boilerplate, cl->boilerplate);
		}
		for (k = 1; k < cl->ndocs; k++)
			assert_true(cl->docs[k - 1] < cl->docs[k]);
		if (cl->boilerplate)
			assert_int_equal(cl->nrefs, 1);
		seen += cl->nrefs;
	}
	for (d = 0, k = 0; d < fx.ndocs; d++)
		k += fx.docs[d]->nsentences;
	assert_int_equal(seen, k);
	/* The same clutter line in two sources is still two claims. */
	APART(&fx, 0, "Read more", 1, "Read more");
	fx_free(&fx);
}

static void
test_paraphrase_and_apart(void **state)
{
	struct story_fx fx = { .ndocs = 0 };

	fx_add(&fx, "ledger", ledger);
	fx_add(&fx, "wire", wire);
	fx_add(&fx, "herald", herald);
	fx_link(&fx);
	/* "does not believe ... realistic" ~ "is not a viable". */
	LINKED(&fx, 0, "joining the alliance", 1, "Joining the alliance");
	/* "pre-2019 borders ... unrealistic" ~ "before 2019 unrealistic". */
	LINKED(&fx, 0, "pre-2019 borders", 1, "before 2019");
	/* "no U.S. troops deployed" ~ "American troops will not be sent". */
	LINKED(&fx, 0, "no U.S. troops", 1, "American troops");
	/* A word and a topic in common, but a different thing said. */
	APART(&fx, 2, "our own borders", 0, "pre-2019 borders");
	APART(&fx, 0, "no U.S. troops", 1, "European troops");
	APART(&fx, 1, "European troops", 1, "American troops");
	/* Numbers that disagree keep apart; a number word is its digits. */
	APART(&fx, 0, "2 percent", 1, "5 percent");
	LINKED(&fx, 1, "5 percent", 2, "five percent");
	fx_free(&fx);
}

static void
test_negation(void **state)
{
	static const char *const a[] = {
		"The council will send observers to the border crossing.",
		"Restoring the old frontier is unrealistic, the envoy said.",
		NULL,
	};
	static const char *const b[] = {
		"The council will not send observers to the border crossing.",
		"Restoring the old frontier is not realistic, the envoy said.",
		NULL,
	};
	static const char *const c[] = {
		"The council decided to send observers to the border crossing.",
		"Restoring the old frontier is realistic, the envoy insisted.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_add(&fx, "a", a);
	fx_add(&fx, "b", b);
	fx_add(&fx, "c", c);
	fx_link(&fx);
	APART(&fx, 0, "observers", 1, "observers");
	LINKED(&fx, 0, "observers", 2, "observers");
	/* "unrealistic" is "not realistic", and neither is "realistic". */
	LINKED(&fx, 0, "frontier", 1, "frontier");
	APART(&fx, 0, "frontier", 2, "frontier");
	fx_free(&fx);
}

static void
test_same_source_twice(void **state)
{
	static const char *const a[] = {
		"The envoy said the ceasefire along the river must hold.",
		"\"The ceasefire along the river must hold,\" the envoy told "
		    "reporters.",
		"Fishing boats returned to the harbour on Tuesday.",
		NULL,
	};
	static const char *const b[] = {
		"The ceasefire along the river must hold, according to the envoy.",
		"Grain prices fell for a third week.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };
	const struct claim *cl;

	fx_link_two(&fx, a, b);
	LINKED(&fx, 0, "envoy said", 0, "told reporters");
	LINKED(&fx, 0, "envoy said", 1, "ceasefire");
	cl = &fx.claims->items[fx_claim(&fx, 0, "envoy said")];
	assert_int_equal(cl->nrefs, 3);
	assert_int_equal(cl->ndocs, 2);
	APART(&fx, 0, "Fishing", 1, "Grain");
	fx_free(&fx);
}

/*
 * Two outlets that each report the same two neighbouring facts, worded
 * alike, give two claims of one sentence per outlet, not one claim of
 * two sentences each: a merge that adds no source needs each source's two
 * sentences to restate each other.
 */
static void
test_neighbouring_facts_stay_apart(void **state)
{
	static const char *const a[] = {
		FILLER("four countries"),
		"A cardinal rule of the old cabinet was that no official of "
		    "the palace ever interfered with any independent inquiry "
		    "led by the prosecutors.",
		"As part of that practice, no official of the palace ever "
		    "ordered surveillance of any citizen led by the prosecutors.",
		NULL,
	};
	static const char *const b[] = {
		FILLER("five nations"),
		"Palace spokesman Ivo Marten said the old cabinet had a "
		    "\"cardinal rule\" that \"no official of the palace ever "
		    "interfered with any independent inquiry led by the "
		    "prosecutors.\"",
		"As a result, Marten said, \"no official of the palace ever "
		    "ordered surveillance of any citizen led by the "
		    "prosecutors.\"",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	LINKED(&fx, 0, "interfered", 1, "interfered");
	LINKED(&fx, 0, "surveillance", 1, "surveillance");
	APART(&fx, 0, "interfered", 0, "surveillance");
	fx_free(&fx);
}

/*
 * Two sentences alike through a long name and their framing, with two
 * common words in their main clauses, share a theme: they found no
 * claim.
 */
static void
test_a_name_and_framing_found_nothing(void **state)
{
	static const char *const a[] = {
		FILLER("four countries"),
		"Rather than close the case, the Velmar Office of the Chief "
		    "Harbour Examiner opened an investigation of the shipment.",
		NULL,
	};
	static const char *const b[] = {
		FILLER("five nations"),
		"Any search tied to an investigation of the shipment would need "
		    "the consent of the Velmar Office of the Chief Harbour "
		    "Examiner.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "shipment", 1, "search");
	fx_free(&fx);
}

/*
 * A sentence stating two claims must not weld their clusters together:
 * clusters grow against their centroid, never by chaining pairs.
 */
static void
test_no_chaining(void **state)
{
	static const char *const a[] = {
		"The dam on the Irsa river will reopen to barges in March.",
		"Customs checks at the northern crossing were suspended.",
		NULL,
	};
	static const char *const b[] = {
		"Barges may use the Irsa river dam again from March.",
		"The northern crossing saw its customs checks suspended.",
		NULL,
	};
	static const char *const c[] = {
		"The Irsa dam reopens to barges in March.",
		"Customs checks were suspended at the northern crossing.",
		NULL,
	};
	static const char *const d[] = {
		"The Irsa river dam reopens to barges in March, and customs "
		    "checks at the northern crossing were suspended.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_add(&fx, "a", a);
	fx_add(&fx, "b", b);
	fx_add(&fx, "c", c);
	fx_add(&fx, "d", d);
	fx_link(&fx);
	LINKED(&fx, 0, "dam", 1, "dam");
	LINKED(&fx, 0, "dam", 2, "dam");
	LINKED(&fx, 0, "Customs", 1, "customs");
	LINKED(&fx, 0, "Customs", 2, "Customs");
	APART(&fx, 0, "dam", 0, "Customs");
	fx_free(&fx);
}

/*
 * Names alone in common are a theme, not a fact: the same people and the
 * same place, but nothing else said alike.  Two words beyond the names
 * make it one.
 */
static void
test_names_are_a_theme(void **state)
{
	static const char *const a[] = {
		"The pound slid while Mark Carney was in Lisbon.",
		"Mark Carney cut interest rates in Lisbon.",
		NULL,
	};
	static const char *const b[] = {
		"Mark Carney met Angela Merkel in Lisbon.",
		"In Lisbon, Mark Carney cut the rates of interest.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "pound", 1, "Merkel");
	LINKED(&fx, 0, "cut", 1, "cut");
	fx_free(&fx);
}

/*
 * One word beyond names in common is a theme: two sentences sharing only
 * it do not link by themselves, but it does not keep them out of a claim
 * the third outlet's sentence ties together ("pulled" and "freed" are
 * two ways to tell one rescue).
 */
static void
test_a_theme_does_not_split_a_claim(void **state)
{
	static const char *const a[] = {
		"Rescuers pulled the Kowalski brothers from the flooded Bremen shaft.",
		NULL,
	};
	static const char *const b[] = {
		"The Kowalski brothers were freed after two days trapped underground.",
		NULL,
	};
	static const char *const c[] = {
		"Rescuers pulled the Kowalski brothers out of the Bremen shaft after two days trapped underground.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "Rescuers", 1, "freed");
	fx_free(&fx);
	fx.ndocs = 0;
	fx_add(&fx, "a", a);
	fx_add(&fx, "b", b);
	fx_add(&fx, "c", c);
	fx_link(&fx);
	LINKED(&fx, 0, "Rescuers", 2, "Rescuers");
	LINKED(&fx, 1, "freed", 2, "Rescuers");
	LINKED(&fx, 0, "Rescuers", 1, "freed");
	fx_free(&fx);
}

/*
 * Two lone sentences found a claim only on words of their main clauses
 * beyond names: a name ("Harbour Master Ilse Varga") and what both say
 * only in a side clause ("after the storm flooded the quay") are the
 * theme of two facts.  The same sentences with their facts in common
 * link.
 */
static void
test_a_theme_founds_nothing(void **state)
{
	static const char *const a[] = {
		"Harbour Master Ilse Varga closed the quay to trawlers on Monday.",
		"The mayor praised the volunteers, after the storm flooded the "
		    "quay and the fish market.",
		"The harbour master said the quay would reopen in a week.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Harbour Master Ilse Varga blamed the council for the delays.",
		"Fishermen counted their losses, after the storm flooded the "
		    "quay and the fish market.",
		"The quay would reopen in a week, the harbour master said.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "trawlers", 1, "delays");
	APART(&fx, 0, "volunteers", 1, "Fishermen");
	LINKED(&fx, 0, "reopen", 1, "reopen");
	fx_free(&fx);
}

/*
 * Two lone sentences that share a few words of their main clauses, but
 * neither their main event, a quotation nor a figure, found a claim only
 * when they are more alike than a theme (CANDIDATES_FOUND_BARE): both
 * pairs below are about 0.4 alike, and two facts.
 */
static void
test_shared_words_found_little(void **state)
{
	static const char *const a[] = {
		"The governor is eager to pursue reform of the ferry service "
		    "before winter, aides said privately at the palace.",
		"Velmar lawmakers need two more votes to pass the harbour budget.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Harbour unions are eager to see reform of wages before the ferry "
		    "season begins.",
		"The harbour budget faces a vote in the assembly after a long "
		    "debate.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "eager", 1, "eager");
	APART(&fx, 0, "harbour budget", 1, "harbour budget");
	LINKED(&fx, 0, "procedure", 1, "procedure");
	fx_free(&fx);
}

/*
 * Two lone sentences whose shared words are a small part of both main
 * clauses state two facts each, of which they share a piece
 * (CANDIDATES_COVER): a figure and a place, on a precise figure's low
 * bar.  A short sentence inside a longer one is all covered, and one
 * fact.
 */
static void
test_a_small_shared_part_founds_nothing(void **state)
{
	static const char *const a[] = {
		"Dockers at the northern quay won a pay rise of 4.5 percent and "
		    "the ministry hired forty pilots for the winter.",
		"The dam on the Irsa river will reopen to barges in March.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Fishermen staged a strike at the northern quay over cod quotas "
		    "and the ferry union won 4.5 percent for its crews.",
		"Barges will use the Irsa river dam again when it reopens in "
		    "March after a long closure, the ministry said on Friday.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	/* With a comma before "and the ferry union", the sentence is cut
	 * into units (unit.h), and its second, a figure and its verb and
	 * little else, founds a claim with the Dockers' on that figure. */
	fx_link_two(&fx, a, b);
	APART(&fx, 0, "Dockers", 1, "Fishermen");
	LINKED(&fx, 0, "dam", 1, "dam");
	fx_free(&fx);
}

/*
 * Two lone sentences that share words alone, no event, quotation or
 * figure, found a claim only at CANDIDATES_FOUND_BARE: "protests",
 * "valley" and "fear" are a theme (about 0.45 alike), not one fact.
 */
static void
test_words_alone_found_no_theme(void **state)
{
	static const char *const a[] = {
		"Many residents fear that protests will erupt again in the "
		    "valley.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Violent protests in the valley this week have added to the "
		    "fear.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "erupt", 1, "Violent");
	LINKED(&fx, 0, "talks", 1, "talks");
	fx_free(&fx);
}

/*
 * Two lone sentences that share words alone, whose events have two
 * actors by name, neither named in the other sentence, tell what two
 * actors did alike: no claim.  The same actor's pair is one fact.
 */
static void
test_two_actors_found_nothing(void **state)
{
	static const char *const a[] = {
		"USCIS did not immediately return a request for comment on "
		    "the new visa rule.",
		"Ostrin did not immediately return a request for comment on "
		    "the bridge closure.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"DHS did not immediately respond to a request for comment on "
		    "the new visa rule.",
		"Ostrin did not immediately respond to a request for comment "
		    "on the bridge closure.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	APART(&fx, 0, "USCIS", 1, "DHS");
	LINKED(&fx, 0, "Ostrin", 1, "Ostrin");
	fx_free(&fx);
}

/*
 * A precise figure two outlets give is the fact it counts, however each
 * words the rest ("added ... jobs" / "hired ... workers"), and "twice" is
 * the figure 2.  Each pair shares one word or figure beyond names but for
 * it: a theme, half as alike, apart.  The reactor's pair, a small figure
 * and words, founds at CANDIDATES_FOUND_BARE: the name and the day it
 * shares make it alike enough without counting as words in common.
 */
static void
test_a_precise_figure_anchors(void **state)
{
	static const char *const a[] = {
		"Velmar Bay bars added 38,000 jobs.",
		"The Velmar reactor tripped twice on Monday.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Velmar Bay taverns hired 38,000 workers.",
		"Two shutdowns hit the Velmar reactor on Monday.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	LINKED(&fx, 0, "38,000", 1, "38,000");
	LINKED(&fx, 0, "twice", 1, "shutdowns");
	fx_free(&fx);
}

/*
 * A precise figure both main clauses give founds a claim on a pair that
 * is otherwise worded apart (about 0.31 alike, under CANDIDATES_FOUND_MIN
 * but over CANDIDATES_ANCHOR_MIN): "bars added 38,000 jobs" /
 * "employment in drinking places rose by 38,000".
 */
static void
test_a_figure_founds_a_claim(void **state)
{
	static const char *const a[] = {
		"Waterfront bars added 38,000 jobs.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Employment in waterfront drinking places rose by 38,000 over "
		    "the season.",
		FILLER("several nations"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };

	fx_link_two(&fx, a, b);
	LINKED(&fx, 0, "38,000", 1, "38,000");
	fx_free(&fx);
}

/*
 * Figures a reader computes: "since 1992" in an article of 2017 is 25
 * years, "a quarter of" is 25 percent of, "fifteen" is 15.  Each is the
 * same figure as the second source's and another than the third's, whose
 * sentences are otherwise alike.
 */
static void
test_computed_figures(void **state)
{
	static const char *const a[] = {
		"Republicans had held the Velmar seat since 1992.",
		"A quarter of Velmar households lost power.",
		"Fifteen ferries were stranded at Ostrin.",
		FILLER("six countries"),
		NULL,
	};
	static const char *const b[] = {
		"Republicans had held the Velmar seat for 25 years.",
		"25 percent of Velmar households lost power.",
		"15 ferries were stranded at Ostrin.",
		FILLER("several nations"),
		NULL,
	};
	static const char *const c[] = {
		"Republicans had held the Velmar seat for 22 years.",
		"40 percent of Velmar households lost power.",
		"12 ferries were stranded at Ostrin.",
		FILLER("the region"),
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };
	size_t i;

	fx_add(&fx, "a", a);
	fx_add(&fx, "b", b);
	fx_add(&fx, "c", c);
	for (i = 0; i < fx.ndocs; i++)
		fx.docs[i]->date = xstrdup("2017-12-13");
	fx_link(&fx);
	LINKED(&fx, 0, "since 1992", 1, "seat");
	APART(&fx, 0, "since 1992", 2, "seat");
	LINKED(&fx, 0, "quarter", 1, "households");
	APART(&fx, 0, "quarter", 2, "households");
	LINKED(&fx, 0, "Fifteen", 1, "ferries");
	APART(&fx, 0, "Fifteen", 2, "ferries");
	fx_free(&fx);
}

/* Topics shared by two sentences and quotes of the same words help. */
static void
test_topics_and_quotes_count(void **state)
{
	static const char *const a[] = {
		"[t1] Ministers agreed on a joint patrol of the strait.",
		NULL,
	};
	static const char *const b[] = {
		"[t1] A joint patrol of the strait was agreed by ministers.",
		NULL,
	};
	struct story_fx fx = { .ndocs = 0 };
	const struct claim *cl;

	fx_link_two(&fx, a, b);
	cl = &fx.claims->items[fx_claim(&fx, 0, "patrol")];
	assert_int_equal(cl->ndocs, 2);
	assert_int_equal(cl->ntopics, 1);
	assert_int_equal(cl->topics[0], 1);
	fx_free(&fx);
}

static void
test_empty_and_clutter_only(void **state)
{
	static const char *const a[] = { "[bp] Subscribe now.", NULL };
	static const char *const b[] = { NULL };
	struct story_fx fx = { .ndocs = 0 };

	fx_link(&fx);
	assert_int_equal(fx.claims->n, 0);
	claims_free(fx.claims);
	fx_link_two(&fx, a, b);
	assert_int_equal(fx.claims->n, 1);
	assert_true(fx.claims->items[0].boilerplate);
	fx_free(&fx);
}

/*
 * Many sources of one story: every source words the same four claims in
 * one of a few ways, plus a line of its own.  The shared claims must come
 * out as four claims spanning every source, the own lines apart.
 */
static void
test_many_sources(void **state)
{
	static const char *const variants[4][3] = {
		{ "The bridge at Ostrin will reopen to traffic in May.",
		  "Traffic returns to the Ostrin bridge in May.",
		  "In May the Ostrin bridge reopens to traffic." },
		{ "No foreign soldiers will be stationed in the valley.",
		  "Foreign soldiers will not be stationed in the valley.",
		  "The valley will see no foreign soldiers stationed there." },
		{ "Grain exports through Velmar rose by 12 percent.",
		  "Velmar grain exports were up 12 percent.",
		  "Exports of grain via Velmar climbed 12 percent." },
		{ "The envoy called the old frontier an unrealistic goal.",
		  "Restoring the old frontier is not a realistic goal, said the envoy.",
		  "The old frontier is an unrealistic goal, the envoy said." },
	};
	enum { NSRC = 200 };
	struct document **docs = xcalloc(NSRC, sizeof *docs);
	const char *texts[6];
	char own[128], outlet[16];
	struct claims *claims;
	size_t i, k, c;

	for (i = 0; i < NSRC; i++) {
		for (k = 0; k < 4; k++)
			texts[k] = variants[k][(i + k) % 3];
		snprintf(own, sizeof own, "Reporter %zu visited farm %zu near "
		    "village %zu.", i * 7919 % 1000, i, i * 31 % 997);
		texts[4] = own;
		texts[5] = NULL;
		snprintf(outlet, sizeof outlet, "s%zu", i);
		docs[i] = fixture_doc(outlet, NULL, texts);
	}
	claims = claims_link(docs, NSRC, NULL);
	for (k = 0; k < 4; k++) {
		c = docs[0]->sentences[k].claim;
		assert_int_equal(claims->items[c].ndocs, NSRC);
		for (i = 0; i < NSRC; i++)
			assert_int_equal(docs[i]->sentences[k].claim, c);
	}
	for (i = 0; i < NSRC; i++)
		assert_int_equal(claims->items[docs[i]->sentences[4].claim].ndocs,
		    1);
	claims_free(claims);
	for (i = 0; i < NSRC; i++)
		fixture_free(docs[i]);
	free(docs);
}

/* A made-up word for N, one a number: syllables the stemmer keeps. */
static void
wide_word(char *out, uint32_t n)
{
	static const char cons[] = "bdfgkmnptvz", vow[] = "aou";
	size_t k = 0;

	out[k++] = 'r';
	do {
		out[k++] = cons[n % 11];
		n /= 11;
		out[k++] = vow[n % 3];
		n /= 3;
	} while (n > 0);
	out[k] = '\0';
}

struct wide_pairs {
	size_t with_copy;	/* pairs of b's copy of a's first sentence */
	size_t with_new;	/* pairs of b's sentence of new words */
};

static void
wide_pair(void *ctx, const struct claims_pair *p)
{
	struct wide_pairs *w = ctx;

	if (p->sim <= 0 || p->a.doc != 0 || p->b.doc != 1)
		return;
	w->with_copy += p->b.sentence == 0 && p->a.sentence == 0;
	w->with_new += p->b.sentence == 1;
}

/*
 * A story of more than 65,536 features: the linker's feature ids no
 * longer fit 16 bits (featlist.h), and every id must stay itself.  A
 * 16-bit id of a new word would meet some other word of the first
 * source's, and its sentence would share a feature with it.
 */
static void
test_ids_past_16_bits(void **state)
{
	enum { SENTENCES = 700, WORDS = 100 };
	char *a[SENTENCES + 1], word[32];
	const char *b[3];
	struct document *docs[2];
	struct wide_pairs w = { 0, 0 };
	struct strbuf sb = STRBUF_INIT;
	size_t i, k;

	(void)state;
	for (i = 0; i < SENTENCES; i++) {
		strbuf_reset(&sb);
		for (k = 0; k < WORDS; k++) {
			wide_word(word, (uint32_t)(i * WORDS + k));
			strbuf_addf(&sb, "%s%s", k == 0 ? "" : " ", word);
		}
		strbuf_addstr(&sb, ".");
		a[i] = xstrdup(sb.data);
	}
	a[SENTENCES] = NULL;
	b[0] = a[0];
	b[1] = "Zelwick quarrondel stamfy bronquid talvessa morrick.";
	b[2] = NULL;
	docs[0] = fixture_doc("a", NULL, (const char *const *)a);
	docs[1] = fixture_doc("b", NULL, b);
	claims_pairs(docs, 2, wide_pair, &w);
	assert_int_equal(w.with_copy, 1);
	assert_int_equal(w.with_new, 0);
	for (i = 0; i < SENTENCES; i++)
		free(a[i]);
	strbuf_free(&sb);
	fixture_free(docs[0]);
	fixture_free(docs[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract),
		cmocka_unit_test(test_paraphrase_and_apart),
		cmocka_unit_test(test_negation),
		cmocka_unit_test(test_same_source_twice),
		cmocka_unit_test(test_computed_figures),
		cmocka_unit_test(test_no_chaining),
		cmocka_unit_test(test_neighbouring_facts_stay_apart),
		cmocka_unit_test(test_a_name_and_framing_found_nothing),
		cmocka_unit_test(test_names_are_a_theme),
		cmocka_unit_test(test_a_theme_does_not_split_a_claim),
		cmocka_unit_test(test_a_theme_founds_nothing),
		cmocka_unit_test(test_shared_words_found_little),
		cmocka_unit_test(test_a_small_shared_part_founds_nothing),
		cmocka_unit_test(test_words_alone_found_no_theme),
		cmocka_unit_test(test_two_actors_found_nothing),
	cmocka_unit_test(test_a_precise_figure_anchors),
		cmocka_unit_test(test_a_figure_founds_a_claim),
		cmocka_unit_test(test_topics_and_quotes_count),
		cmocka_unit_test(test_empty_and_clutter_only),
		cmocka_unit_test(test_many_sources),
		cmocka_unit_test(test_ids_past_16_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
