#!/usr/bin/env bash
# Data safety under concurrency, odd inputs and signals (issue 12): one
# case per problem, each a ctest entry of its own (safety_CASE).
# usage: test_safety.sh CASE PRESSTALLY_BIN SOURCE_DIR
set -uo pipefail
case_=$1 bin=$(realpath "$2") src=$(realpath "$3")
work=$(mktemp -d "${TMPDIR:-/tmp}/pt-safety.XXXXXX")
cleanup() {
    { jobs -p | xargs -r kill -9; wait; } 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
seed=$src/data/samples/seed-intimacy-coordinators.txt
pt() { "$bin" "$@"; }

# Starts `presstally analyze --out DIR -` reading a FIFO that stays open,
# so that it holds the lock of DIR until release_fifo; sets $held_pid.
hold_lock() {
    local dir=$1
    mkfifo "$work/fifo"
    "$bin" analyze -q --out "$dir" - <"$work/fifo" >"$work/held.out" \
        2>"$work/held.err" &
    held_pid=$!
    exec 7>"$work/fifo"
    # The run takes the lock before it reads its input (seen in
    # /proc/locks: probing with flock(1) would take it for a moment).
    for _ in $(seq 200); do
        grep -q "FLOCK .* $held_pid " /proc/locks && break
        sleep 0.05
    done
}
# Waits (up to 10 s) until the log FILE says the run stopped at its test
# pause POINT (PRESSTALLY_TEST_PAUSE).
wait_pause() {
    for _ in $(seq 200); do
        grep -q "test pause at $2" "$1" && return 0
        sleep 0.05
    done
}
release_fifo() { exec 7>&-; rm -f "$work/fifo"; }

# 1. One writer per output directory.
case_lock() {
    local out=$work/out rc
    pt analyze -q --out "$out" "$seed" || fail "first analyze"
    cp "$out/articles.csv" "$work/before.csv"
    hold_lock "$out"
    pt analyze -q --out "$out" "$seed" 2>"$work/second.err"; rc=$?
    [ $rc = 5 ] || fail "second analyze exited $rc, not 5"
    grep -q "another run is writing into" "$work/second.err" ||
        fail "no lock message: $(cat "$work/second.err")"
    pt merge -q --out "$out" "$out" 2>"$work/merge.err"; rc=$?
    [ $rc = 5 ] || fail "merge into a locked directory exited $rc"
    cat "$seed" >&7
    release_fifo
    wait "$held_pid"; rc=$?
    [ $rc = 0 ] || fail "the held run exited $rc"
    # Once it is done, the directory is free again.
    pt merge -q --out "$out" "$out" || fail "merge after the lock"
    echo "lock: a second analyze and a merge exited 5 while one ran"
}

# 4. SIGINT and SIGTERM: exit 130, the previous dataset kept, no work file
# left; stale work files of a killed run are removed by the next run.
case_signal() {
    local out=$work/out rc sig
    pt analyze -q --out "$out" "$seed" || fail "first analyze"
    cp "$out/articles.csv" "$work/before.csv"
    for sig in TERM INT; do
        hold_lock "$out"
        kill -s $sig "$held_pid"
        wait "$held_pid"; rc=$?
        release_fifo
        [ $rc = 130 ] || fail "SIG$sig: exit $rc, not 130"
        ls -A "$out" | grep -q presstally-work &&
            fail "SIG$sig left a work file: $(ls -A "$out")"
        cmp -s "$out/articles.csv" "$work/before.csv" ||
            fail "SIG$sig changed the dataset"
    done
    # analyze, stopped when its inputs are read and nothing is written
    # yet: a run over other inputs leaves the dataset as it was.
    PRESSTALLY_TEST_PAUSE=write "$bin" analyze --no-progress --no-summary \
        --out "$out" "$src/data/samples" 2>"$work/write.err" &
    held_pid=$!
    wait_pause "$work/write.err" write
    kill -s INT "$held_pid"
    wait "$held_pid"; rc=$?
    [ $rc = 130 ] || fail "SIGINT before the write: exit $rc: $(cat "$work/write.err")"
    grep -q "interrupted: nothing written" "$work/write.err" ||
        fail "no interrupted message: $(cat "$work/write.err")"
    ls -A "$out" | grep -q -e presstally-work -e '\.tmp\.' &&
        fail "SIGINT before the write left work files: $(ls -A "$out")"
    cmp -s "$out/articles.csv" "$work/before.csv" ||
        fail "SIGINT before the write changed the dataset"
    # merge, stopped while it reads a partial (a FIFO that never opens).
    cp -r "$out" "$work/part"
    rm "$work/part/cues.csv"
    mkfifo "$work/part/cues.csv"
    "$bin" merge -q --out "$out" "$work/part" 2>"$work/merge.err" &
    held_pid=$!
    for _ in $(seq 200); do
        grep -q "FLOCK .* $held_pid " /proc/locks && break
        sleep 0.05
    done
    sleep 0.2
    kill -s TERM "$held_pid"
    wait "$held_pid"; rc=$?
    [ $rc = 130 ] || fail "merge on SIGTERM: exit $rc: $(cat "$work/merge.err")"
    ls -A "$out" | grep -q presstally-work && fail "merge left a work file"
    cmp -s "$out/articles.csv" "$work/before.csv" || fail "merge changed it"
    # refresh, stopped under its lock.
    printf 'data_dir = data\n' >"$work/r.conf"
    PRESSTALLY_TEST_PAUSE=start "$bin" refresh --no-crawl -c "$work/r.conf" \
        2>"$work/refresh.err" &
    held_pid=$!
    wait_pause "$work/refresh.err" start
    kill -s TERM "$held_pid"
    wait "$held_pid"; rc=$?
    [ $rc = 130 ] || fail "refresh on SIGTERM: exit $rc"
    # What a kill -9 leaves behind.
    : >"$out/.presstally-work-Ab12Cd"
    : >"$out/.presstally-work-Ab12Cd-journal"
    : >"$out/articles.csv.tmp.Xy34Zw"
    pt analyze -q --out "$out" "$seed" || fail "analyze after a kill"
    [ -z "$(ls -A "$out" | grep -e presstally-work -e '\.tmp\.')" ] ||
        fail "stale work files kept: $(ls -A "$out")"
    : >"$out/.presstally-work-Ef56Gh"
    pt merge -q --out "$out" "$out" || fail "merge after a kill"
    [ -e "$out/.presstally-work-Ef56Gh" ] && fail "merge kept a stale file"
    echo "signal: SIGTERM and SIGINT exit 130 (analyze while reading and" \
        "before writing, merge, refresh) and keep the dataset; stale work" \
        "files removed"
}

# A WARC record of TYPE with BODY (and a WARC-Target-URI when URI is set).
warc_record() {
    python3 - "$@" <<'PY'
import sys, uuid
typ, body = sys.argv[1], sys.argv[2].encode().decode("unicode_escape").encode("latin-1")
uri = sys.argv[3] if len(sys.argv) > 3 else ""
h = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n" \
    "WARC-Date: 2025-01-02T03:04:05Z\r\n" % (typ, uuid.uuid4())
if uri:
    h += "WARC-Target-URI: %s\r\n" % uri
ct = "application/http; msgtype=response" if typ == "response" else \
     "application/warc-fields"
h += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ct, len(body))
sys.stdout.buffer.write(h.encode() + body + b"\r\n\r\n")
PY
}

