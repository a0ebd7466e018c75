#!/bin/sh
# e: the taxonomy goes through $VISUAL with curses suspended and comes back
# re-tagged; an invalid edit shows every error and keeps the taxonomy in
# use; an edit made elsewhere is picked up while the reader runs; the
# shipped default is copied to the user's file before it is edited.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"

tmp=$(mktemp -d)
trap 'stop_session; rm -rf "$tmp"' EXIT INT TERM HUP
cp "$srcdir/tests/tui/taxonomy.yaml" "$tmp/tax.yaml"
chmod u+w "$tmp/tax.yaml"

# Editors that change the file non-interactively; the file is the last argument.
cat > "$tmp/add-lake" <<'SH'
#!/bin/sh
for f; do :; done
sed 's/keywords: \[fishing rights\]/keywords: [fishing rights, lake]/' "$f" > "$f.new" && mv "$f.new" "$f"
SH
cat > "$tmp/break" <<'SH'
#!/bin/sh
for f; do :; done
printf 'version: 1\ntopics:\n  - id: Bad Id\n    label: [\n' > "$f"
echo "$@" >> "$f.args"
SH
chmod +x "$tmp/add-lake" "$tmp/break"

cp "$tmp/tax.yaml" "$tmp/tax.orig"
start "VISUAL=$tmp/add-lake $bin --tui -t $tmp/tax.yaml $fixtures"
check "opens" wait_for "Harbour Gazette ·"
keys e
check "e: edited and re-tagged" wait_for "re-tagged:"
check "e: re-tagged, with the count of tagged sentences" \
    wait_for "tagged sentences"
check "the file changed by exactly one line" \
    [ "$(diff "$tmp/tax.orig" "$tmp/tax.yaml" | grep -c '^[<>]')" = 2 ]
check "the screen is whole again" wait_for "Sources"
keys q
check "quits" wait_for "[exit 0]"

cp "$tmp/tax.yaml" "$tmp/tax.good"
start "VISUAL=$tmp/break $bin --tui -t $tmp/tax.yaml $fixtures"
check "opens again" wait_for "Harbour Gazette ·"
keys e
check "an invalid edit shows its errors" wait_for "Taxonomy errors"
check "errors carry their position" wait_for "tax.yaml:"
keys q
check "q keeps the taxonomy in use" wait_gone "Taxonomy errors"
check "still tagged with the old taxonomy" wait_for "Fishing rights"
keys e
check "e again offers the errors again" wait_for "Taxonomy errors"
keys e
# The third run of the editor, from the error overlay.
third_run() {
	[ "$(wc -l < "$tmp/tax.yaml.args")" -ge 3 ]
}
check "the editor ran again" wait_until third_run
first=$("$bin" --check-taxonomy="$tmp/tax.yaml" 2>&1 | head -n 1 |
    sed 's/^.*tax\.yaml:\([0-9]*\):.*$/\1/')
check "edit again starts at the first error's line" \
    [ "$(sed -n 3p "$tmp/tax.yaml.args" | cut -d' ' -f1)" = "+$first" ]
check "the errors are back" wait_for "Taxonomy errors"
keys d
check "d discards the edit" wait_for "edit discarded"
check "the file is the last good one again" cmp -s "$tmp/tax.good" "$tmp/tax.yaml"
cp "$tmp/tax.orig" "$tmp/tax.yaml"
check "a change made elsewhere is picked up" wait_for "re-tagged:"
keys q
check "quits after errors" wait_for "[exit 0]"

# a adds a keyword without leaving the reader (prefilled from the search),
# x explains the re-tagged sentence, d in it takes the keyword out again.
cp "$tmp/tax.orig" "$tmp/tax.yaml"
start "$bin --tui -t $tmp/tax.yaml $fixtures"
check "opens for a" wait_for "Harbour Gazette ·"
keys / quarrel Enter
check "search for the word to add" wait_for "search: quarrel"
keys a
check "a: prefilled from the search" wait_for "add keyword: quarrel"
keys Enter
check "a: asks for the topic" wait_for 'Add "quarrel" to which topic?'
keys G k Enter
check "a: added and re-tagged" wait_for '"quarrel" added to Domestic politics; re-tagged'
check "a: the file changed by exactly one line" \
    [ "$(diff "$tmp/tax.orig" "$tmp/tax.yaml" | grep -c '^[<>]')" = 2 ]
