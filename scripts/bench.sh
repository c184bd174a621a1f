#!/usr/bin/env bash
# Benchmark of `presstally analyze`: builds corpora of 200 MB and 400 MB of
# text from the bundled samples (each file an article of about 10 KB), runs
# one process over each, and prints MB/s and peak RSS side by side. Peak RSS
# must not grow with the corpus: articles are streamed, only totals kept.
#
# usage: scripts/bench.sh [SIZES_MB...]     (default: 200 400)
set -euo pipefail
cd "$(dirname "$0")/.."
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

printf '%-8s %10s %8s %9s %9s %9s %11s %12s\n' "corpus" "bytes" "files" \
    "wall s" "CPU s" "MB/s" "MB/CPU-s" "peak RSS MB"
for mb in "${sizes[@]}"; do
    dir="$work/c$mb"
    read -r bytes files < <(make_corpus "$dir" "$mb")
    out="$work/out$mb"
    start=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/rss$mb" \
        "$bin" analyze --quiet --no-summary --out "$out" "$dir"
    end=$(date +%s.%N)
    read -r rss_kb usr sys < <(tail -n 1 "$work/rss$mb")
    python3 - "$mb" "$bytes" "$files" "$start" "$end" "$rss_kb" "$usr" "$sys" <<'PY'
import sys
mb, size, files, t0, t1, rss, usr, sys_ = sys.argv[1:]
secs = float(t1) - float(t0)
cpu = float(usr) + float(sys_)
print("%-8s %10d %8d %9.2f %9.2f %9.1f %11.1f %12.1f" % (mb + "MB", int(size),
      int(files), secs, cpu, int(size) / 1e6 / secs, int(size) / 1e6 / cpu,
      int(rss) / 1024))
PY
    rm -rf "$dir"
done
