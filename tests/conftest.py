"""Shared fixtures: the project's real site built once and served on 127.0.0.1 as GitHub
Pages serves it, and a Playwright browser on Debian's Chromium that fails a test on any
request to another host or any console error. The helpers behind them are in support/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Test this checkout's code, in this process and in every build and command the tests
# start, whichever checkout the virtualenv's editable install points at.
SOURCE = str(Path(__file__).resolve().parents[1] / "src")
sys.path.insert(0, SOURCE)
os.environ["PYTHONPATH"] = os.pathsep.join(
    part for part in (SOURCE, os.environ.get("PYTHONPATH", "")) if part
)

import pytest  # noqa: E402

from support import build_site, copy_project  # noqa: E402
from support.browser import CHROMIUM_ARGS, PageWatch  # noqa: E402
from support.once import once_per_run  # noqa: E402
from support.server import PagesServer  # noqa: E402


def build_the_project(project: Path) -> None:
    """The project's own content, copied to `project` and built there."""
    copy_project(project)
    # With the settings scripts/site runs the build with; what it prints is kept for
    # test_build_output_is_only_real_messages.
    built = build_site(
        project,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONWARNINGS": "ignore:GitWildMatchPattern:DeprecationWarning",
        },
    )
    (project / "build-output.txt").write_text(built.stdout + built.stderr, encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's own content, built once per test run (shared by the workers)."""
    return once_per_run(tmp_path_factory, "project", build_the_project) / "site"


@pytest.fixture(scope="session")
def site_server(built_site):
    server = PagesServer(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def base_url(site_server):
    """The site's home, e.g. http://127.0.0.1:PORT/actiebank/: tests write f"{base_url}acties/"
    or, with Playwright's base_url, page.goto("acties/")."""
    return site_server.root


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
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def watch(page, base_url):
    """Abort and record any request that leaves 127.0.0.1; record console errors.

    The test fails at teardown when either list is not empty.
    """
    recorder = PageWatch().attach(page, base_url)
    yield recorder
    recorder.assert_clean()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Every test that starts Chromium through Playwright's fixtures carries the browser
    marker, so `-m "not browser"` (the fast tier, scripts/test --fast) never waits for
    one. A test without it fails here, before its browser starts."""
    if "playwright" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
        pytest.fail(
            f"{item.nodeid} starts a browser but lacks @pytest.mark.browser (TESTING.md)",
            pytrace=False,
        )
