#!/usr/bin/env bash
# Scaling figure for the scale-out path: builds a WARC corpus (default 1 GB
# of .warc.gz, from the bundled samples, one capture per URL) and analyzes
# it with 1 job (one presstally analyze over all files) and with 2 parallel
# jobs (scripts/parallel-analyze.sh: one analyze per share of the files,
# then merge). Prints wall time, CPU time, the merge's seconds, the
# seconds of the 2-job run outside its slowest job and the merge (setting
# up the shares, parallel's own time, removing the partials) and the
# speed-up, and checks that both runs write the same files with the same
# bytes (every file of the dataset).
#
# usage: scripts/bench_scale.sh [TOTAL_MB] [FILE_MB]     (default 1024 64)
# environment:
#   BENCH_RUNS=N       run each configuration N times, alternating (default
#                      1); each run is printed, then the median of each
#   BENCH_CORPUS=DIR   the corpus directory, kept (built when missing) so
#                      that runs can be repeated on the same files
#   BENCH_BEFORE=DIR   another source tree, built (DIR/build/analyzer/
#                      presstally): its binary and its parallel-analyze.sh
#                      run in the same session, for a before/after figure
# Two jobs need both cores: run it when `uptime` shows a low load.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1024}
per=${2:-64}
runs=${BENCH_RUNS:-1}
before=${BENCH_BEFORE:-}
bin=$(bash scripts/build.sh)
cmake --build build --target mkwarc >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=${BENCH_CORPUS:-$work/warc}
if [ ! -d "$corpus" ] || [ -z "$(ls "$corpus"/*.warc.gz 2>/dev/null)" ]; then
    echo "building a corpus of $total MB of WARC (files of $per MB)..." >&2
    build/tests/mkwarc "$corpus" "$total" "$per" data/samples/*.txt data/samples/*.html >&2
fi
if [ -n "$before" ]; then
    [ -x "$before/build/analyzer/presstally" ] ||
        { echo "$0: build $before first (scripts/build.sh there)" >&2; exit 1; }
fi
files=$(ls "$corpus"/*.warc.gz | wc -l)
bytes=$(cat "$corpus"/*.warc.gz | wc -c)

busy() {  # CPU seconds the whole machine has spent busy since boot
    awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / 100 }' /proc/stat
}
t() {  # LABEL CMD...: records label, wall and CPU seconds, the merge's
       # and each job's seconds, and the CPU seconds other programs took
       # meanwhile (a noisy machine: such runs are not a scaling figure)
    local label=$1 wall usr sys merge jobs b0 b1 cpu others around; shift
    b0=$(busy)
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
        { cat "$work/err" >&2; exit 1; }
    b1=$(busy)
    read -r wall usr sys < "$work/time"
    cpu=$(python3 -c "print(round($usr + $sys, 2))")
    others=$(python3 -c "print(max(0, round($b1 - $b0 - $cpu, 1)))")
    merge=$(sed -n 's/^merged .* in \([0-9.]*\) s$/\1/p' "$work/err")
    jobs=$(sed -n 's/^jobs took \(.*\) s$/\1/p' "$work/err" | tr -d ' ')
    around=-
    [ -z "$jobs" ] || around=$(python3 -c "print(round(max(0, $wall - max(($jobs,)) - ${merge:-0}), 1))")
    echo "$label $wall $cpu ${merge:--} ${jobs:--} $others $around" >> "$work/results"
    echo "$label: wall $wall s, CPU $cpu s, merge ${merge:--} s," \
        "jobs ${jobs:--} s, outside them $around s, other programs $others CPU s" >&2
    [ -z "$jobs" ] || sed -n -e 's/^ready to start the jobs after/  set-up:/p' \
        -e 's/^parallel ran the jobs in/  parallel:/p' \
        -e 's/^removed the partials in/  removing the partials:/p' "$work/err" >&2
}
# DIR1 DIR2: "yes" when both hold the same files with the same bytes.
same() {
    local f
    [ "$(cd "$1" && ls)" = "$(cd "$2" && ls)" ] || { echo no; return; }
    for f in "$1"/*; do
        cmp -s "$f" "$2/${f##*/}" || { echo no; return; }
    done
    echo yes
}
: > "$work/results"
same=yes
for r in $(seq "$runs"); do
    rm -rf "$work/one" "$work/two"
    t one "$bin" analyze -q --no-summary --out "$work/one" "$corpus"
    t two bash scripts/parallel-analyze.sh -j 2 -b "$bin" -o "$work/two" "$corpus"/*.warc.gz
    rm -f "$work"/one/.lock "$work"/two/.lock
    [ "$(same "$work/one" "$work/two")" = yes ] || same=no
    if [ -n "$before" ]; then
        rm -rf "$work/b1" "$work/b2"
        t before-one "$before/build/analyzer/presstally" analyze -q --no-summary \
            --out "$work/b1" "$corpus"
        t before-two bash "$before/scripts/parallel-analyze.sh" -j 2 \
            -b "$before/build/analyzer/presstally" -o "$work/b2" "$corpus"/*.warc.gz
        rm -f "$work"/b1/.lock "$work"/b2/.lock
        for d in b1 b2; do
            [ "$(same "$work/one" "$work/$d")" = yes ] || same=no
        done
    fi
done
arts=$(($(wc -l < "$work/one/articles.csv") - 1))
nout=$(ls "$work/one" | wc -l)
python3 - "$files" "$bytes" "$arts" "$nout" "$same" "$work/results" <<'PY'
import statistics, sys
files, size, arts, nout = map(int, sys.argv[1:5])
same, path = sys.argv[5], sys.argv[6]
mb = size / 1e6
rows = {}
for line in open(path):
    label, wall, cpu, merge, jobs, others, around = line.split()
    rows.setdefault(label, []).append((float(wall), float(cpu),
                                       None if merge == "-" else float(merge),
                                       None if jobs == "-" else jobs,
                                       float(others),
                                       None if around == "-" else float(around)))
print(f"corpus: {files} WARC files, {mb:.1f} MB, {arts} articles")
print(f"{'run':<14} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'merge s':>8}"
      f" {'others':>7} {'outside':>8}  jobs s")
names = {"one": "1 job", "two": "2 jobs", "before-one": "before 1 job",
         "before-two": "before 2 jobs"}
def show(label, w, c, m, j=None, o=None, a=None):
    ms = f"{m:8.1f}" if m is not None else f"{'':>8}"
    os_ = f"{o:7.1f}" if o is not None else f"{'':>7}"
    as_ = f"{a:8.1f}" if a is not None else f"{'':>8}"
    print(f"{label:<14} {w:8.1f} {c:8.1f} {mb / w:8.1f} {ms} {os_} {as_}  {j or ''}")
for label in ("one", "two", "before-one", "before-two"):
    for w, c, m, j, o, a in rows.get(label, []):
        show(names[label], w, c, m, j, o, a)
med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v))
       for k, v in rows.items()}
if len(rows["one"]) > 1:
    print(f"medians of {len(rows['one'])} runs:")
    for label in ("one", "two", "before-one", "before-two"):
        if label in med:
            ms = [r[2] for r in rows[label] if r[2] is not None]
            show(names[label], *med[label], statistics.median(ms) if ms else None)
ratios = [o[0] / t[0] for o, t in zip(rows["one"], rows["two"])]
print("speed-up (1 job wall / 2 jobs wall, each run): " +
      ", ".join(f"{x:.2f}x" for x in ratios))
if "before-one" in rows:
    b = [o[0] / t[0] for o, t in zip(rows["before-one"], rows["before-two"])]
    print("before: " + ", ".join(f"{x:.2f}x" for x in b))
print("others: CPU seconds other programs took during the run (on 2 cores,"
      " a 2-job run\nneeds both: its figure holds only when that is near 0);"
      " outside: wall seconds of a\n2-job run outside its slowest job and"
      " the merge")
print(f"outputs identical ({nout} files): {same}")
PY
