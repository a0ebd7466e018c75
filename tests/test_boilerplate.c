/*
 * Site furniture marked in a document's body (boilerplate.c, furniture.c,
 * sitephrase.c), as loading a source marks it: which lines are clutter,
 * which are headings, and which prose stays.
 */
#include "testlib.h"

#include "document.h"

static bool
is_boilerplate(const struct document *doc, const char *text)
{
	size_t i;

	for (i = 0; i < doc->nsentences; i++) {
		if (strcmp(doc->sentences[i].text, text) == 0)
			return doc->sentences[i].boilerplate;
	}
	fail_msg("no sentence [%s]", text);
	return false;
}

static void
test_boilerplate(void **state)
{
	struct document *doc;

	doc = testlib_load("a.txt", "Talks began. They ended.\nRelated News\n"
	    "- Belgium leads NATO maritime security operation\n"
	    "- NATO boss calls on Germany to spend more\n"
	    "According to the minister, talks resume.\n"
	    "NATO Ukraine Russia Diplomacy Defense Peace\n"
	    "This is a developing story. Please check back for more updates.\n"
	    "This story first appeared on example.com. More from NBC News:\n"
	    "Share this article\nSubscribe to our newsletter for updates.\n"
	    "By Jane Doe and John Roe, Reuters\nUpdated: Feb 12, 2025 3:45 PM\n"
	    "By Wednesday the talks had failed.\n"
	    "READ MORE: Why the valley matters to everyone in the region\n"
	    "Story continues below advertisement\n");
	assert_false(is_boilerplate(doc, "Talks began."));
	assert_true(is_boilerplate(doc, "Related News"));
	assert_true(is_boilerplate(doc,
	    "- Belgium leads NATO maritime security operation"));
	assert_true(is_boilerplate(doc,
	    "- NATO boss calls on Germany to spend more"));
	assert_false(is_boilerplate(doc,
	    "According to the minister, talks resume."));
	assert_true(is_boilerplate(doc,
	    "NATO Ukraine Russia Diplomacy Defense Peace"));
	assert_true(is_boilerplate(doc, "This is a developing story."));
	assert_true(is_boilerplate(doc, "Please check back for more updates."));
	assert_true(is_boilerplate(doc,
	    "This story first appeared on example.com."));
	assert_true(is_boilerplate(doc, "More from NBC News:"));
	assert_true(is_boilerplate(doc, "Share this article"));
	assert_true(is_boilerplate(doc,
	    "Subscribe to our newsletter for updates."));
	assert_true(is_boilerplate(doc, "By Jane Doe and John Roe, Reuters"));
	assert_true(is_boilerplate(doc, "Updated: Feb 12, 2025 3:45 PM"));
	assert_false(is_boilerplate(doc, "By Wednesday the talks had failed."));
	assert_true(is_boilerplate(doc,
	    "READ MORE: Why the valley matters to everyone in the region"));
	assert_true(is_boilerplate(doc, "Story continues below advertisement"));
	document_free(doc);

	/* A byline name opening the body, a video's title and length, a
	 * lone "Photo", an archive note are furniture; capitalised words over
	 * a paragraph of prose are its heading, not a tag line. */
	doc = testlib_load("a.txt",
	    "Platforms and the law\n\nWilliam Cummings\n\n"
	    "Jones: Yes, he can 01:47\n\n"
	    "Photo\n\nThis article is more than 4 years old\n\n"
	    "Social Network Limitations\n\n"
	    "The platforms can only remove what their rules let them remove."
	    "\n\nKaren Ortiz and her son left the city in May.\n");
	assert_true(is_boilerplate(doc, "William Cummings"));
	assert_true(is_boilerplate(doc, "Jones: Yes, he can 01:47"));
	assert_true(is_boilerplate(doc, "Photo"));
	assert_true(is_boilerplate(doc, "This article is more than 4 years old"));
	assert_false(is_boilerplate(doc, "Social Network Limitations"));
	assert_true(doc->sentences[4].heading);
	assert_false(is_boilerplate(doc, "The platforms can only remove what "
	    "their rules let them remove."));
	assert_false(is_boilerplate(doc,
	    "Karen Ortiz and her son left the city in May."));
	document_free(doc);

	/* A story's age over the body; the same words ending a sentence
	 * cut there are prose. */
	doc = testlib_load("b.txt", "---\ntitle: City budget\n---\n"
	    "6 years ago\n\n"
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "16 years ago.\n");
	assert_true(is_boilerplate(doc, "6 years ago"));
	assert_false(is_boilerplate(doc, "16 years ago."));
	document_free(doc);

	/* An aggregator's teasers of other stories, each with its link. */
	doc = testlib_load("a.txt", "The article. It ends here.\n"
	    "Similar News:You can also read stories similar to this one.\n"
	    "Other Headline Here For SureUS Defense officials said it today. "
	    "They added more.\nRead more \xc2\xbb\n"
	    "Another headline on another storyA second teaser sentence is "
	    "here.\nRead more \xc2\xbb\n");
	assert_false(is_boilerplate(doc, "The article."));
	assert_true(is_boilerplate(doc, "Similar News:"));
	assert_true(is_boilerplate(doc,
	    "You can also read stories similar to this one."));
	assert_true(is_boilerplate(doc, "Other Headline Here For Sure"));
	assert_true(is_boilerplate(doc, "US Defense officials said it today."));
	assert_true(is_boilerplate(doc, "They added more."));
	assert_true(is_boilerplate(doc,
	    "Another headline on another storyA second teaser sentence is "
	    "here."));
	document_free(doc);

	/* Prose with a capitalised phrase is not a tag line, and "Read more"
	 * inside a sentence is not a link. */
	doc = testlib_load("a.txt", "The Foreign Ministry Of Norvalia\n"
	    "Readers can read more about it in our archive.\n");
	assert_false(is_boilerplate(doc, "Readers can read more about it in "
	    "our archive."));
	document_free(doc);

	/* Another story's headline in capitals, a name's pop-up card and a
	 * shop widget's price are furniture; a short heading in capitals, a
	 * quote in capitals, a name said twice in a sentence and a price in
	 * prose are not. */
	doc = testlib_load("a.txt", "The mayor spoke.\n\n"
	    "MAYOR: CITY BUDGET VOTE SLIPS TO SPRING, COUNCIL AIDES SAY\n\n"
	    "BUDGET TALKS\n\n"
	    "\"WE WILL NOT RAISE TAXES ON ANY FAMILY IN THIS CITY THIS YEAR\"\n\n"
	    "Council member Ann Lee Annabel (Ann) Marie Lee\n\n"
	    "The council sided with Lee, and Ann Lee said so.\n\n"
	    "Acme Drone Mini for $399\n\n___\n\n"
	    "CITY BUDGET VOTE SLIPS TO SPRING AS AIDES CALL IT A "
	    "\xe2\x80\x98SUCCESS\xe2\x80\x99\n\nJane Roe contributed.\n\n"
	    "Every member of the council contributed.\n\n"
	    "The council bought a drone for $399.\n");
	assert_true(is_boilerplate(doc,
	    "MAYOR: CITY BUDGET VOTE SLIPS TO SPRING, COUNCIL AIDES SAY"));
	assert_false(is_boilerplate(doc, "BUDGET TALKS"));
	assert_false(is_boilerplate(doc, "\"WE WILL NOT RAISE TAXES ON ANY "
	    "FAMILY IN THIS CITY THIS YEAR\""));
	assert_true(is_boilerplate(doc,
	    "Council member Ann Lee Annabel (Ann) Marie Lee"));
	assert_false(is_boilerplate(doc,
	    "The council sided with Lee, and Ann Lee said so."));
	assert_true(is_boilerplate(doc, "Acme Drone Mini for $399"));
	assert_true(is_boilerplate(doc, "___"));
	assert_true(is_boilerplate(doc, "CITY BUDGET VOTE SLIPS TO SPRING AS "
	    "AIDES CALL IT A \xe2\x80\x98SUCCESS\xe2\x80\x99"));
	assert_true(is_boilerplate(doc, "Jane Roe contributed."));
	assert_false(is_boilerplate(doc, "Every member of the council "
	    "contributed."));
	assert_false(is_boilerplate(doc, "The council bought a drone for $399."));
	document_free(doc);

	/* A video's box, a photo's caption over its credit (not a story's
	 * hat tip), a link's headline under its label, a columnist's bio, a
	 * line pointing at a web address, and a headline at the foot are
	 * furniture; "Close" opening prose, a long sentence under
	 * "Advertisement:", an address alone are not. */
	doc = testlib_load("a.txt", "CLOSE The mayor explains the budget vote. "
	    "Here is what it means for the city.\n\n"
	    "The council voted on Tuesday to delay the budget.\n\n"
	    "A council member speaks to reporters in City Hall, May 2, 2024."
	    "\n\nWIRE/Jane Roe\n\n"
	    "Close observers of the council expected the delay.\n\n"
	    "The vote is set for spring.\n\n(H/T City Wire)\n\n"
	    "More:\n\nCity budget vote slips to spring\n\n"
	    "Advertisement:\n\nYou will remember that when the vote first "
	    "slipped the mayor told the press:\n\n"
	    "\"We will get it done.\"\n\n"
	    "Jane Roe is a professor of history at the state university. "
	    "She hosts a podcast on cities. The opinions expressed in this "
	    "commentary are her own.\n\n"
	    "Find the council's budget at https://example.org/budget\n\n"
	    "www.example.org\n\n"
	    "The council will meet again in March.\n\n"
	    "Council budget fight heads into a new year\n");
	assert_true(is_boilerplate(doc, "CLOSE The mayor explains the budget "
	    "vote."));
	assert_true(is_boilerplate(doc, "Here is what it means for the city."));
	assert_false(is_boilerplate(doc,
	    "The council voted on Tuesday to delay the budget."));
	assert_true(is_boilerplate(doc, "A council member speaks to reporters "
	    "in City Hall, May 2, 2024."));
	assert_true(is_boilerplate(doc, "WIRE/Jane Roe"));
	assert_false(is_boilerplate(doc,
	    "Close observers of the council expected the delay."));
	assert_false(is_boilerplate(doc, "The vote is set for spring."));
	assert_true(is_boilerplate(doc, "City budget vote slips to spring"));
	assert_true(is_boilerplate(doc, "Advertisement:"));
	assert_false(is_boilerplate(doc, "You will remember that when the vote "
	    "first slipped the mayor told the press:"));
	assert_true(is_boilerplate(doc, "She hosts a podcast on cities."));
	assert_true(is_boilerplate(doc,
	    "Find the council's budget at https://example.org/budget"));
	assert_false(is_boilerplate(doc, "www.example.org"));
	assert_false(is_boilerplate(doc,
	    "The council will meet again in March."));
	assert_true(is_boilerplate(doc,
	    "Council budget fight heads into a new year"));
	document_free(doc);

	/* The outlet's name alone under the byline is the site's. */
	doc = testlib_load("a.txt", "---\noutlet: Harbour Gazette\n"
	    "title: Bridge shut\n---\nThe bridge shut.\n\n"
	    "HARBOUR GAZETTE\n\nThe Harbour Gazette reported it first.\n");
	assert_true(is_boilerplate(doc, "HARBOUR GAZETTE"));
	assert_false(is_boilerplate(doc,
	    "The Harbour Gazette reported it first."));
	document_free(doc);

	/* The last item of a list, and a long sentence whose quote was cut
	 * off, end a body without being furniture. */
	doc = testlib_load("a.txt", "Two teams made it.\n\nCroatia: sixth "
	    "appearance\n\nWales: second appearance\n");
	assert_false(is_boilerplate(doc, "Wales: second appearance"));
	document_free(doc);
	doc = testlib_load("a.txt", "The mayor spoke.\n\nWhen the vote first "
	    "slipped, the mayor stood up and told the council members:\n");
	assert_false(is_boilerplate(doc, "When the vote first slipped, the "
	    "mayor stood up and told the council members:"));
	document_free(doc);
}

