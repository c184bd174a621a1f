#!/usr/bin/env bash
# Writes a PNG screenshot of a report page with headless Chromium (the
# page needs nothing from the network, so the shot is what a reader sees).
#
# usage: scripts/report_screenshot.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]
#        (default OUT: REPORT.png beside it; 1000 x 2400 pixels)
set -euo pipefail
page=$1
out=${2:-${page%.html}.png}
width=${3:-1000}
height=${4:-2400}
chrome=$(command -v chromium || command -v chromium-browser ||
         command -v google-chrome || true)
if [ -z "$chrome" ]; then
    echo "report_screenshot.sh: no chromium (apt-get install chromium, or" \
         "PT_WITH_TEST_TOOLS=1 bash scripts/deps.sh)" >&2
    exit 1
fi
profile=$(mktemp -d "${TMPDIR:-/tmp}/pt-shot.XXXXXX")
trap 'rm -rf "$profile"' EXIT
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
case $out in /*) ;; *) out=$PWD/$out ;; esac
"$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$out" "file://$abs" \
    >/dev/null 2>&1
[ -s "$out" ] || { echo "report_screenshot.sh: no screenshot written" >&2; exit 1; }
echo "$out"
