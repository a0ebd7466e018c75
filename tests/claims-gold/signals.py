#!/usr/bin/env python3
"""Signals the linker's pair score leaves out, measured on the claim gold
set's cross-outlet sentence pairs (issue 16's recall), and their
combination by a logistic model fitted on the tuning stories only.

    signals.py dump PARALLAX PAIRS CORPUS STORY.gold... > TABLE.tsv
        one row a pair of content sentences of two outlets that the gold
        calls the same fact (label 1) or two different facts (label 0;
        pairs beside a fact, "~", are neither and left out): the story's
        set, the linker's pair score and founding bar (PAIRS is the build's
        tests/claims-gold/pairs), and each signal below
    signals.py measure TABLE.tsv
        for each signal alone and for the logistic model: the share of
        same-fact pairs at or above the score that lets 0.5% of tune's
        different-fact pairs through, on tune and on each held set (with
        the share of its different-fact pairs let through), the area under
        the ROC curve, and held*'s recall at its own 0.5% bar (a ceiling,
        not a result); a signal where less means the same fact on tune is
        turned round ("-name").  Then, of the pairs at or above the
        linker's pair bar, those the founding rules let found a claim
        against those a model would at as many tuning different-fact
        pairs; a model of the pairs just under the bar; the pair score
        with a bonus for one signal at a few sizes; and how many pairs
        are between two sources' first sentences (the lead fact)
    signals.py swaps CORPUS SHARE APART
        word swaps learned from the archive's restatements (two outlets'
        sentences of one date and topic, outside the gold set's dates,
        sharing SHARE of the shorter's words, at most APART words apart)

Signals (each a number; the text is the gold's sentences as parallax
splits them, words folded to lower case and crudely stemmed here, not by
the linker's stemmer):
    sim, found      the linker's pair score, and 1 when the two alone
                    would found a claim at that score (candidates.h)
    lead_max        the later one's rank among its source's content
                    sentences; lead_min the earlier one's; lead_names 1
                    when both are among their first three and share two
                    words two thirds of the outlets carry; place_apart how
                    far apart their places in their sources are (0 to 1)
    story_main      words in common weighted by the share of the story's
                    outlets that carry them (the story's main names score
                    high); story_idf the same by log(outlets / carrying)
    jaccard         content words in common over the union; bigrams the
                    adjacent content-word pairs in common
    numbers_same    figures in common after folding "7.7%"/"7.7 percent",
                    "$1.2 billion"/"1.2bn", number words; numbers_differ 1
                    when both give figures and none agree; dates_same
                    month-days, weekdays and years in common
    names_same      capitalised words (not opening the sentence) in common
    quote_words     words of quotations in common; speaker_same 1 when
                    both attribute to the same name (said/says/told)
    best_sim        1 when each is the other's best-scoring sentence in
                    its source (best_jaccard: by jaccard); share_of_best
                    their jaccard over the lesser of each one's best
                    jaccard in the other's source
    bridge          the best, over sentences of a third outlet, of the
                    lesser of its two pair scores with them: what a claim
                    of three outlets would join them through
"""
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# No __pycache__ left in the source tree (read-only under distcheck).
sys.dont_write_bytecode = True
import gold  # noqa: E402

STOP = set("""a an the and or but if of to in on at by for with from as into
about over after before than then that this these those there here it its
is are was were be been being has have had do does did will would could
should may might must can not no nor so such he she they them his her their
we our you your i me my mr mrs ms who whom whose which what when where why
how all any both each more most other some also just only very said says
say told according one s t new""".split())
WORD_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
MONTHS = ("january february march april may june july august september "
          "october november december").split()
