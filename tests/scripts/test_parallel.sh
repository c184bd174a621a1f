#!/usr/bin/env bash
# The GNU parallel path (scripts/parallel-analyze.sh) over the WARC samples
# (tests/fixtures/warc, and those only in ../shared when it is there) and
# the bundled articles gives byte for byte what one analyze run gives; the
# Slurm scripts at least parse.
# usage: test_parallel.sh PRESSTALLY_BIN SOURCE_DIR SHARED_DIR
set -euo pipefail
bin=$1 src=$2 shared=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-par.XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$src/tests/scripts/warc_samples.sh"
inputs=("$src"/data/samples/*)
mapfile -t -O ${#inputs[@]} inputs < <(warc_samples "$src" "$shared")
# Crawled fixture WARCs: a small fictional site served on 127.0.0.1 and
# crawled with presstally crawl, rotated into several WARC files.
site=$work/site
mkdir -p "$site/news"
python3 - "$site" <<'PY'
import sys
site = sys.argv[1]
people = [("Wilma Tarrant", "praised intimacy coordinators as essential"),
          ("Horace Quill", "slammed intimacy coordinators as unnecessary"),
          ("Nadia Ferrante", "said the intimacy coordinator was helpful"),
          ("Basil Orchard", "called intimacy coordinators a waste of money")]
links = []
for i in range(24):
    name, said = people[i % 4]
    open(f"{site}/news/{i}.html", "w").write(
        f"<html><head><title>Story {i}</title></head><body><article>"
        f"<h1>Story {i}</h1><p>Producer {name} {said} on the set of a "
        f"fictional drama, story number {i} of the fixture site.</p>"
        f"<p>The studio confirmed an intimacy coordinator worked on every "
        f"scene with nudity.</p></article></body></html>")
    links.append(f'<a href="/news/{i}.html">Story {i}</a>')
open(f"{site}/index.html", "w").write("<html><body>" + " ".join(links) + "</body></html>")
open(f"{site}/robots.txt", "w").write("User-agent: *\nAllow: /\n")
PY
mkfifo "$work/port"
python3 "$src/tests/server/site_server.py" "$site" --log "$work/requests.log" \
    --lifetime 120 > "$work/port" &
srv=$!
trap 'kill $srv 2>/dev/null || true; rm -rf "$work"' EXIT
read -r port < "$work/port"
"$bin" crawl -q --delay 0 --db "$work/crawl.db" --warc-dir "$work/warc" \
    --warc-size 4000 "http://127.0.0.1:$port/" || { echo "FAIL: crawl" >&2; exit 1; }
nwarc=$(ls "$work"/warc/*.warc.gz | wc -l)
[ "$nwarc" -ge 3 ] || { echo "FAIL: the crawl wrote $nwarc WARC files" >&2; exit 1; }
inputs+=("$work"/warc/*.warc.gz)

"$bin" analyze -q --no-summary --out "$work/single" "${inputs[@]}" 2>/dev/null || [ $? = 4 ]
bash "$src/scripts/parallel-analyze.sh" -j 2 -b "$bin" -o "$work/par" "${inputs[@]}" 2>"$work/par.err"
# The shares are balanced by bytes: they differ by at most the largest
# input (largest first, each to the share with the fewest bytes).
largest=$(du -lsb "${inputs[@]}" | cut -f1 | sort -n | tail -1)
read -r lo hi < <(sed -n 's/^share [0-9]*: [0-9]* files, \([0-9]*\) bytes$/\1/p' \
    "$work/par.err" | sort -n | sed -n '1p;$p' | paste -sd ' ')
[ -n "$hi" ] && [ $((hi - lo)) -le "$largest" ] ||
    { echo "FAIL: shares of $lo and $hi bytes (largest input $largest)" >&2; exit 1; }
# Reversed order of the inputs: same bytes.
mapfile -t rev < <(printf '%s\n' "${inputs[@]}" | tac)
bash "$src/scripts/parallel-analyze.sh" -j 3 -b "$bin" -o "$work/rev" "${rev[@]}" 2>/dev/null

fail=0
for f in articles mentions quotes cues figures timeline aliases; do
    for d in par rev; do
        if ! cmp -s "$work/single/$f.csv" "$work/$d/$f.csv"; then
            echo "FAIL: $d/$f.csv differs from the single run" >&2
            fail=1
        fi
    done
done
rows=$(($(wc -l < "$work/single/articles.csv") - 1))
[ "$rows" -ge 32 ] || { echo "FAIL: only $rows articles" >&2; fail=1; }
grep -q "^Horace Quill,.*,con," "$work/single/figures.csv" ||
    { echo "FAIL: crawled articles missing from the dataset" >&2; fail=1; }
bash -n "$src/scripts/slurm-submit.sh" && bash -n "$src/scripts/slurm-analyze.sbatch" ||
    { echo "FAIL: Slurm scripts do not parse" >&2; fail=1; }
[ $fail = 0 ] && echo "parallel: $rows articles from $nwarc crawled WARC files and the samples; parallel and reversed runs identical to one run"
exit $fail
