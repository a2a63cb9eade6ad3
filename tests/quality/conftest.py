"""Fixtures for the quality gates: the project's build helpers, a server that answers
like GitHub Pages, and one browser page per viewport that visits every page."""

from __future__ import annotations

import functools
import io
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gates import audit_context, site_root_url

PROJECT_CONFTEST = Path(__file__).resolve().parent.parent / "conftest.py"

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def project(pytestconfig):
    """tests/conftest.py as a module, for `copy_project` and `build_site`.

    Every conftest.py outside a package is imported under the one name `conftest`, so it
    cannot be imported by name; pytest keeps each registered under its path.
    """
    for plugin in pytestconfig.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "").resolve() == PROJECT_CONFTEST:
            return plugin
    raise RuntimeError(f"{PROJECT_CONFTEST} is not loaded")


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a built site the way GitHub Pages does: under the published path (e.g.
    /actiebank/), with 404.html and status 404 for any address that does not exist."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        route = unquote(urlsplit(path).path)
        if not route.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + route[len(self.prefix):])

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
    """A running PagesHandler server; `root` is the site's home, e.g.
    http://127.0.0.1:PORT/actiebank/."""

    def __init__(self, site_dir: Path):
        published = site_root_url(site_dir)
        prefix = urlsplit(published).path if published else "/"
        handler = type("Handler", (PagesHandler,), {"prefix": prefix})
        self.server = QuietServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.root = self.origin + prefix

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def pages_server():
    """Start PagesServer(site_dir) servers that are all closed after the test."""
    servers = []

    def start(site_dir: Path) -> PagesServer:
        servers.append(PagesServer(site_dir))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def site_copy(built_site, tmp_path_factory):
    """A fresh copy of the built site to plant a fault in (the original stays clean)."""
    def copy() -> Path:
        destination = tmp_path_factory.mktemp("planted") / "site"
        shutil.copytree(built_site, destination)
        return destination
    return copy


class AuditPage:
    """One browser page that records requests to other hosts (aborted) and console
    errors while it visits page after page."""

    def __init__(self, page, watch):
        self.page = page
        # The same recorder as the `watch` fixture's (tests/conftest.py: PageWatch).
        self.foreign_requests = watch.foreign_requests
        self.console_errors = watch.console_errors


@pytest.fixture
def audit_page(browser, request, project):
    """Open AuditPage(origin, viewport) browser pages; each context closes after the test."""
    contexts = []

    def open_page(origin: str, viewport: str = "desktop") -> AuditPage:
        context = audit_context(browser, VIEWPORTS[viewport], locale="nl-NL",
                                is_mobile=viewport == "phone", has_touch=viewport == "phone")
        contexts.append(context)
        page = context.new_page()
        return AuditPage(page, project.PageWatch().attach(page, origin))

    yield open_page
    for context in contexts:
        context.close()
