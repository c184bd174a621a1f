#!/usr/bin/env bash
# The dataset's CSV files, written with --excel (a UTF-8 BOM), loaded the
# way the README shows in R (read.csv), pandas (read_csv) and DuckDB
# (read_csv, through @duckdb/node-api): the first column is named
# article_id (the BOM is not part of it), ids stay strings (also ids that
# look like numbers: "0012...", "1e10..."), counts are integers, weights
# numbers, dates dates, and accents arrive intact ("Gaspar Noé").
# A tool that is missing is installed by scripts/deps.sh when possible;
# the test is skipped (exit 77) only when one cannot be installed.
# usage: test_csv_tools.sh PRESSTALLY_BIN SOURCE_DIR TOOLS_DIR
set -euo pipefail
bin=$1 src=$2 tools=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-csvtools.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Debian's python3 has python3-pandas; a python3 earlier on PATH may not.
py=/usr/bin/python3
have() {
    command -v Rscript >/dev/null 2>&1 &&
    "$py" -c 'import pandas' >/dev/null 2>&1 &&
    [ -d "$tools/node_modules/@duckdb/node-api" ]
}
if ! have; then
    PT_WITH_TEST_TOOLS=1 PT_TEST_TOOLS_DIR=$tools bash "$src/scripts/deps.sh" \
        >"$work/deps.log" 2>&1 || true
fi
if ! have; then
    echo "skipped: could not install R (r-base-core), pandas (python3-pandas)" \
         "or DuckDB (npm @duckdb/node-api into $tools):"
    tail -5 "$work/deps.log" 2>/dev/null || true
    exit 77
fi

