#!/bin/sh
# The bundled taxonomy on real news (tests/taxonomy-gold/): runs it over the
# AllSides development articles with the real binary and checks the goals of
# issue 17 (65% of body sentences carry a topic, 40% in every AllSides topic
# of 100 articles or more, both on the tuned and on the held-out articles)
# and the labelled samples (at most 2% of each sample's sentences still
# carry a topic read as a wrong sense).  fresh-12, read after the last
# change of the sixth session, fresh-13, read before any change of the
# seventh, fresh-14, read after its last, fresh-15 and fresh-16, read in
# the eighth (which changed no rule), fresh-17 and fresh-18, read
# before any change of the ninth and after its last, and fresh-19 to
# fresh-21, read before any change of the tenth and after its last, and
# fresh-22 to fresh-24, read in its second round (which changed no
# rule), fresh-25 to fresh-27, read before any change of the
# eleventh and after its last, and fresh-28 to fresh-30, read before any
# change of the twelfth and after its last, and fresh-31 and fresh-32, read
# after the thirteenth's last change, are left untuned: they are reported, not
# enforced, since their figures are the ones issue 17 is judged on.  The summary is in config/README.
bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
corpus=${PARALLAX_SHARED:-../shared}/data/allsides-dev/articles.jsonl.xz
if [ ! -r "$corpus" ]; then
	echo "SKIP: $corpus is absent"; exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is absent"; exit 77
fi
exec python3 "$srcdir/tests/taxonomy-gold/taxonomy.py" check "$bin" "$corpus" \
    "$srcdir/config/taxonomy.yaml" "$srcdir"/tests/taxonomy-gold/sample-*.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-[1-9].tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-10.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-11.tsv \
    --report "$srcdir"/tests/taxonomy-gold/fresh-12.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-13.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-14.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-15.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-16.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-17.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-18.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-19.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-20.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-21.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-22.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-23.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-24.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-25.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-26.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-27.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-28.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-29.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-30.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-31.tsv \
    "$srcdir"/tests/taxonomy-gold/fresh-32.tsv
