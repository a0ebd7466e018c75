#!/bin/sh
# Text is wrapped by display width (CJK and emoji two columns, combining
# marks none), so every row still ends on the frame; control sequences in
# a source are shown as placeholders and never drive the terminal.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

# Every pane row of the capture ends with the right border.
rows_framed() {
	screen | sed -n '2,21p' | grep -v '│$' | grep -q . && return 1
	return 0
}

for size in "80 24" "41 24" "44 24" "73 24"; do
	set -- $size
	start "$bin --tui -t $tax $srcdir/tests/tui/wide" "$1" "$2"
	check "$1 columns: opens" wait_for "Wide Desk"
	check "$1 columns: CJK shown" wait_for "東京都"
	check "$1 columns: rows end on the frame" rows_framed
	keys j j
	check "$1 columns: still framed after moving" rows_framed
done
check "the window title was not changed" \
    [ "$(tmux_cmd display -p -t 0 '#{pane_title}')" != pwned-title ]
check "the text after the escape is shown" wait_for "paint"
sgr=$(tmux_cmd capture-pane -e -p -t 0)
esc=$(printf '\033')
check "the source's colour sequence did not reach the screen" \
    sh -c '! printf "%s" "$1" | grep -q "$2\[31m"' sh "$sgr" "$esc"
keys q
check "quits" wait_for "[exit 0]"

finish
