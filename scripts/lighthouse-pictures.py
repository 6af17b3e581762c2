#!/usr/bin/env python3
"""A stand-in for the publishers' picture servers, so that scripts/lighthouse can measure the
viewer as readers get it on a machine without a network.

Usage: scripts/lighthouse-pictures.py <corpus dir> <port> <cert dir>

The default corpus's pictures live on the publishers' servers. Offline, each one fails to load
and Chromium logs the failure, so Lighthouse's "errors in console" audit fails for a reason that
is not the viewer's. scripts/lighthouse points every host name but 127.0.0.1 at this server
(Chromium's --host-resolver-rules) and lets Chromium accept its self-signed certificate; this
server answers every picture URL of the corpus with a plain grey PNG of the size the corpus
declares for it (thumbnails and lead images: `width` and `height`), so the audits that compare a
picture's size with its box (aspect ratio, resolution) see what they would see with the real
file. A URL the corpus does not declare a size for gets 1200 x 800. Anything else is a 404.
"""

import glob
import http.server
import json
import os
import ssl
import struct
import subprocess
import sys
import urllib.parse
import zlib

DEFAULT_SIZE = (1200, 800)


def declared_sizes(corpus):
    """Picture URL (host and path) -> (width, height), from the index and the article files."""
    sizes = {}

    def note(image):
        if isinstance(image, dict) and isinstance(image.get("url"), str):
            url = urllib.parse.urlsplit(image["url"])
            size = (image.get("width"), image.get("height"))
            ok = all(isinstance(n, int) and 0 < n <= 4096 for n in size)
            sizes[(url.hostname, url.path)] = size if ok else DEFAULT_SIZE

    with open(os.path.join(corpus, "index.json"), encoding="utf-8") as f:
        for article in json.load(f).get("articles", []):
            note(article.get("thumbnail"))
    for path in glob.glob(os.path.join(corpus, "articles", "*.json")):
        with open(path, encoding="utf-8") as f:
            note(json.load(f).get("image"))
    return sizes


def png(width, height):
    """A grey PNG of the size (8-bit greyscale: one filter byte and `width` bytes a row)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\xa0" * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main():
    corpus, port, cert_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    sizes = declared_sizes(corpus)
    cache = {}
    cert, key = os.path.join(cert_dir, "cert.pem"), os.path.join(cert_dir, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=pictures",
         "-keyout", key, "-out", cert],
        check=True, capture_output=True)

    class Pictures(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            host = (self.headers.get("Host") or "").split(":")[0]
            size = sizes.get((host, urllib.parse.urlsplit(self.path).path))
            if size is None:
                self.send_error(404)
                return
            body = cache.setdefault(size, png(*size))
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Pictures)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"pictures: {len(sizes)} declared, on https://127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
