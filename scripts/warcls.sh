#!/usr/bin/env bash
# Checks WARC files with the independent reader ../shared/eval/warc/warcls.mjs
# (warcio.js): mandatory headers, Content-Length, sha1 block/payload digests,
# one gzip member per record. Exit 0 when every file passes, 1 otherwise.
#
# usage: scripts/warcls.sh FILE...
# Env: PT_SHARED_DIR (default: <repo>/../shared), WARCLS_DIR (where the npm
# dependencies are installed; default: <repo>/build/warcls-node).
# Installs nodejs and npm with apt-get when missing, and warcio with npm
# once (idempotent). Needs the Debian and npm registries on first use.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
shared=${PT_SHARED_DIR:-$here/../shared}
dir=${WARCLS_DIR:-$here/build/warcls-node}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "warcls.sh: installing nodejs and npm" >&2
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

mkdir -p "$dir"
for f in warcls.mjs package.json; do
    if ! cmp -s "$shared/eval/warc/$f" "$dir/$f"; then
        cp "$shared/eval/warc/$f" "$dir/$f"
        chmod u+w "$dir/$f"
        rm -rf "$dir/node_modules"
    fi
done
if [ ! -f "$dir/node_modules/warcio/package.json" ]; then
    # A lock directory keeps parallel test runs from installing twice.
    while ! mkdir "$dir/.lock" 2>/dev/null; do sleep 1; done
    trap 'rmdir "$dir/.lock"' EXIT
    if [ ! -f "$dir/node_modules/warcio/package.json" ]; then
        (cd "$dir" && npm install --no-audit --no-fund --silent >&2)
    fi
    rmdir "$dir/.lock"
    trap - EXIT
fi
exec node "$dir/warcls.mjs" "$@"