check "a: the previous version is kept" cmp -s "$tmp/tax.orig" "$tmp/tax.yaml~"
keys x
check "x: the new keyword tags the sentence" \
    wait_for 'keyword "quarrel" matched "quarrel"'
keys d
check "d: asks before removing" \
    wait_for 'remove "quarrel" from Domestic politics? y removes it'
keys n
check "d, n: the keyword is kept" wait_for 'kept "quarrel"'
check "d, n: the explanation stays open" on_screen "Why sentence"
check "d, n: the file is untouched" grep -q quarrel "$tmp/tax.yaml"
keys d y
check "d, y: removed from the explained topic" \
    wait_for '"quarrel" removed from Domestic politics'
check "d: the file is as it was" cmp -s "$tmp/tax.orig" "$tmp/tax.yaml"
check "d: the version with the keyword is the backup" \
    grep -q quarrel "$tmp/tax.yaml~"
check "d: the one before it is kept too" cmp -s "$tmp/tax.orig" "$tmp/tax.yaml~2"
# U takes the session's edits back, one at a time.
keys U
check "U: undoes the removal" \
    wait_for "undid the last taxonomy edit (1 more to undo)"
check "U: the keyword is back in the file" grep -q quarrel "$tmp/tax.yaml"
keys U
check "U again: undoes the addition" \
    wait_for "undid the last taxonomy edit (0 more to undo)"
check "U again: the file is as it was" cmp -s "$tmp/tax.orig" "$tmp/tax.yaml"
keys U
check "U with nothing left says so" wait_for "nothing to undo"
# An explanation points into the taxonomy a change made elsewhere replaces.
keys x
check "x: explains again" wait_for "Why sentence"
"$tmp/add-lake" "$tmp/tax.yaml"
cp "$tmp/tax.yaml" "$tmp/tax.orig"
check "a change made elsewhere closes the explanation" wait_gone "Why sentence"
check "and re-tags" wait_for "re-tagged:"
check "and says how the tagged sentences changed" wait_for "tagged sentences"
# a with a new topic: id and label asked in the status line.
keys a C-u engineers Enter
check "Ctrl-U clears the prefilled word" wait_for 'Add "engineers" to which topic?'
keys G Enter
check "the last row makes a new topic" wait_for "new topic id"
keys engineering Enter
check "then its label" wait_for "new topic label"
keys "Engineering teams" Enter
check "the new topic holds the keyword" \
    wait_for '"engineers" added to the new topic Engineering teams'
check "the new topic is three new lines" \
    [ "$(diff "$tmp/tax.orig" "$tmp/tax.yaml" | grep -c '^>')" = 3 ]
keys q
check "quits after a and d" wait_for "[exit 0]"

# x says what backs an ambiguous keyword: here "lake" is backed by the
# source's water sentences, "quarrel" by nothing, so its topic stays off.
sed 's/keywords: \[water, /ambiguous: [lake]\n    keywords: [water, /' \
    "$tmp/tax.orig" > "$tmp/amb.yaml"
printf '  - id: disputes\n    label: Disputes\n    ambiguous: [quarrel]\n' \
    >> "$tmp/amb.yaml"
start "$bin --tui -t $tmp/amb.yaml $fixtures"
check "opens with ambiguous keywords" wait_for "Harbour Gazette ·"
keys / quarrel Enter
check "search for the ambiguous word" wait_for "search: quarrel"
keys x
check "x: a keyword the source backs" \
    wait_for 'matched "lake" (backed by source)'
check "x: a keyword nothing backs" \
    wait_for 'matched "quarrel" (unbacked: no topic)'
keys q q
check "quits after the explanation" wait_for "[exit 0]"

# The shipped default is copied before the first edit.
mkdir "$tmp/xdg"
start "XDG_CONFIG_HOME=$tmp/xdg VISUAL=true $bin --tui $fixtures"
check "opens on the default taxonomy" wait_for "Harbour Gazette ·"
keys e
check "the default is copied to the user's file" wait_for "copied the default"
check "the copy exists" wait_until [ -f "$tmp/xdg/parallax/taxonomy.yaml" ]
keys q

finish
