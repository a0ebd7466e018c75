# Shared by the terminal tests: a private tmux server running the real
# binary at a fixed size, screen captures, and waits bounded in time (the
# screen is polled every 50 ms for up to TUI_WAIT s; no fixed sleeps).
#
# Sourced by tests/tui/*.sh; PARALLAX_BIN and PARALLAX_SRCDIR come from
# AM_TESTS_ENVIRONMENT.

bin=${PARALLAX_BIN:-./parallax}
srcdir=${PARALLAX_SRCDIR:-.}
fixtures=$srcdir/tests/tui/fixtures
pass=0
fail=0

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux not found: install the Debian package tmux"
	exit 77
fi

# The reader needs a UTF-8 locale for its glyphs; C.UTF-8 is always there.
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR VISUAL EDITOR

# Each start gets its own server, so a dying one is never reused.
tmux_n=0
tmux_sock=parallax-test-$$-$tmux_n
tmux_cmd() {
	tmux -L "$tmux_sock" -f /dev/null "$@"
}
# stop_session: end the server and everything running in its pane.  A
# reader stopped by Ctrl-Z ignores the server's SIGHUP until it is
# continued, so without the kill it would outlive a test that failed.
stop_session() {
	stop_pane=$(tmux_cmd display -p -t 0 '#{pane_pid}' 2>/dev/null) || stop_pane=
	[ -n "$stop_pane" ] && stop_session_tree "$stop_pane"
	tmux_cmd kill-server >/dev/null 2>&1
}
stop_session_tree() {
	for stop_child in $(pgrep -P "$1"); do
		stop_session_tree "$stop_child"
	done
	kill -KILL "$1" 2>/dev/null
}
trap 'stop_session' EXIT INT TERM HUP

# start COMMAND [COLS ROWS]: a fresh session running COMMAND under sh.
start() {
	stop_session
	tmux_n=$((tmux_n + 1))
	tmux_sock=parallax-test-$$-$tmux_n
	tmux_cmd new-session -d -x "${2:-80}" -y "${3:-24}" \
	    "TERM=${TEST_TERM:-screen} $1; echo \"[exit \$?]\"; sleep 30"
}

screen() {
	tmux_cmd capture-pane -p -t 0
}

keys() {
	tmux_cmd send-keys -t 0 "$@"
}

# wait_until COMMAND...: true once COMMAND succeeds, polled every 50 ms;
# false after TUI_WAIT seconds (20: generous, for sanitizer builds on a
# loaded machine; a passing check returns as soon as it holds).
wait_until() {
	deadline=$(($(date +%s) + ${TUI_WAIT:-20}))
	while :; do
		if "$@"; then
			return 0
		fi
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

on_screen() {
	screen | grep -qF -- "$1"
}

off_screen() {
	! screen | grep -qF -- "$1"
}

# wait_for TEXT: true once TEXT is on screen.
wait_for() {
	wait_until on_screen "$1"
}

# wait_gone TEXT: true once TEXT has left the screen.
wait_gone() {
	wait_until off_screen "$1"
}

# check NAME COMMAND...: runs COMMAND, counts and reports the result.
check() {
	name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name"
		echo "--- screen:"
		screen
		echo "---"
	fi
}

finish() {
	echo "$pass passed, $fail failed"
	[ $fail -eq 0 ]
}

# mouse BUTTON COL ROW: an X10 mouse report (0-based cell), as a terminal
# sends it: button 0 press, 3 release, 64/65 wheel up/down.
mouse() {
	m_b=$(printf '%03o' $((32 + $1)))
	m_x=$(printf '%03o' $((33 + $2)))
	m_y=$(printf '%03o' $((33 + $3)))
	keys -l "$(printf "\\033[M\\$m_b\\$m_x\\$m_y")"
}

# click COL ROW: press and release the first button.
click() {
	mouse 0 "$1" "$2"
	mouse 3 "$1" "$2"
}
