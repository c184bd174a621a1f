#!/usr/bin/env bash
# Benchmark of `presstally analyze`: builds corpora of 200 MB and 400 MB of
# text from the bundled samples (each file an article of about 10 KB), runs
# one process over each, and prints MB/s and peak RSS side by side. Peak RSS
# must not grow with the corpus: articles are streamed, only totals kept.
# With --before BIN, an older build runs on the same corpora, alternating
# with this one (--runs N times each, default 1; the machine's noise shows
# in the spread), and the last column gives this build's CPU throughput as
# a share of the older one's.
#
# usage: scripts/bench.sh [--before BIN] [--runs N] [SIZES_MB...]
#        (default sizes: 200 400)
set -euo pipefail
cd "$(dirname "$0")/.."
before= runs=1
while [ $# -gt 0 ]; do
    case $1 in
    --before) before=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
    esac
done
[ -z "$before" ] || [ -x "$before" ] ||
    { echo "bench.sh: $before: not an executable" >&2; exit 2; }
bin=$(bash scripts/build.sh)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 400)
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

make_corpus() {  # DIR MB
    python3 - "$1" "$2" <<'PY'
import os, sys, glob
out, mb = sys.argv[1], int(sys.argv[2])
texts = [open(p, encoding="utf-8").read()
         for p in sorted(glob.glob("data/samples/*.txt"))]
article = "\n\n".join(texts)
os.makedirs(out, exist_ok=True)
total, i = 0, 0
target = mb * 1000 * 1000
while total < target:
    sub = os.path.join(out, "%03d" % (i // 1000))
    os.makedirs(sub, exist_ok=True)
    # Vary each article a little so that no two are identical.
    body = "Article %d.\n\n%s" % (i, article)
    with open(os.path.join(sub, "a%06d.txt" % i), "w", encoding="utf-8") as f:
        f.write(body)
    total += len(body.encode("utf-8"))
    i += 1
print(total, i)
PY
}

printf '%-8s %-7s %10s %8s %9s %9s %9s %11s %12s %8s\n' "corpus" "build" "bytes" \
    "files" "wall s" "CPU s" "MB/s" "MB/CPU-s" "peak RSS MB" "share"
run() {  # LABEL BIN MB BYTES FILES DIR: one analyze, one line
    local label=$1 b=$2 mb=$3 bytes=$4 files=$5 dir=$6 start end
    rm -rf "$work/out"
    start=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/rss" \
        "$b" analyze --quiet --no-summary --out "$work/out" "$dir"
    end=$(date +%s.%N)
    read -r rss_kb usr sys < <(tail -n 1 "$work/rss")
    python3 - "$mb" "$label" "$bytes" "$files" "$start" "$end" "$rss_kb" \
        "$usr" "$sys" "$work/cpu.$mb" <<'PY'
import os, sys
mb, label, size, files, t0, t1, rss, usr, sys_, keep = sys.argv[1:]
secs = float(t1) - float(t0)
cpu = float(usr) + float(sys_)
rate = int(size) / 1e6 / cpu
share = ""
if label == "before":
    with open(keep, "a") as f:
        f.write("%f\n" % rate)
elif os.path.exists(keep):
    old = [float(x) for x in open(keep)]
    share = "%.0f%%" % (100 * rate / (sum(old) / len(old)))
print("%-8s %-7s %10d %8d %9.2f %9.2f %9.1f %11.1f %12.1f %8s" % (mb + "MB",
      label, int(size), int(files), secs, cpu, int(size) / 1e6 / secs, rate,
      int(rss) / 1024, share))
PY
}
for mb in "${sizes[@]}"; do
    dir="$work/c$mb"
    read -r bytes files < <(make_corpus "$dir" "$mb")
    for ((r = 0; r < runs; r++)); do
        [ -z "$before" ] || run before "$before" "$mb" "$bytes" "$files" "$dir"
        run this "$bin" "$mb" "$bytes" "$files" "$dir"
    done
    rm -rf "$dir"
done
