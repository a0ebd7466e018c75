#!/bin/sh
# The story list by leaning: each story's bar of outlets (a letter per
# leaning without colour), '!' on a blindspot, B listing only blindspots,
# and w opening a story on its timeline; at 80x24 and 160x48.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d)
trap 'stop_session; rm -rf "$tmp"' EXIT INT TERM HUP
mkdir "$tmp/archive"
cp "$srcdir"/tests/tui/outlets/*.md "$srcdir"/config/sample/* "$tmp/archive/"
run="env XDG_STATE_HOME=$tmp/state $bin --tui -t $tax --outlets=$srcdir/tests/tui/outlets/outlets.yaml"

# row_shows TEXT...: one row holds both TEXTs.
row_shows() {
	screen | grep -F -- "$1" | grep -qF -- "$2"
}

for size in "80 24" "160 48"; do
	set -- $size
	start "$run --no-color $tmp/archive" "$1" "$2"
	check "$1x$2: the story list" wait_for "2 stories"
	check "$1x$2: a blindspot's bar: leanings by letter, then '!'" \
	    wait_until row_shows "LRRR●!" "5 outlets"
	check "$1x$2: unrated outlets as dots" \
	    wait_until row_shows "●●●●●" "Karsk valley"
	keys B
	check "$1x$2: B lists the blindspots only" wait_for "1 blindspots"
	check "$1x$2: the other story is gone" wait_gone "Karsk valley"
	keys B
	check "$1x$2: B again lists every story" wait_for "2 stories"
	keys B w
	check "$1x$2: w opens the story on its timeline" \
	    wait_for "Timeline: 4 of 5 sources placed"
	keys q q
	check "$1x$2: quits" wait_for "[exit 0]"
done

finish
