#!/usr/bin/env python3
"""Measures tests of a keyword's sense from its context before any is
written in C (issue 17, twelfth session): each variant below takes a
topic off a sentence where its context says the keyword is in another
sense, and is scored as taxonomy.py estimate scores a rule: the labelled
topics it takes off, read wrong or right, on every fresh sample (all
unseen when read), and coverage (tuned, held out, the lowest AllSides
topic of 100 articles or more) on the whole archive.

    context.py PARALLAX CORPUS TAXONOMY [SAMPLE.tsv...]

Every statistic a variant learns from the archive is counted on articles
outside the fresh buckets only, so that no labelled sentence's own
article teaches the test that judges it.  The variants:

  alone      the topic is carried by no other sentence of the source
             (one sense per discourse, topic by topic)
  window K   no sentence within K of it carries the topic's family
  related L  alone, and no other topic of the sentence is related to
             it: of its family, or found with it in sentences of the
             archive at least L times as often as chance (lift)
  colloc     alone, and a word right before or after the keyword (one
             or two) whose hits the rest of their articles back at most
             a quarter as often as the keyword's other hits do, in 3
             articles or more (one sense per collocation, learned from
             discourse as Yarowsky's bootstrapping does)

Each is tried on topics put on the sentence by one keyword, and on those
put there by one common word (a lower-case keyword of one word: rule 8's
kind).  Labelled samples are read as taxonomy.py reads them.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taxonomy  # noqa: E402

WORD = re.compile(r"[\w'’.-]+")


def family_of(taxonomy_path):
    """Topic id -> the id of its top-level topic (block YAML, as bundled)."""
    import yaml
    with open(taxonomy_path, encoding="utf-8") as f:
        tree = yaml.safe_load(f)
    fam = {}

    def walk(topics, top):
        for t in topics or ():
            fam[t["id"]] = top or t["id"]
            walk(t.get("topics"), top or t["id"])
    walk(tree["topics"], None)
    return fam


def neighbours(text, start, end):
    """The one and two words before a match and after it, in lower case
    (START and END count bytes of the UTF-8 text, as --jsonl gives them)."""
    raw = text.encode("utf-8")
    head = raw[:start].decode("utf-8", "replace")
    tail = raw[end:].decode("utf-8", "replace")
    before = [w.lower().strip(".'’") for w in WORD.findall(head)[-2:]]
    after = [w.lower().strip(".'’") for w in WORD.findall(tail)[:2]]
    out = []
    if before:
        out.append(("before", before[-1]))
    if len(before) == 2:
        out.append(("before2", " ".join(before)))
    if after:
        out.append(("after", after[0]))
    if len(after) == 2:
        out.append(("after2", " ".join(after)))
    return out


class Archive:
    """The tagged body sentences by article, with what the variants learn
    from the articles outside the fresh buckets."""

    def __init__(self, sents, fam):
        self.fam = fam
        self.by_art = collections.defaultdict(list)
        for s in sents:
            self.by_art[s[0]].append(s)
        self.pair = collections.Counter()
        self.alone_n = collections.Counter()
        self.backed_n = collections.Counter()
        self.arts = collections.defaultdict(set)
        single = collections.Counter()
        tagged = 0
        for art_id, ss in self.by_art.items():
            if taxonomy.unseen(art_id):
                continue
            carry = collections.Counter(t for s in ss for t in set(s[2]))
            for s in ss:
                topics = set(s[2])
                tagged += bool(topics)
                single.update(topics)
                for a in topics:
                    for b in topics - {a}:
                        self.pair[(a, b)] += 1
                for t, k, start, end in s[3]:
                    backed = carry[t] > 1
                    for key in [(t, k)] + [(t, k) + n for n in
                                           neighbours(s[1], start, end)]:
                        self.alone_n[key] += 1
                        self.backed_n[key] += backed
                        self.arts[key].add(art_id)
        self.single = single
        self.tagged = tagged

    def lift(self, a, b):
        if not self.single[a] or not self.single[b]:
            return 0.0
        return self.pair[(a, b)] * self.tagged / (self.single[a] *
                                                  self.single[b])

    def off_sense(self, t, k, text, start, end):
        """A neighbour of the keyword whose hits their articles back at most
        a quarter as often as the keyword's hits do, in 3 articles or more."""
        n = self.alone_n[(t, k)]
        rate = self.backed_n[(t, k)] / n if n else 0.0
        for nb in neighbours(text, start, end):
            key = (t, k) + nb
            if (len(self.arts.get(key, ())) >= 3 and
                    self.backed_n[key] <= 0.25 * rate * self.alone_n[key]):
                return True
        return False


