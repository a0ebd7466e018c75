#!/bin/sh
# Two outlets that report the same toll with other figures: the claim is
# marked in the sidebar, and its detail shows the other outlet's sentence.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"; stop_session' EXIT INT TERM HUP
cat >"$tmp/a.txt" <<'TXT'
---
outlet: Harbour Gazette
---
The earthquake killed 58 people in the coastal city of Velmar on Sunday, officials said.

Rescue teams searched the rubble of the old market through the night.
TXT
cat >"$tmp/b.txt" <<'TXT'
---
outlet: Morning Ledger
---
The earthquake in the coastal city of Velmar killed 59 people on Sunday.

Aid convoys reached the port on Monday morning with tents and water.
TXT

start "$bin --tui --no-state -t $tax $tmp/a.txt $tmp/b.txt" 100 30
check "opens" wait_for "Harbour Gazette"
# The sidebar row of a claim, by words of its sentence.
unmarked() {
	screen | grep "$1" | grep -vq "≠"
}
check "the claim is marked: another figure elsewhere" wait_for "≠"
check "the other claim is not" unmarked "Rescue teams"
keys c
check "the detail counts the other figure" wait_for "1 other figure"
check "it shows the other outlet's sentence" wait_for "killed 59 people"
check "marked as the other figure" wait_for "other figure "
keys Escape
check "the detail closes" wait_gone "1 other figure"
keys q
check "quits" wait_for "[exit 0]"

finish
