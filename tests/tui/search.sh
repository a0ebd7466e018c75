#!/bin/sh
# Search (/ n N) through the article and across sources; the topic filter
# (t) narrows sources, sentences and claims; Escape clears both.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "$bin --tui -t $tax $fixtures"
check "opens" wait_for "Harbour Gazette ·"
keys / fishing Enter
check "the prompt takes the query" wait_for "search: fishing"
check "first hit in this source" wait_for "Harbour Gazette ·"
keys n
check "n: next hit in a later source" wait_for "03-valley-wire ·"
keys n
check "n: wraps to the first source" wait_for "search hit the end, continued at the top"
check "n: back at the first hit" wait_for "Harbour Gazette ·"
keys N
check "N: previous hit, wrapping back" wait_for "search hit the top, continued at the end"
check "N: on the last source" wait_for "03-valley-wire ·"
keys / zzqx Enter
check "a missing word says so" wait_for "not found: zzqx"
keys / BSpace BSpace
check "backspace on an empty prompt cancels it" wait_for "search: zzqx"

keys Escape
check "Escape clears the search" wait_gone "search: zzqx"
keys t
check "t: topic picker" wait_for "Topic filter"
check "picker lists topics" wait_for "Domestic politics"
keys j j j Enter
check "filter chosen" wait_for "topic: Fishing rights"
check "filter narrows the sources" wait_for "/2 · sentence"
check "a source without the topic is gone" wait_gone "Morning Ledger"
check "sentences narrow to the topic" wait_gone "ending four years of dispute"
keys Escape
check "Escape clears the filter" wait_for "topic: all"
check "all sources are back" wait_for "Morning L"

finish
