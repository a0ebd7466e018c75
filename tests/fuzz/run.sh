#!/bin/sh
# Runs the libFuzzer targets of a fuzzing build (./configure
# --enable-fuzzing), one after another, each for SECONDS (default 60).
#
#   tests/fuzz/run.sh [SECONDS [TARGET...]]
#
# Run it from the build directory (make fuzz does).  Each target fuzzes
# tests/fuzz/corpus/NAME (kept between runs, so coverage accumulates),
# seeded from the hand-written tests/fuzz/seeds/NAME of the source tree and
# from the public corpora in ../shared/data, read in place when present and
# never copied into the tree.  Crashes land in tests/fuzz/artifacts/NAME.
# Exit status: 0 when every target ran clean, 1 otherwise.
set -u
secs=${1:-60}
[ $# -gt 0 ] && shift
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
data=${PARALLAX_SHARED:-$srcdir/../shared}/data
out=tests/fuzz

# Writes every string of the Big List of Naughty Strings into DIR, one a file.
naughty() {
	[ -f "$data/naughty-strings/blns.txt" ] || return 0
	awk -v dir="$1" '!/^#/ && length($0) {
		f = sprintf("%s/blns-%03d", dir, NR); printf "%s", $0 > f; close(f) }' \
		"$data/naughty-strings/blns.txt"
}

# Generated seeds for target NAME into DIR.
seed() {
	case $1 in
	segment|document|export|json)
		naughty "$2"
		for f in "$data"/utf8-test/* "$srcdir"/config/sample/*.md; do
			[ -f "$f" ] && cp "$f" "$2/"
		done
		;;
	matcher|matcher_atoms)
		# Each string as a phrase, then itself inside a sentence.
		[ -f "$data/naughty-strings/blns.txt" ] &&
		awk -v dir="$2" '!/^#/ && length($0) {
			f = sprintf("%s/blns-%03d", dir, NR)
			printf "%s\n=%s%cSaid: %s, twice %s.", $0, $0, 0, $0, toupper($0) > f
			close(f) }' "$data/naughty-strings/blns.txt"
		;;
	html|charset)
		# Real pages (the first bytes of each: libFuzzer's max_len),
		# behind a byte choosing the declared charset.
		naughty "$2"
		for f in "$data"/article-extraction/html/*.html.gz; do
			[ -f "$f" ] || continue
			{ printf '\000'; gzip -dc "$f" | head -c 65535; } \
			    >"$2/$(basename "$f" .html.gz)"
		done
		;;
	htmltree)
		# Real pages as they are (the first bytes of each).
		naughty "$2"
		for f in "$data"/article-extraction/html/*.html.gz; do
			[ -f "$f" ] && gzip -dc "$f" | head -c 65536 \
			    >"$2/$(basename "$f" .html.gz)"
		done
		;;
	markdown)
		naughty "$2"
		for f in "$srcdir"/config/sample/*.md "$srcdir"/README.md; do
			[ -f "$f" ] && { printf '\000'; cat "$f"; } >"$2/$(basename "$f")"
		done
		;;
	taxonomy|taxedit)
		for f in "$data"/yaml-test-suite/cases/*.yaml; do
			[ -f "$f" ] && cp "$f" "$2/yaml-$(basename "$f")"
		done
		cp "$srcdir/config/taxonomy.yaml" "$2/"
		;;
	outlets)
		cp "$srcdir/config/outlets.yaml" "$2/"
		;;
	esac
	[ -d "$srcdir/tests/fuzz/seeds/$1" ] && cp "$srcdir/tests/fuzz/seeds/$1"/* "$2/"
	return 0
}

if [ $# -eq 0 ]; then
	for f in "$out"/fuzz_*; do
		case $f in *.*) continue ;; esac
		[ -x "$f" ] && set -- "$@" "${f##*/fuzz_}"
	done
fi
if [ $# -eq 0 ]; then
	echo "run.sh: no fuzz targets in $out: build with ./configure --enable-fuzzing && make" >&2
	exit 1
fi

status=0
for name in "$@"; do
	bin=$out/fuzz_$name
	[ -x "$bin" ] || { echo "run.sh: $bin: not built" >&2; status=1; continue; }
	seeds=$out/seeds-$name
	rm -rf "$seeds"
	mkdir -p "$seeds" "$out/corpus/$name" "$out/artifacts/$name"
	seed "$name" "$seeds"
	log=$out/fuzz_$name.log
	start=$(date +%s)
	nice "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$out/artifacts/$name/" \
	    "$out/corpus/$name" "$seeds" >"$log" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	if [ $rc -eq 0 ]; then
		echo "fuzz_$name: ok, ${took}s, ${runs:-?} runs, coverage ${cov:-?}"
	else
		echo "fuzz_$name: FAILED (exit $rc) after ${took}s; log $log, input in $out/artifacts/$name"
		tail -n 40 "$log"
		status=1
	fi
	rm -rf "$seeds"
done
exit $status
