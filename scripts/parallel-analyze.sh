#!/usr/bin/env bash
# Analyze many WARC files with GNU parallel, JOBS `presstally analyze` at
# once, each over its share of the files (one partial per job), then merge
# the partials into one dataset. The result is byte-identical to one
# `presstally analyze` over all the files.
#
# Shares are balanced by bytes, not by number of files: the files go,
# largest first, to the share with the fewest bytes so far, so that the
# jobs end together (a file is not split: one file larger than the rest
# together is one job's work).
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

start=$(date +%s.%N)
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

since() {  # seconds since the date +%s.%N given
    awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
parts=$(mktemp -d "${TMPDIR:-/tmp}/pt-parts.XXXXXX")
cleanup() {
    local t; t=$(date +%s.%N)
    rm -rf "$parts"
    echo "removed the partials in $(since "$t") s" >&2
}
trap cleanup EXIT
list="$parts/files.txt"
if [ "$1" = "-" ]; then cat > "$list"; else printf '%s\n' "$@" > "$list"; fi
n=$(grep -c . "$list" || true)
[ "$n" -gt 0 ] || { echo "$0: no input files" >&2; exit 1; }

export PT_BIN="$bin" PT_PARTS="$parts" PT_TOPIC="$topic"
echo "analyzing $n files with $jobs jobs" >&2
# The shares: each input's bytes (du: a directory's files), largest first,
# each to the share with the fewest bytes so far; within a share the
# inputs keep the order of the list.
grep -v '^$' "$list" | tr '\n' '\0' | du -lsb --files0-from=- > "$parts/sizes" ||
    { echo "$0: cannot read the input files" >&2; exit 1; }
awk '{ t = index($0, "\t"); print substr($0, 1, t - 1) "\t" NR "\t" substr($0, t + 1) }' \
    "$parts/sizes" | sort -t $'\t' -k1,1nr -k2,2n |
    awk -F '\t' -v jobs="$jobs" -v dir="$parts" '
    { best = 1
      for (j = 2; j <= jobs; j++) if (load[j] < load[best]) best = j
      load[best] += $1; count[best]++
      print $2 "\t" substr($0, length($1) + length($2) + 3) > (dir "/share." best) }
    END { for (j = 1; j <= jobs; j++) if (count[j])
              printf "share %d: %d files, %d bytes\n", j, count[j], load[j] > "/dev/stderr" }'
shares=()
for s in "$parts"/share.*; do
    [ -e "$s" ] || continue
    sort -t $'\t' -k1,1n "$s" | cut -f2- > "$s.list"
    shares+=("$s.list")
done
# Each job analyzes its share (one presstally per job, not per file: one
# start-up and one partial each) into its own partial, numbered by its
# job; a failed job fails the run (exit 4 -- some records skipped -- is
# accepted: presstally reports those records in the log).
echo "ready to start the jobs after $(since "$start") s" >&2
p0=$(date +%s.%N)
PARALLEL_SHELL=bash parallel --will-cite --halt now,fail=1 -j "$jobs" \
    --joblog "$parts/joblog" \
    'rc=0; mapfile -t in < {}; "$PT_BIN" analyze -q --no-summary --allow-empty ${PT_TOPIC:+--topic "$PT_TOPIC"} --out "$PT_PARTS/{#}" "${in[@]}" || rc=$?; [ $rc = 0 ] || [ $rc = 4 ]' \
    ::: "${shares[@]}"
# How long each job took: shares that end far apart hold the merge back.
# (parallel's own time around them: starting the jobs, waiting for them.)
awk -F '\t' 'NR > 1 { printf "%s%.1f", sep, $4; sep = ", " }
    END { print " s" }' "$parts/joblog" | sed 's/^/jobs took /' >&2
echo "parallel ran the jobs in $(since "$p0") s" >&2
t0=$(date +%s.%N)
"$bin" merge -q --out "$out" "$parts"/[0-9]*
t1=$(date +%s.%N)
k=$(ls -d "$parts"/[0-9]* | wc -l)
echo "merged $k partials of $n files into '$out' in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s" >&2
