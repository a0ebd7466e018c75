#!/usr/bin/env python3
"""The claim gold set: real multi-outlet stories of the AllSides corpus, each
fact that two or more outlets state listed with the sentences that state it.

A story file (*.gold) names its articles by corpus ID and each sentence by the
ID and a short piece of its text (an anchor), never the text itself:

    story  2013-01-04 December jobs report
    set    tune            (tune: used to tune the linker; held: kept out;
                            held2: kept out, and read before the second
                            round of tuning began; held3: kept out, read
                            before the third round began; held4: the
                            same before the fourth; held5: before the
                            sixth session's; held6: before the seventh's;
                            held7: before the eighth's; held8:
                            in the eleventh, which changed no linker
                            code, before it was first scored)
    article ID ...
    fact   what it says    (the sentences that follow state it)
      ID  anchor
      ~ID anchor           (states it too, beside its main fact: a link
                            to the others is neither required nor wrong)
      ID  =whole text      (the sentence that is exactly this, for one
                            whose text is inside a longer one's)
    apart  why             (these sentences must not share a claim)
      ID  anchor

    gold.py build CORPUS.jsonl.xz STORY.gold DIR   writes the story's sources
    gold.py show JSON                                 lists sentences to annotate
    gold.py score PARALLAX CORPUS STORY.gold...       prints recall, wrong links and
                                                      each claim judged (claims r/m/w)
    gold.py pairs PARALLAX PAIRS CORPUS STORY.gold... lists each missed and each
                                                      wrong pair with its scores and
                                                      why it was (not) linked, and
                                                      counts the reasons; PAIRS is
                                                      the build's tests/claims-gold/
                                                      pairs (make tests/claims-gold/
                                                      pairs)

The 50-claim reading (tests/claims-readings/SALT.tsv, one file a reading)
judges multi-outlet claims of stories outside the gold set by reading them:

    gold.py sample PARALLAX CORPUS SALT [N]   draws N claims (50), as rows to
                                              judge, printed
    gold.py read PARALLAX CORPUS READING.tsv  prints each row's sentences, and
                                              the verdicts counted
    gold.py relink PARALLAX CORPUS READING.tsv
                                              links each row's story again and
                                              tells which rows' claims are
                                              the same, gone (no claim of 2+
                                              outlets holds two of its
                                              outlets' sentences) or changed
                                              (printed, to judge again), and
                                              the verdicts of the same ones

sample's pool: the articles of one date and AllSides topic with 3+ outlets
(a group), none of a date of the gold set, none of a group any reading in
tests/claims-readings holds, none of the groups the unrecorded tuning
readings of sessions 3 and 4 drew (SPENT).  Groups go in the order of SHA-1
of SALT + the SHA-1 of "DATE-TOPIC" (hex); each group's sources are linked,
and of each story parallax finds (--stories order), at most two claims of
2+ outlets are drawn with random.Random(story id).sample (claim ids
ascending), until N.  A new SALT draws a new sample; the same SALT on the
same commit and readings draws the same one.
"""
import glob
import hashlib
import itertools
import json
import random
import lzma
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
import allsides  # noqa: E402  (tests/bench: the sources an article makes)

READINGS = os.path.join(HERE, "..", "claims-readings")
# Groups drawn by readings that were not recorded: session 4's tuning
# reading (the first 45 groups of odd SHA-1 in the order of salt "f4") and
# session 3's (the first 20 even ones in the order of "f1"), as (salt,
# parity, count).
SPENT = (("f4", 1, 45), ("f1", 0, 20))


