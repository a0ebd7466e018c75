#!/bin/sh
# Outlets in the reader: the claim dots in their outlets' leaning colours
# (a letter per leaning without colour), the coverage matrix's columns
# grouped by leaning, the outlets file edited (O) or changed on disk and
# re-scored live, and the timeline (w): sources on a
# time axis, who had the claim first and how long after the others came,
# the undated listed apart; at 80x24 and 160x48.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
story=$srcdir/tests/tui/outlets
run="$bin --tui -t $tax --outlets=$story/outlets.yaml $story"
esc=$(printf '\033')

# The claims pane's row of the shared claim, with its escape sequences.
claim_sgr() {
	tmux_cmd capture-pane -e -p -t 0 | grep "●.*The council" | head -n 1
}

# Whether a line of the screen matches the extended regular expression.
on_screen_re() {
	screen | grep -Eq -- "$1"
}

# Whether the claim row shows a dot in SGR colour $1 (34 blue, 31 red).
dot_in() {
	claim_sgr | grep -q "$esc\[$1m●"
}

for size in "80 24" "160 48"; do
	set -- $size
	start "$run" "$1" "$2"
	check "$1x$2: opens" wait_for "Right One"
	check "$1x$2: claim dots" wait_for "●●●●●"
	check "$1x$2: a left outlet's dot is blue" wait_until dot_in 34
	check "$1x$2: a right outlet's dot is red" wait_until dot_in 31
	keys w
	check "$1x$2: the timeline opens" wait_for "Timeline: 4 of 5 sources placed"
	check "$1x$2: the time axis" wait_for "09:00"
	check "$1x$2: who was first" wait_until on_screen_re "Nobody +first +●"
	check "$1x$2: a follower, how long after, a line back to the first" \
	    wait_until on_screen_re "Some Name +\+30m +-+●"
	check "$1x$2: three hours after" wait_for "+3h 00m"
	check "$1x$2: a date alone is not placed" wait_for "date only 2020-03-14"
	check "$1x$2: listed apart" wait_for "not placed in time"
	keys Enter
	check "$1x$2: Enter opens the row's source" wait_gone "Timeline:"
	keys q
	check "$1x$2: quits" wait_for "[exit 0]"

	start "$run --no-color" "$1" "$2"
	check "$1x$2 --no-color: a letter per leaning, unrated a dot" \
	    wait_for "RRRL●"
	keys m
	check "$1x$2: the matrix groups its columns by leaning" \
	    wait_until on_screen_re "L Lef.* R Rig.* R .*Nobody"
	keys q q
	check "$1x$2 --no-color: quits" wait_for "[exit 0]"
done

# O edits the outlets file in $EDITOR and re-scores at once; a change
# made elsewhere is picked up the same way; a bad edit keeps the outlets in
# use and says where the error is.
tmp=$(mktemp -d)
trap 'stop_session; rm -rf "$tmp"' EXIT INT TERM HUP
cp "$story/outlets.yaml" "$tmp/outlets.yaml"
printf '#!/bin/sh\nsed -i "s/name: Left One, leaning: left/name: Left One, leaning: right/" "$1"\n' >"$tmp/edit-right"
printf '#!/bin/sh\nsed -i "s/leaning: right}/leaning: rihgt}/" "$1"\n' >"$tmp/edit-bad"
chmod +x "$tmp/edit-right" "$tmp/edit-bad"
for size in "80 24" "160 48"; do
	set -- $size
	cp "$story/outlets.yaml" "$tmp/outlets.yaml"
	start "EDITOR=$tmp/edit-right $bin --tui --no-color -t $tax --outlets=$tmp/outlets.yaml $story" "$1" "$2"
	check "$1x$2: before the edit: one left outlet" wait_for "RRRL●"
	keys O
	check "$1x$2: O re-scores after the editor" wait_for "re-scored by"
	check "$1x$2: the claim's dots follow the new leaning" wait_for "RRRR●"
	printf 'version: 1\noutlets:\n  - {name: Right One, leaning: left}\n' >"$tmp/outlets.yaml"
	check "$1x$2: a change made elsewhere re-scores too" wait_for "L●●●●"
	keys q
	check "$1x$2: quits" wait_for "[exit 0]"
done
# A story too large for a dot per source: the count, then a mark per
# leaning carrying the claim.
mkdir "$tmp/big"
for i in 1 2 3 4 5 6 7 8 9; do
	case $i in 1) o="Left One" ;; 2 | 3) o="Right One" ;; *) o="Nobody $i" ;; esac
	printf -- '---\noutlet: %s\n---\n\nThe council of Karsk approved the new water treaty on Monday after a long debate.\n' "$o" >"$tmp/big/$i.md"
done
for size in "80 24" "160 48"; do
	set -- $size
	start "$bin --tui --no-color -t $tax --outlets=$story/outlets.yaml $tmp/big" "$1" "$2"
	check "$1x$2: nine sources: the count and the leanings carrying it" \
	    wait_for "9/9 LR The council"
	keys q
	check "$1x$2: quits" wait_for "[exit 0]"
done

cp "$story/outlets.yaml" "$tmp/outlets.yaml"
start "EDITOR=$tmp/edit-bad $bin --tui --no-color -t $tax --outlets=$tmp/outlets.yaml $story" 160 48
check "before a bad edit" wait_for "RRRL●"
keys O
check "a bad edit: FILE:LINE:COL of the first error" \
    wait_for "outlets.yaml:3:32: unknown leaning 'rihgt'"
check "a bad edit: the outlets in use are kept" wait_for "RRRL●"
keys q
check "quits" wait_for "[exit 0]"

finish
