#!/bin/sh
# A real story where outlets differ on a figure (AllSides corpus, Egypt,
# 2013-08-15): the New York Times has the Health Ministry count 235
# civilians killed, the Washington Times 525.  Builds both sources in a
# temporary directory and checks that --json and --report show the
# discrepancy, and that the two sentences are not one claim.
bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
corpus=${PARALLAX_SHARED:-../shared}/data/allsides-dev/articles.jsonl.xz
if [ ! -r "$corpus" ]; then
	echo "SKIP: $corpus is absent"; exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is absent"; exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM HUP
printf 'story test\nset tune\narticle XoZAkkWDAjdU2NaG fRnSFjp7TKa74ZUC\n' \
    >"$tmp/story.gold"
python3 "$srcdir/tests/claims-gold/gold.py" build "$corpus" "$tmp/story.gold" \
    "$tmp/src" || exit 1
fail=0
"$bin" --json -t "$srcdir/config/taxonomy.yaml" "$tmp/src" >"$tmp/out.json" ||
    exit 1
python3 - "$tmp/out.json" <<'PY' || fail=1
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
found = [d for d in j["discrepancies"]
         if (d["a"]["figure"], d["b"]["figure"]) == ("235", "525")]
if len(found) != 1:
    sys.exit("FAIL: no discrepancy 235 / 525: %s" % j["discrepancies"])
d = found[0]
src = {s["id"]: s for s in j["sources"]}
for side, outlet, words in (("a", "New York Times", "235 civilians"),
                            ("b", "Washington Times", "525 civilians")):
    s = src[d[side]["source"]]
    text = s["sentences"][d[side]["index"]]["text"]
    if not s["outlet"].startswith(outlet) or words not in text:
        sys.exit("FAIL: side %s is %s: %s" % (side, s["outlet"], text))
    raw = text.encode("utf-8")[d[side]["start"]:d[side]["end"]]
    if raw.decode("utf-8") != d[side]["figure"]:
        sys.exit("FAIL: side %s's span is not its figure" % side)
if d["a"]["claim"] == d["b"]["claim"]:
    sys.exit("FAIL: the two figures are one claim")
print("ok: --json has the 235 / 525 discrepancy, %d in all"
      % len(j["discrepancies"]))
PY
"$bin" --report -t "$srcdir/config/taxonomy.yaml" "$tmp/src" >"$tmp/report.md" ||
    exit 1
if grep -q '^## Discrepancies' "$tmp/report.md" &&
    grep -q 'said that \*\*235\*\* civilians' "$tmp/report.md" &&
    grep -q 'at least \*\*525\*\* civilians' "$tmp/report.md"; then
	echo "ok: --report lists it"
else
	echo "FAIL: --report does not list it"; fail=1
fi
exit $fail
