#!/bin/sh
# make bench: parallax's tagging throughput side by side with GNU grep and
# ripgrep on the same generated corpus and keywords, then load time and
# memory as the story grows to 10,000 sources.  See tests/bench/README.md.
#
# Environment (all optional):
#   BENCH_MB=20              size of the throughput corpus in MB
#   BENCH_SOURCES=100        sources in the throughput corpus
#   BENCH_SCALE="100 1000 10000"   story sizes (sources) for the scale table
#   BENCH_SOURCE_KB=5        size of one source in the scale table, in KB
#   BENCH_TIMEOUT=90         seconds before a run is stopped
#   BENCH_PROFILE=1          0 skips the callgrind profiles
# The real-text part needs ../shared/data/allsides-dev (or $PARALLAX_SHARED)
# and python3; Hyperscan's anchor needs libhyperscan-dev at configure time.
#   BENCH_BUILDDIR, BENCH_SRCDIR   set by make
set -u

builddir=${BENCH_BUILDDIR:-.}
srcdir=${BENCH_SRCDIR:-.}
mb=${BENCH_MB:-20}
nsources=${BENCH_SOURCES:-100}
scale=${BENCH_SCALE:-100 1000 10000}
source_kb=${BENCH_SOURCE_KB:-5}
timeout=${BENCH_TIMEOUT:-90}
out=$builddir/tests/bench/out
parallax=$builddir/parallax
gen=$builddir/tests/bench/gen_corpus
measure=$builddir/tests/bench/measure
results=$out/results.txt

# grep runs in a UTF-8 locale, as a user's would.
LC_ALL=C.UTF-8
export LC_ALL

mkdir -p "$out"
: >"$results"

say() {
	printf '%s\n' "$*" | tee -a "$results"
}

# The goals are for one core: pin there when taskset exists.
pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin="taskset -c 0"
fi

# ripgrep is only needed here, so only the bench target installs it.
if ! command -v rg >/dev/null 2>&1; then
	echo "bench: installing ripgrep"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get install -y -qq ripgrep >/dev/null 2>&1 ||
	    { $sudo apt-get update -qq && $sudo apt-get install -y -qq ripgrep; } \
	    >/dev/null 2>&1 || echo "bench: ripgrep could not be installed"
fi
# Real-time priority (root only, for the -j scaling): no other job can
# take a core from a SCHED_FIFO run, so its -j 2 / -j 1 is what an idle
# machine gives, whatever the load.
have_rt=no
chrt -f 1 true 2>/dev/null && have_rt=yes
have_rg=no
command -v rg >/dev/null 2>&1 && have_rg=yes

# run LABEL OUTFILE COMMAND...: measures COMMAND (stdout to OUTFILE) and
# sets wall, cpu, rss_kb, vcsw and status.  A run under two seconds is
# repeated and the best of five kept, so short runs are not all noise.
run() {
	label=$1
	outfile=$2
	shift 2
	line=$($measure -t "$timeout" -o "$outfile" "$@" 2>"$outfile.err")
	wall=$(echo "$line" | sed 's/.*wall=\([^ ]*\).*/\1/')
	cpu=$(echo "$line" | awk '{ split($2, u, "="); split($3, s, "=");
	    printf "%.3f", u[2] + s[2] }')
	rss_kb=$(echo "$line" | sed 's/.*maxrss_kb=\([^ ]*\).*/\1/')
	vcsw=$(echo "$line" | sed 's/.*vcsw=\([^ ]*\).*/\1/')
	status=$(echo "$line" | sed 's/.*status=\([^ ]*\).*/\1/')
	if [ "$status" = 0 ] && awk "BEGIN { exit !($wall < 2) }"; then
		for i in 2 3 4 5; do
			line=$($measure -t "$timeout" -o "$outfile.$i" "$@" 2>/dev/null)
			w=$(echo "$line" | sed 's/.*wall=\([^ ]*\).*/\1/')
			if awk "BEGIN { exit !($w < $wall) }"; then
				wall=$w
				cpu=$(echo "$line" | awk '{ split($2, u, "=");
				    split($3, s, "="); printf "%.3f", u[2] + s[2] }')
				vcsw=$(echo "$line" | sed 's/.*vcsw=\([^ ]*\).*/\1/')
			fi
			rm -f "$outfile.$i"
		done
	fi
	if [ "$status" != 0 ]; then
		echo "bench: $label: status $status: $(head -1 "$outfile.err")" >&2
	fi
}

mbps() {	# bytes wall; two decimals below 1 MB/s (rg at 10,000 keywords)
	awk -v b="$1" -v w="$2" 'BEGIN { r = b / 1048576 / w
	    printf r < 1 ? "%.2f" : "%.1f", r }'
}

ratio() {	# a b: a / b, or - when either is missing
	awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0)
	    printf "%.2fx", a / b; else printf "-" }'
}

# Sums the counts of `grep -c`/`rg -c` (path:count) or of `--stats`
# (id TAB sentences TAB sources).
sum_colon() {
	awk -F: '{ s += $NF } END { print s + 0 }' "$1"
}
sum_stats() {
	awk -F'\t' '$2 ~ /^[0-9]+$/ { s += $2 } END { print s + 0 }' "$1"
}

