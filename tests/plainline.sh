#!/bin/sh
# The plain-prose gate in step with the rules it skips: every function
# boilerplate_mark asks of a sentence past the gate (between its
# "plainline: the rules from here" and "plainline: to here", and in
# boilerplate_noted, which it asks of a paragraph's first and last lines
# past the gate), and every function those rules' bodies below call, is a
# rule that plainline.c's
# table names, or one of the helpers listed here, which mark nothing by
# themselves.  A rule added to those places fails here until the table
# says what a line it marks needs (tests/test_plainline.c then holds the
# gate to its lines).
srcdir=${PARALLAX_SRCDIR:-.}
src=$srcdir/src
fail=0

# The bodies read besides boilerplate_mark's part: FILE FUNCTION.
bodies="boilerplate.c boilerplate_unstopped_credit
boilerplate.c boilerplate_noted
sitephrase.c sitephrase_read
sitephrase.c sitephrase_classify
sitephrase.c sitephrase_is_furniture
furniture.c furniture_shape"

# Helpers: a line's words, facts and openings; the phrases' look-ups; the
# bodies read above (their rules are read in them).
helpers="furniture_words furniture_line_words furniture_opens
furniture_name_card_may caption_credit_may caption_credit_line_may call_may
furniture_stop_byte furniture_shape_may
sitephrase_at sitephrase_bullet_len sitephrase_fits sitephrase_starts
boilerplate_unstopped_credit sitephrase_classify sitephrase_is_furniture"

calls() {
	grep -o '\b\(boilerplate\|furniture\|caption\|call\|note\|title\|sitephrase\|repeated\)_[a-z0-9_]*[ ]*(' |
	    sed 's/[ (]*$//'
}

names=$(
	{
		sed -n '/plainline: the rules from here/,/plainline: to here/p' \
		    "$src/boilerplate.c" | calls
		echo "$bodies" | while read -r file fn; do
			body=$(awk -v fn="$fn" '
				$0 ~ "^" fn "\\(" { on = 1; next }
				on && /^}/ { exit }
				on' "$src/$file")
			if [ -z "$body" ]; then
				echo "MISSING:$fn"
			else
				printf '%s\n' "$body" | calls
			fi
		done
	} | sort -u)

if [ -z "$names" ] || ! grep -q 'plainline: to here' "$src/boilerplate.c"; then
	echo "plainline.sh: no rules read from boilerplate.c's markers"
	exit 1
fi
for n in $names; do
	case $n in
	MISSING:*)
		echo "plainline.sh: ${n#MISSING:} is no longer where this test reads it"
		fail=1
		continue
		;;
	esac
	if echo "$helpers" | tr ' ' '\n' | grep -qx "$n"; then
		continue
	fi
	if ! grep -q "{ \"$n\"," "$src/plainline.c"; then
		echo "plainline.sh: $n marks sentences past the gate, and plainline.c's table does not name it"
		fail=1
	fi
done
exit $fail
