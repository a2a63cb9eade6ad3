"""Shared fixtures: the project's real site built once, served on 127.0.0.1, and a
Playwright browser on Debian's Chromium that fails a test on any request to another host
or any console error.

Build tests that need their own content use `build_site(tmp_path, ...)`, which copies the
project's configuration into a temporary folder and runs a real `mkdocs build` on it (the
mkdocstrings way).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "hooks", "overrides", "schema")


def copy_project(destination: Path, *, with_content: bool = True) -> Path:
    """A throw-away copy of the project (config, hooks, theme, schema, content)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / name)
    if with_content:
        shutil.copytree(ROOT / "content", destination / "content", dirs_exist_ok=True)
    else:
        (destination / "content").mkdir(exist_ok=True)
    node_modules = ROOT / "node_modules"
    if node_modules.is_dir() and not (destination / "node_modules").exists():
        (destination / "node_modules").symlink_to(node_modules, target_is_directory=True)
    return destination


def build_site(project: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` in a project folder; returns the finished process."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site", *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "ACTIEBANK_ROOT": str(project)},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's own content, built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    build_site(project)
    return project / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args,
            "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


class PageWatch:
    """What a page did that a visitor must never see: requests elsewhere, console errors."""

    def __init__(self):
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []

    def attach(self, page, origin: str) -> "PageWatch":
        """Abort and record requests that leave origin's host; record console errors."""
        local = urlsplit(origin).netloc

        def route(route):
            url = route.request.url
            if urlsplit(url).netloc == local or url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                self.foreign_requests.append(url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: self.console_errors.append(f"{page.url}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(f"{page.url}: {e}"))
        return self

    def assert_clean(self):
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def watch(page, base_url):
    """Abort and record any request that leaves 127.0.0.1; record console errors.

    The test fails at teardown when either list is not empty.
    """
    recorder = PageWatch().attach(page, base_url)
    yield recorder
    recorder.assert_clean()


@pytest.fixture(scope="session")
def project_tools():
    """copy_project and build_site for tests in folders with their own conftest.py (all
    conftest modules share one name, so importing this one by name is unreliable)."""
    import types

    return types.SimpleNamespace(copy_project=copy_project, build_site=build_site, serve=serve)