def parse(path):
    story = {"path": path, "name": "", "set": "tune", "articles": [],
             "facts": [], "apart": []}
    group = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            where = "%s:%d" % (path, lineno)
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line[0] in " \t":
                if group is None:
                    sys.exit("%s: a sentence outside a fact or apart" % where)
                art, _, anchor = line.strip().partition(" ")
                aside = art.startswith("~")
                art = art.lstrip("~")
                if art not in story["articles"] or not anchor.strip():
                    sys.exit("%s: unknown article or empty anchor" % where)
                group["members"].append((art, anchor.strip(), where, aside))
                continue
            key, _, rest = line.strip().partition(" ")
            rest = rest.strip()
            if key == "story":
                story["name"] = rest
            elif key == "set":
                story["set"] = rest
            elif key == "article":
                story["articles"].extend(rest.split())
            elif key in ("fact", "apart"):
                group = {"label": rest, "members": [], "where": where}
                story["facts" if key == "fact" else "apart"].append(group)
            else:
                sys.exit("%s: unknown key %s" % (where, key))
    return story


def corpus(path, ids):
    found = {}
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["ID"] in ids:
                found[a["ID"]] = a
    missing = set(ids) - set(found)
    if missing:
        sys.exit("%s: articles not in the corpus: %s" % (path, " ".join(sorted(missing))))
    return found


def build(articles, ids, outdir):
    os.makedirs(outdir, exist_ok=True)
    for i, aid in enumerate(ids):
        a = articles[aid]
        with open(os.path.join(outdir, "%02d-%s.txt" % (i, aid)), "w", encoding="utf-8") as f:
            f.write("---\n")
            # A JSON string is a YAML double-quoted scalar.
            for key, value in (("outlet", a["source"]), ("title", a["title"]),
                               ("date", a["date"]), ("url", a["url"])):
                f.write("%s: %s\n" % (key, json.dumps(value)))
            f.write("---\n")
            f.write(a["content_original"])
            f.write("\n")


def locate(analysis):
    """The article ID of each source of a --json analysis, and its sentences."""
    out = {}
    for src in analysis["sources"]:
        aid = os.path.basename(src["path"]).split("-", 1)[1].rsplit(".", 1)[0]
        out[aid] = src
    return out


def resolve(sources, member):
    """The sentences an anchor names: one, or each copy of a sentence an
    article repeats word for word."""
    art, anchor, where = member[:3]
    if anchor.startswith("="):
        hits = [s for s in sources[art]["sentences"] if s["text"] == anchor[1:]]
    else:
        hits = [s for s in sources[art]["sentences"] if anchor in s["text"]]
    if len({s["text"] for s in hits}) != 1:
        sys.exit("%s: anchor %r is in %d sentences of %s" % (where, anchor, len(hits), art))
    return [(art, s["index"]) for s in hits]


def score_story(story, analysis):
    sources = locate(analysis)
    outlet = {aid: sources[aid]["outlet"] for aid in sources}
    claim_of = {}
    content = []
    for aid, src in sources.items():
        for s in src["sentences"]:
            key = (aid, s["index"])
            claim_of[key] = None if s["boilerplate"] or s.get("heading") else unit_claims(s)
            if claim_of[key] is not None:
                content.append(key)
    fact_of = {}
    must = set()
    for n, fact in enumerate(story["facts"]):
        keys = {k: m[3] for m in fact["members"] for k in resolve(sources, m)}
        for k in keys:
            fact_of.setdefault(k, set()).add(n)
        for a, b in itertools.combinations(sorted(keys), 2):
            if outlet[a[0]] != outlet[b[0]] and not keys[a] and not keys[b]:
                must.add((a, b))
    linked = lambda a, b: bool(claim_of[a] and claim_of[b] and claim_of[a] & claim_of[b])
    hit = sum(1 for a, b in must if linked(a, b))
    # Every cross-outlet pair of content sentences that no fact joins is a
    # pair of different facts: the gold lists every fact two outlets share.
    pairs = wrong = 0
    wrong_pairs = []
    for a, b in itertools.combinations(sorted(content), 2):
        if outlet[a[0]] == outlet[b[0]] or (a, b) in must:
            continue
        if fact_of.get(a, set()) & fact_of.get(b, set()):
            continue
        pairs += 1
        if linked(a, b):
            wrong += 1
            wrong_pairs.append((a, b))
    apart_bad = []
    for group in story["apart"]:
        keys = [k for m in group["members"] for k in resolve(sources, m)]
        for a, b in itertools.combinations(keys, 2):
            if linked(a, b):
                apart_bad.append((group["where"], group["label"]))
    claims = judge_claims(story, sources, outlet, claim_of, content)
    # Of the cross-outlet pairs parallax links, those the gold says state
    # one fact; a pair beside one of its facts (~) is neither.
    linked_pairs = sum(1 for a, b in itertools.combinations(sorted(content), 2)
                       if outlet[a[0]] != outlet[b[0]] and linked(a, b))
    return {"must": len(must), "hit": hit, "pairs": pairs, "wrong": wrong,
            "linked": linked_pairs, "claims": claims,
            "wrong_pairs": wrong_pairs, "apart_bad": apart_bad,
            "missed": [(a, b) for a, b in must if not linked(a, b)],
            "text": {(aid, s["index"]): s["text"] for aid, src in sources.items()
                     for s in src["sentences"]}}


