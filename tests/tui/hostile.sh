#!/bin/sh
# Terminal safety: hostile sources and a hostile taxonomy label never drive
# the terminal (title, colours, screen), the text around their controls is
# still shown; odd sizes, a storm of resizes and job-control and fatal
# signals leave a working reader or a usable terminal.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
tax=$srcdir/tests/tui/taxonomy.yaml

work=$(mktemp -d)
trap 'stop_session; rm -rf "$work"' EXIT INT TERM HUP
mkdir "$work/hostile"
# OSC title sets (BEL and ST ended), CSI colour and erase, DCS, a C1 CSI,
# a bidi override and invalid UTF-8, each between visible words.
printf -- '---\noutlet: "Evil\\e]0;OUTLETTITLE\\a Wire"\ntitle: Hostile bytes\n---\n' \
	>"$work/hostile/01-evil.md"
printf 'Alpha \033]0;PWNED\007before the title. Bravo \033]2;PWNED2\033\\after it.\n' \
	>>"$work/hostile/01-evil.md"
printf 'Charlie \033[41;37mred\033[0m Delta \033[2J\033[H Echo \033P1$r0m\033\\ Foxtrot.\n' \
	>>"$work/hostile/01-evil.md"
printf 'Golf \302\23331m Hotel \342\200\256 India \377\376 Juliet end.\n' \
	>>"$work/hostile/01-evil.md"
# The same event (Alpha, Bravo, Charlie and the hostile bytes), so both
# open as one story in the reader, not as a story list.
printf 'Valley Wire report\n\nTalks on the dam ended with a deal. Alpha, Bravo and Charlie called the hostile bytes harmless.\n' \
	>"$work/hostile/02-plain.txt"
cat >"$work/tax.yaml" <<'YAML'
version: 1
topics:
  - id: talks
    label: "Talks\e]0;LABELTITLE\a\e[45m here"
    keywords: [talks, deal]
YAML

title_ok() {
	t=$(tmux_cmd display -p -t 0 '#{pane_title}')
	case $t in *PWNED* | *TITLE*) return 1 ;; esac
}
no_colour() {
	! tmux_cmd capture-pane -e -p -t 0 | grep -q "$(printf '\033')\[[0-9;]*[34][0-7]m"
}

start "NO_COLOR=1 $bin --tui -t $work/tax.yaml $work/hostile" 120 30
check "hostile source opens" wait_for "Alpha"
check "text after an OSC title is shown" wait_for "before the title"
check "text after an ST-ended OSC is shown" wait_for "Bravo"
check "CSI colour text shown" wait_for "Delta"
check "after a CSI erase the text is still there" wait_for "Echo"
check "after a DCS the text is still there" wait_for "Foxtrot"
check "C1 CSI and bidi: text around shown" wait_for "Juliet end"
check "window title not changed by a source" title_ok
check "colours not driven by a source" no_colour
check "screen not cleared by a source" wait_for "Sources"
keys J
check "second source after the hostile one" wait_for "Valley Wire"
check "hostile label shown without its controls" wait_for "Talks"
check "title still not changed" title_ok
check "colours still not driven" no_colour
keys q
check "quits cleanly" wait_for "[exit 0]"

# Starting in a 1x1 terminal, then growing; 500x200; a storm of resizes.
# The reader's own process, under the pane's shell.
reader_pid() {
	pgrep -P "$(tmux_cmd display -p -t 0 '#{pane_pid}')" -f "$bin" | head -n 1
}
# waiting: true once the reader waits for input (its SIGWINCH handling is set
# up by then; a resize in its first milliseconds can still be lost).
waiting() {
	p=$(reader_pid)
	[ -n "$p" ] && grep -q 'poll\|select' "/proc/$p/wchan" 2>/dev/null
}
start "$bin --tui -t $tax $fixtures" 1 1
check "waits for keys at 1x1" wait_until waiting
tmux_cmd resize-window -t 0 -x 80 -y 24
check "started at 1x1, drawn at 80x24" wait_for "Harbour Gazette ·"
tmux_cmd resize-window -t 0 -x 500 -y 200
check "500x200 draws every pane" wait_for "Claims"
i=0
while [ $i -lt 60 ]; do
	tmux_cmd resize-window -t 0 -x $((20 + i * 7 % 180)) -y $((6 + i * 5 % 60))
	i=$((i + 1))
done
tmux_cmd resize-window -t 0 -x 100 -y 30
check "after a resize storm the reader lives" wait_for "Harbour Gazette ·"
check "after a resize storm all panes are back" wait_for "Claims"
keys q
check "quits after the storm" wait_for "[exit 0]"

alternate_screen_on() {
	[ "$(tmux_cmd display -p -t 0 '#{alternate_on}')" = 1 ]
}

terminal_given_back() {
	[ "$(tmux_cmd display -p -t 0 '#{alternate_on}')" = 0 ] &&
	    [ "$(tmux_cmd display -p -t 0 '#{cursor_flag}')" = 1 ]
}

# Ctrl-Z in a job-control shell gives the terminal back; fg restores it.
start "PS1='job\$ ' bash --norc --noprofile -i" 80 24
check "a shell for job control" wait_for "job\$"
keys "echo before-the-reader; $bin --tui -t $tax $fixtures" Enter
check "opens for Ctrl-Z" wait_for "Harbour Gazette ·"
keys C-z
check "Ctrl-Z stops the reader" wait_for "Stopped"
check "Ctrl-Z gives the terminal back" wait_until terminal_given_back
keys "fg" Enter
check "fg redraws the reader" wait_for "Harbour Gazette ·"
check "fg: alternate screen again" wait_until alternate_screen_on
keys J
check "fg: keys work again" wait_for "Morning Ledger ·"
keys q
check "quits after fg" wait_for "job\$"
check "quits after fg: terminal given back" wait_until terminal_given_back

# SIGTERM and SIGHUP end the reader with the terminal restored.
for sig in TERM HUP; do
	start "echo before-the-reader; $bin --tui -t $tax $fixtures"
	check "opens for SIG$sig" wait_for "Harbour Gazette ·"
	kill -$sig "$(reader_pid)"
	check "SIG$sig ends the reader" wait_for "[exit"
	check "SIG$sig leaves the terminal usable" wait_until terminal_given_back
	check "SIG$sig: the earlier screen is back" wait_for "before-the-reader"
done

finish