# 3. An input with no usable article fails and keeps the dataset, whatever
# its kind: an empty .warc.gz, a WARC of warcinfo only, a WARC of images.
case_noarticle() {
    local out=$work/out rc f
    pt analyze -q --out "$out" "$seed" || fail "first analyze"
    cp "$out/articles.csv" "$work/before.csv"
    : >"$work/empty.warc.gz"
    : >"$work/empty.warc"
    warc_record warcinfo 'software: test\r\n' >"$work/info.warc"
    warc_record warcinfo 'software: test\r\n' | gzip >"$work/info.warc.gz"
    warc_record response 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG' \
        https://example.org/a.png >"$work/image.warc"
    : >"$work/empty.txt"
    for f in empty.warc.gz empty.warc info.warc info.warc.gz image.warc \
        empty.txt; do
        pt analyze -q --out "$out" "$work/$f" 2>"$work/err"; rc=$?
        [ $rc = 1 ] || fail "$f: exit $rc, not 1: $(cat "$work/err")"
        cmp -s "$out/articles.csv" "$work/before.csv" ||
            fail "$f replaced the dataset"
    done
    pt analyze -q --out "$out" "$work/info.warc" "$work/empty.txt" \
        2>"$work/err"; rc=$?
    [ $rc = 1 ] || fail "two inputs without an article: exit $rc"
    echo "noarticle: empty and HTML-less WARCs exit 1 and keep the dataset"
}

