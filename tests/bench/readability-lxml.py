#!/usr/bin/python3
"""readability-lxml.py DIR: Debian's python3-readability (readability-lxml) on
every page of the article-extraction benchmark, as tests/bench/extract
runs parallax: pages read into memory first, then extracted (HTML to the
text of the summary) three times; prints the benchmark's F1 and the best
CPU time.  The metric is the benchmark's: \\w+ tokens, word 4-gram
shingles, per-page precision and recall averaged, F1 of the means."""
import gzip
import json
import os
import re
import sys
import time
from collections import Counter

import lxml.html
from readability import Document

ROUNDS = 3


def shingles(text):
    tokens = re.findall(r"\w+", text)
    n = len(tokens)
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, n - 3))) \
        if n else Counter()


def main():
    data = sys.argv[1]
    truth = json.load(open(os.path.join(data, "ground-truth.json")))
    pages = {}
    for key in truth:
        with gzip.open(os.path.join(data, "html", key + ".html.gz")) as f:
            pages[key] = f.read().decode("utf-8", "replace")
    best = None
    texts = {}
    for _ in range(ROUNDS):
        start = time.process_time()
        for key, html in pages.items():
            try:
                summary = Document(html).summary(html_partial=True)
                texts[key] = lxml.html.fromstring(summary).text_content()
            except Exception:
                texts[key] = ""
        took = time.process_time() - start
        best = took if best is None else min(best, took)
    psum = rsum = 0.0
    np = 0
    for key in truth:
        t, p = shingles(truth[key]["articleBody"]), shingles(texts[key])
        tp = sum((t & p).values())
        fp = sum(p.values()) - tp
        fn = sum(t.values()) - tp
        if fp == 0 and fn == 0:
            psum += 1
            rsum += 1
            np += 1
            continue
        if tp + fp > 0:
            psum += tp / (tp + fp)
            np += 1
        rsum += tp / (tp + fn) if tp + fn > 0 else 0
    prec = psum / np if np else 0
    rec = rsum / len(truth)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
    print("readability-lxml: %d pages, F1 %.3f (P %.3f R %.3f), %.3f s CPU "
          "(best of %d)" % (len(truth), f1, prec, rec, best, ROUNDS))


main()
