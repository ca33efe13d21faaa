#!/usr/bin/env python3
"""A local stand-in for Kolada's API v3 for the `indicators fetch` benchmark.

    kolada_server.py PORT_FILE LOG_FILE

Listens on 127.0.0.1 at a free port (written to PORT_FILE), answers
/v3/data/kpi/{kpis}/municipality/{ids}/year/{years}[?per_page=N&page=P] with a value for every
key figure, municipality and year asked (deterministic values), paged: `per_page` rows a page
(default 100), `next_url` an absolute URL until the last page. Every request's path and query
is appended to LOG_FILE, so the same pages can be fetched again with curl. Stops on SIGTERM.
"""
import hashlib
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def value(kpi, municipality, year):
    digest = hashlib.sha1(f"{kpi}/{municipality}/{year}".encode()).digest()
    return round(40 + digest[0] / 255 * 50, 1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log_file = None
    # As production HTTP servers do on kept-alive connections (nginx's tcp_nodelay): without it,
    # the body's last short segment waits for the client's delayed ACK, about 40 ms a page for a
    # client that keeps the connection (plantrack), and none for one that opens a new connection
    # per page (the curl loop). See docs/performance.md.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(Handler.log_file, "a") as log:
            log.write(self.path + "\n")
        parts = urlsplit(self.path)
        segments = parts.path.strip("/").split("/")
        if len(segments) != 8 or segments[:3] != ["v3", "data", "kpi"] or segments[4] != "municipality" or segments[6] != "year":
            return self.answer(404, {"error": "unknown path"})
        kpis, municipalities = segments[3].split(","), segments[5].split(",")
        years = [int(y) for y in segments[7].split(",")]
        query = parse_qs(parts.query)
        per_page = int(query.get("per_page", ["100"])[0])
        page = int(query.get("page", ["1"])[0])
        rows = [(k, m, y) for k in kpis for m in municipalities for y in years]
        chunk = rows[(page - 1) * per_page: page * per_page]
        body = {"values": [
            {"kpi": k, "municipality": m, "period": y,
             "values": [{"gender": "T", "status": "", "value": value(k, m, y), "count": 1}]}
            for k, m, y in chunk]}
        if page * per_page < len(rows):
            host, port = self.server.server_address[:2]
            body["next_url"] = f"http://{host}:{port}{parts.path}?page={page + 1}&per_page={per_page}"
        self.answer(200, body)

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    port_file, Handler.log_file = sys.argv[1], sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
