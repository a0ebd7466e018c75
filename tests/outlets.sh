#!/bin/sh
# Outlet profiles from the command line: --check-outlets, --outlets and
# $PARALLAX_OUTLETS, leaning counts, blindspots and the timeline in --json
# and --report; then the bundled outlets.yaml against the development
# data: every outlet with 20 or more articles in ../shared/data/allsides-dev
# gets a profile by its name alone, with the leaning the data set gives it
# (that part is skipped when the data is absent).
. "$(dirname "$0")/lib.sh"
src=${PARALLAX_SRCDIR:-.}
data=${PARALLAX_SHARED:-../shared}/data/allsides-dev/articles.jsonl.xz
tmp=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$tmp"' EXIT

printf 'version: 1\noutlets:\n  - name: A\n    leaning: centre\n    kidn: wire\n' >"$tmp/bad.yaml"
"$bin" --check-outlets="$tmp/bad.yaml" >/dev/null 2>"$tmp/err"; rc=$?
check "--check-outlets=FILE on a bad file exits 1" '[ $rc -eq 1 ]'
check "every error as FILE:LINE:COL: message" 'grep -q "^$tmp/bad.yaml:4:14: unknown leaning .centre." "$tmp/err" && grep -q "^$tmp/bad.yaml:5:5: unknown key .kidn. (did you mean .kind.?)" "$tmp/err"'
PARALLAX_OUTLETS="$tmp/bad.yaml" "$bin" --json "$src/config/sample" >/dev/null 2>&1; rc=$?
check "a bad outlets file from the environment exits 1" '[ $rc -eq 1 ]'
"$bin" --outlets="$tmp/bad.yaml" --check-outlets >/dev/null 2>&1; rc=$?
check "--outlets is what --check-outlets checks" '[ $rc -eq 1 ]'

