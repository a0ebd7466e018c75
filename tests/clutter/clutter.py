#!/usr/bin/env python3
"""The clutter samples: body sentences of the development data read by hand
and labelled furniture, prose or heading (IDs, offsets and a hash only, no
text).  tests/clutter/sample.tsv holds 300, 150 of under 70 characters and
150 longer, split into a tuning two thirds and a held-out third;
tests/clutter/fresh.tsv holds 100 more (50 and 50) from articles picked by
the hash of their ID and labelled before any rule ran on them;
tests/clutter/fresh300.tsv 300 more (150 and 150, one a source) from
AllSides articles in none of the others, picked by the hash of their ID
under a new salt and labelled before any rule since; tests/clutter/fresh5.tsv
300 more of the same shape (session 5's salt, none in the others),
labelled before their figures were known; tests/clutter/fresh6.tsv 300
more (session 6's salt, none in the others), labelled before any rule ran
on them; tests/clutter/fresh7.tsv 300 more (a second salt of session 6),
labelled after that session's rules and before their figures;
tests/clutter/fresh8.tsv 300 more (session 7's salt, none in the others),
labelled before any rule ran on them; tests/clutter/fresh9.tsv 300 more
(a second salt of session 7), drawn after that session's last rule and
labelled before its figures; tests/clutter/fresh10.tsv 300 more (session
8's, drawn by draw.py), labelled before any rule ran on them;
tests/clutter/fresh11.tsv 300 more (a second salt of session 8), drawn
after that session's last rule and labelled before its figures;
tests/clutter/fresh12.tsv 300 more (session 9's), labelled before any rule
ran on them; tests/clutter/fresh13.tsv 300 more (a second salt of session
9), drawn after that session's last rule and labelled before its figures;
tests/clutter/fresh14.tsv 300 more (session 10's), labelled before any rule
ran on them; tests/clutter/fresh15.tsv 300 more (a second salt of session
10), drawn after that session's last rule and labelled before its figures;
tests/clutter/fresh16.tsv 300 more (session 11's), labelled before any
change ran on them; tests/clutter/fresh17.tsv 300 more (a second salt of
session 11), drawn after that session's last rule and labelled before its
figures; tests/clutter/fresh18.tsv 300 more (session 12's), labelled before
any change ran on them; tests/clutter/fresh19.tsv 300 more (a second salt
of session 12), drawn after that session's last rule and labelled before
its figures; tests/clutter/fresh20.tsv and tests/clutter/fresh21.tsv 300
more each (session 13's first two salts), drawn after that session's
rules but two and labelled before their figures; tests/clutter/fresh22.tsv
300 more (its third), drawn after its last rule and labelled before its
figures.

How a line is labelled, so that every reader labels alike: a line that
repeats the article's own title over the body (the headline parallax
shows above it; whole, cut, or after a credit or a column's name, as
Politico and NPR run it into the body's head) is furniture, since the
reader has it already; a line naming the part of the body that follows
it is a heading, even where the title borrowed its words (a digest's
headings in capitals); a sentence of the body that the title quotes or
borrows is prose.

Builds the sources in a temporary directory and reads them with the real
binary twice: alone (--jsonl on the sample's own sources, each read by
itself) and in the archive (--jsonl --stories on every AllSides article
besides, so the lines an outlet repeats across its sources are marked).
Prints, per reading and set and for all sets together ("all"), the share
of furniture marked boilerplate and the prose and headings marked; fails
below CLUTTER_FLOORS, a JSON object {"alone": {SET: {"furniture": SHARE,
"prose": COUNT}}, "archive": ...}; a set it does not name must meet the
goal, 90% and no prose.

usage: clutter.py PARALLAX SHARED_DATA SAMPLE...
"""
import gzip
import hashlib
import json
import lzma
import os
import subprocess
import sys
import tempfile


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                n, part, corpus, aid, index, sha, label = \
                    line.rstrip("\n").split("\t")
                rows.append({"n": int(n), "set": part, "corpus": corpus,
                             "id": aid, "index": int(index), "sha1": sha,
                             "label": label})
    return rows


