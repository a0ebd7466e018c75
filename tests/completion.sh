#!/bin/sh
# Shell completion as a user gets it: bash's completion function driven the
# way readline drives it (COMP_WORDS, then COMPREPLY), and zsh's in a real
# interactive zsh under tmux, Tab pressed.  The scripts come from the build
# tree (completion/, written from the option table); every option --help
# lists must be offered, and nothing else.
. "${PARALLAX_SRCDIR:-.}/tests/tui/lib.sh"
comp=$(cd "$(dirname "$bin")" && pwd)/completion

if ! command -v bash >/dev/null 2>&1; then
	echo "bash not found"
	exit 77
fi
tmp=$(mktemp -d)
trap 'tmux_cmd kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM HUP
mkdir "$tmp/dir" "$tmp/sub"
: >"$tmp/dir/story.txt"
: >"$tmp/dir/page.html"
: >"$tmp/dir/feed.rss"
: >"$tmp/dir/notes.md"
: >"$tmp/dir/tax.yaml"
: >"$tmp/dir/photo.jpg"
mkdir "$tmp/dir/archive"

# bash_complete WORD...: what bash offers for the last WORD, one a line.
bash_complete() {
	(cd "$tmp/dir" && bash --norc --noprofile -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_parallax
		printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$comp/parallax" "$@")
}

"$bin" --help | grep -Eo -- '--[a-z][a-z-]*' | sort -u >"$tmp/help"
check "bash: --help has options" test -s "$tmp/help"
bash_complete parallax -- | grep -- '^--' >"$tmp/offered"
check "bash: -- offers exactly the options --help lists" cmp -s "$tmp/help" "$tmp/offered"
check "bash: complete -p names the function" \
    sh -c "bash --norc -c '. \"$comp/parallax\"; complete -p parallax' | grep -q -- '-F _parallax parallax'"
check "bash: --tax completes to --taxonomy" \
    test "$(bash_complete parallax --tax)" = "--taxonomy"
check "bash: --taxonomy FILE offers YAML files and directories" \
    test "$(bash_complete parallax --taxonomy '' | tr '\n' ' ')" = "archive tax.yaml "
check "bash: --taxonomy=FILE offers YAML files and directories" \
    test "$(bash_complete parallax --taxonomy = '' | tr '\n' ' ')" = "archive tax.yaml "
check "bash: a PATH offers sources and directories, not YAML or images" \
    test "$(bash_complete parallax --json '' | tr '\n' ' ')" = "archive feed.rss notes.md page.html story.txt "
check "bash: a prefix narrows the sources" \
    test "$(bash_complete parallax p)" = "page.html"

# zsh: a real interactive shell, its completion system started the usual way
# with our directory first in fpath; Tab on a partial option and a path.
if command -v zsh >/dev/null 2>&1; then
	cat >"$tmp/.zshrc" <<ZRC
fpath=("$comp" \$fpath)
autoload -Uz compinit && compinit -u -d "$tmp/.zcompdump"
PS1='zsh> '
cd "$tmp/dir"
ZRC
	start "ZDOTDIR=$tmp HOME=$tmp zsh -i" 100 20
	check "zsh: prompt" wait_for "zsh>"
	keys "parallax --taxo" Tab
	check "zsh: Tab completes --taxonomy=" wait_for "zsh> parallax --taxonomy="
	keys Tab
	check "zsh: the argument offers the YAML file" wait_for "tax.yaml"
	keys C-u "parallax --json pa" Tab
	check "zsh: a source completes by extension" wait_for "zsh> parallax --json page.html"
	keys C-u "parallax --json ar" Tab
	check "zsh: a directory completes" wait_for "zsh> parallax --json archive/"
else
	echo "zsh not found: its checks skipped"
fi
finish
