#!/bin/sh
# Grouping as map/reduce: the map side's lines (--jsonl --signatures),
# shuffled and then sorted by key only (as Hadoop streaming's shuffle
# leaves them: grouped by key, any order within one), through the reduce
# side (--group-signatures) give exactly the stories --stories gives.
bin=${PARALLAX_BIN:-./parallax}
src=${PARALLAX_SRCDIR:-.}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() {
	if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi
}
archives="$src/config/sample"
# Real news when the data is there: two months of it.
if command -v python3 >/dev/null 2>&1 &&
    python3 "$src/tests/bench/allsides.py" $(for d in 01 02 03 04 05 06 07 08 09; do
    echo --date 2020-03-$d --date 2016-06-2${d#0}; done) "$tmp/real" >/dev/null 2>&1; then
	archives="$archives $tmp/real"
fi
for dir in $archives; do
	name=$(basename "$dir")
	"$bin" --stories --json "$dir" >"$tmp/$name.direct"
	"$bin" --jsonl --signatures "$dir" >"$tmp/$name.sig"
	shuf "$tmp/$name.sig" | LC_ALL=C sort -s -t "$(printf '\t')" -k1,1 |
	    "$bin" --group-signatures --json >"$tmp/$name.reduced"
	check "$name: reduce of the shuffled signatures equals --stories" \
	    'cmp -s "$tmp/$name.direct" "$tmp/$name.reduced"'
	check "$name: stories found" \
	    'grep -q "\"id\": \"[0-9a-f]\{12\}\"" "$tmp/$name.direct"'
done
"$bin" --stories --json "$src/config/sample" >"$tmp/one"
check "the sample is one story of five sources" \
    '[ $(grep -c "\"path\":" "$tmp/one") -eq 5 ] && [ $(grep -c "^{\"id\":" "$tmp/one") -eq 1 ]'
id=$(sed -n 's/^{"id": "\([0-9a-f]*\)".*/\1/p' "$tmp/one")
"$bin" --json --story="$id" "$src/config/sample" >"$tmp/picked"
check "--story=ID opens that story" 'grep -q "\"parallax\":1" "$tmp/picked"'
# Two events: each output keeps to the story picked.
mkdir "$tmp/two"
cp "$src"/config/sample/* "$src"/tests/tui/fixtures/* "$tmp/two/"
"$bin" --stories "$tmp/two" >"$tmp/two.tsv"
small=$(awk -F'\t' 'NR > 1 && $2 == 3 { print $1 }' "$tmp/two.tsv")
check "two stories in two events' sources" '[ $(wc -l <"$tmp/two.tsv") -eq 3 ] && [ -n "$small" ]'
"$bin" --story="$small" --stats "$tmp/two" >"$tmp/two.stats"
check "--story --stats counts the story's sources only" \
    '[ -s "$tmp/two.stats" ] && awk -F"\t" "\$3 > 3 { exit 1 }" "$tmp/two.stats"'
"$bin" --story="$small" --report "$tmp/two" >"$tmp/two.md"
check "--story --report reports the story" 'grep -q "^3 sources" "$tmp/two.md"'
"$bin" --story="$small" --jsonl "$tmp/two" >"$tmp/two.jsonl"
check "--story --jsonl streams the story's sentences only" \
    '[ $(grep -o "\"source\":\"[^\"]*\"" "$tmp/two.jsonl" | sort -u | wc -l) -eq 3 ]'
"$bin" --jsonl --stories "$src/config/sample" | head -1 >"$tmp/line"
check "--jsonl --stories carries the story id" 'grep -q "\"story\":\"$id\"" "$tmp/line"'
"$bin" --json --story=000000000000 "$src/config/sample" >/dev/null 2>"$tmp/err"
check "an unknown --story is an error" '[ $? -eq 1 ] && grep -q "no story" "$tmp/err"'
printf 'not a signature\n' | "$bin" --group-signatures 2>"$tmp/err" >/dev/null
check "a bad signature line is reported with its number" \
    '[ $? -eq 1 ] && grep -q "^parallax: stdin:1: not a signature line" "$tmp/err"'
exit $fail
