#!/bin/sh
# An HTML page in the reader: its title above the article, its headings
# in bold on lines of their own, the navigation around it gone.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"; stop_session' EXIT INT TERM HUP
cat >"$tmp/page.html" <<'HTML'
<!DOCTYPE html><html><head><title>Bridge closes | Valley Times</title>
<meta property="og:site_name" content="Valley Times"></head><body>
<nav><a href="/">Home page</a> <a href="/news">All news</a></nav><article>
<h1>Bridge closes</h1><p>The council voted on Tuesday to shut the old bridge to lorries after engineers found cracks in two piers.</p>
<h2>Detour ahead</h2><p>Residents of the east bank said the detour would add twenty minutes to each trip into town.</p>
<p>The mayor said a temporary footbridge would open in May, paid for from the reserves of the council.</p>
</article></body></html>
HTML

start "$bin --tui -t $tax $tmp/page.html" 100 30
check "opens with the page's title" wait_for "Bridge closes"
check "the outlet is the site's name" wait_for "Valley Times"
check "the heading is shown" wait_for "Detour ahead"
check "the navigation is gone" off_screen "Home page"
sgr=$(tmux_cmd capture-pane -e -p -t 0)
esc=$(printf '\033')
check "the heading is bold" \
    sh -c 'printf "%s\n" "$1" | grep "Detour ahead" | grep -q "$2\[1m"' sh "$sgr" "$esc"
check "the prose after it is not" \
    sh -c '! printf "%s\n" "$1" | grep "Residents of the east" | grep -q "$2\[1m"' sh "$sgr" "$esc"
keys q
check "quits" wait_for "[exit 0]"

finish
