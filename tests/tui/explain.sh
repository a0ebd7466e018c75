#!/bin/sh
# The explanation overlay (x) says why a keyword that matched tags no
# topic: rule 8 kept a family named by one common word off a sentence its
# source does not return to; the model gives the reason, the overlay
# draws it.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"; stop_session' EXIT INT TERM HUP
cat >"$tmp/tax.yaml" <<'YAML'
version: 1
echo: 1
topics:
  - id: economy
    label: The economy
    topics:
      - id: jobs
        label: Jobs
        keywords: [jobs]
  - id: council
    label: Town council
    keywords: [council]
YAML
cat >"$tmp/valley-times.txt" <<'TEXT'
Nut jobs roam the valley at night, the sheriff said.

The council met on Tuesday to hear the residents.

Critics of the council spoke for an hour.
TEXT

start "$bin --tui -t $tmp/tax.yaml $tmp/valley-times.txt" 160 30
check "opens" wait_for "Nut jobs roam"
keys x
check "x: the explanation opens" wait_for "Why sentence 1 carries"
check "x: the match rule 8 kept off says so" wait_for \
    'keyword "jobs" matched "jobs" (one common word its source does not return to: no topic)'
keys q
check "closed" wait_gone "Why sentence 1 carries"
keys j x
check "x on the next sentence" wait_for "Why sentence 2 carries"
check "a keyword its source returns to carries" \
    wait_for 'keyword "council" matched "council"'
check "and says nothing of rule 8" off_screen "one common word"
keys q q
check "quits" wait_for "[exit 0]"
finish