/* Sign-ups, a handle to follow, a note that the story changed, a link to
 * a video, an ad's label, a caption over Politico's credit bar, and a
 * gallery's captions each said twice are furniture; one paragraph said
 * twice, and a message in an inbox, stay prose. */
/* Session 6's fresh sample's furniture: a gallery's captions run into a
 * paragraph, a headline cut before its "Read more", a story's highlights,
 * short headlines in capitals, the links of a list under "More:", and
 * the site's notes. */
static void
test_boilerplate_lists_and_galleries(void **state)
{
	struct document *doc;

	doc = testlib_load("a.txt",
	    "The council met on Monday to vote on the budget.\n"
	    "Photos: City leaks \xe2\x80\x93 In 2007, the clerk was convicted. "
	    "He appealed. Hide Caption 1 of 2 Photos: City leaks \xe2\x80\x93 "
	    "The treasurer resigned. He was later cleared. Hide Caption 2 of 2 "
	    "Photos: City leaks. The vote was delayed twice after that.\n"
	    "The budget is unfair. The mayor defends it | Jane Roe Read more\n"
	    "CITY COUNCIL SLAMS MAYOR'S PLAN TO RAISE TAXES\n"
	    "The mayor said the plan would pass in the spring.\n"
	    "WHO BECOMES MAYOR IF THE VOTE FAILS?\n"
	    "The charter names the council president.\n"
	    "More:\nCouncil passes the budget after a long night\n"
	    "Mayor's plan for the river front and its parks\n"
	    "Infrastructure\n"
	    "The river front will get new parks, the mayor said on Monday.\n"
	    "UPDATE: The council has removed the word.\n"
	    "Watch this video on YouTube\n"
	    "We want to hear what you think about this article.\n"
	    "Join our Facebook community for conversation and updates.\n"
	    "Previous Next Jane Roe/AP\n");
	assert_false(is_boilerplate(doc,
	    "The council met on Monday to vote on the budget."));
	assert_true(is_boilerplate(doc, "He appealed."));
	assert_true(is_boilerplate(doc, "He was later cleared."));
	assert_false(is_boilerplate(doc, "The vote was delayed twice after that."));
	assert_true(is_boilerplate(doc, "The budget is unfair."));
	assert_true(is_boilerplate(doc,
	    "CITY COUNCIL SLAMS MAYOR'S PLAN TO RAISE TAXES"));
	assert_false(is_boilerplate(doc, "WHO BECOMES MAYOR IF THE VOTE FAILS?"));
	assert_true(is_boilerplate(doc,
	    "Council passes the budget after a long night"));
	assert_true(is_boilerplate(doc,
	    "Mayor's plan for the river front and its parks"));
	assert_false(is_boilerplate(doc, "Infrastructure"));
	assert_false(is_boilerplate(doc,
	    "The river front will get new parks, the mayor said on Monday."));
	assert_true(is_boilerplate(doc,
	    "UPDATE: The council has removed the word."));
	assert_true(is_boilerplate(doc, "Watch this video on YouTube"));
	assert_true(is_boilerplate(doc,
	    "We want to hear what you think about this article."));
	assert_true(is_boilerplate(doc,
	    "Join our Facebook community for conversation and updates."));
	assert_true(is_boilerplate(doc, "Previous Next Jane Roe/AP"));
	document_free(doc);

	doc = testlib_load("b.txt", "City budget\n\n"
	    "Story highlights The mayor and council met again\n\n"
	    "The vote slips to spring\n\n"
	    "The mayor said the budget would pass next week after months of "
	    "talks.\n");
	assert_true(is_boilerplate(doc, "The vote slips to spring"));
	assert_false(is_boilerplate(doc, "The mayor said the budget would pass "
	    "next week after months of talks."));
	document_free(doc);

	/* A label over a list of links closing the body, each a paragraph
	 * with a bullet or ">>>", and the furniture under them; the same
	 * list within the body is the story's own, and a single item under
	 * a label finishes a sentence. */
	doc = testlib_load("c.txt",
	    "The council met on Monday to vote on the budget.\n\n"
	    "The bill would:\n\n"
	    "\xe2\x80\xa2 raise the tax on parking by a dollar\n\n"
	    "\xe2\x80\xa2 close two of the city's five pools\n\n"
	    "The mayor said it would pass next week after months of talks.\n\n"
	    "More budget coverage from the Gazette:\n\n"
	    "\xe2\x80\xa2 What the council's vote means for your taxes\n\n"
	    "Pools, parks and the river front after the budget >>>\n\n"
	    "Read or Share this story: http://example.com/a\n");
	assert_false(is_boilerplate(doc, "The bill would:"));
	assert_false(is_boilerplate(doc,
	    "\xe2\x80\xa2 raise the tax on parking by a dollar"));
	assert_true(is_boilerplate(doc, "More budget coverage from the Gazette:"));
	assert_true(is_boilerplate(doc,
	    "\xe2\x80\xa2 What the council's vote means for your taxes"));
	assert_true(is_boilerplate(doc,
	    "Pools, parks and the river front after the budget >>>"));
	document_free(doc);

	doc = testlib_load("d.txt",
	    "Polls close at eight in most of the states that vote today.\n\n"
	    "Also:\n\n\xe2\x80\xa2 Georgia and Ohio.\n");
	assert_false(is_boilerplate(doc, "Also:"));
	assert_false(is_boilerplate(doc, "\xe2\x80\xa2 Georgia and Ohio."));
	document_free(doc);
}

