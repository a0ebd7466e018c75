#!/bin/sh
# The reader opens the sample story and a directory of sources, with the
# three panes and the status line DESIGN.md draws.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"

start "$bin --tui"
check "sample story opens" wait_for "sample story"
check "source list pane" wait_for "Sources"
check "claim sidebar pane" wait_for "Claims"
check "help hint" wait_for "? help"
check "status shows the position" wait_for "│1/5 "

start "$bin --tui $fixtures"
check "first source in the title" wait_for "Harbour Gazette"
check "every source listed" wait_for "03-valley"
check "article title shown" wait_for "Varen dam deal signed"
check "article body shown" wait_for "ending four years of dispute"
check "status shows the position" wait_for "│1/3 "
check "coverage badge" wait_for "/3"
check "sentence position" wait_for "sentence 1/"

finish