rows() { echo $(($(wc -l <"$1") - 1)); }

# 2. Identity: the same file under three names is one article; a symlink
# loop adds nothing (and -v says so); two stdin inputs, or two a.txt of
# different directories, are two articles; one id with two texts in two
# partials is a warning naming both.
case_identity() {
    local n
    cd "$src" || fail "cd"
    pt analyze -q --out "$work/three" data/samples ./data/samples \
        "$src/data/samples" || fail "analyze three names"
    n=$(rows "$work/three/articles.csv")
    [ "$n" = 6 ] || fail "6 files under three names gave $n articles"
    grep -q "file://$src/data/samples/seed-intimacy-coordinators.txt" \
        "$work/three/articles.csv" || fail "canonical path not recorded"
    # A symbolic link is recorded under the file it names, taken when
    # the file is read.
    ln -s "$seed" "$work/link.txt"
    pt analyze -q --out "$work/link" "$work/link.txt" ||
        fail "analyze a symlink"
    grep -q "file://$(realpath "$seed")" "$work/link/articles.csv" ||
        fail "a symlink is not recorded under its target"
    mkdir -p "$work/loop/sub"
    cp "$seed" "$work/loop/sub/a.txt"
    ln -s "$work/loop" "$work/loop/sub/back"
    pt analyze -v --out "$work/l" "$work/loop" 2>"$work/l.err" ||
        fail "analyze a loop"
    n=$(rows "$work/l/articles.csv")
    [ "$n" = 1 ] || fail "a symlink loop counted one file $n times"
    grep -q "skipped directory '$work/loop/sub/back'" "$work/l.err" ||
        fail "-v does not name the loop: $(cat "$work/l.err")"
    echo "Actor Jane Doe said intimacy coordinators are essential." \
        >"$work/s1.txt"
    echo "Director John Roe slammed intimacy coordinators as a fad." \
        >"$work/s2.txt"
    pt analyze -q --out "$work/p1" - <"$work/s1.txt" || fail "stdin 1"
    pt analyze -q --out "$work/p2" - <"$work/s2.txt" || fail "stdin 2"
    pt merge -q --out "$work/m" "$work/p1" "$work/p2" || fail "merge stdin"
    n=$(rows "$work/m/articles.csv")
    [ "$n" = 2 ] || fail "two stdin inputs merged into $n articles"
    mkdir -p "$work/d1" "$work/d2"
    cp "$work/s1.txt" "$work/d1/a.txt"
    cp "$work/s2.txt" "$work/d2/a.txt"
    (cd "$work/d1" && "$bin" analyze -q --out ../q1 a.txt) || fail "d1"
    (cd "$work/d2" && "$bin" analyze -q --out ../q2 a.txt) || fail "d2"
    pt merge -q --out "$work/qm" "$work/q1" "$work/q2" || fail "merge a.txt"
    n=$(rows "$work/qm/articles.csv")
    [ "$n" = 2 ] || fail "two a.txt merged into $n articles"
    # One file, edited between two runs: one id, two texts.
    cp "$work/s2.txt" "$work/d1/a.txt"
    (cd "$work/d1" && "$bin" analyze -q --out ../q3 a.txt) || fail "d1 again"
    pt merge --out "$work/qn" "$work/q1" "$work/q3" 2>"$work/qn.err" ||
        fail "merge edited"
    grep -q "differs between '$work/q1' .* and '$work/q3' .*keeping .* the one from" \
        "$work/qn.err" || fail "no warning naming both: $(cat "$work/qn.err")"
    echo "identity: one file under three names is one article; loops" \
        "skipped; stdin and same-named files distinct; conflicts named"
}

