#!/bin/sh
# Command-line behaviour of the real binary: help, version, usage errors.
. "$(dirname "$0")/lib.sh"

out=$("$bin" --help); rc=$?
check "--help exits 0" '[ $rc -eq 0 ]'
check "--help shows usage" 'echo "$out" | grep -q "^Usage: parallax \[OPTION\]... \[PATH\]..."'
for opt in --taxonomy --jobs --json --jsonl --report --stats --check-taxonomy --no-color --help --version; do
	check "--help lists $opt" 'echo "$out" | grep -q -- "$opt"'
done
out=$("$bin" --version); rc=$?
check "--version exits 0" '[ $rc -eq 0 ]'
check "--version prints name and version" 'echo "$out" | grep -Eq "^parallax [0-9]+\.[0-9]+\.[0-9]+$"'
# configure.ac sets the version; the man pages' headers must name the same.
for page in "${PARALLAX_SRCDIR:-.}"/man/*.[15]; do
	check "$(basename "$page") names the version --version prints" \
	    'head -n 1 "$page" | grep -qF "\"$out\""'
done

err=$("$bin" --frobnicate 2>&1 >/dev/null); rc=$?
check "usage error exits 2" '[ $rc -eq 2 ]'
check "usage error is one line" '[ $(printf "%s\n" "$err" | wc -l) -eq 1 ]'
check "usage error is prefixed" 'echo "$err" | grep -q "^parallax: unrecognized option"'
err=$("$bin" --json --report 2>&1 >/dev/null); rc=$?
check "conflicting modes exit 2" '[ $rc -eq 2 ]'

# Modes on the bundled sample story (run from the build tree: in-tree config).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=${PARALLAX_SRCDIR:-.}/config/sample

"$bin" >"$tmp/auto.json" </dev/null; rc=$?
check "no PATH, stdout not a terminal: JSON of the sample story" '[ $rc -eq 0 ] && head -c 14 "$tmp/auto.json" | grep -q "^{\"parallax\":1,"'
check "JSON lists five sample sources" '[ $(grep -o "\"id\":\"s[0-9]*\"" "$tmp/auto.json" | sort -u | wc -l) -eq 5 ]'

"$bin" --stats "$sample" >"$tmp/stats"; rc=$?
check "--stats exits 0" '[ $rc -eq 0 ]'
check "--stats: id, sentences, sources, tab-separated" '! grep -Pqv "^[a-z0-9-]+\t[0-9]+\t[0-9]+$" "$tmp/stats" && [ -s "$tmp/stats" ]'

# --jsonl: parts concatenated equal the whole, whichever way paths arrive.
ls "$sample"/*.md >"$tmp/list"
"$bin" --jsonl <"$tmp/list" >"$tmp/whole.jsonl"; rc=$?
check "--jsonl reads paths from stdin" '[ $rc -eq 0 ] && [ -s "$tmp/whole.jsonl" ]'
split -l 2 "$tmp/list" "$tmp/part."
for part in "$tmp"/part.*; do "$bin" --jsonl <"$part"; done >"$tmp/parts.jsonl"
check "--jsonl parts concatenate to the whole" 'cmp -s "$tmp/whole.jsonl" "$tmp/parts.jsonl"'
"$bin" --jsonl "$sample" >"$tmp/dir.jsonl"
check "--jsonl on the directory gives the same" 'cmp -s "$tmp/whole.jsonl" "$tmp/dir.jsonl"'
check "--jsonl: one object per line" '! grep -qv "^{\"source\":.*}$" "$tmp/whole.jsonl"'

# "-": standard input, its format told by its content.
printf '# Port reopens\n\nThe **harbour** reopened on [Monday](https://x.example/a).\n' |
	"$bin" --jsonl - >"$tmp/stdin.jsonl"; rc=$?
check "Markdown on stdin is rendered" '[ $rc -eq 0 ] && grep -qF "\"text\":\"The harbour reopened on Monday.\"" "$tmp/stdin.jsonl"'
printf 'The harbour reopened, a *single* star said.\n- Ships wait.\n' |
	"$bin" --jsonl - >"$tmp/stdin.jsonl"; rc=$?
check "plain text on stdin stays plain" '[ $rc -eq 0 ] && grep -qF "a *single* star said." "$tmp/stdin.jsonl"'

"$bin" --report "$sample" >"$tmp/report.md"; rc=$?
check "--report exits 0 with a Markdown heading" '[ $rc -eq 0 ] && grep -q "^# " "$tmp/report.md"'

# Bad input: exit 1, one prefixed line per problem.
err=$("$bin" --json /nonexistent/parallax-src 2>&1 >/dev/null); rc=$?
check "no readable source exits 1" '[ $rc -eq 1 ]'
check "source error is prefixed and names the path" 'echo "$err" | grep -q "^parallax: .*/nonexistent/parallax-src"'
: >"$tmp/empty.txt"
"$bin" --json "$tmp/empty.txt" "$sample" >/dev/null 2>"$tmp/err"; rc=$?
check "an empty source is reported and the rest opens" '[ $rc -eq 0 ] && grep -q "^parallax: .*empty.txt" "$tmp/err"'

