#!/usr/bin/env python3
"""fault_server.py -- a fixture web site with faults, for tests/test_crawl.c.

Serves on 127.0.0.1 (a free port, printed as the first line of stdout),
HTTP/1.1 with keep-alive, and stops by itself after --lifetime seconds.
Every request is appended to --log as "TIME<TAB>PATH<TAB>STATUS" (TIME in
seconds since the start, PATH with its query).

The site (generated, fictional):
  /                     index: links to the articles, a duplicate with
                        tracking parameters, an excluded /tag/ page, a
                        robots-disallowed /private/ page and the faults
  /articles/N           N = 1..--articles; ETag on even N, Last-Modified on
                        odd N, neither when N % 5 == 0; 304 on a match
  /robots.txt           disallows /private/, names /sitemap-index.xml
  /feed.xml             RSS 2.0 (articles 1-4 and 13 .. feed-only ones)
  /broken-feed.xml      RSS whose XML breaks after its first item
  /sitemap-index.xml    sitemap index -> /sitemap-1.xml.gz (gzip urlset)
Faults:
  /fault/slow           answers after 5 s (a client timeout)
  /fault/reset          declares 10000 bytes, sends 100, resets the socket
  /fault/flaky          500 twice, then 200
  /fault/ratelimit      429 with Retry-After: 1 once, then 200
  /fault/loop/N         302 -> /fault/loop/N+1 (endless)
  /fault/tofile         302 -> file:///etc/passwd
  /fault/toprivate      302 -> http://169.254.169.254/latest/meta-data/
  /fault/todns          302 -> http://trap.example:PORT/x (tests make
                        trap.example resolve to 127.0.0.1)
  /fault/bomb           gzip Content-Encoding: 100 KB that inflate to 100 MB
  /fault/big            3 MB with a Content-Length
  /fault/bigstream      3 MB without a Content-Length (Connection: close)
  /fault/charset        declares UTF-8 but sends ISO-8859-1 bytes
With --slow SECONDS every /articles/ answer is delayed (for kill tests).
Python 3 standard library only.
"""
import argparse
import email.utils
import gzip
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

T0 = time.time()
LOCK = threading.Lock()
COUNTS = {}
ARGS = None
BOMB = None
FEED_ONLY = [13]
SITEMAP_ONLY = [15, 16]
BROKEN_ONLY = [14]


