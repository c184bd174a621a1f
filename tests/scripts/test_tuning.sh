#!/usr/bin/env bash
# The tuning passages of data/tuning/ stay well formed: every line a case
# with its people and quotes, every alias and quote found verbatim in its
# text, every label one of the five, ids unique (checked here, without
# ../shared); and, when ../shared is there, its validate.py passes them.
# usage: test_tuning.sh SOURCE_DIR [SHARED_DIR]
set -u
src=$1
shared=${2:-$src/../shared}
files=("$src"/data/tuning/*.jsonl)
[ -e "${files[0]}" ] || { echo "no data/tuning/*.jsonl" >&2; exit 1; }
python3 - "${files[@]}" <<'PY' || exit 1
import json, sys
labels = {"pro", "con", "mixed", "neutral", "none"}
bad, ids, n = 0, set(), 0
def fail(where, what):
    global bad
    bad += 1
    sys.stderr.write("%s: %s\n" % (where, what))
for path in sys.argv[1:]:
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        where = "%s:%d" % (path, ln)
        try:
            c = json.loads(line)
        except ValueError as e:
            fail(where, "not JSON: %s" % e)
            continue
        n += 1
        text = c.get("text") or ""
        if c.get("id") in ids:
            fail(where, "id %r twice" % c.get("id"))
        ids.add(c.get("id"))
        if not (c.get("notes") or "").startswith("Labels:"):
            fail(where, "notes do not open with 'Labels:'")
        for p in c.get("people") or []:
            if p.get("stance") not in labels:
                fail(where, "%s: stance %r" % (p.get("name"), p.get("stance")))
            for a in p.get("aliases_in_text") or []:
                if a not in text:
                    fail(where, "alias %r not in the text" % a)
        for q in c.get("quotes") or []:
            if q.get("quote") not in text:
                fail(where, "quote %r not in the text" % q.get("quote")[:40])
print("tuning: %d cases, %d problems" % (n, bad))
sys.exit(1 if bad or n == 0 else 0)
PY
v=$shared/eval/stance/validate.py
if [ -f "$v" ]; then
    python3 "$v" "${files[@]}" || exit 1
else
    echo "tuning: $v not found: the shared schema check is skipped"
fi
