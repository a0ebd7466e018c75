#!/usr/bin/env python3
"""A loopback HTTP server for tests/http.sh: pages, a feed, redirects (one a
loop), errors, a slow answer, an oversized body, gzip, a gzip bomb, a reset
connection and a legacy charset, each request counted.

    httpd.py PORTFILE

It listens on 127.0.0.1 on a free port, writes the port to PORTFILE, and
exits by itself after 300 requests or 60 seconds, whichever comes first.
GET /count answers the number of requests each path had, one "PATH N" a line
("PATH 304 N": how many of them were answered 304 Not Modified).
"""
import gzip
import os
import http.server
import socket
import struct
import sys
import threading
import time

ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour reopens | Loopback Times</title>
<meta property="og:site_name" content="Loopback Times">
<meta property="og:title" content="Harbour reopens after the storm">
<meta name="author" content="R. Tester">
<meta property="article:published_time" content="2026-12-05T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Saturday morning after three days of storms had
kept every ship in port, the port authority said in a statement.</p>
<p>Ferries resumed their crossings at noon, and the first cargo ship was
unloaded by the evening, according to the harbour master.</p>
<p>Officials said the sea wall had held, though two piers needed repairs
that would take several weeks to finish.</p>
</article>
<aside>Related: other stories you may like</aside>
</body></html>
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Wire</title>
<item><title>Storm passes</title><link>http://127.0.0.1/storm</link>
<pubDate>Fri, 04 Dec 2026 18:00:00 GMT</pubDate>
<description>&lt;p&gt;The storm passed overnight, forecasters said.&lt;/p&gt;</description></item>
<item><title>Ships wait</title><link>http://127.0.0.1/ships</link>
<pubDate>Sat, 05 Dec 2026 07:00:00 GMT</pubDate>
<description>&lt;p&gt;Dozens of ships waited outside the harbour.&lt;/p&gt;</description></item>
</channel></rss>
"""

# windows-1252: 0x92 is a right single quote, declared only by the server.
CP1252 = (b"<html><head><title>Legacy</title></head><body><article>"
          b"<p>The harbour master\x92s office said the port was open again "
          b"after the storm, and that the ferries would run all weekend.</p>"
          b"<p>Ships that had waited outside for three days began to come "
          b"in at dawn, one after another, the office said.</p>"
          b"</article></body></html>")

ETAG = '"harbour-v1"'
# 32 MiB of zeros, twice the limit, in about 32 KiB.
BOMB = gzip.compress(b"\0" * (32 << 20), 9)
counts = {}
lock = threading.Lock()
served = 0
MAX_REQUESTS = 300
LIFETIME = 60


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8", headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        global served
        path = self.path.split("?")[0]
        with lock:
            counts[path] = counts.get(path, 0) + 1
            served += 1
        if path == "/count":
            self.send(200, "".join("%s %d\n" % kv for kv in sorted(counts.items())),
                      "text/plain")
        elif path in ("/page.html", "/page2.html"):
            ua = self.headers.get("User-Agent", "")
            if not ua.startswith("parallax/"):
                self.send(403, "no User-Agent naming parallax")
            elif self.headers.get("If-None-Match") == ETAG:
                with lock:
                    counts[path + " 304"] = counts.get(path + " 304", 0) + 1
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(200, ARTICLE, headers=[("ETag", ETAG)])
        elif path == "/feed.xml":
            self.send(200, FEED, "application/rss+xml",
                      [("Last-Modified", "Sat, 05 Dec 2026 08:00:00 GMT")])
        elif path == "/redirect":
            self.send(302, "", headers=[("Location", "/page2.html")])
        elif path == "/loop":
            self.send(302, "", headers=[("Location", "/loop")])
        elif path == "/to-file":
            self.send(302, "", headers=[("Location", "file:///etc/passwd")])
        elif path == "/404":
            self.send(404, "not found")
        elif path == "/500":
            self.send(500, "broken")
        elif path == "/slow":
            time.sleep(10)
            self.send(200, ARTICLE)
        elif path == "/big":
            self.send(200, b"<p>" + b"x" * (17 << 20) + b"</p>")
        elif path == "/gzip":
            self.send(200, gzip.compress(ARTICLE.encode("utf-8")),
                      headers=[("Content-Encoding", "gzip")])
        elif path == "/bomb":
            self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        elif path == "/cp1252":
            self.send(200, CP1252, "text/html; charset=windows-1252")
        elif path == "/reset":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<p>cut")
            self.wfile.flush()
            # SO_LINGER 0: close with a reset, not a clean end.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        else:
            self.send(404, "no such page")


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # A client that hangs up (over the size limit) is no error here.
    server.handle_error = lambda request, address: None
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    start = time.time()
    while time.time() - start < LIFETIME and served < MAX_REQUESTS:
        time.sleep(0.1)
    server.shutdown()


if __name__ == "__main__":
    main()
