#!/bin/sh
# The `:` command line, as less and vim users expect it: action names from
# the key table, Tab completion, a sentence number, a topic by name, and
# a short word for what is not a command.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

# The status line: the last row but the border.
status_is() {
	screen | tail -n 2 | head -n 1 | grep -qF -- "$1"
}

for size in "80 24" "160 48"; do
	set -- $size
	start "$bin --tui -t $tax $fixtures" "$1" "$2"
	check "$1x$2: opens" wait_for "Harbour Gazette ·"

	keys :
	check "$1x$2: : opens the prompt" wait_until status_is "│:  "
	keys m a t Tab
	check "$1x$2: Tab completes a name" wait_until status_is ":matrix "
	keys Enter
	check "$1x$2: :matrix opens the matrix" \
	    wait_for "Coverage: sentences per topic and source"
	keys : b o t Enter
	check "$1x$2: in an overlay, a command moves there as its key" \
	    wait_for "Coverage: sentences per topic and source"
	keys : q u i t Enter
	check "$1x$2: and :quit closes it as q does" \
	    wait_gone "Coverage: sentences per topic and source"
	check "$1x$2: the reader stays" on_screen "Harbour Gazette ·"

	keys : h Tab
	check "$1x$2: Tab on a start many names share: the first" \
	    wait_until status_is ":half-page-down "
	keys Tab Tab
	check "$1x$2: Tab again: the next ones, in table order" \
	    wait_until status_is ":help "
	keys Escape
	check "$1x$2: Escape leaves the prompt" wait_until status_is "sentence 1/5"

	keys : 4 Enter
	check "$1x$2: :4 goes to sentence 4" wait_for "sentence 4/5"
	keys : 9 Enter
	check "$1x$2: :9 says there is none" \
	    wait_for "no sentence 9: this source has 5"
	keys : u p Space 2 Enter
	check "$1x$2: :up 2 is 2k" wait_for "sentence 2/5"

	keys : f r o b Enter
	check "$1x$2: an unknown command is said" \
	    wait_for "unknown command: frob"
	keys : h Enter
	check "$1x$2: an ambiguous one too, with its names" \
	    wait_for "h is ambiguous: half-page-down"

	keys : f i l t e r Space f i s h i n g Enter
	check "$1x$2: :filter takes a topic id" \
	    wait_for "topic: Fishing rights"
	keys Escape : f i l Space d o m e s t i c Space p o l i t i c s Enter
	check "$1x$2: or its label, from a unique start of the name" \
	    wait_for "topic: Domestic politics"

	keys : q Enter
	check "$1x$2: :q quits" wait_for "[exit 0]"
done

finish
