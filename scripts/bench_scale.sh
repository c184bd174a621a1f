#!/usr/bin/env bash
# Scaling figure for the scale-out path: builds a WARC corpus (default 1 GB
# of .warc.gz, from the bundled samples, one capture per URL) and analyzes
# it with 1 job (one presstally analyze over all files) and with 2 parallel
# jobs (scripts/parallel-analyze.sh: one analyze per file, then merge).
# Prints wall time, CPU time and the speed-up, and checks that both runs
# give the same bytes.
#
# usage: scripts/bench_scale.sh [TOTAL_MB] [FILE_MB]     (default 1024 64)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1024}
per=${2:-64}
bin=$(bash scripts/build.sh)
cmake --build build --target mkwarc >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "building a corpus of $total MB of WARC (files of $per MB)..." >&2
build/tests/mkwarc "$work/warc" "$total" "$per" data/samples/*.txt data/samples/*.html >&2
files=$(ls "$work"/warc/*.warc.gz | wc -l)
bytes=$(cat "$work"/warc/*.warc.gz | wc -c)

t() {  # LABEL CMD...: prints label, wall and CPU seconds
    local label=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
        { cat "$work/err" >&2; exit 1; }
    read -r wall usr sys < "$work/time"
    echo "$label $wall $(python3 -c "print($usr + $sys)")"
}
read -r _ w1 c1 < <(t one "$bin" analyze -q --no-summary --out "$work/one" "$work/warc")
read -r _ w2 c2 < <(t two bash scripts/parallel-analyze.sh -j 2 -b "$bin" -o "$work/two" "$work"/warc/*.warc.gz)
grep '^merged' "$work/err" >&2 || true
same=yes
for f in articles mentions quotes cues figures timeline; do
    cmp -s "$work/one/$f.csv" "$work/two/$f.csv" || same=no
done
arts=$(($(wc -l < "$work/one/articles.csv") - 1))
python3 - "$files" "$bytes" "$arts" "$w1" "$c1" "$w2" "$c2" "$same" <<'PY'
import sys
files, size, arts = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
w1, c1, w2, c2 = map(float, sys.argv[4:8])
mb = size / 1e6
print(f"corpus: {files} WARC files, {mb:.1f} MB, {arts} articles")
print(f"{'run':<28} {'wall s':>10} {'CPU s':>10} {'MB/s':>10}")
print(f"{'1 job (one process)':<28} {w1:>10.1f} {c1:>10.1f} {mb / w1:>10.1f}")
print(f"{'2 jobs (parallel + merge)':<28} {w2:>10.1f} {c2:>10.1f} {mb / w2:>10.1f}")
print(f"speed-up: {w1 / w2:.2f}x; outputs identical: {sys.argv[8]}")
PY
