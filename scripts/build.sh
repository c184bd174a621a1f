#!/usr/bin/env bash
# Build presstally in ./build (Release with debug info), installing missing
# Debian packages first. Prints the path of the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo ${PT_CMAKE_FLAGS:-} >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "build/analyzer/presstally"
