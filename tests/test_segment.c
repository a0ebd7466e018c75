#include "testlib.h"

#include "scan.h"
#include "segment.h"

/* Splits TEXT and checks the sentences against the NULL-terminated list. */
static void
check_split(const char *text, ...)
{
	struct span *spans;
	size_t n, i = 0;
	const char *want;
	va_list ap;

	n = segment_split(text, strlen(text), &spans);
	va_start(ap, text);
	while ((want = va_arg(ap, const char *)) != NULL) {
		if (i >= n)
			fail_msg("missing sentence %zu: [%s]", i, want);
		if (spans[i].end - spans[i].start != strlen(want) ||
		    memcmp(text + spans[i].start, want, strlen(want)) != 0)
			fail_msg("sentence %zu: [%.*s], want [%s]", i,
			    (int)(spans[i].end - spans[i].start),
			    text + spans[i].start, want);
		i++;
	}
	va_end(ap);
	if (i != n)
		fail_msg("%zu sentences, want %zu; extra: [%.*s]", n, i,
		    (int)(spans[i].end - spans[i].start), text + spans[i].start);
	free(spans);
}

static void
test_plain(void **state)
{
	check_split("Hello World. My name is Jonas.", "Hello World.",
	    "My name is Jonas.", NULL);
	check_split("What? Yes! No.", "What?", "Yes!", "No.", NULL);
	check_split("  padded  ", "padded", NULL);
	check_split("no full stop at the end", "no full stop at the end",
	    NULL);
	check_split("", NULL);
	check_split(" \n\t ", NULL);
}

/* The misses of real news (issue 16): a time zone, day or month after
 * "a.m.", "Jr.", "v.", a title after a hyphen, a state ending a
 * sentence, a lone "…" or closing quote, an attribution cut from its
 * quote. */
static void
test_news_misses(void **state)
{
	check_split("Update at 9:45 a.m. ET. Stocks rose.",
	    "Update at 9:45 a.m. ET.", "Stocks rose.", NULL);
	check_split("The report came out at 8:30 a.m. Eastern time today.",
	    "The report came out at 8:30 a.m. Eastern time today.", NULL);
	check_split("Polls close at 7 p.m. Tuesday. Counting starts.",
	    "Polls close at 7 p.m. Tuesday.", "Counting starts.", NULL);
	check_split("It took effect at 12:01 a.m. Thursday, as planned.",
	    "It took effect at 12:01 a.m. Thursday, as planned.", NULL);
	check_split("The vote is at 9 a.m. Jan. 5 in the House.",
	    "The vote is at 9 a.m. Jan. 5 in the House.", NULL);
	check_split("Polls closed at 8 p.m. Tuesday\xe2\x80\x99s count was slow.",
	    "Polls closed at 8 p.m.", "Tuesday\xe2\x80\x99s count was slow.",
	    NULL);
	check_split("Martin Luther King Jr. Day is a holiday.",
	    "Martin Luther King Jr. Day is a holiday.", NULL);
	check_split("In Trump v. Hawaii the court agreed. It ruled.",
	    "In Trump v. Hawaii the court agreed.", "It ruled.", NULL);
	check_split("It was signed by then-Gov. Nikki Haley. She left.",
	    "It was signed by then-Gov. Nikki Haley.", "She left.", NULL);
	check_split("He spoke in Columbia, S.C. Republicans cheered.",
	    "He spoke in Columbia, S.C.", "Republicans cheered.", NULL);
	check_split("He lives in Washington, D.C. Mayor Lee agreed.",
	    "He lives in Washington, D.C.", "Mayor Lee agreed.", NULL);
	check_split("the war machine, U.S. President Trump is here.",
	    "the war machine, U.S. President Trump is here.", NULL);
	check_split("We must go.\n\n\xe2\x80\xa6\n\nAnd we will.",
	    "We must go.\n\n\xe2\x80\xa6", "And we will.", NULL);
	check_split("\"We will win.\" Clinton said. Then she left.",
	    "\"We will win.\" Clinton said.", "Then she left.", NULL);
	check_split("\"We will win.\" Clinton said the next day.",
	    "\"We will win.\"", "Clinton said the next day.", NULL);
	/* Seen in the AllSides data: a space before a comma, and a quote
	 * that opens on an ellipsis. */
	check_split("It hosted Jon M. Huntsman Sr. , the magnate. He left.",
	    "It hosted Jon M. Huntsman Sr. , the magnate.", "He left.", NULL);
	check_split("Obama said. \"... I believe that Boehner wants a deal.\"",
	    "Obama said.", "\"... I believe that Boehner wants a deal.\"", NULL);
	check_split("He said. \xe2\x80\x9c\xe2\x80\xa6 We will win.\xe2\x80\x9d",
	    "He said.", "\xe2\x80\x9c\xe2\x80\xa6 We will win.\xe2\x80\x9d", NULL);
}

