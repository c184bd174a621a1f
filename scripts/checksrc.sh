#!/usr/bin/env bash
# Source checks: banned functions, and stderr written only through
# crawler/base/log.c (err.c may print the out-of-memory message).
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
if grep -nE '#include "crawler/[a-z_]+\.h"' $(echo "$files" | tr ' ' '\n' | grep '^analyzer/' | grep -vE '^analyzer/(main|cmd_refresh)\.c$'); then
    echo "checksrc: the analyzer may include crawler/base/ only" >&2
    status=1
fi
[ $status = 0 ] && echo "checksrc: ok"
exit $status
