#!/bin/sh
# What a new user meets at 80x24 and 160x48: the help says more follows
# and pages, the sidebar's coverage dots always show, the keyword picker
# offers only topics, the source list says what its numbers count.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "$bin --tui -t $tax $fixtures" 80 24
check "80x24: opens" wait_for "Harbour Gazette ·"
# The sidebar is 20 columns wide here: the dots still show which of the
# three sources carry each claim.
check "80x24: coverage dots in the sidebar" wait_for "│ ●●● Under the deal"
check "80x24: the count gives way to the words" off_screen "3/3 Under"

keys '?'
check "help: says which rows show and how many" wait_for " 1-19 of "
check "help: says how to page" wait_for "PgDn pages"
keys ' '
check "help: Space pages to the end" wait_for "close the overlay, else quit"
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
keys q
check "80x24: quits" wait_for "[exit 0]"

start "$bin --tui -t $tax $fixtures" 160 48
check "160x48: the source list says what it counts" wait_for "Sources · claims"
check "160x48: dots and counts" wait_for "●●● 3/3 Under the deal"
check "160x48: only here" wait_for "1/3 only here"
keys q

finish
