#!/usr/bin/env bash
# WARC writer/reader throughput: writes COUNT captures of ~KB KiB HTML-like
# bodies at each level and reads them back (tests/bench_warc.c; the gzip
# backend, ISA-L igzip or zlib, is named in its output). Prints MB/s and
# records/s.
#
# Then, with CORPUS_MB > 0, reads a .warc.gz corpus of that size (built by
# tests/mkwarc from the bundled samples) with `presstally warc ls` (the
# reader alone: inflate, parse, digests) and `presstally analyze` (the
# whole analysis), and prints MB/s of compressed input per second of wall
# and CPU time. BEFORE=/path/to/other/presstally runs the same commands with
# a second binary in the same run, for before/after figures.
#
# usage: scripts/bench_warc.sh [COUNT] [KB] [LEVELS]   (default 2000 50 "1 2 3 6")
# Env: BUILD (default build), CORPUS_MB (default 0), BEFORE. Uses one core;
# QUEUE="1 2" (say) adds a write through the crawler's writer queue with
# that many encoding threads for each level (its wall time shows how the
# encoding spreads over the cores).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
count=${1:-2000}
kb=${2:-50}
levels=${3:-1 2 3 6}
corpus=${CORPUS_MB:-0}

cmake --build "$build" --target bench_warc mkwarc presstally -j2 >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "bench_warc: $count captures of ~$kb KiB (request + response records)"
for l in $levels; do
    rm -rf "$tmp/out"
    "$build/tests/bench_warc" "$tmp/out" "$count" "$kb" "$l"
    for wk in ${QUEUE:-}; do
        rm -rf "$tmp/out"
        "$build/tests/bench_warc" "$tmp/out" "$count" "$kb" "$l" "$wk" | head -2
    done
done
[ "$corpus" -gt 0 ] || exit 0

"$build/tests/mkwarc" "$tmp/corpus" "$corpus" 64 "$here"/data/samples/*.txt \
    "$here"/data/samples/*.html >/dev/null 2>&1
bytes=$(cat "$tmp"/corpus/*.warc.gz | wc -c)
# LABEL CMD...: prints "LABEL wall-MB/s cpu-MB/s" of the compressed input.
rate() {
    local label=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" ||
        [ $? = 4 ] || { cat "$tmp/err" >&2; exit 1; }
    read -r wall usr sys < "$tmp/time"
    awk -v l="$label" -v b="$bytes" -v w="$wall" -v u="$usr" -v s="$sys" \
        'BEGIN { printf "%-34s %8.1f %8.1f %8.1f %8.1f\n", l, w, u + s,
                 b / 1e6 / w, b / 1e6 / (u + s) }'
}
printf "corpus: %.1f MB of .warc.gz\n" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
printf "%-34s %8s %8s %8s %8s\n" run "wall s" "CPU s" "MB/s" "MB/CPU s"
for b in "$build/analyzer/presstally" ${BEFORE:-}; do
    tag=$([ "$b" = "$build/analyzer/presstally" ] && echo this || echo before)
    rate "warc ls ($tag)" "$b" warc ls "$tmp"/corpus/*.warc.gz
    rm -rf "$tmp/ds"
    rate "analyze ($tag)" "$b" analyze -q --no-summary --out "$tmp/ds" "$tmp/corpus"
done
