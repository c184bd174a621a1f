#!/usr/bin/env bash
# Report at scale: invents N articles (default 10 000) from 12 outlets over
# 36 months naming people from a pool of 2 400 (scripts/gen_articles.py;
# about 2 000 of them are named), analyzes them, and times
# `presstally report` on the dataset (best of 3). Prints the dataset's
# size, the report's time and size, and whether they meet the goals
# (under 2 s, under 5 MB).
#
# usage: scripts/bench_report.sh [N] [KEEP_DIR]
#        (with KEEP_DIR the dataset and report.html stay there)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
keep=${2:-}
bin=$(bash scripts/build.sh)
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-benchreport.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "inventing $n articles..." >&2
python3 scripts/gen_articles.py "$work/articles" "$n" --figures 2400 --months 36
"$bin" analyze -q --no-summary --out "$work/ds" "$work/articles"
articles=$(($(wc -l < "$work/ds/articles.csv") - 1))
figures=$(($(wc -l < "$work/ds/figures.csv") - 1))
quotes=$(($(wc -l < "$work/ds/quotes.csv") - 1))
csv=$(cat "$work"/ds/*.csv | wc -c)
best=""
for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$work/time" "$bin" report -q --no-progress \
        "$work/ds" -o "$work/report.html"
    t=$(cat "$work/time")
    best=$(python3 -c "print(min(float('$t'), float('${best:-$t}')))")
done
size=$(wc -c < "$work/report.html")
python3 - "$articles" "$figures" "$quotes" "$csv" "$best" "$size" <<'PY'
import sys
articles, figures, quotes, csv = map(int, sys.argv[1:5])
t, size = float(sys.argv[5]), int(sys.argv[6])
print(f"dataset: {articles} articles, {figures} figures, {quotes} quotes, "
      f"{csv / 1e6:.1f} MB of CSV")
print(f"report:  {t:.2f} s, {size / 1e6:.2f} MB "
      f"(goal: under 2 s: {'yes' if t < 2 else 'NO'}; "
      f"under 5 MB: {'yes' if size < 5e6 else 'NO'})")
PY
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp -r "$work/ds/." "$keep/"
    cp "$work/report.html" "$keep/report.html"
    echo "kept in $keep" >&2
fi
