#!/usr/bin/env python3
"""Keeps the bundled taxonomy honest on real news: runs a taxonomy over the
AllSides development articles (../shared/data/allsides-dev) with the real
binary and reports what it tags.

Articles are split by a hash of their ID: one in five is held out of the
tuning (set "held"), the rest are "tune"; coverage is reported on both.
For reading wrong senses, a second hash sets one article in ten apart
("fresh", less the articles of the samples read before the split was
made): the report's examples and candidates and the tuning samples never
show a fresh article, so a sample drawn from them measures the taxonomy
on text its tuning never saw.  The first fresh bucket was spent on
fresh-1 to fresh-3; a second ("fresh2": another hash, less every article
those and samples 1 to 4 had read) serves fresh-4 to fresh-8; a third
("fresh3", less every article read by then) serves fresh-9 and fresh-10;
a fourth ("fresh4", less every article read by fresh-10) serves fresh-11
and fresh-12; a fifth ("fresh5", less every article read by fresh-12)
serves fresh-13 to fresh-15; a sixth ("fresh6", less every article read
by fresh-15) serves fresh-16 to fresh-18; a seventh ("fresh7", less every
article read by fresh-18) serves fresh-19 to fresh-21; an eighth
("fresh8", less every article read by fresh-21) serves fresh-22 to
fresh-24; a ninth ("fresh9", less every article read by fresh-24) serves
fresh-25 to fresh-27; a tenth ("fresh10", less every article read by
fresh-27) serves fresh-28 to fresh-30; an eleventh ("fresh11", less every
article read by fresh-30) serves fresh-31 on.  Only body sentences count (not boilerplate, not headings).

    taxonomy.py report PARALLAX CORPUS TAXONOMY [--top N] [--wrong N]
        coverage per AllSides topic (tuned and held out), the N most
        frequent keyword hits per topic with an example sentence each, and
        the hits of each taxonomy topic's keywords in AllSides topics where
        that topic is rare (candidates for wrong senses)
    taxonomy.py sample PARALLAX CORPUS TAXONOMY N SEED [SET]
        N tagged sentences drawn at random, as lines to label (below):
        from SET (tune, held, or a fresh bucket: fresh, fresh2 ...
        fresh11) when given; fresh articles only when asked for
    taxonomy.py check PARALLAX CORPUS TAXONOMY SAMPLE.tsv... [--report SAMPLE.tsv...]
        the summary figures, each labelled sample's wrong-sense rate, and
        exit 1 when a goal is missed; samples after --report are read
        after the last change and left untuned: their rate is printed,
        and a miss is said, but does not fail the check
    taxonomy.py estimate PARALLAX CORPUS TAXONOMY PARALLAX2 TAXONOMY2
                [--no-excludes] [--list] [--examples N SEED] [SAMPLE.tsv...]
        what a change does (a rule in the second binary, or a second
        taxonomy): on every labelled sentence (every *.tsv beside this
        script unless SAMPLE.tsv are named) the topics it takes off and
        adds, each read wrong, right or unread, the sentences still
        carrying a wrong topic before and after, and coverage before and
        after (tuned, held out, the lowest AllSides topic of 100 articles
        or more) with the topics taken off and added over the whole
        archive.  --no-excludes runs both taxonomies with every exclude
        list taken out, so that the wrong senses excludes were written
        for count again (how config/README's rules were estimated);
        --list prints each labelled topic that changed; --examples prints
        N changed sentences drawn at random (SEED) outside the fresh
        buckets, to read

    taxonomy.py audit PARALLAX CORPUS TAXONOMY [--top N] [--hits N]
                [--tail N] [--seed S] [AUDIT.tsv [--tail TAIL.tsv]]
        wrong senses counted by keyword, on the tuned articles only (not
        held out, in no fresh bucket): each keyword of each topic ranked
        by the body sentences it alone gives that topic (no other keyword
        of the sentence gives it); with no AUDIT.tsv, N (150) of them with
        HITS (8) such sentences each drawn at random (SEED), as lines to
        label, or with --tail N, N sentences drawn at random among those
        every other keyword alone tags; with AUDIT.tsv (those lines
        labelled; TAIL.tsv, the tail's), each keyword's wrong
        rate among its labelled hits that it still gives alone, in the
        audit and in every labelled sample beside this script (the
        keyword alone giving a topic read there), its share of the tagged
        sentences, and their product, the share of tagged sentences it is
        expected to put a wrong topic on, sorted by it, with their sum
        and the tail's (its share times its wrong rate)

Labelled samples: sample-*.tsv were read while tuning; fresh-*.tsv were
drawn from fresh articles and read before any fix they led to, so each
one's "carried a wrong-sense topic when read" is the figure for unseen
text (its "still do" is tuned, like the others').

A labelled sample line (tab-separated) names a sentence by its article ID
and an anchor (the sentence's first words, never more), then each topic
the sentence carried when it was read and whether that topic's sense is
right there:

    ID<TAB>anchor<TAB>topic=ok topic=wrong ...

An audit line (audit-*.tsv) labels the one topic a keyword alone gave a
sentence, and names the keyword after it:

    ID<TAB>anchor<TAB>topic=ok<TAB>keyword

`check` counts the sentences that still carry a topic read as wrong,
fails when more than a fifth of a sample is gone (split or marked as
boilerplate differently since it was read), and reports the topics a
sentence now carries that nobody read (relabel it) and the right ones
it lost.  Goals (issue 17): 65% of body sentences
carry a topic, 40% in every AllSides topic of 100 articles or more, at
most 2% of the labelled sentences carry a wrong sense.
"""
import collections
import hashlib
import json
import lzma
import os
import random
import subprocess
import sys
import tempfile

