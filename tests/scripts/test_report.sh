#!/usr/bin/env bash
# presstally report: the HTML of the analyzed samples and of 300 invented
# articles over 24 months from 12 outlets (scripts/gen_articles.py) is one
# self-contained file (no request leaves it), and, loaded in headless
# Chromium (tests/scripts/report_dom.js), has one bar per figure drawn,
# one timeline point per month, working sort buttons and figure picker,
# a title in every SVG and no console errors. Without chromium or node
# the browser part is skipped, visibly (exit 77).
# usage: test_report.sh PRESSTALLY_BIN SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-report.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" analyze -q --no-summary -o "$work/samples" "$src"/data/samples/*.txt \
    "$src"/data/samples/*.html
python3 "$src/scripts/gen_articles.py" "$work/gen" 300 --figures 120 \
    --months 24
"$bin" analyze -q --no-summary -o "$work/big" "$work/gen"

"$bin" report -q "$work/samples" ||
    fail "report of the samples"
[ -s "$work/samples/report.html" ] || fail "no samples/report.html"
"$bin" report -q "$work/big" -o "$work/big.html" \
    --topic "$src/data/topics/intimacy-coordinators.topic" ||
    fail "report of the generated dataset"

# Names, titles and quotes come from the web: markup in them stays text.
cp -r "$work/samples" "$work/hostile"
python3 - "$work/hostile" <<'PY'
import glob, sys
for p in glob.glob(sys.argv[1] + "/*.csv"):
    t = open(p, encoding="utf-8").read()
    t = t.replace("Gaspar Noé", "Gaspar <img src=x onerror=alert(1)>Noé")
    t = t.replace("virtue police", "virtue </q><script>alert(2)</script>")
    open(p, "w", encoding="utf-8").write(t)
PY
"$bin" report -q "$work/hostile" || fail "report of the hostile dataset"
! grep -q "<img src=x\|<script>alert" "$work/hostile/report.html" ||
    fail "markup from the dataset reached the page"
grep -q "Gaspar &lt;img src=x onerror=alert(1)&gt;Noé" \
    "$work/hostile/report.html" || fail "the hostile name is not shown as text"

# Static checks, no browser: one file, nothing fetched, what it says.
python3 - "$work" "$src" <<'PY'
import csv, os, re, sys
work, src = sys.argv[1:3]
for name, ds in (("samples/report.html", "samples"), ("big.html", "big")):
    page = open(os.path.join(work, name), encoding="utf-8").read()
    figs = list(csv.DictReader(open(os.path.join(work, ds, "figures.csv"),
                                    encoding="utf-8", newline="")))
    assert page.startswith("<!DOCTYPE html>"), name
    # Nothing from the network: no src= at all, links only in the page,
    # to articles (<a href>) or data: (the empty favicon).
    assert not re.search(r"\ssrc=", page), name + ": a src attribute"
    for tag in re.findall(r"<link[^>]*>", page):
        assert 'href="data:' in tag, name + ": " + tag
    assert "@import" not in page and "url(" not in page, name + ": CSS fetch"
    shown = min(len(figs), 40)
    assert page.count('<g class="fig"') == shown, (name, shown)
    assert page.count("<script>") == 1, name
    if ds == "big":
        assert "intimacy-coordinators.topic" in page, "topic file not named"
        assert page.count("<tr>", page.index('id="rest"')) >= len(figs) - 40
print("static checks: ok")
PY

# The browser.
chrome=$(command -v chromium || command -v chromium-browser ||
         command -v google-chrome || true)
if [ -z "$chrome" ] || ! command -v node >/dev/null 2>&1; then
    echo "skipped: the browser checks need chromium and node" \
         "(PT_WITH_TEST_TOOLS=1 bash scripts/deps.sh installs them)"
    exit 77
fi
for page in "$work/samples/report.html" "$work/big.html"; do
    node "$src/tests/scripts/report_dom.js" "$chrome" "$page" \
        > "$work/dom.json" || fail "chromium could not load $page"
    python3 - "$work/dom.json" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
page = sys.argv[2]
def check(cond, what):
    if not cond:
        print("FAIL:", page, what, json.dumps(r), file=sys.stderr)
        sys.exit(1)
check(r["errors"] == [], "console errors")
check(r["figs"] > 0 and r["figs"] == r["tableRows"], "one chart row per figure")
check(r["bars"] == r["figs"] and r["emptyBars"] == 0, "one bar per figure")
check(r["figureSections"] == r["figs"], "a section per figure drawn")
check(r["months"] >= 1 and r["points"] == r["months"] and
      r["proPoints"] == r["months"] and r["conPoints"] == r["months"],
      "one timeline point per month")
check(r["svgTitles"] == 0, "an SVG without a title")
check(r["resources"] == [] and r["external"] == 0, "a resource was fetched")
check(r["firstByName"] == r["namesSorted"] and r["pressed"] == "true",
      "sorting by name")
check(r.get("pickedShown") == ["0"], "picking a figure for the timeline")
print(page.rsplit("/", 1)[-1] + ":", r["figs"], "bars,", r["months"],
      "months,", r["restRows"], "in the table of the rest, no errors")
PY
done
python3 - "$work/dom.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["months"] == 24 and r["figs"] == 40 and r["restRows"] > 0, r
PY
echo "report: ok"
