#!/bin/sh
# Benchmark of `presstally extract`: extracts the development pages of
# ../shared/eval/extraction in one process, several passes (the first pass is
# a warm-up), and prints MB/s of HTML, pages/s and peak RSS; then, in one
# run of build/tests/bench_extract, libxml2's parse-only speed and the
# extractor's on the same pages, page by page, with their ratio.
# usage: scripts/bench_extract.sh [PRESSTALLY_BIN] [PASSES]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/analyzer/presstally}
passes=${2:-6}
dev=${PT_SHARED_DIR:-$here/../shared}/eval/extraction/dev/html
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for f in "$dev"/*.html.gz; do
    gzip -dc "$f" > "$pages/$(basename "$f" .gz)"
done
echo "pages: $(ls "$pages" | wc -l), $(cat "$pages"/*.html | wc -c) bytes; passes: $passes (1 warm-up)"
# --bench-passes reads every file once, then runs the extractor over all of
# them PASSES times and reports speed and peak RSS on stderr.
"$bin" extract --bench-passes "$passes" "$pages"/*.html > /dev/null
bench=${PT_BENCH_EXTRACT:-$(dirname "$bin")/../tests/bench_extract}
if [ -x "$bench" ]; then
    "$bench" "$passes" "$pages"/*.html
else
    echo "no $bench: build the tests/ target bench_extract for the parse-only figure" >&2
fi
