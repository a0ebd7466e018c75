#!/bin/sh
# URLs: a loopback server of the test's own (tests/httpd.py) serves pages,
# a feed, redirects, errors, a slow and an oversized answer, gzip, a gzip
# bomb, a reset connection and a legacy charset; parallax fetches them in
# parallel, caches them, revalidates them and reads them --offline.
. "$(dirname "$0")/lib.sh"
srcdir=${PARALLAX_SRCDIR:-.}
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }

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
check "a page that names no site: its domain is the outlet" \
	'grep -q "^$base/cp1252|127.0.0.1|Legacy|" "$tmp/sources"'
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
# TLS with a server that speaks none: a TLS failure, one message.
"$bin" --json "https://127.0.0.1:$(cat "$tmp/port")/page.html" "$base/feed.xml" \
	>/dev/null 2>"$tmp/tls"; rc=$?
check "a TLS failure is one message; the rest opens" \
	'[ $rc -eq 0 ] && [ $(wc -l <"$tmp/tls") -eq 1 ] && grep -q "^parallax: https://127.0.0.1:[0-9]*/page.html: " "$tmp/tls"'
check "no control characters in the messages" '! grep -q "$(printf "\033")" "$tmp/err"'
# libcurl is loaded when a URL is fetched, not at start-up.  Without it,
# each URL is one clear message and the rest opens.
check "libcurl is not among the libraries loaded at start-up" \
	'! LD_TRACE_LOADED_OBJECTS=1 "$bin" | grep -q libcurl'
printf 'A local file. It needs no libcurl.\n' >"$tmp/local.txt"
PARALLAX_LIBCURL=$tmp/no-libcurl.so.4 "$bin" --json "$base/page.html" \
	"$tmp/local.txt" "$base/feed.xml" >"$tmp/nocurl.json" 2>"$tmp/nocurl"; rc=$?
check "no libcurl: one message a URL; the file opens" \
	'[ $rc -eq 0 ] && [ $(wc -l <"$tmp/nocurl") -eq 2 ] && [ "$(sources "$tmp/nocurl.json" | cut -d"|" -f1)" = "$tmp/local.txt" ]'
check "no libcurl: the message says what is missing and what to install" \
	'grep -qx "parallax: $base/feed.xml: cannot load libcurl, which fetching URLs needs ($tmp/no-libcurl.so.4: .*): install the Debian package libcurl4" "$tmp/nocurl"'

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

# Every kind of input at once: a folder mixing an HTML page, RSS, Atom,
# Markdown and text, a newsboat cache (newsboat reloading the loopback
# feed), a URL and -, in --json, --jsonl and --report, metadata filled.
mkdir "$tmp/mixed"
# save URL FILE: the server's page, saved as a browser would.
save() {
	python3 -c 'import sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"User-Agent": "parallax/test"})
open(sys.argv[2], "wb").write(urllib.request.urlopen(req).read())' "$1" "$2"
}
save "$base/page.html" "$tmp/mixed/a-page.html"
save "$base/feed.xml" "$tmp/mixed/b-wire.rss"
cat >"$tmp/mixed/c-entry.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Harbour</title><entry><title>Harbour fees rise</title>
<link href="https://atom.example/fees"/><updated>2026-12-06T06:00:00Z</updated>
<author><name>P. Lind</name></author>
<summary>Harbour fees will rise in the new year, the port said.</summary></entry></feed>
ATOM
printf -- '---\noutlet: Markdown Monthly\ndate: 2026-12-01\nurl: https://md.example/x\n---\n# Harbour notes\n\nThe harbour is *busy* again, [officials](https://md.example/o) said.\n' \
	>"$tmp/mixed/d-notes.md"
printf 'Plain harbour notes. They have no metadata at all.\n' >"$tmp/mixed/e-plain.txt"
set -- "$tmp/mixed" "$base/page2.html" -
nb=""
if command -v newsboat >/dev/null 2>&1; then
	mkdir -p "$tmp/nbhome"
	echo "$base/feed.xml" >"$tmp/nburls"
	: >"$tmp/nbconfig"
	HOME=$tmp/nbhome timeout 60 newsboat -u "$tmp/nburls" -c "$tmp/nb.db" \
		-C "$tmp/nbconfig" -x reload >/dev/null 2>&1
	rm -f "$tmp/nb.db.lock"
	[ -s "$tmp/nb.db" ] && nb="--newsboat=$tmp/nb.db"
fi
printf 'Standard input has a harbour story too. It is short.\n' >"$tmp/in.txt"
"$bin" --json $nb "$@" <"$tmp/in.txt" >"$tmp/all.json" 2>"$tmp/err"; rc=$?
sources "$tmp/all.json" >"$tmp/all"
check "everything at once: --json exits 0, no message" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'
check "the page in the folder: outlet, title, date" \
	'grep -q "^$tmp/mixed/a-page.html|Loopback Times|Harbour reopens after the storm|.*|2026-12-05T09:00:00Z|" "$tmp/all"'
check "the RSS file: an item with its date" \
	'grep -q "^$tmp/mixed/b-wire.rss#1|Loopback Wire|Storm passes|http://127.0.0.1/storm|2026-12-04T18:00:00Z|" "$tmp/all"'
check "the Atom file: its entry" \
	'grep -q "^$tmp/mixed/c-entry.atom#1|Atom Harbour|Harbour fees rise|https://atom.example/fees|2026-12-06T06:00:00Z|" "$tmp/all"'
check "Markdown: front matter and rendered text" \
	'grep -q "^$tmp/mixed/d-notes.md|Markdown Monthly|.*|https://md.example/x|2026-12-01|.*The harbour is busy again, officials said." "$tmp/all"'
check "text: the file name as outlet" 'grep -q "^$tmp/mixed/e-plain.txt|e-plain|" "$tmp/all"'
check "the URL" 'grep -q "^$base/page2.html|Loopback Times|" "$tmp/all"'
check "standard input" 'grep -q "^-|.*|Standard input has a harbour story too." "$tmp/all"'
if [ -n "$nb" ]; then
	check "the newsboat cache: its items, with outlet and date" \
		'grep -q "^$tmp/nb.db#[0-9]*|Loopback Wire|Ships wait|http://127.0.0.1/ships|2026-12-05T07:00:00Z|" "$tmp/all"'
	check "the cache's items come first" 'head -n 1 "$tmp/all" | grep -q "^$tmp/nb.db#"'
fi
"$bin" --jsonl $nb "$@" <"$tmp/in.txt" >"$tmp/all.jsonl" 2>"$tmp/err"; rc=$?
check "everything at once: --jsonl" \
	'[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "\"outlet\":\"Atom Harbour\"" "$tmp/all.jsonl" && grep -q "\"source\":\"-\"" "$tmp/all.jsonl"'
"$bin" --report $nb "$@" <"$tmp/in.txt" >"$tmp/all.md" 2>"$tmp/err"; rc=$?
check "everything at once: --report" \
	'[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "Atom Harbour" "$tmp/all.md" && grep -q "Markdown Monthly" "$tmp/all.md"'

check_done