static void
test_boilerplate_site_lines(void **state)
{
	static const char *const furniture[] = {
		"AD", "Follow her on Twitter @janedoe.",
		"- Follow the Desk on Twitter: @thedesk",
		"This story was updated at noon.",
		"Sign up to receive our best stories as they come.",
		"( WATCH: The mayor's speech on the budget)",
		"Want the Daily Brief in your inbox every day?",
		"The mayor greets voters on the steps of the hall.",
		"| Jo Smith/AP Photo",
		"The mayor waves to the crowd in May.",
		"The council votes on the budget in June.", NULL
	};
	static const char *const prose[] = {
		"The vote was the closest in years, said the clerk.",
		"Then a message arrives in your inbox.", NULL
	};
	struct document *doc = testlib_load("a.txt",
	    "The council met on Monday. The "
	    "vote was close and the mayor spoke at length.\n\nAD\n\n"
	    "Follow her on Twitter @janedoe.\n\n"
	    "- Follow the Desk on Twitter: @thedesk\n\n"
	    "This story was updated at noon.\n\n"
	    "Sign up to receive our best stories as they come.\n\n"
	    "( WATCH: The mayor's speech on the budget)\n\n"
	    "Want the Daily Brief in your inbox every day?\n\n"
	    "The mayor greets voters on the steps of the hall. "
	    "| Jo Smith/AP Photo\n\n"
	    "The mayor waves to the crowd in May.\n\n"
	    "The mayor waves to the crowd in May.\n\n"
	    "The council votes on the budget in June.\n\n"
	    "The council votes on the budget in June.\n\n"
	    "Then a message arrives in your inbox.\n\n"
	    "The vote was the closest in years, said the clerk.\n\n"
	    "The vote was the closest in years, said the clerk.\n\n"
	    "Everyone went home after the meeting ended late at night.\n");
	size_t i, j;

	for (i = 0; furniture[i] != NULL; i++)
		if (!is_boilerplate(doc, furniture[i]))
			fail_msg("not furniture: [%s]", furniture[i]);
	for (i = 0; prose[i] != NULL; i++) {
		for (j = 0; j < doc->nsentences; j++)
			if (strcmp(doc->sentences[j].text, prose[i]) == 0 &&
			    doc->sentences[j].boilerplate)
				fail_msg("prose marked: [%s]", prose[i]);
	}
	document_free(doc);
}

