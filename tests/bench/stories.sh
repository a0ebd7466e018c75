#!/bin/sh
# make bench, stories: --stories on the whole AllSides development archive
# (7,754 real articles, about 50 MB) and on a 10x synthetic scale-up of it,
# time and peak RSS side by side.  The scale-up is ten copies of the
# archive, each moved fifteen years later (dates, URLs; the archive spans
# thirteen, so no copy overlaps another; by 5,480 days, a whole number of
# group.c's 4-day buckets, as grouping on busy days depends a little on
# where the buckets fall), as more years of
# the same news would be: grouping must cost near-linearly more.  Goals
# (issue 15): 10x costs at most 12x the time; 1x under 5 s on one core;
# peak RSS under 3x the corpus.  Needs python3 and ../shared/data.
set -u
builddir=${BENCH_BUILDDIR:-.}
srcdir=${BENCH_SRCDIR:-.}
timeout=${BENCH_TIMEOUT_STORIES:-1800}
out=$builddir/tests/bench/out/stories
parallax=$builddir/parallax
measure=$builddir/tests/bench/measure
results=$builddir/tests/bench/out/stories.txt

command -v python3 >/dev/null 2>&1 || { echo "bench stories: no python3"; exit 0; }
mkdir -p "$out"
if [ ! -f "$out/x1.done" ]; then
	rm -rf "$out/x1"
	python3 "$srcdir/tests/bench/allsides.py" "$out/x1" >/dev/null ||
	    { echo "bench stories: no AllSides data, skipped"; exit 0; }
	touch "$out/x1.done"
fi
if [ ! -f "$out/x10.done" ]; then
	rm -rf "$out/x10"
	python3 - "$out/x1" "$out/x10" <<'PY'
import datetime, os, re, sys
src, dst = sys.argv[1:3]
os.makedirs(dst)
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    for k in range(10):
        def day(m):
            try:
                d = datetime.date.fromisoformat(m.group(1))
            except ValueError:
                return m.group(0)
            return 'date: %s' % (d + datetime.timedelta(days=5480 * k))
        # allsides.py writes plain values where YAML allows, quoted ones
        # otherwise: both are moved, or the copies would meet.
        t = re.sub(r'^date: "?([0-9-]{10})"?$', day, text, count=1, flags=re.M)
        t = re.sub(r'^(url: "?)([^"\n]*)', r'\1\2#copy%d' % k, t, count=1,
                   flags=re.M)
        with open(os.path.join(dst, "%d-%s" % (k, name)), "w",
                  encoding="utf-8") as f:
            f.write(t)
PY
	touch "$out/x10.done"
fi

pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin="taskset -c 0"
fi
: >"$results"
say() {
	printf '%s\n' "$*" | tee -a "$results"
}
say ""
say "Stories: --stories -j1 on one core, AllSides archive and its 10x scale-up"
say "(CPU = user + sys; wall is shown too, but judge on CPU on a shared machine)"
say ""
printf '| %-8s | %7s | %8s | %7s | %8s | %8s | %7s | %7s |\n' archive sources \
    "MB" stories "CPU s" "wall s" "RSS MB" "RSS/MB" | tee -a "$results"
say "| --- | --- | --- | --- | --- | --- | --- | --- |"
for x in x1 x10; do
	bytes=$(find "$out/$x" -name "*.md" -exec cat {} + | wc -c | tr -d ' ')
	n=$(ls "$out/$x" | wc -l | tr -d ' ')
	line=$($measure -t "$timeout" -o "$out/$x.tsv" $pin "$parallax" -j1 \
	    --stories "$out/$x" 2>"$out/$x.err")
	cpu=$(echo "$line" | awk '{ split($2, u, "="); split($3, s, "=");
	    printf "%.2f", u[2] + s[2] }')
	wall=$(echo "$line" | sed 's/.*wall=\([^ ]*\).*/\1/')
	rss=$(echo "$line" | sed 's/.*maxrss_kb=\([^ ]*\).*/\1/')
	stories=$(($(wc -l <"$out/$x.tsv") - 1))
	mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
	printf '| %-8s | %7s | %8s | %7s | %8s | %8s | %7s | %7s |\n' "$x" "$n" \
	    "$mb" "$stories" "$cpu" "$wall" \
	    "$(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }')" \
	    "$(awk -v r="$rss" -v b="$bytes" 'BEGIN { printf "%.2f", r * 1024 / b }')" |
	    tee -a "$results"
	eval "cpu_$x=$cpu rss_$x=$rss bytes_$x=$bytes stories_$x=$stories"
done
say ""
ratio=$(awk -v a="$cpu_x10" -v b="$cpu_x1" 'BEGIN { printf "%.2f", a / b }')
verdict() {	# CONDITION
	if awk "BEGIN { exit !($1) }"; then echo met; else echo missed; fi
}
say "| goal | measured | verdict |"
say "| --- | --- | --- |"
say "| 10x costs <= 12x the CPU time of 1x | ${ratio}x | $(verdict "$ratio <= 12") |"
say "| 1x groups in < 5 s on one core | $cpu_x1 s | $(verdict "$cpu_x1 < 5") |"
say "| 1x peak RSS < 3x the corpus | $(awk -v r="$rss_x1" -v b="$bytes_x1" 'BEGIN { printf "%.2f", r * 1024 / b }')x | $(verdict "$rss_x1 * 1024 < 3 * $bytes_x1") |"
say "| 10x peak RSS < 3x the corpus | $(awk -v r="$rss_x10" -v b="$bytes_x10" 'BEGIN { printf "%.2f", r * 1024 / b }')x | $(verdict "$rss_x10 * 1024 < 3 * $bytes_x10") |"
say "| 10x finds 10x the stories (the copies never meet) | $stories_x10 = 10 x $stories_x1? | $(verdict "$stories_x10 == 10 * $stories_x1") |"
