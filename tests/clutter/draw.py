#!/usr/bin/env python3
"""Draws a fresh clutter sample: 300 body sentences, 150 of under 70
characters and 150 longer, one an AllSides article, from articles in none
of the samples given, so a sample is drawn the same way every session and
no earlier reading can have seen it.

Articles are taken in the order of the SHA-1 of SALT and their ID; each
gives the sentence its hash picks among its sentences as parallax reads
the whole archive (--jsonl --stories, the reading clutter.py scores), to
the bucket of its length until both are full.  Writes the sample's rows
(clutter.py's format, labelled "?") to OUT.tsv and, for the reader only,
each sentence with the two before and after it and its paragraph to
OUT.txt, which holds article text and stays out of the project.  Nothing
says whether a sentence is marked: label before any figure is printed.

usage: draw.py PARALLAX SHARED_DATA SALT SET OUT SAMPLE...
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clutter  # noqa: E402

SHORT = 70
EACH = 150
CONTEXT = 2


def order(salt, ids):
    return sorted(ids, key=lambda i: hashlib.sha1(
        (salt + i).encode("utf-8")).hexdigest())


def main(argv):
    if len(argv) < 6:
        sys.exit(__doc__)
    parallax, data, salt, part, out = argv[1:6]
    seen = {r["id"] for r in clutter.load(argv[6:])}
    with tempfile.TemporaryDirectory() as tmp:
        clutter.build([], data, tmp)
        docs = {}
        run = subprocess.run([parallax, "--jsonl", "--stories", tmp],
                             capture_output=True, check=True)
        for line in run.stdout.decode("utf-8").splitlines():
            s = json.loads(line)
            aid = os.path.basename(s["source"]).rsplit(".", 1)[0]
            docs.setdefault(aid, []).append(s)
    picked = {"short": [], "long": []}
    for aid in order(salt, set(docs) - seen):
        sents = docs[aid]
        pick = int(hashlib.sha1((salt + "/" + aid).encode("utf-8"))
                   .hexdigest(), 16) % len(sents)
        bucket = "short" if len(sents[pick]["text"]) < SHORT else "long"
        if len(picked[bucket]) < EACH:
            picked[bucket].append((aid, pick))
        if all(len(b) == EACH for b in picked.values()):
            break
    rows = order(salt + "#", ["%s %d" % p for b in picked.values() for p in b])
    with open(out + ".tsv", "w", encoding="utf-8") as tsv, \
            open(out + ".txt", "w", encoding="utf-8") as txt:
        tsv.write("# n\tset\tcorpus\tid\tindex\tsha1\tlabel\n")
        for n, row in enumerate(rows):
            aid, pick = row.split()
            sents = docs[aid]
            s = sents[int(pick)]
            sha = hashlib.sha1(s["text"].encode("utf-8")).hexdigest()[:10]
            tsv.write("%d\t%s\tallsides-dev\t%s\t%d\t%s\t?\n"
                      % (n, part, aid, s["index"], sha))
            txt.write("=== %d %s %s [%d of %d]\n" % (
                n, aid, s["outlet"], s["index"], len(sents)))
            lo = max(0, int(pick) - CONTEXT)
            for c in sents[lo:int(pick) + CONTEXT + 1]:
                txt.write("%s p%d %s\n" % (">>" if c is s else "  ",
                                           c["paragraph"], c["text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