GOAL_ALL = 0.65
GOAL_TOPIC = 0.40
GOAL_WRONG = 0.02
BIG_TOPIC = 100


def held_out(art_id):
    return int(hashlib.sha1(art_id.encode()).hexdigest()[:8], 16) % 5 == 0


def read_samples(names):
    """Articles of the labelled samples NAMES."""
    ids = set()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in names:
        with open(os.path.join(here, name), encoding="utf-8") as f:
            ids.update(line.split("\t")[0] for line in f
                       if line.strip() and not line.startswith("#"))
    return ids


def bucket(salt, earlier, read):
    """A fresh bucket: one article in ten by a hash of SALT and its ID, less
    the articles of the EARLIER buckets and those READ by samples before
    the bucket was made."""
    def member(art_id):
        h = hashlib.sha1((salt + art_id).encode()).hexdigest()
        return (int(h[:8], 16) % 10 == 0 and art_id not in read and
                not any(b(art_id) for b in earlier))
    return member


# Samples 1 to 4 were read before the first fresh split was made.
LABELLED_BEFORE_1 = read_samples(["sample-%d.tsv" % n for n in range(1, 5)])
fresh = bucket("fresh-17:", [], LABELLED_BEFORE_1)

# The first fresh bucket was spent on fresh-1 to fresh-3, whose keywords
# were then tuned: a second bucket, of articles no sample had read when it
# was made (fresh-4 on), measures the sense rule on unseen text.
LABELLED_BEFORE_2 = LABELLED_BEFORE_1 | read_samples(
    ["fresh-%d.tsv" % n for n in range(1, 4)])
fresh2 = bucket("fresh-17b:", [fresh], LABELLED_BEFORE_2)

# The second bucket was spent on fresh-4 to fresh-8, all of whose wrong
# senses were then tuned away; a third (fresh-9 on), of articles none of
# those samples read, measures rules meant to generalise.
LABELLED_BEFORE_3 = LABELLED_BEFORE_2 | read_samples(
    ["fresh-%d.tsv" % n for n in range(4, 9)])
fresh3 = bucket("fresh-17c:", [fresh, fresh2], LABELLED_BEFORE_3)

# fresh-9 and fresh-10 left the third bucket too thin for two more samples
# of 200: a fourth (fresh-11 on), of articles no sample read by fresh-10.
LABELLED_BEFORE_4 = LABELLED_BEFORE_3 | read_samples(
    ["fresh-%d.tsv" % n for n in range(9, 11)])
fresh4 = bucket("fresh-17d:", [fresh, fresh2, fresh3], LABELLED_BEFORE_4)

# fresh-11 and fresh-12 were read from the fourth bucket: a fifth (fresh-13
# on), of articles no sample read by fresh-12, so that the sample read
# before the seventh session's changes comes from a bucket nobody has read.
LABELLED_BEFORE_5 = LABELLED_BEFORE_4 | read_samples(
    ["fresh-%d.tsv" % n for n in range(11, 13)])
fresh5 = bucket("fresh-17e:", [fresh, fresh2, fresh3, fresh4],
                LABELLED_BEFORE_5)

# fresh-13 to fresh-15 left the fifth bucket with too few unread articles
# for another sample of 200: a sixth (fresh-16 on), of articles no sample
# read by fresh-15, made before the eighth session's first change.
LABELLED_BEFORE_6 = LABELLED_BEFORE_5 | read_samples(
    ["fresh-%d.tsv" % n for n in range(13, 16)])
