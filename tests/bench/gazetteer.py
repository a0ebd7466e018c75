#!/usr/bin/env python3
"""Mine entity gazetteers from real text, the shape of a watch-list taxonomy.

    gazetteer.py [-k 100,1000,10000] BODIES OUTDIR

reads BODIES (plain UTF-8 text, allsides.py --bodies-only) and, for each K,
writes OUTDIR/taxonomy-K.yaml (the K most frequent capitalised phrases of
one to three words, 50 a topic, one level) and OUTDIR/keywords-K.txt (the
same phrases one a line, for grep -f, rg -f and bench_hyperscan).  The sets
are nested: the first 100 of the 1,000 are the 100.

A capitalised phrase is a run of one to three words that each start with a
capital letter (ASCII letters, digits, apostrophes and hyphens inside),
inside a longer run of such words ("White House", "Supreme Court",
"Donald Trump").  The first word of a sentence or paragraph is not counted
as capitalised (it would make "But" and "In" the commonest entities), nor
is a single word that occurs as often in lower case ("The" in "The New
York Times", "President"): matched caseless, as the benchmark matches,
it would hit every other sentence, which no watch-list keyword does.
Ties break alphabetically, so the output is deterministic.
"""

import argparse
import collections
import os
import re
import sys

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*|[.!?\u201c\u201d\"]|\n")
TOPIC_KEYWORDS = 50


def mine(text):
    counts = collections.Counter()
    lower = collections.Counter()
    run = []
    sentence_start = True

    def flush():
        for n in (1, 2, 3):
            for i in range(len(run) - n + 1):
                counts[" ".join(run[i:i + n])] += 1
        run.clear()

    for m in WORD.finditer(text):
        w = m.group(0)
        if w in ".!?\n":
            flush()
            sentence_start = True
            continue
        if w in "\u201c\u201d\"":
            flush()
            continue
        if sentence_start:
            sentence_start = False
            flush()
            continue
        w = w.rstrip("'\u2019-")
        if w.islower():
            lower[w] += 1
        if w[:1].isupper() and len(w) > 1:
            run.append(w)
        else:
            flush()
    flush()
    for p in [p for p in counts if " " not in p]:
        if lower[p.lower()] >= counts[p]:
            del counts[p]
    return counts


def quoted(phrase):
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-k", default="100,1000,10000")
    ap.add_argument("bodies")
    ap.add_argument("outdir")
    args = ap.parse_args()
    sizes = sorted(int(k) for k in args.k.split(","))
    with open(args.bodies, encoding="utf-8") as f:
        counts = mine(f.read())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    phrases = [p for p, _ in ranked[:sizes[-1]]]
    if len(phrases) < sizes[-1]:
        print(f"gazetteer.py: only {len(phrases)} phrases", file=sys.stderr)
        return 1
    os.makedirs(args.outdir, exist_ok=True)
    for k in sizes:
        with open(os.path.join(args.outdir, f"taxonomy-{k}.yaml"), "w",
                  encoding="utf-8") as tax:
            tax.write(f"# Mined by gazetteer.py: the {k} most frequent "
                      f"capitalised phrases, {TOPIC_KEYWORDS} a topic.\n"
                      "version: 1\ntopics:\n")
            for i, p in enumerate(phrases[:k]):
                if i % TOPIC_KEYWORDS == 0:
                    n = i // TOPIC_KEYWORDS + 1
                    tax.write(f"  - id: g{n:05d}\n    label: Gazetteer {n}\n"
                              "    keywords:\n")
                tax.write(f"      - {quoted(p)}\n")
        with open(os.path.join(args.outdir, f"keywords-{k}.txt"), "w",
                  encoding="utf-8") as kw:
            kw.write("".join(p + "\n" for p in phrases[:k]))
    print(f"{len(counts)} distinct phrases; the {sizes[-1]}th occurs "
          f"{ranked[sizes[-1] - 1][1]} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
