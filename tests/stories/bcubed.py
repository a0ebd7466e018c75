#!/usr/bin/env python3
"""B-cubed precision, recall and F1 of parallax's stories on the labelled set.

    bcubed.py PARALLAX GOLD SET WORKDIR

builds the sources of SET ("tune" or "held") of GOLD (tests/stories/gold.tsv)
from the AllSides articles (tests/bench/allsides.py, at run time, in WORKDIR),
runs `PARALLAX --stories --json` on them and prints the three figures.  An
article labelled "-" is a story of its own.  Exit 77 when the data is absent.
"""

import json
import os
import re
import subprocess
import sys


def main():
    parallax, gold_path, which, work = sys.argv[1:5]
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        aid, split, label = line.rstrip("\n").split("\t")
        if split == which:
            gold[aid] = label if label != "-" else "single:" + aid
    here = os.path.dirname(os.path.abspath(__file__))
    conv = os.path.join(here, "..", "bench", "allsides.py")
    args = [sys.executable, conv]
    for aid in sorted(gold):
        args += ["--id", aid]
    src = os.path.join(work, which)
    rc = subprocess.run(args + [src], stdout=subprocess.DEVNULL).returncode
    if rc != 0:
        return rc
    out = subprocess.run([parallax, "--stories", "--json", src],
                         capture_output=True, check=True, text=True).stdout
    found = {}
    for story in json.loads(out)["stories"]:
        for s in story["sources"]:
            with open(s["path"], encoding="utf-8") as f:
                m = re.search(r'^id: "?([^"\n]*?)"?$', f.read(4096), re.M)
            found[m.group(1)] = story["id"]
    missing = set(gold) - set(found)
    if missing:
        print("not in the output:", sorted(missing))
        return 1
    p = r = 0.0
    for a in gold:
        same_found = [b for b in gold if found[b] == found[a]]
        same_gold = [b for b in gold if gold[b] == gold[a]]
        both = sum(1 for b in same_found if gold[b] == gold[a])
        p += both / len(same_found)
        r += both / len(same_gold)
    p /= len(gold)
    r /= len(gold)
    f1 = 2 * p * r / (p + r)
    nstories = len({v for v in gold.values() if not v.startswith("single:")})
    print(f"{which}: {len(gold)} articles, {nstories} stories: "
          f"B-cubed precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    if "-v" in os.environ.get("BCUBED", ""):
        by = {}
        for a in gold:
            by.setdefault(found[a], []).append(gold[a])
        for k, v in by.items():
            if len(set(v)) > 1 or len(v) < sum(1 for x in gold.values() if x == v[0]):
                print("  ", k, v)
    return 0 if p >= 0.85 and r >= 0.85 and f1 >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main())
