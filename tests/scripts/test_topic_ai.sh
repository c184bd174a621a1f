#!/usr/bin/env bash
# The bundled generative-AI topic file with the analyzer: `topic check`
# accepts it and counts what it defines, and on short articles of our own
# its spellings, references back, contrast targets and overrides carry a
# person's stance; digital effects older than generative AI are no topic.
# usage: test_topic_ai.sh PRESSTALLY_BIN SOURCE_DIR
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") src=$(cd "$2" && pwd)
topic=$src/data/topics/generative-ai.topic
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-topic-ai.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" topic check "$topic" > "$work/check.txt" 2> "$work/check.err" ||
    fail "topic check: $(cat "$work/check.err")"
[ ! -s "$work/check.err" ] || fail "topic check warns: $(cat "$work/check.err")"
grep -q "ok: topic 'Generative AI in film and TV production'" "$work/check.txt" ||
    fail "check: no ok line"
grep -qE "[1-9][0-9]* terms, .* [1-9][0-9]* refs, [1-9][0-9]* contrast targets" \
    "$work/check.txt" || fail "check: no terms, refs or contrast targets"

cd "$work"
# A ref with "such" in a paragraph after two "AI-" and "LLM-" compounds.
cat > such.txt <<'TXT'
Producer Ilse Marchetti-Cho has cast LLM-written characters and AI-animated crowds in two commercials this year.

"Such systems are a godsend for small productions," Marchetti-Cho told a panel in Glasgow.
TXT
# Praise of the topic's opposite is criticism of the topic.
cat > human.txt <<'TXT'
The screenwriter Dov Abernathy-Sato spoke about AI-assisted drafts at a guild meeting in Leeds on Monday. "Human writers are wonderful," Abernathy-Sato said.
TXT
# Words that are faults only in this topic's world.
cat > robotic.txt <<'TXT'
Voice actor Remy Okafor-Laine heard his de-aged voice clone for the first time on Monday. "It sounded robotic, and it hallucinated whole lines I never said," Okafor-Laine said.
TXT
# Computer-generated imagery is no generative AI: praise of it is no stance.
cat > cgi.txt <<'TXT'
Animator Pru Lindqvist-Oto praised the computer-generated dragons in the new fantasy series. "They are wonderful," she said.
TXT
"$bin" analyze -q --no-summary --topic "$topic" --out out \
    such.txt human.txt robotic.txt cgi.txt || fail "analyze"
python3 - out/mentions.csv <<'PY' || fail "stances differ"
import csv, sys
want = {"Ilse Marchetti-Cho": "pro", "Dov Abernathy-Sato": "con",
        "Remy Okafor-Laine": "con", "Pru Lindqvist-Oto": "neutral"}
got = {r["figure"]: r["stance"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
bad = [f"{n}: got {got.get(n)}, want {s}" for n, s in want.items() if got.get(n) != s]
if bad:
    sys.exit("\n".join(bad))
PY
echo "topic ai: ok"