/* The misses left in the AllSides archive after the first round (sixth
 * session): a state as a place before a name, a state before a day, a
 * double quote closed apart after a single one, "Jr." after a stray
 * full stop, an attribution after a single closing quote. */
static void
test_news_leftovers(void **state)
{
	check_split("It restores funding for D.C. Reid was caught on a mic.",
	    "It restores funding for D.C.", "Reid was caught on a mic.", NULL);
	check_split("It is needed in Washington D.C. Johnson, meanwhile, left.",
	    "It is needed in Washington D.C.", "Johnson, meanwhile, left.",
	    NULL);
	check_split("He will appear in D.C. Superior Court on Friday.",
	    "He will appear in D.C. Superior Court on Friday.", NULL);
	check_split("It was a D.C. Council vote. It passed.",
	    "It was a D.C. Council vote.", "It passed.", NULL);
	check_split("She spoke in D.C. Tuesday evening to a crowd.",
	    "She spoke in D.C. Tuesday evening to a crowd.", NULL);
	check_split("Christie was in Washington, D.C. Thursday for meetings.",
	    "Christie was in Washington, D.C. Thursday for meetings.", NULL);
	check_split("Obama said so in a speech in Camden, N.J. Monday.",
	    "Obama said so in a speech in Camden, N.J. Monday.", NULL);
	check_split("He said, 'Why not?' \" he asked. We left.",
	    "He said, 'Why not?' \" he asked.", "We left.", NULL);
	check_split("\xe2\x80\x98Where is it going?\xe2\x80\x99 \xe2\x80\x9d "
	    "adds Kazi, who fled.", "\xe2\x80\x98Where is it going?"
	    "\xe2\x80\x99 \xe2\x80\x9d adds Kazi, who fled.", NULL);
	check_split("\xe2\x80\x9cHe said \xe2\x80\x98We will see.\xe2\x80\x99 "
	    "\xe2\x80\x9d He added, \xe2\x80\x9cWho knows?\xe2\x80\x9d",
	    "\xe2\x80\x9cHe said \xe2\x80\x98We will see.\xe2\x80\x99 "
	    "\xe2\x80\x9d", "He added, \xe2\x80\x9cWho knows?\xe2\x80\x9d",
	    NULL);
	/* Apart after a stop alone, a double quote opens the next one. */
	check_split("I talked to him,\" Kelly said. \" I hope to again.\"",
	    "I talked to him,\" Kelly said.", "\" I hope to again.\"", NULL);
	check_split("Allies of Kushner and Don. Jr. did not comment.",
	    "Allies of Kushner and Don. Jr. did not comment.", NULL);
	check_split("A spokesman said \xe2\x80\x98It is not an amnesty."
	    "\xe2\x80\x99 Vaughan said. Then he left.",
	    "A spokesman said \xe2\x80\x98It is not an amnesty."
	    "\xe2\x80\x99 Vaughan said.", "Then he left.", NULL);
}

