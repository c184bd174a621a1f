#!/usr/bin/env bash
# presstally quotes against the analyzed samples (data/samples): by a name
# written without its accents, by an alias, by date range, by outlet (URL
# host and name), by words and stance, in each format (table, csv, json),
# with the sentence around each quote.
#
# The context sentence and aliases.csv come from the analyzer (quotes.csv
# "context", aliases.csv); the test adds one alias that is no part of the
# name, so that only aliases.csv can find it.
# usage: test_quotes.sh PRESSTALLY_BIN SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-quotes.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

ds=$work/ds
"$bin" analyze -q --no-summary -o "$ds" "$src"/data/samples/*.txt \
    "$src"/data/samples/*.html

python3 - "$ds" "$src/data/samples" <<'PY'
import csv, os, sys
ds, samples = sys.argv[1:3]
path = os.path.join(ds, "quotes.csv")
with open(path, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
cols = list(rows[0].keys())
# The analyzer writes the sentence around each quote and the aliases.
assert "context" in cols and "speaker_form" in cols, cols
assert os.path.exists(os.path.join(ds, "aliases.csv"))
# An alias that is no part of the name: found only through aliases.csv.
apath = os.path.join(ds, "aliases.csv")
new = not os.path.exists(apath)
with open(apath, "a", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    if new:
        w.writerow(["figure", "alias", "articles"])
    w.writerow(["Gaspar Noé", "the Enter the Void director", "1"])
PY

# CSV and JSON helpers: count rows, check a column.
csv_check() { # FILE EXPR (python, over rows: list of dicts)
    python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
ok = eval("(" + sys.argv[2] + ")")
if not ok:
    print("rows:", rows, file=sys.stderr)
    sys.exit(1)
PY
}
json_check() { # FILE EXPR (python, over rows: list of dicts)
    python3 - "$1" "$2" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ok = eval("(" + sys.argv[2] + ")")
if not ok:
    print("rows:", rows, file=sys.stderr)
    sys.exit(1)
PY
}

# 1. By name without accents, in each format. CSV is the default when
# stdout is not a terminal.
"$bin" quotes "$ds" --who "gaspar noe" > "$work/noe.csv"
csv_check "$work/noe.csv" \
    'len(rows) >= 1 and all(r["speaker"] == "Gaspar Noé" for r in rows)
     and all("France" in r["context"] for r in rows)' ||
    fail "--who 'gaspar noe' (csv) did not find Gaspar Noé's quote with its context"
"$bin" quotes "$ds" --who "GASPAR NOÉ" --format json > "$work/noe.json"
json_check "$work/noe.json" \
    'len(rows) >= 1 and all(r["speaker"] == "Gaspar Noé" and r["context"]
     and r["article_id"] for r in rows)' ||
    fail "--who (json) did not give Gaspar Noé's quotes with context"
"$bin" quotes "$ds" --who noe --format table > "$work/noe.txt"
grep -q "Gaspar Noé" "$work/noe.txt" || fail "table: no speaker"
grep -q "context: .*France" "$work/noe.txt" || fail "table: no context line"
grep -q "doesn’t exist in France" "$work/noe.txt" || fail "table: no quote"
"$bin" quotes "$ds" --who "mia hansen-love" --format csv > "$work/mia.csv"
csv_check "$work/mia.csv" \
    'len(rows) >= 1 and all(r["speaker"] == "Mia Hansen-Løve" for r in rows)' ||
    fail "--who 'mia hansen-love' did not find Mia Hansen-Løve"
# An alias from aliases.csv.
"$bin" quotes "$ds" --who "the enter the void director" --format json \
    > "$work/alias.json"
json_check "$work/alias.json" \
    'len(rows) >= 1 and all(r["speaker"] == "Gaspar Noé" for r in rows)' ||
    fail "--who ALIAS did not find the figure's quotes"
# Nobody: no rows, exit 0.
"$bin" quotes "$ds" --who "nobody at all" --format csv > "$work/none.csv"
csv_check "$work/none.csv" 'len(rows) == 0' || fail "--who nobody gave rows"

# 2. By date range: only the guild article (2024-05-14) has a date; two
# of its quotes are direct.
"$bin" quotes "$ds" --from 2024-05-01 --to 2024-05 --format json \
    > "$work/may.json"
json_check "$work/may.json" \
    'len(rows) == 2 and all(r["date"] == "2024-05-14" and
     r["site"] == "The Dailies Ledger" and r["url"].startswith("https://")
     and r["title"] and r["context"] for r in rows)' ||
    fail "--from/--to did not give the two quotes of May 2024"
"$bin" quotes "$ds" --from 2024-05-15 --format csv > "$work/late.csv"
csv_check "$work/late.csv" 'len(rows) == 0' || fail "--from after the date"
"$bin" quotes "$ds" --to 2024-04 --format csv > "$work/early.csv"
csv_check "$work/early.csv" 'len(rows) == 0' || fail "--to before the date"

# 3. By outlet: the URL's host, a parent domain, words of the name.
for site in dailiesledger.example DAILIESLEDGER.example "dailies ledger"; do
    "$bin" quotes "$ds" --site "$site" --format csv > "$work/site.csv"
    csv_check "$work/site.csv" \
        'len(rows) == 2 and {r["speaker"] for r in rows} ==
         {"Annika Soerensen", "Gideon Marsh"}' ||
        fail "--site '$site' did not give the guild article's quotes"
done
"$bin" quotes "$ds" --site elsewhere.example --format table > "$work/no.txt"
[ ! -s "$work/no.txt" ] || fail "--site elsewhere printed quotes"

# 4. Words (in the quote or its context) and stance, combined.
"$bin" quotes "$ds" --grep "VIRTUE police" --format json > "$work/grep.json"
json_check "$work/grep.json" \
    '"Mia Hansen-Løve" in {r["speaker"] for r in rows} and all("virtue police"
     in (r["quote"] + " " + r["context"]).lower() for r in rows)' ||
    fail "--grep did not find the quote"
"$bin" quotes "$ds" --site dailiesledger.example --stance pro --format csv \
    > "$work/pro.csv"
csv_check "$work/pro.csv" \
    'len(rows) >= 1 and all(r["stance"] == "pro" for r in rows)' ||
    fail "--stance pro"

# 5. Usage errors.
set +e
"$bin" quotes "$ds" --format xml >/dev/null 2>&1; [ $? = 2 ] || fail "--format xml"
"$bin" quotes "$ds" --stance maybe >/dev/null 2>&1; [ $? = 2 ] || fail "--stance maybe"
"$bin" quotes >/dev/null 2>&1; [ $? = 2 ] || fail "no DATASET_DIR"
"$bin" quotes "$work/missing" >/dev/null 2>&1; [ $? = 1 ] || fail "missing dataset"
set -e
echo "quotes: ok"
