"""A local server for a built site that answers like GitHub Pages: under the published
path (e.g. /actiebank/), with 404.html and status 404 for any address that does not
exist, quiet when a browser moves on before an answer is sent, and (with `gzip=True`)
text compressed with gzip for a browser that accepts it, as Pages serves it: what a
visitor downloads is then what the browser's network accounting counts."""

from __future__ import annotations

import functools
import gzip
import io
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .sitemap import site_root_url

# What GitHub Pages compresses: text, not images or fonts that are compressed already.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".map"}


class PagesHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        route = unquote(urlsplit(path).path)
        if not route.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + route[len(self.prefix) :])

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists() and (Path(self.directory) / "404.html").is_file():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        # A folder asked for without its '/' is redirected first, by the default below.
        folder_without_slash = target.name == "index.html" and not urlsplit(
            self.path
        ).path.endswith("/")
        accepts = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        compressible = target.suffix in COMPRESSED and target.is_file()
        if accepts and compressible and not folder_without_slash:
            return self._send_compressed(target)
        return super().send_head()

    def _send_compressed(self, target: Path):
        # Level 6: the default of nginx, Apache and the CDN in front of Pages.
        body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    """A browser that navigates on before a response is sent breaks the pipe; normal."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PagesServer:
    """A running server for `site_dir`: `origin` is http://127.0.0.1:PORT, `root` the
    site's home under its published path, e.g. http://127.0.0.1:PORT/actiebank/."""

    def __init__(self, site_dir: Path, *, gzip: bool = False):
        published = site_root_url(site_dir)
        prefix = urlsplit(published).path if published else "/"
        handler = type("Handler", (PagesHandler,), {"prefix": prefix, "compress": gzip})
        self.server = QuietServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir))
        )
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.root = self.origin + prefix

    def close(self):
        self.server.shutdown()
        self.server.server_close()