# Sets column NAME of data row N (from 1) of CSV file FILE to VALUE.
set_field() {
    python3 - "$@" <<'PY' || fail "set_field $*"
import csv, sys
path, n, name, value = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
rows[n][rows[0].index(name)] = value
with open(path, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PY
}

# 6. merge checks the numbers of partials: one too large for 64 bits is an
# error naming the file, line and column (not an overflow).
case_overflow() {
    local p=$work/p rc col
    pt analyze -q --out "$p" "$seed" || fail "analyze"
    cp -r "$p" "$work/good"
    set_field "$p/cues.csv" 2 weight 99999999999999999999.000
    col=$(head -1 "$p/cues.csv" | tr -d '\r' | tr , '\n' | grep -n '^weight$' |
        cut -d: -f1)
    pt merge -q --out "$work/m" "$work/good" "$p" 2>"$work/err"; rc=$?
    [ $rc = 1 ] || fail "merge exited $rc: $(cat "$work/err")"
    grep -q "$p/cues.csv:3:$col: number out of range in column 'weight'" \
        "$work/err" || fail "message: $(cat "$work/err")"
    for v in 9223372036854775808 1000000000001; do
        rm -rf "$p" && cp -r "$work/good" "$p"
        set_field "$p/articles.csv" 1 words $v
        pt merge -q --out "$work/m" "$p" 2>"$work/err"; rc=$?
        [ $rc = 1 ] || fail "words $v: merge exited $rc"
        grep -q "articles.csv:2:7: number out of range in column 'words'" \
            "$work/err" || fail "words $v: $(cat "$work/err")"
    done
    echo "overflow: numbers too large in partials are errors at FILE:LINE:COL"
}

# 5. A duplicate or conflicting topic entry is an error at FILE:LINE in
# `topic check` and in analyze (the loading time is test_topic's).
case_topic() {
    local rc
    printf 'term intimacy coordinator*\npro 1.5 safer\npro 3 safer\n' \
        >"$work/dup.topic"
    printf 'term intimacy coordinator*\npro safer\ncon safer\n' \
        >"$work/conflict.topic"
    local f want
    for f in dup conflict; do
        [ $f = dup ] && want="dup.topic:3: duplicate entry: 'safer'" ||
            want="conflict.topic:3: conflicting entry: 'safer'"
        pt topic check "$work/$f.topic" 2>"$work/err"; rc=$?
        [ $rc = 3 ] || fail "topic check $f.topic: exit $rc"
        grep -q "$want" "$work/err" || fail "check $f: $(cat "$work/err")"
        pt analyze -q --topic "$work/$f.topic" --out "$work/o" "$seed" \
            2>"$work/err"; rc=$?
        [ $rc = 3 ] || fail "analyze --topic $f.topic: exit $rc"
        grep -q "$want" "$work/err" || fail "analyze $f: $(cat "$work/err")"
    done
    echo "topic: duplicate and conflicting entries are errors at FILE:LINE"
}

# 7. Input sniffing: random bytes (as .html or .txt), a text file that is
# not UTF-8 and an HTML file without markup are skipped with a warning
# naming them; .txt.gz, .html.gz and .gz inputs are read, in directories
# too, with the inflated size capped.
case_sniff() {
    local rc out=$work/out
    head -c 2000000 /dev/urandom >"$work/noise.html"
    cp "$work/noise.html" "$work/noise.txt"
    python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(128, 256)) * 800)' \
        >"$work/latin.txt"
    printf 'Just words, no tags at all, about intimacy coordinators.\n' \
        >"$work/plain.html"
    for f in noise.html noise.txt latin.txt plain.html; do
        pt analyze --out "$out" "$work/$f" 2>"$work/err"; rc=$?
        [ $rc = 1 ] || fail "$f: exit $rc"
        grep -q "skipped '$work/$f': " "$work/err" ||
            fail "$f: no warning naming it: $(cat "$work/err")"
    done
    grep -q "not UTF-8 text" "$work/err" && fail "plain.html: wrong reason"
    pt analyze --out "$out" "$work/noise.html" "$seed" 2>"$work/err"; rc=$?
    [ $rc = 4 ] || fail "noise among good inputs: exit $rc"
    [ "$(rows "$out/articles.csv")" = 1 ] || fail "noise counted"
    # Compressed inputs: the same articles as the plain files.
    mkdir -p "$work/gz"
    gzip -c "$seed" >"$work/gz/seed.txt.gz"
    gzip -c "$src/data/samples/05-guild-guidelines.html" \
        >"$work/gz/guild.html.gz"
    gzip -c "$src/data/samples/03-panel-mixed.txt" >"$work/gz/panel.gz"
    pt analyze -q --out "$work/plain" "$seed" \
        "$src/data/samples/05-guild-guidelines.html" \
        "$src/data/samples/03-panel-mixed.txt" || fail "plain analyze"
    : >"$work/gz/notes.pdf"
    pt analyze -v --out "$work/gzout" "$work/gz" "$work/gz/panel.gz" \
        2>"$work/err" || fail "gz analyze: $(cat "$work/err")"
    grep -q "skipped '$work/gz/notes.pdf': not a kind of file" "$work/err" ||
        fail "-v does not name a file of another kind: $(cat "$work/err")"
    [ "$(rows "$work/gzout/articles.csv")" = 3 ] ||
        fail "gz inputs gave $(rows "$work/gzout/articles.csv") articles"
    # Columns 3-14: the article without its id, url and file (which name
    # where it was read).
    for f in plain gzout; do
        cut -d, -f3-14 "$work/$f/articles.csv" | sort >"$work/$f.cols"
    done
    cmp -s "$work/plain.cols" "$work/gzout.cols" ||
        fail "gz articles differ: $(diff "$work/plain.cols" "$work/gzout.cols")"
    # A gzip bomb is cut at --max-size once inflated.
    head -c 3000000 /dev/zero | gzip -c >"$work/bomb.txt.gz"
    pt analyze --max-size 1 --out "$out" "$work/bomb.txt.gz" 2>"$work/err"
    rc=$?
    [ $rc = 1 ] || fail "bomb: exit $rc"
    grep -q "larger than 1 MB once decompressed" "$work/err" ||
        fail "bomb: $(cat "$work/err")"
    echo "sniff: binary, non-UTF-8 and markup-less inputs skipped by name;" \
        "gzip inputs read and capped"
}

