#!/bin/sh
# Command-line behaviour of the real binary: help, version, usage errors.
bin=${PARALLAX_BIN:-./parallax}
fail=0
pass=0
check() {
	if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

out=$("$bin" --help); rc=$?
check "--help exits 0" '[ $rc -eq 0 ]'
check "--help shows usage" 'echo "$out" | grep -q "^Usage: parallax \[OPTION\]... \[PATH\]..."'
for opt in --taxonomy --json --jsonl --report --stats --check-taxonomy --no-color --help --version; do
	check "--help lists $opt" 'echo "$out" | grep -q -- "$opt"'
done
out=$("$bin" --version); rc=$?
check "--version exits 0" '[ $rc -eq 0 ]'
check "--version prints name and version" 'echo "$out" | grep -Eq "^parallax [0-9]+\.[0-9]+\.[0-9]+$"'

err=$("$bin" --frobnicate 2>&1 >/dev/null); rc=$?
check "usage error exits 2" '[ $rc -eq 2 ]'
check "usage error is one line" '[ $(printf "%s\n" "$err" | wc -l) -eq 1 ]'
check "usage error is prefixed" 'echo "$err" | grep -q "^parallax: unrecognized option"'
err=$("$bin" --json --report 2>&1 >/dev/null); rc=$?
check "conflicting modes exit 2" '[ $rc -eq 2 ]'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
