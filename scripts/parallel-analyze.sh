#!/usr/bin/env bash
# Analyze many WARC files with GNU parallel, one `presstally analyze` per
# file (a partial), then merge the partials into one dataset. The result
# is byte-identical to one `presstally analyze` over all the files.
#
# usage: scripts/parallel-analyze.sh [-j JOBS] [-t TOPIC] [-b BIN] -o OUT FILE...
#        (or FILE... as "-" to read the list of files from standard input)
#
# Example with Common Crawl news WARCs (CC-NEWS), listed one path per line:
#   ls /data/cc-news/*.warc.gz | scripts/parallel-analyze.sh -j 8 -o dataset -
set -euo pipefail

usage() {
    echo "usage: $0 [-j JOBS] [-t TOPIC] [-b BIN] -o OUT FILE... | -" >&2
    exit 2
}

here=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
topic=""
bin=""
out=""
while getopts "j:t:b:o:h" opt; do
    case $opt in
    j) jobs=$OPTARG ;;
    t) topic=$OPTARG ;;
    b) bin=$OPTARG ;;
    o) out=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ -n "$out" ] && [ $# -gt 0 ] || usage
[ -n "$bin" ] || bin=$(bash "$here/scripts/build.sh")
command -v parallel >/dev/null 2>&1 || PT_WITH_TEST_TOOLS=1 bash "$here/scripts/deps.sh"

parts=$(mktemp -d "${TMPDIR:-/tmp}/pt-parts.XXXXXX")
trap 'rm -rf "$parts"' EXIT
list="$parts/files.txt"
if [ "$1" = "-" ]; then cat > "$list"; else printf '%s\n' "$@" > "$list"; fi
n=$(grep -c . "$list" || true)
[ "$n" -gt 0 ] || { echo "$0: no input files" >&2; exit 1; }

export PT_BIN="$bin" PT_PARTS="$parts" PT_TOPIC="$topic"
echo "analyzing $n files with $jobs jobs" >&2
# Each job analyzes its share of the files (one presstally per job, not
# per file: one start-up and one partial each) into its own partial,
# numbered by its job; a failed job fails the run (exit 4 -- some records
# skipped -- is accepted: presstally reports those records in the log).
per=$(( (n + jobs - 1) / jobs ))
parallel --will-cite --halt now,fail=1 -j "$jobs" -n "$per" --arg-file "$list" \
    'rc=0; "$PT_BIN" analyze -q --no-summary --allow-empty ${PT_TOPIC:+--topic "$PT_TOPIC"} --out "$PT_PARTS/{#}" {} || rc=$?; [ $rc = 0 ] || [ $rc = 4 ]'
t0=$(date +%s.%N)
"$bin" merge -q --out "$out" "$parts"/[0-9]*
t1=$(date +%s.%N)
k=$(ls -d "$parts"/[0-9]* | wc -l)
echo "merged $k partials of $n files into '$out' in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s" >&2
