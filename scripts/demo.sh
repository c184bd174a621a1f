#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the
# main job on the bundled samples (data/samples), writing CSVs to ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(bash scripts/build.sh)
out=${1:-out}
echo "== presstally analyze --out $out data/samples" >&2
"$bin" analyze --summary --out "$out" data/samples
