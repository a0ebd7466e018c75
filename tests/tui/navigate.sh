#!/bin/sh
# Moving around: sources with J/K and [/], a claim's sentence with Enter,
# the same claim elsewhere with < and >, and the overlays.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "$bin --tui -t $tax $fixtures"
check "opens on the first source" wait_for "Harbour Gazette ·"
keys J
check "J: next source" wait_for "Morning Ledger ·"
check "J: position 2/3" wait_for "│2/3 "
keys ]
check "]: next source" wait_for "03-valley-wire ·"
keys K
check "K: previous source" wait_for "Morning Ledger ·"
keys [
check "[: previous source" wait_for "Harbour Gazette ·"

# < and > carry the selected claim to the other sources.
keys / cubic Enter
check "search selects the release sentence" wait_for "search: cubic"
keys '>'
check ">: same claim in the next source" wait_for "same claim in Morning Ledger"
keys '>'
check ">: and the one after" wait_for "same claim in 03-valley-wire"
keys '<'
check "<: back" wait_for "same claim in Morning Ledger"

# Enter on the last claim of the sidebar selects its sentence.
keys [ g
check "back at the top" wait_for "sentence 1/"
keys Tab G Enter
check "Enter on a claim selects its sentence" wait_gone "sentence 1/"
keys Tab

keys '?'
check "?: help overlay" wait_for "focus the next pane"
keys q
check "q closes help, not the reader" wait_gone "focus the next pane"
check "the reader is still running" wait_for "Harbour Gazette ·"
keys F1
check "F1: help overlay" wait_for "focus the previous pane"
keys Escape
check "Escape closes help" wait_gone "focus the previous pane"

keys m
check "m: coverage matrix" wait_for "Coverage: sentences per topic"
check "matrix lists topics" wait_for "Fishing rights"
keys q
check "q closes the matrix" wait_gone "Coverage: sentences per topic"

keys c
check "c: claim detail" wait_for "of 3 sources"
keys q
check "q closes the claim detail" wait_gone "of 3 sources"

# The mouse: a click on a source opens it, on a sentence selects it; the
# wheel scrolls the pane under the pointer.
click 3 3
check "click on a source opens it" wait_for "03-valley-wire ·"
click 20 4
check "click on a sentence selects it" wait_for "sentence 1/"
click 20 7
check "click on another sentence" wait_for "sentence 2/"
tmux_cmd resize-window -t 0 -x 80 -y 10
check "a short window" wait_gone "unresolved"
mouse 65 20 3
mouse 65 20 3
check "wheel scrolls the article" wait_gone "Talks on the Varen dam"
mouse 64 20 3
mouse 64 20 3
check "wheel scrolls back" wait_for "Talks on the Varen dam"
tmux_cmd resize-window -t 0 -x 80 -y 24

finish
