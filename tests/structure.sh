#!/bin/sh
# The shape of the source tree, as the project's rules state it:
#  - no two files of src/ and ui/ call each other in a loop, directly or
#    through others (the file-level graph of which object uses a symbol
#    another defines, read from the built objects with nm, has no cycle);
#  - no source file is over 1,200 lines;
#  - every function, static ones included, carries its module's prefix.
#
# Run from the build tree (the objects are there); the sources are read from
# PARALLAX_SRCDIR.  Skips (77) when nm or the objects are missing.
srcdir=${PARALLAX_SRCDIR:-.}
max_lines=1200
fail=0

if ! command -v nm >/dev/null 2>&1; then
	echo "nm not found: install the Debian package binutils"
	exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

# The objects of the model library and of the program; ui/ objects are
# named after the program (parallax-NAME.o) because it has its own flags.
objects=$(ls src/*.o ui/parallax-*.o 2>/dev/null)
if [ -z "$objects" ]; then
	echo "no objects in src/ and ui/: run make first"
	exit 77
fi

# One line per symbol: "D FILE SYMBOL" where FILE defines it (text, data,
# read-only data, bss, common) and "U FILE SYMBOL" where it uses it.
for o in $objects; do
	file=$(basename "$o" .o)
	file=${o%/*}/${file#parallax-}.c
	nm "$o" | awk -v f="$file" '
		$1 == "U" { print "U", f, $2; next }
		NF == 3 && $2 ~ /^[TDRBCGSV]$/ { print "D", f, $3 }'
done >"$work/symbols"

# Edges "USER DEFINER", one per pair of files; tsort reports each loop.
awk '$1 == "D" { def[$3] = $2 }
     $1 == "U" { use[++n] = $2 " " $3 }
     END {
	for (i = 1; i <= n; i++) {
		split(use[i], u, " ")
		if ((u[2] in def) && def[u[2]] != u[1])
			print u[1], def[u[2]]
	}
     }' "$work/symbols" | sort -u >"$work/edges"
if [ ! -s "$work/edges" ]; then
	echo "FAIL: no calls between files found: the objects were not read"
	fail=1
fi
if ! tsort "$work/edges" >/dev/null 2>"$work/loops"; then
	echo "FAIL: files that call each other in a loop (each loop as tsort names it):"
	sed 's/^tsort: [^:]*: //' "$work/loops"
	fail=1
fi

for f in "$srcdir"/src/*.[ch] "$srcdir"/ui/*.[ch]; do
	n=$(wc -l <"$f")
	if [ "$n" -gt "$max_lines" ]; then
		echo "FAIL: ${f#"$srcdir"/} has $n lines (at most $max_lines: split it at a seam)"
		fail=1
	fi
done

# A function definition puts its name at the start of a line, as every
# file here does, the return type and `static` on the line before; a
# one-line definition (`static int f(void) {`) is caught too.  The
# module's prefix is the file's name; xalloc keeps the x-names (xmalloc,
# xstrdup) and fatal() that every C reader knows, and main.c has main.
for f in "$srcdir"/src/*.c "$srcdir"/ui/*.c; do
	module=$(basename "$f" .c)
	grep -nE '^[A-Za-z_][A-Za-z0-9_]*\(|^[a-z][^;(=]*[ *][A-Za-z_][A-Za-z0-9_]*\([^;]*\) *\{' "$f" |
	    sed 's/(.*//; s/^\([0-9]*:\).*[ *]/\1/' |
	    awk -F: -v m="$module" -v f="${f#"$srcdir"/}" '
		$2 == "__attribute__" || $2 == "_Static_assert" { next }
		index($2, m "_") == 1 { next }
		m == "main" && $2 == "main" { next }
		m == "xalloc" && ($2 ~ /^x/ || $2 == "fatal") { next }
		{ print "FAIL: " f ":" $1 ": " $2 " lacks the prefix " m "_"; bad = 1 }
		END { exit bad }' || fail=1
done

[ "$fail" -eq 0 ] && echo "$(wc -l <"$work/edges") file-level calls, no loop; no file over $max_lines lines; every function prefixed"
exit "$fail"