/* Session 7's fresh sample's furniture: lines giving an address to write
 * to, an audio player's line, follow lines without a handle, a gallery's
 * count, a chart's source, links to a section or "More here.", a photo
 * handed out "via AP", Politico's tags and its Dispatch box, and a
 * heading over other stories' headlines in capitals.  An address quoted
 * and a "Follow" with no network stay prose. */
static void
test_boilerplate_contacts_and_widgets(void **state)
{
	static const char *const furniture[] = {
		"Send tips to kevin@example.org.",
		"Email: jo@example.com Twitter: @jo",
		"NPR's Jo Smith reports Listen", "Follow Ryan on Twitter",
		"You can follow me at @janedoe.", "Slideshow (3 Images)",
		"Source: State Department.", "More here.",
		"SPECIAL COVERAGE: City Budget", "(FBI via AP)",
		"This article tagged under: Budget", "Politics",
		"POLITICO Dispatch: May 19 The mayor spoke at noon.",
		"The council sat late.",
		"BREAKING NEWS ABOUT THE BUDGET", NULL
	};
	static const char *const prose[] = {
		"\"The jo@example.com account was closed,\" she wrote.",
		"Follow the money to the end of the road.",
		"The council met on Monday to vote on the budget.",
		"The mayor said the plan would pass in the spring.", NULL
	};
	struct document *doc = testlib_load("a.txt",
	    "POLITICO Dispatch: May 19 The "
	    "mayor spoke at noon. The council sat late.\n\n"
	    "The council met on Monday to vote on the budget.\n\n"
	    "\"The jo@example.com account was closed,\" she wrote.\n\n"
	    "Follow the money to the end of the road.\n\n"
	    "NPR's Jo Smith reports Listen\n\n(FBI via AP)\n\n"
	    "Slideshow (3 Images)\n\nSource: State Department.\n\n"
	    "SPECIAL COVERAGE: City Budget\n\n"
	    "The mayor said the plan would pass in the spring.\n\n"
	    "BREAKING NEWS ABOUT THE BUDGET\n\n"
	    "COUNCIL VOTES TO CUT THE BUDGET OF THE PARKS AGAIN\n\n"
	    "More here.\n\nFollow Ryan on Twitter\n\n"
	    "You can follow me at @janedoe.\n\n"
	    "Send tips to kevin@example.org.\n\n"
	    "Email: jo@example.com Twitter: @jo\n\n"
	    "This article tagged under: Budget\n\nPolitics\n");
	size_t i;

	for (i = 0; furniture[i] != NULL; i++)
		if (!is_boilerplate(doc, furniture[i]))
			fail_msg("not furniture: [%s]", furniture[i]);
	for (i = 0; prose[i] != NULL; i++)
		if (is_boilerplate(doc, prose[i]))
			fail_msg("prose marked: [%s]", prose[i]);
	document_free(doc);
}

/* A writer's bio over the body or at its foot is boilerplate, its whole
 * paragraph; the same words within the body introduce a source, and a
 * sentence that goes on about its person is prose. */
static void
test_boilerplate_bios(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "Jane Roe is a senior staff "
	    "writer for the Bugle. She covers the council.\n\n"
	    "The council met on Monday to vote on the budget.\n\n"
	    "Ann Lee is a professor of law at the state university.\n\n"
	    "The vote was the closest in years, said the clerk.\n\n"
	    "Bo Diaz is the Bugle's chief political correspondent.\n");
	struct document *lede = testlib_load("b.txt",
	    "Ann Lee is a shrewd writer but "
	    "she has spent her life in the council.\n\n"
	    "The council met on Monday to vote on the budget.\n");

	assert_true(is_boilerplate(doc,
	    "Jane Roe is a senior staff writer for the Bugle."));
	assert_true(is_boilerplate(doc, "She covers the council."));
	assert_true(is_boilerplate(doc,
	    "Bo Diaz is the Bugle's chief political correspondent."));
	assert_false(is_boilerplate(doc,
	    "Ann Lee is a professor of law at the state university."));
	assert_false(is_boilerplate(lede, "Ann Lee is a shrewd writer but "
	    "she has spent her life in the council."));
	document_free(doc);
	document_free(lede);

	/* A title in capitals, after a plural's possessive, or a few
	 * words after the outlet's possessive. */
	doc = testlib_load("a.txt",
	    "Di Ray is the Daily News' Senior Writer.\n\n"
	    "The council met on Monday to vote on the budget.\n\n"
	    "Cy Fox is a member of the Bugle's Board of Contributors. "
	    "Follow him on Twitter @cyfox\n");
	assert_true(is_boilerplate(doc,
	    "Di Ray is the Daily News' Senior Writer."));
	assert_true(is_boilerplate(doc,
	    "Cy Fox is a member of the Bugle's Board of Contributors."));
	document_free(doc);
}

