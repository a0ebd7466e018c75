#!/bin/sh
# q gives the terminal back as it was; monochrome and vt100 still show
# selection and tags.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

start "echo before-the-reader; $bin --tui -t $tax $fixtures"
check "opens" wait_for "Harbour Gazette ·"
check "alternate screen in use" [ "$(tmux_cmd display -p -t 0 '#{alternate_on}')" = 1 ]
keys q
check "q quits with status 0" wait_for "[exit 0]"
check "the earlier screen is back" wait_for "before-the-reader"
check "alternate screen left" [ "$(tmux_cmd display -p -t 0 '#{alternate_on}')" = 0 ]
check "cursor visible again" [ "$(tmux_cmd display -p -t 0 '#{cursor_flag}')" = 1 ]

# Asked again at each try of wait_until (an argument would be expanded once).
alternate_off() {
	[ "$(tmux_cmd display -p -t 0 '#{alternate_on}')" = 0 ]
}

# Ctrl-Z gives the shell back; fg redraws the reader whole.
start "env PS1='prompt> ' sh -i"
check "a shell with job control" wait_for "prompt>"
keys "$bin --tui -t $tax $fixtures" Enter
check "the reader opens from the shell" wait_for "Harbour Gazette ·"
keys C-z
check "Ctrl-Z stops the reader" wait_for "Stopped"
check "Ctrl-Z leaves the alternate screen" \
    wait_until alternate_off
keys fg Enter
check "fg brings the reader back" wait_for "Sources"
check "fg redraws the article" wait_for "ending four years of dispute"
keys q
check "q after fg leaves the alternate screen" \
    wait_until alternate_off

# By default topics are coloured, which the checks below must not see.
start "$bin --tui -t $tax $fixtures"
check "colour by default" wait_for "Harbour Gazette ·"
esc=$(printf '\033')
sgr=$(tmux_cmd capture-pane -e -p -t 0)
check "colours are drawn by default" sh -c 'printf "%s" "$1" | grep -q "$2\[[0-9;]*3[0-7]m"' sh "$sgr" "$esc"
keys q

# NO_COLOR: no colour at all, but selection (reverse) and matches (bold).
start "NO_COLOR=1 $bin --tui -t $tax $fixtures"
check "NO_COLOR opens" wait_for "Harbour Gazette ·"
sgr=$(tmux_cmd capture-pane -e -p -t 0)
check "NO_COLOR: no colours" sh -c '! printf "%s" "$1" | grep -q "$2\[[0-9;]*3[0-7]m"' sh "$sgr" "$esc"
check "NO_COLOR: selection in reverse" sh -c 'printf "%s" "$1" | grep -q "$2\[\([0-9;]*;\)\?7m"' sh "$sgr" "$esc"
keys q
check "NO_COLOR quits" wait_for "[exit 0]"

start "$bin --tui --no-color -t $tax $fixtures"
check "--no-color opens" wait_for "Harbour Gazette ·"
sgr=$(tmux_cmd capture-pane -e -p -t 0)
check "--no-color: no colours" sh -c '! printf "%s" "$1" | grep -q "$2\[[0-9;]*3[0-7]m"' sh "$sgr" "$esc"
keys q

# A terminal without colour or line drawing of its own.
TEST_TERM=vt100 start "$bin --tui -t $tax $fixtures"
check "vt100 opens" wait_for "Harbour Gazette"
keys J
check "vt100 takes keys" wait_for "Morning Ledger"
keys q
check "vt100 quits" wait_for "[exit 0]"

finish
