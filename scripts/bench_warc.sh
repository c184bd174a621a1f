#!/usr/bin/env bash
# WARC writer/reader throughput: writes COUNT captures of ~KB KiB HTML-like
# bodies at each zlib level and reads them back. Prints MB/s and records/s.
#
# usage: scripts/bench_warc.sh [COUNT] [KB] [LEVELS]   (default 2000 50 "1 2 3 6")
# Env: BUILD (default build). Uses one core.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
count=${1:-2000}
kb=${2:-50}
levels=${3:-1 2 3 6}

cmake --build "$build" --target bench_warc -j2 >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "bench_warc: $count captures of ~$kb KiB (request + response records)"
for l in $levels; do
    rm -rf "$tmp/out"
    "$build/tests/bench_warc" "$tmp/out" "$count" "$kb" "$l"
done
