#!/bin/sh
# -j/--jobs: every output byte-identical for N = 1, 2 and 7 threads, on the
# seeds, the sample story, a generated corpus and (when ../shared has it)
# real articles, their stories too; bad values of N are usage errors.
. "$(dirname "$0")/lib.sh"
shared=${PARALLAX_SHARED:-../shared}
srcdir=${PARALLAX_SRCDIR:-.}
builddir=$(dirname "$bin")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# same NAME TAXONOMY MODE PATH...: MODE's output for each N equals N = 1's.
same() {
	name=$1 tax=$2 mode=$3
	shift 3
	for n in 1 2 7; do
		"$bin" -j "$n" -t "$tax" "$mode" "$@" >"$tmp/out-$n" 2>"$tmp/err-$n"
		echo "status $?" >>"$tmp/err-$n"
	done
	check "$name $mode: output not empty" '[ -s "$tmp/out-1" ]'
	for n in 2 7; do
		check "$name $mode: -j $n as -j 1" 'cmp -s "$tmp/out-1" "$tmp/out-$n" && cmp -s "$tmp/err-1" "$tmp/err-$n"'
	done
}

tax=$srcdir/config/taxonomy.yaml
for mode in --json --jsonl --stats --report; do
	same sample "$tax" $mode "$srcdir/config/sample"
done

# Sources that fail between ones that load: warnings keep their places too.
mkdir -p "$tmp/mixed"
i=0
for f in "$srcdir"/config/sample/*.md; do
	i=$((i + 1))
	cp "$f" "$tmp/mixed/$i-a.md"
	: >"$tmp/mixed/$i-b.md"
done
same "mixed with empty sources" "$tax" --json "$tmp/mixed" "$tmp/missing.md" "$srcdir/config/sample"
same "mixed with empty sources" "$tax" --jsonl "$tmp/mixed" "$tmp/missing.md"
check "mixed: a warning per empty source" '[ $(grep -c "empty" "$tmp/err-1") -eq 5 ]'

if [ -d "$shared/seeds" ]; then
	for mode in --json --stats; do
		same seeds "$tax" $mode "$shared/seeds"
	done
else
	echo "SKIP: seeds ($shared/seeds absent)"
fi

gen=$builddir/tests/bench/gen_corpus
if [ -x "$gen" ]; then
	"$gen" -s 400K -n 60 -k 100,1000 "$tmp/gen" >/dev/null
	for mode in --json --jsonl --stats; do
		same "generated corpus" "$tmp/gen/taxonomy-1000.yaml" $mode "$tmp/gen/corpus"
	done
else
	echo "FAIL: $gen was not built"
	fail=$((fail + 1))
fi

if python3 "$srcdir/tests/bench/allsides.py" --every 97 "$tmp/real" >/dev/null 2>&1; then
	for mode in --json --stats; do
		same "real articles" "$tax" $mode "$tmp/real"
	done
	# Grouping's terms are counted on the workers too.
	same "real articles, stories" "$tax" --stories --json "$tmp/real"
else
	echo "SKIP: real articles (allsides-dev absent)"
fi

for bad in 0 -1 x 2x 257; do
	"$bin" -j "$bad" --stats "$srcdir/config/sample" >/dev/null 2>"$tmp/err"; rc=$?
	check "-j $bad is a usage error" '[ $rc -eq 2 ] && grep -q "^parallax: invalid number of jobs" "$tmp/err"'
done

check_done
