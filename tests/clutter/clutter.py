#!/usr/bin/env python3
"""The clutter sample (tests/clutter/sample.tsv): 300 body sentences of the
development data, 150 of under 70 characters and 150 longer, read by hand
and labelled furniture, prose or heading (IDs, offsets and a hash only, no
text).  Builds the sources in a temporary directory, reads them with the
real binary (--jsonl) and prints, for the tuning two thirds and the held-out
third, the share of furniture marked boilerplate and the prose and
headings marked; fails below CLUTTER_FLOORS.

usage: clutter.py PARALLAX SHARED_DATA SAMPLE
"""
import gzip
import hashlib
import json
import lzma
import os
import subprocess
import sys
import tempfile


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            n, part, corpus, aid, index, sha, label = line.rstrip("\n").split("\t")
            rows.append({"n": int(n), "set": part, "corpus": corpus, "id": aid,
                         "index": int(index), "sha1": sha, "label": label})
    return rows


def build(rows, data, out):
    """Each article of the sample as a source: an AllSides article as text
    with front matter, as the claims gold set builds them; a benchmark page
    as its HTML."""
    wanted = {r["id"] for r in rows if r["corpus"] == "allsides-dev"}
    paths = {}
    with lzma.open(os.path.join(data, "allsides-dev", "articles.jsonl.xz"), "rt",
                   encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["ID"] not in wanted:
                continue
            path = os.path.join(out, a["ID"] + ".txt")
            with open(path, "w", encoding="utf-8") as g:
                g.write("---\n")
                for key, field in (("outlet", "source"), ("title", "title"),
                                   ("date", "date"), ("url", "url")):
                    g.write("%s: %s\n" % (key, json.dumps(a[field])))
                g.write("---\n" + a["content_original"] + "\n")
            paths[a["ID"]] = path
    for aid in {r["id"] for r in rows if r["corpus"] == "article-extraction"}:
        path = os.path.join(out, aid + ".html")
        with gzip.open(os.path.join(data, "article-extraction", "html",
                                    aid + ".html.gz")) as f, open(path, "wb") as g:
            g.write(f.read())
        paths[aid] = path
    missing = {r["id"] for r in rows} - set(paths)
    if missing:
        sys.exit("articles not in the data: " + " ".join(sorted(missing)))
    return paths


def read(parallax, paths):
    """Each source's sentences by article ID, as --jsonl gives them."""
    run = subprocess.run([parallax, "--jsonl"] + sorted(paths.values()),
                         capture_output=True, check=True)
    docs = {}
    for line in run.stdout.decode("utf-8").splitlines():
        s = json.loads(line)
        aid = os.path.basename(s["source"]).rsplit(".", 1)[0]
        docs.setdefault(aid, []).append(s)
    return docs


def find(docs, row):
    """The labelled sentence: by its hash, at its index or nearest to it
    (an earlier split may have moved it)."""
    found = [s for s in docs.get(row["id"], [])
             if hashlib.sha1(s["text"].encode("utf-8")).hexdigest()[:10] == row["sha1"]]
    if not found:
        return None
    return min(found, key=lambda s: abs(s["index"] - row["index"]))


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    parallax, data, sample = argv[1:]
    rows = load(sample)
    floors = json.loads(os.environ.get("CLUTTER_FLOORS", "{}"))
    verbose = os.environ.get("CLUTTER_VERBOSE") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        docs = read(parallax, build(rows, data, tmp))
    failed = False
    for part in ("tune", "held"):
        count = {"furniture": [0, 0], "prose": [0, 0], "heading": [0, 0]}
        headings = missing = 0
        for row in (r for r in rows if r["set"] == part):
            s = find(docs, row)
            if s is None:
                missing += 1
                continue
            marked = bool(s.get("boilerplate"))
            count[row["label"]][0] += marked
            count[row["label"]][1] += 1
            headings += row["label"] == "heading" and bool(s.get("heading"))
            wrong = marked != (row["label"] == "furniture")
            if verbose and wrong:
                print("  %s %d %s %s[%d]: marked %s" % (part, row["n"], row["label"],
                                                        row["id"], s["index"], marked))
        share = count["furniture"][0] / max(count["furniture"][1], 1)
        print("%s: furniture marked %d/%d (%.1f%%, goal >= 90%%); prose marked %d/%d "
              "(goal 0); headings marked %d/%d, %d/%d flagged as headings; %d not found"
              % (part, count["furniture"][0], count["furniture"][1], 100 * share,
                 count["prose"][0], count["prose"][1], count["heading"][0],
                 count["heading"][1], headings, count["heading"][1], missing))
        floor = floors.get(part, {})
        if share < floor.get("furniture", 0.9):
            print("FAIL: %s furniture share below %.2f" % (part, floor.get("furniture", 0.9)))
            failed = True
        if count["prose"][0] > floor.get("prose", 0):
            print("FAIL: %s prose marked above %d" % (part, floor.get("prose", 0)))
            failed = True
        if missing > floor.get("missing", 5):
            print("FAIL: %s: %d labelled sentences not found" % (part, missing))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