/* A short line between paragraphs of prose heads the next; one that
 * introduces a list ("Also see:") is over links, and an illustration's
 * credit is furniture. */
static void
test_boilerplate_subheads(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "The council met on Monday to "
	    "vote on the budget.\n\nVoter turnout\n\n"
	    "The vote was the closest in years, said the clerk.\n\n"
	    "Illustration by Jo Smith\n\n"
	    "Everyone went home after the meeting ended late at night.\n\n"
	    "Park Bench Kit for $99\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "Also see:\n\nCouncil sides with mayor on parks\n\n"
	    "Mayor predicts a win in the spring\n\n"
	    "The mayor said the plan would pass in the spring.\n");

	assert_false(is_boilerplate(doc, "Voter turnout"));
	assert_true(doc->sentences[1].heading);
	assert_true(is_boilerplate(doc, "Illustration by Jo Smith"));
	assert_true(is_boilerplate(doc, "Park Bench Kit for $99"));
	assert_true(is_boilerplate(doc, "Council sides with mayor on parks"));
	assert_true(is_boilerplate(doc, "Mayor predicts a win in the spring"));
	assert_false(is_boilerplate(doc,
	    "The mayor said the plan would pass in the spring."));
	document_free(doc);
}

/* A clutter phrase is found at every place in a long sentence, which is
 * searched in two halves at once. */
static void
test_boilerplate_anywhere_in_long(void **state)
{
	static const char phrase[] = "all rights reserved";
	char text[400], filler[300];
	struct document *doc;
	size_t at, i;

	for (i = 0; i + 1 < sizeof filler; i++)
		filler[i] = "the talks went on late "[i % 23];
	filler[sizeof filler - 1] = '\0';
	for (at = 0; at <= 260; at++) {
		/* Sentences of 280 bytes and more, the phrase at AT. */
		snprintf(text, sizeof text, "The talks ended.\nSo %.*s%s %.*s.\n",
		    (int)at, filler, phrase, (int)(280 - at), filler);
		doc = testlib_load("a.txt", text);
		assert_int_equal(doc->nsentences, 2);
		assert_false(doc->sentences[0].boilerplate);
		if (!doc->sentences[1].boilerplate)
			fail_msg("phrase at %zu of %zu bytes not found", at,
			    doc->sentences[1].len);
		document_free(doc);
	}
}

/* A furniture phrase that may stand anywhere is found at every place of
 * a sentence up to 240 bytes and, a gallery caption aside, in none
 * longer: those lines are short, a long sentence that says "click here"
 * is prose. */
static void
test_boilerplate_furniture_anywhere(void **state)
{
	static const char *const phrases[] = { "Click Here", "hide caption" };
	char text[400], filler[300];
	struct document *doc;
	size_t at, i, p, size;

	for (i = 0; i + 1 < sizeof filler; i++)
		filler[i] = "the talks went on late "[i % 23];
	filler[sizeof filler - 1] = '\0';
	for (p = 0; p < 2; p++) {
		for (size = 200; size <= 280; size += 80) {
			for (at = 0; at + 20 <= size; at++) {
				snprintf(text, sizeof text,
				    "The talks ended.\nSo %.*s%s %.*s.\n",
				    (int)at, filler, phrases[p],
				    (int)(size - at), filler);
				doc = testlib_load("a.txt", text);
				assert_int_equal(doc->nsentences, 2);
				assert_false(doc->sentences[0].boilerplate);
				if (doc->sentences[1].boilerplate !=
				    (p == 1 || doc->sentences[1].len <= 240))
					fail_msg("%s at %zu of %zu bytes: %s",
					    phrases[p], at, doc->sentences[1].len,
					    doc->sentences[1].boilerplate ?
					    "found" : "not found");
				document_free(doc);
			}
		}
	}
}

/*
 * A caption of several sentences over its credit, one paragraph; a
 * credit's label ("(Reuters photo: ...)"); a byline's affiliation; a link
 * in brackets; an embedded Facebook post's line; a stamp of the update;
 * a link under a topic; a recording's chapters; a note that wire reports
 * were drawn on; a bio in a title's capitals.
 * Prose of the same shapes elsewhere stays.
 */
