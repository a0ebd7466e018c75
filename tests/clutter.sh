#!/bin/sh
# The clutter samples (tests/clutter/*.tsv, see
# clutter.py): 4,000 body sentences of ../shared/data read by hand.  Prints
# the share of site furniture marked boilerplate and the prose and headings
# marked, for the tuning two thirds, the held-out third, the fresh 100, the
# fresh 300, session 5's fresh 300 (fresh5.tsv) and session 6's
# (fresh6.tsv) and its second (fresh7.tsv), session 7's (fresh8.tsv)
# and its second (fresh9.tsv), session 8's (fresh10.tsv) and its second
# (fresh11.tsv), session 9's (fresh12.tsv) and its second (fresh13.tsv),
# session 10's (fresh14.tsv) and its second (fresh15.tsv), session 11's
# (fresh16.tsv) and its second (fresh17.tsv), session 12's
# (fresh18.tsv) and its second (fresh19.tsv), each source
# read alone and in the whole AllSides archive.
bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
data=${PARALLAX_SHARED:-../shared}/data
if [ ! -r "$data/allsides-dev/articles.jsonl.xz" ] ||
    [ ! -d "$data/article-extraction/html" ]; then
	echo "SKIP: $data is absent"; exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is absent"; exit 77
fi
# The goal is 90% of the furniture marked and no prose; it is checked on
# all 700 together in the archive, where the lines outlets repeat are
# marked too: 83/91 (91.2%).  Set by set, and read alone, it is not met:
# in the archive tuned 17/20, held out 11/12, fresh 12/12, fresh 300
# 43/47 (30/47 before session 4's rules, labelled before any of them
# ran); alone 14/20, 11/12, 11/12, 42/47.  The misses: other stories'
# headlines and captions that look like the body's own headings (Fox's
# capitals links under 9 words, USA TODAY's inline links, a caption with
# no stop), and notes no shape tells ("UPDATE: Here's the Trump tweet.").
# Three tuning sentences inside a CNN photo gallery ("Hide Caption 3 of
# 43 Photos: ..."), which the issue names as furniture, were first
# labelled prose; they are labelled furniture since.
# Session 5's fresh 300 (fresh5.tsv: 43 furniture, 250 prose, 7 headings),
# labelled before its figures were known: in the archive 35/43 (81.4%),
# alone 31/43 (72.1%), no prose marked, headings 1/7 flagged.  Tuned on
# since (Politico's credit bar and the caption over it, a gallery's
# captions said twice, "( WATCH", sign-ups, "AD", "Follow ... @handle",
# "This story was updated"): 38/42 (90.5%) both ways, no prose; it and
# all 1,000 in the archive (117/129, 90.7%) must meet the goal.
# Six labelled sentences were fragments of The Hill's name cards (five
# furniture, one prose); since cards are cut before splitting they are
# whole sentences of prose, labelled so at their new place (a card's
# fragment was marked, so each furniture share fell by one).
# Session 6's fresh 300 (fresh6.tsv: 43 furniture, 253 prose, 4
# headings), labelled before any rule ran on them: in the archive 31/43
# (72.1%), alone 30/43 (69.8%), no prose marked, headings 0/4 flagged;
# all 1,300 in the archive 148/172 (86.0%), alone 142/172 (82.6%), prose
# 0/1,091.  Tuned on since (a gallery's captions run into a paragraph
# between its "Hide Caption" lines, a story's highlights, headlines in
# capitals of seven words or more, the second link under "More:",
# a headline cut before its "Read more", "UPDATE:", "Watch this video
# on", "We want to hear what you think", "Join our Facebook", "Previous
# Next"): fresh6 41/43 (95.3%) in the archive, 40/43 alone; all 1,300
# 161/172 (93.6%) and 158/172 (91.9%), no prose.  One tuning heading, a
# story's highlight, is now marked (headings 1/33).
# Session 6's second fresh 300 (fresh7.tsv: 42 furniture, 250 prose, 8
# headings), drawn after those rules and labelled before any figure was
# printed: in the archive 34/42 (81.0%), alone 32/42 (76.2%), no prose
# marked, one heading marked (a label over a quote).  Its misses: a
# video's shot list ("NAT:"), a columnist disclaimer, "Send tips to",
# an audio widget ("... reports Listen"), a poll widget's question, a
# chart's source line, "( SEE RESULTS: ...)", a caption under its
# credit.  All 1,600: in the archive 195/214 (91.1%), which must meet
# the goal; alone 190/214 (88.8%), a floor.
# Session 7's fresh 300 (fresh8.tsv: 42 furniture, 247 prose, 11
# headings), labelled before any rule of that session ran: in the
# archive 31/42 (73.8%), alone 30/42 (71.4%), no prose marked, headings
# 2/11 flagged.  Tuned on since, with the misses of fresh7 and earlier
# (lines giving an e-mail address to write to, "... reports Listen",
# "Follow Ryan on Twitter", "Slideshow (3 Images)", "Source:", "More
# here.", "SPECIAL COVERAGE:", "( SEE RESULTS:", a photo "via AP",
# Politico's tags and Dispatch box, Townhall's disclaimer, a heading over
# headlines in capitals, a writer's bio opening or closing the body):
# fresh8 40/42 (95.2%) both ways, fresh7 39/42 in the archive and 38/42
# alone, fresh5 39/42; all 1,900 241/256 (94.1%) in the archive, which
# must meet the goal, and 239/256 (93.4%) alone, a floor; no prose
# marked of 1,588.
# Session 7's second fresh 300 (fresh9.tsv: 44 furniture, 246 prose, 10
# headings), drawn after its last rule and labelled before any figure was
# printed: in the archive 35/44 (79.5%), alone 31/44 (70.5%), no prose
# marked, headings 1/10 flagged.  Its misses: photo captions, "Read:"
# links, a newsletter box's errors ("Invalid email address.", "Please
# try again later."), an editor's note, a donation appeal, "NOW WATCH:",
# a poll's question, a credit "(The Daily Pennsylvanian)", a video list,
# a database widget.  All 2,200: in the archive 276/300 (92.0%), which
# must meet the goal; alone 270/300 (90.0%), a floor.
# Session 8's fresh 300 (fresh10.tsv: 41 furniture, 252 prose, 7
# headings), drawn by tests/clutter/draw.py (salt s8-fresh10) and
# labelled before any rule of that session ran: in the archive 37/41
# (90.2%), alone 36/41 (87.8%), no prose marked, headings 0/7 flagged.
# Its misses: a contributor's bio at the foot ("... is a member of USA
# TODAY's Board of Contributors."), the links under "Also see:", a
# caption, the titles of a story's graphics, a donation appeal (alone).
# Tuned on since (a trade in capitals or a few words after the outlet's
# possessive, "Also see:", "Illustration by", and short lines between
# paragraphs of prose flagged as headings): fresh10 39/41 (95.1%) in the
# archive, 38/41 alone; all 2,500 315/341 (92.4%) and 308/341 (90.3%),
# no prose marked of 2,086, headings flagged 23/69 (10/69 before).
# Then a link under a label the outlet repeats in three sources ("SEE
# ALSO:", "Read:"), whatever the headline: fresh9 36/44 in the archive
# (its MarketWatch "Read:" link; The Atlantic's ends in a question and
# stays), all 2,500 316/341 (92.7%).
# Session 8's second fresh 300 (fresh11.tsv: 43 furniture, 250 prose, 7
# headings), drawn by draw.py (salt s8-fresh11) after that session's last
# rule and labelled before any figure was printed: in the archive 33/43
# (76.7%), alone 32/43 (74.4%), no prose marked, headings 2/7 flagged
# (the session's start gave the same furniture figures and 1/7).  Its
# misses: an AP caption's last sentence, "(Reuters photo: ...)", a note
# that the article drew on wire reports, a video's pointer ending the
# body, "We've updated the top of this post", Reason's list of links "...,
# by Author", a poll ("Urgent: Should ... ?"), "6 years ago", a bio with
# no article ("... is Senior Editor-at-Large at Breitbart News."), a
# membership appeal ("Consider it?"), a pull quote.  All 2,800: in the
# archive 349/384 (90.9%), which must meet the goal; alone 340/384
# (88.5%), a floor.
# Session 9's fresh 300 (fresh12.tsv: 46 furniture, 248 prose, 6
# headings), drawn by draw.py (salt s9-fresh12) and labelled before any
# rule of that session ran: in the archive 38/46 (82.6%), alone 37/46
# (80.4%), no prose marked, headings 1/6 flagged.  Its misses: an AP
# caption's second sentence over its credit, "Gannett Washington Bureau"
# under a byline, Politico's "( Full media coverage ...)", a Facebook
# post's "Posted by ... on Friday, May 22, 2015", a podcast's chapters
# ("Why Trump won (14:18)"), USA TODAY's links under "More:" and
# "Religious freedom:", a Guardian explainer box.  All 3,100: in the
# archive 387/430 (90.0%), alone 377/430 (87.7%).  Tuned on since, with
# fresh11's misses: a caption of several sentences over its credit in one
# paragraph (an agency's caption goes on to say what the story is), a
# credit's label ("(Reuters photo: ...)"), where a byline's writer works
# ("Gannett Washington Bureau"), a link alone in brackets, a Facebook
# post's line, a recording's chapters, "based in part on wire service
# reports", a bio in a title's capitals ("is Senior Editor-at-Large
# at"), "Updated ... 2:42 p.m. ET", a link under a topic in its paragraph
# ("Religious freedom:", then the headline): fresh12 44/46 (95.7%) in the
# archive, 43/46 alone; fresh11 37/43 and 36/43; fresh5 40/42 both ways.
# One fresh6 label changed from prose to furniture: the last sentence of
# an AP caption said twice above the dateline ("The base remains locked
# down ..."), the shape fresh11 labels furniture.  All 3,100: in the
# archive 400/431 (92.8%), which must meet the goal; alone 390/431
# (90.5%); no prose marked of 2,583.
# Session 9's second fresh 300 (fresh13.tsv: 46 furniture, 241 prose, 13
# headings), drawn by draw.py (salt s9-fresh13) after that session's last
# rule (b7adfa5) and labelled before any figure was printed: in the
# archive 37/46 (80.4%), alone 35/46 (76.1%), no prose marked, headings
# 2/13 flagged (3/13 marked boilerplate: Yahoo's "Why there's debate",
# Fox's "YOU'D THINK THERE WOULD HAVE BEEN MORE INJURIES...", NPR's "More
# From Rep. King:").  Its misses: an embedded tweet run into one line with its
# handle, CNN's "You can ask ... through iReport", a poll's question
# under "Urgent:", a contributor's name and bio inside a body of several
# columns, "Support strong local journalism by subscribing today", "Image
# source: Screenshot from Twitter", "ADVERTISEMENT Thanks for watching!",
# "Credit Marco Garcia/Associated Press", and alone a share bar's "Print"
# and "YouTube".  All 3,400: in the archive 437/477 (91.6%), which must
# meet the goal; alone 425/477 (89.1%), a floor; no prose marked of 2,824.
# Session 10's fresh 300 (fresh14.tsv: 34 furniture, 256 prose, 10
# headings), drawn by draw.py (salt s10-fresh14) and labelled before any
# rule of that session ran: in the archive 28/34 (82.4%), alone 26/34
# (76.5%), no prose marked, headings 1/10 flagged (2/10 marked
# boilerplate: Yahoo's "What's happening", the New York Times's "Putin's
# Favorite Musicians").  Its misses: Fox's "More On This...", a Fox
# headline in capitals the splitter cut at "ADM.", a bio under the title
# ("Rich Lowry is editor of National Review."), USA TODAY's "Want more
# 2020 election coverage?", the story's own title under a caption, a
# credit "Bill Baptist | National Basketball Association | Getty Images",
# and alone "Advertisement Continue reading the main story" and a grant's
# "The Masimo Foundation does not provide editorial input."  All 3,700:
# in the archive 465/511 (91.0%), which must meet the goal; alone 451/511
# (88.3%), a floor.
# Tuned on since, by role rather than by phrase, each signal measured
# over all labelled sentences and read over the archive before it was
# kept (none marks prose): widget lines an outlet opens alike in five
# sources and a promotion's headline under a label it repeats
# (repeated.c); credits only their paragraph shows to be ones ("Image
# source:", "Credit X/Y", bars of capitalised parts, a photographer's
# name and the agency's) and the captions in their paragraph (caption.c);
# a caption saying who is pictured, a widget's label cut by its ellipsis,
# a live blog entry's signature, a headline in capitals cut at "ADM.", a
# bio naming the trade bare, a related links' heading run into its first
# link: fresh14 32/34 (94.1%) in the archive, 30/34 alone; all 3,700
# 475/511 (93.0%) and 458/511 (89.6%), no prose marked of 3,080.
# Session 10's second fresh 300 (fresh15.tsv: 54 furniture, 234 prose, 12
# headings), drawn by draw.py (salt s10-fresh15) after that session's last
# rule and labelled before any figure was printed: in the archive 42/54
# (77.8%), alone 40/54 (74.1%), no prose marked, headings 2/12 flagged
# (the session's start: 40/54 and 38/54).  One label was changed after
# the figure: Townhall's "UPDATE: Gov. Scott Walker is refusing to concede
# ...", read as prose at first, is furniture as every earlier sample
# labels an "UPDATE:" note (fresh6, fresh11, fresh300) and the man page
# says; read as prose it is the one prose sentence marked.  Its misses:
# the New York Times's "Credit Kevin Liles for The New York Times" (no
# slash), a post's own title under a blog's archive widget, Newsmax's "5
# Reasons Stocks Will Collapse . . ." under "Editor's Note:", NPR's photo
# label ("David Pecker, Barry Levine and Dylan Howard" over "toggle
# caption"), Reuters's "Graphic - ...: here", a blog's comments policy, a
# caption over the title, a columnist's bio at the foot ("S.E. Cupp is the
# host of ..."), promotions ("America is changing FASTER THAN EVER.",
# "Visit Business Insider's homepage for more stories."), a standfirst,
# a content partner's note; alone, a bio's "News.com." cut by the
# splitter and "Subscribe now for as little as $2 a month!".  All 4,000:
# in the archive 517/565 (91.5%), which must meet the goal; alone 498/565
# (88.1%), a floor.
# Session 11's fresh 300 (fresh16.tsv: 41 furniture, 245 prose, 14
# headings), drawn by draw.py (salt s11-fresh16) and labelled before any
# figure was printed or any change ran on it: in the archive 32/41
# (78.0%), alone 31/41 (75.6%), no prose marked, headings 3/14 flagged.
# Its misses: IJR's gallery buttons ("Zoom."), IBT's "KEY POINTS" box, a
# share bar's "Share this: Twitter", a bare "(AP)" credit, a guest
# writer's bio over the body ending "The views expressed are her own.",
# the tail of a credit cut by the splitter ("Scott Applewhite"), an
# "Editor's note:" correction, CNN's inline link to another story, NPR's
# "Disclosure: This story was reported by ...", and alone an NPR "Update
# at 7:17 a.m. ET:" line.  As before, its tweets' text and Yahoo's "—
# Name, Outlet" are prose, a title heading the body a heading.  All
# 4,300: in the archive 549/606 (90.6%), which must meet the goal; alone
# 529/606 (87.3%), a floor.
# Tuned on since, by role: a paragraph opening with a note about the text
# (an editor's note, a correction, a clarification or a disclosure, its
# label then a colon or a dash, at once or after a date; 177 archive
# sentences, all read, none prose), a photographer's initial after a
# credit's slash no longer cut ("AP Photo/J. Scott Applewhite": the credit
# is whole and marks its caption, 17 archive sentences; fresh16's label
# moved from the credit's tail to the whole credit), a share bar's "Share
# this:", a bio's closing note run into its last line: fresh16 37/41
# (90.2%) in the archive, 36/41 alone; fresh14 and fresh15 unchanged.
# All 4,300: in the archive 554/606 (91.4%), alone 535/606 (88.3%), no
# prose marked.
# Session 11's second fresh 300 (fresh17.tsv: 52 furniture, 242 prose, 6
# headings), drawn by draw.py (salt s11-fresh17) after that session's
# last rule and labelled before any figure was printed: in the archive
# 43/52 (82.7%), alone 41/52 (78.8%), no prose marked, headings 2/6
# flagged; the session's start gives the same.  Three labels were
# corrected after the figure, slips in recording them, not judgements:
# an "Advertisement", a "Click here for reprint permission." and a line
# of a CNN gallery's caption had been left prose where the same sample
# labels the same lines furniture (as first recorded: 40/49 and 38/49,
# 3 prose marked).  Its misses: a grant's note ("This story was
# produced with support from ..."), "GET YOUR FREE FACTSHEET:", the
# Wall Street Journal's links under "RELATED", the New York Times's
# "[The Opinion section is now on Instagram.", Democracy Now's "This is
# a rush transcript.", USA TODAY's link card, Politico's title under its
# caption, "This column was first published in ...", "Related
# slideshows:"; and alone Newsmax's "Editor's Note:" and National
# Review's "Consider it?".  All 4,600: in the archive 597/658 (90.7%),
# which must meet the goal; alone 576/658 (87.5%), a floor.
# Session 12 settled how a title repeated in the body is labelled
# (clutter.py says the rule): furniture, as fresh14, fresh15 and fresh17
# labelled Politico's; six rows read as headings were relabelled
# furniture (fresh9's two NPR titles heading the body, fresh10's two
# Politico titles, one of them after its column's name, fresh16's and
# fresh300's), none of them marked then: fresh9 37/46 in the archive
# and 32/46 alone, fresh10 40/43 and 39/43, fresh16 37/42 and 36/42,
# fresh300 44/46 both ways; all 4,600 597/664 (89.9%) and 576/664
# (86.7%).
# Session 12's fresh 300 (fresh18.tsv: 45 furniture, 243 prose, 12
# headings), drawn by draw.py (salt s12-fresh18) after the relabelling
# above and labelled before any figure was printed or any change ran on
# it: in the archive 33/45 (73.3%), alone 32/45 (71.1%), no prose
# marked, headings 2/12 flagged.  Its misses: a standfirst under the
# caption, a table of a poll's figures, "Read the original report ...
# here.", "X and Y contributed.", a co-writer's name over the body,
# Politico's title after a credit's bar and its title under a caption, a
# promotion's question over "Check our Candidate Tracker", a credit
# "Photographer: ...", a pull quote's "[sharequote]", "Watch Kelly
# attempt to ...:" over a video's line, a poll's question over "Vote
# Here"; and alone "Thank you for subscribing.".
# Then the title said again at the body's head (src/title.c): whole,
# cut, after a credit's bar or a column's name, ending its paragraph in
# the first two, with the photo's caption over it there (111 archive
# lines and 89 captions read, all furniture; within a paragraph a line
# saying the title is a quote it borrowed and stays).  One tuning label
# changed from prose to furniture: the second sentence of a Politico
# caption over its credit's bar ("But lawmakers from both parties
# question ..."), which fresh5 on label as furniture.  fresh18 35/45
# (77.8%) in the archive, 34/45 alone; all 4,900 643/710 (90.6%) and
# 621/710 (87.5%), no prose marked.
# Then calls to act by their shape (src/call.c): an imperative of the
# verbs that send a reader to a link ending on "here" ("Vote Here!",
# "Read the original report ... here.") or naming the outlet's own
# ("Check our Candidate Tracker to find out."), and one ending in a
# colon alone in its paragraph over furniture or the body's end ("Watch
# Wallace grill Cruz on his lies, via Raw Story:"); questions over
# furniture in their paragraph, a widget's lead-in ("Want more 2020
# election coverage?"), unless the furniture opens as a post's
# signature does; a box in brackets holding furniture ("[The Opinion
# section is now on Instagram.").  79 archive lines newly marked, all
# read: one is a post's text over its marked second line ("$200k outta
# 35 Million??"), the rest furniture.  fresh18 38/45 (84.4%) in the
# archive, 37/45 alone; all 4,900 649/710 (91.4%) and 627/710 (88.3%),
# no prose marked.
# Then a note about the piece itself (note_piece): "This" and a word
# naming the piece opening the body's last paragraph ("This story was
# produced with support from ...", "This column was first published in
# ..."; within the body "This report ..." may be prose), or the first
# saying what the text is ("This is a rush transcript."), with its
# paragraph; and names joined by "and" before "contributed.".  77
# archive lines newly marked, all read, all furniture.  fresh17 48/52
# (92.3%) in the archive, 46/52 alone; fresh18 39/45 (86.7%) and 38/45;
# all 4,900 653/710 (92.0%) and 631/710 (88.9%), no prose marked.
# Session 12's second fresh 300 (fresh19.tsv: 38 furniture, 253 prose, 9
# headings), drawn by draw.py (salt s12-fresh19) after that session's
# last change and labelled before any figure was printed: in the archive
# 34/38 (89.5%), alone 32/38 (84.2%), no prose marked, headings 3/9
# flagged.  Two labels were corrected after the figure, slips in
# recording them, not judgements: two Washington Times "Sign up for
# Daily Newsletters" lines had been left prose where the same sample
# labels the same line furniture (as first recorded: 32/36 and 30/36, 2
# prose marked).  Its misses: "More election coverage from USA TODAY:"
# over its bulleted links, Howard Kurtz's list of the column's items
# ("Heavy-handed New York Times?"), NPR's "Mailing list.", The
# Atlantic's link run into the body ("David Frum: Stone walks free
# ..."); and alone a columnist's name under his bio and "6 years ago".
# All 5,200: in the archive 687/748 (91.8%), which must meet the goal;
# alone 663/748 (88.6%), a floor; no prose marked of 4,296.
# Session 13 took fresh19 as its before figure (unseen, main's code) and
# pooled the misses of fresh15..19 by role: related links (8), credits
# and photo labels (5), promotions and calls (6), notes and bios (3),
# standfirsts (3), others (3).  Rules by shape and place: a label over
# two or more bulleted links (or ">>>") closing the body ("More election
# coverage from USA TODAY:"; 26 archive lines, all read, all furniture);
# a call naming the outlet or a web address ("Visit Business Insider's
# homepage for more stories.", "Watch the latest video at
# video.foxnews.com"; 45); a story's age over the body ("6 years ago",
# alone only: 67); "Photographer:" credits, "Credit" and names only, and
# credits with a slash up to twelve words, with their captions (19).
# All 5,200: in the archive 693/748 (92.6%), alone 671/748 (89.7%), no
# prose marked of 4,296; fresh15 46/54 and 44/54, fresh18 41/45 and
# 40/45, fresh19 35/38 and 34/38 (all tuned on now).
# The per-set figures below are floors, which only catch a regression.
CLUTTER_FLOORS=${CLUTTER_FLOORS-'{"alone": {"tune": {"furniture": 0.85, "prose": 0}, "held": {"furniture": 0.91, "prose": 0}, "fresh": {"furniture": 1.0, "prose": 0}, "fresh300": {"furniture": 0.97, "prose": 0}, "fresh6": {"furniture": 0.93, "prose": 0}, "fresh7": {"furniture": 0.92, "prose": 0}, "fresh5": {"furniture": 0.95, "prose": 0}, "fresh8": {"furniture": 0.95, "prose": 0}, "fresh9": {"furniture": 0.73, "prose": 0}, "fresh10": {"furniture": 0.95, "prose": 0}, "fresh11": {"furniture": 0.88, "prose": 0}, "fresh12": {"furniture": 0.93, "prose": 0}, "fresh13": {"furniture": 0.8, "prose": 0}, "fresh14": {"furniture": 0.94, "prose": 0}, "fresh15": {"furniture": 0.81, "prose": 0}, "fresh16": {"furniture": 0.88, "prose": 0}, "fresh17": {"furniture": 0.9, "prose": 0}, "fresh18": {"furniture": 0.88, "prose": 0}, "fresh19": {"furniture": 0.89, "prose": 0}, "all": {"furniture": 0.89, "prose": 0}}, "archive": {"tune": {"furniture": 0.85, "prose": 0}, "held": {"furniture": 0.91, "prose": 0}, "fresh": {"furniture": 1.0, "prose": 0}, "fresh300": {"furniture": 0.97, "prose": 0}, "fresh6": {"furniture": 0.95, "prose": 0}, "fresh7": {"furniture": 0.97, "prose": 0}, "fresh5": {"furniture": 0.95, "prose": 0}, "fresh8": {"furniture": 0.95, "prose": 0}, "fresh9": {"furniture": 0.84, "prose": 0}, "fresh10": {"furniture": 0.97, "prose": 0}, "fresh11": {"furniture": 0.88, "prose": 0}, "fresh12": {"furniture": 0.95, "prose": 0}, "fresh13": {"furniture": 0.86, "prose": 0}, "fresh14": {"furniture": 1.0, "prose": 0}, "fresh15": {"furniture": 0.85, "prose": 0}, "fresh16": {"furniture": 0.9, "prose": 0}, "fresh17": {"furniture": 0.94, "prose": 0}, "fresh18": {"furniture": 0.91, "prose": 0}, "fresh19": {"furniture": 0.92, "prose": 0}, "all": {"furniture": 0.92, "prose": 0}}}'}
export CLUTTER_FLOORS
PARALLAX_TAXONOMY=${PARALLAX_TAXONOMY:-$srcdir/config/taxonomy.yaml}
export PARALLAX_TAXONOMY
exec python3 "$srcdir/tests/clutter/clutter.py" "$bin" "$data" \
    "$srcdir/tests/clutter/sample.tsv" "$srcdir/tests/clutter/fresh.tsv" \
    "$srcdir/tests/clutter/fresh300.tsv" "$srcdir/tests/clutter/fresh5.tsv" \
    "$srcdir/tests/clutter/fresh6.tsv" "$srcdir/tests/clutter/fresh7.tsv" \
    "$srcdir/tests/clutter/fresh8.tsv" "$srcdir/tests/clutter/fresh9.tsv" \
    "$srcdir/tests/clutter/fresh10.tsv" "$srcdir/tests/clutter/fresh11.tsv" \
    "$srcdir/tests/clutter/fresh12.tsv" "$srcdir/tests/clutter/fresh13.tsv" \
    "$srcdir/tests/clutter/fresh14.tsv" "$srcdir/tests/clutter/fresh15.tsv" \
    "$srcdir/tests/clutter/fresh16.tsv" "$srcdir/tests/clutter/fresh17.tsv" \
    "$srcdir/tests/clutter/fresh18.tsv" "$srcdir/tests/clutter/fresh19.tsv"