MONTH_ABBR = {m[:3]: m for m in MONTHS}
MONTH_ABBR["sept"] = "september"
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
SPEECH = re.compile(r"\b(?:said|says|say|told|tells|according to|added|wrote|tweeted)\b")
QUOTED = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")
TOKEN = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?|[A-Za-z][A-Za-z'’.-]*")

SIGNALS = ["sim", "found", "lead_max", "lead_min", "lead_names", "place_apart",
           "story_main", "story_idf", "jaccard", "bigrams", "numbers_same",
           "numbers_differ", "dates_same", "names_same", "quote_words",
           "speaker_same", "best_sim", "best_jaccard", "share_of_best", "bridge"]


def stem(word):
    """A crude fold of inflections: enough to compare two outlets' words."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'.-")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def figures(text):
    """The figures TEXT gives, folded: ('n', value, percent) for amounts,
    ('d', month, day), ('w', weekday), ('y', year)."""
    out = set()
    toks = TOKEN.findall(text)
    low = [t.lower().rstrip(".") for t in toks]
    for i, (tok, w) in enumerate(zip(toks, low)):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        nxt2 = low[i + 2] if i + 2 < len(low) else ""
        if w in MONTHS or w in MONTH_ABBR:
            if re.fullmatch(r"\d{1,2}", nxt):
                out.add(("d", MONTH_ABBR.get(w, w), int(nxt)))
            continue
        if w in WEEKDAYS:
            out.add(("w", w))
            continue
        value = None
        if tok[0].isdigit() or tok[0] == "$":
            digits = tok.lstrip("$").rstrip("%").replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                continue
            if re.fullmatch(r"(19|20)\d\d", digits) and not tok.endswith("%"):
                out.add(("y", int(digits)))
                continue
        elif w in WORD_NUMBERS and w not in ("one", "zero"):
            value = float(WORD_NUMBERS[w])
        if value is None:
            continue
        if nxt in SCALES:
            value *= SCALES[nxt]
        percent = tok.endswith("%") or nxt in ("percent", "%") or \
            (nxt == "per" and nxt2 == "cent") or nxt2 == "percent"
        out.add(("n", round(value, 6), percent))
    return out


def words_of(text):
    toks = TOKEN.findall(text)
    return [stem(t) for t in toks if t.lower() not in STOP and not t[0].isdigit()
            and t[0] != "$" and len(t) > 1]


def names_of(text):
    toks = TOKEN.findall(text)
    return {stem(t) for k, t in enumerate(toks) if k > 0 and t[0].isupper()
            and t.lower() not in STOP and t.lower() not in MONTHS and t.lower() not in WEEKDAYS}


def speakers_of(text):
    """Capitalised words within four words of a verb of saying."""
    out = set()
    for m in SPEECH.finditer(text):
        around = TOKEN.findall(text[max(0, m.start() - 40):m.end() + 40])
        out |= {stem(t) for t in around if t[0].isupper() and t.lower() not in STOP}
    return out


def quoted_words(text):
    return {stem(t) for q in QUOTED.findall(text) for t in TOKEN.findall(q)
            if t.lower() not in STOP}


def sentence_info(text):
    words = words_of(text)
    return {"words": set(words), "bigrams": set(zip(words, words[1:])),
            "figures": figures(text), "names": names_of(text),
            "speakers": speakers_of(text), "quoted": quoted_words(text)}


def pair_signals(x, y, rank, place, carry, noutlets):
    shared = x["words"] & y["words"]
    union = x["words"] | y["words"]
    nx = {f for f in x["figures"] if f[0] == "n"}
    ny = {f for f in y["figures"] if f[0] == "n"}
    main = {w for w in shared if carry.get(w, 0) * 3 >= noutlets * 2}
    return {
        "lead_max": float(max(rank)),
        "lead_min": float(min(rank)),
        "lead_names": float(max(rank) < 3 and len(main) >= 2),
        "place_apart": abs(place[0] - place[1]),
        "story_main": sum(carry.get(w, 0) / noutlets for w in shared),
        "story_idf": sum(math.log(noutlets / carry[w]) for w in shared if carry.get(w)),
        "jaccard": len(shared) / len(union) if union else 0.0,
        "bigrams": float(len(x["bigrams"] & y["bigrams"])),
        "numbers_same": float(len(nx & ny)),
        "numbers_differ": float(bool(nx) and bool(ny) and not (nx & ny)),
        "dates_same": float(len({f for f in x["figures"] & y["figures"] if f[0] != "n"})),
        "names_same": float(len(x["names"] & y["names"])),
        "quote_words": float(len(x["quoted"] & y["quoted"])),
        "speaker_same": float(bool(x["speakers"] & y["speakers"])),
    }


def relative_signals(table, outlet):
    """The signals of each pair of TABLE ({(a, b): signals}) that depend on
    the story's other pairs: sentences of one story tend to answer one
    another, each its best match in the other source, and a fact three
    outlets state links through the third."""
    best, near = {}, {}
    for (a, b), sig in table.items():
        for k, other in ((a, b[0]), (b, a[0])):
            old = best.get((k, other), (0.0, 0.0))
            best[k, other] = (max(old[0], sig["sim"]), max(old[1], sig["jaccard"]))
        if sig["sim"] > 0:
            near.setdefault(a, {})[b] = sig["sim"]
            near.setdefault(b, {})[a] = sig["sim"]
    for (a, b), sig in table.items():
        ba, bb = best[a, b[0]], best[b, a[0]]
        sig["best_sim"] = float(sig["sim"] > 0 and sig["sim"] >= ba[0] and sig["sim"] >= bb[0])
        sig["best_jaccard"] = float(sig["jaccard"] > 0 and sig["jaccard"] >= ba[1] and
                                    sig["jaccard"] >= bb[1])
        sig["share_of_best"] = min(sig["jaccard"] / ba[1] if ba[1] else 0.0,
                                   sig["jaccard"] / bb[1] if bb[1] else 0.0)
        na, nb = near.get(a, {}), near.get(b, {})
        sig["bridge"] = max([min(na[c], nb[c]) for c in na.keys() & nb.keys()
                             if outlet[c[0]] not in (outlet[a[0]], outlet[b[0]])] or [0.0])


def story_rows(story, analysis, scores, never):
    """Each labelled cross-outlet pair of STORY's content sentences, as
    (a, b, label, signals)."""
    sources = gold.locate(analysis)
    outlet = {aid: sources[aid]["outlet"] for aid in sources}
    info, rank, place = {}, {}, {}
    for aid, src in sources.items():
        content = [s for s in src["sentences"] if not s["boilerplate"] and not s.get("heading")]
        for r, s in enumerate(content):
            info[aid, s["index"]] = sentence_info(s["text"])
            rank[aid, s["index"]] = r
            place[aid, s["index"]] = r / len(content)
    carry = {}
    for o in set(outlet.values()):
        for w in set().union(*(info[k]["words"] for k in info if outlet[k[0]] == o)):
            carry[w] = carry.get(w, 0) + 1
    noutlets = len(set(outlet.values()))
    main_fact, any_fact = {}, {}
    for n, fact in enumerate(story["facts"]):
        for m in fact["members"]:
            for k in gold.resolve(sources, m):
                any_fact.setdefault(k, set()).add(n)
                if not m[3]:
                    main_fact.setdefault(k, set()).add(n)
    table = {}
    for a, b in itertools.combinations(sorted(info), 2):
        if outlet[a[0]] != outlet[b[0]]:
            sim, bar = scores.get((a, b), (0.0, never))
            table[a, b] = pair_signals(info[a], info[b], (rank[a], rank[b]),
                                       (place[a], place[b]), carry, noutlets)
            table[a, b].update(sim=sim, found=float(sim >= bar))
    relative_signals(table, outlet)
    for (a, b), sig in sorted(table.items()):
        if main_fact.get(a, set()) & main_fact.get(b, set()):
            yield a, b, 1, sig
        elif not any_fact.get(a, set()) & any_fact.get(b, set()):
            yield a, b, 0, sig


def dump(parallax, pairs_bin, corpus_path, paths):
    stories = [gold.parse(p) for p in paths]
    articles = gold.corpus(corpus_path, {a for s in stories for a in s["articles"]})
    for n, story in enumerate(stories):
        with tempfile.TemporaryDirectory() as tmp:
            gold.build(articles, story["articles"], tmp)
            analysis = json.loads(subprocess.run([parallax, "--json", tmp], capture_output=True,
                                                 check=True).stdout)
            pair_min, never, scores = gold.pair_scores(pairs_bin, tmp)
        if n == 0:
            print("# pair bar\t%.2f" % pair_min)
            print("\t".join(["set", "story", "a", "b", "label"] + SIGNALS))
        for a, b, label, sig in story_rows(story, analysis, scores, never):
            print("\t".join([story["set"], os.path.basename(story["path"])[:-5],
                             "%s:%d" % a, "%s:%d" % b, str(label)] +
                            ["%.4f" % sig[s] for s in SIGNALS]))
    return 0


def read_table(path):
    """The rows of a dump, as (set, label, signals), and the pair bar."""
    rows = []
    with open(path, encoding="utf-8") as f:
        pair_min = float(f.readline().split("\t")[1])
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            v = line.rstrip("\n").split("\t")
            row = dict(zip(head, v))
            rows.append((row["set"], int(row["label"]), [float(row[s]) for s in SIGNALS]))
    return rows, pair_min


WRONG = 0.005


def bar_at(scores0):
    """The least score above which at most WRONG of different-fact pairs
    lie (SCORES0 their scores): pairs at or above it count as linked."""
    s = sorted(scores0, reverse=True)
    allowed = int(WRONG * len(s))
    # The (allowed+1)th highest is the first not allowed: the bar lies just
    # above it.
    return s[allowed] + 1e-9 if allowed < len(s) else -math.inf


def recall_at(pairs, bar):
    pos = [s for s, y in pairs if y == 1]
    neg = [s for s, y in pairs if y == 0]
    return (sum(1 for s in pos if s >= bar) / len(pos),
            sum(1 for s in neg if s >= bar) / len(neg), len(pos))


def auc(pairs):
    """Mann-Whitney: the chance a same-fact pair outscores a different-fact
    one, ties counted half."""
    ranked = sorted(pairs)
    npos = sum(y for _, y in pairs)
    nneg = len(pairs) - npos
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2
        rank_sum += mid * sum(y for _, y in ranked[i:j])
        i = j
    return (rank_sum - npos * (npos + 1) / 2) / (npos * nneg)


def standardise(rows, columns):
    tune = [x for s, _, x in rows if s == "tune"]
    mean = [sum(x[c] for x in tune) / len(tune) for c in columns]
    sd = [math.sqrt(sum((x[c] - m) ** 2 for x in tune) / len(tune)) or 1.0
          for c, m in zip(columns, mean)]
    return lambda x: [1.0] + [(x[c] - m) / d for c, m, d in zip(columns, mean, sd)]


def solve(a, b):
    """A x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(m[r][i]))
        m[i], m[p] = m[p], m[i]
        for r in range(i + 1, n):
            f = m[r][i] / m[i][i]
            for c in range(i, n + 1):
                m[r][c] -= f * m[i][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        x[i] = (m[i][n] - sum(m[i][c] * x[c] for c in range(i + 1, n))) / m[i][i]
    return x


def logistic(xs, ys, ridge=1.0, rounds=25):
    """Weights of a logistic model by Newton's method, an L2 penalty of
    RIDGE on all but the intercept."""
    k = len(xs[0])
    w = [0.0] * k
    for _ in range(rounds):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, ys):
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            h = p * (1 - p)
            for i in range(k):
                grad[i] += g * x[i]
                hx = h * x[i]
                row = hess[i]
                for j in range(i, k):
                    row[j] += hx * x[j]
        for i in range(k):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i > 0:
                grad[i] += ridge * w[i]
                hess[i][i] += ridge
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def fitted(rows, cols, ridge=1.0):
    """The logistic model on columns COLS fitted on ROWS' tuning stories,
    as a score function, and its standardised weights."""
    norm = standardise(rows, cols)
    w = logistic([norm(x) for s, _, x in rows if s == "tune"],
                 [y for s, y, _ in rows if s == "tune"], ridge)
    return (lambda x: sum(a * b for a, b in zip(w, norm(x)))), w