static void
test_boilerplate_captions_and_credits(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "---\noutlet: Harbour Ledger\n"
	    "title: Budget vote slips\n---\nAnn Lee\n\n"
	    "Harbour Ledger Bureau\n\n"
	    "In this May 2 photo, the mayor speaks in the hall. "
	    "The council voted on Monday to delay the budget. "
	    "It meets again in June. (AP Photo/Jo Smith)\n\n"
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "The mayor in the hall, May 2.\n\n"
	    "(Reuters photo: Jo Smith)\n\n"
	    "( Full council vote results)\n\n"
	    "(The vote, said the clerk, was close.)\n\n"
	    "Posted by Harbour Ledger on Friday, May 22, 2015\n\n"
	    "Updated June 20 at 2:42 p.m. ET\n\n"
	    "Parks vote:Council sides with mayor on the new parks plan\n\n"
	    "Winner:Mayor Bo Diaz\n\n"
	    "On the budget (3:46)\n\n"
	    "The mayor said the plan would pass in the spring, said the clerk.\n\n"
	    "Council votes\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "This article is based in part on wire service reports.\n\n"
	    "Bo Diaz is Senior Editor-at-Large at the Ledger. "
	    "He lives in the city.\n");

	assert_true(is_boilerplate(doc, "Ann Lee"));
	assert_true(is_boilerplate(doc, "Harbour Ledger Bureau"));
	assert_true(is_boilerplate(doc,
	    "In this May 2 photo, the mayor speaks in the hall."));
	assert_true(is_boilerplate(doc,
	    "The council voted on Monday to delay the budget."));
	assert_true(is_boilerplate(doc, "It meets again in June."));
	assert_false(is_boilerplate(doc,
	    "The council met on Monday to vote on the budget of the city."));
	assert_true(is_boilerplate(doc, "The mayor in the hall, May 2."));
	assert_true(is_boilerplate(doc, "(Reuters photo: Jo Smith)"));
	assert_true(is_boilerplate(doc, "( Full council vote results)"));
	assert_false(is_boilerplate(doc,
	    "(The vote, said the clerk, was close.)"));
	assert_true(is_boilerplate(doc,
	    "Posted by Harbour Ledger on Friday, May 22, 2015"));
	assert_true(is_boilerplate(doc, "On the budget (3:46)"));
	assert_true(is_boilerplate(doc, "Updated June 20 at 2:42 p.m. ET"));
	assert_true(is_boilerplate(doc, "Parks vote:"));
	assert_true(is_boilerplate(doc,
	    "Council sides with mayor on the new parks plan"));
	assert_false(is_boilerplate(doc, "Mayor Bo Diaz"));
	assert_false(is_boilerplate(doc, "Council votes"));
	assert_true(is_boilerplate(doc,
	    "This article is based in part on wire service reports."));
	assert_true(is_boilerplate(doc,
	    "Bo Diaz is Senior Editor-at-Large at the Ledger."));
	assert_true(is_boilerplate(doc, "He lives in the city."));
	document_free(doc);
}

/* Credits only their paragraph shows to be ones: a label not in
 * brackets, "Credit" and a name with a slash or names only, a bar of
 * capitalised parts;
 * the caption over one in its paragraph goes with it, the prose over one
 * in a paragraph of its own stays. */
static void
test_boilerplate_credit_lines(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "The clerk read the results aloud to the hall on Monday night.\n\n"
	    "Image source: Screenshot from Twitter\n\n"
	    "The mayor thanked the council. The vote ended a long fight.\n\n"
	    "The mayor speaks in the hall on May 2. "
	    "Credit Jo Smith/Associated Press\n\n"
	    "The mayor and the clerk on Monday. "
	    "Ann Lee | Harbour Ledger | Getty Images\n\n"
	    "Opinion | Council was right to delay the budget\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "FILE PHOTO: The mayor in the hall\n\n"
	    "The budget goes to the council again in the spring.\n\n"
	    "The mayor at the harbour. Jo Smith/Harbour Ledger\n\n"
	    "The Budget/Parks\n\n"
	    "The parks close in May unless the council finds the money.\n");

	assert_false(is_boilerplate(doc,
	    "The clerk read the results aloud to the hall on Monday night."));
	assert_true(is_boilerplate(doc, "Image source: Screenshot from Twitter"));
	assert_false(is_boilerplate(doc, "The mayor thanked the council."));
	assert_true(is_boilerplate(doc,
	    "The mayor speaks in the hall on May 2."));
	assert_true(is_boilerplate(doc, "Credit Jo Smith/Associated Press"));
	assert_true(is_boilerplate(doc, "The mayor and the clerk on Monday."));
	assert_true(is_boilerplate(doc,
	    "Ann Lee | Harbour Ledger | Getty Images"));
	assert_true(is_boilerplate(doc,
	    "Opinion | Council was right to delay the budget"));
	assert_false(is_boilerplate(doc,
	    "The clerk counted the votes again on Tuesday morning."));
	assert_true(is_boilerplate(doc, "FILE PHOTO: The mayor in the hall"));
	assert_true(is_boilerplate(doc, "The mayor at the harbour."));
	assert_true(is_boilerplate(doc, "Jo Smith/Harbour Ledger"));
	assert_false(is_boilerplate(doc, "The Budget/Parks"));
	document_free(doc);

	/* "Credit" and names only, a photographer's label, a credit naming
	 * the paper and the agency: each with the caption over it in its
	 * paragraph; "Credit" over prose's small words stays. */
	doc = testlib_load("b.txt",
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "The mayor speaks in the hall. Credit Jo Smith for The Ledger\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "The harbour at dawn on May 2. Photographer: Ann Lee/AFP via "
	    "Getty Images\n\n"
	    "The parks close in May unless the council finds the money.\n\n"
	    "The pools on Monday. Credit Jo Smith/Harbour Ledger Photo "
	    "Desk, via Associated Press\n\n"
	    "Credit Ann Lee with holding the council to its word\n\n"
	    "The budget goes to the council again in the spring.\n");
	assert_true(is_boilerplate(doc, "The mayor speaks in the hall."));
	assert_true(is_boilerplate(doc, "Credit Jo Smith for The Ledger"));
	assert_true(is_boilerplate(doc, "The harbour at dawn on May 2."));
	assert_true(is_boilerplate(doc,
	    "Photographer: Ann Lee/AFP via Getty Images"));
	assert_true(is_boilerplate(doc, "The pools on Monday."));
	assert_false(is_boilerplate(doc,
	    "Credit Ann Lee with holding the council to its word"));
	assert_false(is_boilerplate(doc,
	    "The parks close in May unless the council finds the money."));
	document_free(doc);
}

/* Roles by shape and place: a caption saying who is pictured, a
 * widget's label cut by its ellipsis, a live blog entry's signature, a
 * headline in capitals cut at an abbreviation, a bio naming the trade
 * bare; and the lines of prose, headings and lists that look like them. */
