/*
 * The plain-prose gate (plainline.c) against the rules it lets
 * boilerplate_mark skip: no line a rule marks may be plain, on every
 * rule's own lines and on lines drawn at random from the pieces the rules
 * look for; and prose is plain, so that the gate skips something.
 */
#include "testlib.h"

#include "call.h"
#include "caption.h"
#include "document.h"
#include "furniture.h"
#include "lcg.h"
#include "note.h"
#include "plainline.h"
#include "sitephrase.h"

/* An outlet whose name ends as a sentence does: only its length tells
 * the gate. */
#define OUTLET "Example Inc."

/* Does a rule boilerplate_mark asks past the gate mark TEXT (a paragraph's
 * rules asked of every line here)?  The rules it keeps to itself ("...
 * Read more", a gallery's "Hide Caption") are asked here as it asks
 * them. */
static bool
marked(const char *text)
{
	struct sentence s = { 0 };
	struct furniture_line l;
	uint64_t anywhere;
	size_t len = strlen(text);
	char copy[512];
	bool furniture;

	assert_true(len < sizeof copy);
	s.text = strcpy(copy, text);
	s.len = (uint32_t)len;
	sitephrase_find_all(&s, 1, &anywhere);
	furniture_line_read(&l, text, len);
	return sitephrase_read(&l, anywhere, &furniture) != SITEPHRASE_NONE ||
	    furniture || furniture_name_card(&l) || caption_credit(&l) ||
	    caption_credit_line(&l) || caption_pictured(&l) ||
	    furniture_link_line(&l) ||
	    furniture_outlet(&s, OUTLET, strlen(OUTLET)) ||
	    call_pointer(&l) ||
	    call_outlet(&l, OUTLET, call_outlet_name(OUTLET)) ||
	    furniture_video_box(&s) || note_text(&s) ||
	    note_bio_end(&s) ||
	    (len > 10 && strcmp(text + len - 10, " Read more") == 0) ||
	    (len > 13 && sitephrase_prefix(text, "hide caption ", 13));
}

static bool
plain(const char *text)
{
	struct sentence s = { 0 };
	struct furniture_line l;
	uint64_t anywhere;
	char copy[512];

	assert_true(strlen(text) < sizeof copy);
	s.text = strcpy(copy, text);
	s.len = (uint32_t)strlen(text);
	sitephrase_find_all(&s, 1, &anywhere);
	furniture_line_read(&l, text, s.len);
	return plainline_plain(plainline_gate(), &l, anywhere, strlen(OUTLET));
}

/* Lines each rule of the table marks, in its order. */
static const char *const test_plainline_marked[] = {
	"Related News from the region today",	/* a phrase at the start */
	"- Related News",			/* past a bullet */
	"This is a developing story.",		/* anywhere */
	"NPR's Richard Harris reports Listen",	/* audio */
	"Send tips to kevin@example.org.",	/* contact */
	"Updated April 25 at 5:28 p.m. ET",	/* stamp */
	"Updated 2:30 p.m.",
	"This story was updated to add a quote.",	/* note */
	"02:26",				/* clock */
	"6 years ago",				/* age */
	"* * * * * * *",			/* separator */
	"Follow him on Twitter @NolteNC",	/* follow */
	"Jones: Yes, he can 01:47",		/* video */
	"Jordain Carney contributed.",		/* contributed */
	"Posted by Ann Lee on Friday, May 22, 2015",	/* post */
	"\xe2\x80\x94 Pat Lee (@PatLee) March 30, 2017",
	"ET",
	"President Trump Donald John Trump",	/* name card */
	"Win McNamee/Getty Images",		/* credit line */
	"Karl Racine (left) and Ken Paxton held a press event",	/* pictured */
	"REUTERS/Jim Young",			/* credit */
	"(Carlos Barria/Reuters)",
	"Photograph: Don Emmert/AFP",
	"Find the fact checks at http://example.com/FactCheck",	/* link */
	OUTLET,					/* the outlet */
	"Snowden calls for a shield law Read more",	/* read more */
	"Read the full report here.",		/* call */
	"Check our Candidate Tracker to find out.",
	"Visit Example Inc.'s homepage for more stories.",	/* call, outlet */
	"Watch the latest video at video.example.com.",
	"Hide Caption 1 of 10 Photos: the vote.",	/* gallery */
	"CLOSE Hillary Clinton said she would run.",	/* video box */
	"POLITICO Dispatch: May 19",
	"Correction: An earlier version misspelled her name.",	/* note */
	"Editor\xe2\x80\x99s note: This story was changed.",
	"The opinions expressed in this commentary are his own.",	/* bio */
	"She lives in Ohio The views expressed are her own.",
	NULL
};

