#!/bin/sh
# Regenerates the build system; with --deps, first installs the Debian
# packages that are missing (and only those), so it works on a fresh machine.
set -e
cd "$(dirname "$0")"
if [ "$1" = "--deps" ]; then
    # Build: the libraries the model and the reader link.  Tests: tmux drives
    # the reader, newsboat fills a real cache.
    pkgs="autoconf automake make gcc pkg-config libncurses-dev libyaml-dev libutf8proc-dev libstemmer-dev libcmocka-dev
          libxml2-dev libcurl4-openssl-dev libsqlite3-dev wordnet-dev wordnet-base
          tmux newsboat xz-utils python3"
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
autoreconf --install --force >/dev/null 2>&1 || autoreconf --install --force
