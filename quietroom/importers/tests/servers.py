"""Tiny HTTP servers on loopback addresses, recording every request they receive."""

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder(BaseHTTPRequestHandler):
    routes: dict = {}
    requests: list

    def do_GET(self):
        self.requests.append(self.path)
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, *args):
        pass


@contextmanager
def serving(host: str, routes: dict):
    """A server on `host` (any free port) answering `routes`; yields (base URL, requests)."""
    requests: list[str] = []
    handler = type("Handler", (Recorder,), {"routes": routes, "requests": requests})
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def send(body: bytes, content_type: str, status: int = 200, headers: dict | None = None):
    def answer(handler):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        for name, value in (headers or {"Content-Length": str(len(body))}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def redirect_to(location: str):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def endless_chunks(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "image/jpeg")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"\xff" * 65536
    try:
        for _ in range(4096):  # bounded: 256 MB at most, far past any cap under test
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    except OSError:
        pass


def drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "image/jpeg")
    handler.send_header("Content-Length", "60")
    handler.end_headers()
    try:
        for _ in range(60):  # one byte a second, for a minute at most
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(1)
    except OSError:
        pass