def report(name, rows, score):
    """A row of the table: tuned figures, then each held set's and all
    held sets' together at tune's bar."""
    sets = sorted({s for s, _, _ in rows}, key=lambda s: (s != "tune", s))
    by = {s: [(score(x), y) for t, y, x in rows if t == s] for s in sets}
    if auc(by["tune"]) < 0.5:
        # Lower means the same fact: turned round, and named so.
        by = {s: [(-v, y) for v, y in p] for s, p in by.items()}
        name = "-" + name
    bar = bar_at([v for v, y in by["tune"] if y == 0])
    by["held*"] = [p for s in sets if s != "tune" for p in by[s]]
    cells = []
    for s in sets + ["held*"]:
        r, w, _ = recall_at(by[s], bar)
        cells.append("%.3f %.2f%%" % (r, 100 * w) if s != "tune" else "%.3f" % r)
    own = recall_at(by["held*"], bar_at([v for v, y in by["held*"] if y == 0]))[0]
    print("%-15s %s | auc %.3f %.3f | own %.3f" % (name, "  ".join(cells), auc(by["tune"]),
                                                   auc(by["held*"]), own))


def founding(rows, pair_min):
    """Of the pairs at or above the pair bar, those the founding rules
    (candidates.h) let found a claim against those a model of every
    signal, fitted on them on tune, lets through at as many tuning
    different-fact pairs."""
    top = [r for r in rows if r[2][SIGNALS.index("sim")] >= pair_min]
    found = SIGNALS.index("found")
    score, _ = fitted(top, list(range(len(SIGNALS))))
    tune0 = sorted((score(x) for s, y, x in top if s == "tune" and y == 0), reverse=True)
    bar = tune0[sum(1 for s, y, x in top if s == "tune" and y == 0 and x[found])] + 1e-9
    print("pairs at or above the pair bar (%.2f): same-fact found / all, different-fact "
          "found" % pair_min)
    for name, linked in (("founding rules", lambda x: x[found] > 0),
                         ("model", lambda x: score(x) >= bar)):
        cells = []
        for part in ("tune", "held*"):
            p = [(y, linked(x)) for s, y, x in top if (s == "tune") == (part == "tune")]
            cells.append("%s %d/%d, %d" % (part, sum(1 for y, k in p if y and k),
                                           sum(y for y, _ in p),
                                           sum(1 for y, k in p if not y and k)))
        print("  %-15s %s" % (name, "; ".join(cells)))


