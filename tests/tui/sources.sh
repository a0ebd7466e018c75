#!/bin/sh
# Real inputs in the reader: a folder mixing an HTML page, RSS, Atom, a
# newsboat-saved article, Markdown and text opens whole; the source list
# shows each outlet and date, the article header the outlet, date, author
# and URL; o opens the URL in $BROWSER as one argument, with no shell.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml
tmp=$(mktemp -d)
trap 'stop_session; rm -rf "$tmp"' EXIT INT TERM HUP
mkdir "$tmp/story"
cat >"$tmp/story/a-page.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Karnet dam opens on the Orvis river</title>
<meta property="og:site_name" content="Upland Post">
<meta property="article:published_time" content="2026-12-04T08:00:00Z">
<link rel="canonical" href="https://upland.example/dam"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Karnet dam opens on the Orvis river</h1>
<p>The Karnet dam on the Orvis river opened on Friday after six years of
building, the Orvis water board said in a statement.</p>
<p>The Karnet dam will hold enough water for the Orvis valley's farms
through a dry summer, engineers said at the opening.</p></article></body></html>
EOF
cat >"$tmp/story/b-feed.rss" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>River Courier</title>
<item><title>Orvis farmers welcome the Karnet dam</title>
<link>https://courier.example/dam?a=1&amp;b=$(touch SHELLRAN);c='x y'</link>
<pubDate>Sat, 05 Dec 2026 10:00:00 GMT</pubDate><author>desk@courier.example (Ida Marsh)</author>
<description>&lt;p&gt;Farmers in the Orvis valley welcomed the Karnet dam on Saturday.&lt;/p&gt;</description></item>
</channel></rss>
EOF
cat >"$tmp/story/c-wire.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Delta Wire</title><entry><title>Orvis water board sets Karnet dam rules</title>
<link href="https://delta.example/rules"/><published>2026-12-06T07:30:00Z</published>
<author><name>Ola Berg</name></author>
<content type="html">&lt;p&gt;The Orvis water board set rules for the Karnet dam's first year.&lt;/p&gt;</content></entry></feed>
EOF
printf 'Feed: Hill Times\nTitle: Karnet dam on the Orvis opens\nAuthor: Nia Cole\nDate: Thu, 03 Dec 2026 12:00:00 +0000\nLink: https://hill.example/saved\n\nThe Karnet dam on the Orvis river opened, the Orvis water board said.\n' \
	>"$tmp/story/d-saved.txt"
printf -- '---\noutlet: Plain Notes\n---\nKarnet dam on the Orvis river: a note without a URL. The Orvis water board opened the dam.\n' >"$tmp/story/e-note.md"
cat >"$tmp/browser" <<EOF
#!/bin/sh
# Records its arguments, one a line, after their count.
printf '%s\n' "\$#" "\$@" >"$tmp/opened"
EOF
chmod +x "$tmp/browser"

start "cd $tmp && BROWSER='$tmp/browser' $bin --tui --no-state -t $tax $tmp/story" 120 30
check "the mixed folder opens" wait_for "Upland Post"
check "the source list: the feed's outlet" on_screen "River Cour"
check "the source list: the Atom feed's outlet" on_screen "Delta Wire"
check "the source list: the saved article's outlet" on_screen "Hill Times"
check "the source list: a date beside the outlet" on_screen "12-04"
check "the header: outlet, date, no author" on_screen "Upland Post · 2026-12-04 08:00 UTC"
check "the header: the page's URL" on_screen "https://upland.example/dam"
check "the page's article, not its navigation" on_screen "The Karnet dam on the Orvis river opened"
keys J
check "the feed item's header: outlet, date and author" \
    wait_for "River Courier · 2026-12-05 10:00 UTC · by desk@courier.example"
keys o
check "o runs \$BROWSER" wait_until [ -s "$tmp/opened" ]
check "the URL is one argument, as the feed gave it" \
    [ "$(cat "$tmp/opened")" = "1
https://courier.example/dam?a=1&b=\$(touch SHELLRAN);c='x y'" ]
check "no shell saw the URL" [ ! -e "$tmp/SHELLRAN" ]
check "the reader is back after the browser" wait_for "opened https://courier.example/dam"
check "the article is drawn again" on_screen "Farmers in the Orvis valley welcomed"
keys J J
check "the saved article's header" wait_for "Hill Times · 2026-12-03 12:00 UTC · by Nia Cole"
check "its header is not text" off_screen "Feed: Hill Times"
keys J
check "a source without a URL" wait_for "Plain Notes"
keys o
check "o says there is no URL" wait_for "this source has no URL"
keys q
check "q quits" wait_for "[exit 0]"

# No $BROWSER: xdg-open, found on PATH, gets the URL.
mkdir "$tmp/bin"
cp "$tmp/browser" "$tmp/bin/xdg-open"
rm -f "$tmp/opened"
start "PATH=$tmp/bin:\$PATH $bin --tui --no-state -t $tax $tmp/story/c-wire.atom" 100 24
check "an Atom entry alone opens" wait_for "Delta Wire · 2026-12-06 07:30 UTC · by Ola Berg"
keys o
check "o without \$BROWSER runs xdg-open" wait_until [ -s "$tmp/opened" ]
check "xdg-open gets the URL" [ "$(cat "$tmp/opened")" = "1
https://delta.example/rules" ]
keys q
check "q quits" wait_for "[exit 0]"

finish