static void
test_boilerplate_roles(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "Jo Park is editor of the Harbour Ledger.\n\n"
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "The mayor (pictured on Monday) left the hall before the vote\n\n"
	    "The mayor, pictured here on Monday, left before the vote.\n\n"
	    "More On This...\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "\xe2\x80\x94 Ann Lee\n\n"
	    "\xe2\x80\x9cThe budget is all about the parks.\xe2\x80\x9d\n\n"
	    "\xe2\x80\x94 Bo Diaz\n\n"
	    "The budget goes to the council again in the spring.\n\n"
	    "- Park Budgets\n\n"
	    "- Harbour Walk\n\n"
	    "And...\n\n"
	    "MAYOR NAMES RETIRED ADM. JO PARK AS HARBOUR CHIEF\n\n"
	    "The harbour chief starts work in the spring, the clerk said.\n");

	assert_true(is_boilerplate(doc,
	    "Jo Park is editor of the Harbour Ledger."));
	assert_true(is_boilerplate(doc,
	    "The mayor (pictured on Monday) left the hall before the vote"));
	assert_false(is_boilerplate(doc,
	    "The mayor, pictured here on Monday, left before the vote."));
	assert_true(is_boilerplate(doc, "More On This..."));
	assert_true(is_boilerplate(doc, "\xe2\x80\x94 Ann Lee"));
	assert_false(is_boilerplate(doc, "\xe2\x80\x94 Bo Diaz"));
	assert_false(is_boilerplate(doc, "- Park Budgets"));
	assert_false(is_boilerplate(doc, "- Harbour Walk"));
	assert_false(is_boilerplate(doc, "And..."));
	assert_true(is_boilerplate(doc, "MAYOR NAMES RETIRED ADM."));
	assert_true(is_boilerplate(doc, "JO PARK AS HARBOUR CHIEF"));
	assert_false(is_boilerplate(doc,
	    "The harbour chief starts work in the spring, the clerk said."));
	document_free(doc);

	/* A related links' heading run into its first link is furniture,
	 * a sentence opening with its words is not. */
	doc = testlib_load("a.txt",
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "Related Coverage Council votes to close the harbour parks in May\n\n"
	    "Related coverage of the vote ran in every paper of the city.\n");
	assert_true(is_boilerplate(doc,
	    "Related Coverage Council votes to close the harbour parks in May"));
	assert_false(is_boilerplate(doc,
	    "Related coverage of the vote ran in every paper of the city."));
	document_free(doc);
}

/* Notes about the text itself (an editor's note, a correction, a
 * disclosure) are furniture with the rest of their paragraph; a label
 * with words of its own, or opening an embedded post, is someone's; a
 * bio's closing note run into its last line marks the bio. */
static void
test_boilerplate_notes(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "Correction, Jan. 3, 2020: This story misstated the vote. "
	    "It was 5 to 4.\n\n"
	    "CORRECTION (Oct. 8, 2019, 5:15 p.m.): A previous version "
	    "misspelled the clerk's name.\n\n"
	    "Editor\xe2\x80\x99s note \xe2\x80\x94 A look at what the "
	    "council claimed.\n\n"
	    "Disclosure: The author's wife works for the council.\n\n"
	    "Correction from the clerk: the vote was held on Monday.\n\n"
	    "CORRECTION: The mayor never said that https://t.co/abc\n\n"
	    "Corrections officers voted too.\n\n"
	    "Share this: Twitter\n\n"
	    "Ann Lee is the director of the Harbour Fund, a group for the "
	    "parks of the city The views expressed are her own.\n");

	assert_false(is_boilerplate(doc,
	    "The council met on Monday to vote on the budget of the city."));
	assert_true(is_boilerplate(doc,
	    "Correction, Jan. 3, 2020: This story misstated the vote."));
	assert_true(is_boilerplate(doc, "It was 5 to 4."));
	assert_true(is_boilerplate(doc, "CORRECTION (Oct. 8, 2019, 5:15 "
	    "p.m.): A previous version misspelled the clerk's name."));
	assert_true(is_boilerplate(doc, "Editor\xe2\x80\x99s note "
	    "\xe2\x80\x94 A look at what the council claimed."));
	assert_true(is_boilerplate(doc,
	    "Disclosure: The author's wife works for the council."));
	assert_false(is_boilerplate(doc,
	    "Correction from the clerk: the vote was held on Monday."));
	assert_false(is_boilerplate(doc,
	    "CORRECTION: The mayor never said that https://t.co/abc"));
	assert_false(is_boilerplate(doc, "Corrections officers voted too."));
	assert_true(is_boilerplate(doc, "Share this: Twitter"));
	assert_true(is_boilerplate(doc, "Ann Lee is the director of the "
	    "Harbour Fund, a group for the parks of the city The views "
	    "expressed are her own."));
	document_free(doc);
}

/* The title said again at the body's head is furniture: whole, under
 * the photo's caption in its paragraph (the caption with it), after a
 * credit's bar with the standfirst run in, cut, or after a column's name;
 * a quote the title borrows, within its paragraph or ending as a
 * sentence does, and a sentence opening with the title, are prose. */
static void
test_boilerplate_titles(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "---\ntitle: Harbour parks close for the winter\n---\n"
	    "The mayor walks in the harbour park on Monday. "
	    "Harbour parks close for the winter\n\n"
	    "Harbour parks close for the winter, the council said on Monday.\n\n"
	    "The clerk read the vote. Harbour parks close for the winter. "
	    "Nobody spoke.\n\n"
	    "Harbour parks close for the winter\n\n"
	    "The parks open again in the spring, the clerk said.\n");

	assert_true(is_boilerplate(doc, "Harbour parks close for the winter"));
	assert_true(is_boilerplate(doc,
	    "The mayor walks in the harbour park on Monday."));
	assert_false(is_boilerplate(doc, "Harbour parks close for the "
	    "winter, the council said on Monday."));
	assert_false(is_boilerplate(doc, "Harbour parks close for the "
	    "winter."));
	assert_false(is_boilerplate(doc,
	    "The parks open again in the spring, the clerk said."));
	/* Deep in the body it heads a section. */
	assert_false(doc->sentences[doc->nsentences - 2].boilerplate);
	document_free(doc);

	doc = testlib_load("a.txt",
	    "---\ntitle: Council votes to close the harbour parks for the "
	    "winter\n---\n"
	    "| AP Photo Council votes to close the harbour parks for the "
	    "winter The mayor wants them open.\n\n"
	    "The council met on Monday to vote on the parks of the city.\n");
	assert_true(is_boilerplate(doc, "| AP Photo Council votes to close "
	    "the harbour parks for the winter The mayor wants them open."));
	document_free(doc);

	doc = testlib_load("a.txt",
	    "---\ntitle: \"Council votes to close the harbour parks for the "
	    "winter or for good : Harbour Ledger\"\n---\n"
	    "In The Arena Council votes to close the harbour parks for the "
	    "winter or for good : Harbour Ledger\n\n"
	    "Council votes to close the harbour parks for the winter\n\n"
	    "The council met on Monday to vote on the parks of the city.\n");
	assert_true(is_boilerplate(doc, "In The Arena Council votes to close "
	    "the harbour parks for the winter or for good : Harbour Ledger"));
	assert_true(is_boilerplate(doc,
	    "Council votes to close the harbour parks for the winter"));
	document_free(doc);
}

