# The shell tests' checks, sourced by each: . "$(dirname "$0")/lib.sh"
#
# check DESCRIPTION CONDITION evaluates CONDITION (a shell expression, in
# single quotes so it sees the test's variables when run) and counts it as
# passed or failed, naming it when it fails; check_done prints the counts
# and is the test's exit status.  bin is the binary under test.
bin=${PARALLAX_BIN:-./parallax}
pass=0
fail=0

check() {
	if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

check_done() {
	echo "$pass passed, $fail failed"
	[ $fail -eq 0 ]
}