/* "Mr." and "Gen." once ended sentences before the name. */
static void
test_prepositive_titles(void **state)
{
	check_split("As you said, Mr. Secretary, of peace. He left.",
	    "As you said, Mr. Secretary, of peace.", "He left.", NULL);
	check_split("Gen. Arvo Kestrel said so. Sen. Jones agreed.",
	    "Gen. Arvo Kestrel said so.", "Sen. Jones agreed.", NULL);
	check_split("I can see Mt. Fuji from here.",
	    "I can see Mt. Fuji from here.", NULL);
}

/* "U.S." ends a sentence only before a word that starts one. */
static void
test_dotted_abbreviations(void **state)
{
	check_split("U.S. Secretary of Defense Pete Hegseth spoke. U.S. troops "
	    "will not go.", "U.S. Secretary of Defense Pete Hegseth spoke.",
	    "U.S. troops will not go.", NULL);
	check_split("It marked a shift in U.S. strategy. Hegseth asserted it.",
	    "It marked a shift in U.S. strategy.", "Hegseth asserted it.",
	    NULL);
	check_split("I live in the U.S. How about you?", "I live in the U.S.",
	    "How about you?", NULL);
	check_split("Use a tool, e.g. Python or C, today.",
	    "Use a tool, e.g. Python or C, today.", NULL);
	check_split("The meeting, previously chaired by the U.S., was moved.",
	    "The meeting, previously chaired by the U.S., was moved.", NULL);
}

/* "No. 5" and "Jan. 6" are not boundaries; "p. 55" neither. */
static void
test_numeric_abbreviations(void **state)
{
	check_split("He cited No. 5 and the Jan. 6 report on p. 55. Then he "
	    "left.", "He cited No. 5 and the Jan. 6 report on p. 55.",
	    "Then he left.", NULL);
	check_split("The answer was no. He left.", "The answer was no.",
	    "He left.", NULL);
}

static void
test_initials(void **state)
{
	check_split("My name is Jonas E. Smith. George W. Bush spoke.",
	    "My name is Jonas E. Smith.", "George W. Bush spoke.", NULL);
	check_split("We make a good team, you and I. Did you see Albert I. "
	    "Jones?", "We make a good team, you and I.",
	    "Did you see Albert I. Jones?", NULL);
	/* A photographer's initial after the agency's slash. */
	check_split("The mayor at City Hall. AP Photo/J. Scott Roe",
	    "The mayor at City Hall.", "AP Photo/J. Scott Roe", NULL);
	check_split("It ran on page A/B. The clerk said so.",
	    "It ran on page A/B.", "The clerk said so.", NULL);
}

/* Decimals, times, money, addresses. */
static void
test_numbers_and_times(void **state)
{
	check_split("Spending rose to 6.30 percent. It is in her bag.",
	    "Spending rose to 6.30 percent.", "It is in her bag.", NULL);
	check_split("She has $100.00. It is in her bag.", "She has $100.00.",
	    "It is in her bag.", NULL);
	check_split("Talks end at 5 p.m. on Friday.",
	    "Talks end at 5 p.m. on Friday.", NULL);
	check_split("At 5 a.m. Mr. Smith went out. He came back at 6 P.M. "
	    "Mr. Smith then slept.", "At 5 a.m. Mr. Smith went out.",
	    "He came back at 6 P.M.", "Mr. Smith then slept.", NULL);
	check_split("It first appeared on chof360.com. More from NBC News:",
	    "It first appeared on chof360.com.", "More from NBC News:", NULL);
}

static void
test_ellipses(void **state)
{
	check_split("I never meant that.... She left.",
	    "I never meant that....", "She left.", NULL);
	check_split("I wasn't really ... well, what I mean...see . . . what "
	    "I'm saying . . . I didn't mean it.",
	    "I wasn't really ... well, what I mean...see . . . what "
	    "I'm saying . . . I didn't mean it.", NULL);
	check_split("He paused\xe2\x80\xa6 then spoke. Fine\xe2\x80\xa6 Next.",
	    "He paused\xe2\x80\xa6 then spoke.", "Fine\xe2\x80\xa6", "Next.",
	    NULL);
	check_split("\"Bohr [...] used it [...]\" (Smith 55).",
	    "\"Bohr [...] used it [...]\" (Smith 55).", NULL);
}