fresh6 = bucket("fresh-17f:", [fresh, fresh2, fresh3, fresh4, fresh5],
                LABELLED_BEFORE_6)

# fresh-16 to fresh-18 left the sixth bucket about 170 unread articles, too
# few for two more samples of 200: a seventh (fresh-19 on), of articles no
# sample read by fresh-18, made before the tenth session's first change.
LABELLED_BEFORE_7 = LABELLED_BEFORE_6 | read_samples(
    ["fresh-%d.tsv" % n for n in range(16, 19)])
fresh7 = bucket("fresh-17g:", [fresh, fresh2, fresh3, fresh4, fresh5, fresh6],
                LABELLED_BEFORE_7)

# fresh-19 to fresh-21 left the seventh bucket 38 unread articles: an eighth
# (fresh-22 on), of articles no sample read by fresh-21, made before the
# tenth session's second round of changes.
LABELLED_BEFORE_8 = LABELLED_BEFORE_7 | read_samples(
    ["fresh-%d.tsv" % n for n in range(19, 22)])
fresh8 = bucket("fresh-17h:", [fresh, fresh2, fresh3, fresh4, fresh5, fresh6,
                               fresh7], LABELLED_BEFORE_8)

# fresh-22 to fresh-24 left the eighth bucket too few unread articles for
# another sample of 200 (fresh-24 drew on 73): a ninth (fresh-25 on), of
# articles no sample read by fresh-24, made before the eleventh session's
# first change.
LABELLED_BEFORE_9 = LABELLED_BEFORE_8 | read_samples(
    ["fresh-%d.tsv" % n for n in range(22, 25)])
fresh9 = bucket("fresh-17i:", [fresh, fresh2, fresh3, fresh4, fresh5, fresh6,
                               fresh7, fresh8], LABELLED_BEFORE_9)

# fresh-25 to fresh-27 left the ninth bucket 5 unread articles: a tenth
# (fresh-28 on), of articles no sample read by fresh-27, made before the
# twelfth session's first change.
LABELLED_BEFORE_10 = LABELLED_BEFORE_9 | read_samples(
    ["fresh-%d.tsv" % n for n in range(25, 28)])
fresh10 = bucket("fresh-17j:", [fresh, fresh2, fresh3, fresh4, fresh5,
                                fresh6, fresh7, fresh8, fresh9],
                 LABELLED_BEFORE_10)

# fresh-28 to fresh-30 left the tenth bucket 1 unread article: an eleventh
# (fresh-31 on), of articles no sample read by fresh-30, made before the
# thirteenth session's first change.
LABELLED_BEFORE_11 = LABELLED_BEFORE_10 | read_samples(
    ["fresh-%d.tsv" % n for n in range(28, 31)])
fresh11 = bucket("fresh-17k:", [fresh, fresh2, fresh3, fresh4, fresh5,
                                fresh6, fresh7, fresh8, fresh9, fresh10],
                 LABELLED_BEFORE_11)


FRESH_BUCKETS = {"fresh": fresh, "fresh2": fresh2, "fresh3": fresh3,
                 "fresh4": fresh4, "fresh5": fresh5, "fresh6": fresh6,
                 "fresh7": fresh7, "fresh8": fresh8,
                 "fresh9": fresh9, "fresh10": fresh10, "fresh11": fresh11}


def unseen(art_id):
    """Kept out of the report's examples and the tuning samples."""
    return any(bucket(art_id) for bucket in FRESH_BUCKETS.values())


def load_corpus(path):
    arts = {}
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            arts[a["ID"]] = a
    return arts


