#!/usr/bin/env bash
# Crawl benchmark: a generated site of 2000 article pages (~50 KB each),
# linked from an index page, an RSS feed and a sitemap, served by nginx on
# 127.0.0.1 (a free port, an unprivileged temporary configuration), crawled
# by presstally (writing WARC + SQLite) at --warc-level 1 (the default)
# and 0 (stored gzip members), and once by wget2 (recursive, files deleted
# after download, no WARC), one after the other.
# Prints pages/s, CPU seconds (user + sys), peak RSS and WARC size of each,
# and the CPU seconds nginx used meanwhile (the server shares the cores).
#
# Politeness allows one request in flight per host by default; with one
# host and --delay 0 the bench passes --max-per-host 8 (documented option)
# so both tools get 8 parallel connections.
#
# Fairness: both tools get the same 8 connections to the same server and
# are timed the same way (/usr/bin/time, wall clock from start to exit).
# wget2 is seeded with the index page and skips robots.txt; presstally is
# seeded with the index, the feed and the sitemap (its usual discovery:
# 60 000 links, 20 000 new) and asks for robots.txt, so it does a little
# more work for the same 20 000 articles.
#
# usage: scripts/bench_crawl.sh [PAGES]   (default 2000)
# BENCH_BEFORE=/path/to/other/presstally adds a row for that binary at
# --warc-level 1 in the same run (before/after figures on the same site
# and server). BENCH_ROUNDS=N (default 1) repeats every row N times,
# interleaved, on the same site (timings on a shared machine vary: report
# ranges). BENCH_LEVEL0=0 leaves out the --warc-level 0 row.
# Profiling: BENCH_PERF=FILE records the presstally runs with perf into
# FILE.level1 and FILE.level0 (BENCH_PERF_OPTS, default -g);
# BENCH_WRAP="strace -f -c -o FILE" wraps them.
# BENCH_CHECK=1 checks the WARC files of each level with scripts/warcls.sh
# (the independent reader) before they are deleted. BENCH_CRAWL_ARGS adds
# options to each presstally crawl (e.g. "--warc-size 5000000": files
# rotated while records are being encoded).
# Installs nginx and wget2 with apt-get when missing (needs root or sudo).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-2000}
conns=8

need=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx-light"
command -v wget2 >/dev/null 2>&1 || need="$need wget2"
if [ -n "$need" ]; then
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
    echo "bench_crawl: installing:$need" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $need >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

bin=$here/build/analyzer/presstally
if [ ! -x "$bin" ]; then
    cmake -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$here/build" -j2 >/dev/null
fi

tmp=$(mktemp -d /tmp/pt-bench-crawl-XXXXXX)
PERF=${BENCH_WRAP:-}
chmod 755 "$tmp"
cleanup() {
    [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
    sleep 0.2
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# The site: fictional text from a small vocabulary, ~50 KB per page.
python3 - "$tmp/site" "$pages" "$base" <<'PY'
import os, random, sys
root, n, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(root + "/articles", exist_ok=True)
rnd = random.Random(7)
words = ("the a of to and in production coordinator intimacy scene set actor "
         "director studio guild said trade press film series season crew "
         "safety consent rehearsal choreography union contract agreed "
         "fictional harbour lights veteran producer").split()
for i in range(1, n + 1):
    paras = []
    size = 0
    while size < 50000:
        p = " ".join(rnd.choice(words) for _ in range(120))
        paras.append("<p>%s.</p>" % p.capitalize())
        size += len(p) + 8
    links = "".join('<a href="/articles/%d.html">next</a>' % ((i + k) % n + 1)
                    for k in range(3))
    with open("%s/articles/%d.html" % (root, i), "w") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=utf-8><title>Story "
                "%d</title></head><body><h1>Story %d</h1>%s%s</body></html>"
                % (i, i, "".join(paras), links))
with open(root + "/index.html", "w") as f:
    f.write("<!DOCTYPE html><html><head><title>Bench</title></head><body>"
            + "".join('<a href="/articles/%d.html">%d</a> ' % (i, i)
                      for i in range(1, n + 1)) + "</body></html>")
with open(root + "/feed.xml", "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>B'
            "</title>" + "".join("<item><link>%s/articles/%d.html</link>"
                                 "</item>" % (base, i)
                                 for i in range(1, n + 1))
            + "</channel></rss>")
with open(root + "/sitemap.xml", "w") as f:
    f.write('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9">' + "".join(
                "<url><loc>%s/articles/%d.html</loc></url>" % (base, i)
                for i in range(1, n + 1)) + "</urlset>")
PY
chmod -R a+rX "$tmp/site"
mkdir -p "$tmp/nginx"
cat > "$tmp/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $tmp/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    # A buffered log (it counts wget2's pages) and headers and file in
    # one send: less of the server's CPU per page, for both tools alike.
    # (No open_file_cache: each run asks for every page once, and
    # caching 20 000 open files runs out of descriptors.)
    access_log $tmp/nginx/access.log combined buffer=256k flush=100ms;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server {
        listen 127.0.0.1:$port;
        root $tmp/site;
        etag on;
    }
}
CONF
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp/nginx" 2>/dev/null
for _ in $(seq 50); do
    curl -sf -o /dev/null "$base/index.html" && break
    sleep 0.1
done

# CPU seconds the nginx worker has used so far.
nginx_cpu() {
    local w
    w=$(pgrep -P "$(cat "$tmp/nginx.pid")" | head -1)
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($14 + $15) / hz }' "/proc/$w/stat"
}

