#!/bin/sh
# libxml2 is loaded when a feed is read, not at start-up (src/xmlapi.c):
# without it, each feed is one clear message and the rest opens.
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in one two; do
	cat >"$tmp/$f.rss" <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Port strike ends</title><link>https://gazette.example/$f</link>
<description>The dock workers&#8217; union said on Saturday that the strike had ended.</description></item>
</channel></rss>
EOF2
done
printf 'A local file. It needs no libxml2.\n' >"$tmp/local.txt"
# One source a line: its path.
paths() {
	python3 -c '
import json, sys
for s in json.load(open(sys.argv[1]))["sources"]:
    print(s["path"])
' "$1"
}

check "libxml2 is not among the libraries loaded at start-up" \
	'! LD_TRACE_LOADED_OBJECTS=1 "$bin" | grep -q libxml2'
"$bin" --json "$tmp/one.rss" "$tmp/local.txt" >"$tmp/feed.json" 2>"$tmp/err"; rc=$?
check "with libxml2, a feed reads" \
	'[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$(paths "$tmp/feed.json" | tr "\n" " ")" = "$tmp/one.rss#1 $tmp/local.txt " ]'
PARALLAX_LIBXML2=$tmp/no-libxml2.so.2 "$bin" --json "$tmp/one.rss" \
	"$tmp/local.txt" "$tmp/two.rss" >"$tmp/noxml.json" 2>"$tmp/noxml"; rc=$?
check "no libxml2: one message a feed; the file opens" \
	'[ $rc -eq 0 ] && [ $(wc -l <"$tmp/noxml") -eq 2 ] && [ "$(paths "$tmp/noxml.json")" = "$tmp/local.txt" ]'
check "no libxml2: the message says what is missing and what to install" \
	'grep -qx "parallax: $tmp/two.rss: cannot load libxml2, which reading feeds needs ($tmp/no-libxml2.so.2: .*): install the Debian package libxml2" "$tmp/noxml"'
PARALLAX_LIBXML2=libz.so.1 "$bin" --json "$tmp/one.rss" "$tmp/local.txt" \
	>/dev/null 2>"$tmp/notxml"; rc=$?
check "a library that is not libxml2: one message naming what it lacks" \
	'[ $rc -eq 0 ] && [ "$(cat "$tmp/notxml")" = "parallax: $tmp/one.rss: libz.so.1 has no xmlNewParserCtxt: libxml2 2.9 or later is needed" ]'

check_done
