#!/usr/bin/env bash
# The GNU parallel path (scripts/parallel-analyze.sh) over the WARC samples
# and the bundled articles gives byte for byte what one analyze run gives;
# the Slurm scripts at least parse.
# usage: test_parallel.sh PRESSTALLY_BIN SOURCE_DIR SHARED_DIR
set -euo pipefail
bin=$1 src=$2 shared=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-par.XXXXXX")
trap 'rm -rf "$work"' EXIT

inputs=("$src"/data/samples/*)
if [ -d "$shared/eval/warc/samples" ]; then
    inputs+=("$shared"/eval/warc/samples/*.warc*)
fi
# Extra WARC shards written by the crawler tests, when present.
if [ -n "${PT_EXTRA_WARCS:-}" ] && [ -d "$PT_EXTRA_WARCS" ]; then
    inputs+=("$PT_EXTRA_WARCS"/*.warc.gz)
fi

"$bin" analyze -q --no-summary --out "$work/single" "${inputs[@]}" 2>/dev/null || [ $? = 4 ]
bash "$src/scripts/parallel-analyze.sh" -j 2 -b "$bin" -o "$work/par" "${inputs[@]}" 2>/dev/null
# Reversed order of the inputs: same bytes.
mapfile -t rev < <(printf '%s\n' "${inputs[@]}" | tac)
bash "$src/scripts/parallel-analyze.sh" -j 3 -b "$bin" -o "$work/rev" "${rev[@]}" 2>/dev/null

fail=0
for f in articles mentions quotes cues figures timeline; do
    for d in par rev; do
        if ! cmp -s "$work/single/$f.csv" "$work/$d/$f.csv"; then
            echo "FAIL: $d/$f.csv differs from the single run" >&2
            fail=1
        fi
    done
done
rows=$(($(wc -l < "$work/single/articles.csv") - 1))
[ "$rows" -ge 8 ] || { echo "FAIL: only $rows articles" >&2; fail=1; }
bash -n "$src/scripts/slurm-submit.sh" && bash -n "$src/scripts/slurm-analyze.sbatch" ||
    { echo "FAIL: Slurm scripts do not parse" >&2; fail=1; }
[ $fail = 0 ] && echo "parallel: $rows articles, parallel and reversed runs identical to one run"
exit $fail
