#!/usr/bin/env bash
# presstally refresh with `report = yes` and `excel = yes` in refresh.conf
# (no crawl: a WARC file is put into the archive by hand): the new dataset
# holds report.html, made from the CSV files beside it, and the CSV files
# start with a UTF-8 BOM; with the keys off (the default), neither.
# usage: test_refresh_report.sh PRESSTALLY_BIN MKWARC_BIN SOURCE_DIR
set -euo pipefail
bin=$1 mkwarc=$2 src=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-refrep.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$mkwarc" "$work/corpus" 1 1 "$src"/data/samples/*.txt \
    "$src"/data/samples/*.html >/dev/null 2>&1
for d in on off; do
    mkdir -p "$work/$d/warc"
    cp "$work"/corpus/*.warc.gz "$work/$d/warc/"
done
cat > "$work/on.conf" <<CONF
data_dir = on
report = yes
excel = yes
CONF
printf 'data_dir = off\n' > "$work/off.conf"
"$bin" refresh -q --no-crawl --config "$work/on.conf" || fail "refresh (on)"
"$bin" refresh -q --no-crawl --config "$work/off.conf" || fail "refresh (off)"

on=$work/on/dataset off=$work/off/dataset
[ -s "$on/report.html" ] || fail "no dataset/report.html with report = yes"
[ ! -e "$off/report.html" ] || fail "report.html written with report off"
head -c 3 "$on/figures.csv" | od -An -tx1 | grep -q "ef bb bf" ||
    fail "no BOM with excel = yes"
! head -c 3 "$off/figures.csv" | od -An -tx1 | grep -q "ef bb bf" ||
    fail "a BOM with excel off"
# The report is of the CSV files beside it: its article count is theirs.
n=$(($(wc -l < "$off/articles.csv") - 1))
grep -q "^<p class=\"note\">$n articles," "$on/report.html" ||
    fail "the report does not count the dataset's $n articles"
# Apart from the BOM, the CSV files are the same bytes.
for f in articles mentions quotes cues figures timeline aliases; do
    tail -c +4 "$on/$f.csv" | cmp -s - "$off/$f.csv" ||
        fail "$f.csv differs beyond the BOM"
done
echo "refresh report: ok"
