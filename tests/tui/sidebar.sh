#!/bin/sh
# The claim pane on a story of three outlets, at 80 and 160 columns: a
# claim's text runs on to a second line, the coverage dots stay, z folds
# the claims only this source carries away and back, and site clutter is
# never listed.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"; stop_session' EXIT INT TERM HUP
cat >"$tmp/a.txt" <<'TXT'
---
outlet: Harbour Gazette
---
The council voted on Tuesday to close the old harbour bridge to lorries after engineers found deep cracks in two of its piers.

The mayor said a temporary footbridge would open in May, paid for from the council's reserves.

Fishermen on the east quay complained that nobody had asked them about the detour through the market.

Sign up for our newsletter to get the top stories in your inbox.

Follow @HarbourGazette on Twitter.
TXT
cat >"$tmp/b.txt" <<'TXT'
---
outlet: Morning Ledger
---
Engineers found deep cracks in two piers of the old harbour bridge, and the council voted on Tuesday to close it to lorries.

A temporary footbridge will open in May, paid for from the council's reserves, the mayor said.
TXT
cat >"$tmp/c.txt" <<'TXT'
---
outlet: Valley Wire
---
The old harbour bridge is closed to lorries after the council voted on Tuesday, when engineers found deep cracks in two piers.
TXT

# The pane's text, one line per screen row: what is right of the second
# vertical border.
pane() {
	screen | sed -n 's/^│[^│]*│[^│]*│//p'
}
# The row below the one holding TEXT goes on with words, under the dots.
two_lines() {
	pane | grep -A1 -F -- "$1" | tail -n 1 | grep -q '^    *[A-Za-z]'
}
pane_has() {
	pane | grep -qF -- "$1"
}
pane_lacks() {
	! pane | grep -qF -- "$1"
}

for cols in 80 160; do
	start "$bin --tui --no-state -t $tax $tmp/a.txt $tmp/b.txt $tmp/c.txt" \
	    "$cols" 30
	check "$cols: opens" wait_for "Harbour Gazette"
	check "$cols: the claims are linked" wait_until pane_has "●●●"
	check "$cols: coverage dots of a claim two outlets carry" \
	    pane_has "●●○"
	check "$cols: a unique claim" wait_until pane_has "●○○"
	check "$cols: a claim's text runs on to a second line" \
	    two_lines "●●●"
	check "$cols: the sign-up line is not a claim" pane_lacks "Sign up"
	check "$cols: nor the social handle" pane_lacks "Follow @"
	keys z
	check "$cols: z folds the unique claim away" wait_until pane_lacks "●○○"
	check "$cols: and counts it" wait_until pane_has "1 only here"
	check "$cols: the shared claims stay" pane_has "●●●"
	keys z
	check "$cols: z shows it again" wait_until pane_has "●○○"
	keys q
	check "$cols: quits" wait_for "[exit 0]"
done

finish
