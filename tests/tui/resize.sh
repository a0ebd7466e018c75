#!/bin/sh
# The layout follows the terminal at once, down to 20x6 and even 1x1,
# dropping the sidebar, then the source list, and coming back.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "$bin --tui -t $tax $fixtures" 80 24
check "opens at 80x24" wait_for "Claims"
tmux_cmd resize-window -t 0 -x 60 -y 20
check "60 columns drop the sidebar" wait_gone "Claims"
check "60 columns keep the sources" wait_for "Sources"
tmux_cmd resize-window -t 0 -x 30 -y 10
check "30 columns drop the source list" wait_gone "Sources"
check "30 columns keep the article" wait_for "Varen dam"
tmux_cmd resize-window -t 0 -x 20 -y 6
check "20x6 still draws the article" wait_for "Varen dam"
keys j J
check "20x6 still takes keys" wait_for "2/3"
tmux_cmd resize-window -t 0 -x 1 -y 1
tmux_cmd resize-window -t 0 -x 2 -y 3
tmux_cmd resize-window -t 0 -x 1 -y 1
keys j
tmux_cmd resize-window -t 0 -x 160 -y 48
check "160x48 after 1x1: all panes back" wait_for "Claims"
check "160x48: sources" wait_for "Sources"
check "the reader survived" wait_gone "[exit"
tmux_cmd resize-window -t 0 -x 80 -y 24
check "80x24 again" wait_for "Morning Ledger ·"
keys q
check "quits cleanly after resizing" wait_for "[exit 0]"

finish
