#!/usr/bin/env bash
# presstally refresh against a local fixture site (tests/server/site_server.py
# on 127.0.0.1): a first run builds the dataset; a second run, with two
# articles changed and one added, fetches only those, and the dataset equals
# a from-scratch analyze of the archive; the lock; kills at several points;
# a changed topic file re-analyzes the archive without crawling; a topic
# file that analyze refuses is refused.
# usage: test_refresh.sh PRESSTALLY_BIN SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-refresh.XXXXXX")
srv_pid=""
cleanup() {
    [ -z "$srv_pid" ] || kill "$srv_pid" 2>/dev/null || true
    jobs -p | xargs -r kill -9 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

site=$work/site data=$work/data log=$work/requests.log port=""
mkdir -p "$site/news"

# Fictional articles: N, stance, person, role.
article() {
    python3 - "$site" "$@" <<'PY'
import sys, html
site, n, stance, person, role = sys.argv[1:6]
text = {
  "pro": f"{role.capitalize()} {person} said intimacy coordinators were essential on her sets and praised the coordinator warmly.",
  "con": f"{role.capitalize()} {person} slammed intimacy coordinators as unnecessary and said they stifle the work.",
  "mixed": f"{role.capitalize()} {person} said the intimacy coordinator was helpful on the big scenes, but she found the paperwork ridiculous.",
}[stance]
page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story {n} | The Fixture Gazette</title>
<meta property="og:site_name" content="The Fixture Gazette">
<meta property="article:published_time" content="2025-0{1 + int(n) % 9}-15T10:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article><h1>Story {n}</h1>
<p>{html.escape(text)}</p>
<p>The production, a fictional drama shot this spring, used an intimacy coordinator for every scene with nudity, according to the studio's statement this week.</p>
</article><footer>The Fixture Gazette</footer></body></html>"""
open(f"{site}/news/{n}.html", "w").write(page)
PY
}
feed() {
    python3 - "$site" "$1" <<'PY'
import sys, os
site, port = sys.argv[1], sys.argv[2]
items = "".join(f"<item><title>Story {f[:-5]}</title><link>http://127.0.0.1:{port}/news/{f}</link></item>"
                for f in sorted(os.listdir(site + "/news")))
open(site + "/feed.xml", "w").write(
    f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title>{items}</channel></rss>')
PY
}
start_server() {  # [--slow S]: on the same port as before, if any
    [ -z "$srv_pid" ] || { kill "$srv_pid" 2>/dev/null; wait "$srv_pid" 2>/dev/null || true; }
    local fifo=$work/port.fifo
    rm -f "$fifo"; mkfifo "$fifo"
    python3 "$src/tests/server/site_server.py" "$site" --log "$log" --lifetime 300 \
        --port "${port:-0}" "$@" > "$fifo" &
    srv_pid=$!
    read -r port < "$fifo"
}
printf 'User-agent: *\nAllow: /\n' > "$site/robots.txt"
article 1 pro "Wilma Tarrant" director
article 2 con "Horace Quill" producer
article 3 mixed "Nadia Ferrante" actress
article 4 pro "Ottoline Grey" showrunner
: > "$log"
start_server
feed "$port"
printf '%s\n' "# test configuration" "data_dir = data" \
    "seed = http://127.0.0.1:$port/feed.xml" "delay = 0" "timeout = 10" > "$work/refresh.conf"

count() {  # STATUS PATH-PREFIX FROM-LINE: log lines with that status and path
    tail -n +"$3" "$log" | awk -F'\t' -v s="$1" -v p="$2" '$3 == s && index($2, p) == 1' | wc -l
}
same_as_scratch() {  # the dataset equals a from-scratch analyze of the archive
    rm -rf "$work/scratch"
    "$bin" analyze -q --no-summary ${1:+--topic "$1"} --out "$work/scratch" "$data/warc" || true
    for f in articles mentions quotes cues figures timeline; do
        cmp -s "$data/dataset/$f.csv" "$work/scratch/$f.csv" ||
            fail "dataset/$f.csv differs from a scratch analyze of the archive"
    done
}

# 1. First run.
"$bin" refresh -q --config "$work/refresh.conf" || fail "first refresh: exit $?"
[ -L "$data/dataset" ] || fail "no dataset symlink"
n=$(($(wc -l < "$data/dataset/articles.csv") - 1))
[ "$n" = 4 ] || fail "first run: $n articles, expected 4"
grep -q "^Horace Quill,.*,con," "$data/dataset/figures.csv" || fail "Horace Quill not con"
same_as_scratch

# 2. Two articles changed, one added: only those are fetched again.
sleep 1.1   # a new mtime second for Last-Modified
article 2 pro "Horace Quill" producer
article 3 con "Nadia Ferrante" actress
article 5 con "Basil Orchard" critic
feed "$port"
mark=$(($(wc -l < "$log") + 1))
"$bin" refresh -q --config "$work/refresh.conf" || fail "second refresh: exit $?"
got=$(count 200 /news/ "$mark")
[ "$got" = 3 ] || fail "second run fetched $got articles with 200, expected 3"
n304=$(count 304 /news/ "$mark")
[ "$n304" = 2 ] || fail "second run: $n304 not-modified answers, expected 2"
n=$(($(wc -l < "$data/dataset/articles.csv") - 1))
[ "$n" = 5 ] || fail "second run: $n articles, expected 5 (updates replace captures)"
grep -q "^Horace Quill,.*,pro," "$data/dataset/figures.csv" || fail "Horace Quill's update not taken"
same_as_scratch
echo "refresh: incremental run fetched the 3 changed or new articles; 2 were not modified"

# 3. Lock: a second run while one holds the lock exits with 5.
PRESSTALLY_TEST_PAUSE=start "$bin" refresh --no-crawl --config "$work/refresh.conf" \
    2> "$work/first.err" &
first=$!
for _ in $(seq 600); do grep -q "test pause" "$work/first.err" && break; sleep 0.1; done
grep -q "test pause" "$work/first.err" || fail "first run did not reach the pause"
rc=0; "$bin" refresh -q --no-crawl --config "$work/refresh.conf" 2> "$work/second.err" || rc=$?
[ "$rc" = 5 ] || fail "second concurrent run: exit $rc, expected 5"
grep -q "another refresh" "$work/second.err" || fail "no lock message"
kill -9 "$first"; wait "$first" 2>/dev/null || true
echo "refresh: while one run held the lock, a second exited with 5"

# 4. Kill -9 during analysis and during merge: the dataset is the old one;
#    the next run completes the work.
snapshot() { rm -rf "$work/snap"; mkdir -p "$work/snap"; cp "$data"/dataset/*.csv "$work/snap/"; }
unchanged() {
    for f in articles mentions quotes cues figures timeline; do
        cmp -s "$data/dataset/$f.csv" "$work/snap/$f.csv" || fail "dataset changed after a kill ($1)"
    done
}
i=10
for point in analyze merge; do
    sleep 1.1
    i=$((i + 1))
    article "$i" con "Basil Orchard" critic
    feed "$port"
    snapshot
    PRESSTALLY_TEST_PAUSE=$point "$bin" refresh --config "$work/refresh.conf" 2> "$work/kill.err" &
    pid=$!
    for _ in $(seq 600); do grep -q "test pause" "$work/kill.err" && break; sleep 0.1; done
    grep -q "test pause at $point" "$work/kill.err" || fail "no pause at $point"
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
    unchanged "$point"
    "$bin" refresh -q --config "$work/refresh.conf" || fail "refresh after a kill at $point: exit $?"
    same_as_scratch
    grep -q "news/$i.html" "$data/dataset/articles.csv" || fail "article $i missing after the rerun"
done
# ... and during the crawl (a slow site; killed after its first new article).
start_server --slow 1
sleep 1.1
for i in 31 32 33; do article "$i" pro "Ines Calloway" director; done
feed "$port"
snapshot
mark=$(($(wc -l < "$log") + 1))
"$bin" refresh -q --config "$work/refresh.conf" 2>/dev/null &
pid=$!
for _ in $(seq 900); do [ "$(count 200 /news/3 "$mark")" -ge 1 ] && break; sleep 0.1; done
[ "$(count 200 /news/3 "$mark")" -ge 1 ] || fail "the slow crawl fetched nothing"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
unchanged crawl
start_server
"$bin" refresh -q --config "$work/refresh.conf" || fail "refresh after a kill in the crawl: exit $?"
same_as_scratch
grep -q "^Ines Calloway," "$data/dataset/figures.csv" || fail "articles of the killed crawl missing"
echo "refresh: killed during analysis, merge and crawl; the dataset stayed whole; the next run completed"

# 5. A changed topic re-analyzes the archive without crawling.
cp "$src/data/topics/intimacy-coordinators.topic" "$work/changed.topic"
# 'essential' moves from the pro cues to a strong con cue (a phrase that is
# both is a conflict the topic loader refuses).
sed -i 's/^pro 2   essential | /pro 2   /' "$work/changed.topic"
printf 'con 5 essential\n' >> "$work/changed.topic"
echo "topic = changed.topic" >> "$work/refresh.conf"
before=$(grep "^Wilma Tarrant," "$data/dataset/figures.csv")
mark=$(($(wc -l < "$log") + 1))
"$bin" refresh -q --no-crawl --config "$work/refresh.conf" || fail "refresh with a new topic: exit $?"
[ "$(tail -n +"$mark" "$log" | wc -l)" = 0 ] || fail "the topic change crawled"
after=$(grep "^Wilma Tarrant," "$data/dataset/figures.csv")
[ "$before" != "$after" ] || fail "the topic change did not re-analyze"
same_as_scratch "$work/changed.topic"
echo "refresh: a topic change re-analyzed the archive without crawling"

# 6. refresh loads the topic as analyze does: a topic file that analyze
#    refuses (invalid UTF-8) is refused by refresh too, before any work.
printf 'topic Bad\nterm caf\351\npro 1 good\n' > "$work/bad.topic"
rc=0; "$bin" analyze -q --topic "$work/bad.topic" --out "$work/bad-out" \
    "$src/data/samples" 2> "$work/bad.err" || rc=$?
[ "$rc" = 3 ] || fail "analyze with an invalid topic: exit $rc, expected 3"
printf '%s\n' "data_dir = bad-data" "topic = bad.topic" > "$work/bad.conf"
rc=0; "$bin" refresh -q --no-crawl --config "$work/bad.conf" 2> "$work/bad.err" || rc=$?
[ "$rc" = 3 ] || fail "refresh with a topic analyze refuses: exit $rc, expected 3"
grep -q "invalid topic file: .*invalid UTF-8" "$work/bad.err" || fail "refresh: no reason given"
[ ! -e "$work/bad-data/dataset" ] || fail "refresh with an invalid topic wrote a dataset"
echo "refresh: a topic file that analyze refuses is refused by refresh"
echo "refresh: 6 passed, 0 failed"
