#!/bin/sh
# The bench's extraction section: parallax and Debian's python3-readability
# (readability-lxml) on the same 123 pages of the article-extraction
# benchmark, each page read into memory first: F1 by the benchmark's
# metric, CPU time of extracting all pages (best of three), and the goal
# (parallax under 1/20 of readability-lxml's time).  The parsing alone
# is printed too: parallax's own tokenizer and tree, and libxml2's HTML
# parser (readability-lxml's, through lxml), which bounds the ratio any
# extractor built on libxml2 can reach.
#
#   extraction.sh BUILDDIR SRCDIR
builddir=$1
srcdir=$2
data=${PARALLAX_SHARED:-$srcdir/../shared}/data/article-extraction
echo ""
echo "== Article extraction: the 123 pages of the article-extraction benchmark"
if [ ! -f "$data/ground-truth.json" ]; then
	echo "   skipped: $data is absent"
	exit 0
fi
p=$("$builddir/tests/bench/extract" "$data") || exit 1
echo "   $p"
if /usr/bin/python3 -c 'import readability' 2>/dev/null; then
	r=$(/usr/bin/python3 "$srcdir/tests/bench/readability-lxml.py" "$data")
else
	r="readability-lxml: not installed (Debian package python3-readability)"
fi
echo "   $r"
pt=$(echo "$p" | sed -n 's/.*, \([0-9.]*\) s CPU.*/\1/p')
rt=$(echo "$r" | sed -n 's/.*, \([0-9.]*\) s CPU.*/\1/p')
awk -v p="$pt" -v r="$rt" 'BEGIN {
	if (p == "" || r == "" || r + 0 == 0) { print "   time ratio: -"; exit }
	printf "   time ratio parallax / readability-lxml: 1/%.0f (goal: under 1/20): %s\n",
	    r / p, (p * 20 < r) ? "met" : "missed" }'
ot=$(echo "$p" | sed -n 's/.*its own parse alone \([0-9.]*\) s.*/\1/p')
lt=$(echo "$p" | sed -n 's/.*libxml2.s parse alone \([0-9.]*\) s.*/\1/p')
awk -v o="$ot" -v l="$lt" -v r="$rt" 'BEGIN { if (o + 0 > 0 && l + 0 > 0 && r + 0 > 0)
	printf "   (parsing alone: parallax'"'"'s own 1/%.0f of readability-lxml'"'"'s time, libxml2'"'"'s 1/%.0f: no extractor on libxml2 does better)\n", r / o, r / l }'
pf=$(echo "$p" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
awk -v f="$pf" 'BEGIN { printf "   F1 %s (goal: 0.95 or more): %s\n", f,
	(f + 0 >= 0.95) ? "met" : "missed" }'
