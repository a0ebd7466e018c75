#!/usr/bin/env python3
"""Writes the bundled outlets.yaml from the AllSides development data.

Usage: config/outlets-allsides.py ../shared/data/allsides-dev > config/outlets.yaml

Every outlet with MIN_ARTICLES or more articles in articles.jsonl.xz gets a
profile whose leaning is the data set's bias_text.  Its domain is the one
that holds nearly all of its articles' URLs; outlets the data set splits
by section (CNN's web news and editorials) share a domain and a leaning
and become one profile with the section names as aliases.  What the data
set does not say (kind, country, the profile name of a merged outlet) is
in the tables below, so a new outlet in the data stops the script until
someone fills them in; the wires AP, Reuters and AFP are added by hand.
"""

import collections
import json
import lzma
import os
import sys
from urllib.parse import urlparse

MIN_ARTICLES = 20
DOMAIN_SHARE = 0.9

# Profile names for outlets the data set splits by section.
MERGED_NAMES = {
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nytimes.com": "The New York Times",
}

# name: (kind, country or None)
FACTS = {
    "Associated Press": ("wire", "US"),
    "Bloomberg": ("wire", "US"),
    "Breitbart News": ("online", "US"),
    "Business Insider": ("online", "US"),
    "CBN": ("broadcaster", "US"),
    "CNBC": ("broadcaster", "US"),
    "CNN": ("broadcaster", "US"),
    "Chicago Sun-Times": ("paper", "US"),
    "Christian Science Monitor": ("paper", "US"),
    "Daily Beast": ("online", "US"),
    "Daily Kos": ("blog", "US"),
    "Fox News": ("broadcaster", "US"),
    "Guest Writer": ("opinion", None),
    "Guest Writer - Left": ("opinion", None),
    "Guest Writer - Right": ("opinion", None),
    "MarketWatch": ("online", "US"),
    "Media Matters": ("online", "US"),
    "NPR Online News": ("broadcaster", "US"),
    "National Review": ("magazine", "US"),
    "New York Post": ("paper", "US"),
    "Newsmax": ("online", "US"),
    "Politico": ("paper", "US"),
    "Reason": ("magazine", "US"),
    "Reuters": ("wire", "GB"),
    "Salon": ("online", "US"),
    "Slate": ("magazine", "US"),
    "The Atlantic": ("magazine", "US"),
    "The Daily Caller": ("online", "US"),
    "The Guardian": ("paper", "GB"),
    "The Hill": ("paper", "US"),
    "The New York Times": ("paper", "US"),
    "The Week - News": ("magazine", "US"),
    "TheBlaze.com": ("online", "US"),
    "Townhall": ("online", "US"),
    "USA TODAY": ("paper", "US"),
    "Vox": ("online", "US"),
    "Washington Post": ("paper", "US"),
    "Washington Times": ("paper", "US"),
}

# Names and domains the wires appear under beyond the data set's.
WIRE_ALIASES = {
    "Associated Press": ["AP", "The Associated Press", "ap.org"],
    "Reuters": ["Thomson Reuters"],
}
AFP = {"name": "AFP", "aliases": ["Agence France-Presse", "afp.com"],
       "leaning": None, "kind": "wire", "country": "FR"}


def registrable(host):
    """cnn.com for politicalticker.blogs.cnn.com (enough for this data)."""
    return ".".join(host.lower().split(".")[-2:])


def quoted(s):
    plain = all(c.isalnum() or c in " .-" for c in s) and s[0].isalpha()
    return s if plain and s.lower() not in ("yes", "no", "null", "true",
                                            "false", "on", "off") \
        else json.dumps(s)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/allsides-dev"
    count = collections.Counter()
    bias = collections.defaultdict(collections.Counter)
    hosts = collections.defaultdict(collections.Counter)
    with lzma.open(os.path.join(data, "articles.jsonl.xz"), "rt") as f:
        for line in f:
            a = json.loads(line)
            count[a["source"]] += 1
            bias[a["source"]][a["bias_text"]] += 1
            host = urlparse(a["url"]).hostname
            if host:
                hosts[a["source"]][registrable(host)] += 1
    profiles = {}
    for source, n in count.items():
        if n < MIN_ARTICLES:
            continue
        (leaning, k), = bias[source].most_common(1)
        if k != n:
            sys.exit(f"{source}: more than one bias_text")
        domain, k = hosts[source].most_common(1)[0]
        domain = domain if k >= DOMAIN_SHARE * n else None
        name = MERGED_NAMES.get(domain, source)
        p = profiles.setdefault(name, {"name": name, "aliases": [],
                                       "leaning": leaning, "articles": 0})
        if p["leaning"] != leaning:
            sys.exit(f"{name}: sections with different leanings")
        p["articles"] += n
        if source != name:
            p["aliases"].append(source)
        if domain and domain not in p["aliases"]:
            p["aliases"].append(domain)
    for p in profiles.values():
        if p["name"] not in FACTS:
            sys.exit(f"{p['name']}: add its kind and country to FACTS")
        p["kind"], p["country"] = FACTS[p["name"]]
        p["aliases"] = sorted(p["aliases"], key=str.lower) + \
            WIRE_ALIASES.get(p["name"], [])
    profiles["AFP"] = AFP
    print("""# Outlet profiles for parallax: see parallax-outlets(5).
#
# Generated by config/outlets-allsides.py from the development data
# (../shared/data/allsides-dev): every outlet with %d or more of its
# articles, with the leaning that data set gives it (bias_text).  The data
# set is Baly, Da San Martino, Glass and Nakov's Article-Bias-Prediction
# (github.com/ramybaly/Article-Bias-Prediction, "We Can Detect Your Bias",
# EMNLP 2020), crawled from AllSides (allsides.com) story pages and
# licensed under the Apache License 2.0; the leanings are AllSides'
# ratings as that data set recorded them, not parallax's judgement.  Kind
# and country were added by hand, as were the wires AP, Reuters and AFP
# (AFP is not in the data set, so it has no leaning: unrated).
#
# Copy this file to ~/.config/parallax/outlets.yaml to change it.
version: 1
leanings: [left, center, right]
blindspot:
  share: 75
  min-rated: 3
outlets:""" % MIN_ARTICLES)
    for p in sorted(profiles.values(), key=lambda p: p["name"].lower()):
        print(f"  - name: {quoted(p['name'])}")
        if p["aliases"]:
            print("    aliases: [" + ", ".join(quoted(a) for a in
                                              p["aliases"]) + "]")
        if p["leaning"]:
            print(f"    leaning: {p['leaning']}")
        if p["country"]:
            print(f"    country: {p['country']}")
        print(f"    kind: {p['kind']}")


if __name__ == "__main__":
    main()
