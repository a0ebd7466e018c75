/*
 * The claim linker on the five seed articles (../shared/seeds), as the
 * program links them: the default taxonomy tags, then claims link.  Kept
 * apart from test_claims.c's made-up stories because it reads the shared
 * data and skips without it.
 */
#include "testlib.h"

#include "claims.h"
#include "fixture.h"
#include "input.h"
#include "tagger.h"
#include "taxonomy.h"

/*
 * Hand-made gold groups on ../shared/seeds: each group lists distinctive
 * substrings of the sentences (from any of the five outlets) that state
 * one claim.  Sentences matched by `seed_unsure` are left out of the
 * scores: reasonable editors could group them either way.
 */
static const char *const seed_gold[][8] = {
	{
		"NATO membership for Ukraine is not a viable",
		"believe that NATO membership for Ukraine is a realistic outcome",
		"did not believe that NATO membership",
		"A Ukrainian NATO membership is not",
		"NATO membership is a realistic outcome of a negotiated settlement for Ukraine",
		"does not think that NATO membership",
	},
	{
		"returning to Ukraine's pre-2014 borders is an “unrealistic",
		"restoring Ukraine to its pre-2014 borders",
		"return to the Ukrainian borders as they were before 2014",
		"We must begin by recognising",
		"it is “unrealistic” to aim",
		"we must start by recognizing",
	},
	{
		"Chasing this illusionary goal",
		"Pursuing this illusion",
	},
	{
		"the role of European and non-European troops",
		"Instead, any security guarantee must be backed",
		"Hegseth underlined that",
		"must be underpinned by capable",
		"all security guarantees must be backed",
		"He added that any security guarantee must be backed",
	},
	{
		"non-NATO mission,\" he stated",
		"separate, non-NATO framework",
		"it should not be a NATO mission",
		"non-NATO mission and they should not be covered",
		"These personnel should not be deployed",
	},
	{
		"the U.S. will not send troops",
		"There will not be U.S. troops deployed to Ukraine to further",
		"the U.S. would not deploy its troops",
		"ruled out the possibility of Washington",
		"no American troops will be deployed",
		"Hegseth confirmed that there will not be",
		"there will not be U.S. troops deployed to Ukraine,”",
	},
	{
		"\"2 percent is not enough",
		"spending 2% of GDP",
		"exceeding the 2 percent of GDP",
	},
	{
		"has called for 5 percent",
		"has called for five percent",
	},
	{
		"aims to end the Ukraine-Russia war through diplomatic",
		"wants to end the war through diplomatic means",
		"He intends to end this war by diplomacy",
		"commitment to achieving peace through diplomacy",
		"commitment to ending the conflict through peaceful means",
	},
	{
		"a durable peace could only be established",
		"by linking the strength of the allies",
		"by coupling allied strength",
	},
	{
		"robust international oversight of the line of contact for any",
		"international control over the contact line",
		"There also must be robust international oversight",
	},
	{
		"achieved by unleashing American energy production",
		"Trump is unleashing American energy production",
		"by “unleashing American energy production”",
	},
	{
		"Lower energy prices, coupled",
		"Lower energy prices coupled",
	},
	{
		"a \"sovereign and prosperous Ukraine",
		"a sovereign and prosperous Ukraine,”",
	},
	{
		"take on the largest share of support",
		"Europe must provide the overwhelming share",
		"European nations would be required to provide most",
	},
	{
		"prevent the United States of America from being primarily",
		"prevent the United States from being the primary guarantor",
		"could no longer be solely responsible for European security",
	},
	{
		"faces consequential threats and is focusing",
		"faces consequential threats to our homeland",
		"focusing on securing our own borders",
	},
	{
		"reiterating the U.S. commitment to NATO",
		"remains committed to the alliance",
	},
};
static const char *const seed_unsure[] = {
	"reducing energy prices, which have been fueling",
	"assume a larger role in supporting Ukraine",
	"Article 5 of the North Atlantic Treaty",
	"In a speech to the Ukraine Defense Contact Group",
	"should not be provided by way of giving Ukraine NATO",
	"balanced security relationship",
	"take greater responsibility for their own defense",
	"must be an imperative for European members",
	"peer competitor",
	NULL,
};

#define NGOLD (sizeof seed_gold / sizeof *seed_gold)

/* Pairs that share words or a topic but say different things. */
static const char *const seed_apart[][2] = {
	{ "focusing on securing our own borders", "pre-2014 borders" },
	{ "no American troops will be deployed", "capable European and non-European" },
	{ "will not be U.S. troops deployed to Ukraine", "capable European and non-European" },
	{ "\"2 percent is not enough", "has called for 5 percent" },
	{ "spending 2% of GDP", "has called for five percent" },
	{ "Chasing this illusionary goal", "pre-2014 borders" },
};