def variants(arch):
    """name -> test(article sentences, index, topic, its matches): True
    where the variant takes the topic off the sentence."""
    fam = arch.fam

    def carried_elsewhere(ss, i, t):
        return any(t in s[2] for j, s in enumerate(ss) if j != i)

    def alone(ss, i, t, ms):
        return not carried_elsewhere(ss, i, t)

    def window(k):
        def test(ss, i, t, ms):
            lo, hi = max(0, i - k), min(len(ss), i + k + 1)
            return not any(fam.get(u) == fam[t] for j in range(lo, hi)
                           if j != i for u in ss[j][2])
        return test

    def related(limit):
        def test(ss, i, t, ms):
            if carried_elsewhere(ss, i, t):
                return False
            return not any(fam[u] == fam[t] or arch.lift(t, u) >= limit
                           for u in ss[i][2] if u != t)
        return test

    def colloc(ss, i, t, ms):
        if carried_elsewhere(ss, i, t):
            return False
        return all(arch.off_sense(t, k, ss[i][1], start, end)
                   for _, k, start, end in ms)

    out = {"alone": alone}
    for k in (1, 2, 5):
        out["window %d" % k] = window(k)
    for limit in (1.0, 2.0):
        out["related %.0f" % limit] = related(limit)
    out["colloc"] = colloc
    return out


def one_keyword(ms):
    return len({k for _, k, _, _ in ms}) == 1


def common_word(ms):
    ks = {k for _, k, _, _ in ms}
    if len(ks) != 1:
        return False
    k = next(iter(ks)).rstrip("*")
    return k.islower() and " " not in k


def measure(arts, arch, labels, out):
    counts = collections.Counter(a["topic"] for a in arts.values())
    big = [t for t, n in counts.items() if n >= taxonomy.BIG_TOPIC]
    tests = variants(arch)
    out.write("%-12s %-12s %6s %6s %7s %7s  %s\n" % (
        "variant", "on", "wrong", "right", "tuned", "held",
        "lowest AllSides topic"))
    for name, test in tests.items():
        for kind, which in (("one keyword", one_keyword),
                            ("common word", common_word)):
            trade = collections.Counter()
            cov = collections.defaultdict(lambda: [0, 0])
            seen = set()
            for art_id, ss in arch.by_art.items():
                part = "held" if taxonomy.held_out(art_id) else "tune"
                for i, s in enumerate(ss):
                    now = set(s[2])
                    for t in s[2]:
                        ms = [m for m in s[3] if m[0] == t]
                        if ms and which(ms) and test(ss, i, t, ms):
                            now.discard(t)
                    for key in ((part, "*"), (part, arts[art_id]["topic"])):
                        cov[key][0] += 1
                        cov[key][1] += bool(now)
                    key = (art_id, taxonomy.anchor(s[1]))
                    read = labels.get(key) if key not in seen else None
                    seen.add(key)
                    if read:
                        for t in set(s[2]) - now:
                            trade[read.get(t)] += 1
            lowest = min((min(taxonomy.rate(cov, "tune", t),
                              taxonomy.rate(cov, "held", t)), t) for t in big)
            out.write("%-12s %-12s %6d %6d %6.1f%% %6.1f%%  %s %.1f%%\n" % (
                name, kind, trade["wrong"], trade["ok"],
                100 * taxonomy.rate(cov, "tune", "*"),
                100 * taxonomy.rate(cov, "held", "*"), lowest[1],
                100 * lowest[0]))


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    parallax, corpus, taxonomy_path = argv[1:4]
    here = os.path.dirname(os.path.abspath(__file__))
    samples = argv[4:] or sorted(
        os.path.join(here, f) for f in os.listdir(here)
        if f.startswith("fresh-") and f.endswith(".tsv"))
    labels = {key: read for key, (_, read) in
              taxonomy.labels_by_anchor(samples).items()}
    arts = taxonomy.load_corpus(corpus)
    sents = taxonomy.run(parallax, arts, taxonomy_path, spans=True)
    measure(arts, Archive(sents, family_of(taxonomy_path)), labels,
            sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
