#!/usr/bin/env python3
"""site_server.py -- serves a directory of static files on 127.0.0.1 for
the refresh tests: a free port (printed as the first line of stdout),
Last-Modified and ETag validators with 304 answers (from the file's mtime
and size), a request log, and a bounded lifetime.

usage: site_server.py DIR --log FILE [--lifetime SECONDS] [--slow SECONDS]
                      [--port PORT]   (0, the default: a free port)
Python 3 standard library only.
"""
import argparse
import email.utils
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None
LOCK = threading.Lock()
T0 = time.time()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        with LOCK, open(ARGS.log, "a") as f:
            f.write("%.3f\t%s\t%d\n" % (time.time() - T0, self.path, status))

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.endswith("/"):
            path += "index.html"
        full = os.path.realpath(os.path.join(ARGS.dir, path.lstrip("/")))
        if not full.startswith(os.path.realpath(ARGS.dir)) or not os.path.isfile(full):
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.log(404)
            return
        st = os.stat(full)
        etag = '"%x-%x"' % (st.st_size, int(st.st_mtime_ns))
        lastmod = email.utils.formatdate(st.st_mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = inm == etag
        elif ims is not None:
            try:
                fresh = int(st.st_mtime) <= email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                fresh = False
        if ARGS.slow and path.startswith("/news/"):
            time.sleep(ARGS.slow)
        if fresh:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.log(304)
            return
        with open(full, "rb") as f:
            body = f.read()
        ctype = "text/html; charset=utf-8"
        if full.endswith(".xml"):
            ctype = "application/rss+xml"
        elif full.endswith(".txt"):
            ctype = "text/plain"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", lastmod)
        self.end_headers()
        self.wfile.write(body)
        self.log(200)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--log", required=True)
    p.add_argument("--lifetime", type=float, default=120)
    p.add_argument("--slow", type=float, default=0)
    p.add_argument("--port", type=int, default=0)
    ARGS = p.parse_args()
    ThreadingHTTPServer.allow_reuse_address = True
    srv = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    srv.daemon_threads = True
    print(srv.server_address[1], flush=True)
    threading.Timer(ARGS.lifetime, srv.shutdown).start()
    srv.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
