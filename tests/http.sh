#!/bin/sh
# URLs: a loopback server of the test's own (tests/httpd.py) serves pages,
# a feed, redirects, errors, a slow and an oversized answer, gzip, a gzip
# bomb, a reset connection and a legacy charset; parallax fetches them in
# parallel, caches them, revalidates them and reads them --offline.
bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }
fail=0
pass=0
check() {
	if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

tmp=$(mktemp -d)
python3 "$srcdir/tests/httpd.py" "$tmp/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/port" ] || { echo "the test server did not start"; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")
# Short timeouts keep the slow page's test short; the cache is the test's.
PARALLAX_TIMEOUT=3
PARALLAX_CONNECT_TIMEOUT=2
XDG_CACHE_HOME=$tmp/cache
export PARALLAX_TIMEOUT PARALLAX_CONNECT_TIMEOUT XDG_CACHE_HOME
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
count() { python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1] + "/count").read().decode())' "$base"; }
# One line per source: path, outlet, title, url, date, then its text.
sources() {
	python3 -c '
import json, sys
for s in json.load(open(sys.argv[1]))["sources"]:
    text = " ".join(x["text"] for x in s["sentences"])
    print("|".join(str(s.get(k)) for k in ("path", "outlet", "title", "url", "date")) + "|" + text)
' "$1"
}

"$bin" --json "$base/page.html" "$base/feed.xml" "$base/redirect" \
	"$base/loop" "$base/404" "$base/500" "$base/slow" "$base/big" \
	"$base/gzip" "$base/bomb" "$base/cp1252" "$base/reset" "$base/to-file" \
	>"$tmp/out.json" 2>"$tmp/err"; rc=$?
sources "$tmp/out.json" >"$tmp/sources"
check "the pages that answer open (exit 0)" '[ $rc -eq 0 ]'
check "sources in argument order, a feed's items in its order" \
	'[ "$(cut -d"|" -f1 "$tmp/sources" | tr "\n" " ")" = "$base/page.html $base/feed.xml#1 $base/feed.xml#2 $base/redirect $base/gzip $base/cp1252 " ]'
check "a page: its article and metadata, not its navigation" \
	'grep -q "^$base/page.html|Loopback Times|Harbour reopens after the storm|$base/page.html|2026-12-05T09:00:00Z|The harbour reopened on Saturday morning" "$tmp/sources" && ! grep -q "Related:\|Home World" "$tmp/sources"'
check "a feed over HTTP: one source per item" \
	'grep -q "^$base/feed.xml#2|Loopback Wire|Ships wait|http://127.0.0.1/ships|2026-12-05T07:00:00Z|Dozens of ships" "$tmp/sources"'
check "a redirect: the page it leads to, its URL the final one" \
	'grep -q "^$base/redirect|Loopback Times|.*|$base/page2.html|" "$tmp/sources"'
check "gzip is undone" 'grep -q "^$base/gzip|Loopback Times|" "$tmp/sources"'
check "the server's charset decodes the page (cp1252 0x92 is ’)" \
	'grep -q "^$base/cp1252|.*The harbour master’s office" "$tmp/sources"'
check "one message per failed URL, nothing else" '[ $(wc -l <"$tmp/err") -eq 8 ]'
check "a redirect loop" 'grep -qx "parallax: $base/loop: too many redirects (more than 5)" "$tmp/err"'
check "404" 'grep -qx "parallax: $base/404: the server answered HTTP 404" "$tmp/err"'
check "500" 'grep -qx "parallax: $base/500: the server answered HTTP 500" "$tmp/err"'
check "a slow server times out" 'grep -q "^parallax: $base/slow: timed out" "$tmp/err"'
check "a body over the cap" 'grep -qx "parallax: $base/big: too large (the limit is 16 MiB)" "$tmp/err"'
check "a gzip bomb stops at the cap" 'grep -qx "parallax: $base/bomb: too large (the limit is 16 MiB)" "$tmp/err"'
check "a reset connection" 'grep -q "^parallax: $base/reset: .*reset" "$tmp/err"'
check "no redirect to a file:// URL" 'grep -q "^parallax: $base/to-file: .*file" "$tmp/err"'
check "no control characters in the messages" '! grep -q "$(printf "\033")" "$tmp/err"'

# Again: the page is revalidated (304), not downloaded; same output.
count >"$tmp/count1"
"$bin" --json "$base/page.html" >"$tmp/again.json" 2>"$tmp/err"; rc=$?
count >"$tmp/count2"
check "reopened from the cache after a 304" \
	'[ $rc -eq 0 ] && grep -qx "/page.html 304 1" "$tmp/count2" && grep -qx "/page.html 2" "$tmp/count2"'
check "the same source as the first time" \
	'sources "$tmp/again.json" | grep -q "^$base/page.html|Loopback Times|Harbour reopens after the storm|"'

# --offline: the cache only, the server never asked.
"$bin" --json --offline "$base/page.html" "$base/feed.xml" "$base/never" \
	>"$tmp/offline.json" 2>"$tmp/err"; rc=$?
count >"$tmp/count3"
check "--offline reads cached pages and feeds" \
	'[ $rc -eq 0 ] && [ $(sources "$tmp/offline.json" | wc -l) -eq 3 ]'
check "--offline: what is not cached is one message" \
	'grep -qx "parallax: $base/never: not in the cache (--offline)" "$tmp/err"'
check "--offline asks the server nothing" \
	'[ "$(grep -v "^/count" "$tmp/count2")" = "$(grep -v "^/count" "$tmp/count3")" ]'
check "the cache lives under \$XDG_CACHE_HOME/parallax" \
	'[ $(ls "$tmp/cache/parallax" | grep -c "\.body$") -ge 5 ]'

# -, file:// and a URL together, in --jsonl and --report too.
printf 'From standard input. It opens too.\n' >"$tmp/stdin.txt"
"$bin" --jsonl - "file://$tmp/stdin.txt" "$base/page.html" <"$tmp/stdin.txt" \
	>"$tmp/mixed.jsonl" 2>"$tmp/err"; rc=$?
check "--jsonl: stdin, a file:// URL and a URL" \
	'[ $rc -eq 0 ] && grep -q "\"source\":\"-\"" "$tmp/mixed.jsonl" && grep -q "\"source\":\"$tmp/stdin.txt\"" "$tmp/mixed.jsonl" && grep -q "\"source\":\"$base/page.html\"" "$tmp/mixed.jsonl"'
"$bin" --report "$base/page.html" "$base/feed.xml" >"$tmp/report.md" 2>"$tmp/err"; rc=$?
check "--report on URLs" '[ $rc -eq 0 ] && grep -q "Loopback Times" "$tmp/report.md"'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
