#!/bin/sh
# The clutter sample (tests/clutter/sample.tsv, see clutter.py): 300 body
# sentences of ../shared/data read by hand.  Prints the share of site
# furniture marked boilerplate and the prose and headings marked, for the
# tuning two thirds and the held-out third.
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
# The goal is 90% of the furniture marked and no prose.  The furniture
# share is short of it (tuned 11/17, held out 10/12: related headlines,
# captions without a stop, shop and name widgets are not recognised), so
# these floors only catch a regression; no prose may be marked.
CLUTTER_FLOORS=${CLUTTER_FLOORS-'{"tune": {"furniture": 0.64, "prose": 0}, "held": {"furniture": 0.83, "prose": 0}}'}
export CLUTTER_FLOORS
PARALLAX_TAXONOMY=${PARALLAX_TAXONOMY:-$srcdir/config/taxonomy.yaml}
export PARALLAX_TAXONOMY
exec python3 "$srcdir/tests/clutter/clutter.py" "$bin" "$data" \
    "$srcdir/tests/clutter/sample.tsv"
