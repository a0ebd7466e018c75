#!/bin/sh
# The claim gold set (tests/claims-gold/*.gold): real stories of the AllSides
# corpus, read and annotated by hand.  Builds each story's sources in a
# temporary directory, links them with the real binary, and prints must-link
# recall and the cross-outlet wrong-link rate for the tuning stories and the
# held-out ones, and what the reader sees: each claim of 2+ outlets judged
# right, mixed or wrong against the gold's facts (gold.py judge_claims), and
# link precision (of the cross-outlet pairs linked, those stating one gold
# fact).  GOLD_VERBOSE=1 lists every missed and wrong pair and every claim
# not judged right; `gold.py pairs` lists them with the linker's scores
# and why each was (not) linked (make tests/claims-gold/pairs first).
bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
corpus=${PARALLAX_SHARED:-../shared}/data/allsides-dev/articles.jsonl.xz
if [ ! -r "$corpus" ]; then
	echo "SKIP: $corpus is absent"; exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is absent"; exit 77
fi
# Floors below the goals (recall 0.85 tuned, 0.80 held out, wrong
# links <= 0.5%, no apart pair linked, 90% of multi-outlet claims right)
# where the linker does not reach them: they only catch a regression.
# Where a goal is met (wrong links on every set, apart pairs on held) the
# goal holds.  held3 lost one must-link pair that names Politico's photo
# caption over its credit bar ("| Getty Trump accuses ..."), furniture
# since session 5, so never a claim (26/50 -> 25/50).  held5 was read and
# annotated before parallax first linked it (14/44).  Session 6's founding
# test (candidates.c, CANDIDATES_CORE) lowered recall on held..held4 by a
# pair or three and raised claims right on all sets but held4.  held6 (the
# Hanoi summit, four outlets) was read and annotated in session 7 before
# parallax first linked it (20/89).  Session 7's bar for two lone
# sentences sharing words alone (CANDIDATES_FOUND_BARE) took 5 tuning
# pairs and 1-4 held-out ones (held6, unseen: 20 -> 19 of 89) for 14
# fewer wrong links in all (held6 11 -> 6; its claims right 45% -> 69%).
# held7 (Obama lifts the arms embargo on Vietnam, four outlets) was read
# and annotated in session 8 before parallax first linked it (19/41; one
# apart pair linked: the US protesting Vietnam's political prisoners and
# the number Vietnam holds).  Session 8's two precision rules (a merge
# that adds no source, CANDIDATES_SAME_DOC_NESTED; the core's share of a
# founding pair on words alone, CANDIDATES_CORE_SHARE) took 10 must-link
# pairs of 583 (tune 74 -> 71, held 34 -> 33, held2 31 -> 30, held3 27 ->
# 25, held4 14 -> 12, held5 15 -> 14) for 14 fewer wrong links (37 ->
# 23) and held3's apart pair: the floors they crossed are lowered.
# Session 10 cut sentences of two facts into units linked each on its own
# (unit.h; a gold pair is linked when any unit of one shares a claim with
# any unit of the other): must-link pairs tune 70 -> 69, held2 30 -> 31,
# held6 19 -> 18, held7 19 -> 21, others unchanged (222 -> 223 in all);
# wrong links held 1 -> 0, held2 2 -> 3, held5 1 -> 2 (25 -> 26); held2's
# claims right 19/22 -> 19/23: the floors they crossed are lowered.
# held8 (Kushner's clearance downgraded, three outlets) was read and
# annotated in session 11, which changed no linker code, before parallax
# first scored it: 7/29, 4 wrong links of 1,917 (Trump leaving it to Kelly,
# the Porter memo and Kushner working on, in one claim), Axios's and
# Politico's "first reported" linked, 6 of 9 claims right.
# Session 11 read side clauses opened without a comma (clause.h: "the
# massacre that left 49 dead", "a week after assailants killed him"):
# held3 25 -> 22 (the $5.7 billion demand only "after Democrats refused"
# it in one sentence), tune 69 -> 68, held8 (unseen by it) 7 -> 6 and a
# mixed claim gone, wrong links tune 13 -> 12: the floors they crossed
# are lowered.
# Session 12 raised the bar of two lone sentences sharing words alone
# (CANDIDATES_FOUND_BARE 0.44 -> 0.48): tune 68 -> 66 (tune's recall
# floor 0.51 -> 0.50), every held set unchanged; wrong links tune 12 ->
# 10, held5 2 -> 1, held7 3 -> 2.
GOLD_FLOORS=${GOLD_FLOORS-'{"tune": {"recall": 0.50, "apart": 2, "right": 0.60}, "held": {"recall": 0.54, "right": 0.85}, "held2": {"recall": 0.47, "apart": 1, "right": 0.80}, "held3": {"recall": 0.43, "apart": 1, "right": 0.65}, "held4": {"recall": 0.19, "right": 0.60}, "held5": {"recall": 0.31, "right": 0.55}, "held6": {"recall": 0.20, "right": 0.40}, "held7": {"recall": 0.46, "apart": 1, "right": 0.70}, "held8": {"recall": 0.20, "apart": 1, "right": 0.65}}'}
export GOLD_FLOORS
exec python3 "$srcdir/tests/claims-gold/gold.py" score "$bin" "$corpus" "$srcdir"/tests/claims-gold/*.gold
