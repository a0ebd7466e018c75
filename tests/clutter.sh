#!/bin/sh
# The clutter samples (tests/clutter/sample.tsv and fresh.tsv, see
# clutter.py): 700 body sentences of ../shared/data read by hand.  Prints
# the share of site furniture marked boilerplate and the prose and headings
# marked, for the tuning two thirds, the held-out third, the fresh 100 and
# the fresh 300, each source read alone and in the whole AllSides archive.
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
# The goal is 90% of the furniture marked and no prose.  Alone, the
# furniture share is short of it (tuned 13/20, held out 10/12, fresh 9/12:
# captions and related headlines with no stop are not recognised).  In the
# archive, the lines outlets repeat are marked too (tuned 16/20, fresh
# 12/12).  Three tuning sentences inside a CNN photo gallery ("Hide
# Caption 3 of 43 Photos: ..."), which the issue names as furniture, were
# first labelled prose; they are labelled furniture since (their gallery
# text is marked only in the archive).
# The fresh 300, labelled before any rule of session 4 ran on them: alone
# 30/47, in the archive 31/47, no prose.
# These floors only catch a regression.
CLUTTER_FLOORS=${CLUTTER_FLOORS-'{"alone": {"tune": {"furniture": 0.65, "prose": 0}, "held": {"furniture": 0.83, "prose": 0}, "fresh": {"furniture": 0.75, "prose": 0}, "fresh300": {"furniture": 0.63, "prose": 0}}, "archive": {"tune": {"furniture": 0.80, "prose": 0}, "held": {"furniture": 0.83, "prose": 0}, "fresh": {"furniture": 1.0, "prose": 0}, "fresh300": {"furniture": 0.65, "prose": 0}}}'}
export CLUTTER_FLOORS
PARALLAX_TAXONOMY=${PARALLAX_TAXONOMY:-$srcdir/config/taxonomy.yaml}
export PARALLAX_TAXONOMY
exec python3 "$srcdir/tests/clutter/clutter.py" "$bin" "$data" \
    "$srcdir/tests/clutter/sample.tsv" "$srcdir/tests/clutter/fresh.tsv" \
    "$srcdir/tests/clutter/fresh300.tsv"
