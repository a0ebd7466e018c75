#!/bin/sh
# The reader draws at once and loads behind its first frame: progress in
# the status line while a slow URL is fetched, q quitting during the
# loading, the story once loaded; progress on stderr only when it is a
# terminal; `r` and the watched folder reading the sources again (an
# edit, a new file, a deleted one) with the reader kept where it was.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }

tmp=$(mktemp -d)
trap 'stop_session; [ -n "${server:-}" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM HUP
# Absolute paths: the tmux shell starts in the server's directory.
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $fixtures in /*) ;; *) fixtures=$(pwd)/$fixtures ;; esac
HOME=$tmp/home
XDG_CACHE_HOME=$tmp/cache
export HOME XDG_CACHE_HOME
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
mkdir -p "$HOME"

# The loopback server of tests/http.sh: /slow answers after 10 s.
serve() {
	rm -f "$tmp/port"
	python3 "$srcdir/tests/httpd.py" "$tmp/port" &
	server=$!
	i=0
	while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$tmp/port" ] || { echo "the test server did not start"; exit 1; }
	slow=http://127.0.0.1:$(cat "$tmp/port")/slow
}
serve

# A fetch that times out after 5 s (long enough for a key to reach the
# loading screen under load): the loading screen shows it, then the
# story opens with the URL's failure in the status line.
start "PARALLAX_TIMEOUT=5 $bin --tui --no-state $fixtures $slow"
check "first frame while fetching" wait_for "fetching 1 URL"
check "the loading screen says how to quit" on_screen "q quits"
keys j
check "a key during loading: told to wait" wait_for "still loading: q quits"
check "the story once loaded" wait_for "Harbour Gazette"
check "the failed URL in the status line" wait_for "/slow:"

# quickly TEXT: TEXT on screen within 6 s, not the usual 20.
quickly() {
	q_wait=${TUI_WAIT:-20}
	TUI_WAIT=6
	wait_for "$1"
	q_rc=$?
	TUI_WAIT=$q_wait
	return $q_rc
}

# q while fetching a page that takes 10 s: out well before it would come.
start "PARALLAX_TIMEOUT=30 $bin --tui --no-state $fixtures $slow"
check "fetching (q test)" wait_for "fetching 1 URL"
keys q
check "q quits during the loading at once" quickly "[exit 0]"

# Progress on stderr when it is a terminal, wiped at the end; none when not.
start "PARALLAX_TIMEOUT=3 $bin --json $fixtures $slow > $tmp/out.json"
check "stderr progress on a terminal" wait_for "parallax: fetching URLs: 0 of 1"
check "the progress line is wiped at the end" wait_for "[exit 0]"
check "only the failure stays" off_screen "fetching URLs"
PARALLAX_TIMEOUT=2 "$bin" --json "$fixtures" "$slow" >"$tmp/out.json" 2>"$tmp/err"
check "no progress when stderr is not a terminal" \
    sh -c "! grep -q 'fetching\\|reading sources' '$tmp/err' && grep -q '/slow:' '$tmp/err'"
kill $server 2>/dev/null
server=

# Standard input is read once, though the reader reads the sources twice
# (grouping them, then the one story).
start "$bin --tui --no-state - < $fixtures/01-harbour-gazette.md"
check "- in the reader: the article from stdin" wait_for "Varen dam deal signed"

# r and the watched folder.
src=$tmp/story
mkdir -p "$src"
cp "$fixtures"/*.md "$fixtures"/*.txt "$src"/
start "$bin --tui --no-state $src"
check "the folder opens" wait_for "Harbour Gazette"
check "three sources" wait_for "│1/3 "
keys r
check "r reads the sources again" wait_for "reloaded 3 -> 3 sources"
# The second source, its third sentence: kept across the reloads.
keys J j j
check "on the second source" wait_for "│2/3 · sentence 3/"
sed 's/Upstream state agrees to dry-season release/Upstream state yields on water/' \
    "$src/02-morning-ledger.md" >"$tmp/edit" && cat "$tmp/edit" >"$src/02-morning-ledger.md"
keys r
check "r after an edit: the edited article" wait_for "Upstream state yields on water"
check "the same source and sentence" wait_for "│2/3 · sentence 3/"
cat >"$src/00-river-times.md" <<'EOF'
---
outlet: River Times
title: Dam deal ends four-year dispute over the Varen
date: 2026-03-14
---
The two states signed the Varen dam agreement on Saturday.

Farmers on both banks welcomed the release of water in the dry season.
EOF
check "a new file, watched: the line says so" wait_for "reloaded 3 -> 4 sources"
check "a new file, watched: listed without a key" on_screen "River Tim"
check "the reader stays on its source and sentence" wait_for "│3/4 · sentence 3/"
rm "$src/00-river-times.md"
check "a deleted file, watched: gone" wait_gone "River Tim"
check "three sources again" wait_for "│2/3 · sentence 3/"
keys q
check "q quits" wait_for "[exit 0]"

# The story list: r and the watched folder group the archive again, the
# cursor staying on its story.
marked() {
	screen | grep -F "$(printf '\342\226\266')" | grep -qF -- "$1"
}
mkdir "$tmp/archive"
cp "$fixtures"/* "$srcdir"/tests/tui/wide/* "$srcdir"/config/sample/* \
    "$tmp/archive/"
start "$bin --tui --no-state -t $srcdir/tests/tui/taxonomy.yaml $tmp/archive" 100 24
check "the archive's story list" wait_for "3 stories"
keys / V a r e n Enter
check "on the Varen story" wait_until marked "Varen dam deal"
cat >"$tmp/archive/09-sky.md" <<'EOF'
---
outlet: Sky Weekly
title: Orbital telescope finds icy comet beyond Neptune
date: 2025-07-02
---
Astronomers using an orbital telescope found an icy comet far beyond Neptune.
EOF
check "a new story's file, watched: grouped again" wait_for "4 stories"
check "the line says so" on_screen "reloaded: 4 stories"
check "the cursor stays on its story" marked "Varen dam deal"
rm "$tmp/archive/09-sky.md"
check "its file deleted: gone again" wait_for "3 stories"
# Any key clears the line, so r's own message is the one waited for.
keys C-l
check "the line cleared" wait_gone "reloaded:"
keys r
check "r in the story list groups again" wait_for "reloaded: 3 stories"
check "the cursor still on its story" wait_until marked "Varen dam deal"
keys q
check "q quits the story list" wait_for "[exit 0]"

finish