# Four outlets state one thing; three of them are on the right.
mkdir "$tmp/story"
printf 'version: 1\noutlets:\n  - {name: R1, leaning: right}\n  - {name: R2, aliases: [r2.example], leaning: right}\n  - {name: R3, leaning: right}\n  - {name: L1, leaning: left, country: GB, kind: paper}\n' >"$tmp/o.yaml"
n=0
for o in "R1 2020-03-14T12:00:00Z" "Some Name 2020-03-14T10:30:00+01:00" "R3 2020-03-14" "L1 Sat, 14 Mar 2020 11:00:00 +0000" "Nobody 2020-03-14T09:00:00Z"; do
	n=$((n + 1))
	name=${o%% 2020*}; name=${name%% Sat*}; date=${o#"$name "}
	url=; [ "$name" = "Some Name" ] && url="url: https://www.r2.example/x"
	printf -- '---\noutlet: %s\ndate: %s\n%s\n---\n\nThe council of Karsk approved the new water treaty on Monday after a long debate.\n' "$name" "$date" "$url" >"$tmp/story/$n.md"
done
"$bin" --outlets="$tmp/o.yaml" --json "$tmp/story" >"$tmp/story.json"; rc=$?
check "--json with --outlets exits 0" '[ $rc -eq 0 ]'
python3 - "$tmp/story.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
src = {s["id"]: s for s in d["sources"]}
assert d["outlets"]["leanings"] == ["left", "center", "right"], d["outlets"]
assert src["s2"]["profile"]["name"] == "R2", src["s2"]       # by URL
assert src["s4"]["profile"] == {"name": "L1", "leaning": "left",
                                "country": "GB", "kind": "paper"}
assert src["s5"]["profile"] is None                         # unrated
assert src["s2"]["published"] == "2020-03-14T09:30:00Z"
assert src["s3"]["published"] is None and src["s3"]["unplaced"] == "date only"
assert d["leanings"] == {"left": 1, "center": 0, "right": 3, "unrated": 1}
assert d["blindspot"] == "right", d["blindspot"]
shared = [c for c in d["claims"] if len(c["sources"]) == 5]
assert len(shared) == 1, [c["sources"] for c in d["claims"]]
c = shared[0]
assert c["blindspot"] == "right" and c["leanings"]["right"] == 3
assert c["first_source"] == "s5", c["first_source"]
assert c["delays"] == {"s1": 10800, "s2": 1800, "s3": None, "s4": 7200,
                       "s5": 0}, c["delays"]
PY
check "profiles, leaning counts, blindspot, first_source and delays in --json" '[ $? -eq 0 ]'
"$bin" --outlets="$tmp/o.yaml" --report "$tmp/story" >"$tmp/report.md"
check "--report counts outlets by leaning" 'grep -q "^Outlets: left 1, center 0, right 3, unrated 1. \*\*Blindspot:\*\* carried mostly by the right.$" "$tmp/report.md"'
check "--report lists the blindspot claims" 'grep -A3 "^### Blindspot claims" "$tmp/report.md" | grep -q "the right: left 1, center 0, right 3, unrated 1"'

if [ ! -f "$data" ] || ! command -v python3 >/dev/null; then
	echo "SKIP: the bundled file against $data"
	echo "$pass passed, $fail failed"
	[ $fail -eq 0 ]
	exit
fi
out=$("$bin" --check-outlets="$src/config/outlets.yaml" 2>&1); rc=$?
check "the bundled outlets.yaml loads clean" '[ $rc -eq 0 ] && echo "$out" | grep -q ": ok, "'

# One source per outlet, named by the data set, with a sentence of our own.
mkdir "$tmp/data"
xz -dc "$data" | python3 -c '
import collections, json, sys
count = collections.Counter()
bias = {}
for line in sys.stdin:
    a = json.loads(line)
    count[a["source"]] += 1
    bias[a["source"]] = a["bias_text"]
names = sorted(s for s, n in count.items() if n >= 20)
with open(sys.argv[1] + "/expected", "w") as f:
    for i, s in enumerate(names):
        with open("%s/%03d.md" % (sys.argv[1], i), "w") as src:
            src.write("---\noutlet: %s\n---\n\nThe council met on Monday.\n"
                      % json.dumps(s))
        f.write("%s\t%s\n" % (s, bias[s]))
' "$tmp/data"
n=$(wc -l <"$tmp/data/expected")
check "the data has outlets with 20+ articles" '[ "$n" -ge 30 ]'
"$bin" --json "$tmp/data" >"$tmp/data/out.json"; rc=$?
check "--json on one source per outlet" '[ $rc -eq 0 ]'
python3 -c '
import json, sys
d = json.load(open(sys.argv[1] + "/out.json"))
want = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1] + "/expected"))
bad = 0
for s in d["sources"]:
    p = s["profile"]
    if p is None or p["leaning"] != want[s["outlet"]]:
        print("FAIL: %s: profile %r, want leaning %s"
              % (s["outlet"], p, want[s["outlet"]]))
        bad += 1
sys.exit(1 if bad or len(d["sources"]) != len(want) else 0)
' "$tmp/data"
check "every such outlet matches by name with its data set leaning" '[ $? -eq 0 ]'
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
kinds = {s["profile"]["name"]: s["profile"]["kind"] for s in d["sources"] if s["profile"]}
sys.exit(0 if all(kinds.get(n) == "wire" for n in ("Associated Press", "Reuters")) else 1)
' "$tmp/data/out.json"
check "AP and Reuters are wires" '[ $? -eq 0 ]'
echo "AFP" | sed 's/.*/---\noutlet: Agence France-Presse\n---\n\nThe council met on Monday./' >"$tmp/data/afp.md"
"$bin" --json "$tmp/data/afp.md" >"$tmp/afp.json"
check "AFP: a wire, unrated" 'grep -q "\"profile\":{\"name\":\"AFP\",\"leaning\":null,\"country\":\"FR\",\"kind\":\"wire\"}" "$tmp/afp.json"'

check_done