def unit_claims(sentence):
    """The claims a sentence's units state (parallax cuts a sentence of
    two facts into units, each linked on its own): its own claim, or each
    unit's."""
    return frozenset([sentence["claim"]] + [u["claim"] for u in sentence.get("units", [])])


def pair_scores(pairs_bin, directory):
    """The linker's view of a story's sentences (pairs.c): the pair bar, the
    bar of a theme, and each scored pair's (similarity, founding bar) by
    its two sentences as (article ID, index), both ways round; of two
    sentences cut into units (unit.h), the best similarity and the least
    bar of their units' pairs."""
    out = subprocess.run([pairs_bin, directory], capture_output=True, check=True,
                         text=True).stdout
    aid = {}
    scores = {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "bars":
            pair_min, never = float(f[1]), float(f[2])
        elif f[0] == "doc":
            aid[int(f[1])] = os.path.basename(f[2]).split("-", 1)[1].rsplit(".", 1)[0]
        elif f[0] == "pair":
            a = (aid[int(f[1])], int(f[2]))
            b = (aid[int(f[3])], int(f[4]))
            old = scores.get((a, b), (0.0, never))
            scores[a, b] = scores[b, a] = (max(float(f[5]), old[0]), min(float(f[6]), old[1]))
    return pair_min, never, scores


def why_apart(a, b, claim_of, members, bars):
    """Why sentences A and B of a must-link pair are in two claims, as a
    reason (the same for all such pairs) and its figures."""
    pair_min, never, scores = bars
    sim, bar = scores.get((a, b), (0.0, never))
    ma, mb = members[claim_of[a]], members[claim_of[b]]
    if claim_of[a] is None or claim_of[b] is None:
        return "clutter", "one is boilerplate or a heading"
    if sim < pair_min:
        return "under the pair bar", "similarity %.3f < %.2f" % (sim, pair_min)
    if len(ma) == 1 and len(mb) == 1:
        if bar >= never:
            return "a theme, founds no claim", "similarity %.3f, shares too little of the main clauses" % sim
        if sim < bar:
            return "under the founding bar", "similarity %.3f < %.2f" % (sim, bar)
        return "never measured", "similarity %.3f >= bar %.2f: the candidate scan did not pair them" % (sim, bar)
    across = [scores.get((x, y), (0.0, never))[0] for x in ma for y in mb if x[0] != y[0]]
    same = [scores.get((x, y), (0.0, never))[0] for x in ma for y in mb if x[0] == y[0]]
    return "merge refused", "claims of %d and %d sentences: pairs across least %.3f, mean %.3f%s" % (
        len(ma), len(mb), min(across), sum(across) / len(across),
        ", a source in both, its sentences %s alike" % "/".join("%.2f" % x for x in same) if same else "")


def why_linked(a, b, claim_of, members, bars):
    pair_min, never, scores = bars
    sim, bar = scores.get((a, b), (0.0, never))
    how = "founded or joined on this pair" if sim >= max(pair_min, bar) else "joined through the claim"
    return how, "similarity %.3f, founding bar %.2f, claim of %d sentences" % (
        sim, bar, len(members[claim_of[a]]))


def explain(parallax, pairs_bin, corpus_path, paths):
    """gold.py pairs: each missed and wrong pair of the gold with why."""
    stories = [parse(p) for p in paths]
    articles = corpus(corpus_path, {a for s in stories for a in s["articles"]})
    reasons = {}
    for story in stories:
        with tempfile.TemporaryDirectory() as tmp:
            build(articles, story["articles"], tmp)
            run = subprocess.run([parallax, "--json", tmp], capture_output=True, check=True)
            bars = pair_scores(pairs_bin, tmp)
        analysis = json.loads(run.stdout)
        r = score_story(story, analysis)
        claim_of = {(aid, s["index"]): s["claim"] for aid, src in locate(analysis).items()
                    for s in src["sentences"]}
        members = {}
        for aid, src in locate(analysis).items():
            for s in src["sentences"]:
                for c in unit_claims(s):
                    members.setdefault(c, []).append((aid, s["index"]))
        print("%s %s: %d missed, %d wrong" % (story["set"], story["name"], len(r["missed"]),
                                              len(r["wrong_pairs"])))
        rows = [("miss",) + why_apart(a, b, claim_of, members, bars) + (a, b) for a, b in r["missed"]]
        rows += [("wrong",) + why_linked(a, b, claim_of, members, bars) + (a, b)
                 for a, b in r["wrong_pairs"]]
        for kind, reason, detail, a, b in sorted(rows, key=lambda x: (x[0], x[1], x[3], x[4])):
            key = "%s: %s" % (kind, reason)
            reasons.setdefault(story["set"], {}).setdefault(key, 0)
            reasons[story["set"]][key] += 1
            print("  %-5s %s (%s)" % (kind, reason, detail))
            for k in (a, b):
                print("        %s:%d %s" % (k[0], k[1], r["text"][k][:140]))
    for name in sorted(reasons):
        print("%s: %s" % (name, ", ".join("%s %d" % kv for kv in sorted(reasons[name].items()))))
    return 0


def judge_claims(story, sources, outlet, claim_of, content):
    """Each claim of 2+ outlets judged as a reader of the gold would: right
    when one fact has every member as its point (same-source members too),
    mixed when two outlets' members share a fact but others do not (another
    fact, none, or the fact only beside their point), wrong when no two
    outlets' members share a fact.  Returns (verdict, members) pairs."""
    main, aside = {}, {}
    for n, fact in enumerate(story["facts"]):
        for m in fact["members"]:
            for k in resolve(sources, m):
                (aside if m[3] else main).setdefault(k, set()).add(n)
    claims = {}
    for key in content:
        for c in claim_of[key]:
            claims.setdefault(c, []).append(key)
    out = []
    for members in claims.values():
        if len({outlet[k[0]] for k in members}) < 2:
            continue
        common = set.intersection(*(main.get(k, set()) for k in members))
        if common:
            out.append(("right", sorted(members)))
            continue
        facts = {}
        for k in members:
            for n in main.get(k, set()) | aside.get(k, set()):
                facts.setdefault(n, set()).add(outlet[k[0]])
        shared = any(len(o) >= 2 for o in facts.values())
        out.append(("mixed" if shared else "wrong", sorted(members)))
    return out


def show(analysis):
    for aid, src in locate(analysis).items():
        print("=== %s %s: %s" % (aid, src["outlet"], src["title"]))
        for s in src["sentences"]:
            flag = "B" if s["boilerplate"] else ("H" if s.get("heading") else " ")
            print("%3d %s c%-4s %s" % (s["index"], flag, s["claim"], s["text"]))


def sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def groups_in_order(path, salt, exclude_dates):
    """The groups of 3+ outlets ({"DATE-TOPIC": [article, ...]}) outside
    EXCLUDE_DATES, in the order SALT gives."""
    groups = {}
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["date"] not in exclude_dates:
                groups.setdefault("%s-%s" % (a["date"], a["topic"]), []).append(a)
    groups = {g: arts for g, arts in groups.items()
              if len({a["source"] for a in arts}) >= 3}
    return groups, sorted(groups, key=lambda g: sha1(salt + sha1(g)))


def read_groups():
    """Every group a recorded reading holds."""
    seen = set()
    for path in glob.glob(os.path.join(READINGS, "*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#") and line.count("\t") >= 4:
                    seen.add(line.split("\t")[2])
    return seen


def gold_dates(path):
    stories = [parse(p) for p in glob.glob(os.path.join(HERE, "*.gold"))]
    return {a["date"] for a in corpus(path, {a for s in stories for a in s["articles"]}).values()}


def link_group(parallax, articles, tmp):
    """Writes ARTICLES as sources in TMP and links them: each story's id
    and its --json analysis, in --stories order."""
    for i, a in enumerate(articles):
        allsides.write_source(a, os.path.join(tmp, "%05d.md" % (i + 1)), a["ID"])
    run = lambda *opt: json.loads(subprocess.run([parallax, *opt, tmp], capture_output=True,
                                                 check=True).stdout)
    return [(st["id"], run("--json", "--story=" + st["id"])) for st in run("--stories", "--json")["stories"]]


def member(aid, ref):
    """A claim's member as a reading names it: "ID:INDEX" for a whole
    sentence, "ID:INDEX@START-END" for a unit of one (bytes of its
    text)."""
    if "start" in ref:
        return "%s:%d@%d-%d" % (aid, ref["index"], ref["start"], ref["end"])
    return "%s:%d" % (aid, ref["index"])


def member_texts(analysis):
    """Each sentence of ANALYSIS and each unit of one, by its member name:
    (outlet, text)."""
    text = {}
    for src in analysis["sources"]:
        for s in src["sentences"]:
            aid = src["meta"]["id"]
            text[member(aid, s)] = (src["outlet"], s["text"])
            raw = s["text"].encode("utf-8")
            for u in s.get("units", []):
                text[member(aid, dict(u, index=s["index"]))] = (
                    src["outlet"], raw[u["start"]:u["end"]].decode("utf-8"))
    return text


def multi_outlet_claims(analysis):
    """Each claim of 2+ outlets, claim ids ascending, as its sentences
    ("ARTICLE:INDEX", sorted)."""
    ids = {src["id"]: src["meta"]["id"] for src in analysis["sources"]}
    outlet = {src["id"]: src["outlet"] for src in analysis["sources"]}
    out = []
    for claim in sorted(analysis["claims"], key=lambda c: c["id"]):
        if len({outlet[s["source"]] for s in claim["sentences"]}) >= 2:
            out.append(sorted(member(ids[s["source"]], s) for s in claim["sentences"]))
    return out


def sample(parallax, path, salt, n):
    groups, order = groups_in_order(path, salt, gold_dates(path))
    spent = read_groups()
    for old_salt, parity, count in SPENT:
        spent.update([g for g in sorted(groups, key=lambda g: sha1(old_salt + sha1(g)))
                      if int(sha1(g), 16) % 2 == parity][:count])
    rows = []
    for group in order:
        if group in spent:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            stories = link_group(parallax, groups[group], tmp)
        for story, analysis in stories:
            claims = multi_outlet_claims(analysis)
            for members in random.Random(story).sample(claims, min(2, len(claims))):
                if len(rows) < n:
                    rows.append((group, story, members))
        if len(rows) == n:
            break
    print("# sample\tn\tgroup\tstory\tverdict\tsentences (article ID:sentence index)")
    for k, (group, story, members) in enumerate(rows):
        print("story\t%d\t%s\t%s\t?\t%s" % (k, group, story, ",".join(members)))
    return 0 if len(rows) == n else 1


def reading_rows(reading):
    """The rows of the reading file READING, each split at its tabs."""
    rows = []
    with open(reading, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.count("\t") >= 5:
                rows.append(line.rstrip("\n").split("\t"))
    return rows


def groups_of_rows(rows):
    """The groups ROWS read, in the order of each one's first row."""
    return sorted({r[2] for r in rows}, key=lambda g: min(int(r[1]) for r in rows if r[2] == g))


def read(parallax, path, reading):
    """Prints the sentences of each row of READING and counts its verdicts."""
    rows = reading_rows(reading)
    byid = corpus(path, {m.split(":")[0] for r in rows for m in r[5].split(",")})
    counts = {}
    for group in groups_of_rows(rows):
        members = {m.split(":")[0] for r in rows if r[2] == group for m in r[5].split(",")}
        with tempfile.TemporaryDirectory() as tmp:
            for i, aid in enumerate(sorted(members)):
                allsides.write_source(byid[aid], os.path.join(tmp, "%05d.md" % (i + 1)), aid)
            analysis = json.loads(subprocess.run([parallax, "--json", "--one-story", tmp],
                                                 capture_output=True, check=True).stdout)
        text = member_texts(analysis)
        for r in rows:
            if r[2] != group:
                continue
            counts[r[4]] = counts.get(r[4], 0) + 1
            print("[%s] %s %s %s" % (r[1], r[4], group, r[3]))
            for m in r[5].split(","):
                print("   %-22.22s %s %s" % (text[m][0], m, text[m][1]))
    print(" ".join("%s %d" % kv for kv in sorted(counts.items())))
    return 0


def relink(parallax, path, reading):
    """gold.py relink: each row of READING against its story linked anew."""
    rows = reading_rows(reading)
    groups, _ = groups_in_order(path, "", set())
    counts = {}
    for group in groups_of_rows(rows):
        with tempfile.TemporaryDirectory() as tmp:
            stories = dict(link_group(parallax, groups[group], tmp))
        for r in rows:
            if r[2] != group:
                continue
            analysis = stories.get(r[3])
            if analysis is None:
                sys.exit("%s: story %s is not in group %s any more" % (reading, r[3], group))
            text = member_texts(analysis)
            members = r[5].split(",")
            # A unit of a sentence the row holds counts as that sentence.
            whole = lambda ms: {m.split("@")[0] for m in ms}
            now = [c for c in multi_outlet_claims(analysis) if whole(c) & whole(members)]
            now = [c for c in now if len({text[m][0] for m in c if whole([m]) & whole(members)}) >= 2]
            if now == [sorted(members)]:
                state = "same"
                counts[r[4]] = counts.get(r[4], 0) + 1
            elif not now:
                state = "gone"
            else:
                state = "changed"
            counts[state] = counts.get(state, 0) + 1
            print("[%s] %s %s (%s) %s" % (r[1], state, r[4], r[6] if len(r) > 6 else "", r[3]))
            for c in now if state == "changed" else []:
                print("   now:")
                for m in c:
                    print("   %s %-22.22s %s %s" % ("*" if whole([m]) & whole(members) else " ",
                                                text[m][0], m, text[m][1]))
    print(" ".join("%s %d" % kv for kv in sorted(counts.items())))
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "build":
        story = parse(argv[3])
        build(corpus(argv[2], set(story["articles"])), story["articles"], argv[4])
        return 0
    if len(argv) == 3 and argv[1] == "show":
        with open(argv[2], encoding="utf-8") as f:
            show(json.load(f))
        return 0
    if len(argv) in (5, 6) and argv[1] == "sample":
        return sample(argv[2], argv[3], argv[4], int(argv[5]) if len(argv) == 6 else 50)
    if len(argv) >= 6 and argv[1] == "pairs":
        return explain(argv[2], argv[3], argv[4], argv[5:])
    if len(argv) == 5 and argv[1] == "relink":
        return relink(argv[2], argv[3], argv[4])
    if len(argv) == 5 and argv[1] == "read":
        return read(argv[2], argv[3], argv[4])
    if len(argv) < 5 or argv[1] != "score":
        sys.exit(__doc__)
    parallax, corpus_path = argv[2], argv[3]
    verbose = os.environ.get("GOLD_VERBOSE")
    stories = [parse(p) for p in argv[4:]]
    articles = corpus(corpus_path, {a for s in stories for a in s["articles"]})
    totals = {}
    for story in stories:
        with tempfile.TemporaryDirectory() as tmp:
            build(articles, story["articles"], tmp)
            run = subprocess.run([parallax, "--json", tmp], capture_output=True, check=True)
        r = score_story(story, json.loads(run.stdout))
        t = totals.setdefault(story["set"], {"must": 0, "hit": 0, "pairs": 0, "wrong": 0, "apart": 0,
                                             "linked": 0, "right": 0, "mixed": 0, "wrongc": 0})
        for k in ("must", "hit", "pairs", "wrong", "linked"):
            t[k] += r[k]
        t["apart"] += len(r["apart_bad"])
        verdicts = [v for v, _ in r["claims"]]
        for v in ("right", "mixed"):
            t[v] += verdicts.count(v)
        t["wrongc"] += verdicts.count("wrong")
        print("%-5s %-50s recall %3d/%-3d wrong %3d/%-4d claims %2d/%2d/%2d" % (
            story["set"], story["name"][:50], r["hit"], r["must"], r["wrong"], r["pairs"],
            verdicts.count("right"), verdicts.count("mixed"), verdicts.count("wrong")))
        if verbose:
            for v, members in r["claims"]:
                if v != "right":
                    print("   claim %s" % v)
                    for k in members:
                        print("         %s %s" % (k[0][:4], r["text"][k][:110]))
            for a, b in r["missed"]:
                print("   miss  %s\n         %s" % (r["text"][a][:110], r["text"][b][:110]))
            for a, b in r["wrong_pairs"]:
                print("   wrong %s\n         %s" % (r["text"][a][:110], r["text"][b][:110]))
        for where, label in r["apart_bad"]:
            print("   %s: linked, but must stay apart (%s)" % (where, label))
    status = 0
    # The goals; GOLD_FLOORS ({"tune": {"recall": 0.5}, ...}) lowers
    # them while the engine does not reach them yet.
    goals = {"tune": {"recall": 0.85, "wrong": 0.005, "apart": 0, "right": 0.90},
             "held": {"recall": 0.80, "wrong": 0.005, "apart": 0, "right": 0.90}}
    for name, floor in json.loads(os.environ.get("GOLD_FLOORS", "{}")).items():
        goals.setdefault(name, dict(goals["held" if name.startswith("held") else "tune"])).update(floor)
    for name in sorted(totals):
        t = totals[name]
        recall = t["hit"] / t["must"] if t["must"] else 1.0
        wrong = t["wrong"] / t["pairs"] if t["pairs"] else 0.0
        print("%s: must-link recall %.3f (%d/%d), cross-outlet wrong links %.2f%% (%d/%d), apart pairs linked %d" % (
            name, recall, t["hit"], t["must"], 100 * wrong, t["wrong"], t["pairs"], t["apart"]))
        nclaims = t["right"] + t["mixed"] + t["wrongc"]
        right = t["right"] / nclaims if nclaims else 1.0
        print("%s: multi-outlet claims right %d/%d (%.0f%%), mixed %d, wrong %d; link precision %.3f (%d/%d)" % (
            name, t["right"], nclaims, 100 * right, t["mixed"],
            t["wrongc"], t["hit"] / t["linked"] if t["linked"] else 1.0, t["hit"], t["linked"]))
        goal = goals.get(name, goals["held" if name.startswith("held") else "tune"])
        if (recall < goal["recall"] or wrong > goal["wrong"] or t["apart"] > goal["apart"]
                or right < goal["right"]):
            print("%s: below %s (recall >= %.2f, wrong links <= %.2f%%, apart pairs linked <= %d, "
                  "claims right >= %.0f%%)" % (
                      name, "the goal" if name in goals else "the floor", goal["recall"],
                      100 * goal["wrong"], goal["apart"], 100 * goal["right"]))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
