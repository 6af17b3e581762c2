"""A plain static file server, as `python3 -m http.server`, that can add the CORS header a
publisher must send when the viewer's files are used from another origin (see README,
"Embedding"). Prints "Serving HTTP on HOST port PORT" like http.server.

Usage: static_server.py [--cors] [--bind 127.0.0.1] [--directory DIR] [port]
"""

import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    cors = False

    def end_headers(self):
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cors", action="store_true")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--directory", default=".")
    parser.add_argument("port", nargs="?", type=int, default=0)
    args = parser.parse_args()
    Handler.cors = args.cors
    handler = functools.partial(Handler, directory=args.directory)
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        host, port = server.server_address[:2]
        print(f"Serving HTTP on {host} port {port}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
