#!/bin/sh
# The man pages as written render with no troff warning (a line that
# opens with a dot or a quote is read as a request, an unknown escape is
# dropped): caught here in make check, where installcheck alone saw it
# only in distcheck.  Skips (77) when man (Debian package man-db) is
# missing.  The sources are read from PARALLAX_SRCDIR.
srcdir=${PARALLAX_SRCDIR:-.}
fail=0

if ! command -v man >/dev/null 2>&1; then
	echo "man not found (Debian package man-db): pages not checked"
	exit 77
fi
for page in "$srcdir"/man/*.[1-9]; do
	warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>&1 \
	    >/dev/null)
	if [ -n "$warnings" ]; then
		echo "FAIL: ${page#"$srcdir"/}: $warnings"
		fail=1
	else
		echo "ok: ${page#"$srcdir"/} renders with no warning"
	fi
done
exit $fail
