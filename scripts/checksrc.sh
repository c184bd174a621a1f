#!/usr/bin/env bash
# Source checks: banned functions, stderr written only through
# crawler/base/log.c (err.c may print the out-of-memory message), and the
# layering of folders (which folder may include which).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
files=$(git ls-files 'crawler/*.c' 'crawler/*.h' 'analyzer/*.c' 'analyzer/*.h' 2>/dev/null ||
        find crawler analyzer -name '*.[ch]')
if grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strncpy|strtok|atoi|atol|gets)[[:space:]]*\(' $files; then
    echo "checksrc: banned function (use buf_addf, snprintf, cli_parse_uint)" >&2
    status=1
fi
if grep -nE 'fprintf[[:space:]]*\([[:space:]]*stderr|fputs\([^)]*stderr|perror[[:space:]]*\(' $files |
        grep -vE '^crawler/base/(log|err)\.c:'; then
    echo "checksrc: write to stderr only through crawler/base/log.h" >&2
    status=1
fi
# Layers (style.md section 3): a folder includes only its own headers and
# those of the layers below it. Ranks: base 0; crawler 1; text 1,
# extract 2, stance 3, dataset 4; cli 9 sees everything. The crawler and
# the analyzer stages are two towers on base: neither sees the other.
layer() {
    case $1 in
    crawler/base/*) echo "0 base" ;;
    crawler/*) echo "1 crawler" ;;
    analyzer/text/*) echo "1 text" ;;
    analyzer/extract/*) echo "2 extract" ;;
    analyzer/stance/*) echo "3 stance" ;;
    analyzer/dataset/*) echo "4 dataset" ;;
    analyzer/cli/*) echo "9 cli" ;;
    *) echo "- other" ;;
    esac
}
for f in $files; do
    read -r frank ftower <<EOF_L
$(layer "$f")
EOF_L
    if [ "$ftower" = other ]; then
        echo "checksrc: $f: not inside a layer folder" >&2
        status=1
        continue
    fi
    grep -nE '^#include "[^"]+"' "$f" | while IFS= read -r line; do
        inc=${line#*\"}
        inc=${inc%%\"*}
        read -r irank itower <<EOF_L
$(layer "$inc")
EOF_L
        [ "$ftower" = cli ] && continue
        [ "$itower" = base ] && continue
        if [ "$itower" = other ]; then
            echo "$f:${line%%:*}: include '$inc' is not from the root" >&2
            echo fail
        elif [ "$ftower" = crawler ] && [ "$itower" != crawler ]; then
            echo "$f:${line%%:*}: the crawler may not include '$inc'" >&2
            echo fail
        elif [ "$ftower" != crawler ] && [ "$itower" = crawler ]; then
            echo "$f:${line%%:*}: only analyzer/cli/ may include '$inc'" >&2
            echo fail
        elif [ "$irank" -gt "$frank" ]; then
            echo "$f:${line%%:*}: lower layer '$ftower' includes higher '$inc'" >&2
            echo fail
        fi
    done | grep -q fail && status=1
done
[ $status = 0 ] && echo "checksrc: ok"
exit $status