# generate DIR OPTION...: a corpus, kept between runs unless the
# generator has changed since.
generate() {
	gdir=$1
	shift
	if [ ! -f "$gdir/expected.txt" ] || [ "$gen" -nt "$gdir/expected.txt" ]; then
		rm -rf "$gdir"
		$gen "$@" "$gdir" || exit 1
	fi
}

bytes_of() {
	cat "$1"/*.md | wc -c | tr -d ' '
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
say "parallax benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: ${cpu:-unknown CPU}, $(nproc) cores, $(uname -sm)"
say "tools: $($parallax --version 2>/dev/null | head -1); $(grep --version | head -1);" \
    "$(if [ $have_rg = yes ]; then rg --version 2>/dev/null | head -1; else echo 'no ripgrep'; fi)"
say "pinned to one core with: ${pin:-nothing (no taskset)}"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs share the machine:"
say "  cpu-s is the CPU time the run used; wall-clock MB/s suffers when they compete)"

# --- Tagging throughput -------------------------------------------------
tp=$out/tp-$mb
generate "$tp" -s "${mb}M" -n "$nsources"
tpa=$out/tp-$mb-ascii
generate "$tpa" -A -s "${mb}M" -n "$nsources"
bytes=$(bytes_of "$tp/corpus")
bytesa=$(bytes_of "$tpa/corpus")
say ""
say "== Tagging throughput: $(mbps "$bytes" 1) MB in $nsources sources; $(sed -n 's/^# bytes [0-9]* sources [0-9]* //p' "$tp/expected.txt")"
say "   parallax: --stats -t taxonomy-K.yaml (load, decode, normalise, split, match, count)"
say "   grep/rg:  -F -i -w -c -f keywords-K.txt (lines that match)"
say ""
hdr=$(printf '%-8s %-24s %5s %8s %8s %8s %7s %8s %8s %8s %8s' \
    keywords tool cores MB/s seconds cpu-s RSS-MB count expected vs-grep vs-rg)
say "$hdr"

# One table row; the ratios are against this round's grep and rg.
row() {	# keywords tool cores status mbps wall cpu rss count expected
	if [ "$4" = 0 ]; then
		say "$(printf '%-8s %-24s %5s %8s %8s %8s %7s %8s %8s %8s %8s' \
		    "$1" "$2" "$3" "$5" "$6" "$7" "$(awk -v r="$8" 'BEGIN { printf "%.0f", r / 1024 }')" \
		    "$9" "${10}" "$(ratio "$5" "$g_mbps")" "$(ratio "$5" "$r_mbps")")"
	else
		say "$(printf '%-8s %-24s %5s %8s' "$1" "$2" "$3" "status $4")"
	fi
}

for k in 100 1000 10000; do
	exact=$(awk -v k=$k '$1 == k { print $2 }' "$tp/expected.txt")
	any=$(awk -v k=$k '$1 == k { print $3 }' "$tp/expected.txt")
	anya=$(awk -v k=$k '$1 == k { print $3 }' "$tpa/expected.txt")

	run "grep $k" "$out/grep-$k.txt" grep -r -F -i -w -c \
	    -f "$tp/keywords-$k.txt" "$tp/corpus"
	g_status=$status g_wall=$wall g_cpu=$cpu g_rss=$rss_kb
	g_mbps=0
	[ "$g_status" = 0 ] && g_mbps=$(mbps "$bytes" "$g_wall")
	g_count=$(sum_colon "$out/grep-$k.txt")

	r_mbps=0
	if [ $have_rg = yes ]; then
		run "rg $k" "$out/rg-$k.txt" rg --no-ignore -F -i -w -c \
		    -f "$tp/keywords-$k.txt" "$tp/corpus"
		r_status=$status r_wall=$wall r_cpu=$cpu r_rss=$rss_kb
		[ "$r_status" = 0 ] && r_mbps=$(mbps "$bytes" "$r_wall")
		r_count=$(sum_colon "$out/rg-$k.txt")
		if [ -n "$pin" ]; then
			run "rg $k pinned" "$out/rg1-$k.txt" $pin rg --no-ignore \
			    -F -i -w -c -f "$tp/keywords-$k.txt" "$tp/corpus"
			r1_status=$status r1_wall=$wall r1_cpu=$cpu r1_rss=$rss_kb
		fi
	fi

	run "parallax $k" "$out/parallax-$k.txt" $pin "$parallax" --stats \
	    -t "$tp/taxonomy-$k.yaml" "$tp/corpus"
	p_status=$status p_wall=$wall p_cpu=$cpu p_rss=$rss_kb
	p_mbps=0
	[ "$p_status" = 0 ] && p_mbps=$(mbps "$bytes" "$p_wall")
	p_count=$(sum_stats "$out/parallax-$k.txt")

	run "parallax $k ascii" "$out/parallax-ascii-$k.txt" $pin "$parallax" \
	    --stats -t "$tpa/taxonomy-$k.yaml" "$tpa/corpus"
	pa_status=$status pa_wall=$wall pa_cpu=$cpu pa_rss=$rss_kb
	pa_mbps=0
	[ "$pa_status" = 0 ] && pa_mbps=$(mbps "$bytesa" "$pa_wall")
	pa_count=$(sum_stats "$out/parallax-ascii-$k.txt")

	# The fixed cost: loading the taxonomy and building the matcher, on
	# a story of one line.
	mkdir -p "$out/one-line"
	echo "One line." >"$out/one-line/a.txt"
	run "parallax $k fixed" "$out/parallax-fixed-$k.txt" $pin "$parallax" \
	    --stats -t "$tp/taxonomy-$k.yaml" "$out/one-line"
	eval "p_wall_$k=\$p_wall pa_wall_$k=\$pa_wall p_rss_$k=\$p_rss r_mbps_$k=\$r_mbps"
	eval "p_fixed_$k=\$wall"
	row "$k" "parallax --stats" 1 "$p_status" "$p_mbps" "$p_wall" "$p_cpu" "$p_rss" "$p_count" "$any"
	row "" "parallax, ASCII corpus" 1 "$pa_status" "$pa_mbps" "$pa_wall" "$pa_cpu" "$pa_rss" "$pa_count" "$anya"
	row "" "grep -F -i -w -c" 1 "$g_status" "$g_mbps" "$g_wall" "$g_cpu" "$g_rss" "$g_count" "$exact"
	if [ $have_rg = yes ]; then
		row "" "rg -F -i -w -c" "$(nproc)" "$r_status" "$r_mbps" "$r_wall" "$r_cpu" "$r_rss" "$r_count" "$exact"
		if [ -n "$pin" ]; then
			r1_mbps=0
			[ "$r1_status" = 0 ] && r1_mbps=$(mbps "$bytes" "$r1_wall")
			row "" "rg -F -i -w -c" 1 "$r1_status" "$r1_mbps" "$r1_wall" "$r1_cpu" "$r1_rss" "$(sum_colon "$out/rg1-$k.txt")" "$exact"
		fi
	fi
done
say ""
say "count: parallax sums --stats sentences over topics, grep and rg count"
say "matching lines.  The generator plants at most one keyword per paragraph"
say "(a line), so the two agree, except that 10% of the keywords end in '*'"
say "and are sometimes planted inflected (keyword+s/ed/ing/ers): parallax"
say "must count those too, grep -F and rg -F cannot, hence two expected"
say "columns (expected.txt).  A run stopped after ${timeout}s shows 'status timeout'."

if [ -x "$builddir/tests/bench/bench_matcher" ]; then
	say ""
	say "== In-process matcher, its own corpus (tests/bench/bench_matcher $mb), one core"
	$pin "$builddir/tests/bench/bench_matcher" "$mb" 2>&1 | tee -a "$results"
fi

# --- Real text: the AllSides articles, mined gazetteers ------------------
# (issue 19) The same full path on real news, with keyword lists mined from
# it (tests/bench/gazetteer.py) and the bundled taxonomy, beside grep, rg
# and Hyperscan's matching alone; one core, then -j 2 for the scaling.
real=$out/real
articles=${PARALLAX_SHARED:-$srcdir/../shared}/data/allsides-dev/articles.jsonl.xz
if [ ! -f "$real/keywords-10000.txt" ] || [ "$srcdir/tests/bench/gazetteer.py" -nt "$real/keywords-10000.txt" ]; then
	rm -rf "$real"
	mkdir -p "$real"
	if python3 "$srcdir/tests/bench/allsides.py" --bodies-only "$real/bodies.txt" \
	    "$articles" "$real/corpus" >"$real/convert.txt" 2>&1 &&
	    python3 "$srcdir/tests/bench/allsides.py" --every 100 "$articles" \
	    "$real/corpus-100" >/dev/null 2>&1 &&
	    python3 "$srcdir/tests/bench/allsides.py" --every 25 "$articles" \
	    "$real/corpus-25" >/dev/null 2>&1; then
		python3 "$srcdir/tests/bench/gazetteer.py" "$real/bodies.txt" "$real" \
		    >"$real/gazetteer.txt" 2>&1 || rm -f "$real/keywords-10000.txt"
	else
		rm -rf "$real"
		say ""
		say "== Real text: left out ($articles or python3 missing)"
	fi
fi
if [ -f "$real/keywords-10000.txt" ]; then
	rbytes=$(bytes_of "$real/corpus")
	rbytes100=$(bytes_of "$real/corpus-100")
	say ""
	say "== Real text: $(mbps "$rbytes" 1) MB in $(ls "$real/corpus" | wc -l) AllSides articles" \
	    "($(cat "$real/convert.txt")); gazetteers: $(cat "$real/gazetteer.txt")"
	say "   parallax --stats -t TAXONOMY -j 1 pinned to one core, and -j 2 unpinned;"
	say "   rg -F -i -w -c on both cores (10,000 keywords: on every 100th article);"
	say "   Hyperscan: its matching alone on the bodies, caseless, word boundaries."
	say "   Load average at the start: $(cut -d ' ' -f 1-3 /proc/loadavg) (on $(nproc) cores)."
	say ""
	say "$(printf '%-9s %-26s %5s %8s %8s %8s %7s %10s' keywords tool cores MB/s seconds cpu-s RSS-MB count)"
	rrow() {	# keywords tool cores status mbps wall cpu rss count
		if [ "$4" = 0 ]; then
			say "$(printf '%-9s %-26s %5s %8s %8s %8s %7s %10s' "$1" "$2" "$3" \
			    "$5" "$6" "$7" "$(awk -v r="$8" 'BEGIN { printf "%.0f", r / 1024 }')" "$9")"
		else
			say "$(printf '%-9s %-26s %5s %8s' "$1" "$2" "$3" "status $4")"
		fi
	}
	cp "$srcdir/config/taxonomy.yaml" "$real/taxonomy-bundled.yaml"
	for k in 100 1000 10000 bundled; do
		tax=$real/taxonomy-$k.yaml
		run "real $k" "$out/real-$k.txt" $pin "$parallax" -j 1 --stats -t "$tax" "$real/corpus"
		rp_status=$status rp_mbps=0
		[ "$status" = 0 ] && rp_mbps=$(mbps "$rbytes" "$wall")
		[ "$status" = 0 ] || cpu=""
		eval "rp_mbps_$k=\$rp_mbps rp_rss_$k=\$rss_kb rp_cpu_$k=\$cpu"
		rrow "$k" "parallax -j 1" 1 "$status" "$rp_mbps" "$wall" "$cpu" "$rss_kb" "$(sum_stats "$out/real-$k.txt")"
		rp_vcsw=$vcsw
		run "real $k j2" "$out/real-j2-$k.txt" "$parallax" -j 2 --stats -t "$tax" "$real/corpus"
		rp2_mbps=0
		[ "$status" = 0 ] && rp2_mbps=$(mbps "$rbytes" "$wall")
		if ! cmp -s "$out/real-$k.txt" "$out/real-j2-$k.txt"; then
			say "   !! -j 2 printed something else than -j 1"
		fi
		eval "rp2_mbps_$k=\$rp2_mbps"
		rrow "" "parallax -j 2" 2 "$status" "$rp2_mbps" "$wall" "$cpu" "$rss_kb" "$(sum_stats "$out/real-j2-$k.txt")"
		# Sleeps: the threads waiting for each other (or for I/O).
		say "$(printf '%-9s %-26s %5s %s' "" "" "" "-j 2 / -j 1: $(ratio "$rp2_mbps" "$rp_mbps"), voluntary switches $vcsw / $rp_vcsw")"
		if [ $have_rt = yes ]; then
			run "real $k rt" "$out/real-rt-$k.txt" chrt -f 50 $pin "$parallax" -j 1 --stats -t "$tax" "$real/corpus"
			rt1=-
			[ "$status" = 0 ] && rt1=$wall
			run "real $k rt j2" "$out/real-rt-j2-$k.txt" chrt -f 50 "$parallax" -j 2 --stats -t "$tax" "$real/corpus"
			rt2=-
			[ "$status" = 0 ] && rt2=$wall
			rt=$(ratio "$rt1" "$rt2")
			eval "rt_ratio_$k=\$rt"
			say "$(printf '%-9s %-26s %5s %s' "" "" "" "SCHED_FIFO: -j 1 $rt1 s, -j 2 $rt2 s: $rt")"
		fi
		[ $k = bundled ] && continue
		if [ $k = 100 ]; then
			run "real grep $k" "$out/real-grep-$k.txt" grep -r -F -i -w -c \
			    -f "$real/keywords-$k.txt" "$real/corpus"
			g_mbps=0
			[ "$status" = 0 ] && g_mbps=$(mbps "$rbytes" "$wall")
			rrow "" "grep -F -i -w -c" 1 "$status" "$g_mbps" "$wall" "$cpu" "$rss_kb" "$(sum_colon "$out/real-grep-$k.txt")"
		fi
		if [ $have_rg = yes ]; then
			rdir=$real/corpus rb=$rbytes what=""
			[ $k = 10000 ] && rdir=$real/corpus-100 rb=$rbytes100 what=", 1/100"
			run "real rg $k" "$out/real-rg-$k.txt" rg --no-ignore -F -i -w -c \
			    -f "$real/keywords-$k.txt" "$rdir"
			r_mbps=0
			[ "$status" = 0 ] && r_mbps=$(mbps "$rb" "$wall")
			eval "rr_mbps_$k=\$r_mbps"
			rrow "" "rg -F -i -w -c$what" "$(nproc)" "$status" "$r_mbps" "$wall" "$cpu" "$rss_kb" "$(sum_colon "$out/real-rg-$k.txt")"
		fi
		if [ -x "$builddir/tests/bench/bench_hyperscan" ]; then
			line=$($pin "$builddir/tests/bench/bench_hyperscan" "$real/keywords-$k.txt" \
			    "$real/bodies.txt" 2>&1)
			h_mbps=$(echo "$line" | sed -n 's/.*mb_s=\([^ ]*\).*/\1/p')
			eval "rh_mbps_$k=\${h_mbps:-0}"
			say "$(printf '%-9s %-26s %5s %8s %8s %8s %7s %10s' "" "Hyperscan, matching only" 1 \
			    "${h_mbps:--}" "$(echo "$line" | sed -n 's/.*scan_s=\([^ ]*\).*/\1/p')" "" "" \
			    "$(echo "$line" | sed -n 's/.*matches=\([^ ]*\).*/\1/p')")" \
			    "(compile $(echo "$line" | sed -n 's/.*compile_s=\([^ ]*\).*/\1/p') s)"
		fi
	done
	say ""
	say "count: parallax's is sentences a topic carries, summed; grep and rg count"
	say "matching lines (paragraphs), Hyperscan every match: the columns differ by"
	say "design.  Real text has many matches a paragraph, so none equals another."

	# Where one core's time goes on real text: each stage's instructions
	# (callgrind, inclusive), on one article in 25, with 1,000 keywords
	# and with the bundled taxonomy.
	if [ "${BENCH_PROFILE:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
		pbytes=$(bytes_of "$real/corpus-25")
		for k in 1000 bundled; do
			say ""
			say "== Profile on real text: callgrind, parallax -j 1 --stats, $(mbps "$pbytes" 1) MB (one article in 25), taxonomy $k"
			valgrind --tool=callgrind --callgrind-out-file="$out/callgrind-real-$k.out" \
			    "$parallax" -j 1 --stats -t "$real/taxonomy-$k.yaml" "$real/corpus-25" \
			    >/dev/null 2>"$out/callgrind-real-$k.err"
			callgrind_annotate --inclusive=yes --threshold=100 "$out/callgrind-real-$k.out" 2>/dev/null |
			    awk -v bytes="$pbytes" '
			    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
			    # A function as a symbol ("src/f.c:fn [binary]"), else as
			    # callgrind merged its lines ("/path/src/f.c:fn").
			    /src\/[a-z]*\.c:[a-z_]*( \[|$)/ {
				n = $1; gsub(",", "", n)
				f = $0; sub(/ \[.*/, "", f); sub(/.*:/, "", f)
				if ($0 ~ / \[/) { if (!(f in sym)) sym[f] = n }
				else if (!(f in merged)) merged[f] = n
			    }
			    END {
				for (f in merged) c[f] = merged[f]
				for (f in sym) c[f] = sym[f]
				k = 0
				name[++k] = "load the taxonomy, build the matcher"; v[k] = c["taxonomy_load_file"] + c["tagger_new"]
				name[++k] = "read (files, sniffing)"; v[k] = c["input_load_item"] - c["document_load_buffer"] - c["story_yield_document"]
				name[++k] = "front matter"; v[k] = c["frontmatter_read"]
				name[++k] = "decode, sanitise, paragraphs"; v[k] = c["document_load_buffer"] - c["frontmatter_read"] - c["segment_split_part"] - c["boilerplate_mark"]
				name[++k] = "split sentences"; v[k] = c["segment_split_part"]
				name[++k] = "boilerplate"; v[k] = c["boilerplate_mark"]
				name[++k] = "match (matcher_find)"; v[k] = c["matcher_find"]
				name[++k] = "record (topics, matches)"; v[k] = c["story_yield_document"] - c["matcher_find"]
				name[++k] = "count (--stats)"; v[k] = c["export_stats_add"]
				name[++k] = "free documents"; v[k] = c["document_free"]
				sum = 0
				for (i = 1; i <= k; i++) sum += v[i]
				name[++k] = "other (start, output, the pool)"; v[k] = total - sum
				printf "instructions per byte: %.1f (%.0f in all)\n", total / bytes, total
				for (i = 1; i <= k; i++)
					printf "  %-38s %6.1f%%  %6.1f / byte\n", name[i], 100 * v[i] / total, v[i] / bytes
			    }' | tee -a "$results"
		done
		# What two cores can give, whatever the load: the instructions
		# each thread of -j 2 runs.  The caller is one of the two: it
		# runs items between deliveries (pool.c), so the threads run
		# at once and total / busiest thread bounds the speedup from
		# above.
		say ""
		say "== Threads of -j 2: callgrind --separate-threads, all $(ls "$real/corpus" | wc -l) articles, 1,000 keywords"
		rm -f "$out"/callgrind-j2.out*
		valgrind --tool=callgrind --separate-threads=yes \
		    --callgrind-out-file="$out/callgrind-j2.out" \
		    "$parallax" -j 2 --stats -t "$real/taxonomy-1000.yaml" "$real/corpus" \
		    >/dev/null 2>"$out/callgrind-j2.err"
		for f in "$out"/callgrind-j2.out-*; do
			callgrind_annotate "$f" 2>/dev/null |
			    awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }'
		done | awk '{ v[++n] = $1; t += $1; if ($1 > w) w = $1 }
		    END {
			if (n < 2 || t == 0) { print "fewer than two threads ran"; exit }
			printf "caller %.1f%%, other threads", 100 * v[1] / t
			for (i = 2; i <= n; i++) printf " %.1f%%", 100 * v[i] / t
			printf "; bound on the speedup: %.2fx\n", t / w
		    }' | tee "$out/threads.txt" | tee -a "$results"
	fi
fi

# --- Profile: instructions, which a busy machine does not disturb -------
if [ "${BENCH_PROFILE:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
	prof=$out/profile-2
	generate "$prof" -s 2M -n 20 -k 100,1000
	pbytes=$(bytes_of "$prof/corpus")
	say ""
	say "== Profile: callgrind, parallax --stats, $(mbps "$pbytes" 1) MB, 1,000 keywords"
	valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
	    "$parallax" --stats -t "$prof/taxonomy-1000.yaml" "$prof/corpus" \
	    >/dev/null 2>"$out/callgrind.err"
	total=$(callgrind_annotate "$out/callgrind.out" 2>/dev/null |
	    awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }')
	say "instructions per byte: $(awk -v t="${total:-0}" -v b="$pbytes" 'BEGIN { printf "%.0f", t / b }')"
	callgrind_annotate "$out/callgrind.out" 2>/dev/null |
	    awk '/file:function/ { on = 1; getline; next }
	    on && /%/ && n < 10 { sub(/ \[.*/, ""); print; n++ }' |
	    tee -a "$results"
fi

# --- Scale: 100 to 10,000 sources ---------------------------------------
say ""
say "== Scale: sources of ${source_kb} KB, taxonomy of 1,000 keywords, one core"
say ""
say "$(printf '%-8s %8s %-10s %8s %8s %8s %8s %10s %10s' sources MB mode seconds cpu-s MB/s RSS-MB RSS/corpus s/1k-src)"
for n in $scale; do
	dir=$out/scale-$n
	generate "$dir" -k 100,1000 -s "$((n * source_kb))K" -n "$n"
	sbytes=$(bytes_of "$dir/corpus")
	for mode in --stats --json; do
		run "scale $n $mode" "$out/scale-$n$mode.txt" $pin "$parallax" \
		    $mode -t "$dir/taxonomy-1000.yaml" "$dir/corpus"
		if [ "$status" = 0 ]; then
			eval "scale_cpu${mode#--}=\$cpu scale_rss${mode#--}=\$rss_kb"
			scale_bytes=$sbytes
			say "$(printf '%-8s %8s %-10s %8s %8s %8s %8s %10s %10s' "$n" \
			    "$(mbps "$sbytes" 1)" "$mode" "$wall" "$cpu" "$(mbps "$sbytes" "$wall")" \
			    "$(awk -v r="$rss_kb" 'BEGIN { printf "%.0f", r / 1024 }')" \
			    "$(awk -v r="$rss_kb" -v b="$sbytes" 'BEGIN { printf "%.2fx", r * 1024 / b }')" \
			    "$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.3f", w * 1000 / n }')")"
		else
			say "$(printf '%-8s %8s %-10s %8s' "$n" "$(mbps "$sbytes" 1)" "$mode" "status $status")"
		fi
	done
	dirs="${dirs:-} $dir"
done
if [ -x "$builddir/tests/bench/bench_claims" ]; then
	# Issue 16's goal compares the largest story with one a quarter its
	# size: linked too (after the others), unless the scale has it.
	for n in $scale; do :; done
	q=$((n / 4))
	cdirs=$dirs
	case " $scale " in
	*" $q "*) ;;
	*)	generate "$out/scale-$q" -k 100,1000 -s "$((q * source_kb))K" -n "$q"
		cdirs="$dirs $out/scale-$q" ;;
	esac
	say ""
	say "== Claim linking alone (tests/bench/bench_claims on the stories above), one core"
	$pin "$builddir/tests/bench/bench_claims" $cdirs 2>&1 | tee "$out/claims.txt" |
	    tee -a "$results"
fi
if [ -x "$builddir/tests/bench/bench_retag" ]; then
	for n in $scale; do :; done
	say ""
	say "== Re-tag after a taxonomy edit: the $n-source story, 1,000 keywords, one core"
	$pin "$builddir/tests/bench/bench_retag" "$out/scale-$n/taxonomy-1000.yaml" \
	    "$out/scale-$n/corpus" 2>&1 | tee "$out/retag.txt" | tee -a "$results"
fi
if [ -x "$builddir/tests/bench/bench_taxonomy" ]; then
	say ""
	say "== Opening the bundled taxonomy (config/taxonomy.yaml): read, check, compile, one core"
	say "   (five processes: a first load in one varies by 40% on an idle machine;"
	say "   the goal is judged on their median)"
	: >"$out/taxload.txt"
	for i in 1 2 3 4 5; do
		$pin "$builddir/tests/bench/bench_taxonomy" "$srcdir/config/taxonomy.yaml" 2>&1 |
		    tee -a "$out/taxload.txt" | tee -a "$results"
	done
fi
# --- Interaction: key-to-screen latency in a pseudo-terminal ------------
if [ -x "$builddir/tests/bench/latency" ] && "$parallax" --help 2>/dev/null |
    grep -q -- --tui; then
	for n in $scale; do :; done
	dir=$out/scale-$n
	say ""
	say "== Key-to-screen latency: $n sources as one story, 160x48 pty, 50 presses a key"
	say "   (j/k move, J/K next/previous source, m open the coverage matrix, q close it;"
	say "   first frame: the loading screen; loaded: the sources read and tagged"
	say "   in the background; claims are then linked on a thread)"
	say "   keys pressed once the claims are linked (the reader's next redraw):"
	"$builddir/tests/bench/latency" -t "$timeout" -f "q quits" \
	    -w "linking claims" -r -n 50 -k jk -k JK -k mq \
	    -- "$parallax" --tui --no-state --one-story \
	    -t "$dir/taxonomy-1000.yaml" "$dir/corpus" 2>&1 |
	    tee "$out/latency.txt" | tee -a "$results"
	say "   keys pressed at once, while the claims are being linked:"
	"$builddir/tests/bench/latency" -t "$timeout" -f "q quits" \
	    -w "linking claims" -n 20 -k jk -k JK \
	    -- "$parallax" --tui --no-state --one-story \
	    -t "$dir/taxonomy-1000.yaml" "$dir/corpus" 2>&1 |
	    tee -a "$results"
	if [ -d "$real/corpus" ]; then
		nreal=$(ls "$real/corpus" | wc -l | tr -d ' ')
		say ""
		say "== Opening the real archive: $nreal AllSides articles, 160x48 pty"
		say "   (first frame: the loading screen; loaded: stories grouped, the"
		say "   story list shown; keys: j/k in the story list)"
		"$builddir/tests/bench/latency" -t "$timeout" -f "q quits" \
		    -w "unread" -n 20 -k jk \
		    -- "$parallax" --tui --no-state "$real/corpus" 2>&1 |
		    tee "$out/latency-real.txt" | tee -a "$results"
	fi
fi

# --- Article extraction against readability-lxml (issue 14) --------------
sh "$srcdir/tests/bench/extraction.sh" "$builddir" "$srcdir" | tee -a "$results"

# --- Goals: each of issue 9's targets beside what this run measured -----
# goal WHAT GOAL MEASURED VERDICT: one row of the summary.
goal() {
	say "$(printf '%-44s %-16s %-16s %s' "$1" "$2" "$3" "$4")"
}
# cmp MEASURED OP LIMIT: "met" or "missed (how far)", or "-" when unmeasured.
verdict() {
	awk -v m="$1" -v op="$2" -v l="$3" 'BEGIN {
	    if (m == "" || m == "-") { print "-"; exit }
	    ok = op == ">=" ? m + 0 >= l + 0 : m + 0 < l + 0
	    if (ok) print "met"; else printf "missed (%.2fx of goal)\n", m / l }'
}
wall_mbps() {	# bytes seconds, or - when unmeasured
	awk -v b="$1" -v w="$2" 'BEGIN { if (w + 0 > 0) printf "%.1f", b / 1048576 / w; else print "-" }'
}
say ""
say "== Goals (issue 9), one core; MB/s is corpus over the best wall time of"
say "   five runs pinned to one core (CPU time from rusage has only the"
say "   kernel's tick, 4 ms here, too coarse for runs of a tenth of a second)"
say ""
goal "what" "goal" "measured" "verdict"
for k in 100 1000 10000; do
	eval "c=\${p_wall_$k:-} ca=\${pa_wall_$k:-}"
	lim=250
	[ $k = 10000 ] && lim=150
	m=$(wall_mbps "$bytes" "$c")
	goal "parallax --stats, $k keywords, UTF-8" ">= $lim MB/s" "$m MB/s" "$(verdict "$m" ">=" $lim)"
	m=$(wall_mbps "$bytesa" "$ca")
	goal "parallax --stats, $k keywords, ASCII" ">= $lim MB/s" "$m MB/s" "$(verdict "$m" ">=" $lim)"
done
m=$(awk -v a="${p_wall_10000:-0}" -v b="${p_wall_100:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }')
goal "cost at 10,000 keywords / at 100" "<= 1.5x" "${m}x" "$(verdict "$m" "<" 1.5001)"
m=$(awk -v a="${p_wall_10000:-0}" -v b="${p_wall_100:-0}" -v fa="${p_fixed_10000:-0}" \
    -v fb="${p_fixed_100:-0}" 'BEGIN { if (a > fa && b > fb) printf "%.2f", (a - fa) / (b - fb); else print "-" }')
goal "the same less loading the taxonomy" "<= 1.5x" "${m}x" "$(verdict "$m" "<" 1.5001)"
m=$(awk -v f="${p_fixed_10000:-0}" 'BEGIN { if (f > 0) printf "%.1f", f * 1000; else print "-" }')
goal "loading 10,000 keywords (one-line story)" "(no goal)" "$m ms" ""
m=$(sed -n 's/.*first load \([0-9.]*\) ms.*/\1/p' "$out/taxload.txt" 2>/dev/null |
    sort -n | sed -n 3p)
goal "loading the bundled taxonomy, median of 5" "< 5 ms" "${m:--} ms" "$(verdict "$m" "<" 5)"
for k in 1000 10000; do
	eval "r=\${r_mbps_$k:-0}"
	want=3
	[ $k = 10000 ] && want=100
	m=$(awk -v c="$(wall_mbps "$bytes" "$(eval echo \${p_wall_$k:-})")" -v r="$r" \
	    'BEGIN { if (c + 0 > 0 && r + 0 > 0) printf "%.1f", c / r; else print "-" }')
	goal "vs ripgrep (both cores), $k keywords" ">= ${want}x" "${m}x" "$(verdict "$m" ">=" $want)"
done
m=$(awk -v r="${p_rss_10000:-0}" 'BEGIN { if (r > 0) printf "%.0f", r / 1024; else print "-" }')
goal "whole process RSS, 10,000 keywords" "< 50 MB" "$m MB" "$(verdict "$m" "<" 50)"
if [ -n "${scale_rssjson:-}" ]; then
	m=$(awk -v r="$scale_rssjson" -v b="$scale_bytes" 'BEGIN { printf "%.2f", r * 1024 / b }')
	goal "--json peak RSS / corpus, $n sources" "< 3x" "${m}x" "$(verdict "$m" "<" 3)"
fi
if [ -f "$out/latency.txt" ]; then
	m=$(awk '/^first frame:/ { print $3 }' "$out/latency.txt")
	goal "first frame, $n sources" "< 500 ms" "${m:--} ms" "$(verdict "$m" "<" 500)"
	m=$(awk '/^loaded:/ { print $2 }' "$out/latency.txt")
	goal "reader loaded, $n sources" "(no goal)" "${m:--} ms" ""
	for key in j k J K m q; do
		m=$(awk -v k="$key" '$1 == k && NF == 6 { print $4 }' "$out/latency.txt")
		goal "key $key p99, $n sources" "< 10 ms" "${m:--} ms" "$(verdict "$m" "<" 10)"
	done
fi
if [ -f "$out/latency-real.txt" ]; then
	m=$(awk '/^first frame:/ { print $3 }' "$out/latency-real.txt")
	goal "first frame, real archive" "< 500 ms" "${m:--} ms" "$(verdict "$m" "<" 500)"
	m=$(awk '/^loaded:/ { print $2 }' "$out/latency-real.txt")
	goal "real archive grouped, 2 cores" "< 3000 ms" "${m:--} ms" "$(verdict "$m" "<" 3000)"
fi
if [ -f "$out/claims.txt" ]; then
	m=$(awk '$2 ~ /^[0-9]+$/ {
	    if (n++ == 0 || $2 + 0 < lo) { lo = $2 + 0; lv = $5 }
	    if ($2 + 0 > hi) { hi = $2 + 0; hv = $5 } } END {
	    if (n > 1 && lv > 0) printf "%.2f", hv / lv; else print "-" }' "$out/claims.txt")
	goal "linking: ms/1k sentences, largest / smallest" "near 1x" "${m}x" "(near-linear if small)"
	for n in $scale; do :; done
	m=$(awk -v n="$n" '$1 == "corpus" && $2 == n { print $4 }' "$out/claims.txt")
	goal "linking, $n sources" "<= 5 cpu-s" "${m:--} cpu-s" "$(verdict "${m:--}" "<" 5.0001)"
	m=$(awk -v n="$n" -v q="$((n / 4))" '$1 == "corpus" && $2 == n { a = $4 }
	    $1 == "corpus" && $2 == q { b = $4 }
	    END { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }' "$out/claims.txt")
	goal "linking, 4x the sources ($((n / 4)) to $n)" "<= 5x" "${m}x" "$(verdict "$m" "<" 5.0001)"
fi
if [ -f "$out/retag.txt" ]; then
	m=$(sed -n 's/.*changes topics \([0-9.]*\) cpu-s.*/\1/p' "$out/retag.txt")
	goal "re-tag after an edit, $n sources" "(no goal)" "${m:--} cpu-s" ""
	m=$(sed -n 's/.*same taxonomy \([0-9.]*\) cpu-s.*/\1/p' "$out/retag.txt")
	goal "re-tag, taxonomy unchanged, $n sources" "(no goal)" "${m:--} cpu-s" ""
fi
if [ -n "${rp_mbps_100:-}" ]; then
	say ""
	say "== Goals on real text (issue 19): MB/s by the best wall time, and in"
	say "   brackets by CPU time, which other jobs on the machine disturb less"
	say "   (load average now: $(cut -d ' ' -f 1-3 /proc/loadavg))"
	say ""
	goal "what" "goal" "measured" "verdict"
	for k in 100 1000 10000 bundled; do
		lim=250
		[ $k = 10000 ] && lim=150
		[ $k = bundled ] && lim=200
		eval "m=\${rp_mbps_$k:-} c=\${rp_cpu_$k:-}"
		mc=$(wall_mbps "$rbytes" "$c")
		goal "real text, -j 1, $k keywords" ">= $lim MB/s" "$m ($mc) MB/s" "$(verdict "$m" ">=" $lim)"
	done
	m=$(awk -v a="${rp_mbps_100:-0}" -v b="${rp_mbps_10000:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }')
	goal "real text, cost at 10,000 / at 100" "<= 1.5x" "${m}x" "$(verdict "$m" "<" 1.5001)"
	for k in 1000 10000; do
		want=12
		[ $k = 10000 ] && want=300
		eval "p=\${rp_mbps_$k:-0} r=\${rr_mbps_$k:-0}"
		m=$(awk -v p="$p" -v r="$r" 'BEGIN { if (p > 0 && r > 0) printf "%.1f", p / r; else print "-" }')
		goal "real text vs rg (both cores), $k keywords" ">= ${want}x" "${m}x" "$(verdict "$m" ">=" $want)"
	done
	m=$(awk -v p="${rp_mbps_10000:-0}" -v h="${rh_mbps_10000:-0}" 'BEGIN { if (p > 0 && h > 0) printf "%.2f", p / h; else print "-" }')
	goal "real text, 10,000: parallax / Hyperscan" ">= 1x" "${m}x" "$(verdict "$m" ">=" 1)"
	for k in 100 1000 10000 bundled; do
		eval "a=\${rp2_mbps_$k:-0} b=\${rp_mbps_$k:-0}"
		m=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }')
		goal "real text, -j 2 / -j 1, $k keywords" ">= 1.7x" "${m}x" "$(verdict "$m" ">=" 1.7)"
	done
	for k in 100 1000 10000 bundled; do
		eval "m=\${rt_ratio_$k:--}"
		m=${m%x}
		goal "real text, -j 2 / -j 1 SCHED_FIFO, $k" ">= 1.7x" "${m}x" "$(verdict "$m" ">=" 1.7)"
	done
	if [ -f "$out/threads.txt" ]; then
		m=$(sed -n 's/.*speedup: \([0-9.]*\)x.*/\1/p' "$out/threads.txt")
		goal "real text, -j 2 bound by instructions, 1,000" ">= 1.7x" "${m:--}x" "$(verdict "${m:--}" ">=" 1.7)"
	fi
	m=$(awk -v r="${rp_rss_10000:-0}" 'BEGIN { if (r > 0) printf "%.0f", r / 1024; else print "-" }')
	goal "real text, RSS with 10,000 keywords" "< 50 MB" "$m MB" "$(verdict "$m" "<" 50)"
fi
say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "Results also in $results; generated data in $out (make bench-clean)."