def band(rows, pair_min, low=0.10):
    """Pairs scored from LOW to the pair bar, where most missed same-fact
    pairs lie: a model fitted on tune's, and the held same-fact pairs it
    ranks above the first 10, 20 and 40 held different-fact pairs."""
    sim = SIGNALS.index("sim")
    mid = [r for r in rows if low <= r[2][sim] < pair_min]
    score, _ = fitted(mid, list(range(len(SIGNALS))))
    held = sorted(((score(x), y) for s, y, x in mid if s != "tune"), reverse=True)
    taken, wrong, cells = 0, 0, []
    for _, y in held:
        taken += y
        wrong += 1 - y
        if not y and wrong in (10, 20, 40):
            cells.append("%d for %d" % (taken, wrong))
    print("pairs at %.2f to the pair bar: held* %d same-fact, %d different-fact; a model "
          "fitted on tune's takes %s" % (low, sum(y for _, y in held),
                                         sum(1 - y for _, y in held), ", ".join(cells)))


def leads(rows, pair_min):
    """Pairs of two sources' first K content sentences: the lead fact."""
    lead, sim = SIGNALS.index("lead_max"), SIGNALS.index("sim")
    print("both among their sources' first K content sentences: same-fact pairs "
          "(under the pair bar) / different-fact pairs")
    for k in (1, 2, 3):
        cells = []
        for part in ("tune", "held*"):
            p = [(y, x) for s, y, x in rows if (s == "tune") == (part == "tune") and x[lead] < k]
            cells.append("%s %d (%d) / %d" % (part, sum(y for y, _ in p),
                                              sum(1 for y, x in p if y and x[sim] < pair_min),
                                              sum(1 - y for y, _ in p)))
        print("  K=%d  %s" % (k, "; ".join(cells)))