printf 'version: 1\ntopics:\n  - id: Bad_Id\n    label: x\n    keywords: []\n    colour: red\n' >"$tmp/bad.yaml"
"$bin" --check-taxonomy="$tmp/bad.yaml" >/dev/null 2>"$tmp/err"; rc=$?
check "--check-taxonomy=FILE on a bad file exits 1" '[ $rc -eq 1 ]'
check "every error as FILE:LINE:COL: message" '[ $(grep -c "^$tmp/bad.yaml:[0-9]*:[0-9]*: " "$tmp/err") -ge 2 ]'
check "the unknown key suggests the known one" 'grep -q "color" "$tmp/err"'
"$bin" --check-taxonomy >/dev/null; rc=$?
check "--check-taxonomy on the default exits 0" '[ $rc -eq 0 ]'
PARALLAX_TAXONOMY="$tmp/bad.yaml" "$bin" --json "$sample" >/dev/null 2>&1; rc=$?
check "a bad taxonomy from the environment exits 1" '[ $rc -eq 1 ]'
"$bin" -t "$tmp/bad.yaml" --check-taxonomy >/dev/null 2>&1; rc=$?
check "--taxonomy is what --check-taxonomy checks" '[ $rc -eq 1 ]'

# A sentence of two facts is cut into units, each linked on its own: the
# sentence lists them, and the claim of its second holds only that unit.
mkdir "$tmp/units"
printf -- '---\noutlet: a\n---\nThe dam on the Irsa river will reopen to barges in March, and the ferry union won 4.5 percent for its crews.\n\nOfficials spent the morning on procedure and seating.\n' >"$tmp/units/a.md"
printf -- '---\noutlet: b\n---\nBarges will use the Irsa river dam again when it reopens in March after a long closure.\n\nCustoms checks at the northern crossing were suspended.\n' >"$tmp/units/b.md"
printf -- '---\noutlet: c\n---\nThe ferry union won a 4.5 percent raise for its crews.\n\nDelegations from six countries arrived in Velmar.\n' >"$tmp/units/c.md"
"$bin" --json "$tmp/units" >"$tmp/units.json"
check "--json: a sentence of two facts lists its two units" \
    'grep -q "\"units\":\[{\"start\":0,\"end\":[0-9]*,\"claim\":[0-9]*},{\"start\":[0-9]*,\"end\":[0-9]*,\"claim\":[0-9]*}\]" "$tmp/units.json"'
check "--json: a claim's member is the unit, its text the unit's" \
    'grep -q "{\"source\":\"s1\",\"index\":0,\"start\":[0-9]*,\"end\":[0-9]*}" "$tmp/units.json" && grep -qF "\"text\":\"the ferry union won 4.5 percent for its crews.\"" "$tmp/units.json"'

check_done