/* The closing quote after the stop belongs to the sentence. */
static void
test_closing_quotes_and_brackets(void **state)
{
	check_split("He said it is an \xe2\x80\x9cunrealistic objective.\xe2\x80\x9d "
	    "Then he left.", "He said it is an \xe2\x80\x9cunrealistic "
	    "objective.\xe2\x80\x9d", "Then he left.", NULL);
	check_split("She said, \"This is great.\" she said.",
	    "She said, \"This is great.\" she said.", NULL);
	check_split("He worked (he was an engineer.) at home. Then not.",
	    "He worked (he was an engineer.) at home.", "Then not.", NULL);
	check_split("That is JFK Jr.'s book.", "That is JFK Jr.'s book.", NULL);
}

/* Each sentence of a quote is its own sentence. */
static void
test_quote_across_sentences(void **state)
{
	check_split("\"The United States does not believe it. Instead, troops "
	    "must back it,\" he said.", "\"The United States does not "
	    "believe it.", "Instead, troops must back it,\" he said.", NULL);
	check_split("he said: \"2 percent is not enough. President Trump has "
	    "called for 5 percent and I agree.\"",
	    "he said: \"2 percent is not enough.", "President Trump has "
	    "called for 5 percent and I agree.\"", NULL);
}

static void
test_lists(void **state)
{
	check_split("1. The first item 2. The second item",
	    "1. The first item", "2. The second item", NULL);
	check_split("1.) The first item. 2.) The second item.",
	    "1.) The first item.", "2.) The second item.", NULL);
	check_split("a. The first item b. The second item",
	    "a. The first item", "b. The second item", NULL);
	check_split("\xe2\x80\xa2 9. The first item \xe2\x80\xa2 10. The second",
	    "\xe2\x80\xa2 9. The first item", "\xe2\x80\xa2 10. The second",
	    NULL);
	/* Not a list: a number mid-sentence is not a marker. */
	check_split("He has 2. The rest went.", "He has 2.", "The rest went.",
	    NULL);
}

/* Aggregators glue the next headline to the previous text. */
static void
test_glued_headline(void **state)
{
	check_split("Hegseth Makes First NATO Trip Amid Ukraine War ConcernsUS "
	    "Defense Secretary Pete Hegseth visited NATO headquarters.",
	    "Hegseth Makes First NATO Trip Amid Ukraine War Concerns",
	    "US Defense Secretary Pete Hegseth visited NATO headquarters.",
	    NULL);
	check_split("Allies Await Trump's Ukraine Support PlanU.S. Defense "
	    "Secretary Pete Hegseth went.", "Allies Await Trump's Ukraine "
	    "Support Plan", "U.S. Defense Secretary Pete Hegseth went.", NULL);
	check_split("Similar News:You can also read these stories.",
	    "Similar News:", "You can also read these stories.", NULL);
	/* Camel-case names stay whole. */
	check_split("Its chief executive Jane MacDonald said so.",
	    "Its chief executive Jane MacDonald said so.", NULL);
	check_split("McDonald said so.", "McDonald said so.", NULL);
	check_split("The chief executive of OpenAI said so.",
	    "The chief executive of OpenAI said so.", NULL);
	check_split("Talks On Karsk Valley Truce Stall AgainThe talks stalled.",
	    "Talks On Karsk Valley Truce Stall Again", "The talks stalled.",
	    NULL);
}

/* Dashes and curly quotes share their lead byte with the bullets and
 * U+2026: only those split. */