ds=$work/ds
python3 "$src/scripts/gen_articles.py" "$work/gen" 40 --figures 20 --months 6
"$bin" analyze -q --no-summary --excel -o "$ds" "$src"/data/samples/*.txt \
    "$src"/data/samples/*.html "$work/gen"
for f in articles mentions quotes cues figures timeline aliases; do
    head -c 3 "$ds/$f.csv" | od -An -tx1 | grep -q "ef bb bf" ||
        fail "$f.csv does not start with a BOM"
done
# Ids that a type guesser would take for numbers, in rows made from the
# header (whatever columns the analyzer writes).
python3 - "$ds/articles.csv" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, encoding="utf-8-sig", newline="") as f:
    cols = next(csv.reader(f))
rows = []
for i, id in enumerate(("0012345678901234", "1e10000000000000")):
    v = {c: "" for c in cols}
    v.update(article_id=id, url="https://x.example/%d" % i, title="Id %d" % i,
             published="2024-06-0%d" % (i + 1), site="X", words="10", pro="0",
             con="0", stance="neutral", digest=id, pro_weight="0.000",
             con_weight="0.000")
    rows.append([v[c] for c in cols])
with open(path, "a", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PY

echo "== R"
Rscript --vanilla - "$ds" <<'R' || fail "R"
args <- commandArgs(trailingOnly = TRUE)
ds <- args[1]
load <- function(name, classes = NA) {
  read.csv(file.path(ds, name), fileEncoding = "UTF-8-BOM",
           colClasses = classes, na.strings = "", encoding = "UTF-8")
}
ids <- c(article_id = "character", digest = "character")
a <- load("articles.csv", c(ids, published = "Date"))
m <- load("mentions.csv", c(article_id = "character"))
q <- load("quotes.csv", c(article_id = "character"))
cu <- load("cues.csv", c(article_id = "character"))
f <- load("figures.csv")
t <- load("timeline.csv", c(period = "character"))
stopifnot(names(a)[1] == "article_id", is.character(a$article_id),
          is.character(a$digest), inherits(a$published, "Date"),
          is.integer(a$words), is.integer(a$pro), is.numeric(a$pro_weight),
          "0012345678901234" %in% a$article_id,
          "1e10000000000000" %in% a$article_id,
          is.character(m$article_id), is.integer(m$mentions),
          is.integer(m$quotes), is.character(q$article_id),
          is.integer(cu$negated), is.numeric(cu$weight),
          is.integer(f$articles), is.integer(f$mentions),
          is.integer(f$quotes), "Gaspar Noé" %in% f$figure,
          is.character(t$period), is.integer(t$articles),
          as.character(a$published[!is.na(a$published)][1]) >= "2022-01-01")
cat("R: ok,", nrow(a), "articles,", nrow(f), "figures\n")
R

echo "== pandas"
"$py" - "$ds" <<'PY' || fail "pandas"
import os, sys
import pandas as pd
from pandas.api import types as pt
ds = sys.argv[1]
def load(name, **kw):
    return pd.read_csv(os.path.join(ds, name), encoding="utf-8-sig", **kw)
ids = {"article_id": str, "digest": str}
a = load("articles.csv", dtype=ids, parse_dates=["published"])
m = load("mentions.csv", dtype={"article_id": str})
q = load("quotes.csv", dtype={"article_id": str})
c = load("cues.csv", dtype={"article_id": str})
f = load("figures.csv")
t = load("timeline.csv", dtype={"period": str})
assert a.columns[0] == "article_id", a.columns[0]
assert pt.is_object_dtype(a["article_id"]) or pt.is_string_dtype(a["article_id"])
assert {"0012345678901234", "1e10000000000000"} <= set(a["article_id"])
assert pt.is_datetime64_any_dtype(a["published"]), a["published"].dtype
for col in ("words", "pro", "con"):
    assert pt.is_integer_dtype(a[col]), (col, a[col].dtype)
assert pt.is_float_dtype(a["pro_weight"])
for df, cols in ((m, ("mentions", "pro", "con", "quotes")),
                 (c, ("negated",)), (f, ("articles", "mentions", "quotes")),
                 (t, ("articles", "mentions"))):
    for col in cols:
        assert pt.is_integer_dtype(df[col]), (col, df[col].dtype)
assert "Gaspar Noé" in set(f["figure"])
assert pt.is_float_dtype(c["weight"])
print("pandas: ok,", len(a), "articles,", len(f), "figures")
PY

echo "== DuckDB"
NODE_PATH=$tools/node_modules node - "$ds" <<'JS' || fail "DuckDB"
const { DuckDBInstance } = require('@duckdb/node-api');
const ds = process.argv[2];
const types = {
  'articles.csv': { article_id: 'VARCHAR', url: 'VARCHAR', published: 'DATE',
                    words: 'BIGINT', pro: 'BIGINT', pro_weight: 'DOUBLE',
                    digest: 'VARCHAR' },
  'mentions.csv': { article_id: 'VARCHAR', mentions: 'BIGINT',
                    quotes: 'BIGINT' },
  'quotes.csv': { article_id: 'VARCHAR' },
  'cues.csv': { article_id: 'VARCHAR', negated: 'BIGINT', weight: 'DOUBLE' },
  'figures.csv': { figure: 'VARCHAR', articles: 'BIGINT', quotes: 'BIGINT' },
  'timeline.csv': { period: 'VARCHAR', articles: 'BIGINT' },
};
(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  // As the README loads them: ids declared, the rest detected.
  const declared = {
    'articles.csv': ", types = {'article_id': 'VARCHAR', 'digest': 'VARCHAR'}",
    'mentions.csv': ", types = {'article_id': 'VARCHAR'}",
    'quotes.csv': ", types = {'article_id': 'VARCHAR'}",
    'cues.csv': ", types = {'article_id': 'VARCHAR'}",
  };
  const src = f => `read_csv('${ds}/${f}'${declared[f] || ''})`;
  for (const [file, want] of Object.entries(types)) {
    const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src(file)}`);
    const got = {};
    for (const row of r.getRowObjectsJson())
      got[row.column_name] = row.column_type;
    for (const [col, type] of Object.entries(want))
      if (got[col] !== type)
        throw new Error(`${file}: ${col} is ${got[col]}, not ${type}`);
  }
  const ids = await con.runAndReadAll(`SELECT count(*) AS n FROM
    ${src('articles.csv')} WHERE article_id IN ('0012345678901234',
    '1e10000000000000')`);
  if (Number(ids.getRowObjectsJson()[0].n) !== 2)
    throw new Error('number-like ids were not kept as written');
  const noe = await con.runAndReadAll(`SELECT count(*) AS n FROM
    ${src('figures.csv')} WHERE figure = 'Gaspar Noé'`);
  if (Number(noe.getRowObjectsJson()[0].n) !== 1)
    throw new Error('Gaspar Noé is not in figures.csv as written');
  console.log('DuckDB: ok');
})().catch(e => { console.error(String(e)); process.exit(1); });
JS
echo "csv tools: ok"
