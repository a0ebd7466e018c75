#!/bin/sh
# HTML and Markdown sources through the real binary: a folder mixing
# .html, .md and .txt, the same page on standard input (-), metadata and
# headings in --json, and a page with no article reported on one line
# while the others still open.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/story"

prose="The council voted on Tuesday to close the old bridge to lorries, after engineers found cracks in two of its piers."
cat >"$tmp/story/a-page.html" <<HTML
<!DOCTYPE html><html><head><title>Bridge closes | Valley Times</title>
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta name="author" content="Ann Lee">
<link rel="canonical" href="https://valley.example/bridge">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge closes</h1><p>$prose</p><h2>Detour</h2>
<p>Residents of the east bank, who cross it every day, said the detour would add twenty minutes to each trip.</p>
<p>The mayor said a temporary footbridge would open in May, paid for from the council's reserves.</p>
<p>Engineers will inspect the other two bridges over the river next month, the council said on Wednesday.</p>
</article><footer>Copyright Valley Times</footer></body></html>
HTML
printf '%s\n' '---' 'outlet: Ledger' '---' '# Bridge shut' '' 'Lorries are **banned** from the [bridge](https://x.example).' >"$tmp/story/b-notes.md"
printf '%s\n' 'Plain wire copy about the bridge.' >"$tmp/story/c-wire.txt"
printf '%s\n' '<html><body><nav><a href="/a">Home</a><a href="/b">World</a></nav></body></html>' >"$tmp/story/d-nav.html"

"$bin" --json "$tmp/story" >"$tmp/out.json" 2>"$tmp/err"; rc=$?
check "a folder with a page that has no article still opens" '[ $rc -eq 0 ]'
check "the page with no article is one line" '[ $(wc -l <"$tmp/err") -eq 1 ] && grep -q "d-nav.html: no article found" "$tmp/err"'
check "three sources open" '[ $(grep -o "\"id\":\"s[0-9]*\"" "$tmp/out.json" | sort -u | wc -l) -eq 3 ]'
check "HTML outlet, title, url, date, author" 'grep -q "\"outlet\":\"Valley Times\",\"title\":\"Bridge closes\",\"url\":\"https://valley.example/bridge\",\"date\":\"2024-03-05T09:30:00Z\",\"author\":\"Ann Lee\"" "$tmp/out.json"'
check "the HTML heading is marked" 'grep -q "\"text\":\"Detour\",\"boilerplate\":false,\"heading\":true" "$tmp/out.json"'
check "prose is not marked as a heading" '! grep -q "lorries, after engineers.*\"heading\":true,\"topics\"" "$tmp/out.json"'
# Sentence texts only: the taxonomy's labels ("Homeland security") are in
# the JSON too.
check "navigation and footer are left out" '! grep -q "\"text\":\"[^\"]*\(Home\|Copyright\)" "$tmp/out.json"'
check "Markdown rendered: marks and URL dropped" 'grep -q "\"text\":\"Lorries are banned from the bridge.\"" "$tmp/out.json"'
check "Markdown heading is the title" 'grep -q "\"outlet\":\"Ledger\",\"title\":\"Bridge shut\"" "$tmp/out.json"'

# The same page on standard input: found by its content.
"$bin" --json - <"$tmp/story/a-page.html" >"$tmp/stdin.json" 2>"$tmp/err"; rc=$?
check "- reads an HTML page from stdin" '[ $rc -eq 0 ] && grep -q "\"title\":\"Bridge closes\"" "$tmp/stdin.json" && grep -q "\"heading\":true" "$tmp/stdin.json"'

# A legacy charset: windows-1252's 0x92 is a right single quote.
printf '<html><head><meta charset="windows-1252"></head><body><p>It\222s %s</p></body></html>' "$prose" >"$tmp/cp.html"
"$bin" --json "$tmp/cp.html" >"$tmp/cp.json"
check "windows-1252 is decoded" 'grep -q "It’s The council" "$tmp/cp.json"'

check_done