static void
test_dashes_quotes_and_bullets(void **state)
{
	check_split("He left \xe2\x80\x94 quietly. Then \xe2\x80\xa2 one "
	    "\xe2\x80\x93 two \xe2\x96\xaa three",
	    "He left \xe2\x80\x94 quietly.", "Then",
	    "\xe2\x80\xa2 one \xe2\x80\x93 two", "\xe2\x96\xaa three", NULL);
	check_split("\xe2\x80\x9cWait\xe2\x80\xa6\xe2\x80\x9d Then she left. "
	    "\xe2\x80\x98No\xe2\x80\x99 \xe2\x81\x83 item",
	    "\xe2\x80\x9cWait\xe2\x80\xa6\xe2\x80\x9d", "Then she left.",
	    "\xe2\x80\x98No\xe2\x80\x99", "\xe2\x81\x83 item", NULL);
	check_split("A \xe2\x97\xa6 b \xe2\x80\xa3 c. \xe2\x80\x9c"
	    "D.\xe2\x80\x9d E", "A", "\xe2\x97\xa6 b",
	    "\xe2\x80\xa3 c. \xe2\x80\x9c" "D.\xe2\x80\x9d E", NULL);
	/* Cut short at the end: no bullet. */
	check_split("End with a dash \xe2\x80\x94",
	    "End with a dash \xe2\x80\x94", NULL);
	check_split("cut \xe2\x80", "cut \xe2\x80", NULL);
	check_split("cut \xe2", "cut \xe2", NULL);
}

static void
test_line_breaks(void **state)
{
	check_split("A wrapped\nsentence. Next\n\nParagraph two",
	    "A wrapped\nsentence.", "Next", "Paragraph two", NULL);
}

/* A text split with its stops given is split as without: parts of a
 * text with every kind of stop, of every length, from every place in a
 * block, their stops those of the whole text's one scan. */
static void
test_stops_given(void **state)
{
	static const char *const pieces[] = {
		"Talks began. ", "Mr. Smith went to Washington. ", "It rose 0.9 ",
		"percent! ", "Why? ", "\xe2\x80\x9cNo,\xe2\x80\x9d he said\xe2\x80\xa6 ",
		"1. One 2. Two ", "\xe2\x80\xa2 item ", "\n\n", "in the U.S. How ",
		"Similar News:You can ", "Amid War ConcernsUS Defense Secretary ",
		"at 5 p.m. Then ", "\xe2\x80\x94 ", "e.g. this. . . ", "x"
	};
	static const struct scan_set stops = SEGMENT_STOPS;
	char text[700];
	uint64_t bits[700 / 64 + 1], marks[700 / 64 + 1], camels[700 / 64 + 1];
	struct span *want = NULL, *got = NULL;
	size_t len = 0, off, plen, n, m, k, wcap = 0, gcap = 0;
	unsigned seed = 3;

	while (len < sizeof text - 64) {
		seed = seed * 1103515245 + 12345;
		k = (seed >> 16) % (sizeof pieces / sizeof *pieces);
		memcpy(text + len, pieces[k], strlen(pieces[k]));
		len += strlen(pieces[k]);
	}
	/* One scan of the whole text serves every part of it, as it does
	 * a document's paragraphs. */
	scan_bits2(text, len, &stops, bits, &stops, marks, camels);
	for (off = 0; off < len; off += 7) {
		for (plen = 0; off + plen <= len; plen += 1 + plen / 3) {
			n = segment_split_reuse(text + off, plen, &want, &wcap);
			m = segment_split_part(text + off, plen, bits, camels,
			    off, &got, &gcap);
			assert_int_equal(m, n);
			for (k = 0; k < n; k++) {
				assert_int_equal(got[k].start, want[k].start);
				assert_int_equal(got[k].end, want[k].end);
			}
		}
	}
	free(want);
	free(got);
}

/* Each level of block routines this build and CPU can run. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_prepositive_titles),
		cmocka_unit_test(test_news_misses),
		cmocka_unit_test(test_news_leftovers),
		cmocka_unit_test(test_dotted_abbreviations),
		cmocka_unit_test(test_numeric_abbreviations),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_numbers_and_times),
		cmocka_unit_test(test_ellipses),
		cmocka_unit_test(test_closing_quotes_and_brackets),
		cmocka_unit_test(test_quote_across_sentences),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_glued_headline),
		cmocka_unit_test(test_dashes_quotes_and_bullets),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_stops_given),
	};

	return testlib_run_every_level(tests);
}