def bonuses(rows):
    """The pair score with a bonus for one signal, as the linker could add
    it, each bonus at a few sizes: recall at tune's bar, tune and held*."""
    sim = SIGNALS.index("sim")
    print("sim + a bonus (tune | held* at tune's bar, its different-fact pairs let through)")
    for name, test in (("first two", lambda x: x[SIGNALS.index("lead_max")] < 2),
                       ("first three", lambda x: x[SIGNALS.index("lead_max")] < 3),
                       ("best_sim", lambda x: x[SIGNALS.index("best_sim")] > 0),
                       ("share_of_best", lambda x: x[SIGNALS.index("share_of_best")]),
                       ("bridge", lambda x: x[SIGNALS.index("bridge")])):
        cells = []
        for size in (0.03, 0.06, 0.1, 0.2):
            score = [(s, x[sim] + size * test(x), y) for s, y, x in rows]
            bar = bar_at([v for s, v, y in score if s == "tune" and y == 0])
            tune = recall_at([(v, y) for s, v, y in score if s == "tune"], bar)
            held = recall_at([(v, y) for s, v, y in score if s != "tune"], bar)
            cells.append("+%.2f %.3f | %.3f %.2f%%" % (size, tune[0], held[0], 100 * held[1]))
        print("  %-14s %s" % (name, ";  ".join(cells)))


