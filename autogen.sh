#!/bin/sh
# Regenerates the build system; with --deps, first installs the Debian
# packages that are missing (and only those), so it works on a fresh machine.
set -e
cd "$(dirname "$0")"
if [ "$1" = "--deps" ]; then
    # Build: the libraries the model and the reader link (bash-completion
    # says where completion goes).  Tests: tmux drives the reader and zsh,
    # newsboat fills a real cache.
    pkgs="autoconf automake make gcc pkg-config libncurses-dev libyaml-dev libutf8proc-dev libstemmer-dev libcmocka-dev
          libxml2-dev libmd4c-dev libcurl4-openssl-dev libsqlite3-dev wordnet-dev wordnet-base
          tmux zsh bash-completion newsboat xz-utils python3"
    missing=""
    for p in $pkgs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        echo "autogen.sh: installing$missing"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
    fi
fi
# debian/changelog carries configure.ac's version (the one place it is
# set), dated by the last commit so a package build is reproducible.
version=$(sed -n 's/^AC_INIT(\[parallax\], \[\([^]]*\)\].*/\1/p' configure.ac)
date=$(git log -1 --format=%cD 2>/dev/null) || date=
[ -n "$date" ] || date=$(date -R)
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$date/" debian/changelog.in >debian/changelog
autoreconf --install --force >/dev/null 2>&1 || autoreconf --install --force