# Runs a command; prints "elapsed cpu maxrss_kb" of it.
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/cmd.err" ||
        { echo "bench_crawl: '$1' failed:" >&2; tail -5 "$tmp/cmd.err" >&2; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$tmp/time.txt"
}

# One presstally crawl at WARC level $1 (fresh database and WARC
# directory); prints "pages elapsed cpu rss_kb warc_mb".
crawl_at() {
    local lvl=$1 exe=${2:-$bin} tag=${3:-} db="$tmp/crawl-$1.db"
    local wd="$tmp/warc-$1" el cpu rss n mb wrap=$PERF s0 s1
    [ -n "${BENCH_PERF:-}" ] &&
        wrap="perf record ${BENCH_PERF_OPTS:--g} -o $BENCH_PERF.level$lvl$tag --"
    s0=$(nginx_cpu)
    read -r el cpu rss < <(measure $wrap "$exe" crawl --db "$db" \
        --warc-level "$lvl" --warc-dir "$wd" --delay 0 \
        --max-per-host $conns --max-conns $conns --no-progress ${BENCH_CRAWL_ARGS:-} \
        "$base/index.html" "$base/feed.xml" "$base/sitemap.xml")
    s1=$(nginx_cpu)
    tail -1 "$tmp/cmd.err" >&2
    n=$(sqlite3 "$db" "select count(*) from urls where status='done'" 2>/dev/null ||
        python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from urls where status='done'\").fetchone()[0])" "$db")
    mb=$(du -sm "$wd" | cut -f1)
    if [ "${BENCH_CHECK:-0}" = 1 ] && [ -z "$tag" ]; then
        # The independent reader over what was written (digests, one
        # gzip member per record).
        if PT_SHARED_DIR=${PT_SHARED_DIR:-$here/../shared} \
            bash "$here/scripts/warcls.sh" "$wd"/*.warc.gz > "$tmp/warcls.out" 2>&1; then
            echo "bench_crawl: level $lvl WARC passes warcls.mjs" >&2
        else
            echo "bench_crawl: level $lvl WARC FAILS warcls.mjs:" >&2
            tail -5 "$tmp/warcls.out" >&2
        fi
    fi
    rm -rf "$wd" "$db" "$db"-wal "$db"-shm "$db".lock
    echo "$n $el $cpu $rss $mb $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }')"
}

row() { # name pages elapsed cpu rss_kb warc server_cpu
    awk -v name="$1" -v n="$2" -v el="$3" -v cpu="$4" -v rss="$5" -v w="$6" -v srv="$7" 'BEGIN {
        printf "%-26s %7d %9.0f %8.2f %8.2f %8.1f %8.1f %9s %8.2f\n", name, n, n / el, el, cpu,
               cpu / n * 1e6, rss / 1024, w, srv }'
}
wget2_run() { # prints "pages elapsed cpu rss_kb"
    local lines0 el cpu rss n s0 s1
    sleep 0.5 # the buffered log lines of the run before
    lines0=$(wc -l < "$tmp/nginx/access.log")
    s0=$(nginx_cpu)
    read -r el cpu rss < <(measure wget2 -q -r -l 1 --max-threads=$conns \
        --delete-after --no-robots -P "$tmp/wget2" "$base/index.html")
    s1=$(nginx_cpu)
    sleep 0.5 # the buffered log lines of this run
    n=$(awk -v s="$lines0" 'NR > s && $9 == 200' "$tmp/nginx/access.log" | wc -l)
    rm -rf "$tmp/wget2"
    echo "$n $el $cpu $rss $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }')"
}

echo "bench_crawl: $pages pages; $(uptime | sed 's/.*load/load/')" >&2
printf "%-26s %7s %9s %8s %8s %8s %8s %9s %8s\n" tool pages pages/s "wall s" "CPU s" \
    "us/page" "RSS MB" "WARC MB" "nginx s"
rounds=${BENCH_ROUNDS:-1}
for r in $(seq "$rounds"); do
    read -r p1_n p1_el p1_cpu p1_rss p1_mb p1_srv < <(crawl_at 1)
    row "presstally --warc-level 1" "$p1_n" "$p1_el" "$p1_cpu" "$p1_rss" "$p1_mb" "$p1_srv"
    if [ "${BENCH_LEVEL0:-1}" != 0 ]; then
        read -r p0_n p0_el p0_cpu p0_rss p0_mb p0_srv < <(crawl_at 0)
        row "presstally --warc-level 0" "$p0_n" "$p0_el" "$p0_cpu" "$p0_rss" "$p0_mb" "$p0_srv"
    fi
    if [ -n "${BENCH_BEFORE:-}" ]; then
        read -r b1_n b1_el b1_cpu b1_rss b1_mb b1_srv < <(crawl_at 1 "$BENCH_BEFORE" .before)
        row "before: --warc-level 1" "$b1_n" "$b1_el" "$b1_cpu" "$b1_rss" "$b1_mb" "$b1_srv"
    fi
    read -r w_n w_el w_cpu w_rss w_srv < <(wget2_run)
    row "wget2 (no WARC)" "$w_n" "$w_el" "$w_cpu" "$w_rss" "-" "$w_srv"
    awk -v p="$p1_n" -v pe="$p1_el" -v w="$w_n" -v we="$w_el" 'BEGIN {
        printf "presstally --warc-level 1 / wget2: %.2fx pages/s\n", (p / pe) / (w / we) }'
done