/* Group of gold group of a sentence, -2 for unsure, -1 for none. */
static int
seed_label(const char *text)
{
	size_t g, k;

	for (k = 0; seed_unsure[k] != NULL; k++) {
		if (strstr(text, seed_unsure[k]) != NULL)
			return -2;
	}
	for (g = 0; g < NGOLD; g++) {
		for (k = 0; k < 8 && seed_gold[g][k] != NULL; k++) {
			if (strstr(text, seed_gold[g][k]) != NULL)
				return (int)g;
		}
	}
	return -1;
}

static void
test_seeds_gold(void **state)
{
	struct document *docs[16];
	const struct sentence *a, *b;
	struct claims *claims;
	struct taxonomy *tax;
	struct tagger *tagger;
	char **paths, *cause, *dir = testlib_shared("seeds");
	size_t ndocs, i, da, db, ia, ib, tp = 0, fp = 0, fn = 0, k, found;
	size_t outlets = 0;
	bool carries[NGOLD][16] = { { false } };
	bool joined[NGOLD][16][16] = { { { false } } };
	int la, lb;

	if (dir == NULL)
		skip();
	/* As the program does: the default taxonomy tags, then links. */
	assert_int_equal(taxonomy_load_file(
	    testlib_srcfile("config/taxonomy.yaml"), &tax, &cause), 0);
	tagger = tagger_new(tax);
	assert_int_equal(input_list_directory(dir, &paths, &ndocs, &cause), 0);
	assert_true(ndocs <= 16);
	for (i = 0; i < ndocs; i++) {
		assert_int_equal(document_load_file(paths[i], &docs[i], &cause),
		    0);
		free(paths[i]);
		for (k = 0; k < docs[i]->nsentences; k++)
			tagger_tag(tagger, &docs[i]->sentences[k]);
	}
	free(paths);
	claims = claims_link(docs, ndocs, tax);
	/* Every gold substring names a sentence of the seeds. */
	for (i = 0; i < NGOLD; i++) {
		for (k = 0; k < 8 && seed_gold[i][k] != NULL; k++) {
			for (da = found = 0; da < ndocs; da++) {
				for (ia = 0; ia < docs[da]->nsentences; ia++)
					found += strstr(docs[da]->sentences[ia].text,
					    seed_gold[i][k]) != NULL;
			}
			if (found == 0)
				fail_msg("gold sentence not found: %s",
				    seed_gold[i][k]);
		}
	}
	/*
	 * Every pair of content sentences of two sources, and every pair of
	 * sources that both state a gold claim.  Recall counts the second:
	 * the reader sees which outlets carry a claim (its coverage dots),
	 * and a source's restatement left out of the claim changes none,
	 * while counting every sentence pair held one source's
	 * neighbouring facts together (candidates.c).  Precision counts the
	 * first: any two sentences of two sources wrongly joined.
	 */
	for (da = 0; da < ndocs; da++)
	for (ia = 0; ia < docs[da]->nsentences; ia++) {
		a = &docs[da]->sentences[ia];
		if (a->boilerplate || (la = seed_label(a->text)) == -2)
			continue;
		if (la >= 0)
			carries[la][da] = true;
		for (db = da + 1; db < ndocs; db++)
		for (ib = 0; ib < docs[db]->nsentences; ib++) {
			b = &docs[db]->sentences[ib];
			if (b->boilerplate || (lb = seed_label(b->text)) == -2)
				continue;
			if (!fixture_share(claims, docs, da, ia, db, ib))
				continue;
			if (la >= 0 && la == lb) {
				tp++;
				joined[la][da][db] = true;
			} else
				fp++;
		}
	}
	for (k = 0; k < NGOLD; k++)
	for (da = 0; da < ndocs; da++)
	for (db = da + 1; db < ndocs; db++) {
		if (carries[k][da] && carries[k][db])
			joined[k][da][db] ? outlets++ : fn++;
	}
	printf("# seeds: %zu gold groups, linked sentence pairs %zu right, "
	    "%zu wrong: precision %.3f; pairs of sources carrying a group "
	    "%zu joined, %zu not: recall %.3f\n", NGOLD, tp, fp,
	    (double)tp / (double)(tp + fp), outlets, fn,
	    (double)outlets / (double)(outlets + fn));
	assert_true(tp * 100 >= (tp + fp) * 95);
	assert_true(outlets * 100 >= (outlets + fn) * 85);
	for (i = 0; i < sizeof seed_apart / sizeof *seed_apart; i++) {
		size_t ca = SENTENCE_NO_CLAIM, cb = SENTENCE_NO_CLAIM;

		for (da = 0; da < ndocs; da++) {
			for (ia = 0; ia < docs[da]->nsentences; ia++) {
				a = &docs[da]->sentences[ia];
				if (strstr(a->text, seed_apart[i][0]) != NULL)
					ca = a->claim;
				if (strstr(a->text, seed_apart[i][1]) != NULL)
					cb = a->claim;
			}
		}
		assert_int_not_equal(ca, SENTENCE_NO_CLAIM);
		assert_int_not_equal(ca, cb);
	}
	claims_free(claims);
	for (i = 0; i < ndocs; i++)
		document_free(docs[i]);
	tagger_free(tagger);
	taxonomy_free(tax);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_gold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