# 8. The smaller items.

# extract refuses a WARC file (it printed the compressed bytes) and reads
# gzip data; its help and the README name its limits.
case_extract() {
    local rc f
    for f in warcio-example.warc.gz warcio-example.warc; do
        pt extract "$src/tests/fixtures/warc/$f" >"$work/out" 2>"$work/err"
        rc=$?
        [ $rc = 1 ] || fail "extract $f: exit $rc"
        [ -s "$work/out" ] && fail "extract $f printed: $(head -c 80 "$work/out")"
        grep -q "is a WARC file" "$work/err" || fail "$f: $(cat "$work/err")"
    done
    gzip -c "$src/data/samples/05-guild-guidelines.html" >"$work/g.html.gz"
    pt extract "$work/g.html.gz" >"$work/gz.txt" || fail "extract .html.gz"
    pt extract "$src/data/samples/05-guild-guidelines.html" >"$work/plain.txt"
    cmp -s "$work/gz.txt" "$work/plain.txt" || fail "gz page differs"
    pt extract --help | tr '\n' ' ' | grep -q "cut at 32 MB.*over 256 MB" ||
        fail "extract --help lacks its limits"
    grep -q "32 MB of HTML.*" "$src/README.md" &&
        grep -q "reads files of up to" "$src/README.md" ||
        fail "README lacks extract's limits"
    echo "extract: WARC files refused, gzip pages read, limits stated"
}