def run(parallax, arts, taxonomy, spans=False):
    """Every body sentence: (ID, text, topics, [(topic, keyword)]), each
    match with its start and end (bytes of the UTF-8 text) as well when
    SPANS."""
    sents = []
    with tempfile.TemporaryDirectory(prefix="taxonomy-gold.") as tmp:
        for art_id, a in arts.items():
            with open(os.path.join(tmp, art_id + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write(a["content_original"])
        proc = subprocess.run([parallax, "--jsonl", "-t", taxonomy, tmp],
                              stdout=subprocess.PIPE, check=True)
    for line in proc.stdout.decode("utf-8").splitlines():
        s = json.loads(line)
        if s.get("boilerplate") or s.get("heading"):
            continue
        art_id = os.path.basename(s["source"])[:-len(".txt")]
        sents.append((art_id, s["text"], s["topics"],
                      [(m["topic"], m["keyword"]) +
                       ((m["start"], m["end"]) if spans else ())
                       for m in s["matches"]]))
    return sents


def anchor(text):
    return " ".join(text.split()[:6])


def coverage(arts, sents):
    """Per set and AllSides topic: [sentences, tagged]."""
    cov = collections.defaultdict(lambda: [0, 0])
    for art_id, _, topics, _ in sents:
        part = "held" if held_out(art_id) else "tune"
        for key in ((part, "*"), (part, arts[art_id]["topic"])):
            cov[key][0] += 1
            cov[key][1] += bool(topics)
    return cov


def rate(cov, part, topic):
    n, t = cov.get((part, topic), (0, 0))
    return t / n if n else 0.0


def summary(arts, sents, out):
    cov = coverage(arts, sents)
    counts = collections.Counter(a["topic"] for a in arts.values())
    big = [t for t, n in counts.most_common() if n >= BIG_TOPIC]
    misses = []
    out.write("body sentences with a topic: tuned %.1f%% of %d, "
              "held out %.1f%% of %d (goal %d%%)\n" % (
                  100 * rate(cov, "tune", "*"), cov[("tune", "*")][0],
                  100 * rate(cov, "held", "*"), cov[("held", "*")][0],
                  100 * GOAL_ALL))
    for part in ("tune", "held"):
        if rate(cov, part, "*") < GOAL_ALL:
            misses.append("%s coverage" % part)
    out.write("%-28s %8s %8s %8s\n" % ("AllSides topic", "articles",
                                       "tuned", "held out"))
    for t, n in counts.most_common():
        out.write("%-28s %8d %7.1f%% %7.1f%%%s\n" % (
            t, n, 100 * rate(cov, "tune", t), 100 * rate(cov, "held", t),
            "" if n < BIG_TOPIC else " *"))
    for t in big:
        for part in ("tune", "held"):
            if rate(cov, part, t) < GOAL_TOPIC:
                misses.append("%s %s" % (part, t))
    out.write("(* topics of %d articles or more: goal %d%% each)\n" % (
        BIG_TOPIC, 100 * GOAL_TOPIC))
    return misses


def report(arts, sents, top, wrong, out):
    summary(arts, sents, out)
    counts = collections.Counter(a["topic"] for a in arts.values())
    hits = collections.defaultdict(collections.Counter)
    example = {}
    sents = [s for s in sents if not unseen(s[0])]
    for art_id, text, _, matches in sents:
        t = arts[art_id]["topic"]
        for m in set(matches):
            hits[t][m] += 1
            example.setdefault((t, m), text)
    for t, n in counts.most_common():
        if n < BIG_TOPIC:
            continue
        out.write("\n## %s: the %d most frequent keyword hits\n" % (t, top))
        for m, c in hits[t].most_common(top):
            out.write("%6d  %-18s %-24s %s\n" % (c, m[0], m[1],
                                                 example[(t, m)][:150]))
    # A taxonomy topic's rate per AllSides topic (those of 20+ articles);
    # where it is under a fifth of its highest, its hits are suspect.
    per = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    for art_id, _, topics, _ in sents:
        t = arts[art_id]["topic"]
        total[t] += 1
        for x in set(topics):
            per[x][t] += 1
    sizable = [t for t, n in counts.items() if n >= 20]
    out.write("\n## Wrong-sense candidates: hits where the topic is rare\n")
    for x in sorted(per):
        rates = {t: per[x][t] / total[t] for t in sizable if total[t]}
        peak = max(rates.values()) if rates else 0
        rare = {t for t, r in rates.items() if r < peak / 5}
        kw = collections.Counter()
        ex = {}
        for art_id, text, _, matches in sents:
            if arts[art_id]["topic"] not in rare:
                continue
            for m in set(matches):
                if m[0] == x:
                    kw[m[1]] += 1
                    ex.setdefault(m[1], (arts[art_id]["topic"], text))
        if not kw:
            continue
        out.write("\n%s (rare in %d AllSides topics)\n" % (x, len(rare)))
        for k, c in kw.most_common(wrong):
            out.write("%6d  %-24s [%s] %s\n" % (c, k, ex[k][0],
                                                ex[k][1][:140]))


def sample(arts, sents, n, seed, part, out):
    if part in FRESH_BUCKETS:
        # A fresh sample draws on articles no sample has read yet.
        here = os.path.dirname(os.path.abspath(__file__))
        read = read_samples([f for f in os.listdir(here)
                             if f.endswith(".tsv")])
        bucket = FRESH_BUCKETS[part]
        tagged = [s for s in sents
                  if s[2] and bucket(s[0]) and s[0] not in read]
    else:
        tagged = [s for s in sents if s[2] and not unseen(s[0]) and (
            part is None or (part == "held") == held_out(s[0]))]
    rng = random.Random(seed)
    for art_id, text, topics, matches in rng.sample(tagged, n):
        why = collections.defaultdict(set)
        for t, k in matches:
            why[t].add(k)
        out.write("%s\t%s\t%s\t# %s | %s\n" % (
            art_id, anchor(text), " ".join(t + "=" for t in topics),
            "; ".join("%s: %s" % (t, ", ".join(sorted(why[t])))
                      for t in sorted(why)), text))


def check(arts, sents, labels_paths, out):
    misses = summary(arts, sents, out)
    report_only = set()
    if "--report" in labels_paths:
        at = labels_paths.index("--report")
        report_only = set(labels_paths[at + 1:])
        labels_paths = labels_paths[:at] + labels_paths[at + 1:]
    by_id = collections.defaultdict(list)
    for s in sents:
        by_id[s[0]].append(s)
    for labels_path in labels_paths:
        n = {"tune": 0, "held": 0}
        bad = {"tune": 0, "held": 0}
        read_bad = fixed = lost = gone = 0
        with open(labels_path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                where = "%s:%d" % (labels_path, lineno)
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                art_id, anc, verdicts = line.split("\t")
                found = [s for s in by_id.get(art_id, ())
                         if anchor(s[1]) == anc]
                if not found:
                    # The splitter or the boilerplate rules changed it.
                    out.write("%s: sentence gone\n" % where)
                    gone += 1
                    continue
                labelled = dict(v.split("=") for v in verdicts.split())
                # Sentences of an article may share their first words
                # (a list whose items open alike): the one read carried
                # the topics labelled, if one still does.
                now = next((set(s[2]) for s in found
                            if set(s[2]) == set(labelled)), set(found[0][2]))
                wrong = {t for t, v in labelled.items() if v == "wrong"}
                read_bad += bool(wrong)
                fixed += bool(wrong) and not wrong & now
                lost += len({t for t, v in labelled.items()
                             if v == "ok"} - now)
                for t in sorted(now - set(labelled)):
                    out.write("%s: now also %s (unread)\n" % (where, t))
                part = "held" if held_out(art_id) else "tune"
                n[part] += 1
                bad[part] += bool(wrong & now)
        total = n["tune"] + n["held"]
        wrong_now = bad["tune"] + bad["held"]
        out.write("%s: %d sentences (%d in held-out articles); %d carried "
                  "a wrong-sense topic when read, %d still do (%.1f%%, "
                  "goal <= %d%%); %d right topics since lost\n" % (
                      labels_path, total, n["held"], read_bad, wrong_now,
                      100 * wrong_now / max(total, 1), 100 * GOAL_WRONG,
                      lost))
        if total == 0 or wrong_now > GOAL_WRONG * total:
            if labels_path in report_only:
                out.write("MISSED (untuned, not enforced): %s: wrong-sense "
                          "rate\n" % labels_path)
            else:
                misses.append("%s: wrong-sense rate" % labels_path)
        if gone * 5 > total + gone:
            misses.append("%s: %d sentences gone, relabel" % (labels_path,
                                                               gone))
    for m in misses:
        out.write("MISSED: %s\n" % m)
    return 1 if misses else 0


def without_excludes(taxonomy, out):
    """Writes TAXONOMY to OUT with every exclude list taken out: the key
    and the items under it (block YAML, items indented under the key or
    level with it)."""
    skip = None
    with open(taxonomy, encoding="utf-8") as f:
        for line in f:
            body = line.lstrip(" ")
            indent = len(line) - len(body)
            if skip is not None:
                if not body.strip() or indent > skip or (
                        indent == skip and body.startswith("- ")):
                    continue
                skip = None
            if body.startswith("exclude:"):
                # A flow list ("exclude: [a, b]") ends on its own line.
                if not body[len("exclude:"):].strip():
                    skip = indent
                continue
            out.write(line)


def labels_by_anchor(paths):
    """(ID, anchor) -> (sample, {topic: "ok" or "wrong"})."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                # An audit line names its keyword after the verdicts.
                art_id, anc, verdicts = line.rstrip("\n").split("\t")[:3]
                _, read = out.setdefault((art_id, anc), (
                    os.path.basename(path), {}))
                for v in verdicts.split():
                    topic, verdict = v.split("=")
                    read.setdefault(topic, verdict)
    return out


def paired(before, after):
    """Each body sentence of BEFORE with its twin in AFTER (same article,
    same text, the same occurrence of it), or with None when a change to
    the splitter or the boilerplate rules left it no twin."""
    twins = collections.defaultdict(list)
    for s in reversed(after):
        twins[(s[0], s[1])].append(s)
    for s in before:
        left = twins.get((s[0], s[1]))
        yield s, (left.pop() if left else None)


def estimate(arts, before, after, labels, listing, examples, out):
    cov = {"before": coverage(arts, before), "after": coverage(arts, after)}
    counts = collections.Counter(a["topic"] for a in arts.values())
    big = [t for t, n in counts.items() if n >= BIG_TOPIC]
    lowest = {}
    for when, c in cov.items():
        lowest[when] = min((min(rate(c, "tune", t), rate(c, "held", t)), t)
                           for t in big)
    verdicts = collections.Counter()
    wrong_sents = collections.Counter()
    taken = collections.Counter()
    added = collections.Counter()
    changed = []
    found = unpaired = emptied = 0
    seen = set()
    for s, twin in paired(before, after):
        if twin is None:
            unpaired += 1
            continue
        was, now = set(s[2]), set(twin[2])
        emptied += bool(was) and not now
        taken.update(was - now)
        added.update(now - was)
        key = (s[0], anchor(s[1]))
        label = labels.get(key) if key not in seen else None
        seen.add(key)
        if label is None:
            if was != now and not unseen(s[0]):
                changed.append((s, was - now, now - was))
            continue
        found += 1
        sample_name, read = label
        wrong = {t for t, v in read.items() if v == "wrong"}
        wrong_sents["before"] += bool(wrong & was)
        wrong_sents["after"] += bool(wrong & now)
        for way, topics in (("off", was - now), ("added", now - was)):
            for t in sorted(topics):
                verdict = {"ok": "right"}.get(read.get(t), read.get(t,
                                                                  "unread"))
                verdicts[(way, verdict)] += 1
                if listing:
                    keywords = sorted({k for x, k in (s[3] if way == "off"
                                                      else twin[3])
                                       if x == t})
                    out.write("%s %s %s=%s (%s): %s\n" % (
                        sample_name, way, t, verdict, ", ".join(keywords),
                        s[1][:200]))
    out.write("labelled sentences found: %d of %d\n" % (found,
                                                          len(labels)))
    for way in ("off", "added"):
        out.write("topics %s labelled sentences: %d wrong, %d right, "
                  "%d unread\n" % ("taken off" if way == "off" else
                                    "added to", verdicts[(way, "wrong")],
                                    verdicts[(way, "right")],
                                    verdicts[(way, "unread")]))
    out.write("labelled sentences carrying a wrong-sense topic: %d -> %d\n"
              % (wrong_sents["before"], wrong_sents["after"]))
    out.write("coverage: tuned %.1f%% -> %.1f%%, held out %.1f%% -> %.1f%%;"
              " lowest AllSides topic of %d+ articles %s %.1f%% -> %s "
              "%.1f%%\n" % (
                  100 * rate(cov["before"], "tune", "*"),
                  100 * rate(cov["after"], "tune", "*"),
                  100 * rate(cov["before"], "held", "*"),
                  100 * rate(cov["after"], "held", "*"), BIG_TOPIC,
                  lowest["before"][1], 100 * lowest["before"][0],
                  lowest["after"][1], 100 * lowest["after"][0]))
    out.write("archive: %d topics taken off, %d added; %d sentences left "
              "with none; %d sentences with no twin\n" % (
                  sum(taken.values()), sum(added.values()), emptied,
                  unpaired))
    for way, c in (("off", taken), ("added", added)):
        if c:
            out.write("  %s: %s\n" % (way, ", ".join(
                "%s %d" % x for x in c.most_common())))
    if examples:
        n, seed = examples
        rng = random.Random(seed)
        for s, off, add in rng.sample(changed, min(n, len(changed))):
            why = collections.defaultdict(set)
            for t, k in s[3]:
                why[t].add(k)
            out.write("%s\t%s\toff %s added %s\t# %s | %s\n" % (
                s[0], anchor(s[1]), " ".join(sorted(off)) or "-",
                " ".join(sorted(add)) or "-",
                "; ".join("%s: %s" % (t, ", ".join(sorted(why[t])))
                          for t in sorted(off)), s[1]))


def estimate_main(arts, argv, out):
    parallax, taxonomy, parallax2, taxonomy2 = argv[:4]
    rest = argv[4:]
    listing = "--list" in rest
    no_excludes = "--no-excludes" in rest
    examples = None
    if "--examples" in rest:
        at = rest.index("--examples")
        examples = (int(rest[at + 1]), int(rest[at + 2]))
        del rest[at:at + 3]
    samples = [a for a in rest if not a.startswith("--")]
    here = os.path.dirname(os.path.abspath(__file__))
    if not samples:
        samples = sorted(os.path.join(here, f) for f in os.listdir(here)
                         if f.endswith(".tsv"))
    with tempfile.TemporaryDirectory(prefix="taxonomy-estimate.") as tmp:
        if no_excludes:
            for n, name in enumerate((taxonomy, taxonomy2)):
                path = os.path.join(tmp, "%d.yaml" % n)
                with open(path, "w", encoding="utf-8") as f:
                    without_excludes(name, f)
                if n == 0:
                    taxonomy = path
                else:
                    taxonomy2 = path
        before = run(parallax, arts, taxonomy)
        after = run(parallax2, arts, taxonomy2)
    estimate(arts, before, after, labels_by_anchor(samples), listing,
             examples, out)
    return 0


def alone_hits(sents):
    """(topic, keyword) -> the sentences of SENTS where that keyword is
    the only one giving the topic, with the tagged sentences' count."""
    hits = collections.defaultdict(list)
    tagged = 0
    for s in sents:
        if not s[2]:
            continue
        tagged += 1
        by_topic = collections.defaultdict(set)
        for m in s[3]:
            by_topic[m[0]].add(m[1])
        for topic, keywords in by_topic.items():
            if len(keywords) == 1:
                hits[(topic, keywords.pop())].append(s)
    return hits, tagged


def audit_line(rank, topic, keyword, sent, count, out):
    """SENT as a line to label, the keyword's match in [[ ]]."""
    art_id, text, _, matches = sent
    raw = text.encode("utf-8")
    start, end = next((m[2], m[3]) for m in matches
                      if m[:2] == (topic, keyword))
    shown = (raw[:start] + b"[[" + raw[start:end] + b"]]" +
             raw[end:]).decode("utf-8", "replace")
    out.write("%s\t%s\t%s=\t%s\t# %s %d | %s\n" % (
        art_id, anchor(text), topic, keyword, rank, count, shown))


def ranked(hits):
    return sorted(hits, key=lambda k: (-len(hits[k]), k))


def audit_draw(hits, top, per, tail, seed, out):
    """TOP keywords' hits, PER each drawn at random, or with TAIL, that many
    hits drawn at random from those of every keyword below the TOP."""
    rng = random.Random(seed)
    order = ranked(hits)
    if tail:
        below = [(key, s) for key in order[top:] for s in hits[key]]
        for key, sent in rng.sample(below, min(tail, len(below))):
            audit_line("tail", key[0], key[1], sent, len(hits[key]), out)
        return
    for rank, (topic, keyword) in enumerate(order[:top], 1):
        found = hits[(topic, keyword)]
        for sent in rng.sample(found, min(per, len(found))):
            audit_line(rank, topic, keyword, sent, len(found), out)


def audit_counts(hits, labels_path, samples):
    """(topic, keyword) -> [read, wrong] among the hits of HITS it still
    gives alone: from the audit lines of LABELS_PATH and, apart, from the
    labelled samples SAMPLES (each topic of theirs a keyword alone gives)."""
    now = collections.defaultdict(set)
    for key, found in hits.items():
        for s in found:
            now[(s[0], anchor(s[1]))].add(key)
    audited = collections.defaultdict(lambda: [0, 0])
    with open(labels_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            art_id, anc, verdict, keyword = line.rstrip("\n").split("\t")
            topic, verdict = verdict.split("=")
            if (topic, keyword) in now.get((art_id, anc), ()):
                audited[(topic, keyword)][0] += 1
                audited[(topic, keyword)][1] += verdict == "wrong"
    sampled = collections.defaultdict(lambda: [0, 0])
    for key, (_, read) in labels_by_anchor(samples).items():
        for topic, keyword in now.get(key, ()):
            if topic in read:
                sampled[(topic, keyword)][0] += 1
                sampled[(topic, keyword)][1] += read[topic] == "wrong"
    return audited, sampled


def audit_table(hits, tagged, audited, sampled, tail, out):
    """Each audited keyword's wrong rate (its audit lines and the samples'
    together), share of the tagged sentences and expected wrong share,
    sorted by the last, with their sum; with TAIL ([read, wrong] of hits
    drawn from every other keyword), the others' expected share too."""
    rows = []
    for key, (n, wrong) in audited.items():
        n_all, wrong_all = n + sampled[key][0], wrong + sampled[key][1]
        share = len(hits.get(key, ())) / max(tagged, 1)
        rows.append((share * wrong_all / n_all, share, key))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    given = sum(len(found) for found in hits.values())
    head = sum(len(hits.get(r[2], ())) for r in rows)
    out.write("tagged body sentences (tuned articles): %d, given %d topics "
              "by one keyword alone; the %d keywords audited give %.1f%% "
              "of those\n" % (tagged, given, len(rows),
                               100 * head / max(given, 1)))
    expected = sum(r[0] for r in rows)
    out.write("expected wrong share of tagged sentences (by topic: a "
              "sentence with two counts twice): the audited keywords "
              "%.2f%%" % (100 * expected))
    if tail:
        # The tail's hits in the samples, read as whole sentences, beside
        # the audit's, read one marked keyword at a time.
        in_samples = [sum(sampled[key][i] for key in hits
                          if key not in audited) for i in (0, 1)]
        rest = (given - head) / max(tagged, 1) * (
            tail[1] + in_samples[1]) / max(tail[0] + in_samples[0], 1)
        out.write(", the others %.2f%% (%d of %d of their hits read wrong "
                  "in the audit, %d of %d in the samples), in all %.2f%%" % (
                      100 * rest, tail[1], tail[0], in_samples[1],
                      in_samples[0], 100 * (expected + rest)))
    out.write("\n%8s %7s %9s %9s  %-16s %s\n" % (
        "expected", "share", "audit", "samples", "topic", "keyword"))
    for expected, share, key in rows:
        out.write("%7.2f%% %6.2f%% %3d of %-3d %3d of %-3d  %-16s %s\n" % (
            100 * expected, 100 * share, audited[key][1], audited[key][0],
            sampled[key][1], sampled[key][0], key[0], key[1]))


def audit_main(arts, parallax, taxonomy, argv, out):
    opts = {a: b for a, b in zip(argv, argv[1:]) if a.startswith("--")}
    labels = [a for a in argv if a.endswith(".tsv") and a != opts.get(
        "--tail")]
    sents = run(parallax, arts, taxonomy, spans=True)
    hits, tagged = alone_hits([s for s in sents if not unseen(s[0]) and
                               not held_out(s[0])])
    if not labels:
        tail = opts.get("--tail", "0")
        audit_draw(hits, int(opts.get("--top", 150)),
                   int(opts.get("--hits", 8)), int(tail),
                   int(opts.get("--seed", 13)), out)
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    samples = sorted(os.path.join(here, f) for f in os.listdir(here)
                     if f.endswith(".tsv") and not f.startswith("audit-"))
    audited, _ = audit_counts(hits, labels[0], [])
    _, sampled = audit_counts(alone_hits(sents)[0], labels[0], samples)
    tail = None
    if "--tail" in opts:
        others = {key: found for key, found in hits.items()
                  if key not in audited}
        tail = [sum(x) for x in zip(*audit_counts(others, opts["--tail"],
                                                  [])[0].values())]
    audit_table(hits, tagged, audited, sampled, tail, out)
    return 0


def main(argv):
    if len(argv) < 5 or argv[1] not in ("report", "sample", "check",
                                        "estimate", "audit"):
        sys.exit(__doc__)
    if argv[1] == "estimate" and len(argv) < 7:
        sys.exit(__doc__)
    cmd, parallax, corpus, taxonomy = argv[1:5]
    arts = load_corpus(corpus)
    if cmd == "estimate":
        return estimate_main(arts, [parallax, taxonomy] + argv[5:],
                             sys.stdout)
    if cmd == "audit":
        return audit_main(arts, parallax, taxonomy, argv[5:], sys.stdout)
    sents = run(parallax, arts, taxonomy)
    out = sys.stdout
    if cmd == "report":
        opts = dict(zip(argv[5::2], argv[6::2]))
        report(arts, sents, int(opts.get("--top", 50)),
               int(opts.get("--wrong", 15)), out)
        return 0
    if cmd == "sample":
        sample(arts, sents, int(argv[5]), int(argv[6]),
               argv[7] if len(argv) > 7 else None, out)
        return 0
    return check(arts, sents, argv[5:], out)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
