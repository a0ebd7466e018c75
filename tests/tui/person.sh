#!/bin/sh
# What a new user meets at 80x24 and 160x48: the help says more follows
# and pages, the sidebar's coverage dots always show, the keyword picker
# offers only topics, the source list says what its numbers count; counts
# and half pages as in less, unknown keys said, messages that expire,
# paths shortened by components, ASCII quotes outside UTF-8, a matrix
# that uses the width.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "$bin --tui -t $tax $fixtures" 80 24
check "80x24: opens" wait_for "Harbour Gazette ·"
# The sidebar is 20 columns wide here: the dots still show which of the
# three sources carry each claim.
check "80x24: coverage dots in the sidebar" wait_for "│ ●●● Under the deal"
check "80x24: the count gives way to the words" off_screen "3/3 Under"

# x explains the first sentence's tags right after opening (before any
# edit made a tagger again: it crashed there once).
keys x
check "x at once: the explanation opens" wait_for "Why sentence 1 carries"
keys q
check "x at once: closed again" wait_gone "Why sentence 1 carries"

keys '?'
check "help: says which rows show and how many" wait_for " 1-19 of "
check "help: says how to page" wait_for "PgDn pages"
keys ' '
check "help: Space pages on" wait_gone "move down: next source"
keys G
check "help: G goes to its end" wait_for "close the overlay, else quit"
check "help: the numbers beside sources explained" \
    wait_for "a source's claims (tagged sentences until linked)"
keys q

keys a x Enter
check "a: asks for the topic" wait_for 'Add "x" to which topic?'
check "a: no All topics to choose" off_screen "All topics"
check "a: the last row makes a new topic" on_screen "+ a new topic"
keys q
keys t
check "t: the filter still offers All topics" wait_for "All topics"
keys q

# Counts and half pages, as in less and vi.
keys 3 j
check "3j: three sentences down" wait_for "sentence 4/5"
keys k
check "k: one up" wait_for "sentence 3/5"
keys C-d
check "Ctrl-D at the end of a short article: its last sentence" \
    wait_for "sentence 5/5"
keys C-u
check "Ctrl-U: half a page up, to the sentence starting there" \
    wait_for "sentence 2/5"
keys C-u
check "Ctrl-U again: the first" wait_for "sentence 1/5"
keys 2 J
check "2J: two sources on" wait_for "03-valley-wire ·"
keys g
keys Z
check "an unknown key says so" wait_for "unknown key Z: ? lists the keys"
check "and the message expires" wait_gone "unknown key Z"
keys q
check "80x24: quits" wait_for "[exit 0]"

# Paths: the home directory as ~, then shortened from the left by whole
# directories where the status line is narrow.
home=$(mktemp -d)
trap 'rm -rf "$home"; stop_session' EXIT INT TERM HUP
mkdir -p "$home/.config/parallax"
cp "$tax" "$home/.config/parallax/taxonomy.yaml"
start "HOME=$home $bin --tui -t $home/.config/parallax/taxonomy.yaml $fixtures" 80 24
check "80x24: the path keeps its last components" \
    wait_for "taxonomy …/parallax/taxonomy.yaml"
keys q
start "HOME=$home $bin --tui -t $home/.config/parallax/taxonomy.yaml $fixtures" 160 48
check "160x48: the home directory as ~" \
    wait_for "taxonomy ~/.config/parallax/taxonomy.yaml "
keys q

# The coverage matrix uses the width there is: whole names at 160
# columns, names abbreviated by words at 80, and no scrolling when every
# source fits.
start "$bin --tui -t $srcdir/config/taxonomy.yaml $srcdir/config/sample" 160 48
check "matrix: opens" wait_for "Meridian Wire"
keys m
check "160x48: whole outlet names in the matrix" \
    wait_for "The Harbour Ledger    Norvalia Press Agency"
keys q q
start "$bin --tui -t $srcdir/config/taxonomy.yaml $srcdir/config/sample" 80 24
check "matrix: opens at 80" wait_for "Meridian Wire"
keys m
check "80x24: names abbreviated by words" wait_for "Meri Wire Harb Ledg"
check "80x24: all five sources in view" on_screen "NewsHeap  "
keys l
check "80x24: l scrolls nothing away when all fit" \
    wait_for "Meri Wire Harb Ledg"
keys q q

# Outside a UTF-8 locale quotes are ASCII, not question marks.
start "LC_ALL=C $bin --tui -t $srcdir/config/taxonomy.yaml $srcdir/config/sample" 100 30
check "C locale: opens the sample" wait_for "Meridian Wire"
keys J
check "C locale: a curly apostrophe reads as '" wait_for "Tessar's troops"
check "C locale: no question marks for it" off_screen "Tessar?s"
keys q

start "$bin --tui -t $tax $fixtures" 160 48
check "160x48: the source list says what it counts" wait_for "Sources · claims"
check "160x48: dots and counts" wait_for "●●● 3/3 Under the deal"
check "160x48: only here" wait_for "1/3 only here"
keys q

finish
