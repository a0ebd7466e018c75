#!/bin/sh
# make installcheck: the installed tree, used as a new user would, with a
# clean HOME and no configuration: the binary finds its installed taxonomy
# and sample, its man pages render, its completion scripts are in place.
#
# Usage: installcheck.sh BINDIR PKGDATADIR MANDIR BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR
# (each as installed: make passes $(DESTDIR)-less paths, since the binary
# looks for its data where it was configured to be).
bindir=$1 pkgdatadir=$2 mandir=$3 bashcompdir=$4 zshcompdir=$5 fishcompdir=$6
. "$(dirname "$0")/lib.sh"
bin=$bindir/parallax

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# Nothing of the developer's set-up may help the installed binary.
env_clean() {
	env -i HOME="$home" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "$@"
}

check "installed binary is executable" '[ -x "$bin" ]'
out=$(env_clean "$bin" --version); rc=$?
check "--version" '[ $rc -eq 0 ] && echo "$out" | grep -Eq "^parallax [0-9]+\.[0-9]+\.[0-9]+$"'
env_clean "$bin" --json >"$home/default.json" </dev/null; rc=$?
check "--json with no PATH opens the installed sample" \
    '[ $rc -eq 0 ] && [ $(grep -o "\"id\":\"s[0-9]*\"" "$home/default.json" | sort -u | wc -l) -eq 5 ]'
env_clean "$bin" --json "$pkgdatadir/sample" >"$home/sample.json"; rc=$?
check "--json on the installed sample" '[ $rc -eq 0 ] && cmp -s "$home/default.json" "$home/sample.json"'
check "the sample is tagged by the installed taxonomy" \
    'grep -q "\"taxonomy\":{\"path\":\"$pkgdatadir/taxonomy.yaml\"" "$home/sample.json"'
out=$(env_clean "$bin" --check-taxonomy="$pkgdatadir/taxonomy.yaml" 2>&1); rc=$?
check "--check-taxonomy on the installed default" '[ $rc -eq 0 ]'
out=$(env_clean "$bin" --check-taxonomy 2>&1); rc=$?
check "--check-taxonomy finds the installed default" '[ $rc -eq 0 ]'
out=$(env_clean "$bin" --check-outlets 2>&1); rc=$?
check "--check-outlets finds the installed default" \
    '[ $rc -eq 0 ] && echo "$out" | grep -q "^$pkgdatadir/outlets.yaml: ok"'
check "the sample is matched against the installed outlets" \
    'grep -q "\"outlets\":{\"path\":\"$pkgdatadir/outlets.yaml\"" "$home/sample.json"'
if command -v man >/dev/null 2>&1; then
	for page in "$mandir"/man1/parallax.1 "$mandir"/man5/parallax-*.5; do
		out=$(env_clean MANWIDTH=80 man -l "$page" 2>/dev/null); rc=$?
		check "man -l $page renders" '[ $rc -eq 0 ] && echo "$out" | grep -q "^NAME"'
	done
else
	echo "man not found (Debian package man-db): pages not rendered"
fi
check "bash completion installed" '[ -s "$bashcompdir/parallax" ]'
check "zsh completion installed" '[ -s "$zshcompdir/_parallax" ]'
check "fish completion installed" '[ -s "$fishcompdir/parallax.fish" ]'
if command -v bash >/dev/null 2>&1; then
	check "installed bash completion offers --taxonomy" \
	    'env_clean bash --norc -c ". \"$bashcompdir/parallax\"; COMP_WORDS=(parallax --tax); COMP_CWORD=1; _parallax; echo \"\${COMPREPLY[*]}\"" | grep -qx -- --taxonomy'
fi
check_done
