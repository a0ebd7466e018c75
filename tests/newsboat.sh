#!/bin/sh
# newsboat as a real client: it reloads local RSS 2.0, RSS 1.0 and Atom
# feeds (file:// URLs, no network) into a cache.db of its own making, and
# parallax opens that cache (--newsboat) read only.
. "$(dirname "$0")/lib.sh"
command -v newsboat >/dev/null 2>&1 || { echo "newsboat is not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home"
cat >"$tmp/gazette.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<description>Port news</description>
<item><title>Port strike ends after talks</title>
<link>https://gazette.example/strike</link>
<guid>https://gazette.example/strike</guid>
<pubDate>Sat, 05 Dec 2026 09:30:00 +0100</pubDate><dc:creator>Ana Ruiz</dc:creator>
<description>A summary that the full text replaces.</description>
<content:encoded><![CDATA[<p>The dock workers&rsquo; union said on Saturday that the strike <b>had ended</b>.</p>
<p>Talks lasted nine hours, officials said.</p><script>track()</script>]]></content:encoded></item>
<item><title>Ferry timetable changes</title><link>https://gazette.example/ferry</link>
<guid>https://gazette.example/ferry</guid>
<pubDate>Sun, 06 Dec 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Ferries will leave every hour from Monday.&lt;/p&gt;</description></item>
</channel></rss>
EOF
cat >"$tmp/ledger.rdf" <<'EOF'
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://ledger.example/"><title>Morning Ledger</title>
<link>https://ledger.example/</link><description>Council news</description>
<items><rdf:Seq><rdf:li rdf:resource="https://ledger.example/vote"/></rdf:Seq></items></channel>
<item rdf:about="https://ledger.example/vote"><title>Council backs the harbour plan</title>
<link>https://ledger.example/vote</link><dc:date>2026-12-04T18:00:00+01:00</dc:date>
<dc:creator>K. Obi</dc:creator>
<description>The council voted for the plan on Friday evening.</description></item>
</rdf:RDF>
EOF
cat >"$tmp/wire.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title>
<id>urn:wire</id><updated>2026-12-06T10:00:00Z</updated>
<link href="https://wire.example/"/>
<entry><title>Bridge reopens to traffic</title><id>urn:wire:bridge</id>
<link rel="alternate" href="https://wire.example/bridge"/>
<published>2026-12-05T22:15:00-05:00</published><updated>2026-12-06T10:00:00Z</updated>
<author><name>J. Doe</name></author>
<content type="html">&lt;p&gt;The bridge reopened on Saturday night.&lt;/p&gt;&lt;p&gt;Traffic resumed at once.&lt;/p&gt;</content></entry>
</feed>
EOF
printf 'file://%s/gazette.rss\nfile://%s/ledger.rdf\nfile://%s/wire.atom\n' \
	"$tmp" "$tmp" "$tmp" >"$tmp/urls"
: >"$tmp/config"
HOME=$tmp/home timeout 60 newsboat -u "$tmp/urls" -c "$tmp/cache.db" \
	-C "$tmp/config" -x reload >"$tmp/nb.out" 2>&1; rc=$?
check "newsboat reloads the local feeds" '[ $rc -eq 0 ] && [ -s "$tmp/cache.db" ]'
[ -s "$tmp/cache.db" ] || { echo "$pass passed, $fail failed"; exit 1; }
rm -f "$tmp/cache.db.lock"
sum=$(cksum <"$tmp/cache.db")

"$bin" --json --newsboat="$tmp/cache.db" >"$tmp/out.json" 2>"$tmp/err"; rc=$?
check "--newsboat=FILE exits 0" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'
# One line per source: outlet, title, url, date, author, then its text.
python3 - "$tmp/out.json" >"$tmp/sources" <<'EOF'
import json, sys
for s in json.load(open(sys.argv[1]))["sources"]:
    text = " ".join(x["text"] for x in s["sentences"])
    print("|".join(str(s.get(k)) for k in ("outlet", "title", "url", "date", "author")) + "|" + text)
EOF
check "four items, one source each" '[ $(wc -l <"$tmp/sources") -eq 4 ]'
check "RSS 2.0 item: outlet, title, url, date in UTC, author" \
	'grep -qxF "Harbour Gazette|Port strike ends after talks|https://gazette.example/strike|2026-12-05T08:30:00Z|Ana Ruiz|The dock workers’ union said on Saturday that the strike had ended. Talks lasted nine hours, officials said." "$tmp/sources"'
check "RSS 2.0 item with an escaped HTML description" \
	'grep -qxF "Harbour Gazette|Ferry timetable changes|https://gazette.example/ferry|2026-12-06T08:00:00Z|None|Ferries will leave every hour from Monday." "$tmp/sources"'
check "RSS 1.0 item" \
	'grep -qxF "Morning Ledger|Council backs the harbour plan|https://ledger.example/vote|2026-12-04T17:00:00Z|K. Obi|The council voted for the plan on Friday evening." "$tmp/sources"'
check "Atom entry: the published date" \
	'grep -qxF "Valley Wire|Bridge reopens to traffic|https://wire.example/bridge|2026-12-06T03:15:00Z|J. Doe|The bridge reopened on Saturday night. Traffic resumed at once." "$tmp/sources"'
check "no script text" '! grep -q track "$tmp/sources"'
check "the cache is unchanged and no journal is left" \
	'[ "$(cksum <"$tmp/cache.db")" = "$sum" ] && [ ! -e "$tmp/cache.db-journal" ] && [ ! -e "$tmp/cache.db.lock" ]'

# --newsboat alone finds the cache where newsboat keeps it.
mkdir -p "$tmp/xdg/newsboat"
cp "$tmp/cache.db" "$tmp/xdg/newsboat/cache.db"
XDG_DATA_HOME=$tmp/xdg "$bin" --jsonl --newsboat >"$tmp/default.jsonl" 2>"$tmp/err"; rc=$?
check "--newsboat: \$XDG_DATA_HOME/newsboat/cache.db" \
	'[ $rc -eq 0 ] && grep -q "\"source\":\"$tmp/xdg/newsboat/cache.db#" "$tmp/default.jsonl"'
mkdir -p "$tmp/home2/.newsboat"
cp "$tmp/cache.db" "$tmp/home2/.newsboat/cache.db"
HOME=$tmp/home2 XDG_DATA_HOME= "$bin" --report --newsboat >/dev/null 2>"$tmp/err"; rc=$?
check "--newsboat: ~/.newsboat/cache.db" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'
HOME=$tmp/home XDG_DATA_HOME= "$bin" --json --newsboat >/dev/null 2>"$tmp/err"; rc=$?
check "--newsboat with no cache: one message naming it, exit 1" \
	'[ $rc -eq 1 ] && grep -q "^parallax: $tmp/home/.local/share/newsboat/cache.db: " "$tmp/err"'

# A bad cache is one message; the other sources still open.
printf 'SQLite format 3\000 and then nothing a database holds' >"$tmp/corrupt.db"
sample=${PARALLAX_SRCDIR:-.}/config/sample
"$bin" --json --newsboat="$tmp/corrupt.db" "$sample" >"$tmp/out.json" 2>"$tmp/err"; rc=$?
check "a corrupt cache: one message, the rest opens" \
	'[ $rc -eq 0 ] && [ $(wc -l <"$tmp/err") -eq 1 ] && grep -q "^parallax: $tmp/corrupt.db: not a newsboat cache" "$tmp/err"'
# newsboat writing (an exclusive lock held): waited for, then a message.
python3 - "$tmp/cache.db" "$tmp/locked" <<'EOF' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("ROLLBACK")
EOF
locker=$!
i=0
while [ ! -e "$tmp/locked" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
"$bin" --json --newsboat="$tmp/cache.db" "$sample" >/dev/null 2>"$tmp/err"; rc=$?
check "a locked cache: one message, the rest opens" \
	'[ $rc -eq 0 ] && grep -q "^parallax: $tmp/cache.db: the cache is busy" "$tmp/err"'
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null

# An article saved with newsboat's s key, newsboat driving a terminal in
# tmux: its header (blank lines written as one space) is metadata, and the
# link markers it puts in the text ("said on Saturday[1]", "[image 3]")
# and its closing links list are not prose.
if command -v tmux >/dev/null 2>&1; then
	cat >"$tmp/links.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Quay Post</title><link>https://quay.example/</link>
<description>Harbour news</description>
<item><title>Dockers return to work</title><link>https://quay.example/return</link>
<guid>https://quay.example/return</guid><pubDate>Sat, 05 Dec 2026 09:30:00 +0100</pubDate>
<content:encoded><![CDATA[<p>The dock workers' union <a href="https://quay.example/union">said on Saturday</a> that its members went back to work, after talks <a href="https://quay.example/talks">lasting nine hours</a> ended the strike.</p>
<p>A photo: <img src="https://quay.example/a.jpg" alt="the quay"> <img src="https://quay.example/b.jpg" title="Quay at dawn"> The talks were the union's second round [2] this year, <a href="https://quay.example/round">its leader said</a>.</p>
<p><video src="https://quay.example/v.mp4"></video> Ships were unloaded again by noon.</p>]]></content:encoded></item>
</channel></rss>
EOF
	mkdir "$tmp/nbhome"
	printf 'file://%s/links.rss\n' "$tmp" >"$tmp/links.urls"
	HOME=$tmp/nbhome timeout 60 newsboat -u "$tmp/links.urls" \
		-c "$tmp/links.db" -C "$tmp/config" -x reload >/dev/null 2>&1
	sock=parallax-newsboat-$$
	nb_tmux() { tmux -L "$sock" -f /dev/null "$@"; }
	# nb_wait TEXT: polls the screen until TEXT is on it (20 s at most).
	nb_wait() {
		i=0
		while ! nb_tmux capture-pane -p -t 0 2>/dev/null | grep -qF -- "$1"; do
			[ $i -lt 400 ] || return 1
			sleep 0.05
			i=$((i + 1))
		done
	}
	nb_tmux new-session -d -x 100 -y 30 "cd '$tmp' && TERM=screen HOME='$tmp/nbhome' newsboat -u '$tmp/links.urls' -c '$tmp/links.db' -C '$tmp/config'"
	nb_wait "Quay Post" && nb_tmux send-keys -t 0 Enter &&
		nb_wait "Dockers return" && nb_tmux send-keys -t 0 s &&
		nb_wait "File:" && nb_tmux send-keys -t 0 Enter &&
		nb_wait "Saved article to"
	nb_tmux kill-server >/dev/null 2>&1
	saved=$(ls "$tmp/nbhome/"*.txt 2>/dev/null | head -n 1)
	check "newsboat saves an article with s" \
		'[ -s "$saved" ] && grep -q "^Links: " "$saved" && grep -q "Saturday\[1\]" "$saved"'
	"$bin" --json "$saved" >"$tmp/saved.json" 2>"$tmp/err"; rc=$?
	python3 - "$tmp/saved.json" >"$tmp/saved.out" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["sources"][0]
print("|".join(str(s.get(k)) for k in ("outlet", "title", "url", "date")))
for x in s["sentences"]:
    print(x["text"])
EOF
	check "the saved article opens" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'
	check "its header is metadata" \
		'head -n 1 "$tmp/saved.out" | grep -qxF "Quay Post|Dockers return to work|https://quay.example/return|2026-12-05T08:30:00Z"'
	check "link markers are out of the prose" \
		"grep -qxF \"The dock workers' union said on Saturday that its members went back to work, after talks lasting nine hours ended the strike.\" \"\$tmp/saved.out\""
	check "image and video markers are out; the text's own [2] stays" \
		"grep -qxF \"A photo: The talks were the union's second round [2] this year, its leader said.\" \"\$tmp/saved.out\" && grep -qxF 'Ships were unloaded again by noon.' \"\$tmp/saved.out\""
	check "the links list is out" '[ $(grep -c "https://" "$tmp/saved.out") -eq 1 ]'
fi

check_done
