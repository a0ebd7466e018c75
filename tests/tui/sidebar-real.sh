#!/bin/sh
# The claim pane on a real story (AllSides, 2018-08-16, Brennan's revoked
# security clearance: USA TODAY, The Hill, Reuters), built from ../shared/data at run time, at 80 and 160 columns:
# claims two outlets carry show their dots and run on to a second line,
# z folds the claims only one source carries, and none of the site's
# furniture reaches the pane (The Hill's name cards and their headlines,
# Reuters' photo credits, USA TODAY's video boxes and captions).
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
data=${PARALLAX_SHARED:-../shared}/data/allsides-dev/articles.jsonl.xz
if [ ! -r "$data" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: $data or python3 is absent"
	exit 77
fi
tax=$srcdir/config/taxonomy.yaml
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"; stop_session' EXIT INT TERM HUP
python3 - "$data" "$tmp" <<'PY' || exit 1
import json, lzma, os, sys
wanted = {"4Lu9dPld6WTdi7MH", "dhM2MqSMrJ8ES7ls", "pGYeFM8I2ULjHKBf"}
with lzma.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        if a["ID"] not in wanted:
            continue
        wanted.discard(a["ID"])
        with open(os.path.join(sys.argv[2], a["ID"] + ".txt"), "w",
                  encoding="utf-8") as g:
            g.write("---\n")
            for key, field in (("outlet", "source"), ("title", "title"),
                               ("date", "date"), ("url", "url")):
                g.write("%s: %s\n" % (key, json.dumps(a[field])))
            g.write("---\n" + a["content_original"] + "\n")
sys.exit(1 if wanted else 0)
PY

# The claim pane's text: what is right of the second vertical border.
pane() {
	screen | sed -n 's/^│[^│]*│[^│]*│//p'
}
pane_has() {
	pane | grep -qF -- "$1"
}
pane_lacks() {
	! pane | grep -qF -- "$1"
}
# The row below the first holding dots of two outlets or more goes on
# with words.
two_lines() {
	pane | grep -A1 -E '●[○●]*●' | sed -n 2p | grep -q '^    *[A-Za-z"“]'
}
# No furniture in the pane: the shapes its lines take in these sources.
# "USA TODAY" alone under the byline is the site's name.
clean() {
	! pane | grep -E ' MORE\b|REUTERS/|^ *CLOSE |Donald John|\(Photo:|ADVERTISEMENT|Hide Caption|Sign up|only here USA TODAY *│? *$'
}

for cols in 80 160; do
	start "$bin --tui --no-state -t $tax $tmp/*.txt" "$cols" 200
	check "$cols: opens" wait_for "Reuters"
	check "$cols: claims of several outlets" wait_until pane_has "●●"
	check "$cols: a claim's text runs on to a second line" two_lines
	check "$cols: no furniture in USA TODAY's claims" clean
	keys BTab j
	check "$cols: The Hill's claims" wait_until pane_has "○●●"
	check "$cols: no furniture in them" clean
	keys j
	check "$cols: Reuters' claims" wait_until pane_has "○○●"
	check "$cols: no furniture in them" clean
	keys z
	check "$cols: z folds the claims only here" \
	    wait_until pane_lacks "○○● 1/3 only here"
	check "$cols: and counts them" wait_until pane_has "only here"
	check "$cols: still no furniture" clean
	keys q
	check "$cols: quits" wait_for "[exit 0]"
done

finish
