#!/usr/bin/env bash
# presstally topic new and topic check: the template (data/topics/
# TEMPLATE.topic) shows every kind of entry the parser knows (the kinds[]
# table of analyzer/stance/topic.c), a new file is valid as written and
# names the topic, check counts each kind, and an existing file is never
# overwritten.
# usage: test_topic_new.sh PRESSTALLY_BIN SOURCE_DIR
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") src=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-topic.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

kinds=$(sed -n 's/^[[:space:]]*{ "\([a-z!]*\)", TOPIC_[A-Z]*, [01] },.*/\1/p' \
        "$src/analyzer/stance/topic.c")
[ -n "$kinds" ] || fail "no kinds found in topic.c"
for k in topic $kinds; do
    grep -qE "^$k([[:space:]]+[0-9.]+)?[[:space:]]" \
        "$src/data/topics/TEMPLATE.topic" ||
        fail "the template has no example of '$k'"
done

cd "$work"
"$bin" topic new "Four-day week" 2>/dev/null || fail "topic new"
[ -f four-day-week.topic ] || fail "no four-day-week.topic"
grep -q "^topic[[:space:]]*Four-day week$" four-day-week.topic ||
    fail "the topic line does not name the topic"
! grep -q "{{NAME}}" four-day-week.topic || fail "placeholder left"
"$bin" topic check four-day-week.topic > check.txt || fail "topic check"
grep -q "ok: topic 'Four-day week'" check.txt || fail "check: no ok line"
# The summary counts every kind, and the template has one of each.
python3 - check.txt <<'PY' || fail "check does not count every kind of the template"
import re, sys
line = open(sys.argv[1], encoding="utf-8").read()
counts = [int(n) for n in re.findall(r"(\d+) [a-z]", line.split(":", 2)[2])]
assert len(counts) >= 10 and all(counts), line
PY
# Never overwritten, to a file named, or to stdout.
set +e
"$bin" topic new "Four-day week" 2>/dev/null; [ $? = 1 ] ||
    fail "an existing file was not refused"
set -e
"$bin" topic new "Rail strikes" strikes.topic 2>/dev/null
"$bin" topic check strikes.topic >/dev/null || fail "strikes.topic invalid"
"$bin" topic new "Rail strikes" - > stdout.topic
grep -q "^topic *Rail strikes$" stdout.topic ||
    fail "topic new NAME - did not write to stdout"
set +e
"$bin" topic new >/dev/null 2>&1; [ $? = 2 ] || fail "no NAME: not 2"
"$bin" topic frob >/dev/null 2>&1; [ $? = 2 ] || fail "bad action: not 2"
set -e
echo "topic new: ok"