def make_bomb():
    """~300 KB of gzip that inflates to 300 MB of zeros."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [co.compress(chunk) for _ in range(100)]
    parts.append(co.flush())
    return b"".join(parts)


def lastmod(n):
    return email.utils.formatdate(1700000000 + n * 3600, usegmt=True)


def article(n):
    links = "".join('<li><a href="/articles/%d">Story %d</a></li>' % (k, k)
                    for k in (n % ARGS.articles + 1, (n + 1) % ARGS.articles + 1))
    body = ("<p>Fixture paragraph %d about the fictional Harbour Lights "
            "production and its intimacy coordinator.</p>" % n) * 20
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<title>Story %d</title></head><body><h1>Story %d</h1>%s"
            "<ul>%s</ul></body></html>" % (n, n, body, links)).encode()


def index(port):
    items = ['<a href="/articles/%d">Story %d</a>' % (n, n)
             for n in range(1, ARGS.articles + 1) if n not in
             FEED_ONLY + SITEMAP_ONLY + BROKEN_ONLY]
    items += [
        '<a href="/articles/3?utm_source=newsletter&amp;utm_medium=email">'
        'Story 3 again</a>',
        '<a href="/articles/3#comments">Story 3 comments</a>',
        '<a href="/tag/coordinators">Tag page</a>',
        '<a href="/private/secret">Secret</a>',
        '<a href="http://other.invalid/elsewhere">Elsewhere</a>',
        '<a href="mailto:desk@example.invalid">Mail</a>',
    ]
    if not ARGS.no_faults:
        for f in ("slow", "reset", "flaky", "ratelimit", "loop/1", "tofile",
                  "toprivate", "todns", "bomb", "big", "bigstream",
                  "charset"):
            items.append('<a href="/fault/%s">%s</a>' % (f, f))
    return ("<!DOCTYPE html><html><head><title>Fixture Times</title></head>"
            "<body><h1>Fixture Times</h1><ul>%s</ul></body></html>"
            % "".join("<li>%s</li>" % i for i in items)).encode()


def rss(base, nums, broken=False):
    items = "".join(
        "<item><title>Story %d</title><link>%s/articles/%d</link>"
        "<pubDate>%s</pubDate></item>" % (n, base, n, lastmod(n))
        for n in nums)
    if broken:
        items += "<item><title>Broken <b>markup</title><link>"
    else:
        items += "</channel></rss>"
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            "<channel><title>Fixture Times</title><link>%s/</link>%s"
            % (base, items)).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault_server/1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        if ARGS.log:
            with LOCK, open(ARGS.log, "a") as f:
                f.write("%.3f\t%s\t%d\n" % (time.time() - T0, self.path,
                                            status))

    def count(self, key):
        with LOCK:
            COUNTS[key] = COUNTS.get(key, 0) + 1
            return COUNTS[key]

    def send(self, status, body=b"", ctype="text/html; charset=utf-8",
             headers=()):
        self.log(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self):
        port = self.server.server_address[1]
        base = "http://127.0.0.1:%d" % port
        path = self.path.split("#")[0]
        p = path.split("?")[0]
        if p == "/":
            return self.send(200, index(port))
        if p == "/robots.txt":
            return self.send(200, ("User-agent: *\nDisallow: /private/\n"
                                   "Crawl-delay: 0\nSitemap: %s/sitemap-"
                                   "index.xml\n" % base).encode(),
                             "text/plain")
        if p == "/feed.xml":
            return self.send(200, rss(base, [1, 2, 3, 4] + FEED_ONLY),
                             "application/rss+xml")
        if p == "/broken-feed.xml":
            return self.send(200, rss(base, BROKEN_ONLY, broken=True),
                             "application/rss+xml")
        if p == "/sitemap-index.xml":
            return self.send(200, (
                '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<sitemap><loc>%s/sitemap-1.xml.gz</loc></sitemap>"
                "</sitemapindex>" % base).encode(), "application/xml")
        if p == "/sitemap-1.xml.gz":
            urls = "".join("<url><loc>%s/articles/%d</loc></url>" % (base, n)
                           for n in SITEMAP_ONLY)
            xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                   '"http://www.sitemaps.org/schemas/sitemap/0.9">%s'
                   "</urlset>" % urls).encode()
            return self.send(200, gzip.compress(xml, mtime=0),
                             "application/gzip")
        if p.startswith("/articles/"):
            try:
                n = int(p[len("/articles/"):])
            except ValueError:
                return self.send(404, b"no such story")
            if n < 1 or n > ARGS.articles:
                return self.send(404, b"no such story")
            if ARGS.slow:
                time.sleep(ARGS.slow)
            hdrs = []
            etag = '"story-%d-v1"' % n
            if n % 5 != 0 and n % 2 == 0:
                hdrs.append(("ETag", etag))
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, b"", headers=hdrs)
            elif n % 5 != 0:
                hdrs.append(("Last-Modified", lastmod(n)))
                if self.headers.get("If-Modified-Since") == lastmod(n):
                    return self.send(304, b"", headers=hdrs)
            return self.send(200, article(n), headers=hdrs)
        if p.startswith("/fault/"):
            return self.fault(p[len("/fault/"):], port)
        return self.send(404, b"not found")

    def fault(self, name, port):
        if name == "slow":
            self.log(0)
            time.sleep(5)
            return self.send(200, b"too late")
        if name == "reset":
            self.log(0)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            self.wfile.write(b"<html>" + b"x" * 94)
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        if name == "flaky":
            if self.count(name) <= 2:
                return self.send(500, b"try again")
            return self.send(200, b"<html><body>flaky ok</body></html>")
        if name == "ratelimit":
            if self.count(name) <= 1:
                return self.send(429, b"slow down",
                                 headers=[("Retry-After", "1")])
            return self.send(200, b"<html><body>rate ok</body></html>")
        if name.startswith("loop/"):
            n = int(name[5:])
            return self.send(302, b"", headers=[
                ("Location", "/fault/loop/%d" % (n + 1))])
        if name == "tofile":
            return self.send(302, b"", headers=[
                ("Location", "file:///etc/passwd")])
        if name == "toprivate":
            return self.send(302, b"", headers=[
                ("Location", "http://169.254.169.254/latest/meta-data/")])
        if name == "todns":
            return self.send(302, b"", headers=[
                ("Location", "http://trap.example:%d/x" % port)])
        if name == "bomb":
            return self.send(200, BOMB, headers=[
                ("Content-Encoding", "gzip")])
        if name == "big":
            return self.send(200, b"y" * (3 << 20))
        if name == "bigstream":
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(48):
                self.wfile.write(b"z" * 65536)
            self.close_connection = True
            return None
        if name == "charset":
            return self.send(200, "<html><head><title>Caf\u00e9</title>"
                             "</head><body>Cr\u00e8me br\u00fbl\u00e9e"
                             "</body></html>".encode("latin-1"))
        return self.send(404, b"no such fault")


def main():
    global ARGS, BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=16)
    ap.add_argument("--lifetime", type=float, default=120)
    ap.add_argument("--slow", type=float, default=0)
    ap.add_argument("--log", default=None)
    ap.add_argument("--no-faults", action="store_true")
    ARGS = ap.parse_args()
    if not ARGS.no_faults:
        BOMB = make_bomb()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.handle_error = lambda request, client_address: None  # resets
    srv.daemon_threads = True
    print(srv.server_address[1], flush=True)
    threading.Timer(ARGS.lifetime, srv.shutdown).start()
    srv.serve_forever()
    srv.server_close()


if __name__ == "__main__":
    main()