# analyze --help names every file analyze writes, and nothing else.
case_helpfiles() {
    pt analyze -q --out "$work/o" "$seed" || fail "analyze"
    pt analyze --help | grep -o '[a-z]*\.csv' | sort -u >"$work/help"
    (cd "$work/o" && ls) | sort >"$work/written"
    cmp -s "$work/help" "$work/written" ||
        fail "--help vs written: $(diff "$work/help" "$work/written")"
    echo "helpfiles: analyze --help lists the $(wc -l <"$work/help") files" \
        "analyze writes"
}

# The negator scope: the README and the topic comments describe it as the
# code has it.


case_negwindow() {
    # Negation reaches to the clause boundary (polarity.c), not a count
    # of words: the README says so, and no topic comment or README line
    # still promises a word window.
    grep -q "Composition works on the clause" "$src/README.md" ||
        fail "README does not say negation works on the clause"
    grep -n "negator[^.]*up to [a-z]* words" "$src/README.md" \
        "$src/data/topics/"*.topic && fail "a word window is still promised"
    echo "negwindow: README and topic comments agree: negation scope is the clause"
}

# refresh refuses a seed it cannot crawl, and an oversized config, with
# exit 3 and FILE:LINE before crawling.
case_refresh_config() {
    local rc
    printf 'data_dir = d\nseed = https://example.org/\nseed = ftp://x/\n' \
        >"$work/ftp.conf"
    (cd "$work" && "$bin" refresh -c ftp.conf) >"$work/out" 2>"$work/err"
    rc=$?
    [ $rc = 3 ] || fail "ftp seed: exit $rc: $(cat "$work/err")"
    grep -q "ftp.conf:3: seed 'ftp://x/' is not an http or https URL" \
        "$work/err" || fail "ftp seed: $(cat "$work/err")"
    grep -q "crawl:" "$work/err" && fail "ftp seed: crawled first"
    [ -e "$work/d/crawl.db" ] && fail "ftp seed: a crawl database was made"
    { echo "data_dir = d"; head -c 2000000 /dev/zero | tr '\0' '#'; } \
        >"$work/big.conf"
    (cd "$work" && "$bin" refresh --no-crawl -c big.conf) 2>"$work/err"
    rc=$?
    [ $rc = 3 ] || fail "oversized config: exit $rc: $(cat "$work/err")"
    grep -q "big.conf: larger than 1024 KB" "$work/err" ||
        fail "oversized: $(cat "$work/err")"
    pt crawl --sources "$work/big.conf" --db "$work/x.db" 2>"$work/err"; rc=$?
    [ $rc = 3 ] || fail "crawl, oversized sources: exit $rc"
    printf 'data_dir = d\nsources = big.conf\n' >"$work/src.conf"
    (cd "$work" && "$bin" refresh -c src.conf) 2>"$work/err"; rc=$?
    [ $rc = 3 ] || fail "refresh, oversized sources: exit $rc"
    echo "refresh_config: bad seed and oversized config exit 3 at FILE:LINE"
}

