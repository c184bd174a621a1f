#!/usr/bin/env bash
# Install the Debian packages presstally needs to build and test, if missing.
# Idempotent: does nothing when everything is present. Needs root to install.
set -eu

# libisal-dev: ISA-L igzip for the WARC gzip members (the build falls
# back to zlib without it).
pkgs="build-essential cmake pkg-config libcurl4-openssl-dev libxml2-dev \
libutf8proc-dev libcmocka-dev libsqlite3-dev zlib1g-dev libssl-dev libjansson-dev \
libisal-dev python3"
# What the tests use beyond the build: GNU parallel (the scale-out
# runner), Slurm and munge (a one-node cluster for the Slurm scripts),
# sqlite3 (inspecting crawl state), node and npm (the independent WARC
# checker), R, pandas and (from npm, below) DuckDB (loading the CSV
# files), chromium (rendering the HTML report).
if [ "${PT_WITH_TEST_TOOLS:-0}" = 1 ]; then
    pkgs="$pkgs parallel sqlite3 slurm-wlm munge r-base-core python3-pandas \
chromium"
    # A machine may have node from elsewhere; only add Debian's if absent.
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        pkgs="$pkgs nodejs npm"
    fi
fi
# What the benchmarks use: nginx and wget2 (scripts/bench_crawl.sh),
# perf (profiles of the crawl bench).
if [ "${PT_WITH_TEST_TOOLS:-0}" = 1 ] || [ "${PT_WITH_BENCH:-0}" = 1 ]; then
    pkgs="$pkgs linux-perf"
fi
if [ "${PT_WITH_BENCH:-0}" = 1 ]; then
    pkgs="$pkgs nginx-light wget2"
fi
if [ "${PT_WITH_FUZZ:-0}" = 1 ]; then
    pkgs="$pkgs clang libclang-rt-14-dev"
fi

# DuckDB ships its engine in an npm package; it goes into a directory of
# the build tree (PT_TEST_TOOLS_DIR, default build/test-tools), not into
# the system. Idempotent like the rest: nothing happens when it is there.
npm_tools() {
    [ "${PT_WITH_TEST_TOOLS:-0}" = 1 ] || return 0
    dir=${PT_TEST_TOOLS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/build/test-tools}
    [ -d "$dir/node_modules/@duckdb/node-api" ] && return 0
    command -v npm >/dev/null 2>&1 || return 0
    echo "deps.sh: installing @duckdb/node-api into $dir" >&2
    mkdir -p "$dir"
    npm install --no-audit --no-fund --silent --prefix "$dir" \
        @duckdb/node-api >&2
}

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    npm_tools
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "deps.sh: missing packages:$missing" >&2
        echo "deps.sh: run as root (or install them with apt-get) and try again" >&2
        exit 1
    fi
else
    SUDO=
fi
echo "deps.sh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
npm_tools
