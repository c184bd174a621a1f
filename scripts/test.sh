#!/usr/bin/env bash
# Every test: style checks, the cmocka suites under ctest in a normal
# build (warnings are errors), then the same suites built and run under
# AddressSanitizer + UndefinedBehaviorSanitizer, failing on any report.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

PT_WITH_TEST_TOOLS=1 bash scripts/deps.sh
bash scripts/checksrc.sh

echo "== build (warnings are errors)"
cmake -S . -B build -DPT_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
echo "== tests"
if [ ! -d ../shared/eval ]; then
    # ctest does not print the output of a skipped test: say it here.
    echo "(no ../shared/eval beside the clone: the *_shared tests, which" \
         "read the evaluation data, are reported as skipped)"
fi
(cd build && ctest --output-on-failure -j"$jobs")

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DPT_WERROR=ON -DPT_SANITIZE=ON \
      -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests under the sanitizers"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
(cd build-asan && ctest --output-on-failure -j"$jobs")