# A refresh with nothing new writes no WARC file of warcinfo only, no
# partial and no new dataset generation, and names no .tmp path.
case_refresh_idle() {
    local d=$work/d rc gen
    mkdir -p "$d/warc"
    warc_record response "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n$(
        tr -d '\r' <"$src/tests/fixtures/analyze/seed-article.html" |
        sed 's/\\/\\\\/g')" https://example.org/seed | gzip \
        >"$d/warc/a.warc.gz"
    printf 'data_dir = d\nseed = http://127.0.0.1:9/\ndelay = 0\n' \
        >"$work/r.conf"
    (cd "$work" && "$bin" refresh --no-crawl -c r.conf) 2>"$work/err1" ||
        fail "first refresh: $(cat "$work/err1")"
    [ "$(rows "$d/dataset/articles.csv")" = 1 ] || fail "first dataset"
    grep "\.tmp'" "$work/err1" && fail "first run logs .tmp paths"
    gen=$(readlink "$d/dataset")
    ls "$d/partials" | sort >"$work/parts1"
    mkdir "$d/dataset.1-1" # what a merge killed before its swap leaves
    (cd "$work" && "$bin" refresh -c r.conf) 2>"$work/err2"; rc=$?
    [ $rc = 0 ] || [ $rc = 4 ] || fail "idle refresh: exit $rc: $(cat "$work/err2")"
    [ "$(ls "$d/warc")" = a.warc.gz ] ||
        fail "idle crawl left a WARC file: $(ls "$d/warc")"
    ls "$d/partials" | sort >"$work/parts2"
    cmp -s "$work/parts1" "$work/parts2" || fail "idle run made a partial"
    [ "$(readlink "$d/dataset")" = "$gen" ] || fail "idle run merged again"
    grep -q "nothing new" "$work/err2" || fail "no 'nothing new' line"
    [ -e "$d/dataset.1-1" ] && fail "a killed merge's generation was kept"
    grep "\.tmp'" "$work/err2" && fail "idle run logs .tmp paths"
    echo "refresh_idle: nothing new, nothing written"
}

# A 10 MB response header is reported as a header over its cap, not as
# "out of memory".
case_bighead() {
    python3 - >"$work/port" <<'PY' &
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(5)
s.settimeout(60)
print(s.getsockname()[1], flush=True)
big = b"X-Big: " + b"a" * (10 << 20) + b"\r\n"
for _ in range(8):
    try:
        c, _ = s.accept()
    except OSError:
        break
    req = c.recv(65536)
    try:
        if b"robots.txt" in req:
            c.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                      b"Connection: close\r\n\r\n")
        else:
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" +
                      big + b"Content-Length: 2\r\nConnection: close"
                      b"\r\n\r\nhi")
    except OSError:
        pass
    c.close()
PY
    for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
    pt crawl --delay 0 --db "$work/c.db" --warc-dir "$work/w" \
        "http://127.0.0.1:$(cat "$work/port")/" 2>"$work/err"
    grep -q "response header too large" "$work/err" ||
        fail "10 MB header: $(cat "$work/err")"
    grep -qi "out of memory" "$work/err" && fail "reported as out of memory"
    echo "bighead: a 10 MB response header is named as such"
}

# A WARC whose first gzip member claims a 2 GB Content-Length: the reader
# resyncs at the next member and the records after it are read.
case_warc_resync() {
    local rc page i
    page='HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>'
    warc_record response "${page}Broken.</p></article></body></html>" \
        https://example.org/broken |
        sed '0,/Content-Length: [0-9]*/s//Content-Length: 2000000000/' |
        gzip >"$work/r.warc.gz"
    for i in 1 2; do
        warc_record response "${page}Actor Jane Doe$i said intimacy coordinators are essential on every set, and the studio agreed with her.</p><p>The production used an intimacy coordinator for every scene, according to a statement released this week.</p></article></body></html>" \
            "https://example.org/a$i" | gzip >>"$work/r.warc.gz"
    done
    pt warc ls "$work/r.warc.gz" >"$work/list" 2>"$work/err"; rc=$?
    grep -q "runs past the end of its gzip member" "$work/err" ||
        fail "no message for the bad member: $(cat "$work/err")"
    [ "$(grep -c 'example.org/a' "$work/list")" = 2 ] ||
        fail "records after the bad member lost: $(cat "$work/list")"
    pt analyze --out "$work/o" "$work/r.warc.gz" 2>"$work/err"; rc=$?
    [ $rc = 4 ] || fail "analyze: exit $rc: $(cat "$work/err")"
    [ "$(rows "$work/o/articles.csv")" = 2 ] ||
        fail "analyze read $(rows "$work/o/articles.csv") articles"
    echo "warc_resync: a 2 GB Content-Length is skipped at its member's end"
}