/* Calls to act pointing at a link ("Vote Here!", "Check our ...", the
 * outlet's name, a web address) and
 * the questions over them in their paragraph, a call ending in a colon
 * over the page's last line, a box in brackets holding a call; and the
 * imperatives, questions and colons of prose, a post's question over its
 * signature. */
static void
test_boilerplate_calls(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "Should the council close the parks? Vote Here!\n\n"
	    "Read the full report here.\n\n"
	    "There are two values in conflict here.\n\n"
	    "Get the hell out of here.\n\n"
	    "Which parks will close first? Check our park tracker to find "
	    "out.\n\n"
	    "Is the mayor right? \xe2\x80\x94 Ann Lee (@annlee) May 2, 2019\n\n"
	    "[Want the council's news in your inbox? Sign up here for the "
	    "Ledger's newsletter.]\n\n"
	    "Watch what the mayor said next:\n\n"
	    "The parks will close in May, the mayor said on Monday night.\n\n"
	    "Watch the mayor grill the clerk on the budget:\n");

	assert_true(is_boilerplate(doc, "Should the council close the parks?"));
	assert_true(is_boilerplate(doc, "Vote Here!"));
	assert_true(is_boilerplate(doc, "Read the full report here."));
	assert_false(is_boilerplate(doc,
	    "There are two values in conflict here."));
	assert_false(is_boilerplate(doc, "Get the hell out of here."));
	assert_true(is_boilerplate(doc, "Which parks will close first?"));
	assert_true(is_boilerplate(doc,
	    "Check our park tracker to find out."));
	assert_false(is_boilerplate(doc, "Is the mayor right?"));
	assert_true(is_boilerplate(doc,
	    "[Want the council's news in your inbox?"));
	assert_false(is_boilerplate(doc, "Watch what the mayor said next:"));
	assert_true(is_boilerplate(doc,
	    "Watch the mayor grill the clerk on the budget:"));
	document_free(doc);

	/* A call naming the outlet (the name before its bracket, in any
	 * case) or a web address; the same verbs over another name are
	 * prose. */
	doc = testlib_load("b.txt", "---\noutlet: Harbour Ledger (Web)\n"
	    "---\nThe council met on Monday to vote on the budget of the city."
	    "\n\nVisit the Harbour Ledger's homepage for more stories.\n\n"
	    "View more opinion on HARBOUR LEDGER.\n\n"
	    "Watch the latest video at video.example.com\n\n"
	    "Read the Harbour Gazette's account of the vote, the mayor said.\n\n"
	    "See the city's web site for the schedule of the parks.\n");
	assert_true(is_boilerplate(doc,
	    "Visit the Harbour Ledger's homepage for more stories."));
	assert_true(is_boilerplate(doc, "View more opinion on HARBOUR LEDGER."));
	assert_true(is_boilerplate(doc,
	    "Watch the latest video at video.example.com"));
	assert_false(is_boilerplate(doc,
	    "Read the Harbour Gazette's account of the vote, the mayor said."));
	assert_false(is_boilerplate(doc,
	    "See the city's web site for the schedule of the parks."));
	document_free(doc);
}

/* Notes about the piece: closing the body ("This story was produced with
 * support from ..."), or opening it by saying what the text is ("This is
 * a rush transcript."), with their paragraphs; a sentence about a report
 * within the body is prose.  Names joined by "and" before
 * "contributed." are a credit. */
static void
test_boilerplate_piece_notes(void **state)
{
	struct document *doc = testlib_load("a.txt",
	    "This is a rush transcript. Copy may not be in its final form.\n\n"
	    "The council met on Monday to vote on the budget of the city.\n\n"
	    "This report shows the council spent more on the parks.\n\n"
	    "The clerk counted the votes again on Tuesday morning.\n\n"
	    "Ann Lee and Bo Diaz contributed.\n\n"
	    "This story was produced with support from the Harbour Fund.\n");

	assert_true(is_boilerplate(doc, "This is a rush transcript."));
	assert_true(is_boilerplate(doc, "Copy may not be in its final form."));
	assert_false(is_boilerplate(doc,
	    "This report shows the council spent more on the parks."));
	assert_true(is_boilerplate(doc, "Ann Lee and Bo Diaz contributed."));
	assert_true(is_boilerplate(doc, "This story was produced with "
	    "support from the Harbour Fund."));
	document_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_boilerplate_anywhere_in_long),
		cmocka_unit_test(test_boilerplate_furniture_anywhere),
		cmocka_unit_test(test_boilerplate_site_lines),
		cmocka_unit_test(test_boilerplate_lists_and_galleries),
		cmocka_unit_test(test_boilerplate_contacts_and_widgets),
		cmocka_unit_test(test_boilerplate_bios),
		cmocka_unit_test(test_boilerplate_subheads),
		cmocka_unit_test(test_boilerplate_captions_and_credits),
		cmocka_unit_test(test_boilerplate_credit_lines),
		cmocka_unit_test(test_boilerplate_roles),
		cmocka_unit_test(test_boilerplate_notes),
		cmocka_unit_test(test_boilerplate_titles),
		cmocka_unit_test(test_boilerplate_calls),
		cmocka_unit_test(test_boilerplate_piece_notes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