static void
test_plainline_rules(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; test_plainline_marked[i] != NULL; i++) {
		if (!marked(test_plainline_marked[i]))
			fail_msg("no rule marks [%s]", test_plainline_marked[i]);
		if (plain(test_plainline_marked[i]))
			fail_msg("plain: [%s]", test_plainline_marked[i]);
	}
	/* Prose, quoted or not, is plain. */
	assert_true(plain("The council met on Tuesday to vote on the budget."));
	assert_true(plain("\xe2\x80\x9cWe will win,\xe2\x80\x9d she said."));
	assert_true(plain("\"It is over,\" he told reporters on Monday."));
	assert_true(plain("Officials said the talks would go on!"));
	assert_true(plain("Mr. Lee asked whether the vote would hold?"));
}

/* The pieces the rules look for, and prose's. */
static const char *const test_plainline_prose[] = {
	"The ", "She ", "It ", "Officials ", "\xe2\x80\x9cWe ", "\"They ",
	"In ", "A ", "Mr. ", "When ", "Then "
};

static const char *const test_plainline_openings[] = {
	"The ", "This ", "This story was updated ", "Updated ", "updated ",
	"Follow ", "Posted by ", "Photograph: ", "Hide Caption ", "Read more ",
	"Read ", "Check ", "Click ", "Related News ", "Sign up ", "Source: ",
	"REUTERS/", "AP/", "UN ", "\"", "\xe2\x80\x9c", "- ", "( ", "(",
	"\xe2\x80\x94 ", "By ", "He ", "For ", "Watch ", "Copyright ",
	"Jordain Carney ", "Listen ", "CLOSE ", "Tags: ", "12:", "Photo ",
	"Share this: ", "Editor's note: ", "Get more ", "More: ", "You can ",
	"| ", "What our economists say ", "Download the ", "Ann ", "|",
	"CLOSE ", "Correction, Jan. 3, 2020: ", "Disclosure - ",
	"The opinions expressed in this ", "The views expressed by ",
	"6 years", "Visit ", "View more on "
};

static const char *const test_plainline_middles[] = {
	"said", "the", "council", "@", "kevin@example.org", "http://a.com/b",
	"www.example.org", "Twitter", "(pictured)", "(left)", "12:30", "Reuters",
	"Jim Young", "/", "|", "contributed", "Listen", "here", "our",
	"newsletter", "click here", "story continues below", "Donald Trump",
	"Trump", "Lee", "on", "2015", "all rights reserved", "AP", "Photo", "a",
	"\xe2\x80\x9c", "\xe2\x80\x9d", "\"", "REUTERS/Jim", "vote", "who"
};

static const char *const test_plainline_endings[] = {
	".", "!", "?", "\"", ".\"", "\xe2\x80\x9d", ".\xe2\x80\x9d", "", ":",
	")", " contributed.", " here.", " Read more", " Listen", " 01:47",
	" http://example.com", " www.example.com.", " reports Listen", "'",
	"\xe2\x80\x99", " (14:18)", " Trump", " Lee", ".)", " 2015", "d.",
	" own.", " The views expressed are her own.", " ago", " at x.com.",
	" on Example Inc."
};

#define TEST_PLAINLINE_PICK(r, table) \
	(table)[lcg_next(r) % (sizeof (table) / sizeof *(table))]

/* Lines of pieces at random: none plain that a rule marks, and both kinds
 * drawn often enough to tell. */
static void
test_plainline_random(void **state)
{
	struct lcg r = { 19 };
	char line[512];
	size_t i, k, words, nplain = 0, nmarked = 0;

	(void)state;
	for (i = 0; i < 200000; i++) {
		strcpy(line, lcg_next(&r) % 2 == 0 ?
		    TEST_PLAINLINE_PICK(&r, test_plainline_prose) :
		    TEST_PLAINLINE_PICK(&r, test_plainline_openings));
		words = lcg_next(&r) % 12;
		for (k = 0; k < words; k++) {
			if (k > 0 || lcg_next(&r) % 2 == 0)
				strcat(line, " ");
			strcat(line, TEST_PLAINLINE_PICK(&r,
			    test_plainline_middles));
		}
		strcat(line, lcg_next(&r) % 3 == 0 ? "." :
		    TEST_PLAINLINE_PICK(&r, test_plainline_endings));
		if (plain(line)) {
			nplain++;
			if (marked(line))
				fail_msg("plain, and a rule marks it: [%s]",
				    line);
		}
		nmarked += marked(line);
	}
	print_message("%zu plain, %zu marked\n", nplain, nmarked);
	assert_true(nplain > 10000);
	assert_true(nmarked > 10000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plainline_rules),
		cmocka_unit_test(test_plainline_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