def build(rows, data, out):
    """Each article of the samples as a source in OUT: an AllSides article
    as text with front matter, as the claims gold set builds them; a
    benchmark page as its HTML.  Every other AllSides article is written
    there too.  Returns the samples' paths by article ID."""
    wanted = {r["id"] for r in rows if r["corpus"] == "allsides-dev"}
    paths = {}
    with lzma.open(os.path.join(data, "allsides-dev", "articles.jsonl.xz"), "rt",
                   encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            path = os.path.join(out, a["ID"] + ".txt")
            with open(path, "w", encoding="utf-8") as g:
                g.write("---\n")
                for key, field in (("outlet", "source"), ("title", "title"),
                                   ("date", "date"), ("url", "url")):
                    g.write("%s: %s\n" % (key, json.dumps(a[field])))
                g.write("---\n" + a["content_original"] + "\n")
            if a["ID"] in wanted:
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


def read(args, wanted):
    """The sentences of the sources in WANTED (their paths) by article ID,
    as parallax ARGS gives them."""
    run = subprocess.run(args, capture_output=True, check=True)
    docs = {}
    for line in run.stdout.decode("utf-8").splitlines():
        # Most lines are the archive's: only the samples' are parsed.
        start = line.find('"source":"') + 10
        if line[start:line.find('"', start)] not in wanted:
            continue
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


def score(reading, docs, rows, floors, verbose):
    """Prints each set's figures; returns whether all are above FLOORS."""
    ok = True
    # The sets in the order their files were given: a new sample needs
    # no list of names kept here.
    parts = list(dict.fromkeys(r["set"] for r in rows))
    for part in parts + ["all"]:
        count = {"furniture": [0, 0], "prose": [0, 0], "heading": [0, 0]}
        headings = missing = 0
        for row in (r for r in rows if part in ("all", r["set"])):
            s = find(docs, row)
            if s is None:
                missing += 1
                continue
            marked = bool(s.get("boilerplate"))
            count[row["label"]][0] += marked
            count[row["label"]][1] += 1
            headings += row["label"] == "heading" and bool(s.get("heading"))
            if verbose and part != "all" and \
                    marked != (row["label"] == "furniture"):
                print("  %s %s %d %s %s[%d]: marked %s" % (
                    reading, part, row["n"], row["label"], row["id"],
                    s["index"], marked))
        share = count["furniture"][0] / max(count["furniture"][1], 1)
        print("%s, %s: furniture marked %d/%d (%.1f%%, goal >= 90%%); prose "
              "marked %d/%d (goal 0); headings marked %d/%d, %d/%d flagged "
              "as headings; %d not found"
              % (reading, part, count["furniture"][0], count["furniture"][1],
                 100 * share, count["prose"][0], count["prose"][1],
                 count["heading"][0], count["heading"][1], headings,
                 count["heading"][1], missing))
        floor = floors.get(reading, {}).get(part, {})
        if share < floor.get("furniture", 0.9):
            print("FAIL: %s, %s: furniture share below %.2f"
                  % (reading, part, floor.get("furniture", 0.9)))
            ok = False
        if count["prose"][0] > floor.get("prose", 0):
            print("FAIL: %s, %s: prose marked above %d"
                  % (reading, part, floor.get("prose", 0)))
            ok = False
        if missing > floor.get("missing", 5 if part != "all" else 20):
            print("FAIL: %s, %s: %d labelled sentences not found"
                  % (reading, part, missing))
            ok = False
    return ok


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    parallax, data, samples = argv[1], argv[2], argv[3:]
    rows = load(samples)
    floors = json.loads(os.environ.get("CLUTTER_FLOORS", "{}"))
    verbose = os.environ.get("CLUTTER_VERBOSE") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        paths = build(rows, data, tmp)
        wanted = set(paths.values())
        alone = read([parallax, "--jsonl"] + sorted(wanted), wanted)
        archive = read([parallax, "--jsonl", "--stories", tmp], wanted)
    ok = score("alone", alone, rows, floors, verbose)
    ok = score("archive", archive, rows, floors, verbose) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
