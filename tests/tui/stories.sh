#!/bin/sh
# An archive of several stories opens on the story list: search a title,
# open a story, move between its sources, go back to the same place; what
# was read is remembered after a restart, and --no-state leaves no trace.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d)
trap 'stop_session; rm -rf "$tmp"' EXIT INT TERM HUP
mkdir "$tmp/archive"
cp "$fixtures"/* "$srcdir"/tests/tui/wide/* "$srcdir"/config/sample/* \
    "$tmp/archive/"
run="env XDG_STATE_HOME=$tmp/state $bin --tui -t $tax"

# marked TEXT: the row under the cursor shows TEXT.
marked() {
	screen | grep -F "$(printf '\342\226\266')" | grep -qF -- "$1"
}
# dimmed TEXT: a row starts dim, then TEXT (the escapes tmux keeps).
dimmed() {
	tmux_cmd capture-pane -e -p -t 0 | grep -qF "$(printf '\033[2m')$1"
}
# row_shows TEXT...: one row holds every TEXT.
row_shows() {
	screen | grep -F -- "$1" | grep -qF -- "$2"
}

start "$run $tmp/archive" 100 24
check "an archive opens on its story list" wait_for "3 stories"
check "a story's row: outlets and their names" \
    row_shows "Karsk valley ceasefire" "5 outlets: Meridian Wire"
check "a story's row: unread count" row_shows "   3 Varen dam deal" "2026-03-14"
check "the largest story first" marked "Karsk"
keys C-d
check "Ctrl-D: half a page down the list, to its last story" \
    wait_until marked "Widths and hostile bytes"
keys C-u
check "Ctrl-U: back up to the first" wait_until marked "Karsk"
keys / V a r e n Enter
check "/ searches titles" wait_until marked "Varen dam deal"
keys Enter
check "Enter opens the story in the reader" wait_for "Harbour Gazette ·"
check "only the story's sources" off_screen "Meridian Wire"
keys J
check "J moves to the story's next source" wait_for "Morning Ledger ·"
check "the source read before is dimmed" wait_until dimmed "  Harbour"
keys s
check "s goes back to the story list" wait_for "3 stories"
check "at the same story" marked "Varen dam deal"
check "two of three sources read" row_shows "   1 Varen dam deal" "3 outlets"
keys q
check "q quits from the list" wait_for "[exit 0]"

start "$run $tmp/archive" 100 24
check "the list again after a restart" wait_for "3 stories"
check "what was read is remembered" row_shows "   1 Varen dam deal" "3 outlets"
keys j
check "j moves in the list" wait_until marked "Varen dam deal"
keys u
check "u marks the whole story read" wait_until row_shows "   0 Varen dam deal" "3 outlets"
keys u
check "u again marks it unread" wait_until row_shows "   3 Varen dam deal" "3 outlets"
keys q
check "quits" wait_for "[exit 0]"

start "env XDG_STATE_HOME=$tmp/none $bin --tui --no-state -t $tax $tmp/archive" 100 24
check "--no-state opens the list" wait_for "3 stories"
keys Enter
check "and the reader" wait_for "Meridian Wire ·"
keys s q
check "quits" wait_for "[exit 0]"
check "--no-state leaves no trace" [ ! -e "$tmp/none" ]

# One story opens straight into the reader, as before.
start "$run $fixtures" 100 24
check "one story: the reader at once" wait_for "Harbour Gazette ·"
keys s
check "s says there is no story list" wait_for "no story list"
keys q
finish