# 9. The crawler's address checks: a seeded 127.0.0.1:P1 exempts that port
# only (a link or redirect to 127.0.0.1:P2 is refused), and a DNS name of
# the sources that resolves to a loopback address is refused.
case_crawl_exempt() {
    python3 - "$work/hits" >"$work/ports" <<'PY' &
import http.server, socketserver, sys, threading
hits = open(sys.argv[1], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        port = self.server.server_address[1]
        hits.write("%d %s\n" % (port, self.path))
        if self.path == "/robots.txt":
            self.send_response(404); self.send_header("Content-Length", "0")
            self.end_headers(); return
        if self.path == "/go":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:%d/secret" % other)
            self.send_header("Content-Length", "0"); self.end_headers(); return
        body = ("<html><body><a href='http://127.0.0.1:%d/secret'>s</a>"
                "<a href='/go'>go</a><p>page</p></body></html>" % other).encode()
        if self.path == "/feed.xml":
            body = b"<rss><channel><title>t</title></channel></rss>"
        self.send_response(200); self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
a = socketserver.ThreadingTCPServer(("127.0.0.1", 0), H)
b = socketserver.ThreadingTCPServer(("127.0.0.1", 0), H)
other = b.server_address[1]
print(a.server_address[1], b.server_address[1], flush=True)
threading.Thread(target=b.serve_forever, daemon=True).start()
threading.Timer(60, lambda: (a.shutdown(), b.shutdown())).start()
a.serve_forever()
PY
    for _ in $(seq 50); do [ -s "$work/ports" ] && break; sleep 0.1; done
    read -r p1 p2 <"$work/ports"
    pt crawl --delay 0 --depth 2 --db "$work/c.db" --warc-dir "$work/w" \
        "http://127.0.0.1:$p1/" 2>"$work/err"
    grep -q "^$p1 /go" "$work/hits" || fail "the seed's links were not followed"
    grep -q "^$p2 " "$work/hits" &&
        fail "another port of the seeded 127.0.0.1 was fetched: $(cat "$work/hits")"
    grep -q "127.0.0.1:$p2/secret.*loopback, private or link-local" "$work/err" ||
        fail "no refusal named: $(cat "$work/err")"
    printf '[outlet Trap]\nhost = trap.example\nfeed = http://trap.example:%s/feed.xml\n' \
        "$p1" >"$work/sources.conf"
    : >"$work/hits"
    pt crawl --delay 0 --db "$work/c2.db" --warc-dir "$work/w2" \
        --sources "$work/sources.conf" \
        --resolve "trap.example:$p1:127.0.0.1" 2>"$work/err"
    grep -q "feed.xml" "$work/hits" &&
        fail "a sources name resolving to 127.0.0.1 was fetched"
    grep -q "trap.example:$p1/feed.xml.*loopback, private or link-local" "$work/err" ||
        fail "no refusal for the sources name: $(cat "$work/err")"
    echo "crawl_exempt: seeds exempt their host:port only; sources names" \
        "are checked on their resolved address"
}

fn=case_$case_
declare -F "$fn" >/dev/null || fail "unknown case '$case_'"
"$fn"
