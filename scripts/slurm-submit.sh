#!/usr/bin/env bash
# Submit the analysis of many WARC files to a Slurm cluster: an array job
# with one task per file (scripts/slurm-analyze.sbatch), then a merge job
# that runs only when every task succeeded (afterok).
#
# usage: scripts/slurm-submit.sh LIST OUT [TOPIC]
#   LIST   a file with one WARC path per line (paths visible to the nodes)
#   OUT    the dataset directory (on a shared file system)
#
# Example with Common Crawl news WARCs:
#   ls /shared/cc-news/2024/*.warc.gz > cc-news.txt
#   scripts/slurm-submit.sh cc-news.txt /shared/datasets/cc-news-2024
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 LIST OUT [TOPIC]" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
list=$(realpath "$1")
out=$(realpath -m "$2")
topic=${3:-}
bin=${PT_BIN:-$here/build/analyzer/presstally}
[ -x "$bin" ] || { echo "$0: build presstally first (scripts/build.sh)" >&2; exit 1; }
n=$(grep -c . "$list")
parts="$out.parts"
mkdir -p "$parts"
export PT_BIN="$bin" PT_LIST="$list" PT_PARTS="$parts" PT_TOPIC="$topic"
array=$(sbatch --parsable --array="1-$n" --export=ALL \
    "$here/scripts/slurm-analyze.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$array" --export=ALL \
    --job-name=presstally-merge --output=presstally-merge-%j.log \
    --wrap="\"$bin\" merge -q --out \"$out\" \"$parts\"/[0-9]*")
echo "submitted array job $array ($n tasks) and merge job $merge" >&2
