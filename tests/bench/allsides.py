#!/usr/bin/env python3
"""Turn the AllSides articles (../shared/data/allsides-dev) into sources.

    allsides.py [-n COUNT] [--every K] [--topic T] [--date D] [--id ID]...
                [--bodies-only FILE] [ARTICLES] OUTDIR

writes OUTDIR/NNNNN.md, one source per article in the file's order, each
with front matter (outlet, title, url, date, author, then topic, bias and
id, the dataset's own keys; plain values unless YAML needs quotes) and the
article's text as its body.  The
benchmarks, and any test that needs real news, build their sources with it
at run time: the text is never copied into the project.

ARTICLES defaults to $PARALLAX_SHARED/data/allsides-dev/articles.jsonl.xz
(or ../shared beside the source tree); it may be plain or xz-compressed
JSON Lines.  A subset: --topic and --date keep the articles of one topic
or day (both may repeat), --id the named articles, --every K one article
in K, -n the first COUNT of what is left.  --bodies-only FILE also writes
the bodies alone, concatenated, for tools that read plain text (grep, rg,
the Hyperscan bench).  Prints the number of sources and body bytes.
"""

import argparse
import json
import lzma
import os
import sys


def default_articles():
    shared = os.environ.get("PARALLAX_SHARED")
    if not shared:
        here = os.path.dirname(os.path.abspath(__file__))
        shared = os.path.join(here, "..", "..", "..", "shared")
    return os.path.join(shared, "data", "allsides-dev", "articles.jsonl.xz")


def needs_quotes(value):
    """Would YAML read VALUE, plain, as something else than its text?"""
    return value[:1] in tuple("[]{}\"'|>&*!%@`#,?:-") or " #" in value \
        or value.endswith(":")


def quoted(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(fields):
    """KEY: VALUE lines, plain as people write them; quoted where YAML
    needs it, and then also where a value holds ": ", which only plain
    front matter may (parallax reads it as people mean it) and YAML may
    not."""
    values = [" ".join(str(v or "").split()) for _, v in fields]
    strict = any(needs_quotes(v) for v in values)
    lines = []
    for (key, _), v in zip(fields, values):
        if needs_quotes(v) or (strict and ": " in v):
            v = quoted(v)
        lines.append((key + ": " + v).rstrip())
    return lines


def write_source(a, path, fallback_id):
    """Writes article A (a dataset line) to PATH as a source: front
    matter, then its text; FALLBACK_ID names it when it has no ID.
    Returns the body written."""
    body = a.get("content_original") or ""
    if not body.endswith("\n"):
        body += "\n"
    fields = [("outlet", a.get("source")), ("title", a.get("title")),
              ("url", a.get("url")), ("date", a.get("date")),
              ("author", a.get("authors")),
              ("topic", a.get("topic")),
              ("bias", a.get("bias_text")),
              ("id", a.get("ID", fallback_id))]
    front = ["---"] + front_matter(fields) + ["---", "", ""]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(front))
        out.write(body)
    return body


def open_articles(path):
    with open(path, "rb") as f:
        magic = f.read(6)
    if magic == b"\xfd7zXZ\x00":
        return lzma.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--count", type=int, default=0)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--topic", action="append", default=[])
    ap.add_argument("--date", action="append", default=[])
    ap.add_argument("--id", action="append", default=[])
    ap.add_argument("--bodies-only")
    ap.add_argument("paths", nargs="+", metavar="[ARTICLES] OUTDIR")
    args = ap.parse_args()
    if len(args.paths) > 2:
        ap.error("at most ARTICLES and OUTDIR")
    outdir = args.paths[-1]
    articles = args.paths[0] if len(args.paths) == 2 else default_articles()
    if not os.path.exists(articles):
        print(f"allsides.py: {articles}: not found", file=sys.stderr)
        return 77
    os.makedirs(outdir, exist_ok=True)
    bodies = open(args.bodies_only, "w", encoding="utf-8") \
        if args.bodies_only else None
    n = kept = nbytes = 0
    with open_articles(articles) as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            a = json.loads(line)
            if args.topic and a.get("topic") not in args.topic:
                continue
            if args.date and a.get("date") not in args.date:
                continue
            if args.id and a.get("ID") not in args.id:
                continue
            n += 1
            if (n - 1) % args.every != 0:
                continue
            if args.count and kept == args.count:
                break
            kept += 1
            body = write_source(a, os.path.join(outdir, "%05d.md" % kept),
                                str(lineno))
            if bodies:
                bodies.write(body)
            nbytes += len(body.encode("utf-8"))
    if bodies:
        bodies.close()
    print(f"{kept} sources, {nbytes} body bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
