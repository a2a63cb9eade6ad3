"""A local server for a built site that answers like GitHub Pages: under the published
path (e.g. /actiebank/), with 404.html and status 404 for any address that does not
exist, quiet when a browser moves on before an answer is sent."""

from __future__ import annotations

import functools
import io
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .sitemap import site_root_url


class PagesHandler(SimpleHTTPRequestHandler):
    prefix = "/"

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
        return super().send_head()


class QuietServer(ThreadingHTTPServer):
    """A browser that navigates on before a response is sent breaks the pipe; normal."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PagesServer:
    """A running server for `site_dir`: `origin` is http://127.0.0.1:PORT, `root` the
    site's home under its published path, e.g. http://127.0.0.1:PORT/actiebank/."""

    def __init__(self, site_dir: Path):
        published = site_root_url(site_dir)
        prefix = urlsplit(published).path if published else "/"
        handler = type("Handler", (PagesHandler,), {"prefix": prefix})
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