def measure(path):
    rows, pair_min = read_table(path)
    sets = sorted({s for s, _, _ in rows if s != "tune"})
    print("same-fact pairs at or above the score that lets %.1f%% of tune's different-fact "
          "pairs through: tune, then each held set's (its different-fact pairs let through); "
          "AUC tune, held*; held*'s recall at its own bar" % (100 * WRONG))
    print("%-15s tune   %s" % ("", "  ".join("%-12s" % s for s in sets + ["held*"])))
    for c, name in enumerate(SIGNALS):
        report(name, rows, lambda x, c=c: x[c])
    for name, cols in (("model", list(range(len(SIGNALS)))),
                       ("model but sim", [c for c, s in enumerate(SIGNALS)
                                          if s not in ("sim", "found")])):
        score, w = fitted(rows, cols)
        report(name, rows, score)
        print("   weights (standardised): " + ", ".join(
            "%s %+.2f" % (SIGNALS[c], v) for c, v in zip(cols, w[1:])))
    bonuses(rows)
    founding(rows, pair_min)
    band(rows, pair_min)
    leads(rows, pair_min)
    return 0


def swaps(corpus_path, least_share, most_apart):
    """Word swaps learned from the archive's own restatements, for a table
    of verbs outlets swap ("fired" / "forced out"): sentences of two
    outlets in one group (date and AllSides topic; no date of the gold
    set, so that the table stays off its stories) that share LEAST_SHARE
    of the shorter one's words, each with at most MOST_APART words the
    other lacks; each word of one's remainder against each of the other's,
    counted, with its pointwise mutual information."""
    import lzma
    dates = gold.gold_dates(corpus_path)
    groups = {}
    with lzma.open(corpus_path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["date"] not in dates:
                groups.setdefault((a["date"], a["topic"]), []).append(a)
    split = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[A-Z“\"])")
    together, alone, aligned = {}, {}, 0
    for arts in groups.values():
        sents = [(a["source"], set(words_of(t))) for a in arts
                 for t in split.split(a["content_original"] or "")]
        sents = [(o, w) for o, w in sents if len(w) >= 5]
        for (o, x), (p, y) in itertools.combinations(sents, 2):
            if o == p or len(x & y) < least_share * min(len(x), len(y)):
                continue
            dx, dy = x - y, y - x
            if not dx or not dy or len(dx) > most_apart or len(dy) > most_apart:
                continue
            aligned += 1
            for w in dx | dy:
                alone[w] = alone.get(w, 0) + 1
            for pair in itertools.product(dx, dy):
                pair = tuple(sorted(pair))
                together[pair] = together.get(pair, 0) + 1
    print("# %d sentence pairs aligned; swaps seen 3+ times: word, word, count, PMI" % aligned)
    for (x, y), n in sorted(together.items(), key=lambda kv: -kv[1]):
        if n >= 3:
            print("%s\t%s\t%d\t%.2f" % (x, y, n, math.log(n * aligned / (alone[x] * alone[y]))))
    return 0


def main(argv):
    if len(argv) >= 6 and argv[1] == "dump":
        return dump(argv[2], argv[3], argv[4], argv[5:])
    if len(argv) == 3 and argv[1] == "measure":
        return measure(argv[2])
    if len(argv) == 5 and argv[1] == "swaps":
        return swaps(argv[2], float(argv[3]), int(argv[4]))
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
